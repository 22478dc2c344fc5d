"""Background work of the melding: the confirmation e-mail and the retention clean-up."""

import logging

from django_tasks import task

from .emails import deliver_confirmation

logger = logging.getLogger(__name__)


def queue_confirmation_email(melding) -> bool:
    """Queue the confirmation when there is an address; a failure here never undoes the stored melding."""
    if not melding.contact_email:
        return False
    try:
        send_confirmation_email.enqueue(melding.pk)
    except Exception as exc:  # noqa: BLE001 - the melding is stored; the e-mail is a courtesy
        logger.error("Queueing the confirmation e-mail failed: %s", type(exc).__name__)
        return False
    return True


@task()
def send_confirmation_email(melding_pk: int) -> None:
    from .models import Melding

    melding = Melding.objects.filter(pk=melding_pk, personal_data_removed_at__isnull=True).first()
    if melding is not None:
        deliver_confirmation(melding)


@task()
def remove_expired_personal_data_task() -> dict:
    from .retention import remove_expired_personal_data

    return remove_expired_personal_data()
