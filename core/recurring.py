"""Tasks that run again and again: each run puts the next one on the queue, so one future run is always
waiting. Needs a backend with deferred tasks (the database backend); elsewhere it does nothing."""

from datetime import timedelta

from django.utils import timezone


def keep_scheduled(task, seconds: float, priority: int = 0, force: bool = False) -> None:
    """Make sure one run of `task` waits on the queue, `seconds` from now.

    `force` (from inside a run): ignore a waiting run that is already due, i.e. the one now running."""
    backend = task.get_backend()
    if not backend.supports_defer:
        return
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=task.module_path, status=TaskResultStatus.READY, backend_name=backend.alias
    )
    if force:
        waiting = waiting.filter(run_after__gt=timezone.now())
    if waiting.exists():
        return
    task.using(run_after=timezone.now() + timedelta(seconds=seconds), priority=priority).enqueue()
