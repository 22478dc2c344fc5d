"""Webhook: a JSON POST signed with HMAC-SHA256 (see signing.py), the reference as idempotency key."""

import json

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meldingen.delivery import http
from meldingen.delivery.errors import DeliveryFailed
from meldingen.delivery.kinds import register
from meldingen.delivery.kinds.base import DeliveryKind, HttpsURLFormField
from meldingen.delivery.payload import IDEMPOTENCY_HEADER, backoffice_url
from meldingen.delivery.signing import signed_headers


def webhook_payload(job) -> dict:
    """What the webhook sends: the melding's facts and terms; the answers only when that was approved."""
    melding = job.melding
    behandeling = melding.behandeling
    payload = {
        "reference": melding.reference,
        "created_at": melding.created_at.isoformat(),
        "soort": melding.soort,
        "voor_wie": melding.voor_wie,
        "spoed": melding.spoed,
        "onderwerpen": list(melding.onderwerpen or []),
        "wijk": melding.wijk.name if melding.wijk_id else None,
        "team": behandeling.team.name if behandeling.team_id else None,
        "contact_deadline": behandeling.contact_deadline.isoformat(),
        "onderzoek_deadline": behandeling.onderzoek_deadline.isoformat(),
        "backoffice_url": backoffice_url(melding),
    }
    if job.options.get("include_answers"):
        payload["answers"] = melding.answers
    return payload


@register("webhook")
class Webhook(DeliveryKind):
    label = gettext_lazy("Webhook (JSON, ondertekend met HMAC)")
    heading = gettext_lazy("Webhook")
    order = 20
    option_fields = {
        "url": HttpsURLFormField(label=gettext_lazy("Webhook-adres"), required=False),
        "include_answers": forms.BooleanField(
            label=gettext_lazy("Antwoorden meesturen"),
            required=False,
            help_text=gettext_lazy(
                "Alleen voor een eigen systeem van de gemeente met een beveiligde verbinding. "
                "Een teamleider moet dit eerst goedkeuren."
            ),
        ),
    }
    secret_fields = {
        "hmac_key": forms.CharField(
            label=gettext_lazy("Sleutel van de handtekening (HMAC)"), required=False, max_length=200
        ),
    }
    required = ("url", "hmac_key")
    address_options = ("url",)

    def carries_answers(self, options: dict) -> bool:
        return bool(options.get("include_answers"))

    def deliver(self, job) -> str:
        target = job.target
        body = json.dumps(
            webhook_payload(job), separators=(",", ":"), ensure_ascii=False, default=str
        ).encode()
        headers = {
            "Content-Type": "application/json",
            IDEMPOTENCY_HEADER: job.melding.reference,
            **signed_headers(target.secrets.get("hmac_key", ""), body),
        }
        try:
            response = http.send(
                "POST", job.options["url"], headers=headers, body=body, timeout=self.timeout(target)
            )
        except DeliveryFailed as failure:
            if failure.result == "HTTP 409":  # the receiver already has this reference
                return _("al ontvangen (HTTP 409)")
            raise
        return f"HTTP {response.status_code}"
