"""Running delivery jobs: one attempt at a time under a lease, growing waits, the last attempt, retry-now.
Putting jobs on the queue (and the sweep) is tasks.py's work; this module never touches the queue.

Guarantee: every job stays until it is delivered. A job is "lost" when its worker died (its lease ran out)
or its task never reached the queue; the sweep finds those and enqueues them again. Because the melding's
reference travels as idempotency key, a resend after a crash is recognised by the target.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from meldingen.delivery import kinds
from meldingen.delivery.errors import DeliveryFailed
from meldingen.delivery.models import DeliveryAttempt, DeliveryJob

logger = logging.getLogger(__name__)

SPOED_PRIORITY = 10


def backoff(attempts: int) -> timedelta:
    """The wait after the n-th failed attempt: base, 2×base, 4×base, ... up to the cap."""
    seconds = settings.DELIVERY_BACKOFF_SECONDS * (2 ** max(attempts - 1, 0))
    return timedelta(seconds=min(seconds, settings.DELIVERY_BACKOFF_MAX_SECONDS))


def lease_length(job) -> timedelta:
    kind = kinds.get(job.target.kind)
    return timedelta(seconds=kind.timeout(job.target) * kind.requests_per_attempt + 5)


def deliver(job) -> str:
    """One attempt through the target's kind; a delivery that carried the answers goes in the audit log."""
    from meldingen.backoffice.models import AuditEntry

    kind = kinds.get(job.target.kind)
    result = kind.deliver(job)
    if kind.carries_answers(job.options):
        AuditEntry.record(
            None, job.melding, AuditEntry.Action.ANSWERS_DELIVERED, job.target.audit_detail(job.options)
        )
    return result


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
    """One delivery attempt: "delivered", "retry" (the job's next_attempt_at says when), "failed" after the
    last attempt, or "skipped" when the job is done, not due or held by a live worker."""
    job = _claim(job_id)
    if job is None:
        return "skipped"
    started = timezone.now()
    try:
        result = deliver(job)
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
    return "failed" if final else "retry"


def reset_for_retry(job) -> None:
    """The functioneel beheerder's "Nu opnieuw proberen": a fresh round of attempts, starting now. The job
    keeps the options it was made with (see tasks.retry_now, which also queues it)."""
    DeliveryJob.objects.filter(pk=job.pk).update(
        state=DeliveryJob.State.PENDING,
        attempts=0,
        next_attempt_at=timezone.now(),
        lease_until=None,
        failure_reported_at=None,
    )
    job.refresh_from_db()


def send_failure_digest() -> int:
    """One e-mail to the functioneel beheerders listing every job that failed for good since the last one."""
    from meldingen.delivery.digest import send_digest

    return send_digest()
