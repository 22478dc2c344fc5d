"""The backoffice's own recurring task: forget its copies of personal data once retention removed them.

Scheduled like the delivery sweep: each run queues the next, `BACKOFFICE_RETENTION_SECONDS` later; the
chain starts when a melding is stored, or with `manage.py forget_removed_personal_data`."""

from django.conf import settings
from django_tasks import task

from core.recurring import Recurring, keep_all_scheduled

RETENTION_PRIORITY = 40


@task()
def forget_removed_personal_data_task() -> int:
    from meldingen.backoffice.retention import forget_removed_personal_data

    schedule_retention(force=True)
    return forget_removed_personal_data()


def retention_schedule() -> Recurring:
    return Recurring(
        forget_removed_personal_data_task, settings.BACKOFFICE_RETENTION_SECONDS, priority=RETENTION_PRIORITY
    )


def schedule_retention(force: bool = False) -> None:
    keep_all_scheduled([retention_schedule()], force=force)
