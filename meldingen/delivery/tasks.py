"""The django-tasks tasks the worker (`manage.py db_worker`) runs."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from meldingen.delivery import jobs

SWEEP_PRIORITY = 50


@task()
def deliver_job(job_id: int) -> str:
    schedule_sweep()
    return jobs.run_job(job_id)


@task()
def sweep_deliveries() -> int:
    # Schedule the next sweep first, so a worker killed during this one leaves the chain intact.
    schedule_sweep(force=True)
    return jobs.sweep()


def schedule_sweep(force: bool = False) -> None:
    """Keep one future sweep on the queue (database backend only: it needs deferred tasks)."""
    backend = sweep_deliveries.get_backend()
    if not backend.supports_defer:
        return
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=sweep_deliveries.module_path, status=TaskResultStatus.READY, backend_name=backend.alias
    )
    if force:
        waiting = waiting.filter(run_after__gt=timezone.now())
    if waiting.exists():
        return
    run_after = timezone.now() + timedelta(seconds=settings.DELIVERY_SWEEP_SECONDS)
    # Above every delivery, so a long queue of retries never starves the sweep (it is quick).
    sweep_deliveries.using(run_after=run_after, priority=SWEEP_PRIORITY).enqueue()
