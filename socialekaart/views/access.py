"""Who counts as a professional on the sociale kaart.

A professional is a logged-in, active user in the group named by `SOCIALEKAART_PROFESSIONALS_GROUP`
(default "Professionals": wijkteams, consulenten, teamleiders, huisartsen), an editor of the kaart, staff or a
superuser. Professionals see the capacity per wijk, the waiting times and the professionals' contacts of every
provider, and may export a result list.

A provider's login (an `AanbiederAccount`) is never a professional, whatever its permissions: it sees its own
organisation's capacity and contacts (see `sees_professional_part`) and every other provider as the public
does, and it cannot export.
"""

from django.conf import settings

from ..permissions import organisatie_id_of, professionals_group_name


def is_professional(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    cached = getattr(user, "_socialekaart_professional", None)
    if cached is None:
        if user.is_superuser:
            cached = True
        elif organisatie_id_of(user) is not None:
            cached = False  # a provider: only its own organisation, see sees_professional_part
        else:
            cached = (
                user.is_staff
                or user.has_perm("socialekaart.view_capaciteit")  # the kaart's editors
                or user.groups.filter(name=professionals_group_name()).exists()
            )
        user._socialekaart_professional = cached
    return cached


def sees_professional_part(user, voorziening) -> bool:
    """Whether the detail page shows this user the capacity and the professionals' contacts: a professional
    always, a provider only for its own organisation's voorzieningen."""
    if is_professional(user):
        return True
    organisatie_id = organisatie_id_of(user) if getattr(user, "is_authenticated", False) else None
    return organisatie_id is not None and organisatie_id == voorziening.organisatie_id


def is_professional_request(request) -> bool:
    """Whether a professional made this request. Without a session cookie the visitor is anonymous, and
    the session is left unread, so the page can be the same for every such visitor (and be cached)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return is_professional(request.user)
