"""Delivery jobs: growing waits, the last attempt, the digest, retry now, leases and the sweep."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from meldingen.backoffice.models import AuditEntry
from meldingen.delivery import jobs, kinds
from meldingen.delivery.jobs import backoff, run_job
from meldingen.delivery.models import DeliveryJob
from meldingen.delivery.tasks import lost_jobs, retry_now, sweep
from tests.meldingen.backoffice.fixtures import *  # noqa: F403
from tests.meldingen.backoffice.fixtures import assert_refused, delivery_target, store  # noqa: F811
from tests.meldingen.backoffice.standin import StandIn


@pytest.fixture
def standin():
    server = StandIn().start()
    yield server
    server.stop()


@pytest.fixture
def webhook(standin, teams):
    return delivery_target("Eigen systeem", "webhook", "x" * 32, url=f"{standin.url}/webhook")


def _make_due(job):
    DeliveryJob.objects.filter(pk=job.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def test_waits_grow_and_are_capped(settings):
    settings.DELIVERY_BACKOFF_SECONDS, settings.DELIVERY_BACKOFF_MAX_SECONDS = 30, 600
    assert [backoff(n).total_seconds() for n in range(1, 8)] == [30, 60, 120, 240, 480, 600, 600]


def test_after_the_last_attempt_the_job_fails_and_the_beheerder_gets_one_digest(
    webhook, standin, staff, settings
):
    settings.DELIVERY_MAX_ATTEMPTS = 3
    settings.BACKOFFICE_ADMIN_EMAILS = ["applicatiebeheer@lindewaard.example"]
    standin.mode = "503"
    job = DeliveryJob.objects.get(melding=store())
    results = []
    for _ in range(3):
        _make_due(job)
        results.append(run_job(job.pk))
    assert results == ["retry", "retry", "failed"]
    job.refresh_from_db()
    assert job.state == DeliveryJob.State.FAILED and job.attempts == 3
    # The digest is sent on commit; the sweep sends it too (and never twice).
    assert sweep() == 0
    assert sweep() == 0
    [digest] = mail.outbox
    assert set(digest.to) == {"beheerder@lindewaard.example", "applicatiebeheer@lindewaard.example"}
    assert job.melding.reference in digest.body and "HTTP 503" in digest.body
    assert "Anna" not in digest.body
    # A failed job is kept, never dropped, and "Nu opnieuw proberen" starts a fresh round.
    standin.mode = "ok"
    retry_now(job)
    job.refresh_from_db()
    assert job.state == DeliveryJob.State.PENDING and job.attempts == 0
    assert run_job(job.pk) == "delivered"
    assert job.attempt_log.count() == 4 and standin.webhook_count() == 1


def test_a_job_held_by_a_live_worker_is_not_run_twice(webhook):
    job = DeliveryJob.objects.get(melding=store())
    DeliveryJob.objects.filter(pk=job.pk).update(lease_until=timezone.now() + timedelta(minutes=1))
    assert run_job(job.pk) == "skipped"
    assert lost_jobs() == []


def test_the_sweep_finds_a_job_whose_worker_died_and_delivers_it(webhook, standin):
    job = DeliveryJob.objects.get(melding=store())
    # A worker claimed it, then was killed: the lease ran out and no task is queued.
    DeliveryJob.objects.filter(pk=job.pk).update(
        lease_until=timezone.now() - timedelta(seconds=1), attempts=1, task_id="verdwenen"
    )
    assert [lost.pk for lost in lost_jobs()] == [job.pk]
    assert sweep() == 1  # the immediate test backend runs the task at once
    job.refresh_from_db()
    assert job.state == DeliveryJob.State.DELIVERED and standin.webhook_count() == 1


def test_the_sweep_skips_jobs_that_wait_for_their_next_attempt(webhook):
    job = DeliveryJob.objects.get(melding=store())
    DeliveryJob.objects.filter(pk=job.pk).update(next_attempt_at=timezone.now() + timedelta(minutes=5))
    assert lost_jobs() == []


def test_spoed_jobs_come_first(webhook, monkeypatch):
    store(spoed=False)
    spoed = store(spoed=True)
    assert lost_jobs()[0].melding == spoed
    priorities = []

    class RecordingTask:
        def get_backend(self):
            return SimpleNamespace(supports_defer=False)

        def using(self, **kwargs):
            priorities.append(kwargs["priority"])
            return self

        def enqueue(self, job_pk):
            return SimpleNamespace(id=f"task-{job_pk}")

        def get_result(self, task_id):
            raise LookupError(task_id)

    monkeypatch.setattr("meldingen.delivery.tasks.deliver_job", RecordingTask())
    sweep()
    assert priorities == [jobs.SPOED_PRIORITY, 0]


def test_storing_a_melding_delivers_after_commit(webhook, standin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        melding = store()
    assert standin.webhook_count(melding.reference) == 1
    assert DeliveryJob.objects.get(melding=melding).state == DeliveryJob.State.DELIVERED


def test_a_crashing_target_keeps_the_job(webhook, monkeypatch):
    monkeypatch.setattr(type(kinds.get("webhook")), "deliver", lambda self, job: 1 / 0)
    job = DeliveryJob.objects.get(melding=store())
    assert run_job(job.pk) == "retry"
    assert job.attempt_log.get().result == "interne fout"


def test_retry_now_is_for_the_functioneel_beheerder_only(webhook, standin, staff, client, settings):
    settings.DELIVERY_MAX_ATTEMPTS = 1
    standin.mode = "500"
    job = DeliveryJob.objects.get(melding=store())
    run_job(job.pk)
    url = reverse("backoffice:retry_delivery", args=[job.pk])
    for role in ("consulent", "teamleider", "redacteur"):
        client.force_login(staff[role])
        assert_refused(client.post(url))
    job.refresh_from_db()
    assert job.state == DeliveryJob.State.FAILED
    client.force_login(staff["beheerder"])
    page = client.get(reverse("backoffice:deliveries"))
    assert job.melding.reference in page.content.decode() and "Nu opnieuw proberen" in page.content.decode()
    # A walk on a phone: the table ran off the screen ("Actie" cut off) in a box the keyboard could not
    # scroll (axe-core: scrollable-region-focusable). Each row is a card there, the box a named region.
    listing = page.content.decode()
    assert 'class="bo-table-wrap" tabindex="0" role="region" aria-label="Bezorgingen"' in listing
    assert "bo-table--cards" in listing and 'data-label="Actie"' in listing
    standin.mode = "ok"
    assert client.post(url).status_code == 302
    job.refresh_from_db()
    assert job.state == DeliveryJob.State.PENDING and job.attempts == 0
    # Nothing failed any more: the list chosen is empty, which is not "nothing waits for delivery".
    failed = client.get(reverse("backoffice:deliveries"), {"state": "failed"}).content.decode()
    assert "Er zijn geen bezorgingen die zo staan." in failed and "Er is niets dat op" not in failed
    assert AuditEntry.objects.filter(
        reference=job.melding.reference, action="delivery_retried", user=staff["beheerder"]
    ).exists()


def test_attempts_are_shown_on_the_melding_page(webhook, standin, staff, client):
    standin.mode = "503"
    job = DeliveryJob.objects.get(melding=store())
    run_job(job.pk)
    client.force_login(staff["teamleider"])
    html = client.get(reverse("backoffice:melding", args=[job.melding.behandeling.pk])).content.decode()
    assert "Eigen systeem" in html and "HTTP 503" in html and "Wacht op bezorging" in html


def test_the_sweep_command_catches_up(webhook, standin):
    from django.core.management import call_command

    job = DeliveryJob.objects.get(melding=store())  # stored without its task ever reaching the queue
    call_command("sweep_deliveries", verbosity=0)
    job.refresh_from_db()
    assert job.state == DeliveryJob.State.DELIVERED and standin.webhook_count() == 1
