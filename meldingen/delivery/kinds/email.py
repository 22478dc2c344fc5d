"""E-mail: a notice to the wijkteam's mailbox with the reference and a link, never the answers."""

from django import forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meldingen.delivery.errors import DeliveryFailed
from meldingen.delivery.kinds import register
from meldingen.delivery.kinds.base import DeliveryKind
from meldingen.delivery.payload import IDEMPOTENCY_HEADER, backoffice_url


@register("email")
class EmailNotice(DeliveryKind):
    label = gettext_lazy("E-mail naar de mailbox van het wijkteam")
    heading = gettext_lazy("E-mail")
    order = 10
    option_fields = {
        "fallback_email": forms.EmailField(
            label=gettext_lazy("E-mailadres als het wijkteam geen mailbox heeft"), required=False
        ),
    }

    def deliver(self, job) -> str:
        melding = job.melding
        team = melding.behandeling.team
        recipient = (team.mailbox if team else "") or job.options.get("fallback_email", "")
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
