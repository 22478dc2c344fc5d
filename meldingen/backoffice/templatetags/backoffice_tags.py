from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.inclusion_tag("backoffice/_deadline.html")
def deadline(behandeling, today=None):
    """The next term of a melding with the days left (working days for contact), or how late it is."""
    if behandeling.next_deadline is None:
        return {"text": _("Geen termijn meer"), "state": "none"}
    days = behandeling.days_left(today)
    kind = _("Eerste contact") if behandeling.deadline_kind == "contact" else _("Onderzoek af")
    when = date_format(behandeling.next_deadline, "j F Y")
    if days < 0:
        left = ngettext("%(n)s dag te laat", "%(n)s dagen te laat", -days) % {"n": -days}
        state = "late"
    elif days == 0:
        left, state = _("vandaag"), "soon"
    elif behandeling.deadline_kind == "contact":
        left = ngettext("nog %(n)s werkdag", "nog %(n)s werkdagen", days) % {"n": days}
        state = "soon" if days <= 1 else "ok"
    else:
        left = ngettext("nog %(n)s dag", "nog %(n)s dagen", days) % {"n": days}
        state = "soon" if days <= 5 else "ok"
    return {"kind": kind, "when": when, "left": left, "state": state}


@register.filter
def get_item(mapping, key):
    """`{{ names|get_item:code }}`: a value from a dict, or None."""
    return mapping.get(key) if hasattr(mapping, "get") else None
