"""After sending: the confirmation page and the PDF speak about the person who needs help when the melding is
for someone else, and the PDF gives the dates the confirmation page gives."""

import io
import re

import pytest
from bs4 import BeautifulSoup

from .conftest import ANDER_UITGEBREID, ZELF_KORT

taalcheck = pytest.importorskip("portal.taalcheck", reason="the B1 taalcheck module is not in this tree")
pytestmark = pytest.mark.django_db

WRONG_PERSON = re.compile(r"\b(u|uw|mij|mijn)\b", re.I)
DATE = re.compile(r"uiterlijk ((?:\w+ )?\d{1,2} \w+(?: \d{4})?)")


def pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def confirmation(walker, steps) -> str:
    walker.walk(steps)
    walker.submit()
    return walker.client.get("/melding/bevestiging/").content.decode()


def test_for_someone_else_the_confirmation_speaks_about_the_person(walker):
    html = confirmation(walker, ANDER_UITGEBREID)
    main = BeautifulSoup(html, "html.parser").find("main")
    assert "In het gesprek kijken we samen wat de persoon nodig heeft." in main.get_text(" ", strip=True)
    # A walk: a son read "de postcode en het huisnummer uit de melding", and did not know whose to give.
    assert "nummer nodig. En de postcode en het huisnummer van de persoon." in main.get_text(" ", strip=True)
    from django.core import mail  # and the e-mail, whose copy of this line had stayed "uit de melding"

    assert "nodig. En de postcode en het huisnummer van de persoon." in " ".join(mail.outbox[0].body.split())
    for element in main.select("[data-to-writer]"):
        element.decompose()
    about = main.get_text(" ", strip=True)
    assert not WRONG_PERSON.findall(about), about
    report = taalcheck.check_text(taalcheck.html_to_text(html[html.index("<main") :]))
    assert report.passed, report.problems


def test_the_e_mail_for_someone_else_says_what_the_page_says(walker):
    """A walk: the e-mail left out "Daarna kan de persoon een aanvraag doen.", said "Die hulp is gratis."
    after "een mantelzorger" (as if the mantelzorger were free help), stood a blank line between two points,
    and ended with "geen gegevens over uw situatie" to a son writing for his mother."""
    from django.core import mail

    html = " ".join(confirmation(walker, ANDER_UITGEBREID).split())
    body = mail.outbox[0].body
    flat = " ".join(body.split())
    for said in (
        "Daarna kan de persoon de hulp aanvragen.",
        # A walk: a nurse read "Wilt u zelf opschrijven welke hulp nodig is?": the plan is her client's.
        "Wil de persoon zelf opschrijven welke hulp nodig is? U mag daarbij helpen. Dat heet een persoonlijk",
        "Er mag iemand bij zijn die de persoon helpt, zoals familie, een mantelzorger of een onafhankelijke",
    ):
        assert said in html and said in flat, said
    assert "Een cliëntondersteuner is gratis." in flat and "Die hulp is gratis." not in flat
    assert "Een cliëntondersteuner is gratis." in html  # the page says it too (a review)
    assert "geen gegevens over de situatie van de persoon" in flat and "uw situatie" not in flat
    points = body.split("Wat gebeurt er nu?", 1)[1].split("Wilt u later weten", 1)[0].strip()
    assert "\n\n" not in points


def test_a_screen_reader_says_the_reference_character_by_character(walker):
    """A walk with a screen reader heard "M-58RC-48RY" as "M fifty-eight RC forty-eight RY"."""
    from core.templatetags.core_tags import spoken_reference

    said = '<strong class="reference" aria-hidden="true">M-58RC-48RY</strong>'
    assert (
        spoken_reference("M-58RC-48RY")
        == f'{said}<span class="visually-hidden spoken"> M 5 8 R C 4 8 R Y</span>'
    )
    html = confirmation(walker, ZELF_KORT)
    reference = re.search(r'<strong class="reference" aria-hidden="true">([^<]+)</strong>', html)[1]
    assert spoken_reference(reference) in html


def test_for_someone_else_the_writer_reads_that_the_person_gets_no_confirmation(walker):
    """A walk's nurse: nothing said that her client hears nothing from the gemeente until she tells her."""
    from django.core import mail

    said = (
        "De persoon krijgt van ons geen bevestiging. Laat de persoon weten dat u de melding hebt gedaan. "
        "Geef ook het meldingsnummer."
    )
    assert said in " ".join(confirmation(walker, ANDER_UITGEBREID).split())
    assert said in " ".join(mail.outbox[0].body.split())
    mail.outbox.clear()
    assert "geen bevestiging" not in confirmation(walker, ZELF_KORT) + mail.outbox[0].body


def test_for_a_person_another_decides_for_the_writer_reads_to_tell_who_decides(walker):
    """The review: a nurse writing for a client whose mentor decides was told nothing."""
    from django.core import mail

    who = {"bewoner_toestemming": "kan_niet_beslissen", "wie_beslist": "Zijn mentor, mevrouw Smit"}
    steps = [(step, {**data, **who} if step == "melder" else data) for step, data in ANDER_UITGEBREID]
    said = (
        "Wie voor de persoon beslist, krijgt van ons geen bevestiging. Laat hem of haar weten dat u de "
        "melding hebt gedaan."
    )
    assert said in " ".join(confirmation(walker, steps).split())
    assert said in " ".join(mail.outbox[0].body.split())


def test_for_a_person_who_cannot_decide_the_next_step_is_for_who_decides(walker):
    """A walk: a son read "Daarna kan de persoon de hulp aanvragen" of his mother, who cannot decide. The
    e-mail, which holds no answers, says what it said."""
    from django.core import mail

    who = {"bewoner_toestemming": "kan_niet_beslissen", "wie_beslist": "ik"}
    steps = [(step, {**data, **who} if step == "melder" else data) for step, data in ANDER_UITGEBREID]
    html = " ".join(confirmation(walker, steps).split())
    assert "Daarna kan wie voor de persoon beslist de hulp aanvragen." in html
    assert "Daarna kan de persoon de hulp aanvragen." not in html
    assert "Daarna kan de persoon de hulp aanvragen." in " ".join(mail.outbox[0].body.split())
    assert "geen bevestiging" not in html  # the writer decides for the person


def test_for_oneself_the_confirmation_still_says_u(walker):
    html = confirmation(walker, ZELF_KORT)
    assert "In het gesprek kijken we samen wat u nodig hebt." in html
    assert "Daarna kunt u de hulp aanvragen." in html
    # A walk: "U mag iemand meenemen" read oddly for a gesprek at home.
    assert "Er mag iemand bij zijn die u helpt, zoals een mantelzorger" in " ".join(html.split())
    # A walk: "Binnen 6 weken is het onderzoek klaar" said nowhere what the onderzoek is.
    said = "Het gesprek en het uitzoeken samen heten het onderzoek."
    assert said in " ".join(html.split())


@pytest.mark.parametrize("steps", [ZELF_KORT, ANDER_UITGEBREID], ids=["zelf", "ander-spoed"])
def test_the_pdf_gives_the_dates_of_the_confirmation_page(walker, steps):
    html = confirmation(walker, steps)
    dates = DATE.findall(" ".join(BeautifulSoup(html, "html.parser").find("main").get_text(" ").split()))
    assert len(dates) == 3, dates  # first contact, persoonlijk plan, onderzoek
    text = pdf_text(walker.client.get("/melding/bevestiging/melding.pdf").content)
    for date in dates:
        assert date in text, (date, text)
    if steps is ANDER_UITGEBREID:
        assert "wat de persoon nodig heeft" in text and "wat u nodig hebt" not in text


def test_the_persoonlijk_plan_says_where_to_send_it_and_that_it_is_not_needed(walker, settings):
    """With its date it read as homework with a deadline; it is the resident's right, not a duty."""
    from django.core import mail

    html = " ".join(confirmation(walker, ZELF_KORT).split())
    address = settings.MUNICIPALITY_EMAIL
    assert f'Mail het naar <a href="mailto:{address}">{address}</a> en zet het meldingsnummer erbij.' in html
    body = " ".join(mail.outbox[0].body.split())
    assert f"Mail het naar {address} en zet het meldingsnummer erbij." in body
    text = " ".join(pdf_text(walker.client.get("/melding/bevestiging/melding.pdf").content).split())
    assert f"Mail het naar {address}" in text
    for written in (html, body, text):
        assert "Dat heet een persoonlijk plan. Het hoeft niet." in written
    # A walk: who gave an e-mail address was asked "Hebt u geen e-mail?" on the page and in the PDF.
    for written in (html, body, text):
        assert "Hebt u geen e-mail?" not in written


def test_without_an_e_mail_address_the_persoonlijk_plan_can_be_told_by_phone(walker, settings):
    """A walk: a resident of 78 without e-mail had no way to send it."""
    without = [(step, {**data, "email": ""} if step == "gegevens" else data) for step, data in ZELF_KORT]
    html = confirmation(walker, without)
    text = " ".join(pdf_text(walker.client.get("/melding/bevestiging/melding.pdf").content).split())
    by_phone = f"Hebt u geen e-mail? Vertel het plan dan aan de telefoon: bel {settings.MUNICIPALITY_PHONE}."
    assert by_phone in " ".join(BeautifulSoup(html, "html.parser").get_text().split()) and by_phone in text


def test_the_confirmation_says_where_to_see_how_far_the_melding_is(walker, settings):
    """The status page was only a footer link: after sending, nothing said it was there, nor that it asks for
    the postcode and house number beside the number."""
    from django.core import mail

    html = " ".join(confirmation(walker, ZELF_KORT).split())
    link = BeautifulSoup(html, "html.parser").find("a", string="Waar staat mijn melding?")
    assert link is not None and link["href"] == "/melding/status/"
    assert "U hebt daarvoor dit nummer nodig. En uw postcode en huisnummer." in html
    body = " ".join(mail.outbox[0].body.split())
    assert f"Kijk dan op {settings.SITE_URL}/melding/status/." in body
    assert walker.client.get(link["href"]).status_code == 200


def test_the_e_mail_says_the_day_of_the_call_as_the_page_does(walker):
    """A walk: "Binnen 5 werkdagen belt de gemeente u. Dan plannen we een gesprek. Dat is uiterlijk ..." read
    as the day of the gesprek."""
    from django.core import mail

    page = " ".join(BeautifulSoup(confirmation(walker, ZELF_KORT), "html.parser").get_text().split())
    body = " ".join(mail.outbox[0].body.split())
    said = re.search(
        r"Binnen \d werkdagen belt een medewerker van de gemeente u\. Dat is uiterlijk \w+ \d+ \w+\.", page
    )
    assert said and f"{said.group(0)} Samen plannen we een gesprek." in body


def test_without_an_e_mail_address_the_confirmation_says_no_e_mail_comes(walker):
    """A walk: a resident expected an e-mail she had given no address for."""
    without = [(step, {**data, "email": ""} if step == "gegevens" else data) for step, data in ZELF_KORT]
    said = "U gaf geen e-mailadres. Daarom krijgt u van ons geen e-mail over de melding."
    assert said in " ".join(confirmation(walker, without).split())
    walker.client.cookies.clear()
    page = " ".join(confirmation(walker, ZELF_KORT).split())
    assert "Wij sturen een bevestiging naar jan@example.org." in page and said not in page


def test_a_clientondersteuner_asked_for_is_confirmed_on_the_page_and_in_the_pdf(walker):
    """A walk: a daughter who asked for a cliëntondersteuner read only that one "mag" be there, and not who
    would find one (the page on cliëntondersteuning says: tell us in the melding, we put you in touch). For
    someone else it is for the person: a son read "Wij brengen u ... in contact" of his mother's."""
    said = (
        "U vroeg om een onafhankelijke cliëntondersteuner bij het gesprek. "
        "Wij zoeken een cliëntondersteuner voor de persoon."
    )
    assert said not in " ".join(confirmation(walker, ANDER_UITGEBREID).split())
    walker.client.cookies.clear()
    asked = [
        (step, {**data, "wie_erbij": ["melder", "clientondersteuner"]} if step == "gesprek" else data)
        for step, data in ANDER_UITGEBREID
    ]
    page = " ".join(confirmation(walker, asked).split())
    pdf = " ".join(pdf_text(walker.client.get("/melding/bevestiging/melding.pdf").content).split())
    assert said in page and said in pdf
    # A second walk: the next step then said again that one "mag" be there and is free, as if not asked.
    others = "Er mag ook iemand anders bij zijn die de persoon helpt, zoals familie of een mantelzorger."
    for text in (page, pdf):
        assert "Een cliëntondersteuner is gratis." not in text and others in text


def test_who_comes_to_the_gesprek_for_someone_else_reads_it_confirmed_on_the_page_and_in_the_pdf(walker):
    """A walk: a daughter who ticked "Ik kom zelf ook" read nothing of it after sending, where a tolk and a
    cliëntondersteuner asked for are confirmed."""
    said = "U komt zelf ook naar het gesprek."
    assert said not in " ".join(confirmation(walker, ANDER_UITGEBREID).split())
    walker.client.cookies.clear()
    coming = [
        (step, {**data, "wie_erbij": ["melder"]} if step == "gesprek" else data)
        for step, data in ANDER_UITGEBREID
    ]
    assert said in " ".join(confirmation(walker, coming).split())
    assert said in " ".join(pdf_text(walker.client.get("/melding/bevestiging/melding.pdf").content).split())
