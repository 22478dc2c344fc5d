"""E-mails to the resident. They hold a reference or a link and the next steps: never answers about health."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .dates import next_steps


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


def deliver_confirmation(melding) -> None:
    subject, body = confirmation_message(melding)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [melding.contact_email])


def send_draft_link(email: str, url: str, expires_at) -> None:
    subject = _("Uw melding is bewaard: zo gaat u verder")
    body = render_to_string(
        "meldingen/email/bewaard.txt", {"url": url, "expires_at": expires_at, "municipality": _municipality()}
    )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
