"""Importing HSDS JSON and the CSV template: idempotent, a dry run, every rejected row with its reason,
and nothing half-imported when a file is broken."""

import gc
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock
from uuid import uuid4

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from socialekaart.hsds import importer
from socialekaart.models import Contact, Locatie, Organisatie, Term, Voorziening, VoorzieningOpLocatie
from socialekaart.search import SearchQuery, get_backend

from .factories import TermFactory

EXAMPLE_CSV = (
    Path(__file__).resolve().parents[2] / "socialekaart" / "fixtures" / "voorzieningen-voorbeeld.csv"
)


def run(command, *args):
    from io import StringIO

    out = StringIO()
    call_command(command, *[str(a) for a in args], stdout=out, verbosity=0)
    return out.getvalue()


def counts():
    return tuple(
        model.objects.count()
        for model in (Voorziening, Organisatie, Locatie, VoorzieningOpLocatie, Term, Contact)
    )


def service(**overrides):
    data = {
        "id": str(uuid4()),
        "name": "Rolstoelpool",
        "status": "active",
        "description": "Leen een rolstoel voor een paar weken.\n\nU haalt hem op bij het buurthuis.",
        "organization": {"id": str(uuid4()), "name": "Hulpmiddelen Voorbeeld", "description": ""},
        "cost_options": [{"id": str(uuid4()), "option": "Gratis", "amount": 0}],
        "contacts": [
            {"id": str(uuid4()), "name": "Balie", "phones": [{"id": str(uuid4()), "number": "0301112233"}]}
        ],
        "service_areas": [{"id": str(uuid4()), "name": "Lindewaard", "extent_type": "gemeente"}],
        "service_at_locations": [
            {
                "id": str(uuid4()),
                "schedules": [{"id": str(uuid4()), "byday": "TU", "opens_at": "09:00", "closes_at": "11:30"}],
                "location": {
                    "id": str(uuid4()),
                    "location_type": "physical",
                    "name": "Buurthuis De Brug",
                    "latitude": 52.09,
                    "longitude": 5.12,
                    "addresses": [
                        {"address_1": "Kerkplein 3", "city": "Lindewaard", "postal_code": "3911 AB"}
                    ],
                },
            }
        ],
        "attributes": [
            {"taxonomy_term": {"taxonomy": "thema", "code": "hulpmiddelen", "name": "Hulpmiddelen"}},
            {"taxonomy_term": {"taxonomy": "toegang", "code": "vrij", "name": "Vrij toegankelijk"}},
        ],
    }
    data.update(overrides)
    return data


def write(tmp_path, content, name="kaart.json"):
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


# --- HSDS -----------------------------------------------------------------------------------------------


def test_hsds_import_creates_a_voorziening_with_everything(tmp_path, db):
    data = service()
    output = run("import_hsds", write(tmp_path, [data]))
    assert "Nieuwe voorzieningen: 1" in output
    voorziening = Voorziening.objects.get(pk=data["id"])
    assert voorziening.summary == "Leen een rolstoel voor een paar weken."
    assert voorziening.description == "U haalt hem op bij het buurthuis."
    assert voorziening.hele_gemeente and voorziening.kosten == "gratis" and voorziening.toegang == "vrij"
    assert [t.code for t in voorziening.themas.all()] == ["hulpmiddelen"]
    assert voorziening.organisatie.name == "Hulpmiddelen Voorbeeld"
    op_locatie = voorziening.op_locaties.get()
    assert (op_locatie.locatie.straat, op_locatie.locatie.huisnummer) == ("Kerkplein", "3")
    assert str(op_locatie.openingstijden.get()) == "dinsdag 09:00–11:30"
    assert voorziening.contacten.get().telefoon == "0301112233"


def test_hsds_reimport_updates_and_never_duplicates(tmp_path, db):
    data = service()
    path = write(tmp_path, {"services": [data]})
    run("import_hsds", path)
    before = counts()
    data["name"] = "Rolstoelpool Lindewaard"
    write(tmp_path, {"services": [data]})
    output = run("import_hsds", path)
    assert "Bijgewerkte voorzieningen: 1" in output and "Nieuwe voorzieningen: 0" in output
    assert counts() == before
    assert Voorziening.objects.get(pk=data["id"]).name == "Rolstoelpool Lindewaard"


def test_a_location_with_an_address_alone_is_put_in_its_postcodes_wijk_and_area(tmp_path, kaart):
    """A review: a location imported from HSDS JSON without coordinates stayed off the map and read "geen
    vast adres" in the results; the CSV import and the admin place it at the centre of its postcode's
    area. A location with coordinates keeps them."""
    data = service()
    location = data["service_at_locations"][0]["location"]
    del location["latitude"], location["longitude"]
    location["addresses"][0]["postal_code"] = "3913 CD"
    placed = service(service_at_locations=[service()["service_at_locations"][0]])
    run("import_hsds", write(tmp_path, [data, placed]))
    locatie = Voorziening.objects.get(pk=data["id"]).op_locaties.get().locatie
    assert (locatie.wijk, locatie.latitude, locatie.longitude) == (kaart.haven, 52.0981, 5.1327)
    kept = Voorziening.objects.get(pk=placed["id"]).op_locaties.get().locatie
    assert (kept.wijk, kept.latitude, kept.longitude) == (kaart.centrum, 52.09, 5.12)


def test_reimport_keeps_professionals_contacts(tmp_path, db):
    data = service()
    path = write(tmp_path, [data])
    run("import_hsds", path)
    Contact.objects.create(
        voorziening_id=data["id"], name="Alleen voor het wijkteam", voor_professionals=True
    )
    run("import_hsds", path)
    assert Contact.objects.filter(voorziening_id=data["id"], voor_professionals=True).count() == 1


def test_a_rejected_copy_of_a_service_does_not_hide_the_change_of_the_next_copy(tmp_path, db):
    data = service()
    run("import_hsds", write(tmp_path, [data]))
    renamed = {**data, "name": "Rolstoelpool Lindewaard"}
    broken = json.loads(json.dumps(renamed))
    broken["service_at_locations"][0]["schedules"][0]["byday"] = "XX"
    output = run("import_hsds", write(tmp_path, [broken, renamed]))
    assert "Bijgewerkte voorzieningen: 1" in output and "Niet ingelezen: 1" in output
    assert Voorziening.objects.get(pk=data["id"]).name == "Rolstoelpool Lindewaard"


def test_a_renamed_organisation_is_saved_and_its_voorzieningen_are_found_by_the_new_name(
    tmp_path, db, django_capture_on_commit_callbacks
):
    data = service()
    with django_capture_on_commit_callbacks(execute=True):
        run("import_hsds", write(tmp_path, [data]))
    before = Organisatie.objects.get(pk=data["organization"]["id"]).updated_at
    renamed = {**data["organization"], "name": "Zorgcooperatie Waterkant"}  # in a file without the service
    with django_capture_on_commit_callbacks(execute=True):  # the index is brought up to date at commit
        run("import_hsds", write(tmp_path, {"organizations": [renamed]}))
    organisatie = Organisatie.objects.get(pk=data["organization"]["id"])
    assert organisatie.name == "Zorgcooperatie Waterkant" and organisatie.updated_at > before
    assert Organisatie.objects.count() == 1
    found = get_backend().search(SearchQuery(text="Zorgcooperatie"))
    assert [str(pk) for pk in found.ids] == [data["id"]]


def test_an_organisation_rejected_for_its_location_is_not_used_by_a_later_service(tmp_path, db):
    organisation = {
        "id": str(uuid4()),
        "name": "Buurtzorg Oost",
        "locations": [{"id": str(uuid4()), "name": "Kantoor", "latitude": 123.0, "longitude": 5.1}],
    }
    data = service(organization_id=organisation["id"])
    del data["organization"]
    output = run("import_hsds", write(tmp_path, {"organizations": [organisation], "services": [data]}))
    assert "Organisatie 1 (Buurtzorg Oost): Een coördinaat van een locatie klopt niet." in output
    assert "De organisatie van deze service staat niet in het bestand" in output
    assert counts() == (0, 0, 0, 0, 0, 0)


def test_a_reimport_rewrites_only_the_relations_that_changed(tmp_path, db):
    data = service()
    data["attributes"].append(
        {"taxonomy_term": {"taxonomy": "doelgroep", "code": "ouderen", "name": "Ouderen"}}
    )
    path = write(tmp_path, [data])
    run("import_hsds", path)
    themas, doelgroepen = Voorziening.themas.through, Voorziening.doelgroepen.through

    def rows():
        return {model: set(model.objects.values_list("pk", flat=True)) for model in (themas, doelgroepen)}

    before = rows()
    run("import_hsds", path)
    assert rows() == before
    data["attributes"][0] = {"taxonomy_term": {"taxonomy": "thema", "code": "vervoer", "name": "Vervoer"}}
    run("import_hsds", write(tmp_path, [data]))
    after = rows()
    assert after[doelgroepen] == before[doelgroepen] and after[themas].isdisjoint(before[themas])
    voorziening = Voorziening.objects.get(pk=data["id"])
    assert [t.code for t in voorziening.themas.all()] == ["vervoer"]
    assert [t.code for t in voorziening.doelgroepen.all()] == ["ouderen"]


def test_reimport_moves_a_voorziening_to_the_themes_and_hours_of_the_file(tmp_path, db):
    data = service()
    run("import_hsds", write(tmp_path, [data]))
    data["attributes"] = []
    data["service_at_locations"][0]["schedules"][0]["opens_at"] = "10:00"
    run("import_hsds", write(tmp_path, [data]))
    voorziening = Voorziening.objects.get(pk=data["id"])
    assert not voorziening.themas.exists()
    assert str(voorziening.op_locaties.get().openingstijden.get()) == "dinsdag 10:00–11:30"


@pytest.mark.parametrize(
    ("today", "opens_at", "closes_at"),
    [
        (datetime(2026, 1, 15, 11, tzinfo=UTC), "08:00Z", "11:30+01:00"),
        (datetime(2026, 7, 15, 10, tzinfo=UTC), "07:00Z", "11:30+02:00"),
    ],
)
def test_a_time_with_its_offset_from_utc_is_read_as_the_time_here(tmp_path, db, today, opens_at, closes_at):
    """HSDS asks for the offset; only the first five characters were read, so "08:00Z" (nine o'clock here in
    winter) became eight."""
    data = service()
    data["service_at_locations"][0]["schedules"][0].update(opens_at=opens_at, closes_at=closes_at)
    with mock.patch("django.utils.timezone.now", return_value=today):
        run("import_hsds", write(tmp_path, [data]))
    voorziening = Voorziening.objects.get(pk=data["id"])
    assert str(voorziening.op_locaties.get().openingstijden.get()) == "dinsdag 09:00–11:30"


def test_dry_run_reports_but_saves_nothing(tmp_path, db):
    output = run("import_hsds", write(tmp_path, [service()]), "--dry-run")
    assert "Nieuwe voorzieningen: 1" in output
    assert "er is niets opgeslagen" in output.lower()
    assert counts() == (0, 0, 0, 0, 0, 0)


def test_every_rejected_service_is_reported_with_its_reason(tmp_path, db):
    good = service()
    nameless = service(name="")
    bad_status = service(status="misschien")
    bad_id = service(id="12345")
    orphan = service(organization=None, organization_id=str(uuid4()))
    bad_day = service()
    bad_day["service_at_locations"][0]["schedules"][0]["byday"] = "XX"
    output = run("import_hsds", write(tmp_path, [good, nameless, bad_status, bad_id, orphan, bad_day]))
    assert "Nieuwe voorzieningen: 1" in output
    assert "Niet ingelezen: 5" in output
    assert "Service 2 (): De voorziening heeft geen naam." in output
    assert "Service 3 (Rolstoelpool): De status ontbreekt of klopt niet" in output
    assert "geen geldige UUID" in output
    assert "De organisatie van deze service staat niet in het bestand" in output
    assert "De dag 'XX' in de openingstijden klopt niet" in output
    assert Voorziening.objects.count() == 1
    assert Locatie.objects.count() == 1  # the rejected ones left nothing behind


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{ dit is geen json", "geen geldige JSON: fout in regel 1"),
        ('{"services": "geen lijst"}', "geen lijst met services"),
        ('{"services": [1, 2]}', "'services' moet een lijst met objecten zijn"),
        ("42", "geen lijst met services"),
    ],
)
def test_a_broken_file_changes_nothing(tmp_path, kaart, content, message):
    before = counts()
    with pytest.raises(CommandError, match=re.escape(message)) as error:
        run("import_hsds", write(tmp_path, content))
    assert "Er is niets ingelezen." in str(error.value)
    assert counts() == before


def test_a_crash_halfway_rolls_everything_back(tmp_path, db, monkeypatch):
    real = importer._service
    calls = []

    def crash_on_second(*args):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("schijf vol")
        return real(*args)

    monkeypatch.setattr(importer, "_service", crash_on_second)
    with pytest.raises(RuntimeError):
        run("import_hsds", write(tmp_path, [service(), service(), service()]))
    assert counts() == (0, 0, 0, 0, 0, 0)


def test_missing_file_is_a_clear_error(tmp_path, db):
    with pytest.raises(CommandError, match="bestaat niet"):
        run("import_hsds", tmp_path / "nergens.json")


def test_the_garbage_collector_works_again_after_an_import_even_a_broken_one(tmp_path, db):
    run("import_hsds", write(tmp_path, [service()]))
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with pytest.raises(CommandError, match="geen geldige JSON"):
        run("import_hsds", write(tmp_path, "{"))
    assert gc.isenabled() and gc.get_freeze_count() == 0


# --- CSV ------------------------------------------------------------------------------------------------


@pytest.fixture
def terms(kaart):
    for vocabulary, code in [
        ("thema", "vrijwilligerswerk"),
        ("thema", "maaltijden"),
        ("doelgroep", "beperking"),
    ]:
        TermFactory(vocabulary=vocabulary, code=code)
    return kaart


def test_the_example_csv_imports_and_reimports_without_duplicates(terms):
    output = run("import_csv", EXAMPLE_CSV)
    assert "Nieuwe voorzieningen: 3" in output and "Niet ingelezen: 0" in output
    maaltijd = Voorziening.objects.get(slug="maaltijd-aan-huis")
    assert maaltijd.kosten == "bedrag" and str(maaltijd.kosten_bedrag) == "8.50"
    assert maaltijd.laatst_gecontroleerd.isoformat() == "2026-01-15"
    assert {w.slug for w in maaltijd.wijken.all()} == {"centrum", "oude-haven"}
    locatie = maaltijd.op_locaties.get().locatie
    assert locatie.rolstoeltoegankelijk and locatie.wijk.slug == "centrum"
    assert Voorziening.objects.get(slug="boodschappenhulp-de-buren").hele_gemeente
    assert Voorziening.objects.get(slug="koffie-inloop-het-plein").aanmelden_inloop
    before = counts()
    output = run("import_csv", EXAMPLE_CSV)
    assert "Nieuwe voorzieningen: 0. Bijgewerkte voorzieningen: 3." in output
    assert counts() == before


CSV_HEADER = (
    "naam,organisatie,samenvatting,toegang,kosten,kosten_bedrag,themas,aanmelden_email,wijken,leeftijd_min\n"
)


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (
            "Hulp,Org,Kort.,soms,gratis,,,,,",
            "In de kolom 'toegang' staat 'soms'. Kies uit: vrij, verwijzing, beschikking.",
        ),
        ("Hulp,Org,Kort.,vrij,bedrag,,,,,", "Bij kosten 'bedrag' hoort een kosten_bedrag"),
        ("Hulp,Org,Kort.,vrij,bedrag,twaalf,,,,", "Het bedrag 'twaalf' klopt niet"),
        ("Hulp,Org,Kort.,vrij,bedrag,2000000,,,,", "Het bedrag 2000000.00 kan niet"),
        ("Hulp,Org,Kort.,vrij,gratis,,bestaat-niet,,,", "De thema 'bestaat-niet' bestaat niet"),
        ("Hulp,Org,Kort.,vrij,gratis,,,geen-mail,,", "Het e-mailadres 'geen-mail' klopt niet."),
        ("Hulp,Org,Kort.,vrij,gratis,,,,Atlantis,", "De wijk 'Atlantis' bestaat niet"),
        ("Hulp,Org,Kort.,vrij,gratis,,,,,oud", "Schrijf een leeftijd in hele jaren."),
        (",Org,Kort.,vrij,gratis,,,,,", "De kolom 'naam' is leeg. Die is verplicht."),
    ],
)
def test_each_rejected_csv_row_is_reported_with_its_reason(tmp_path, kaart, row, reason):
    good = "Goede hulp,Org,Kort.,vrij,gratis,,huishouden,,Centrum,\n"
    output = run("import_csv", write(tmp_path, CSV_HEADER + good + row + "\n", "kaart.csv"))
    assert "Nieuwe voorzieningen: 1" in output
    assert "Niet ingelezen: 1" in output
    assert "- Regel 3" in output and reason in output


def test_semicolon_separated_csv_from_a_spreadsheet_works(tmp_path, kaart):
    content = (
        "naam;organisatie;samenvatting;kosten;kosten_bedrag\nHulp;Org;Kort, maar duidelijk.;bedrag;12,50\n"
    )
    run("import_csv", write(tmp_path, content, "kaart.csv"))
    assert str(Voorziening.objects.get(slug="hulp").kosten_bedrag) == "12.50"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("naam,samenvatting\nHulp,Kort.\n", "mist de kolom(men): organisatie"),
        ("naam,organisatie,samenvatting,kleur\nHulp,Org,Kort.,rood\n", "Deze kolommen ken ik niet: kleur"),
        ("naam,organisatie,samenvatting\nHulp,Org,Kort.\nA,B,C,D,E\n", "Regel 3 heeft meer kolommen"),
    ],
)
def test_a_broken_csv_changes_nothing(tmp_path, kaart, content, message):
    before = counts()
    with pytest.raises(CommandError, match=re.escape(message)):
        run("import_csv", write(tmp_path, content, "kaart.csv"))
    assert counts() == before


def test_a_csv_that_is_not_utf8_is_explained(tmp_path, kaart):
    path = tmp_path / "kaart.csv"
    path.write_bytes("naam,organisatie,samenvatting\nCafé,Org,Kort.\n".encode("latin-1"))
    with pytest.raises(CommandError, match="geen tekst in UTF-8"):
        run("import_csv", path)


def test_csv_dry_run_saves_nothing(kaart, tmp_path):
    TermFactory(vocabulary="thema", code="maaltijden")
    before = counts()
    output = run("import_csv", EXAMPLE_CSV, "--dry-run")
    assert "Nieuwe voorzieningen" in output and "er is niets opgeslagen" in output.lower()
    assert counts() == before
