"""What every kind tells a receiver about a melding: its reference (the idempotency key) and its link."""

from django.conf import settings
from django.urls import reverse

IDEMPOTENCY_HEADER = "Idempotency-Key"


def backoffice_url(melding) -> str:
    return settings.SITE_URL + reverse("backoffice:melding", args=[melding.behandeling.pk])
