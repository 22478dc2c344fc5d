"""Export the whole kaart as HSDS JSON, then import it into an empty database: the same kaart."""

import gc
import json
from datetime import UTC, datetime
from unittest import mock

import pytest

from socialekaart.models import Capaciteit, Openingstijd, Organisatie, Term, Voorziening, Wijk

from . import test_api
from .test_api import needs_schemas, validate
from .test_import import run

api_kaart = test_api.api_kaart  # the API tests' kaart, as a fixture here too
VOLATILE = {"generated_at", "last_modified"}


def stable(value):
    """The document without the moments that change on every save."""
    if isinstance(value, dict):
        return {key: stable(item) for key, item in value.items() if key not in VOLATILE}
    if isinstance(value, list):
        return [stable(item) for item in value]
    return value


def export(tmp_path, name="export.json") -> dict:
    path = tmp_path / name
    run("export_hsds", path)
    return json.loads(path.read_text(encoding="utf-8"))


@needs_schemas
def test_export_validates_and_holds_the_whole_public_kaart(tmp_path, api_kaart):
    document = export(tmp_path)
    assert document["hsds_version"] == "3.0"
    assert len(document["services"]) == 7  # the gestopt one too, as "defunct"
    assert {s["status"] for s in document["services"]} == {"active", "defunct"}
    for item in document["services"]:
        validate(item, "compiled/service.json")
    for item in document["organizations"]:
        validate(item, "compiled/organization.json")
    for item in document["taxonomy_terms"]:
        validate(item, "taxonomy_term.json")
    text = json.dumps(document)
    assert "Achterdeur Wijkteam" not in text and "wachttijd" not in text


def test_export_then_import_into_an_empty_database_gives_the_same_kaart(tmp_path, api_kaart):
    before = export(tmp_path, "voor.json")
    _empty_the_kaart()

    output = run("import_hsds", tmp_path / "voor.json")
    assert "Nieuwe voorzieningen: 7. Bijgewerkte voorzieningen: 0." in output
    assert "Niet ingelezen: 0." in output
    after = export(tmp_path, "na.json")
    assert stable(after) == stable(before)

    output = run("import_hsds", tmp_path / "na.json")  # and once more: nothing new
    assert "Nieuwe voorzieningen: 0. Bijgewerkte voorzieningen: 7." in output
    assert stable(export(tmp_path, "weer.json")) == stable(before)


def _empty_the_kaart():
    Capaciteit.objects.all().delete()
    Voorziening.objects.all().delete()
    Organisatie.objects.all().delete()
    Term.objects.all().delete()
    Wijk.objects.all().delete()
    assert Voorziening.objects.count() == 0


# The nights summer time begins and ends (02:00 and 03:00 local), before and after the change.
CHANGE_NIGHTS = [datetime(2027, 3, 28, 0, 40, tzinfo=UTC), datetime(2027, 3, 28, 1, 20, tzinfo=UTC)]
CHANGE_NIGHTS += [datetime(2027, 10, 31, 0, 40, tzinfo=UTC), datetime(2027, 10, 31, 1, 20, tzinfo=UTC)]


@pytest.mark.parametrize("moment", CHANGE_NIGHTS, ids=str)
def test_opening_hours_read_back_are_those_written_also_on_the_night_summer_time_changes(
    tmp_path, api_kaart, moment
):
    """On the night summer time began, before 02:00, the export wrote the offset of that moment (+01:00), and
    the import read "09:00+01:00" as ten o'clock on that day: every opening hour moved an hour."""
    hours = sorted(str(each) for each in Openingstijd.objects.all())
    with mock.patch("django.utils.timezone.now", return_value=moment):
        export(tmp_path, "voor.json")
        _empty_the_kaart()
        run("import_hsds", tmp_path / "voor.json")
    assert sorted(str(each) for each in Openingstijd.objects.all()) == hours


def test_export_to_stdout(capsys, api_kaart):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("export_hsds", "-", stdout=out)
    assert json.loads(out.getvalue())["services"]


def test_the_garbage_collector_works_again_after_an_export(tmp_path, api_kaart):
    export(tmp_path)
    assert gc.isenabled() and gc.get_freeze_count() == 0
