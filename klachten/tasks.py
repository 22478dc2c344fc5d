"""The daily recount of the traffic lights, so complaints older than the window drop out by themselves.

Scheduled like the delivery sweep: each run queues the next, `KLACHTEN_STOPLICHT_SECONDS` later; the chain
starts whenever the lights are computed (a complaint, a change of client numbers, `manage.py
update_stoplichten`)."""

from django.conf import settings
from django_tasks import task

from core.recurring import keep_scheduled
from klachten.stoplicht import werk_bij

STOPLICHT_PRIORITY = 30


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
