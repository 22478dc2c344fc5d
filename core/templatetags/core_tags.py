"""Template filters every part of the site shares."""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def tel(number) -> str:
    """A phone number for a tel: link, without spaces: "14 0599" → "140599" (digits and a leading plus)."""
    text = str(number or "").strip()
    digits = "".join(char for char in text if char.isdigit())
    return f"+{digits}" if text.startswith("+") else digits


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
