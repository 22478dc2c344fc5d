"""A short e-mail to the resident when the status of their melding changes: the reference and a link to
"Waar staat mijn melding?", never the status itself, a name or an answer. Sent through the task queue, after
the status change committed, only when the resident (or the person who made the melding) gave an address.

Several changes in a row give one e-mail: a walk got five identical ones in two minutes, as a consulent
called, planned the gesprek and noted it in one go. With a queue that can wait (the database backend) the
notice goes BACKOFFICE_STATUS_NOTICE_DELAY_SECONDS after the change; a change while one waits adds none."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from meldingen.emails import status_page_url
from meldingen.models import Melding

logger = logging.getLogger(__name__)


def queue_status_notice(behandeling_pk: int) -> None:
    try:
        if not send_status_notice.get_backend().supports_defer:
            send_status_notice.enqueue(behandeling_pk)
        elif not _waiting(behandeling_pk):
            later = timezone.now() + timedelta(seconds=settings.BACKOFFICE_STATUS_NOTICE_DELAY_SECONDS)
            send_status_notice.using(run_after=later).enqueue(behandeling_pk)
    except Exception as exc:  # noqa: BLE001 - the status change stands; the notice is a courtesy
        logger.error("Queueing the status notice failed: %s", type(exc).__name__)


def _waiting(behandeling_pk: int) -> bool:
    """A notice for this melding that has not gone yet."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=send_status_notice.module_path,
        status=TaskResultStatus.READY,
        args_kwargs__args=[behandeling_pk],
    ).exists()


def status_notice(melding) -> tuple[str, str]:
    subject = _("Er is nieuws over uw melding %(reference)s") % {"reference": melding.reference}
    body = render_to_string(
        "backoffice/email/status.txt",
        {
            "melding": melding,
            "url": status_page_url(),
            "municipality": {"name": settings.MUNICIPALITY_NAME, "phone": settings.MUNICIPALITY_PHONE},
        },
    )
    return subject, body


@task()
def send_status_notice(behandeling_pk: int) -> bool:
    melding = Melding.objects.filter(
        behandeling__pk=behandeling_pk, personal_data_removed_at__isnull=True
    ).first()
    if melding is None or not melding.contact_email:
        return False
    subject, body = status_notice(melding)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [melding.contact_email])
    return True
