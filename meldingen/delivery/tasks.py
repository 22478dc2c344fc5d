"""The django-tasks tasks the worker (`manage.py db_worker`) runs, and how jobs reach the queue: enqueue,
the sweep that finds lost jobs (and only that), and "Nu opnieuw proberen"."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from core.recurring import Recurring, keep_all_scheduled
from meldingen.delivery import jobs
from meldingen.delivery.models import DeliveryJob

SWEEP_PRIORITY = 50


@task()
def deliver_job(job_id: int) -> str:
    schedule_sweep()
    outcome = jobs.run_job(job_id)
    if outcome == "retry":
        job = DeliveryJob.objects.select_related("melding").get(pk=job_id)
        enqueue(job, run_after=job.next_attempt_at)
    return outcome


@task()
def sweep_deliveries() -> int:
    # Schedule the next sweep first, so a worker killed during this one leaves the chain intact.
    schedule_sweep(force=True)
    return sweep()


def sweep_schedule() -> Recurring:
    """One future sweep always waits on the queue (database backend only: it needs deferred tasks). Above
    every delivery in priority, so a long queue of retries never starves the sweep (it is quick)."""
    return Recurring(sweep_deliveries, settings.DELIVERY_SWEEP_SECONDS, priority=SWEEP_PRIORITY)


def schedule_sweep(force: bool = False) -> None:
    """Keep one future sweep on the queue (see sweep_schedule)."""
    keep_all_scheduled([sweep_schedule()], force=force)


def enqueue(job, run_after=None) -> None:
    """Put a task for the job on the queue. Without deferred tasks (tests' immediate backend) a later
    attempt is left to the sweep."""
    backend = deliver_job.get_backend()
    if run_after is not None and not backend.supports_defer:
        return
    priority = jobs.SPOED_PRIORITY if job.melding.spoed else 0
    configured = (
        deliver_job.using(priority=priority, run_after=run_after)
        if run_after
        else deliver_job.using(priority=priority)
    )
    result = configured.enqueue(job.pk)
    DeliveryJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])


def _task_waiting(task_id: str) -> bool:
    """True when the job's task is still queued (READY): then the job is not lost, only waiting."""
    if not task_id:
        return False
    from django_tasks.base import TaskResultStatus

    try:
        return deliver_job.get_result(task_id).status == TaskResultStatus.READY
    except Exception:  # no such result, or a backend that keeps none
        return False


def lost_jobs(now=None):
    """Pending jobs that are due, held by no live worker, and have no queued task."""
    now = now or timezone.now()
    candidates = (
        DeliveryJob.objects.filter(state=DeliveryJob.State.PENDING, next_attempt_at__lte=now)
        .exclude(lease_until__gt=now)
        .select_related("melding")
        .order_by("-melding__spoed", "next_attempt_at")
    )
    return [job for job in candidates if not _task_waiting(job.task_id)]


def sweep() -> int:
    """Enqueue every lost job again and send the digest of jobs that failed for good. Nothing else: the
    backoffice's retention clean-up is its own task (meldingen/backoffice/tasks.py)."""
    lost = lost_jobs()
    for job in lost:
        enqueue(job)
    jobs.send_failure_digest()
    return len(lost)


def retry_now(job) -> None:
    """The functioneel beheerder's "Nu opnieuw proberen": a fresh round of attempts, starting now, to the
    address that was approved when the job was made."""
    jobs.reset_for_retry(job)
    transaction.on_commit(lambda: enqueue(job))


def send_additions(melding) -> int:
    """What the backoffice added to a melding after it was delivered (the verwijzingen of the gesprek) goes to
    every target whose kind takes additions (ZGW: as zaakobjecten): its delivered jobs go round once more.
    Every step looks up what already exists, so only the new parts are sent; the job keeps its options."""
    sent = 0
    jobs = DeliveryJob.objects.filter(melding=melding, state=DeliveryJob.State.DELIVERED).select_related(
        "target"
    )
    for job in jobs:
        if job.target.kind_class.takes_additions:
            retry_now(job)
            sent += 1
    return sent
