"""Background work of the melding: the confirmation e-mail and the retention clean-up."""

from django_tasks import task


@task()
def send_confirmation_email(melding_pk: int) -> None:
    from .emails import deliver_confirmation
    from .models import Melding

    melding = Melding.objects.filter(pk=melding_pk, personal_data_removed_at__isnull=True).first()
    if melding is not None:
        deliver_confirmation(melding)


@task()
def remove_expired_personal_data_task() -> dict:
    from .retention import remove_expired_personal_data

    return remove_expired_personal_data()
