"""Template filters every part of the site shares."""

import datetime
import re

from django import template
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from core.phone import callable_number
from core.reference import spelled

register = template.Library()

# Dutch phone numbers as people write them in a text: 112, 14 0599, 0800-2000, 0599-123456, 0612345678 (not
# part of a longer number or an amount such as 112,50).
_PHONE_NUMBER = re.compile(r"(?<![\d-])(112|14 0\d{3}|0\d{1,3}-\d{4,8}|0\d{9})(?![\d-]|[,.]\d)")


@register.filter
def tel(number) -> str:
    """A phone number for a tel: link, without spaces: "14 0599" → "140599" (digits and a leading plus).
    The "(0)" of "+31 (0)599 ..." is the 0 dialled only within the country: it goes."""
    text = str(number or "").strip()
    text = text.replace("(0)", "") if text.startswith("+") else text
    digits = "".join(char for char in text if char.isdigit())
    return f"+{digits}" if text.startswith("+") else digits


@register.filter
def spoken_reference(reference) -> str:
    """A reference number shown as it is and said character by character ("M 5 8 R C ..."): a screen reader
    read "58" as fifty-eight (a walk). The spoken form is not copied with the shown one."""
    return format_html(
        '<strong class="reference" aria-hidden="true">{}</strong>'
        '<span class="visually-hidden spoken"> {}</span>',
        reference,
        spelled(str(reference)),
    )


@register.filter
def unbroken(value) -> str:
    """A phone number that a printed line never breaks: "14 0599" with a no-break space (a letter read
    "Bel ons dan op 14" at the end of one line and "0599" on the next)."""
    return str(value or "").replace(" ", "\u00a0")


@register.filter(needs_autoescape=True)
def phone_links(text, autoescape=True):
    """The phone numbers in a text as tel: links: on a phone one tap calls ("Bel dan 112.")."""
    escaped = str(conditional_escape(text) if autoescape else text)
    return mark_safe(  # noqa: S308 (the text is escaped above; a number holds only digits, spaces and dashes)
        _PHONE_NUMBER.sub(lambda found: f'<a href="tel:{tel(found[1])}">{found[1]}</a>', escaped)
    )


@register.filter
def phone_link(value):
    """A value that is a whole phone number (as validate_phone takes it, "06 1234 5678" too) as a tel: link: a
    consulent on her phone taps it. Any other value as it is."""
    text = str(value or "").strip()
    return format_html('<a href="tel:{}">{}</a>', tel(text), text) if callable_number(text) else value


# The months as colleagues write them in short: "7 okt. 2026" (Taalunie's abbreviations).
MONTHS = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")


@register.filter
def datum(value) -> str:
    """A date in the staff pages' one format: "7 okt. 2026"."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


@register.filter
def datumtijd(value, seconds="") -> str:
    """A moment in the staff pages' one format: "7 okt. 2026, 14:05" (with "s": "14:05:09")."""
    if not value:
        return ""
    value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{datum(value)}, {value:%H:%M:%S}" if seconds == "s" else f"{datum(value)}, {value:%H:%M}"
