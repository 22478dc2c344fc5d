"""Retention: personal data goes once a melding has been closed long enough; expired drafts go at once."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Melding, MeldingDraft


def remove_expired_personal_data(now=None) -> dict:
    """Clear the answers of meldingen closed more than MELDINGEN_RETENTION_DAYS ago; never of open ones."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.MELDINGEN_RETENTION_DAYS)
    due = Melding.objects.filter(
        closed_at__isnull=False, closed_at__lte=cutoff, personal_data_removed_at__isnull=True
    )
    with transaction.atomic():
        meldingen = due.update(encrypted_answers="", personal_data_removed_at=now)
        drafts, _ = MeldingDraft.objects.filter(expires_at__lte=now).delete()
    return {"meldingen": meldingen, "drafts": drafts}
