"""Each information page as an A4 folder (PDF) with the municipality's name, date and contact details."""

import re
import zlib

import pytest
from django.conf import settings

from tests import pdf_reading

from .conftest import INFO_URL

pytestmark = pytest.mark.django_db


def pdf_objects(pdf: bytes) -> bytes:
    """The PDF's objects with every compressed stream unpacked (WeasyPrint packs them in object streams)."""
    unpacked = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            unpacked.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(unpacked)


def test_pdf_is_a_valid_pdf_with_the_title(client, portal_site):
    response = client.get(INFO_URL + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    # The title is the folder's first bookmark (its h1).
    assert b"/Title (Hulp bij het huishouden)" in pdf_objects(pdf)
    assert re.search(rb"/MediaBox \[\s*0 0 595[.\d]* 841", pdf_objects(pdf)), "A4 is 595 x 842 points"


def test_pdf_folder_holds_contact_details_and_date(rf, portal_site):
    from django.template.loader import render_to_string
    from django.utils import timezone

    html = render_to_string(
        "portal/pdf/folder.html",
        {
            "page": portal_site,
            "date": timezone.localdate(),
            "page_url": "http://x" + INFO_URL,
            "municipality": {
                "name": settings.MUNICIPALITY_NAME,
                "phone": settings.MUNICIPALITY_PHONE,
                "email": settings.MUNICIPALITY_EMAIL,
            },
        },
    )
    assert settings.MUNICIPALITY_NAME in html and settings.MUNICIPALITY_PHONE in html
    assert settings.MUNICIPALITY_EMAIL in html and "Gemaakt op" in html
    assert "Wat kost het?" in html  # the answers of the questions are on paper too


def test_pdf_is_cached_per_revision(client, portal_site, monkeypatch):
    import portal.pdf

    calls = []
    real = portal.pdf.render_pdf
    monkeypatch.setattr(
        portal.pdf, "render_pdf", lambda page, request: calls.append(1) or real(page, request)
    )
    first = client.get(INFO_URL + "pdf/").content
    assert client.get(INFO_URL + "pdf/").content == first
    assert len(calls) == 1
    portal_site.title = "Hulp in huis"
    portal_site.save_revision().publish()
    assert b"/Title (Hulp in huis)" in pdf_objects(client.get(INFO_URL + "pdf/").content)
    assert len(calls) == 2


def test_information_page_links_to_its_pdf(client, portal_site):
    assert f'href="{INFO_URL}pdf/"' in client.get(INFO_URL).content.decode()


def test_print_rules_show_explanations_and_hide_the_form():
    css = (settings.BASE_DIR / "static" / "css" / "portal.css").read_text()
    print_rules = css.split("@media print", 1)[1]
    assert ".feedback" in print_rules and ".begrip__uitleg { display: inline !important" in print_rules


def test_pdf_is_tagged_in_dutch_with_the_page_title(client, portal_site):
    facts = pdf_reading.tagged_facts(client.get(INFO_URL + "pdf/").content)
    assert facts["structure"] and facts["marked"], "a tagged PDF has a structure tree and marked content"
    assert facts["lang"] == "nl"
    assert facts["title"] == "Hulp bij het huishouden | Gemeente Lindewaard" and facts["shows_title"]
    # The page's headings and its steps (a list) are there for a screen reader.
    assert {"/H1", "/H2", "/L", "/LI"} <= facts["roles"]


def test_every_text_in_the_pdf_is_at_least_12_points(client, portal_site):
    smallest = pdf_reading.smallest_text(client.get(INFO_URL + "pdf/").content)
    assert smallest.points >= 12, smallest


def test_a_long_page_ends_with_the_whole_contact_block(client, portal_site):
    paragraph = "<p>" + "De hulp maakt uw huis schoon en helpt met de was. " * 12 + "</p>"
    portal_site.body = [("text", f"<h2>Stuk {n}</h2>{paragraph}") for n in range(9)]
    portal_site.save_revision().publish()
    pages = pdf_reading.page_texts(client.get(INFO_URL + "pdf/").content)
    assert len(pages) >= 2
    last = " ".join(pages[-1].split())
    assert "Vragen? Neem contact op" in last and "Gemaakt op" in last, last
