from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.templatetags.core_tags import datum
from meldingen.backoffice.models import SOON
from meldingen.backoffice.signalen import onderwerp_labels

register = template.Library()


@register.simple_tag
def deadline(behandeling, today=None):
    """The next term of a melding with the days left (working days for contact), or how late it is; once no
    term runs, when the beschikking went out or else the onderzoek was finished, and whether on time. The tag
    writes its few tags itself rather than through a template of its own: every row of the inbox has one."""
    if behandeling.next_deadline is None:
        if behandeling.beschikking_days_late is not None:
            return _finished_beschikking(behandeling)
        return _finished_onderzoek(behandeling)
    # "uiterlijk": "Onderzoek af: 16 nov. 17 dagen te laat" read as finished on 16 November
    if behandeling.deadline_kind != "contact":
        return _running_term(behandeling, behandeling.deadline_kind, today)
    contact = _running_term(behandeling, "contact", today)
    if _time_left(behandeling, "onderzoek", today)[0] == "ok":
        return contact
    # Still no contact when the onderzoek's own (legal) term is near or over: that one is said too.
    return format_html("{}<br>{}", contact, _running_term(behandeling, "onderzoek", today))


@register.simple_tag
def time_left(behandeling, kind: str, today=None):
    """On a melding's page, beside the day of its term of this kind ("contact", "onderzoek" or "beschikking"):
    the days left while that term runs, or how late it is; once the onderzoek is finished, when and whether on
    time. The onderzoek's term runs from the melding on, also while the first contact is still to come."""
    running = behandeling.next_deadline is not None
    if kind == "onderzoek" and (not running or behandeling.deadline_kind == "beschikking"):
        return _finished_onderzoek(behandeling)
    if kind == "beschikking" and behandeling.beschikking_days_late is not None:
        return _finished_beschikking(behandeling)
    if not running or (kind != "onderzoek" and behandeling.deadline_kind != kind):
        return ""
    state, left = _time_left(behandeling, kind, today)
    return format_html('<span class="bo-deadline bo-deadline--{}">{}</span>', state, left)


def _running_term(behandeling, kind: str, today):
    if kind == "contact":
        label, day = _("Eerste contact uiterlijk"), behandeling.contact_deadline
    elif kind == "beschikking":
        label, day = _("Beschikking uiterlijk"), behandeling.beschikking_deadline
    else:
        label, day = _("Onderzoek af uiterlijk"), behandeling.onderzoek_deadline
    return _term(*_time_left(behandeling, kind, today), kind=label, day=day)


def _time_left(behandeling, kind: str, today) -> tuple[str, str]:
    """(state, words) of a running term: working days for the contact, calendar days for the others."""
    days = behandeling.days_left(kind, today)
    if days < 0:
        return "late", _late(-days, working_days=kind == "contact")
    if days == 0:  # a walk read a lone "vandaag" as when it came in
        return "soon", _("vandaag de laatste dag")
    if kind == "contact":
        left = ngettext("nog %(n)s werkdag", "nog %(n)s werkdagen", days) % {"n": days}
    else:
        left = ngettext("nog %(n)s dag", "nog %(n)s dagen", days) % {"n": days}
    return ("soon" if days <= SOON[kind] else "ok"), left


@register.simple_tag
def first_contact(behandeling):
    """When the first contact was made and whether within its term; nothing before it was made."""
    days_late = behandeling.contact_days_late
    if days_late is None:
        return ""
    verdict = _late(days_late, working_days=True) if days_late else _("op tijd")
    return format_html("{} {}: {}", _("Contact op"), datum(behandeling.contacted_at), verdict)


def _finished_onderzoek(behandeling):
    """Finished after its term is history, not something to do now: it says how long after the term, not in
    the red of "te laat", which the inbox's filter and the dashboard count as late now."""
    days_late = behandeling.onderzoek_days_late
    if days_late is None:  # withdrawn before the onderzoek was finished
        return format_html('<span class="bo-deadline">{}</span>', _("Geen termijn meer"))
    verdict = _after_the_term(days_late) if days_late else _("op tijd")
    return _term("done", verdict, kind=_("Onderzoek afgerond"), day=behandeling.onderzoek_afgerond_at)


def _finished_beschikking(behandeling):
    """As a finished onderzoek: when the beschikking went out, and how long after its term."""
    days_late = behandeling.beschikking_days_late
    verdict = _after_the_term(days_late) if days_late else _("op tijd")
    return _term("done", verdict, kind=_("Beschikking gegeven"), day=behandeling.closed_at)


def _after_the_term(days: int) -> str:
    return ngettext("%(n)s dag na de termijn", "%(n)s dagen na de termijn", days) % {"n": days}


def _late(days: int, working_days: bool = False):
    """How late: the contact term counts working days, the onderzoek's calendar days."""
    if working_days:
        text = ngettext("%(n)s werkdag te laat", "%(n)s werkdagen te laat", days)
    else:
        text = ngettext("%(n)s dag te laat", "%(n)s dagen te laat", days)
    return format_html("<strong>{}</strong>", text % {"n": days})


def _term(state: str, verdict, *, kind: str, day):
    return format_html(
        '<span class="bo-deadline bo-deadline--{}">{}: {}<br>{}</span>', state, kind, datum(day), verdict
    )


@register.filter
def get_item(mapping, key):
    """`{{ names|get_item:code }}`: a value from a dict, or None."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def signaal_onderwerpen(signaal) -> str:
    """What a signal is about, in words: a row said only who sent it and when. One list: "Eenzaamheid, de
    mantelzorger is overbelast"."""
    labels = onderwerp_labels(signaal)
    return ", ".join([*labels[:1], *(label[:1].lower() + label[1:] for label in labels[1:])])
