"""Who sees which complaints in the backoffice.

- **Klachtbehandelaar** (group, made by a migration): the complaints routed to a contract team they belong to,
  with the resident's data; registers complaints that came in by phone or letter; moves them along.
- **Teamleider**: every complaint, also those no contract team was found for.
- **A provider** (its login on the kaart, an `AanbiederAccount`): its own organisation's complaints, without
  the resident's data (only the summary staff wrote for it), and it can reply; it reports its number of
  clients per thema.
- Everybody else (consulent, redacteur, functioneel beheerder): nothing.
"""

from socialekaart import public

from .models import Klacht

KLACHTBEHANDELAAR = "Klachtbehandelaar"


def is_staff_handler(user) -> bool:
    return user.is_active and (
        user.has_perm("klachten.view_all_klachten") or user.has_perm("klachten.view_team_klachten")
    )


def routes_klachten(user) -> bool:
    """Who sees every complaint chooses the contract team of one that has none (or another): a team's own
    member would send it out of her sight."""
    return user.is_active and user.has_perm("klachten.view_all_klachten")


def provider_organisatie_id(user):
    """The provider's organisation, or None; a user with a staff role is never treated as a provider."""
    if not user.is_authenticated or not user.is_active or is_staff_handler(user):
        return None
    return public.organisatie_id_of_provider(user)


def can_see_klachten(user) -> bool:
    return user.is_authenticated and (is_staff_handler(user) or provider_organisatie_id(user) is not None)


def visible_klachten(user):
    qs = Klacht.objects.select_related("organisatie", "thema", "team")
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.has_perm("klachten.view_all_klachten"):
        return qs
    if user.has_perm("klachten.view_team_klachten"):
        return qs.filter(team__members=user)
    organisatie_id = provider_organisatie_id(user)
    if organisatie_id is not None:
        return qs.filter(organisatie_id=organisatie_id)
    return qs.none()
