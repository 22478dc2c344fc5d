"""The steps are declared once: every field of a step's form is asked on its page, stored and shown on the
check page, without touching a template; stored meldingen keep reading the same."""

import pytest
from django import forms

from meldingen.answers import Answers
from meldingen.crypto import encrypt_json
from meldingen.forms import GegevensForm
from meldingen.models import Melding
from meldingen.steps import STEPS

from .conftest import ANDER_UITGEBREID, ZELF_KORT

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", [ZELF_KORT, ANDER_UITGEBREID], ids=["kort voor mezelf", "uitgebreid voor een ander"]
)
def test_every_step_page_shows_every_field_of_its_form(walker, path):
    walker.walk(path)
    answers = Answers.from_dict({"voor_wie": dict(path)["voor-wie"]})
    asked = [step for step in STEPS if step.slug in dict(path) or step.slug == "controleren"]
    assert len(asked) == len(path) + 1
    for step in asked:
        html = walker.client.get(f"/melding/{step.slug}/").content.decode()
        for name, field in step.form(answers=answers).fields.items():
            assert f'name="{step.slug}-{name}"' in html, (step.slug, name)
            assert field.widget.is_hidden or str(field.label) in html, (step.slug, name)


@pytest.fixture
def huisarts(monkeypatch):
    """A new question on the gegevens step, added the way a developer would: one field on the form."""
    field = forms.CharField(label="Naam van uw huisarts", required=False, max_length=100)
    monkeypatch.setitem(GegevensForm.base_fields, "huisarts", field)
    return field


def test_a_new_field_on_a_form_is_asked_stored_and_on_the_check_page(walker, huisarts):
    walker.start()
    walker.post("voor-wie", {"voor_wie": "zelf"})
    walker.post("keuze", {"soort": "kort"})
    walker.post("waarover", {})
    page = walker.client.get("/melding/gegevens/").content.decode()
    assert 'name="gegevens-huisarts"' in page and "Naam van uw huisarts" in page
    gegevens = dict(ZELF_KORT)["gegevens"]
    assert walker.post("gegevens", {**gegevens, "huisarts": "Dokter Bakker"}).status_code == 302
    assert walker.post("spoed", {"spoed": "nee"}).status_code == 302
    check = walker.client.get("/melding/controleren/").content.decode()
    assert "<dt>Naam van uw huisarts</dt><dd>Dokter Bakker</dd>" in check
    assert walker.submit()["Location"] == "/melding/bevestiging/"
    melding = Melding.objects.get()
    assert melding.answers["gegevens"]["huisarts"] == "Dokter Bakker"
    sections = dict(melding.summary_sections())  # the PDF and the backoffice show the same
    assert ("Naam van uw huisarts", "Dokter Bakker") in sections["Uw gegevens"]


# A melding as the wizard stored it before the steps were declared in one place.
STORED = {
    "voor_wie": {"voor_wie": "familie"},
    "melder": {
        "naam": "Petra de Vries",
        "organisatie": "",
        "telefoon": "0612345678",
        "email": "petra@example.org",
        "bewoner_toestemming": "akkoord",
    },
    "keuze": {"soort": "uitgebreid"},
    "gegevens": {
        "naam": "Gerrit de Vries",
        "postcode": "3915 AA",
        "huisnummer": "3",
        "toevoeging": "B",
        "straat": "Beukenlaan",
        "woonplaats": "Lindewaard",
        "telefoon": "",
        "email": "",
        "geboortedatum": "1941-03-07",
        "wijk": "Oost",
    },
    "hulp": {"onderwerpen": ["huishouden", "vervoer"], "toelichting": ""},
    "situatie": {
        "wat_lukt_niet": "Stofzuigen",
        "sinds_wanneer": "",
        "wat_zelf": "",
        "wie_helpt": "",
        "huidige_hulp": "",
    },
    "gesprek": {"bereikbaar": "", "plek": "elders", "plek_anders": "Bij mijn dochter", "wie_erbij": []},
    "spoed": {"spoed": "ja", "toelichting": "Mijn mantelzorger valt weg."},
    "controleren": {"toestemming": True},
}


def test_a_melding_stored_before_reads_the_same():
    melding = Melding(soort="uitgebreid", voor_wie="familie", encrypted_answers=encrypt_json(STORED))
    assert melding.answers == STORED
    assert Answers.from_dict(melding.answers).to_dict() == STORED
    sections = {title: dict(rows) for title, rows in melding.summary_sections()}
    assert list(sections) == [
        "Voor wie is de melding?",
        "Uw gegevens als melder",
        "Soort melding",
        "Gegevens van de persoon die hulp nodig heeft",
        "Waar heeft de persoon hulp bij nodig?",
        "De situatie van de persoon",
        "Het gesprek",
        "Spoed",
    ]
    resident = sections["Gegevens van de persoon die hulp nodig heeft"]
    assert resident == {
        "Naam": "Gerrit de Vries",
        "Adres": "Beukenlaan 3 B, 3915 AA Lindewaard",
        "Wijk": "Oost",
        "Geboortedatum": "7 maart 1941",
    }
    assert sections["Het gesprek"] == {"Waar wil de persoon het gesprek?": "Ergens anders: Bij mijn dochter"}
    assert sections["Waar heeft de persoon hulp bij nodig?"] == {
        "Waar is hulp bij nodig?": "Hulp bij het huishouden, Vervoer"
    }
    assert melding.contact_email == "petra@example.org" and melding.resident_name == "Gerrit de Vries"


def test_who_and_which_kind_are_read_the_same_everywhere():
    answers = Answers.from_dict(STORED)
    assert answers.voor_wie == "familie" and answers.for_someone_else
    assert (
        answers.soort == "uitgebreid" and answers.onderwerpen == ["huishouden", "vervoer"] and answers.spoed
    )
    short = Answers.from_dict({**STORED, "keuze": {"soort": "kort"}, "voor_wie": {"voor_wie": "iedereen"}})
    assert short.voor_wie == "zelf" and not short.for_someone_else  # an unknown answer counts as for oneself
    assert short.onderwerpen == []  # a short melding has no topics, whatever was typed before
    sections = [
        title for title, _rows in Melding(encrypted_answers=encrypt_json(short.to_dict())).summary_sections()
    ]
    assert "Uw gegevens als melder" not in sections and "Uw situatie" not in sections
    assert "Uw gegevens" in sections


def test_the_check_page_asks_who_is_called_as_the_question_did():
    """A walk: a son answered "Wanneer kunnen wij u het best bellen?" and read "Wanneer kunnen wij bellen?" on
    the check page: would they call him, or his mother?"""
    from meldingen.forms import GesprekForm
    from meldingen.steps import STEP_BY_SLUG

    row = next(row for row in STEP_BY_SLUG["gesprek"].rows if row.field == "bereikbaar")
    assert row.someone_else == GesprekForm.someone_else.labels["bereikbaar"]
