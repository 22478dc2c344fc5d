"""Delivery targets cannot siphon off meldingen: a second person approves every new target, new address or
change that adds personal data; queued jobs keep the approved address; production sends only over https to
listed hosts; everything is in the audit log, which the database itself keeps append-only."""

import pytest
from django.contrib.auth.models import Group
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from meldingen.backoffice import roles
from meldingen.backoffice.models import AuditEntry
from meldingen.delivery import addresses
from meldingen.delivery.jobs import run_job
from meldingen.delivery.models import DeliveryJob, DeliveryTarget
from meldingen.delivery.tasks import retry_now
from tests.meldingen.backoffice.fixtures import *  # noqa: F403
from tests.meldingen.backoffice.fixtures import assert_refused, delivery_target, make_user, store  # noqa: F811
from tests.meldingen.backoffice.standin import StandIn

NEW = "/admin/bezorgdoelen/new/"


@pytest.fixture
def standin():
    server = StandIn().start()
    yield server
    server.stop()


@pytest.fixture
def other_standin():
    server = StandIn().start()
    yield server
    server.stop()


def _create(client, user, url, **extra):
    client.force_login(user)
    data = {"name": "Zaaksysteem", "kind": "webhook", "active": "on", "webhook_url": url}
    data["webhook_hmac_key"] = "s" * 32
    data.update(extra)
    response = client.post(NEW, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return DeliveryTarget.objects.get(name=data["name"])


def _edit(client, user, target, **changes):
    client.force_login(user)
    data = {
        "name": target.name,
        "active": "on" if target.active else "",
        "webhook_url": target.options["url"],
    }
    if target.options.get("include_answers"):
        data["webhook_include_answers"] = "on"
    data.update(changes)
    response = client.post(f"/admin/bezorgdoelen/edit/{target.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    target.refresh_from_db()
    return target


def _decide(client, user, target, decision="approve"):
    client.force_login(user)
    return client.post(reverse("backoffice:target_decide", args=[target.pk]), {"decision": decision})


def _jobs(melding):
    return list(DeliveryJob.objects.filter(melding=melding))


def test_only_a_key_that_is_there_is_kept_when_its_field_is_left_empty(staff, client, standin):
    """A new target has no key to keep: its key fields do not say so, and neither does another kind's."""
    from bs4 import BeautifulSoup

    def hints(html: str) -> dict[str, str]:
        page = BeautifulSoup(html, "html.parser")
        fields = ("webhook_hmac_key", "zgw_client_secret")
        return {name: page.find(id=f"id_{name}").find_parent(class_="w-field").get_text() for name in fields}

    keep = "Laat dit leeg om de sleutel te houden die er al is."
    client.force_login(staff["beheerder"])
    new = hints(client.get(NEW).content.decode())
    assert keep not in new["webhook_hmac_key"] and keep not in new["zgw_client_secret"]
    target = _create(client, staff["beheerder"], standin.url)
    edit = hints(client.get(f"/admin/bezorgdoelen/edit/{target.pk}/").content.decode())
    assert keep in edit["webhook_hmac_key"] and keep not in edit["zgw_client_secret"]


def test_a_new_target_receives_nothing_until_a_teamleider_approves_it(staff, client, standin):
    target = _create(client, staff["beheerder"], f"{standin.url}/webhook")
    assert target.waiting_for_approval and not target.in_service
    assert _jobs(store()) == []
    client.force_login(staff["teamleider"])
    page = client.get(reverse("backoffice:target_approvals")).content.decode()
    assert "Zaaksysteem" in page and f"{standin.url}/webhook" in page
    assert _decide(client, staff["teamleider"], target).status_code == 302
    target.refresh_from_db()
    assert target.in_service and target.approved_by == staff["teamleider"]
    [job] = _jobs(store())
    assert run_job(job.pk) == "delivered" and standin.webhook_count() == 1


def test_nobody_approves_their_own_change(staff, client, standin):
    both = make_user("beheerder-en-teamleider", roles.FUNCTIONEEL_BEHEERDER)
    both.groups.add(Group.objects.get(name=roles.TEAMLEIDER))
    target = _create(client, both, f"{standin.url}/webhook")
    client.force_login(both)
    assert "Uw eigen wijziging" in client.get(reverse("backoffice:target_approvals")).content.decode()
    _decide(client, both, target)
    target.refresh_from_db()
    assert target.waiting_for_approval and not target.in_service
    for role in ("beheerder", "consulent"):  # and nobody without the teamleider's role
        assert_refused(_decide(client, staff[role], target))
    target.refresh_from_db()
    assert not target.in_service


def test_a_new_address_waits_while_meldingen_keep_going_to_the_approved_one(
    staff, client, standin, other_standin
):
    target = _create(client, staff["beheerder"], f"{standin.url}/webhook")
    _decide(client, staff["teamleider"], target)
    target = _edit(
        client,
        staff["beheerder"],
        DeliveryTarget.objects.get(pk=target.pk),
        webhook_url=f"{other_standin.url}/x",
    )
    assert target.waiting_for_approval
    [job] = _jobs(store())
    run_job(job.pk)
    assert standin.webhook_count() == 1 and other_standin.requests == []


def test_a_refused_change_is_undone_and_the_approved_address_stays(staff, client, standin, other_standin):
    target = _create(client, staff["beheerder"], f"{standin.url}/webhook")
    _decide(client, staff["teamleider"], target)
    target = _edit(client, staff["beheerder"], target, webhook_url=f"{other_standin.url}/x")
    _decide(client, staff["teamleider"], target, "refuse")
    target.refresh_from_db()
    assert target.options["url"] == f"{standin.url}/webhook" and target.in_service
    assert target.approval == DeliveryTarget.Approval.REFUSED


def test_queued_jobs_keep_the_address_approved_when_they_were_made(staff, client, standin, other_standin):
    target = _create(client, staff["beheerder"], f"{standin.url}/webhook")
    _decide(client, staff["teamleider"], target)
    standin.mode = "503"
    [job] = _jobs(store())
    run_job(job.pk)
    # Re-pointed and even approved: the job made before still goes to the old address, also on retry.
    target = _edit(client, staff["beheerder"], target, webhook_url=f"{other_standin.url}/x")
    _decide(client, staff["teamleider"], target)
    standin.mode = "ok"
    retry_now(job)
    assert run_job(job.pk) == "delivered"
    assert standin.webhook_count() == 1 and other_standin.requests == []


def test_sending_the_answers_needs_approval_but_stopping_does_not(staff, client, standin):
    target = _create(client, staff["beheerder"], f"{standin.url}/webhook")
    _decide(client, staff["teamleider"], target)
    target = _edit(client, staff["beheerder"], target, webhook_include_answers="on")
    assert target.waiting_for_approval and not target.approved_options["include_answers"]
    [job] = _jobs(store())
    run_job(job.pk)
    assert "answers" not in standin.requests[-1].json()
    _decide(client, staff["teamleider"], target)
    [job] = _jobs(store())
    run_job(job.pk)
    assert standin.requests[-1].json()["answers"]["gegevens"]["naam"] == "Anna de Vries"
    target = _edit(
        client, staff["beheerder"], DeliveryTarget.objects.get(pk=target.pk), webhook_include_answers=""
    )
    assert not target.waiting_for_approval and target.approved_options["include_answers"] is False


def test_creating_changing_approving_refusing_and_delivering_answers_are_audited(staff, client, standin):
    target = _create(client, staff["beheerder"], f"{standin.url}/webhook", webhook_include_answers="on")
    _decide(client, staff["teamleider"], target)
    target = _edit(client, staff["beheerder"], target, webhook_url=f"{standin.url}/nieuw")
    _decide(client, staff["teamleider"], target, "refuse")
    melding = store()
    [job] = _jobs(melding)
    run_job(job.pk)
    entries = list(AuditEntry.objects.order_by("pk").values_list("action", "username", "reference", "detail"))
    assert [(action, user) for action, user, _, _ in entries] == [
        ("target_created", "beheerder"),
        ("target_approved", "teamleider"),
        ("target_changed", "beheerder"),
        ("target_refused", "teamleider"),
        ("answers_delivered", ""),
    ]
    assert all(f"#{target.pk}" in detail for *_, detail in entries)
    assert "wacht op goedkeuring" in entries[0][3] and f"{standin.url}/nieuw" in entries[2][3]
    assert entries[4][2] == melding.reference


# --- addresses in production ------------------------------------------------------------------------


@pytest.fixture
def production_checks(settings, monkeypatch):
    settings.DELIVERY_CHECK_ADDRESSES = True
    settings.DELIVERY_ALLOWED_HOSTS = ["zaak.lindewaard.nl", ".leverancier.example", "openzaak.intern"]
    dns = {
        "zaak.lindewaard.nl": {"145.100.0.10"},
        "hook.leverancier.example": {"145.100.0.20"},
        "binnen.leverancier.example": {"10.0.0.5"},
        "openzaak.intern": {"10.1.2.3"},
        "elders.example": {"145.100.0.30"},
    }
    monkeypatch.setattr(addresses, "_resolve", lambda host: set(dns.get(host, ())))
    return dns


@pytest.mark.parametrize(
    "url, problem",
    [
        ("http://zaak.lindewaard.nl/in", "https://"),
        ("https://elders.example/in", "DELIVERY_ALLOWED_HOSTS"),
        ("https://127.0.0.1/in", "DELIVERY_ALLOWED_HOSTS"),
        ("https://binnen.leverancier.example/in", "intern netwerk"),
    ],
)
def test_in_production_the_form_refuses_addresses_that_are_not_allowed(
    staff, client, production_checks, url, problem
):
    client.force_login(staff["beheerder"])
    response = client.post(
        NEW,
        {"name": "Lek", "kind": "webhook", "active": "on", "webhook_url": url, "webhook_hmac_key": "k" * 32},
    )
    assert response.status_code == 200 and problem in response.content.decode()
    assert not DeliveryTarget.objects.exists()


@pytest.mark.parametrize(
    "url",
    ["https://zaak.lindewaard.nl/in", "https://hook.leverancier.example/in", "https://openzaak.intern/api"],
)
def test_in_production_listed_https_hosts_are_allowed_also_internal_ones_written_out(production_checks, url):
    addresses.check_url(url)


def test_a_host_that_later_resolves_to_an_internal_address_gets_nothing(production_checks, teams, standin):
    target = delivery_target("Leverancier", "webhook", "k" * 32, url="https://hook.leverancier.example/in")
    production_checks["hook.leverancier.example"] = {"127.0.0.1"}
    [job] = _jobs(store())
    assert run_job(job.pk) == "retry"
    assert job.attempt_log.get().result == "adres niet toegestaan" and standin.requests == []
    assert target.in_service


def test_without_allowed_hosts_production_delivers_only_to_the_backoffice_and_by_e_mail(
    production_checks, settings
):
    settings.DELIVERY_ALLOWED_HOSTS = []
    with pytest.raises(addresses.AddressNotAllowed):
        addresses.check_url("https://zaak.lindewaard.nl/in")


def test_production_settings_always_check_addresses():
    import subprocess
    import sys

    env = {
        "SECRET_KEY": "x" * 60,
        "EMAIL_HOST": "smtp.example.nl",
        "MELDINGEN_ENCRYPTION_KEYS": "",
        "PATH": "/usr/bin:/bin",
    }
    code = "import config.settings.production as s; print(s.DELIVERY_CHECK_ADDRESSES)"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "True", result.stderr[-500:]


# --- the audit log in the database ------------------------------------------------------------------


def test_the_database_refuses_to_change_or_delete_audit_entries(staff, teams):
    entry = AuditEntry.record(staff["teamleider"], store(), AuditEntry.Action.VIEWED)
    for sql in (
        "UPDATE backoffice_auditentry SET username = 'iemand anders'",
        "DELETE FROM backoffice_auditentry",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert AuditEntry.objects.filter(pk=entry.pk, username="teamleider").exists()


def test_the_list_of_targets_says_ja_or_nee(client, staff, teams):
    delivery_target("Zaaksysteem", "webhook", active=True, url="https://zaken.example/hook")
    delivery_target("Oud systeem", "webhook", active=False, url="https://oud.example/hook")
    client.force_login(staff["beheerder"])
    page = client.get("/admin/bezorgdoelen/").content.decode()
    assert "Ja" in page and "Nee" in page
    assert "True" not in page and "False" not in page
