"""The delivery targets. Each `deliver_*` function sends one melding and returns a short result label,
or raises DeliveryFailed. Every target is told the melding's reference as idempotency key, so a resend
after a crash is recognised by the receiver."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.translation import gettext as _

from meldingen.delivery import http, zgw
from meldingen.delivery.errors import DeliveryFailed
from meldingen.delivery.signing import signed_headers

IDEMPOTENCY_HEADER = "Idempotency-Key"


def backoffice_url(melding) -> str:
    return settings.SITE_URL + reverse("backoffice:melding", args=[melding.behandeling.pk])


def timeout_for(target) -> float:
    return target.timeout or settings.DELIVERY_TIMEOUT_SECONDS


def deliver_email(job) -> str:
    """A notice to the wijkteam's mailbox: the reference and a link, never the answers."""
    melding = job.melding
    team = melding.behandeling.team
    recipient = (team.mailbox if team else "") or job.target.fallback_email
    if not recipient:
        raise DeliveryFailed(
            "geen e-mailadres", "het wijkteam heeft geen mailbox en het doel geen vervangend adres"
        )
    subject = _("Nieuwe melding %(reference)s") % {"reference": melding.reference}
    if melding.spoed:
        subject = _("Spoed: nieuwe melding %(reference)s") % {"reference": melding.reference}
    body = _(
        "Er is een nieuwe Wmo-melding binnengekomen.\n\n"
        "Kenmerk: %(reference)s\n"
        "Bekijk de melding in de backoffice: %(url)s\n\n"
        "De gegevens van de inwoner staan alleen in de backoffice."
    ) % {"reference": melding.reference, "url": backoffice_url(melding)}
    host = settings.SITE_URL.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "localhost"
    message = EmailMessage(
        subject,
        body,
        to=[recipient],
        headers={
            # The same Message-ID for a resend lets mail systems drop the duplicate.
            "Message-ID": f"<{melding.reference}.{job.target_id}@{host}>",
            IDEMPOTENCY_HEADER: melding.reference,
        },
    )
    try:
        message.send(fail_silently=False)
    except OSError as error:
        raise DeliveryFailed("e-mail niet verstuurd", str(error)[:200]) from error
    return _("e-mail verstuurd")


def webhook_payload(job) -> dict:
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
    if job.target.include_answers:
        payload["answers"] = melding.answers
    return payload


def deliver_webhook(job) -> str:
    import json

    target = job.target
    body = json.dumps(webhook_payload(job), separators=(",", ":"), ensure_ascii=False, default=str).encode()
    headers = {
        "Content-Type": "application/json",
        IDEMPOTENCY_HEADER: job.melding.reference,
        **signed_headers(target.secret, body),
    }
    try:
        response = http.send("POST", target.url, headers=headers, body=body, timeout=timeout_for(target))
    except DeliveryFailed as failure:
        if failure.result == "HTTP 409":  # the receiver already has this reference
            return _("al ontvangen (HTTP 409)")
        raise
    return f"HTTP {response.status_code}"


def deliver_zgw(job) -> str:
    return zgw.deliver(job, timeout_for(job.target))


DELIVERERS = {"email": deliver_email, "webhook": deliver_webhook, "zgw": deliver_zgw}


def deliver(job) -> str:
    return DELIVERERS[job.target.kind](job)
