"""E-mails about complaints: a new complaint to the contract team's mailbox, without the resident's data, and
its receipt to the resident."""

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

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


def _to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def _only_the_team_got_a_notice_without_personal_data(mailbox):
    klacht = Klacht.objects.get()
    assert len(_to(mailbox)) == 1 and {tuple(m.to) for m in mail.outbox} == {(mailbox,), (RESIDENT["email"],)}
    message = _to(mailbox)[0]
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


def test_a_letter_of_weeks_ago_tells_the_team_its_day_has_passed(
    client, kaart, people, mailbox, django_capture_on_commit_callbacks
):
    """A walk: the team read "Geef uiterlijk 1 december 2026 antwoord." in December, not that it was late."""
    client.login(username="klachtbehandelaar", password=PASSWORD)
    data = {"organisatie": str(kaart["zorg"].pk), **RESIDENT, "kanaal": "brief", "ontvangen_op": "05-01-2026"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/klachten/nieuw/", data)
    assert "Die dag is al voorbij. Geef zo snel mogelijk antwoord." in _to(mailbox)[0].body
    today = {**data, "ontvangen_op": timezone.localdate().strftime("%d-%m-%Y"), "wat": "Weer niet gekomen."}
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/klachten/nieuw/", today)
    assert "al voorbij" not in _to(mailbox)[1].body


def test_a_teamleider_routing_a_complaint_tells_the_team(
    client, kaart, people, mailbox, django_capture_on_commit_callbacks
):
    """A walk: a complaint without a team was given one, and the team heard nothing of it."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/klacht/", {"organisatie": str(kaart["hulp"].pk), **RESIDENT})  # no contract team
    klacht = Klacht.objects.get()
    assert _to(mailbox) == []
    client.login(username="teamleider", password=PASSWORD)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/klachten/{klacht.pk}/", {"action": "team", "team": people["team"].pk})
    assert len(_to(mailbox)) == 1 and klacht.reference in _to(mailbox)[0].subject


def test_a_complaint_no_team_handles_goes_to_the_klachten_mailbox_a_team_without_one_gets_none(
    client, kaart, people, settings, django_capture_on_commit_callbacks
):
    """A walk: a complaint about the gemeente (no contract team buys from it) reached nobody; only a
    teamleider who happened to look saw it."""
    from socialekaart.models import Organisatie

    settings.KLACHTEN_MAILBOX = "klachten@lindewaard.example"
    gemeente = Organisatie.objects.create(name="Gemeente Lindewaard, team Wmo", slug="gemeente")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/klacht/", {"organisatie": str(gemeente.pk), **RESIDENT})  # no contract team
        client.post("/klacht/", {"organisatie": str(kaart["hulp"].pk), **RESIDENT})  # no contract team
        client.post("/klacht/", {"organisatie": str(kaart["zorg"].pk), **RESIDENT})  # a team without mailbox
    assert Klacht.objects.count() == 3
    about_the_gemeente, about_a_provider = _to(settings.KLACHTEN_MAILBOX)
    assert "Er is een nieuwe klacht over de gemeente zelf: K-" in about_the_gemeente.body
    assert (
        "Er is een nieuwe klacht over een aanbieder die geen contractteam heeft: K-" in about_a_provider.body
    )
    assert "Een teamleider kiest wie de klacht behandelt." in about_a_provider.body
    for secret in SECRETS:
        assert secret not in about_the_gemeente.body + about_a_provider.body, secret
    assert len(mail.outbox) == 2 + 3  # and the three receipts


def test_the_resident_gets_the_receipt_with_the_number_and_the_day_of_the_answer(
    client, kaart, django_capture_on_commit_callbacks
):
    """Awb 9:6: the receipt of a complaint is confirmed in writing. A walk: the page gave a number that
    nothing else kept."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/klacht/", {"organisatie": str(kaart["zorg"].pk), **RESIDENT}, follow=True)
    page = response.content.decode()
    assert "U krijgt het nummer ook in een e-mail." in page
    assert "Krijgt u of uw naaste nu geen hulp die nodig is? Wacht dan niet op ons antwoord." in page
    klacht = Klacht.objects.get()
    (receipt,) = _to(RESIDENT["email"])
    assert receipt.subject == f"Wij hebben uw klacht {klacht.reference} ontvangen"
    day = f"{klacht.antwoord_uiterlijk.day} "
    assert (
        klacht.reference in receipt.body
        and day in receipt.body
        and settings.MUNICIPALITY_PHONE in receipt.body
    )
    for secret in (*SECRETS, kaart["zorg"].name):
        assert secret not in receipt.subject + receipt.body, secret


def test_no_receipt_without_an_address(client, kaart, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/klacht/", {"organisatie": str(kaart["zorg"].pk), **RESIDENT, "email": ""}, follow=True
        )
    assert Klacht.objects.count() == 1  # and only the notice to the gemeente: zorg has no contract team here
    assert [message.to for message in mail.outbox] == [[settings.KLACHTEN_MAILBOX]]
    assert "U krijgt het nummer ook in een e-mail." not in response.content.decode()


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
