"""Retention: once a complaint has been afgehandeld for KLACHTEN_RETENTION_DAYS, the resident's words and
contact details go, and so do the texts written about it (the summary for the provider, the provider's reply,
the answer to the resident), which may name the resident, and the reason of a postponement. The row stays
(organisation, thema, dates, oordeel): the stoplicht counts it."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import Klacht


def remove_expired_personal_data(now=None) -> int:
    """Clear complaints closed more than KLACHTEN_RETENTION_DAYS ago; never open ones. Returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.KLACHTEN_RETENTION_DAYS)
    return Klacht.objects.filter(
        afgehandeld_op__isnull=False, afgehandeld_op__lte=cutoff, personal_data_removed_at__isnull=True
    ).update(
        encrypted_gegevens="",
        samenvatting_aanbieder="",
        reactie_aanbieder="",
        verdaging_reden="",
        antwoord_inwoner="",
        personal_data_removed_at=now,
    )
