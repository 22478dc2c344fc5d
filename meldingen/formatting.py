"""How an answer reads for people: dates in words, an address on one line, choices by their label."""

from datetime import date

from django import forms

from . import choices

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def format_date(value) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return value
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def format_address(gegevens) -> str:
    return ", ".join(address_lines(gegevens))


def address_lines(gegevens) -> list[str]:
    """The street with the house number, and the postcode with the town: as a letter is addressed."""
    street = " ".join(part for part in [gegevens.get("straat", ""), _house_number(gegevens)] if part)
    town = " ".join(part for part in [gegevens.get("postcode", ""), gegevens.get("woonplaats", "")] if part)
    return [part for part in [street, town] if part]


def _house_number(gegevens) -> str:
    """The number with its toevoeging as it is written: "12 A", and "12-2" (two numbers need the dash)."""
    number, suffix = gegevens.get("huisnummer", ""), gegevens.get("toevoeging", "")
    if number and suffix[:1].isdigit():
        return f"{number}-{suffix}"
    return " ".join(part for part in (number, suffix) if part)


def display(field: forms.Field | None, value):
    """An answer as its form field shows it: the label of a choice, choices joined, Ja/Nee for a tick."""
    if value in (None, "", []):
        return value
    if isinstance(field, forms.MultipleChoiceField):
        return ", ".join(choices.label(field.choices, code) for code in value)
    if isinstance(field, forms.ChoiceField):
        return choices.label(field.choices, value)
    if isinstance(field, forms.BooleanField) or isinstance(value, bool):
        return choices.label(choices.JA_NEE, "ja" if value else "nee")
    if isinstance(value, date):
        return format_date(value)
    return value
