import datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()

# The months as colleagues write them in short: "7 okt. 2026" (Taalunie's abbreviations).
MONTHS = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")


@register.filter
def datum(value) -> str:
    """A date in the backoffice's one format: "7 okt. 2026"."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


@register.filter
def datumtijd(value, seconds="") -> str:
    """A moment in the backoffice's one format: "7 okt. 2026, 14:05" (with "s": "14:05:09")."""
    if not value:
        return ""
    value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{datum(value)}, {value:%H:%M:%S}" if seconds == "s" else f"{datum(value)}, {value:%H:%M}"


@register.simple_tag
def deadline(behandeling, today=None):
    """The next term of a melding with the days left (working days for contact), or how late it is; once no
    term runs, when the onderzoek was finished and whether on time. The tag writes its few tags itself rather
    than through a template of its own: every row of the inbox has one."""
    if behandeling.next_deadline is None:
        return _finished_onderzoek(behandeling)
    days = behandeling.days_left(today)
    kind = _("Eerste contact") if behandeling.deadline_kind == "contact" else _("Onderzoek af")
    if days < 0:
        left, state = _late(-days), "late"
    elif days == 0:
        left, state = _("vandaag"), "soon"
    elif behandeling.deadline_kind == "contact":
        left = ngettext("nog %(n)s werkdag", "nog %(n)s werkdagen", days) % {"n": days}
        state = "soon" if days <= 1 else "ok"
    else:
        left = ngettext("nog %(n)s dag", "nog %(n)s dagen", days) % {"n": days}
        state = "soon" if days <= 5 else "ok"
    return _term(state, kind, behandeling.next_deadline, left)


def _finished_onderzoek(behandeling):
    days_late = behandeling.onderzoek_days_late
    if days_late is None:  # withdrawn before the onderzoek was finished
        return format_html('<span class="bo-deadline">{}</span>', _("Geen termijn meer"))
    if days_late:
        return _term("late", _("Onderzoek afgerond"), behandeling.onderzoek_afgerond_at, _late(days_late))
    return _term("done", _("Onderzoek afgerond"), behandeling.onderzoek_afgerond_at, _("op tijd"))


def _late(days: int):
    return format_html(
        "<strong>{}</strong>", ngettext("%(n)s dag te laat", "%(n)s dagen te laat", days) % {"n": days}
    )


def _term(state: str, kind: str, day, verdict):
    return format_html(
        '<span class="bo-deadline bo-deadline--{}">{}: {}<br>{}</span>', state, kind, datum(day), verdict
    )


@register.filter
def get_item(mapping, key):
    """`{{ names|get_item:code }}`: a value from a dict, or None."""
    return mapping.get(key) if hasattr(mapping, "get") else None
