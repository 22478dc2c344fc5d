"""Each delivery target against a stand-in server on 127.0.0.1: success, 500s, timeouts, refusals."""

import base64
import json

import jwt
import pytest
from cryptography.fernet import Fernet
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from meldingen.crypto import DEVELOPMENT_KEY
from meldingen.delivery import signing
from meldingen.delivery.jobs import run_job
from meldingen.delivery.models import DeliveryJob, DeliveryTarget
from tests.meldingen.backoffice.fixtures import *  # noqa: F403
from tests.meldingen.backoffice.fixtures import delivery_target, store  # noqa: F811
from tests.meldingen.backoffice.standin import StandIn, refused_url

SECRET = "gedeeld-geheim-van-de-gemeente-lindewaard"


@pytest.fixture
def standin():
    server = StandIn().start()
    yield server
    server.stop()


def _job(target, **store_kwargs) -> DeliveryJob:
    melding = store(**store_kwargs)
    return DeliveryJob.objects.get(melding=melding, target=target)


def _attempts(job):
    return list(job.attempt_log.values_list("success", "result"))


# --- webhook ----------------------------------------------------------------------------------------


@pytest.fixture
def webhook(standin, teams):
    return delivery_target("Eigen systeem", "webhook", SECRET, url=f"{standin.url}/webhook")


def test_webhook_delivers_signed_json_with_the_reference_as_idempotency_key(webhook, standin):
    job = _job(webhook)
    assert run_job(job.pk) == "delivered"
    job.refresh_from_db()
    assert job.state == DeliveryJob.State.DELIVERED and _attempts(job) == [(True, "HTTP 201")]
    [request] = standin.requests
    assert request.headers["Idempotency-Key"] == job.melding.reference
    assert signing.verify(SECRET, request.headers, request.body)
    assert not signing.verify("een ander geheim", request.headers, request.body)
    payload = request.json()
    assert payload["reference"] == job.melding.reference and payload["team"] == "Wijkteam Centrum"
    assert "answers" not in payload and "Anna" not in request.body.decode()


def test_webhook_signature_is_hmac_sha256_over_timestamp_and_body():
    import hashlib
    import hmac

    headers = signing.signed_headers("s3cret", b'{"a":1}', now=1_700_000_000)
    expected = hmac.new(b"s3cret", b'1700000000.{"a":1}', hashlib.sha256).hexdigest()
    assert headers == {"X-Wmo-Timestamp": "1700000000", "X-Wmo-Signature": f"sha256={expected}"}
    assert signing.verify("s3cret", headers, b'{"a":1}', now=1_700_000_100)
    assert not signing.verify("s3cret", headers, b'{"a":2}', now=1_700_000_100)  # body changed
    assert not signing.verify("s3cret", headers, b'{"a":1}', now=1_700_001_000)  # too old: replay


def test_webhook_can_carry_the_answers_when_a_teamleider_approved_it(standin, teams):
    webhook = delivery_target(
        "Eigen systeem", "webhook", SECRET, url=f"{standin.url}/webhook", include_answers=True
    )
    run_job(_job(webhook).pk)
    assert standin.requests[0].json()["answers"]["gegevens"]["naam"] == "Anna de Vries"


@pytest.mark.parametrize("status", ["500", "503"])
def test_webhook_server_error_is_retried_later(webhook, standin, status, settings):
    settings.DELIVERY_BACKOFF_SECONDS = 30
    standin.mode = status
    job = _job(webhook)
    assert run_job(job.pk) == "retry"
    job.refresh_from_db()
    assert job.state == DeliveryJob.State.PENDING and job.attempts == 1
    assert _attempts(job) == [(False, f"HTTP {status}")]
    assert 29 <= (job.next_attempt_at - job.attempt_log.get().finished_at).total_seconds() <= 31
    assert run_job(job.pk) == "skipped"  # not due yet: nothing is sent
    assert len(standin.requests) == 1


def test_webhook_timeout_is_a_failed_attempt(webhook, standin):
    webhook.timeout = 0.3
    webhook.save()
    standin.mode, standin.slow_seconds = "slow", 1.5
    job = _job(webhook)
    assert run_job(job.pk) == "retry"
    assert _attempts(job) == [(False, "geen antwoord binnen 0.3 s")]


def test_webhook_refused_connection_is_a_failed_attempt(teams):
    target = delivery_target("Dicht", "webhook", SECRET, url=refused_url())
    job = _job(target)
    assert run_job(job.pk) == "retry"
    assert _attempts(job) == [(False, "geen verbinding")]


def test_a_resend_after_a_crash_reaches_the_receiver_once(webhook, standin):
    job = _job(webhook)
    run_job(job.pk)
    DeliveryJob.objects.filter(pk=job.pk).update(state=DeliveryJob.State.PENDING)  # as if the result was lost
    assert run_job(job.pk) == "delivered"
    assert len(standin.requests) == 2 and standin.webhook_count() == 1


def test_webhook_conflict_means_already_received(webhook, standin, monkeypatch):
    monkeypatch.setattr(standin, "answer", lambda received: (409, {"detail": "bestaat al"}))
    job = _job(webhook)
    assert run_job(job.pk) == "delivered"


# --- e-mail -----------------------------------------------------------------------------------------


@pytest.fixture
def email_target(teams):
    return delivery_target("Mailbox", "email", fallback_email="wmo@lindewaard.example")


def test_email_goes_to_the_team_mailbox_with_reference_and_link_only(email_target):
    job = _job(email_target, name="Anna de Vries", postcode="3913 AC")
    assert run_job(job.pk) == "delivered"
    [message] = mail.outbox
    assert message.to == ["haven@lindewaard.example"]
    assert job.melding.reference in message.subject and job.melding.reference in message.body
    assert f"/admin/backoffice/meldingen/{job.melding.behandeling.pk}/" in message.body
    for secret in ("Anna", "Vries", "stofzuigen", "heup", "0612345678", "Marktstraat"):
        assert secret not in message.body and secret not in message.subject
    assert message.extra_headers["Message-ID"].startswith(f"<{job.melding.reference}.")


def test_email_without_team_uses_the_fallback_address(email_target):
    job = _job(email_target, postcode="1012 AB")
    run_job(job.pk)
    assert mail.outbox[0].to == ["wmo@lindewaard.example"]


def test_email_without_any_address_fails_and_is_kept(teams):
    target = delivery_target("Leeg", "email")
    job = _job(target, postcode="1012 AB")
    assert run_job(job.pk) == "retry"
    assert _attempts(job) == [(False, "geen e-mailadres")] and not mail.outbox


def test_email_server_down_is_a_failed_attempt(email_target, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = (
        "127.0.0.1",
        int(refused_url().split(":")[2].split("/")[0]),
        False,
    )
    job = _job(email_target)
    assert run_job(job.pk) == "retry"
    assert _attempts(job) == [(False, "e-mail niet verstuurd")]


# --- ZGW --------------------------------------------------------------------------------------------


@pytest.fixture
def zgw_target(standin, teams):
    return delivery_target(
        "Open Zaak",
        "zgw",
        SECRET,
        client_id="wmo-portaal",
        zaken_api_url=f"{standin.url}/zaken/api/v1",
        documenten_api_url=f"{standin.url}/documenten/api/v1",
        zaaktype=f"{standin.url}/catalogi/api/v1/zaaktypen/1",
        informatieobjecttype=f"{standin.url}/catalogi/api/v1/informatieobjecttypen/1",
        roltype_initiator=f"{standin.url}/catalogi/api/v1/roltypen/1",
        bronorganisatie="999999990",
    )


def _calls(standin):
    return [(request.method, request.path.split("/api/v1/")[1]) for request in standin.requests]


def test_zgw_creates_zaak_document_link_and_initiator_in_order(zgw_target, standin):
    job = _job(zgw_target)
    assert run_job(job.pk) == "delivered"
    assert _calls(standin) == [
        ("GET", "zaken"),
        ("POST", "zaken"),
        ("GET", "enkelvoudiginformatieobjecten"),
        ("POST", "enkelvoudiginformatieobjecten"),
        ("GET", "zaakinformatieobjecten"),
        ("POST", "zaakinformatieobjecten"),
        ("GET", "rollen"),
        ("POST", "rollen"),
    ]
    zaak = standin.zgw["zaken"][0]
    assert (
        zaak["identificatie"] == job.melding.reference and zaak["zaaktype"] == zgw_target.options["zaaktype"]
    )
    document = standin.zgw["enkelvoudiginformatieobjecten"][0]
    assert base64.b64decode(document["inhoud"]).startswith(b"%PDF")
    assert document["formaat"] == "application/pdf" and document["taal"] == "dut"
    link = standin.zgw["zaakinformatieobjecten"][0]
    assert (link["zaak"], link["informatieobject"]) == (zaak["url"], document["url"])
    rol = standin.zgw["rollen"][0]
    assert rol["zaak"] == zaak["url"] and rol["betrokkeneIdentificatie"]["geslachtsnaam"] == "de Vries"
    job.refresh_from_db()
    assert job.progress["zaak"] == zaak["url"]


def test_zgw_requests_carry_a_valid_hs256_jwt(zgw_target, standin):
    job = _job(zgw_target)
    run_job(job.pk)
    for request in standin.requests:
        scheme, token = request.headers["Authorization"].split(" ")
        claims = jwt.decode(token, SECRET, algorithms=["HS256"])
        assert scheme == "Bearer"
        assert claims["iss"] == claims["client_id"] == "wmo-portaal"
        assert claims["user_id"] and isinstance(claims["iat"], int)
        assert jwt.get_unverified_header(token)["alg"] == "HS256"
        assert request.headers["Idempotency-Key"] == job.melding.reference


def test_zgw_retry_after_a_failure_midway_never_makes_a_second_zaak(zgw_target, standin, monkeypatch):
    original = standin.answer

    def fail_documents(received):
        if "enkelvoudiginformatieobjecten" in received.path and received.method == "POST":
            return 500, {"detail": "opslag vol"}
        return original(received)

    monkeypatch.setattr(standin, "answer", fail_documents)
    job = _job(zgw_target)
    assert run_job(job.pk) == "retry"
    assert _attempts(job) == [(False, "HTTP 500")]
    monkeypatch.setattr(standin, "answer", original)
    DeliveryJob.objects.filter(pk=job.pk).update(next_attempt_at=job.created_at)
    assert run_job(job.pk) == "delivered"
    assert len(standin.zgw["zaken"]) == 1 and len(standin.zgw["enkelvoudiginformatieobjecten"]) == 1


def test_zgw_finds_an_existing_zaak_by_reference(zgw_target, standin):
    job = _job(zgw_target)
    standin.zgw["zaken"] = [
        {
            "identificatie": job.melding.reference,
            "bronorganisatie": "999999990",
            "url": f"{standin.url}/zaken/api/v1/zaken/bestaand",
        }
    ]
    run_job(job.pk)
    assert ("POST", "zaken") not in _calls(standin)
    assert standin.zgw["rollen"][0]["zaak"].endswith("/zaken/bestaand")


def test_zgw_server_error_and_refused_connection_are_failed_attempts(zgw_target, standin):
    standin.mode = "500"
    job = _job(zgw_target)
    assert run_job(job.pk) == "retry"
    standin.stop()
    DeliveryJob.objects.filter(pk=job.pk).update(next_attempt_at=job.created_at)
    assert run_job(job.pk) == "retry"
    assert _attempts(job) == [(False, "HTTP 500"), (False, "geen verbinding")]


def test_zgw_timeout_is_a_failed_attempt(zgw_target, standin):
    zgw_target.timeout = 0.3
    zgw_target.save()
    standin.mode, standin.slow_seconds = "slow", 1.5
    job = _job(zgw_target)
    assert run_job(job.pk) == "retry"
    assert _attempts(job) == [(False, "geen antwoord binnen 0.3 s")]


def test_payloads_are_json(webhook, standin):
    run_job(_job(webhook).pk)
    assert json.loads(standin.requests[0].body)["soort"] == "uitgebreid"


# --- secrets at rest ----------------------------------------------------------------------------------


def test_the_database_holds_delivery_secrets_only_encrypted(webhook):
    with connection.cursor() as cursor:
        cursor.execute("SELECT secrets FROM backoffice_deliverytarget WHERE id = %s", [webhook.pk])
        [stored] = cursor.fetchone()
    assert SECRET not in stored and stored.startswith("gAAAA")  # a Fernet token
    assert DeliveryTarget.objects.get(pk=webhook.pk).secrets == {"hmac_key": SECRET}


def test_key_rotation_reseals_delivery_secrets_and_stops_when_no_key_opens_them(settings, webhook):
    new_key = Fernet.generate_key().decode()
    settings.MELDINGEN_ENCRYPTION_KEYS = [new_key, DEVELOPMENT_KEY]
    call_command("rotate_melding_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.MELDINGEN_ENCRYPTION_KEYS = [new_key]  # the old key is gone: the secret still opens
    assert DeliveryTarget.objects.get(pk=webhook.pk).secrets == {"hmac_key": SECRET}
    settings.MELDINGEN_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(CommandError, match="put the old key back"):
        call_command("rotate_melding_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
