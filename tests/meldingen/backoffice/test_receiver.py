"""The receiver of melding_stored: case row, routing, deadlines, jobs and the blind name index."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meldingen.backoffice.models import Behandeling
from meldingen.backoffice.search_index import name_index, search_tokens
from meldingen.backoffice.workflow import Status
from meldingen.delivery.models import DeliveryJob, DeliveryTarget
from meldingen.models import Melding
from meldingen.storage import store_melding

from ..conftest import ANDER_UITGEBREID, ZELF_KORT
from .fixtures import answers, delivery_target, store


def test_a_stored_melding_gets_a_case_routed_to_the_team_of_its_wijk(teams):
    melding = store(postcode="3913 AC")
    behandeling = melding.behandeling
    assert behandeling.status == Status.ONTVANGEN
    assert behandeling.team == teams["haven"]
    today = timezone.localdate()
    assert (behandeling.contact_deadline, behandeling.onderzoek_deadline) == Behandeling.deadlines_for(
        today, False
    )


def test_a_postcode_outside_the_municipality_gives_a_case_without_team(teams):
    assert store(postcode="1012 AB").behandeling.team is None


def test_spoed_gets_two_working_days(teams):
    behandeling = store(spoed=True).behandeling
    assert behandeling.contact_deadline == Behandeling.deadlines_for(timezone.localdate(), True)[0]


def test_one_job_per_active_approved_target_in_the_same_transaction(teams):
    delivery_target("Mail", "email")
    delivery_target("Hook", "webhook", url="http://127.0.0.1:9/webhook")
    delivery_target("Uit", "webhook", url="http://127.0.0.1:9/x", active=False)
    DeliveryTarget.objects.create(
        name="Nog niet goedgekeurd", kind="webhook", options={"url": "http://127.0.0.1:9/y"}
    )
    melding = store()
    assert sorted(melding.delivery_jobs.values_list("target__name", flat=True)) == ["Hook", "Mail"]
    assert set(melding.delivery_jobs.values_list("state", flat=True)) == {DeliveryJob.State.PENDING}


def test_if_the_receiver_fails_nothing_is_stored(teams, monkeypatch):
    from meldingen.backoffice import receivers

    def broken(melding):
        raise RuntimeError("database vol")

    monkeypatch.setattr(receivers, "create_behandeling_for", broken)
    with pytest.raises(RuntimeError):
        store_melding(answers(), submission_token="x-1")
    assert not Melding.objects.exists() and not Behandeling.objects.exists()


def test_jobs_are_enqueued_only_after_commit(teams, django_capture_on_commit_callbacks, monkeypatch):
    delivery_target("Hook", "webhook", url="http://127.0.0.1:9/webhook")
    enqueued = []
    monkeypatch.setattr(
        "meldingen.delivery.tasks.enqueue", lambda job, run_after=None: enqueued.append(job.pk)
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        melding = store()
    assert enqueued == []
    for callback in callbacks:
        callback()
    assert enqueued == list(melding.delivery_jobs.values_list("pk", flat=True))


def test_the_name_index_holds_no_readable_name(teams):
    behandeling = store(name="Anna de Vries").behandeling
    assert "anna" not in behandeling.name_index.lower() and "vries" not in behandeling.name_index.lower()
    assert behandeling.name_index == name_index("ANNA DE VRIES")
    assert all(f" {token} " in behandeling.name_index for token in search_tokens("Vriës"))


def test_rebuild_name_index_after_a_new_key(teams, settings):
    from django.core.management import call_command

    from meldingen.backoffice.inbox import search

    melding = store(name="Anna de Vries")
    settings.BACKOFFICE_BLIND_INDEX_KEY = "een-nieuwe-sleutel-voor-de-index"
    assert not search(Behandeling.objects.all(), "Vries").exists()
    call_command("rebuild_name_index", verbosity=0)
    assert list(search(Behandeling.objects.all(), "Vries")) == [melding.behandeling]


@pytest.mark.parametrize(
    ("steps", "wijk", "team"),
    [(ZELF_KORT, "Centrum", "centrum"), (ANDER_UITGEBREID, "", None)],
    ids=["in a wijk", "in no wijk"],
)
def test_sending_a_melding_looks_up_its_wijk_once(walker, teams, steps, wijk, team):
    """The wijk beside the address, the melding's own wijk and its team come from one look-up."""
    walker.walk(steps)
    with CaptureQueriesContext(connection) as queries:
        assert walker.submit()["Location"] == "/melding/bevestiging/"
    # The kaart's postcode areas (a wijk with each), read once for the whole send.
    wijk_queries = [q["sql"] for q in queries.captured_queries if 'FROM "socialekaart_wijk' in q["sql"]]
    assert len(wijk_queries) == 1
    melding = Melding.objects.get()
    assert melding.answers["gegevens"]["wijk"] == wijk
    assert (melding.wijk.name if melding.wijk else "") == wijk
    assert melding.behandeling.team == (teams[team] if team else None)


def test_a_melding_reads_its_answers_once_and_anew_once_they_are_removed(teams, monkeypatch):
    from meldingen import models

    melding = store(name="Anna de Vries")
    opened = []
    decrypt = models.decrypt_json
    monkeypatch.setattr(models, "decrypt_json", lambda token: opened.append(token) or decrypt(token))
    assert (melding.resident_name, melding.contact_email) == ("Anna de Vries", "anna@example.org")
    assert opened == []  # known since they were stored
    fresh = Melding.objects.get(pk=melding.pk)
    assert (fresh.resident_name, fresh.contact_email) == ("Anna de Vries", "anna@example.org")
    assert len(opened) == 1
    fresh.remove_personal_data()
    assert fresh.resident_name == "" and fresh.typed_answers.steps == {}


def test_a_stored_melding_keeps_one_sweep_and_one_clean_up_waiting(
    teams, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from meldingen.backoffice.tasks import forget_removed_personal_data_task
    from meldingen.delivery.tasks import sweep_deliveries

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    delivery_target("Hook", "webhook", url="http://127.0.0.1:9/webhook")
    for _ in range(2):  # a second melding queues no second run
        with django_capture_on_commit_callbacks(execute=True):
            store()
    waiting = DBTaskResult.objects.filter(run_after__gt=timezone.now())
    for task in (sweep_deliveries, forget_removed_personal_data_task):
        assert waiting.filter(task_path=task.module_path).count() == 1
