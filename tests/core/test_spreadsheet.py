"""CSV for spreadsheet programs set to Dutch, the one way every export of the site writes it."""

import csv
import io
from decimal import Decimal

from core.spreadsheet import Sheet, sheet_download


def _read(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")  # the byte order mark: Excel then reads UTF-8
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


def test_semicolons_a_byte_order_mark_and_cells_with_the_separator_quoted():
    sheet = Sheet(["naam", "aantal"])
    sheet.row(["Ouderenwerk; Centrum", 3])
    sheet.row(['Café "De Oude Haven"\nachter de kerk', None])
    text = sheet.text()
    assert text.splitlines()[0] == "\ufeffnaam;aantal" and "\r\n" in text
    assert _read(text) == [
        ["naam", "aantal"],
        ["Ouderenwerk; Centrum", "3"],
        ['Café "De Oude Haven"\nachter de kerk', ""],
    ]


def test_a_cell_that_would_run_as_a_formula_is_shown_as_text():
    sheet = Sheet(["a"])
    for value in ('=HYPERLINK("http://x")', "+31 6 1234", "-1", "@SUM(A1)", "\tTab", 0, "gewoon"):
        sheet.row([value])
    cells = [row[0] for row in _read(sheet.text())[1:]]
    assert cells == ['\'=HYPERLINK("http://x")', "'+31 6 1234", "'-1", "'@SUM(A1)", "'\tTab", "0", "gewoon"]


def test_a_number_with_a_fraction_has_a_decimal_comma():
    sheet = Sheet(["mediaan", "bedrag", "aantal"])
    sheet.row([29.5, Decimal("2.50"), 3])
    assert _read(sheet.text())[1] == ["29,5", "2,50", "3"]


def test_the_download_is_an_attachment_in_utf_8():
    sheet = Sheet(["kenmerk"])
    sheet.row(["M-7K3Q-XW9P"])
    response = sheet_download(sheet, "meldingen.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="meldingen.csv"'
    assert response.content.decode("utf-8") == sheet.text()
