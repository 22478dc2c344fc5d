"""A professional exports the current result list as CSV or PDF to give a client; nobody else can."""

import csv
import io
from datetime import date, time, timedelta

import pytest
from django.contrib.auth.models import Group
from weasyprint import HTML

from socialekaart import export
from socialekaart.models import Sluiting, Voorziening
from socialekaart.search import SearchUnavailable, get_backend
from socialekaart.templatetags.kaart_tags import sluiting_tekst
from socialekaart.views.exports import _export_rows

from .factories import ContactFactory, OpeningstijdFactory, UserFactory, VoorzieningFactory

CSV_URL = "/sociale-kaart/lijst.csv"
PDF_URL = "/sociale-kaart/lijst.pdf"


@pytest.fixture
def indexed(kaart):
    ContactFactory(
        voorziening=kaart.huishouding, name="Planner Bakker", telefoon="0599-777666", voor_professionals=True
    )
    get_backend().rebuild()
    return kaart


@pytest.fixture
def professional(db):
    group, _created = Group.objects.get_or_create(name="Professionals")
    user = UserFactory(username="wijkteam")
    user.groups.add(group)
    return user


def read_csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


@pytest.mark.parametrize("url", [CSV_URL, PDF_URL])
def test_anonymous_visitor_is_sent_to_login(client, indexed, url):
    response = client.get(url, {"thema": "huishouden"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert "Planner Bakker" not in response.content.decode(errors="replace")


@pytest.mark.parametrize("url", [CSV_URL, PDF_URL])
def test_logged_in_non_professional_is_refused(client, indexed, url):
    client.force_login(UserFactory(username="inwoner"))
    assert client.get(url).status_code == 403


def test_csv_has_the_same_filters_as_the_page(client, indexed, professional):
    client.force_login(professional)
    response = client.get(CSV_URL, {"thema": "huishouden", "postcode": "3911AB", "sort": "afstand"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'attachment; filename="sociale-kaart-' in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0][:4] == ["Naam", "Organisatie", "Wat is het", "Wijk"]
    assert [row[0] for row in rows[1:]] == [
        "Hulp in de huishouding",
        "Schoonmaakhulp aan huis",
    ]  # nearest first
    assert rows[1][4].endswith("km")
    assert rows[1][-1].endswith("/sociale-kaart/hulp-in-de-huishouding/")
    text = response.content.decode()
    assert "Planner Bakker" not in text and "0599-777666" not in text  # for the client: no staff contacts


def test_csv_holds_every_page_not_only_the_first(client, indexed, professional):
    for number in range(45):
        VoorzieningFactory(
            name=f"Koffieochtend {number:02d}", summary="Samen koffie drinken.", hele_gemeente=True
        )
    get_backend().rebuild()
    client.force_login(professional)
    rows = read_csv(client.get(CSV_URL, {"sort": "naam"}))
    assert len(rows) - 1 == 45 + 6


def test_csv_cells_cannot_run_as_formulas(client, indexed, professional):
    VoorzieningFactory(name='=HYPERLINK("http://kwaad.example")', summary="-1+1", hele_gemeente=True)
    get_backend().rebuild()
    client.force_login(professional)
    rows = read_csv(client.get(CSV_URL))
    bad = next(row for row in rows if "HYPERLINK" in row[0])
    assert bad[0].startswith("'=") and bad[2] == "'-1+1"


def test_pdf_is_a4_with_b1_heading_date_and_filters(client, indexed, professional):
    client.force_login(professional)
    response = client.get(PDF_URL, {"thema": "huishouden", "q": "hulp"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert 'filename="sociale-kaart-' in response["Content-Disposition"]


def test_pdf_content(rf, indexed):
    form, rows, total = _export_rows(rf.get("/", {"thema": "huishouden", "postcode": "3911 AB"}))
    html = export.pdf_html(
        rows, total=total, description=export.describe_search(form), made_on=date(2026, 11, 24)
    )
    assert "<h1>Hulp bij u in de buurt</h1>" in html
    assert "Gemaakt op 24 november 2026" in html
    assert "Onderwerp:</dt> <dd>Huishouden" in html
    assert "In de buurt van postcode:</dt> <dd>3911 AB" in html
    assert "1. Hulp in de huishouding" in html and "Schoonmaakhulp aan huis" in html
    assert "Planner Bakker" not in html
    # A walk: help with a beschikking read "Aanmelden: bel ...", and sent the client to the provider first.
    beschikking = html.split("1. Hulp in de huishouding", 1)[1].split("</li>", 1)[0]
    assert "U hebt eerst een besluit van de gemeente nodig." in beschikking
    assert "Bel het Wmo-loket: 14 0599." in beschikking and "Aanmelden:" not in beschikking
    document = HTML(string=html).render()
    width_mm = document.pages[0].width * 25.4 / 96
    height_mm = document.pages[0].height * 25.4 / 96
    assert round(width_mm) == 210 and round(height_mm) == 297


def test_the_lists_say_what_is_closed_for_now_and_that_only_help_with_places_is_listed(
    client, rf, indexed, professional
):
    """A walk: on screen "Inloopochtend ouderen" was "Tijdelijk gesloten"; on the PDF for the client, and in
    the CSV, nothing said so, and the client went to a closed door. Nor did the list say it held only help
    with places given this week."""
    indexed.huishouding.status = "tijdelijk_gesloten"
    indexed.huishouding.save()
    get_backend().rebuild()
    form, rows, total = _export_rows(rf.get("/", {"thema": "huishouden"}))
    html = export.pdf_html(rows, total=total, description=export.describe_search(form), made_on=date.today())
    closed = html.split("Hulp in de huishouding", 1)[1].split("</li>", 1)[0]
    assert "<strong>Tijdelijk gesloten.</strong>" in closed
    assert html.count("Tijdelijk gesloten") == 1
    with_places = _export_rows(rf.get("/", {"thema": "huishouden", "plek_vrij": "on"}))[0]
    label = "Alleen met plek vrij, bijgewerkt in de laatste 7 dagen"
    assert (label, "ja") in export.describe_search(with_places)
    client.force_login(professional)
    sheet = read_csv(client.get(CSV_URL, {"thema": "huishouden"}))
    column = sheet[0].index("Tijdelijk gesloten")
    assert {row[0]: row[column] for row in sheet[1:]} == {
        "Hulp in de huishouding": "ja",
        "Schoonmaakhulp aan huis": "nee",
    }


def test_export_says_so_when_search_is_down(client, indexed, professional, monkeypatch):
    class Down:
        def search(self, query):
            raise SearchUnavailable("down")

    monkeypatch.setattr("socialekaart.views.exports.get_backend", lambda name=None: Down())
    client.force_login(professional)
    response = client.get(CSV_URL)
    assert response.status_code == 503
    assert "Zoeken lukt nu even niet" in response.content.decode()


def test_export_with_hostile_parameters_still_answers(client, indexed, professional):
    client.force_login(professional)
    response = client.get(
        CSV_URL, {"thema": ["<x>", "huishouden"], "page": "-5", "postcode": "\x00", "sort": "x"}
    )
    assert response.status_code == 200
    assert len(read_csv(response)) == 3


def test_each_help_on_the_pdf_says_whom_to_call(rf, indexed):
    """A walk: the list said "Bel of mail de organisatie als u vragen hebt." and gave no number for help
    without its own; the organisation's number and address stand there now."""
    schoonmaak = Voorziening.objects.get(slug="schoonmaakhulp-aan-huis")
    schoonmaak.aanmelden_telefoon = schoonmaak.aanmelden_email = ""
    schoonmaak.save()
    schoonmaak.organisatie.phone, schoonmaak.organisatie.email = "0599-424540", "info@zorg.example"
    schoonmaak.organisatie.save()
    form, rows, total = _export_rows(rf.get("/", {"thema": "huishouden"}))
    html = export.pdf_html(rows, total=total, description=export.describe_search(form), made_on=date.today())
    assert "Staat er geen nummer bij? Bel dan het Wmo-loket." in html
    item = html.split("Schoonmaakhulp aan huis", 1)[1].split("</li>", 1)[0]
    assert "Vragen: bel 0599-424540 of mail info@zorg.example" in item


def test_the_pdf_gives_the_opening_times_walking_in_and_the_closures_as_the_page_does(rf, indexed):
    """A walk: the list for a client said of a Formulierenhulp only "Aanmelden: bel", where its page said
    "Kom zonder afspraak langs, op de tijden hieronder" and gave the times; of help closed for now only
    "Tijdelijk gesloten", not until when; a closure over Christmas not at all."""
    today = date.today()
    schoonmaak = Voorziening.objects.get(slug="schoonmaakhulp-aan-huis")
    schoonmaak.toegang, schoonmaak.aanmelden_inloop = "vrij", True
    schoonmaak.save()
    op_locatie = schoonmaak.op_locaties.get()
    for weekdag in (6, 1, 5, 2, 4):
        OpeningstijdFactory(op_locatie=op_locatie, weekdag=weekdag, open_van=time(13), open_tot=time(16))
    christmas = Sluiting.objects.create(
        voorziening=schoonmaak,
        van=today + timedelta(days=10),
        tot_en_met=today + timedelta(days=20),
        reden="kerst",
    )
    huishouding = indexed.huishouding
    huishouding.status = "tijdelijk_gesloten"
    huishouding.save()
    for_now = Sluiting.objects.create(
        voorziening=huishouding, van=today, tot_en_met=today + timedelta(days=4), reden=""
    )
    get_backend().rebuild()
    form, rows, total = _export_rows(rf.get("/", {"thema": "huishouden"}))
    html = export.pdf_html(rows, total=total, description=export.describe_search(form), made_on=today)
    walk_in = " ".join(html.split("Schoonmaakhulp aan huis", 1)[1].split("</li>", 1)[0].split())
    assert "Kom zonder afspraak langs, op de tijden hieronder." in walk_in
    times = "13.00 tot 16.00 uur"
    assert f"Open: maandag en dinsdag {times}, donderdag tot en met zaterdag {times}." in walk_in
    assert f"<strong>Let op.</strong> {sluiting_tekst(christmas)}" in walk_in
    closed = " ".join(html.split("Hulp in de huishouding", 1)[1].split("</li>", 1)[0].split())
    assert f"<strong>Tijdelijk gesloten.</strong> {sluiting_tekst(for_now)}" in closed
