"""The confirmation belongs to the browser that sent the melding, for MELDINGEN_CONFIRMATION_MINUTES.

Only that session knows which melding it sent; "Nieuwe melding" (`?reset`) forgets it, and so does time.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import Melding

CONFIRMED_KEY = "melding_confirmed"


def remember(request, melding: Melding) -> None:
    request.session[CONFIRMED_KEY] = {
        "pk": melding.pk,
        "reference": melding.reference,
        "at": timezone.now().timestamp(),
    }


def forget(request) -> None:
    request.session.pop(CONFIRMED_KEY, None)


def confirmed_melding(request) -> Melding | None:
    """The melding this browser sent, while the confirmation may still be shown; else None."""
    confirmed = request.session.get(CONFIRMED_KEY)
    if not isinstance(confirmed, dict):
        return None
    at = confirmed.get("at")
    limit = timedelta(minutes=settings.MELDINGEN_CONFIRMATION_MINUTES).total_seconds()
    if not isinstance(at, (int, float)) or timezone.now().timestamp() - at > limit:
        forget(request)
        return None
    return Melding.objects.filter(pk=confirmed.get("pk"), reference=confirmed.get("reference")).first()
