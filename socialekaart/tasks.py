"""Background work: keeping the sociale kaart's search index current, and reminding providers whose
capacity is stale."""

from django.conf import settings
from django_tasks import task

from core.recurring import keep_scheduled

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
