"""Import voorzieningen from a simple CSV template (one voorziening per row, at most one location).

Columns (the first row holds these names; order is free; `;` separates several values in one cell):
naam*, organisatie*, samenvatting*, id, slug, beschrijving, themas, doelgroepen, toegang, kosten,
kosten_bedrag, kosten_toelichting, aanmelden_telefoon, aanmelden_email, aanmelden_url, aanmelden_inloop,
aanmelden_toelichting, talen, leeftijd_min, leeftijd_max, status, laatst_gecontroleerd, wijken,
locatie_naam, straat, huisnummer, postcode, plaats, latitude, longitude, rolstoeltoegankelijk.
See socialekaart/fixtures/voorzieningen-voorbeeld.csv.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction

from ..models import Voorziening
from .report import BrokenFile, ImportReport, Rejected
from .writer import KaartWriter, as_uuid, check_email, check_url

REQUIRED = ("naam", "organisatie", "samenvatting")
COLUMNS = (
    *REQUIRED,
    "id",
    "slug",
    "beschrijving",
    "themas",
    "doelgroepen",
    "toegang",
    "kosten",
    "kosten_bedrag",
    "kosten_toelichting",
    "aanmelden_telefoon",
    "aanmelden_email",
    "aanmelden_url",
    "aanmelden_inloop",
    "aanmelden_toelichting",
    "talen",
    "leeftijd_min",
    "leeftijd_max",
    "status",
    "laatst_gecontroleerd",
    "wijken",
    "locatie_naam",
    "straat",
    "huisnummer",
    "postcode",
    "plaats",
    "latitude",
    "longitude",
    "rolstoeltoegankelijk",
)
HELE_GEMEENTE = {"hele gemeente", "heel de gemeente", "alle wijken"}
YES, NO = {"ja", "j", "yes", "true", "1", "x"}, {"nee", "n", "no", "false", "0", ""}
MAX_ROWS = 200_000


def read_csv(path) -> list[dict]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise BrokenFile(f"Het bestand {path} bestaat niet.") from None
    except UnicodeDecodeError:
        raise BrokenFile(
            "Het bestand is geen tekst in UTF-8. Sla het op als 'CSV UTF-8' en probeer het opnieuw."
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise BrokenFile(
            f"Regel {line} bevat een NUL-teken (een leeg teken dat niet in tekst hoort). Haal het weg, "
            "of sla het bestand opnieuw op als 'CSV UTF-8', en probeer het opnieuw."
        )
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise BrokenFile(
            f"De eerste regel mist de kolom(men): {', '.join(missing)}. Gebruik het voorbeeldbestand."
        )
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        raise BrokenFile(f"Deze kolommen ken ik niet: {', '.join(unknown[:5])}. Controleer de spelling.")
    reader.fieldnames = header
    rows = []
    try:
        for row in reader:
            if None in row:
                raise BrokenFile(
                    f"Regel {reader.line_num} heeft meer kolommen dan de eerste regel. Staat er een komma of "
                    "puntkomma in een tekst zonder aanhalingstekens?"
                )
            rows.append({key: (value or "").strip() for key, value in row.items()})
    except csv.Error as error:
        raise BrokenFile(f"Het bestand is geen geldige CSV: {error}.") from None
    if len(rows) > MAX_ROWS:
        raise BrokenFile(f"Het bestand heeft meer dan {MAX_ROWS} regels. Splits het op.")
    return rows


def import_csv(path, dry_run: bool = False, progress: Callable[[int], None] | None = None) -> ImportReport:
    rows = read_csv(path)
    report = ImportReport(dry_run=dry_run)
    with transaction.atomic():
        writer = KaartWriter()
        for line, row in enumerate(rows, start=2):
            where = f"Regel {line} ({row.get('naam', '')[:60]})"
            try:
                with transaction.atomic():
                    created = _row(writer, row)
                report.created += created
                report.updated += not created
            except Rejected as reason:
                report.reject(where, str(reason))
            if progress:
                progress(1)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _row(writer: KaartWriter, row: dict) -> bool:
    for name in REQUIRED:
        if not row.get(name):
            raise Rejected(f"De kolom '{name}' is leeg. Die is verplicht.")
    organisatie = writer.organisatie(None, row["organisatie"])
    wijken = _list(row.get("wijken", ""))
    hele_gemeente = any(value.casefold() in HELE_GEMEENTE for value in wijken)
    fields = {
        "name": row["naam"],
        "summary": row["samenvatting"],
        "description": row.get("beschrijving", ""),
        "toegang": _choice(row, "toegang", Voorziening.Toegang, "vrij"),
        "kosten": _choice(row, "kosten", Voorziening.Kosten, "gratis"),
        "kosten_bedrag": _amount(row.get("kosten_bedrag", "")),
        "kosten_toelichting": row.get("kosten_toelichting", ""),
        "aanmelden_telefoon": row.get("aanmelden_telefoon", ""),
        "aanmelden_email": check_email(row.get("aanmelden_email", "")),
        "aanmelden_url": check_url(row.get("aanmelden_url", "")),
        "aanmelden_inloop": _yes_no(row, "aanmelden_inloop"),
        "aanmelden_toelichting": row.get("aanmelden_toelichting", ""),
        "talen": [code.lower()[:10] for code in _list(row.get("talen", ""))],
        "leeftijd_min": _age(row, "leeftijd_min"),
        "leeftijd_max": _age(row, "leeftijd_max"),
        "status": _choice(row, "status", Voorziening.Status, "actief"),
        "hele_gemeente": hele_gemeente,
    }
    if row.get("laatst_gecontroleerd"):
        fields["laatst_gecontroleerd"] = _date(row["laatst_gecontroleerd"])
    if fields["kosten"] == "bedrag" and fields["kosten_bedrag"] is None:
        raise Rejected("Bij kosten 'bedrag' hoort een kosten_bedrag, bijvoorbeeld 12,50.")
    themas = [writer.known_term("thema", code) for code in _list(row.get("themas", ""))]
    doelgroepen = [writer.known_term("doelgroep", code) for code in _list(row.get("doelgroepen", ""))]
    wijk_objects = [] if hele_gemeente else [writer.wijk(name) for name in wijken]
    voorziening, created = writer.voorziening(
        as_uuid(row.get("id"), "de voorziening"), row.get("slug", ""), organisatie, fields
    )
    writer.set_relations(voorziening, created, themas=themas, doelgroepen=doelgroepen, wijken=wijk_objects)
    if row.get("locatie_naam") or row.get("straat"):
        # The row's one location replaces the voorziening's locations; without one they stay as they are.
        writer.replace_locations(
            voorziening, [{"locatie": _locatie(writer, row, organisatie)}], fresh=created
        )
    return created


def _locatie(writer: KaartWriter, row: dict, organisatie):
    name = row.get("locatie_naam") or f"{row.get('straat', '')} {row.get('huisnummer', '')}".strip()
    existing = organisatie.locaties.filter(name=name[:200]).first()
    return writer.locatie(
        existing.pk if existing else None,
        organisatie,
        name=name[:200],
        straat=row.get("straat", "")[:200],
        huisnummer=row.get("huisnummer", "")[:20],
        postcode=row.get("postcode", "")[:7],
        plaats=row.get("plaats", "")[:100],
        latitude=_coordinate(row, "latitude", 90),
        longitude=_coordinate(row, "longitude", 180),
        rolstoeltoegankelijk=_yes_no(row, "rolstoeltoegankelijk"),
        toegankelijkheid=existing.toegankelijkheid if existing else "",
    )


def _list(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _choice(row: dict, column: str, choices, default: str) -> str:
    value = row.get(column, "").strip().lower().replace(" ", "_")
    if not value:
        return default
    if value not in choices.values:
        raise Rejected(f"In de kolom '{column}' staat '{value[:30]}'. Kies uit: {', '.join(choices.values)}.")
    return value


def _yes_no(row: dict, column: str) -> bool:
    value = row.get(column, "").strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    raise Rejected(f"In de kolom '{column}' staat '{value[:20]}'. Schrijf ja of nee.")


def _amount(value: str) -> Decimal | None:
    if not value:
        return None
    try:
        amount = Decimal(value.replace("€", "").replace(",", ".").strip())
    except InvalidOperation:
        raise Rejected(f"Het bedrag '{value[:20]}' klopt niet. Schrijf bijvoorbeeld 12,50.") from None
    if not amount.is_finite():  # how high it may be, the writer checks
        raise Rejected(f"Het bedrag '{value[:20]}' klopt niet. Schrijf bijvoorbeeld 12,50.")
    return amount.quantize(Decimal("0.01"))


def _age(row: dict, column: str) -> int | None:
    value = row.get(column, "")
    if not value:
        return None
    if not value.isdigit() or int(value) > 150:
        raise Rejected(f"In de kolom '{column}' staat '{value[:20]}'. Schrijf een leeftijd in hele jaren.")
    return int(value)


def _date(value: str) -> date:
    for parse in (date.fromisoformat, _dutch_date):
        try:
            return parse(value)
        except ValueError:
            continue
    raise Rejected(f"De datum '{value[:20]}' klopt niet. Schrijf bijvoorbeeld 2026-01-31 of 31-01-2026.")


def _dutch_date(value: str) -> date:
    day, month, year = value.split("-")
    return date(int(year), int(month), int(day))


def _coordinate(row: dict, column: str, limit: float) -> float | None:
    value = row.get(column, "").replace(",", ".")
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = None
    if number is None or not -limit <= number <= limit:
        raise Rejected(f"In de kolom '{column}' staat '{value[:20]}'. Dat is geen geldige coördinaat.")
    return number
