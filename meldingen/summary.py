"""The answers of a melding as plain B1 sections: for the check page, the PDF and the backoffice."""

from datetime import date

from django.utils.translation import gettext as _

from . import choices
from .choices import label

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


def is_for_someone_else(answers: dict) -> bool:
    return answers.get("voor_wie", {}).get("voor_wie", "zelf") != "zelf"


def format_date(value) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return value
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def format_address(gegevens: dict) -> str:
    street = " ".join(
        part
        for part in [
            gegevens.get("straat", ""),
            gegevens.get("huisnummer", ""),
            gegevens.get("toevoeging", ""),
        ]
        if part
    )
    town = " ".join(part for part in [gegevens.get("postcode", ""), gegevens.get("woonplaats", "")] if part)
    return ", ".join(part for part in [street, town] if part)


def _rows(pairs) -> list[tuple[str, str]]:
    """Leave out empty optional answers; show 'Niet ingevuld' nowhere, so the list stays short."""
    return [(str(title), str(value)) for title, value in pairs if value not in (None, "", [])]


def _melder(answers):
    melder = answers.get("melder", {})
    return _rows(
        [
            (_("Uw naam"), melder.get("naam")),
            (_("Organisatie"), melder.get("organisatie")),
            (_("Uw telefoonnummer"), melder.get("telefoon")),
            (_("Uw e-mailadres"), melder.get("email")),
            (_("Weet de persoon ervan?"), label(choices.TOESTEMMING, melder.get("bewoner_toestemming"))),
        ]
    )


def _gegevens(answers):
    gegevens = answers.get("gegevens", {})
    return _rows(
        [
            (_("Naam"), gegevens.get("naam")),
            (_("Adres"), format_address(gegevens)),
            (_("Wijk"), gegevens.get("wijk")),
            (_("Telefoonnummer"), gegevens.get("telefoon")),
            (_("E-mailadres"), gegevens.get("email")),
            (_("Geboortedatum"), format_date(gegevens.get("geboortedatum"))),
        ]
    )


def _hulp(answers):
    hulp = answers.get("hulp", {})
    topics = ", ".join(label(choices.ONDERWERPEN, code) for code in hulp.get("onderwerpen", []))
    return _rows([(_("Waar wilt u hulp bij?"), topics), (_("Toelichting"), hulp.get("toelichting"))])


def _situatie(answers):
    situatie = answers.get("situatie", {})
    return _rows(
        [
            (_("Wat lukt niet meer?"), situatie.get("wat_lukt_niet")),
            (_("Sinds wanneer?"), situatie.get("sinds_wanneer")),
            (_("Wat doet u zelf?"), situatie.get("wat_zelf")),
            (_("Wie helpt al?"), situatie.get("wie_helpt")),
            (_("Welke hulp krijgt u nu?"), situatie.get("huidige_hulp")),
        ]
    )


def _gesprek(answers):
    gesprek = answers.get("gesprek", {})
    plek = label(choices.PLEK, gesprek.get("plek"))
    if gesprek.get("plek") == "elders" and gesprek.get("plek_anders"):
        plek = f"{plek}: {gesprek['plek_anders']}"
    wie = ", ".join(label(choices.WIE_ERBIJ, code) for code in gesprek.get("wie_erbij", []))
    return _rows(
        [
            (_("Wanneer bent u bereikbaar?"), gesprek.get("bereikbaar")),
            (_("Waar wilt u het gesprek?"), plek),
            (_("Wie is erbij?"), wie),
        ]
    )


def _spoed(answers):
    spoed = answers.get("spoed", {})
    return _rows(
        [
            (_("Is het dringend?"), label(choices.JA_NEE, spoed.get("spoed"))),
            (_("Waarom is het dringend?"), spoed.get("toelichting")),
        ]
    )


def sections_with_steps(answers: dict) -> list[tuple[str, list[tuple[str, str]], str]]:
    """[(title, [(label, value)], step name)] in the order of the form; empty sections are left out."""
    sections = [
        (
            _("Voor wie is de melding?"),
            _rows([(_("Voor wie"), label(choices.VOOR_WIE, answers.get("voor_wie", {}).get("voor_wie")))]),
            "voor-wie",
        )
    ]
    if is_for_someone_else(answers):
        sections.append((_("Uw gegevens als melder"), _melder(answers), "melder"))
    sections.append(
        (
            _("Soort melding"),
            _rows([(_("Keuze"), label(choices.SOORT, answers.get("keuze", {}).get("soort")))]),
            "keuze",
        )
    )
    title = (
        _("Gegevens van de persoon die hulp nodig heeft")
        if is_for_someone_else(answers)
        else _("Uw gegevens")
    )
    sections.append((title, _gegevens(answers), "gegevens"))
    if answers.get("keuze", {}).get("soort") == "uitgebreid":
        sections += [
            (_("Waar wilt u hulp bij?"), _hulp(answers), "hulp"),
            (_("Uw situatie"), _situatie(answers), "situatie"),
            (_("Het gesprek"), _gesprek(answers), "gesprek"),
        ]
    sections.append((_("Spoed"), _spoed(answers), "spoed"))
    return [section for section in sections if section[1]]


def summary_sections(answers: dict) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(title, [(label, value)])]: the shape the PDF and the backoffice show."""
    return [(title, rows) for title, rows, _step in sections_with_steps(answers)]
