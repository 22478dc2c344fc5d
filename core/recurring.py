"""Tasks that run again and again: each run puts the next one on the queue, so one future run is always
waiting. Needs a backend with deferred tasks (the database backend); elsewhere it does nothing."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone


@dataclass(frozen=True)
class Recurring:
    """A task that should always have one run waiting, `seconds` from when it is queued."""

    task: object
    seconds: float
    priority: int = 0


def keep_scheduled(task, seconds: float, priority: int = 0, force: bool = False) -> None:
    """Make sure one run of `task` waits on the queue, `seconds` from now.

    `force` (from inside a run): ignore a waiting run that is already due, i.e. the one now running."""
    keep_all_scheduled([Recurring(task, seconds, priority)], force=force)


def keep_all_scheduled(recurring: list[Recurring], force: bool = False) -> None:
    """`keep_scheduled` for several tasks at once: one query finds which of them already wait."""
    by_backend = {}
    for each in recurring:
        backend = each.task.get_backend()
        if backend.supports_defer:
            by_backend.setdefault(backend.alias, []).append(each)
    if not by_backend:
        return
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    for alias, tasks in by_backend.items():
        waiting = DBTaskResult.objects.filter(
            task_path__in=[each.task.module_path for each in tasks],
            status=TaskResultStatus.READY,
            backend_name=alias,
        )
        if force:
            waiting = waiting.filter(run_after__gt=timezone.now())
        already = set(waiting.order_by().values_list("task_path", flat=True))
        for each in tasks:
            if each.task.module_path not in already:
                run_after = timezone.now() + timedelta(seconds=each.seconds)
                each.task.using(run_after=run_after, priority=each.priority).enqueue()
