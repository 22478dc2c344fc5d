"""Imports of odd files: a NUL character in a cell, JSON nested far deeper than HSDS, a UTF-8 byte-order
mark. Each gives one clear line (the command's error, never a traceback) and leaves the database as it
was; a byte-order mark just works."""

import json
import re

import pytest
from django.core.management.base import CommandError

from socialekaart.models import Voorziening

from .test_import import counts, run, service, write

pytestmark = pytest.mark.django_db


def refused(command, path) -> str:
    before = counts()
    with pytest.raises(CommandError) as error:
        run(command, path)
    message = str(error.value)
    assert "\n" not in message
    assert message.endswith("Er is niets ingelezen.")
    assert counts() == before
    return message


def test_a_nul_character_in_an_hsds_text_is_refused_in_one_line_and_nothing_is_stored(tmp_path, kaart):
    path = write(tmp_path, [service(), service(name="Rolstoel\u0000pool")])
    message = refused("import_hsds", path)
    assert "NUL-teken" in message
    assert "[2] > name" in message


def test_a_nul_character_in_an_hsds_key_is_refused(tmp_path, kaart):
    path = write(tmp_path, [service(**{"na\u0000me": "x"})])
    assert "NUL-teken" in refused("import_hsds", path)


def test_a_raw_nul_byte_in_hsds_json_is_refused(tmp_path, kaart):
    path = tmp_path / "kaart.json"
    path.write_bytes(json.dumps([service()]).replace("Rolstoelpool", "Rolstoel\x00pool").encode())
    assert "geen geldige JSON" in refused("import_hsds", path)


@pytest.mark.parametrize("depth", [100, 200_000])
def test_json_nested_far_deeper_than_hsds_is_refused(tmp_path, kaart, depth):
    nested = "[" * depth + "]" * depth
    path = write(tmp_path, '{"services": [{"name": "Diep", "extra": ' + nested + "}]}")
    assert "te diep genest" in refused("import_hsds", path)


def test_an_hsds_file_with_a_byte_order_mark_imports(tmp_path, db):
    path = tmp_path / "kaart.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps([service()]).encode())
    output = run("import_hsds", path)
    assert "Nieuwe voorzieningen: 1" in output
    assert Voorziening.objects.get().name == "Rolstoelpool"


def test_a_nul_character_in_a_csv_cell_is_refused_in_one_line_and_nothing_is_stored(tmp_path, kaart):
    content = "naam,organisatie,samenvatting\nHulp,Org,Kort.\nBood\x00schappen,Org,Kort.\n"
    message = refused("import_csv", write(tmp_path, content, "kaart.csv"))
    assert re.search(r"Regel 3 bevat een NUL-teken", message)


def test_a_csv_with_a_byte_order_mark_from_a_spreadsheet_imports(tmp_path, kaart):
    path = tmp_path / "kaart.csv"
    path.write_bytes(b"\xef\xbb\xbfnaam;organisatie;samenvatting\nKlusdienst;Org;Kleine klussen.\n")
    output = run("import_csv", path)
    assert "Nieuwe voorzieningen: 1" in output
    assert Voorziening.objects.filter(name="Klusdienst").exists()


def test_json_that_only_python_reads_still_imports(tmp_path, db):
    """NaN and a lone surrogate are JSON Python reads (as the import always did); the faster reader refuses
    them, so the file is read again the old way."""
    path = tmp_path / "kaart.json"
    text = json.dumps([service(extra={"nan": "NAN", "half": "\ud800"})])
    path.write_text(text.replace('"NAN"', "NaN"), encoding="utf-8")
    assert "Nieuwe voorzieningen: 1" in run("import_hsds", path)
    assert Voorziening.objects.get().name == "Rolstoelpool"


def test_an_hsds_file_that_is_not_utf8_is_explained(tmp_path, kaart):
    path = tmp_path / "kaart.json"
    path.write_bytes(json.dumps([service(name="Café")], ensure_ascii=False).encode("latin-1"))
    assert "geen tekst in UTF-8" in refused("import_hsds", path)


@pytest.mark.parametrize("amount", [1_000_000, 10**9, -5])
def test_an_amount_the_kaart_cannot_hold_rejects_only_its_service(tmp_path, db, amount):
    """Beyond 999999,99 euro the database would refuse the whole import; below 0 is no price."""
    costly = service(name="Te duur", cost_options=[{"option": "Bedrag", "amount": amount}])
    output = run("import_hsds", write(tmp_path, [service(), costly]))
    assert "Nieuwe voorzieningen: 1" in output and "Niet ingelezen: 1" in output
    assert "kan niet: een bedrag ligt tussen 0 en 999999,99 euro" in output
    assert Voorziening.objects.get().name == "Rolstoelpool"
