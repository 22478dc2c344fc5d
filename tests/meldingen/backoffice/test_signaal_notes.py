"""Notes on a signal: the wijkteam writes down what it did, encrypted like a melding's notes, in the signal's
timeline; a refused note keeps what was typed; the notes go with the client's data after the retention
period. A walk: a signal had only a status, so "Gebeld, wil eerst met zijn dochter praten" was kept
nowhere."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meldingen.backoffice import signalen
from meldingen.backoffice.models import AuditEntry, Signaal, SignaalNotitie
from meldingen.backoffice.retention import remove_expired_signal_data

pytestmark = pytest.mark.django_db

DATA = {
    "naam": "Carla Smit",
    "postcode": "3913 AC",  # Oude Haven
    "telefoon": "0611111111",
    "onderwerpen": ["eenzaamheid"],
    "toelichting": "Mevrouw is veel alleen.",
    "toestemming_door": "client",
}
NOTE = "Gebeld.\nMevrouw wil eerst met haar dochter praten."


def _url(signaal, part=""):
    return f"/admin/backoffice/signalen/{signaal.pk}/{part}"


def test_a_note_is_encrypted_and_stands_in_the_timeline(staff, teams, client):
    signaal = signalen.send(staff["consulent"], DATA)
    client.force_login(staff["consulent_haven"])
    assert client.post(_url(signaal, "notitie/"), {"text": NOTE}).status_code == 302
    note = SignaalNotitie.objects.get(signaal=signaal)
    assert "dochter" not in note.encrypted_text and note.text == NOTE
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.SIGNAAL_NOTE, reference=signaal.reference
    ).exists()
    html = client.get(_url(signaal)).content.decode()
    timeline = html.split('id="history-heading"', 1)[1]
    assert "<p>Gebeld.<br>Mevrouw wil eerst met haar dochter praten.</p>" in timeline
    assert timeline.index("Gestuurd") < timeline.index("Notitie ·")


@pytest.mark.parametrize(("typed", "error"), [("", "Schrijf eerst een notitie."), ("x" * 5001, "te lang")])
def test_a_refused_note_keeps_what_was_typed(staff, teams, client, typed, error):
    signaal = signalen.send(staff["consulent"], DATA)
    client.force_login(staff["consulent_haven"])
    response = client.post(_url(signaal, "notitie/"), {"text": typed})
    html = response.content.decode()
    assert response.status_code == 400 and error in html
    assert f">\n{typed}</textarea>" in html
    assert not SignaalNotitie.objects.exists()


def test_a_team_that_does_not_have_the_signal_cannot_write_on_it(staff, teams, client):
    signaal = signalen.send(staff["consulent"], DATA)
    client.force_login(staff["consulent"])  # Wijkteam Centrum
    assert client.post(_url(signaal, "notitie/"), {"text": NOTE}).status_code == 404
    assert not SignaalNotitie.objects.exists()


def test_the_notes_go_with_the_clients_data(staff, teams, client, settings):
    settings.BACKOFFICE_SIGNAAL_RETENTION_DAYS = 30
    expired, kept = signalen.send(staff["consulent"], DATA), signalen.send(staff["consulent"], DATA)
    for signaal in (expired, kept):
        SignaalNotitie.add(signaal, staff["consulent_haven"], NOTE)
        signalen.change_status(signaal, staff["consulent_haven"], Signaal.Status.AFGEROND)
    Signaal.objects.filter(pk=expired.pk).update(closed_at=timezone.now() - timedelta(days=31))
    assert remove_expired_signal_data() == 1
    assert SignaalNotitie.objects.get(signaal=expired).encrypted_text == ""
    assert SignaalNotitie.objects.get(signaal=kept).text == NOTE
    client.force_login(staff["consulent_haven"])
    assert (
        "Deze notitie is verwijderd omdat de bewaartermijn voorbij is."
        in client.get(_url(expired)).content.decode()
    )
