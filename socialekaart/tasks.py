"""Background work: keeping the sociale kaart's search index current, reminding providers whose capacity is
stale, and closing and opening voorzieningen on the days of their planned closures."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from core.recurring import keep_scheduled

from . import closures
from .search import get_backend


@task()
def index_voorzieningen(ids: list[str]) -> int:
    get_backend().index(ids)
    return len(ids)


@task()
def remove_voorzieningen(ids: list[str]) -> int:
    get_backend().remove(ids)
    return len(ids)


@task()
def synonyms_changed() -> None:
    get_backend().synonyms_changed()


@task()
def rebuild_search_index() -> int:
    return get_backend().rebuild()


REMINDER_PRIORITY = 30


@task()
def remind_capacity() -> int:
    """E-mail the providers whose capacity is older than 7 days (see capacity_reminders.py)."""
    from .capacity_reminders import send_reminders

    schedule_capacity_reminders(force=True)  # first, so a worker killed during this run keeps the chain
    return send_reminders()


def schedule_capacity_reminders(force: bool = False) -> None:
    """Keep one future run of the reminders on the queue (database task backend only)."""
    keep_scheduled(
        remind_capacity,
        settings.SOCIALEKAART_CAPACITY_REMINDER_SECONDS,
        priority=REMINDER_PRIORITY,
        force=force,
    )


@task()
def apply_closures() -> int:
    """Planned closures that start or ended today (see closures.py); runs again after the next midnight."""
    schedule_closures(force=True)
    return sum(closures.apply())


def apply_closures_now() -> None:
    """After closures changed: apply them now (one may start today), and keep the nightly run waiting."""
    closures.apply()
    schedule_closures()


def schedule_closures(force: bool = False) -> None:
    """Keep one run of `apply_closures` on the queue, a minute after the next midnight (local time)."""
    next_day = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), time(0, 1)))
    # From now in UTC: two local times of one zone subtract as clocks do, an hour off on the nights summer
    # time begins and ends (the run came at 01:01, or at 23:01 the evening before).
    wait = next_day - timezone.now()
    keep_scheduled(apply_closures, wait.total_seconds(), priority=REMINDER_PRIORITY, force=force)
