"""E-mails to the resident. They hold a reference or a link and the next steps: never answers about health."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .dates import next_steps

logger = logging.getLogger(__name__)


def _municipality():
    return {
        "name": settings.MUNICIPALITY_NAME,
        "phone": settings.MUNICIPALITY_PHONE,
        "email": settings.MUNICIPALITY_EMAIL,
    }


def confirmation_message(melding) -> tuple[str, str]:
    subject = _("Wij hebben uw melding ontvangen (%(reference)s)") % {"reference": melding.reference}
    body = render_to_string(
        "meldingen/email/bevestiging.txt",
        {"melding": melding, "next": next_steps(melding), "municipality": _municipality()},
    )
    return subject, body


def send_confirmation(melding) -> bool:
    """Queue the confirmation when there is an address; a failure here never undoes the stored melding."""
    if not melding.contact_email:
        return False
    from .tasks import send_confirmation_email

    try:
        send_confirmation_email.enqueue(melding.pk)
    except Exception as exc:  # noqa: BLE001 - the melding is stored; the e-mail is a courtesy
        logger.error("Queueing the confirmation e-mail failed: %s", type(exc).__name__)
        return False
    return True


def deliver_confirmation(melding) -> None:
    subject, body = confirmation_message(melding)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [melding.contact_email])


def send_draft_link(email: str, url: str, expires_at) -> None:
    subject = _("Uw melding is bewaard: zo gaat u verder")
    body = render_to_string(
        "meldingen/email/bewaard.txt", {"url": url, "expires_at": expires_at, "municipality": _municipality()}
    )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
