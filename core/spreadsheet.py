"""CSV files that spreadsheet programs set to Dutch open in columns: semicolons (Dutch Excel reads a comma as
the decimal sign), a byte order mark (so it reads UTF-8: é and ë stay whole) and CRLF line ends.

A cell that starts like a formula gets a leading quote, so the spreadsheet shows it instead of running it.
"""

import csv
import io
from decimal import Decimal

from django.http import HttpResponse

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    if isinstance(value, float | Decimal):  # 29.5 as Dutch Excel reads a number: 29,5
        return str(value).replace(".", ",")
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


class Sheet:
    """Rows written as CSV for a spreadsheet: `sheet.row([...])`, then `sheet.text()`."""

    def __init__(self, header: list):
        self._buffer = io.StringIO()
        self._buffer.write("\ufeff")
        self._writer = csv.writer(self._buffer, delimiter=";", lineterminator="\r\n")
        self.row(header)

    def row(self, values) -> None:
        self._writer.writerow([cell(value) for value in values])

    def text(self) -> str:
        return self._buffer.getvalue()


def sheet_download(sheet: Sheet, filename: str) -> HttpResponse:
    response = HttpResponse(sheet.text(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
