"""Import HSDS 3.0 JSON: our own export, a list of fully nested services, or an API page ({"contents"}).

Everything happens in one transaction. A service that cannot be read is skipped and reported with its
reason; a file that cannot be read at all changes nothing. The voorzieningen and what belongs to them are
written in bulk at the end (see bulk_writer.py).
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation

import orjson
from django.db import transaction

from . import vocabularies
from .bulk_writer import BulkWriter
from .report import BrokenFile, ImportReport, Rejected
from .serialize import HELE_GEMEENTE, KOSTEN_OPTION, STATUS, WEEKDAYS
from .writer import KaartWriter, as_uuid, check_email, check_url, parse_time, summary_and_description

STATUS_BACK = {value: key for key, value in STATUS.items()} | {"inactive": "tijdelijk_gesloten"}
KOSTEN_BACK = {value.casefold(): key for key, value in KOSTEN_OPTION.items()}
TOEGANG = {code for code, _name in vocabularies.fixed_terms("toegang")}


MAX_DEPTH = 32  # HSDS nests a service about 8 deep; far deeper is not HSDS, and would exhaust the stack


def read_hsds(path) -> dict:
    """The file as {"organizations", "services", "taxonomy_terms"}; BrokenFile when it is not HSDS JSON."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read().removeprefix(codecs.BOM_UTF8)  # a byte-order mark in front is fine
        data = _parse(raw)
    except FileNotFoundError:
        raise BrokenFile(f"Het bestand {path} bestaat niet.") from None
    except UnicodeDecodeError:
        raise BrokenFile(
            "Het bestand is geen tekst in UTF-8. Sla het op als UTF-8 en probeer het opnieuw."
        ) from None
    except json.JSONDecodeError as error:
        raise BrokenFile(
            f"Het bestand is geen geldige JSON: fout in regel {error.lineno}, kolom {error.colno}."
        ) from None
    except RecursionError:
        raise BrokenFile(
            f"Het bestand is te diep genest (meer dan {MAX_DEPTH} lagen). Dit is geen HSDS-bestand."
        ) from None
    _check_depth(data)
    if b"\x00" in raw or b"\\u0000" in raw:  # only then can a text hold a NUL character: find where
        _check_values(data)
    if isinstance(data, dict) and "contents" in data:
        data = data["contents"]
    if isinstance(data, list):
        data = {"services": data}
    if not isinstance(data, dict) or not isinstance(data.get("services", []), list):
        raise BrokenFile("Dit is geen HSDS-bestand: ik vind geen lijst met services.")
    for key in ("organizations", "services", "taxonomy_terms"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise BrokenFile(f"Dit is geen HSDS-bestand: '{key}' moet een lijst met objecten zijn.")
        data[key] = value
    return data


def _parse(raw: bytes):
    """orjson reads a valid file in half the time. What it refuses the standard library reads again: a file
    that is no JSON, no UTF-8 or nested too deep gets its precise message, and what only orjson refuses
    (NaN, a lone surrogate) still reads as it always did."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return json.loads(raw.decode("utf-8"))


def _check_depth(data) -> None:
    """Refuse the whole file when it nests deeper than HSDS does (only lists and objects nest)."""
    level = [data] if isinstance(data, dict | list) else []  # the lists and objects at one depth
    for _depth in range(MAX_DEPTH):
        level = [
            item
            for value in level
            for item in (value.values() if isinstance(value, dict) else value)
            if isinstance(item, dict | list)
        ]
    if level:
        raise BrokenFile(
            f"Het bestand is te diep genest (meer dan {MAX_DEPTH} lagen). Dit is geen HSDS-bestand."
        )


def _check_values(data) -> None:
    """Refuse the whole file when it nests deeper than HSDS does, or when a text holds a NUL character
    (PostgreSQL cannot store one; nothing should be stored half)."""
    stack = [(data, 1, ())]  # the path to a value is only spelled out when it is refused
    while stack:
        value, depth, path = stack.pop()
        if depth > MAX_DEPTH:
            raise BrokenFile(
                f"Het bestand is te diep genest (meer dan {MAX_DEPTH} lagen). Dit is geen HSDS-bestand."
            )
        if isinstance(value, str):
            if "\x00" in value:
                raise _nul_character(path)
        elif isinstance(value, dict):
            for key, item in value.items():
                if "\x00" in key:
                    raise _nul_character(path)
                stack.append((item, depth + 1, (path, key)))
        elif isinstance(value, list):
            stack += [(item, depth + 1, (path, index)) for index, item in enumerate(value)]


def _nul_character(path: tuple) -> BrokenFile:
    return BrokenFile(
        f"In {_where(path)} staat een NUL-teken (\\u0000). Haal het weg en probeer het opnieuw."
    )


def _where(path: tuple) -> str:
    """How a refusal names the place of a value: "services[3] > name", or "het bestand" for the whole."""
    steps = []
    while path:
        path, step = path
        steps.append(step)
    where = "het bestand"
    for depth, step in enumerate(reversed(steps), start=1):
        if isinstance(step, int):
            where = f"{where}[{step + 1}]"
        else:
            where = f"{where} > {step[:40]}" if depth > 1 else step[:40]
    return where


def import_hsds(
    path, dry_run: bool = False, progress: Callable[[int], None] | None = None, data: dict | None = None
) -> ImportReport:
    """`data`: the file as read_hsds read it already (the command reads it once to count the services)."""
    data = read_hsds(path) if data is None else data
    report = ImportReport(dry_run=dry_run)
    with transaction.atomic():
        writer = BulkWriter(service_ids=_service_ids(data["services"]))
        order: dict[str, int] = {}  # the file's order of terms within each vocabulary is kept
        for position, term in enumerate(data["taxonomy_terms"], start=1):
            vocabulary = str(term.get("taxonomy") or "")
            order[vocabulary] = order.get(vocabulary, -1) + 1
            where = f"Term {position} ({str(term.get('name', ''))[:40]})"
            _guard(report, where, writer, lambda t=term, n=order[vocabulary]: _term(writer, t, n))
        organisations = {}
        for position, org in enumerate(data["organizations"], start=1):
            where = f"Organisatie {position} ({str(org.get('name', ''))[:40]})"
            _guard(
                report,
                where,
                writer,
                lambda o=org: organisations.update({str(o.get("id")): _organisatie(writer, o)}),
            )
        for position, service in enumerate(data["services"], start=1):
            where = f"Service {position} ({str(service.get('name', ''))[:60]})"
            _guard(
                report, where, writer, lambda s=service: _count(report, _service(writer, s, organisations))
            )
            if progress:
                progress(1)
        writer.flush()
        report.notes += [
            f"de wijk {name} was er nog niet en is aangemaakt (zonder postcodes)."
            for name in writer.new_wijken
        ]
        if dry_run:
            transaction.set_rollback(True)
    return report


def _service_ids(services: list) -> list:
    """The ids of the file's services that are valid UUIDs, to look up the existing ones at once."""
    ids = []
    for service in services:
        try:
            pk = as_uuid(service.get("id"), "de service")
        except Rejected:
            continue
        if pk:
            ids.append(pk)
    return ids


def _guard(report: ImportReport, where: str, writer: BulkWriter, work) -> None:
    """Read one object as one unit of the writer: a rejected object leaves no trace."""
    try:
        with writer.unit():
            work()
    except Rejected as reason:
        report.reject(where, str(reason))
    except (KeyError, TypeError, ValueError, AttributeError, InvalidOperation) as error:
        report.reject(
            where,
            f"Een veld heeft een waarde die ik niet begrijp ({type(error).__name__}: {str(error)[:80]}).",
        )


def _count(report: ImportReport, created: bool) -> None:
    if created:
        report.created += 1
    else:
        report.updated += 1


def _text(data: dict, key: str, limit: int | None = None) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str | int | float):
        raise Rejected(f"Het veld '{key}' moet tekst zijn.")
    return str(value).strip()[:limit] if limit else str(value).strip()


def _term(writer: KaartWriter, data: dict, sort_order: int | None = None):
    vocabulary = _text(data, "taxonomy") or (data.get("taxonomy_detail") or {}).get("name", "")
    if vocabulary not in vocabularies.editable():
        return None  # fixed vocabularies (toegang, aanmelden) and foreign taxonomies are not stored as terms
    return writer.term(
        vocabulary,
        _text(data, "code"),
        _text(data, "name"),
        _text(data, "description"),
        pk=as_uuid(data.get("id"), "de term"),
        sort_order=sort_order,
    )


def _organisatie(writer: KaartWriter, data: dict):
    organisatie = _organisatie_fields(writer, data)
    for location in data.get("locations") or []:
        if isinstance(location, dict):
            _locatie(writer, location, organisatie)
    return organisatie


def _organisatie_fields(writer: KaartWriter, data: dict):
    phones = data.get("phones") or []
    return writer.organisatie(
        as_uuid(data.get("id"), "de organisatie"),
        _text(data, "name"),
        description=_text(data, "description"),
        website=check_url(_text(data, "website", 200)),
        email=check_email(_text(data, "email", 254)),
        phone=_text(phones[0], "number", 30) if phones else "",
    )


def _service(writer: KaartWriter, data: dict, organisations: dict) -> bool:
    pk = as_uuid(data.get("id"), "de service")
    if not pk:
        raise Rejected("Deze service heeft geen id.")
    status = STATUS_BACK.get(_text(data, "status"))
    if status is None:
        raise Rejected(
            "De status ontbreekt of klopt niet. Gebruik active, inactive, defunct of temporarily closed."
        )
    organisatie = _service_organisatie(writer, data, organisations)
    summary, description = summary_and_description(_text(data, "description"))
    terms = [a.get("taxonomy_term") or {} for a in data.get("attributes") or [] if isinstance(a, dict)]
    fields = {
        "name": _text(data, "name"),
        "summary": summary or _text(data, "name", 300),
        "description": description,
        "status": status,
        "aanmelden_url": check_url(_text(data, "url", 200)),
        "aanmelden_email": check_email(_text(data, "email", 254)),
        "aanmelden_toelichting": _text(data, "application_process"),
        "aanmelden_telefoon": _first_phone(data),
        "aanmelden_inloop": any(
            t.get("taxonomy") == "aanmelden" and t.get("code") == "inloop" for t in terms
        ),
        "leeftijd_min": _age(data.get("minimum_age")),
        "leeftijd_max": _age(data.get("maximum_age")),
        "talen": [_text(lang, "code", 10) for lang in data.get("languages") or [] if _text(lang, "code")],
        "laatst_gecontroleerd": _date(data.get("assured_date")),
        **_kosten(data),
        **_toegang(terms),
    }
    fields = {key: value for key, value in fields.items() if value is not None}
    areas = data.get("service_areas") or []
    fields["hele_gemeente"] = any(area.get("extent_type") == HELE_GEMEENTE for area in areas)
    voorziening, created = writer.voorziening(pk, "", organisatie, fields)
    writer.set_relations(
        voorziening,
        created,
        themas=_terms(writer, terms, "thema"),
        doelgroepen=_terms(writer, terms, "doelgroep"),
        wijken=[]
        if fields["hele_gemeente"]
        else [writer.wijk(_text(a, "name"), _text(a, "extent"), create=True) for a in areas],
    )
    writer.replace_public_contacts(
        voorziening, [_contact(c) for c in data.get("contacts") or []], fresh=created
    )
    writer.replace_locations(
        voorziening,
        [_op_locatie(writer, item, organisatie) for item in data.get("service_at_locations") or []],
        fresh=created,
    )
    return created


def _service_organisatie(writer: KaartWriter, data: dict, organisations: dict):
    nested = data.get("organization") or {}
    key = str(data.get("organization_id") or nested.get("id") or "")
    if key in organisations:
        return organisations[key]
    pk = as_uuid(key, "de organisatie")
    if pk in writer.organisaties and not nested:
        return writer.organisaties[pk]
    if nested.get("name"):
        return _organisatie_fields(writer, nested)
    raise Rejected("De organisatie van deze service staat niet in het bestand en niet in de sociale kaart.")


def _first_phone(data: dict) -> str:
    phones = [p for p in data.get("phones") or [] if isinstance(p, dict) and p.get("number")]
    return _text(phones[0], "number", 30) if phones else ""


def _age(value) -> int | None:
    if value in (None, ""):
        return None
    if not isinstance(value, int | float) or not 0 <= value <= 150:
        raise Rejected("Een leeftijd moet een getal van 0 tot 150 zijn.")
    return int(value)


def _date(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise Rejected(f"De datum '{str(value)[:20]}' klopt niet. Schrijf bijvoorbeeld 2026-01-31.") from None


def _kosten(data: dict) -> dict:
    options = [o for o in data.get("cost_options") or [] if isinstance(o, dict)]
    fees = _text(data, "fees_description", 300)
    if not options:
        return {
            "kosten": "eigen_bijdrage" if fees else "gratis",
            "kosten_toelichting": fees,
            "kosten_bedrag": None,
        }
    option = options[0]
    amount = option.get("amount")
    kosten = KOSTEN_BACK.get(_text(option, "option").casefold())
    if kosten is None:
        kosten = "gratis" if amount in (0, None) and not fees else "bedrag" if amount else "eigen_bijdrage"
    return {
        "kosten": kosten,
        "kosten_bedrag": Decimal(str(amount)).quantize(Decimal("0.01"))
        if kosten == "bedrag" and amount
        else None,
        "kosten_toelichting": _text(option, "amount_description", 300) or fees,
    }


def _toegang(terms: list[dict]) -> dict:
    codes = [t.get("code") for t in terms if t.get("taxonomy") == "toegang" and t.get("code") in TOEGANG]
    return {"toegang": codes[0]} if codes else {}


def _terms(writer: KaartWriter, terms: list[dict], vocabulary: str) -> list:
    return [
        writer.term(
            vocabulary,
            _text(t, "code"),
            _text(t, "name"),
            _text(t, "description"),
            pk=as_uuid(t.get("id"), "de term"),
        )
        for t in terms
        if t.get("taxonomy") == vocabulary
    ]


def _contact(data: dict) -> dict:
    if not _text(data, "name"):
        raise Rejected("Een contact heeft geen naam.")
    phones = data.get("phones") or []
    return {
        "id": as_uuid(data.get("id"), "het contact"),
        "name": _text(data, "name"),
        "rol": _text(data, "title"),
        "email": check_email(_text(data, "email", 254)),
        "telefoon": _text(phones[0], "number", 30) if phones else "",
    }


def _op_locatie(writer: KaartWriter, data: dict, organisatie) -> dict:
    location = data.get("location")
    if not isinstance(location, dict):
        raise Rejected("Een locatie van deze service ontbreekt.")
    return {
        "id": as_uuid(data.get("id"), "de service op locatie"),
        "locatie": _locatie(writer, location, organisatie),
        "openingstijden": [_openingstijd(s) for s in data.get("schedules") or [] if s.get("byday")],
    }


def _locatie(writer: KaartWriter, location: dict, organisatie):
    address = (location.get("addresses") or [{}])[0]
    straat, _, huisnummer = _text(address, "address_1").rpartition(" ")
    if not straat:
        straat, huisnummer = huisnummer, ""
    accessibility = (location.get("accessibility") or [{}])[0]
    return writer.locatie(
        as_uuid(location.get("id"), "de locatie"),
        organisatie,
        name=_text(location, "name", 200) or _text(address, "address_1", 200) or organisatie.name[:200],
        straat=straat[:200],
        huisnummer=huisnummer[:20],
        postcode=_text(address, "postal_code", 7),
        plaats=_text(address, "city", 100),
        latitude=_coordinate(location.get("latitude"), 90),
        longitude=_coordinate(location.get("longitude"), 180),
        rolstoeltoegankelijk="rolstoel" in _text(accessibility, "details").casefold(),
        toegankelijkheid=_text(accessibility, "description"),
    )


def _coordinate(value, limit: float) -> float | None:
    if value in (None, ""):
        return None
    if not isinstance(value, int | float) or not -limit <= value <= limit:
        raise Rejected("Een coördinaat van een locatie klopt niet.")
    return float(value)


def _openingstijd(data: dict) -> dict:
    day = _text(data, "byday").upper()[:2]
    if day not in WEEKDAYS:
        raise Rejected(
            f"De dag '{day}' in de openingstijden klopt niet. Gebruik MO, TU, WE, TH, FR, SA of SU."
        )
    return {
        "id": as_uuid(data.get("id"), "de openingstijd"),
        "weekdag": WEEKDAYS.index(day) + 1,
        "open_van": parse_time(data.get("opens_at")),
        "open_tot": parse_time(data.get("closes_at")),
        "toelichting": _text(data, "description", 200),
    }
