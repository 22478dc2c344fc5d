"""Running delivery jobs: one attempt at a time under a lease, growing waits, the sweep, and retry-now.

Guarantee: every job stays until it is delivered. A job is "lost" when its worker died (its lease ran out)
or its task never reached the queue; the sweep finds those and enqueues them again. Because the melding's
reference travels as idempotency key, a resend after a crash is recognised by the target.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from meldingen.backoffice.models import DeliveryAttempt, DeliveryJob
from meldingen.delivery import targets
from meldingen.delivery.errors import DeliveryFailed

logger = logging.getLogger(__name__)

SPOED_PRIORITY = 10
ZGW_CALLS = 8  # finds and creates: the most requests one attempt makes


def backoff(attempts: int) -> timedelta:
    """The wait after the n-th failed attempt: base, 2×base, 4×base, ... up to the cap."""
    seconds = settings.DELIVERY_BACKOFF_SECONDS * (2 ** max(attempts - 1, 0))
    return timedelta(seconds=min(seconds, settings.DELIVERY_BACKOFF_MAX_SECONDS))


def lease_length(job) -> timedelta:
    return timedelta(seconds=targets.timeout_for(job.target) * ZGW_CALLS + 5)


def _claim(job_id: int):
    """Take the job for one attempt, or return None when it is done, not due, or held by a live worker."""
    now = timezone.now()
    with transaction.atomic():
        job = DeliveryJob.objects.select_for_update().select_related("target").filter(pk=job_id).first()
        if job is None or job.state != DeliveryJob.State.PENDING:
            return None
        if job.next_attempt_at > now or (job.lease_until and job.lease_until > now):
            return None
        job.attempts += 1
        job.lease_until = now + lease_length(job)
        job.save(update_fields=["attempts", "lease_until"])
    return job


def run_job(job_id: int) -> str:
    """One delivery attempt; schedules the next one or marks the job failed after the last attempt."""
    job = _claim(job_id)
    if job is None:
        return "skipped"
    started = timezone.now()
    try:
        result = targets.deliver(job)
    except DeliveryFailed as failure:
        return _record_failure(job, started, failure.result, failure.error)
    except Exception as error:  # a bug or bad configuration must not lose the job
        logger.exception("delivery job %s raised", job.pk)
        return _record_failure(job, started, "interne fout", type(error).__name__)
    finished = timezone.now()
    with transaction.atomic():
        DeliveryAttempt.objects.create(
            job=job, started_at=started, finished_at=finished, success=True, result=result
        )
        DeliveryJob.objects.filter(pk=job.pk).update(
            state=DeliveryJob.State.DELIVERED, delivered_at=finished, lease_until=None, last_error=""
        )
    return "delivered"


def _record_failure(job, started, result: str, error: str) -> str:
    now = timezone.now()
    final = job.attempts >= settings.DELIVERY_MAX_ATTEMPTS
    with transaction.atomic():
        DeliveryAttempt.objects.create(
            job=job,
            started_at=started,
            finished_at=now,
            success=False,
            result=result[:200],
            error=error[:500],
        )
        job.last_error = f"{result}: {error}"[:500] if error else result[:500]
        job.lease_until = None
        if final:
            job.state = DeliveryJob.State.FAILED
        else:
            job.next_attempt_at = now + backoff(job.attempts)
        job.save(update_fields=["last_error", "lease_until", "state", "next_attempt_at"])
        if final:
            transaction.on_commit(send_failure_digest)
        else:
            transaction.on_commit(lambda: enqueue(job, run_after=job.next_attempt_at))
    return "failed" if final else "retry"


def enqueue(job, run_after=None) -> None:
    """Put a task for the job on the queue. Without deferred tasks (tests' immediate backend) a later
    attempt is left to the sweep."""
    from meldingen.delivery.tasks import deliver_job

    backend = deliver_job.get_backend()
    if run_after is not None and not backend.supports_defer:
        return
    priority = SPOED_PRIORITY if job.melding.spoed else 0
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

    from meldingen.delivery.tasks import deliver_job

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
    """Enqueue every lost job again and send the digest of jobs that failed for good."""
    from meldingen.backoffice.retention import forget_removed_personal_data

    jobs = lost_jobs()
    for job in jobs:
        enqueue(job)
    send_failure_digest()
    forget_removed_personal_data()
    return len(jobs)


def retry_now(job) -> None:
    """The functioneel beheerder's "Nu opnieuw proberen": a fresh round of attempts, starting now."""
    DeliveryJob.objects.filter(pk=job.pk).update(
        state=DeliveryJob.State.PENDING,
        attempts=0,
        next_attempt_at=timezone.now(),
        lease_until=None,
        failure_reported_at=None,
    )
    job.refresh_from_db()
    transaction.on_commit(lambda: enqueue(job))


def send_failure_digest() -> int:
    """One e-mail to the functioneel beheerders listing every job that failed for good since the last one."""
    from meldingen.delivery.digest import send_digest

    return send_digest()
