"""E-mails to the resident. They hold a reference or a link and the next steps: never answers about health."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from core.context_processors import municipality_contact

from .confirmation import what_happens_next


def status_page_url() -> str:
    """The address of "Waar staat mijn melding?" as the e-mails give it."""
    return settings.SITE_URL + reverse("melding_status")


def greeting(name: str) -> str:
    """ "Beste A. Jansen," with the name the writer gave; the form asks no aanhef, so the name as given."""
    name = " ".join((name or "").split())
    return _("Beste %(name)s,") % {"name": name} if name else _("Goedendag,")


def writer_name(answers) -> str:
    """The name of who wrote the melding (and gets the e-mail): the maker for someone else."""
    return answers.step("melder").text("naam") if answers.for_someone_else else answers.resident_name


def confirmation_message(melding) -> tuple[str, str]:
    subject = _("Wij hebben uw melding ontvangen (%(reference)s)") % {"reference": melding.reference}
    body = render_to_string(
        "meldingen/email/bevestiging.txt",
        {
            "melding": melding,
            **what_happens_next(melding),
            "municipality": municipality_contact(),
            "greeting": greeting(writer_name(melding.typed_answers)),
            "status_url": status_page_url(),
            "site_url": settings.SITE_URL,
        },
    )
    return subject, body


def deliver_confirmation(melding) -> None:
    subject, body = confirmation_message(melding)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [melding.contact_email])


def send_draft_link(email: str, url: str, expires_at, name: str = "") -> None:
    subject = _("Uw melding is bewaard: zo gaat u verder")
    body = render_to_string(
        "meldingen/email/bewaard.txt",
        {
            "url": url,
            "expires_at": expires_at,
            "municipality": municipality_contact(),
            "greeting": greeting(name),
        },
    )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
