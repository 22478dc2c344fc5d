"""Moving delivery to its own app keeps every row: a database filled by the old code (delivery models in the
backoffice app, one column per kind-specific setting) reads the same through the new models."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from meldingen.crypto import fernet

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.migration]

OLD = [("backoffice", "0003_encrypted_delivery_secret"), ("delivery", None)]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([target for target in targets if target[1]]).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_targets_jobs_and_attempts_made_by_the_old_code_are_all_there_after_the_move():
    from django.utils import timezone

    from meldingen.backoffice import roles

    roles.ensure_roles()  # a transactional test before this one may have emptied the tables, groups too
    old = _migrate(OLD)
    try:
        Melding = old.get_model("meldingen", "Melding")
        Target = old.get_model("backoffice", "DeliveryTarget")
        Job = old.get_model("backoffice", "DeliveryJob")
        Attempt = old.get_model("backoffice", "DeliveryAttempt")
        melding = Melding.objects.create(reference="M-TEST-0001", soort="kort", voor_wie="zelf")
        hook = Target.objects.create(
            name="Zaaksysteem",
            kind="webhook",
            url="https://zaak.example/in",
            include_answers=True,
            secret="hmac-sleutel-van-de-gemeente",
        )
        zgw = Target.objects.create(
            name="Open Zaak",
            kind="zgw",
            secret="client-secret",
            client_id="wmo",
            zaken_api_url="https://zaken.example/api/v1",
            documenten_api_url="https://documenten.example/api/v1",
            zaaktype="https://catalogi.example/zaaktypen/1",
            informatieobjecttype="https://catalogi.example/iot/1",
            roltype_initiator="https://catalogi.example/roltypen/1",
            bronorganisatie="999999990",
        )
        Target.objects.create(
            name="Mailbox", kind="email", fallback_email="wmo@lindewaard.example", active=False
        )
        job = Job.objects.create(
            melding=melding, target=hook, state="failed", attempts=10, last_error="HTTP 503"
        )
        now = timezone.now()
        Attempt.objects.create(job=job, started_at=now, finished_at=now, success=False, result="HTTP 503")
        with connection.cursor() as cursor:
            cursor.execute("SELECT secret FROM backoffice_deliverytarget WHERE id = %s", [hook.pk])
            assert fernet().decrypt(cursor.fetchone()[0].encode()) == b"hmac-sleutel-van-de-gemeente"
    finally:
        _migrate(_latest())

    from django.contrib.auth.models import Group

    from meldingen.delivery.models import DeliveryAttempt, DeliveryJob, DeliveryTarget

    hook, zgw, mailbox = (
        DeliveryTarget.objects.get(name=name) for name in ("Zaaksysteem", "Open Zaak", "Mailbox")
    )
    assert hook.options == {"url": "https://zaak.example/in", "include_answers": True}
    assert hook.secrets == {"hmac_key": "hmac-sleutel-van-de-gemeente"}
    assert (
        zgw.options["zaken_api_url"] == "https://zaken.example/api/v1" and zgw.options["client_id"] == "wmo"
    )
    assert zgw.secrets == {"client_secret": "client-secret"}
    assert mailbox.options == {"fallback_email": "wmo@lindewaard.example"} and not mailbox.active
    # What ran before stays in service: the targets count as approved.
    assert hook.in_service and zgw.in_service and hook.approved_options == hook.options
    job = DeliveryJob.objects.get()
    assert job.target == hook and job.state == "failed" and job.last_error == "HTTP 503"
    assert job.options == hook.options  # a retry goes where the job was going
    assert DeliveryAttempt.objects.get().job == job
    # The roles keep their permissions on the moved models, and the teamleider can approve.
    beheerder = Group.objects.get(name="Functioneel beheerder").permissions
    assert beheerder.filter(content_type__app_label="delivery", codename="change_deliverytarget").exists()
    teamleider = Group.objects.get(name="Teamleider").permissions
    assert teamleider.filter(content_type__app_label="delivery", codename="approve_deliverytarget").exists()
