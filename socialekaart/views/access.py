"""Who counts as a professional on the sociale kaart.

A professional is a logged-in, active user who is staff, has the permission to view capacity
(`socialekaart.view_capaciteit`, which editors and provider accounts get), or is in the group named by
`SOCIALEKAART_PROFESSIONALS_GROUP` (default "Professionals": wijkteams, consulenten, huisartsen).
Professionals also see the professionals' contacts and the capacity per wijk, and may export a result list.
"""

from django.conf import settings

DEFAULT_GROUP = "Professionals"


def is_professional(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    cached = getattr(user, "_socialekaart_professional", None)
    if cached is None:
        group = getattr(settings, "SOCIALEKAART_PROFESSIONALS_GROUP", DEFAULT_GROUP) or DEFAULT_GROUP
        cached = (
            user.is_staff
            or user.has_perm("socialekaart.view_capaciteit")
            or user.groups.filter(name=group).exists()
        )
        user._socialekaart_professional = cached
    return cached


def is_professional_request(request) -> bool:
    """Whether a professional made this request. Without a session cookie the visitor is anonymous, and
    the session is left unread, so the page can be the same for every such visitor (and be cached)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return is_professional(request.user)
