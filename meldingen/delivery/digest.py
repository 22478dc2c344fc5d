"""The digest e-mail to the functioneel beheerders about deliveries that failed for good."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from meldingen.backoffice.roles import FUNCTIONEEL_BEHEERDER
from meldingen.delivery.models import DeliveryJob


def recipients() -> list[str]:
    users = (
        get_user_model().objects.filter(groups__name=FUNCTIONEEL_BEHEERDER, is_active=True).exclude(email="")
    )
    return sorted({*settings.BACKOFFICE_ADMIN_EMAILS, *users.values_list("email", flat=True)})


def send_digest() -> int:
    unreported = list(
        DeliveryJob.objects.filter(state=DeliveryJob.State.FAILED, failure_reported_at__isnull=True)
        .select_related("melding", "target")
        .order_by("pk")
    )
    if not unreported:
        return 0
    # Claim the rows first so two workers never send the same digest.
    claimed = DeliveryJob.objects.filter(
        pk__in=[job.pk for job in unreported], failure_reported_at__isnull=True
    ).update(failure_reported_at=timezone.now())
    if not claimed:
        return 0
    to = recipients()
    if not to:
        return 0
    lines = [f"- {job.melding.reference} → {job.target.name}: {job.last_error}" for job in unreported]
    body = _(
        "Deze meldingen zijn na de laatste poging niet bezorgd:\n\n%(lines)s\n\n"
        "Ze blijven bewaard. Los het probleem op en kies daarna 'Nu opnieuw proberen': %(url)s"
    ) % {"lines": "\n".join(lines), "url": settings.SITE_URL + reverse("backoffice:deliveries")}
    subject = _("%(count)s meldingen niet bezorgd") % {"count": len(unreported)}
    send_mail(subject, body, None, to)
    return len(unreported)
