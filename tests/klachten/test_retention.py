"""Retention of complaints: KLACHTEN_RETENTION_DAYS after a complaint is afgehandeld, the resident's words
and details and the texts about it are removed by a recurring task; the row stays for the stoplicht."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from klachten.models import Klacht
from klachten.retention import remove_expired_personal_data
from klachten.workflow import Status

from .conftest import PASSWORD, klacht_maken

pytestmark = pytest.mark.django_db


def afgehandeld(klacht, days_ago):
    klacht.change_status(Status.IN_BEHANDELING)
    klacht.change_status(Status.AFGEHANDELD, oordeel="gegrond", antwoord="Mevrouw de Vries krijgt excuses.")
    Klacht.objects.filter(pk=klacht.pk).update(
        afgehandeld_op=timezone.now() - timedelta(days=days_ago),
        samenvatting_aanbieder="Mevrouw de Vries kreeg drie keer geen hulp.",
        reactie_aanbieder="Wij bellen mevrouw de Vries.",
    )
    klacht.refresh_from_db()
    return klacht


def test_the_default_period_is_the_meldings(settings):
    assert settings.KLACHTEN_RETENTION_DAYS == settings.MELDINGEN_RETENTION_DAYS


def test_a_complaint_closed_longer_ago_than_the_period_loses_its_personal_data(kaart, settings):
    settings.KLACHTEN_RETENTION_DAYS = 30
    old = afgehandeld(klacht_maken(kaart["zorg"], kaart["huishouden"]), days_ago=31)
    recent = afgehandeld(klacht_maken(kaart["zorg"]), days_ago=29)
    still_open = klacht_maken(kaart["zorg"], ontvangen_op=timezone.localdate() - timedelta(days=400))

    assert remove_expired_personal_data() == 1
    assert remove_expired_personal_data() == 0  # once

    old.refresh_from_db()
    assert old.encrypted_gegevens == "" and old.gegevens == {}
    assert old.samenvatting_aanbieder == "" and old.reactie_aanbieder == "" and old.antwoord_inwoner == ""
    assert old.personal_data_removed_at is not None
    # What the stoplicht counts stays.
    assert (old.organisatie, old.thema, old.oordeel) == (kaart["zorg"], kaart["huishouden"], "gegrond")
    for klacht in (recent, still_open):
        klacht.refresh_from_db()
        assert klacht.gegevens["naam"] == "Anna de Vries" and klacht.personal_data_removed_at is None


def test_the_pages_say_the_data_was_removed(client, kaart, people):
    klacht = afgehandeld(klacht_maken(kaart["zorg"]), days_ago=400)
    remove_expired_personal_data()
    for user in (people["klachtbehandelaar"], people["aanbieder"]):
        client.login(username=user.username, password=PASSWORD)
        html = client.get(f"/admin/klachten/{klacht.pk}/").content.decode()
        assert html.count("De bewaartermijn is voorbij.") == 1, user
        assert "Anna" not in html and "de Vries" not in html


def test_the_clean_up_is_a_recurring_task_started_by_a_new_complaint(client, kaart, settings):
    from django_tasks_db.models import DBTaskResult

    from klachten import tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    old = afgehandeld(klacht_maken(kaart["zorg"]), days_ago=400)
    waiting = DBTaskResult.objects.filter(task_path=tasks.remove_expired_personal_data_task.module_path)
    assert not waiting.exists()
    form = {"organisatie": str(kaart["zorg"].pk), "wat": "De hulp kwam niet.", "contact": "nee"}
    assert client.post("/klacht/", form).status_code == 302
    assert client.post("/klacht/", form).status_code == 302  # a second complaint queues no second run
    assert waiting.count() == 1
    assert waiting.get().run_after > timezone.now() + timedelta(
        seconds=settings.KLACHTEN_RETENTION_SECONDS - 60
    )
    waiting.update(run_after=timezone.now())  # its time has come: the worker runs it
    queued = waiting.get()
    assert queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"]) == 1
    old.refresh_from_db()
    assert old.personal_data_removed_at is not None
    assert waiting.filter(run_after__gt=timezone.now()).count() == 1  # and the next run waits


def test_the_command_cleans_up_at_once(kaart):
    old = afgehandeld(klacht_maken(kaart["zorg"]), days_ago=400)
    call_command("remove_expired_klacht_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    old.refresh_from_db()
    assert old.gegevens == {}
