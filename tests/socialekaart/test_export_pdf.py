"""The kaart's list as a PDF a client can read and a screen reader can follow."""

from datetime import date

import pytest

from socialekaart import export
from socialekaart.search import get_backend
from socialekaart.views.exports import _export_rows
from tests import pdf_reading

from .factories import VoorzieningFactory


@pytest.fixture
def indexed(kaart):
    get_backend().rebuild()
    return kaart


def _list_pdf(rf, params):
    form, rows, total = _export_rows(rf.get("/", params))
    return export.rows_to_pdf(
        rows, total=total, description=export.describe_search(form), made_on=date(2026, 11, 24)
    )


def test_kaart_list_pdf_is_tagged_in_dutch_with_a_title(rf, indexed):
    facts = pdf_reading.tagged_facts(_list_pdf(rf, {"thema": "huishouden"}))
    assert facts["structure"] and facts["marked"] and facts["lang"] == "nl"
    assert facts["title"] == "Hulp bij u in de buurt | Gemeente Lindewaard" and facts["shows_title"]
    assert {"/H1", "/H2", "/L", "/LI"} <= facts["roles"]


def test_every_text_in_the_kaart_list_pdf_is_at_least_12_points(rf, indexed):
    smallest = pdf_reading.smallest_text(_list_pdf(rf, {"thema": "huishouden", "postcode": "3911 AB"}))
    assert smallest.points >= 12, smallest


def test_a_long_kaart_list_ends_with_a_whole_entry_and_the_phone_number(rf, indexed):
    VoorzieningFactory.create_batch(12, summary="Hulp in en om het huis voor wie dat zelf niet meer kan.")
    get_backend().rebuild()
    pages = pdf_reading.page_texts(_list_pdf(rf, {}))
    assert len(pages) >= 2
    last = " ".join(pages[-1].split())
    assert "Vragen? Bel het Wmo-loket" in last and "Meer informatie:" in last, last
