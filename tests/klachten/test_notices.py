"""E-mails about complaints: a new complaint to the contract team's mailbox, without the resident's data."""

import pytest
from django.conf import settings
from django.core import mail

from klachten.models import Klacht

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

RESIDENT = {
    "wat": "De hulp kwam drie keer niet opdagen.",
    "contact": "ja",
    "naam": "Anna de Vries",
    "telefoon": "06 12345678",
    "email": "anna@example.org",
}
SECRETS = ("Anna", "Vries", "opdagen", "06 12345678", "anna@example.org")


@pytest.fixture
def mailbox(people):
    people["team"].mailbox = "contract-zorg@lindewaard.example"
    people["team"].save()
    return people["team"].mailbox


def _only_the_team_got_a_notice_without_personal_data(mailbox):
    klacht = Klacht.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [mailbox]
    assert klacht.reference in message.subject and klacht.reference in message.body
    assert f"{settings.SITE_URL.rstrip('/')}/admin/klachten/{klacht.pk}/" in message.body
    for secret in SECRETS:
        assert secret not in message.subject + message.body, secret


def test_a_complaint_from_the_site_notifies_the_contract_teams_mailbox(
    client, kaart, mailbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/klacht/", {"organisatie": str(kaart["zorg"].pk), **RESIDENT})
    assert response.status_code == 302
    _only_the_team_got_a_notice_without_personal_data(mailbox)


def test_a_complaint_registered_by_staff_notifies_the_mailbox_too(
    client, kaart, people, mailbox, django_capture_on_commit_callbacks
):
    client.login(username="klachtbehandelaar", password=PASSWORD)
    data = {
        "organisatie": str(kaart["zorg"].pk),
        **RESIDENT,
        "kanaal": "telefoon",
        "ontvangen_op": "05-01-2026",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/admin/klachten/nieuw/", data).status_code == 302
    _only_the_team_got_a_notice_without_personal_data(mailbox)


def test_no_mail_without_a_team_or_without_its_mailbox(
    client, kaart, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/klacht/", {"organisatie": str(kaart["hulp"].pk), **RESIDENT})  # no contract team
        client.post("/klacht/", {"organisatie": str(kaart["zorg"].pk), **RESIDENT})  # a team without mailbox
    assert Klacht.objects.count() == 2
    assert mail.outbox == []


def test_the_queue_holds_only_the_complaints_id(client, kaart, mailbox, django_capture_on_commit_callbacks):
    from django.test import override_settings
    from django_tasks_db.models import DBTaskResult

    from klachten.notices import send_new_klacht_notice

    database_queue = override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
    with database_queue, django_capture_on_commit_callbacks(execute=True):
        client.post("/klacht/", {"organisatie": str(kaart["zorg"].pk), **RESIDENT})
    queued = DBTaskResult.objects.get(task_path=send_new_klacht_notice.module_path)
    assert queued.args_kwargs == {"args": [Klacht.objects.get().pk], "kwargs": {}}
    assert mail.outbox == []  # the worker sends it
