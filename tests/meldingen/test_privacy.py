"""Personal data stays out of shared browsers: no stored copies, a confirmation for a short while only."""

import pytest

from meldingen.confirmation import CONFIRMED_KEY

from .conftest import ANDER_UITGEBREID, Walker

pytestmark = pytest.mark.django_db


def test_every_melding_page_tells_the_browser_to_keep_no_copy(walker):
    walker.start()
    for step, data in ANDER_UITGEBREID:
        page = walker.client.get(f"/melding/{step}/")
        assert "no-store" in page["Cache-Control"], step
        walker.post(step, data)
    assert "no-store" in walker.client.get("/melding/controleren/")["Cache-Control"]
    assert "no-store" in walker.submit()["Cache-Control"]
    for path in ("/melding/bevestiging/", "/melding/bevestiging/melding.pdf", "/melding/opslaan/"):
        assert "no-store" in walker.client.get(path)["Cache-Control"], path


def test_the_session_ends_when_the_browser_closes(walker):
    walker.start()
    response = walker.post("voor-wie", {"voor_wie": "zelf"})
    cookie = response.cookies["sessionid"]
    assert not cookie["expires"] and not cookie["max-age"]


def _age_confirmation(client, minutes):
    session = client.session
    session[CONFIRMED_KEY]["at"] -= minutes * 60
    session.save()


def test_the_confirmation_and_pdf_are_gone_after_the_configured_time(submitted, settings):
    settings.MELDINGEN_CONFIRMATION_MINUTES = 120
    _age_confirmation(submitted.client, 119)
    assert submitted.client.get("/melding/bevestiging/").status_code == 200
    _age_confirmation(submitted.client, 2)
    assert submitted.client.get("/melding/bevestiging/")["Location"] == "/melding/"
    assert submitted.client.get("/melding/bevestiging/melding.pdf")["Location"] == "/melding/"


def test_a_new_melding_removes_the_confirmation_of_the_last(submitted):
    submitted.client.get("/melding/voor-wie/?reset=1")
    assert submitted.client.get("/melding/bevestiging/")["Location"] == "/melding/"
    assert submitted.client.get("/melding/bevestiging/melding.pdf")["Location"] == "/melding/"


def test_another_browser_never_gets_the_confirmation(submitted, client):
    other = Walker(type(client)())
    assert other.client.get("/melding/bevestiging/")["Location"] == "/melding/"
