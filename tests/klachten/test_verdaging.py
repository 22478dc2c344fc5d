"""Awb 9:11 lid 2: the answer to a complaint may be postponed once, by at most 4 weeks, before the term ends,
with a written notice to the resident (here: an e-mail without details, when they gave an address)."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from klachten.models import Klacht, KlachtGebeurtenis
from klachten.terms import postponed_answer_by
from klachten.workflow import PostponementNotAllowed, Status

from .conftest import PASSWORD, klacht_maken

pytestmark = pytest.mark.django_db


def _detail(klacht):
    return f"/admin/klachten/{klacht.pk}/"


def _postpone(client, klacht, weken="4", reden="Wij wachten op het verslag van de aanbieder."):
    return client.post(_detail(klacht), {"action": "verdagen", "weken": weken, "reden": reden})


@pytest.fixture
def behandelaar(client, people):
    assert client.login(username="klachtbehandelaar", password=PASSWORD)
    return client


def test_the_postponed_term_counts_from_receipt_and_follows_the_algemene_termijnenwet():
    assert postponed_answer_by(date(2026, 1, 5), 4) == date(2026, 3, 16)  # 10 weeks: a Monday
    assert postponed_answer_by(date(2026, 3, 27), 3) == date(2026, 5, 29)  # 9 weeks: a Friday
    assert postponed_answer_by(date(2026, 3, 28), 1) == date(2026, 5, 18)  # Saturday 16 May: to Monday
    assert postponed_answer_by(date(2026, 3, 17), 1) == date(2026, 5, 6)  # 5 May, Bevrijdingsdag: a day on
    for weeks in (0, 5):
        with pytest.raises(ValueError):
            postponed_answer_by(date(2026, 1, 5), weeks)


def test_staff_postpone_once_with_a_reason_and_the_resident_gets_a_short_notice(
    behandelaar, kaart, django_capture_on_commit_callbacks
):
    klacht = klacht_maken(kaart["zorg"], email="anna@example.org", telefoon="0612345678")
    with django_capture_on_commit_callbacks(execute=True):
        response = _postpone(behandelaar, klacht, weken="3")
    assert response.status_code == 302
    klacht.refresh_from_db()
    assert klacht.antwoord_uiterlijk == postponed_answer_by(klacht.ontvangen_op, 3)
    assert klacht.verdaging_reden == "Wij wachten op het verslag van de aanbieder."
    assert klacht.gebeurtenissen.filter(soort=KlachtGebeurtenis.Soort.VERDAAGD).count() == 1

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@example.org"]
    assert klacht.reference in message.body
    assert (
        f"{klacht.antwoord_uiterlijk.day} " in message.body
        and str(klacht.antwoord_uiterlijk.year) in message.body
    )
    for detail in ("Anna", "Vries", "niet.", "0612345678", "verslag", kaart["zorg"].name):
        assert detail not in message.subject + message.body, detail

    page = behandelaar.get(_detail(klacht)).content.decode()
    assert "Dat mag maar één keer." in page and 'value="verdagen"' not in page


def test_a_second_postponement_is_refused_with_a_clear_message(
    behandelaar, kaart, django_capture_on_commit_callbacks
):
    klacht = klacht_maken(kaart["zorg"], email="anna@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        _postpone(behandelaar, klacht)
        klacht.refresh_from_db()
        first = klacht.antwoord_uiterlijk
        response = _postpone(behandelaar, klacht, weken="1", reden="Nog meer tijd.")
    assert response.status_code == 302
    klacht.refresh_from_db()
    assert (klacht.antwoord_uiterlijk, klacht.verdaging_reden) == (
        first,
        "Wij wachten op het verslag van de aanbieder.",
    )
    assert len(mail.outbox) == 1
    page = behandelaar.get(response["Location"]).content.decode()
    assert "Deze klacht is al een keer uitgesteld. Dat mag maar één keer." in page
    with pytest.raises(PostponementNotAllowed):
        klacht.postpone(None, 2, "Ook niet zo.")


def test_a_reason_is_required_and_more_than_4_weeks_is_not_offered(behandelaar, kaart):
    klacht = klacht_maken(kaart["zorg"])
    before = klacht.antwoord_uiterlijk
    for weken, reden in (("4", ""), ("5", "Te lang."), ("0", "Te kort.")):
        response = _postpone(behandelaar, klacht, weken=weken, reden=reden)
        assert response.status_code == 200
    page = _postpone(behandelaar, klacht, reden="").content.decode()
    assert "Schrijf waarom u meer tijd nodig hebt." in page
    assert "Kies 1 tot 4 weken." in _postpone(behandelaar, klacht, weken="5").content.decode()
    klacht.refresh_from_db()
    assert klacht.antwoord_uiterlijk == before and klacht.verdaagd_op is None


def test_no_postponement_after_the_term_or_of_a_closed_complaint(behandelaar, kaart):
    late = klacht_maken(kaart["zorg"], ontvangen_op=timezone.localdate() - timedelta(weeks=8))
    page = behandelaar.get(_detail(late)).content.decode()
    # A walk: the refusal alone was a dead end.
    assert "De termijn is al voorbij." in page and "Laat de inwoner weten dat het langer duurt" in page
    _postpone(behandelaar, late)
    late.refresh_from_db()
    assert late.verdaagd_op is None
    closed = klacht_maken(kaart["zorg"])
    closed.change_status(Status.IN_BEHANDELING)
    # A walk: only correcting an oordeel said what it does on the kaart, not giving it.
    assert "Dan telt hij mee in het stoplicht op de sociale kaart, behalve bij Ongegrond." in (
        behandelaar.get(_detail(closed)).content.decode()
    )
    closed.change_status(Status.AFGEHANDELD, oordeel="ongegrond")
    with pytest.raises(PostponementNotAllowed):
        closed.postpone(None, 4, "Te laat.")


def test_no_mail_when_the_resident_gave_no_address_and_the_provider_sees_the_new_date(
    behandelaar, client, kaart, people, django_capture_on_commit_callbacks
):
    klacht = Klacht(organisatie=kaart["zorg"])
    klacht.gegevens = {"wat": "De hulp kwam niet.", "contact": "nee"}
    klacht.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = _postpone(behandelaar, klacht)
    assert mail.outbox == []
    # no address to write a letter to: the complaint holds none
    assert (
        "De inwoner wilde geen contact over de klacht."
        in behandelaar.get(response["Location"]).content.decode()
    )
    by_phone = klacht_maken(kaart["zorg"], telefoon="0612345678")
    response = _postpone(behandelaar, by_phone)
    page = " ".join(behandelaar.get(response["Location"]).content.decode().split())
    assert "Bel de inwoner over de datum, vraag het adres en stuur een brief" in page
    # A walk: after a reload nothing said the letter was still to be sent (Awb 9:11 lid 2: in writing).
    page = " ".join(behandelaar.get(response["Location"]).content.decode().split())
    assert "Stuur de inwoner een brief met de nieuwe datum" in page
    klacht.refresh_from_db()
    client.logout()
    client.login(username="aanbieder-zorg", password=PASSWORD)
    page = client.get(_detail(klacht)).content.decode()
    assert "uitgesteld op" in page and "verslag van de aanbieder" not in page
    assert 'value="verdagen"' not in page
    refused = client.post(_detail(klacht), {"action": "verdagen", "weken": "4", "reden": "x"})
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's refusal


def test_the_history_says_the_status_and_term_in_words(behandelaar, kaart):
    from core.templatetags.core_tags import datum

    klacht = klacht_maken(kaart["zorg"])
    first_term = klacht.antwoord_uiterlijk
    klacht.change_status("in_behandeling")
    assert _postpone(behandelaar, klacht, weken="2").status_code == 302
    klacht.refresh_from_db()
    page = behandelaar.get(_detail(klacht)).content.decode()
    assert "(Nieuw → In behandeling)" in page and "in_behandeling" not in page
    assert f"({datum(first_term)} → {datum(klacht.antwoord_uiterlijk)})" in page


def test_the_history_shows_how_it_came_in_the_judgement_and_a_run_of_views_once(behandelaar, people, kaart):
    """A walk: registering added no line, the judgement was missing from "In behandeling → Afgehandeld", and
    every visit added "Gegevens van de inwoner bekeken", which buried the rest."""
    data = {
        "organisatie": str(kaart["zorg"].pk),
        "wat": "De hulp kwam niet.",
        "contact": "nee",
        "kanaal": "telefoon",
        "ontvangen_op": "05-01-2026",
    }
    assert behandelaar.post("/admin/klachten/nieuw/", data).status_code == 302
    klacht = Klacht.objects.get()
    for _visit in range(3):
        behandelaar.get(_detail(klacht))
    klacht.change_status(Status.IN_BEHANDELING)
    klacht.change_status(Status.AFGEHANDELD, oordeel="deels_gegrond")
    page = behandelaar.get(_detail(klacht)).content.decode()
    history = page.split("Geschiedenis", 1)[1]
    # Registered today, from a call of 5 January: the history's date is today's, so it names the call's day.
    assert "Klacht ontvangen (Telefoon, ontvangen op 5 jan. 2026), klachtbehandelaar" in history
    assert "(In behandeling → Afgehandeld: Deels gegrond)" in history
    assert "Gegevens van de inwoner bekeken (3 keer), klachtbehandelaar" in history
    assert "—" not in history  # a change without a person (the system's) names no one, not "—"
    assert history.count("Gegevens van de inwoner bekeken") == 2  # the fourth visit, after the changes
    assert klacht.gebeurtenissen.filter(soort=KlachtGebeurtenis.Soort.BEKEKEN).count() == 4  # all logged
