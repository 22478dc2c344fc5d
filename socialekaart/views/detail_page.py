"""The page of one voorziening."""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from core.templatetags.core_tags import tel

from .. import closures
from ..models import Stoplicht
from ..permissions import organisatie_id_of
from .access import is_professional, sees_professional_part
from .back_link import back_url
from .results import detail_queryset, related_voorzieningen
from .search_page import kaart_breadcrumbs


@require_safe
def detail(request, slug):
    is_pro = is_professional(request.user)
    provider = not is_pro and organisatie_id_of(request.user) is not None
    # A provider's login reads everything of the page once, and sees the professionals' part of its own
    # organisation's voorzieningen only.
    voorziening = get_object_or_404(detail_queryset(professional=is_pro or provider), slug=slug)
    professional = sees_professional_part(request.user, voorziening)
    contacten = list(voorziening.contacten.all())
    sluiting_nu, sluitingen_straks = closures.announced(voorziening)
    context = {
        "voorziening": voorziening,
        "professional": professional,
        "eigen_organisatie": professional and not is_pro,
        **_contact_for_residents(
            voorziening, [contact for contact in contacten if not contact.voor_professionals]
        ),
        "contacten_professionals": [contact for contact in contacten if contact.voor_professionals]
        if professional
        else [],
        "capaciteit": list(voorziening.capaciteit.all()) if professional else [],
        "sluiting_nu": sluiting_nu,
        "sluitingen_straks": sluitingen_straks,
        "related": related_voorzieningen(voorziening),
        "stoplichten": stoplichten(voorziening),
        "back_url": back_url(request.GET.get("terug", ""), voorziening.slug),
        "breadcrumbs": kaart_breadcrumbs({"url": voorziening.get_absolute_url(), "title": voorziening.name}),
    }
    return render(request, "socialekaart/detail.html", context)


def stoplichten(voorziening) -> list[Stoplicht]:
    """The organisation's traffic light for each of this voorziening's themes (written by the klachten app);
    a theme without one reads "Te weinig gegevens", as a light without enough figures does. A walk: 9 of the
    17 Huishouden offers showed no word about it beside those with a colour, and could not be compared."""
    themas = list(voorziening.themas.all())
    found = voorziening.organisatie.stoplichten.filter(thema__in=themas).select_related("thema")
    lights = {light.thema_id: light for light in found}
    none_yet = Stoplicht.Kleur.GEEN
    return [lights.get(thema.pk) or Stoplicht(thema=thema, kleur=none_yet) for thema in themas]


@dataclass
class ShownContact:
    name: str
    rol: str
    telefoon: str
    email: str


def _contact_for_residents(voorziening, contacten) -> dict:
    """The contacts for residents and the organisation's phone and e-mail under "Contact", each number and
    address once on the page: the same 0599-642217 stood under "Bel:", at the balie and at the organisation,
    and a resident asked which one to call. A contact left with neither is not shown."""
    shown = {_same(voorziening.aanmelden_telefoon), _same(voorziening.aanmelden_email)} - {""}

    def first_time(value: str) -> str:
        key = _same(value)
        if not key or key in shown:
            return ""
        shown.add(key)
        return value

    kept = [
        ShownContact(contact.name, contact.rol, first_time(contact.telefoon), first_time(contact.email))
        for contact in contacten
    ]
    organisatie = voorziening.organisatie
    return {
        "contacten_inwoners": [contact for contact in kept if contact.telefoon or contact.email],
        "organisatie_telefoon": first_time(organisatie.phone),
        "organisatie_email": first_time(organisatie.email),
    }


def _same(value: str) -> str:
    """A phone number as its tel: link dials it, an e-mail address in lower case: one key however it is
    written."""
    value = (value or "").strip().lower()
    return value if "@" in value else tel(value)
