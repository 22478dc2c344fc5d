"""Query parameters of the HSDS API, checked one by one. A bad value raises `BadParameter` with a plain
Dutch message that the view returns as a 400."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

MAX_PER_PAGE = 100
MAX_PER_PAGE_MINIMAL = 1000
DEFAULT_PER_PAGE = 50
MAX_PAGE = 100_000
MAX_TEXT = 200
MAX_PROXIMITY = 100_000  # metres
POSTCODE = re.compile(r"^\s*(\d{4})\s*([a-zA-Z]{2})?\s*$")
TRUE, FALSE = {"true", "1", "yes", "ja"}, {"false", "0", "no", "nee", ""}


MAX_UTC_OFFSET = timedelta(hours=16)


class BadParameter(ValueError):
    def __init__(self, name: str, message: str):
        super().__init__(f"Parameter '{name}': {message}")
        self.name = name


def _one(params, name: str) -> str | None:
    values = params.getlist(name)
    if not values:
        return None
    if len(values) > 1:
        raise BadParameter(name, "geef deze parameter maar één keer mee.")
    if "\x00" in values[0]:
        raise BadParameter(name, "deze waarde bevat een teken dat niet mag.")
    return values[0]


def integer(params, name: str, default: int, minimum: int, maximum: int) -> int:
    value = _one(params, name)
    if value is None or value.strip() == "":
        return default
    # The digits alone: "\s" also matches control characters such as "\x1f", which int() refuses.
    digits = re.fullmatch(r"\s*(\d{1,9})\s*", value)
    if not digits:
        raise BadParameter(name, f"geef een heel getal van {minimum} tot en met {maximum}.")
    number = int(digits.group(1))
    if not minimum <= number <= maximum:
        raise BadParameter(name, f"geef een heel getal van {minimum} tot en met {maximum}.")
    return number


def boolean(params, name: str) -> bool:
    value = _one(params, name)
    if value is None:
        return False
    value = value.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise BadParameter(name, "kies true of false.")


def json_format(params) -> None:
    """`format`: of HSDS's formats only its default, json, is given here (not ndjson)."""
    value = _one(params, "format")
    if value is not None and value.strip().lower() not in ("", "json"):
        raise BadParameter(
            "format",
            "deze API geeft alleen json. Alle voorzieningen: minimal=true&per_page=1000, met page= per 1000.",
        )


def text(params, name: str) -> str:
    value = (_one(params, name) or "").strip()
    if len(value) > MAX_TEXT:
        raise BadParameter(name, f"gebruik hoogstens {MAX_TEXT} tekens.")
    return value


def uuid_value(params, name: str) -> uuid.UUID | None:
    value = _one(params, name)
    if value is None or value.strip() == "":
        return None
    try:
        return uuid.UUID(value.strip())
    except ValueError:
        raise BadParameter(name, "dit is geen geldige id (een UUID zoals 3f0c1a9e-...).") from None


def moment(params, name: str) -> datetime | None:
    """An ISO 8601 date or date-time; without a time zone it means Dutch local time."""
    value = _one(params, name)
    if value is None or value.strip() == "":
        return None
    value = value.strip().replace(" ", "+")  # a "+01:00" offset arrives as " 01:00" when not URL-encoded
    try:
        parsed = parse_datetime(value)
        if parsed is None and (day := parse_date(value)):
            parsed = datetime(day.year, day.month, day.day)
    except (ValueError, OverflowError):
        parsed = None
    if parsed is None:
        raise BadParameter(name, "geef een datum en tijd zoals 2026-01-31T09:00:00+01:00.")
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    offset = parsed.utcoffset()
    if offset is not None and abs(offset) >= MAX_UTC_OFFSET:
        # PostgreSQL takes offsets up to 15:59 only; a larger one would be a server error.
        raise BadParameter(name, "geef een tijdzone van -15:59 tot en met +15:59.")
    try:
        # In UTC, as the database compares it: a date at the edge of the calendar can fall off it.
        return parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        raise BadParameter(name, "geef een datum tussen het jaar 2 en het jaar 9998.") from None


def postcode(params, name: str = "postcode") -> str:
    value = _one(params, name)
    if value is None or value.strip() == "":
        return ""
    match = POSTCODE.match(value)
    if not match:
        raise BadParameter(name, "geef een Nederlandse postcode, zoals 3911 AB of 3911.")
    return match.group(1) + (match.group(2) or "").upper()


def pagination(params, minimal: bool = False) -> tuple[int, int]:
    page = integer(params, "page", 1, 1, MAX_PAGE)
    per_page = integer(
        params, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE_MINIMAL if minimal else MAX_PER_PAGE
    )
    return page, per_page
