"""The recurring tasks of the complaints: the daily recount of the traffic lights, so complaints older than
the window drop out by themselves, and the retention clean-up.

Scheduled like the delivery sweep: each run queues the next (`KLACHTEN_STOPLICHT_SECONDS`,
`KLACHTEN_RETENTION_SECONDS` later); the chains start whenever a complaint is made (and the lights whenever
client numbers change), or with `manage.py update_stoplichten` and `manage.py remove_expired_klacht_data`."""

from django.conf import settings
from django_tasks import task

from core.recurring import keep_scheduled
from klachten.stoplicht import werk_bij

STOPLICHT_PRIORITY = 30
RETENTION_PRIORITY = 40


@task()
def update_stoplichten_task() -> int:
    schedule_stoplichten(force=True)
    return werk_bij()


def recount() -> int:
    """Compute the lights now, and make sure the daily recount is on the queue."""
    schedule_stoplichten()
    return werk_bij()


def schedule_stoplichten(force: bool = False) -> None:
    keep_scheduled(
        update_stoplichten_task, settings.KLACHTEN_STOPLICHT_SECONDS, priority=STOPLICHT_PRIORITY, force=force
    )


@task()
def remove_expired_personal_data_task() -> int:
    from klachten.retention import remove_expired_personal_data

    schedule_retention(force=True)
    return remove_expired_personal_data()


def schedule_retention(force: bool = False) -> None:
    keep_scheduled(
        remove_expired_personal_data_task,
        settings.KLACHTEN_RETENTION_SECONDS,
        priority=RETENTION_PRIORITY,
        force=force,
    )
