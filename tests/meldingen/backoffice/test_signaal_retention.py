"""Retention of signals: BACKOFFICE_SIGNAAL_RETENTION_DAYS after a signal is afgerond, the backoffice's
recurring retention task removes the client's data; open signals keep it. The nazorg note goes with the
melding's personal data."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meldingen.backoffice import signalen
from meldingen.backoffice.models import Nazorg, Signaal
from meldingen.backoffice.tasks import forget_removed_personal_data_task

pytestmark = pytest.mark.django_db

DATA = {
    "naam": "Carla Smit",
    "postcode": "3913 AC",
    "telefoon": "0611111111",
    "onderwerpen": ["eenzaamheid"],
    "toelichting": "Mevrouw is veel alleen.",
    "toestemming_door": "client",
}


def test_the_default_period_is_the_meldings(settings):
    assert settings.BACKOFFICE_SIGNAAL_RETENTION_DAYS == settings.MELDINGEN_RETENTION_DAYS


def test_afgerond_sets_the_closing_date_and_reopening_clears_it(staff, teams):
    signaal = signalen.send(staff["consulent"], DATA)
    signalen.change_status(signaal, staff["consulent_haven"], Signaal.Status.AFGEROND)
    assert signaal.closed_at is not None
    signalen.change_status(signaal, staff["consulent_haven"], Signaal.Status.CONTACT_OPGENOMEN)
    signaal.refresh_from_db()
    assert signaal.closed_at is None


def test_the_recurring_task_removes_the_clients_data_after_the_period(staff, teams, settings, client):
    settings.BACKOFFICE_SIGNAAL_RETENTION_DAYS = 30
    old = signalen.send(staff["consulent"], DATA)
    recent = signalen.send(staff["consulent"], DATA)
    still_open = signalen.send(staff["consulent"], DATA)
    for signaal in (old, recent):
        signalen.change_status(signaal, staff["consulent_haven"], Signaal.Status.AFGEROND)
    Signaal.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timedelta(days=31))
    Signaal.objects.filter(pk=recent.pk).update(closed_at=timezone.now() - timedelta(days=29))
    Signaal.objects.filter(pk=still_open.pk).update(created_at=timezone.now() - timedelta(days=400))

    forget_removed_personal_data_task.enqueue()  # the test backend runs it at once

    old.refresh_from_db()
    assert old.encrypted_data == "" and old.data == {} and old.personal_data_removed_at is not None
    assert old.name_index == ""  # no longer found by the client's name
    assert old.team == teams["haven"] and old.onderwerpen == ["eenzaamheid"]  # the figures stay
    for signaal in (recent, still_open):
        signaal.refresh_from_db()
        assert signaal.data["naam"] == "Carla Smit" and signaal.personal_data_removed_at is None
    client.force_login(staff["consulent_haven"])
    html = client.get(f"/admin/backoffice/signalen/{old.pk}/").content.decode()
    assert "De bewaartermijn is voorbij." in html and "Carla" not in html


def test_the_nazorg_note_goes_with_the_meldings_personal_data(staff, two_meldingen, settings):
    from meldingen.retention import remove_expired_personal_data

    behandeling = two_meldingen["centrum"].behandeling
    nazorg = Nazorg.schedule(behandeling, timezone.localdate())
    nazorg.record(staff["consulent"], Nazorg.Uitkomst.NIET_TEVREDEN, "Mevrouw wil een andere hulp.")
    melding = behandeling.melding
    melding.closed_at = timezone.now()
    melding.save(update_fields=["closed_at"])
    remove_expired_personal_data(now=timezone.now() + timedelta(days=settings.MELDINGEN_RETENTION_DAYS + 1))
    forget_removed_personal_data_task.enqueue()
    nazorg.refresh_from_db()
    assert nazorg.encrypted_note == "" and nazorg.uitkomst == Nazorg.Uitkomst.NIET_TEVREDEN
