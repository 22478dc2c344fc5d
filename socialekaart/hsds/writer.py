"""Writes imported rows into the kaart: finds what exists (by id, then by slug or code) and updates it,
so importing the same file twice never makes duplicates. Shared by the HSDS and the CSV import."""

from __future__ import annotations

import re
import uuid
from contextlib import nullcontext
from datetime import time
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.text import slugify

from core.bulk_insert import insert_new

from ..models import (
    Contact,
    Locatie,
    Openingstijd,
    Organisatie,
    Term,
    Voorziening,
    VoorzieningOpLocatie,
    Wijk,
    WijkPostcode,
)
from .local_time import to_local
from .report import Rejected

CHUNK = 500  # rows per statement where a statement takes a list of keys

VOORZIENING_FIELDS = {
    "name",
    "summary",
    "description",
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
    "hele_gemeente",
    "beperkte_plaatsen",
}
MAX_LENGTH = {"name": 200, "summary": 300, "kosten_toelichting": 300, "aanmelden_telefoon": 30}
MAX_AMOUNT = Decimal("999999.99")  # kosten_bedrag holds 8 digits, 2 of them after the point


def as_uuid(value, what: str) -> uuid.UUID | None:
    if value in (None, ""):
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Rejected(f"De id van {what} ({str(value)[:40]}) is geen geldige UUID.") from None


def check_email(value: str) -> str:
    if value:
        try:
            validate_email(value)
        except ValidationError:
            raise Rejected(f"Het e-mailadres '{value[:60]}' klopt niet.") from None
    return value


def check_url(value: str) -> str:
    if value:
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            raise Rejected(f"Het webadres '{value[:60]}' klopt niet. Begin met https://.") from None
    return value


def summary_and_description(text: str) -> tuple[str, str]:
    """Our export writes "summary", a blank line, then "description"; other files get a short summary."""
    text = (text or "").strip()
    first, _, rest = text.partition("\n\n")
    if first and len(first) <= 300:
        return first.strip(), rest.strip()
    sentence = text.split(". ")[0][:297].rstrip()
    return (sentence + "..." if len(sentence) < len(text) else sentence), text


class KaartWriter:
    """Caches what exists, so a large import costs a few queries per voorziening."""

    def __init__(self):
        self.terms = {(t.vocabulary, t.code): t for t in Term.objects.all()}
        self.term_ids = {t.pk: t for t in self.terms.values()}
        wijken = list(Wijk.objects.all())
        self.wijk_by_key = {}
        for wijk in wijken:
            for key in (wijk.slug, wijk.cbs_code.lower(), wijk.name.casefold()):
                self.wijk_by_key[key] = wijk
        self.organisaties = {o.pk: o for o in Organisatie.objects.all()}
        self.organisatie_slugs = {o.slug: o for o in self.organisaties.values()}
        self.voorziening_slugs = dict(Voorziening.objects.values_list("slug", "pk"))
        self.voorziening_ids = set(self.voorziening_slugs.values())
        self.locaties = {loc.pk: loc for loc in Locatie.objects.all()}
        self.new_wijken: list[str] = []
        self.postcode_areas: dict[str, WijkPostcode | None] = {}

    def saving(self):
        """Around each write of reference data (terms, wijken, organisaties): here nothing, as the caller
        reads each row in a savepoint; BulkWriter opens its savepoint only when a unit writes."""
        return nullcontext()

    # -- reference data

    def term(
        self, vocabulary: str, code: str, name: str = "", description: str = "", pk=None, sort_order=None
    ) -> Term:
        code = slugify(code or name)[:50]
        if not code:
            raise Rejected(f"Een {vocabulary} zonder code of naam kan ik niet inlezen.")
        term = self.term_ids.get(pk) if pk else None
        term = term or self.terms.get((vocabulary, code))
        if term is None:
            with self.saving():
                term = Term.objects.create(
                    **({"id": pk} if pk else {}),
                    vocabulary=vocabulary,
                    code=code,
                    name=(name or code)[:100],
                    description=description or "",
                    sort_order=sort_order or 0,
                )
        else:
            wanted = {"name": name[:100] or term.name, "description": description or term.description}
            if sort_order is not None:
                wanted["sort_order"] = sort_order
            changed = [key for key, value in wanted.items() if getattr(term, key) != value]
            if changed:
                for key in changed:
                    setattr(term, key, wanted[key])
                with self.saving():
                    term.save(update_fields=changed)
        self.terms[(vocabulary, term.code)] = self.term_ids[term.pk] = term
        return term

    def known_term(self, vocabulary: str, code: str) -> Term:
        term = self.terms.get((vocabulary, code.strip()))
        if term is None:
            raise Rejected(f"De {vocabulary} '{code.strip()[:40]}' bestaat niet in de sociale kaart.")
        return term

    def wijk(self, name: str = "", cbs_code: str = "", create: bool = False) -> Wijk:
        for key in (slugify(name), (cbs_code or "").lower(), (name or "").casefold()):
            if key and key in self.wijk_by_key:
                return self.wijk_by_key[key]
        if not create or not name or not cbs_code:
            raise Rejected(f"De wijk '{(name or cbs_code)[:40]}' bestaat niet in de sociale kaart.")
        with self.saving():
            wijk = Wijk.objects.create(name=name[:100], slug=slugify(name)[:100], cbs_code=cbs_code[:10])
        self.new_wijken.append(wijk.name)
        for key in (wijk.slug, wijk.cbs_code.lower(), wijk.name.casefold()):
            self.wijk_by_key[key] = wijk
        return wijk

    def organisatie(self, pk, name: str, **fields) -> Organisatie:
        organisatie, changed = self.prepare_organisatie(pk, name, fields)
        if changed:
            with self.saving():
                organisatie.save()
        self.organisaties[organisatie.pk] = self.organisatie_slugs[organisatie.slug] = organisatie
        return organisatie

    def prepare_organisatie(self, pk, name: str, fields: dict) -> tuple[Organisatie, bool]:
        """The organisatie with id `pk`, else with this name's slug, else a new one, with the fields set
        but not saved; returns (organisatie, whether it is new or changed)."""
        name = (name or "").strip()
        if not name:
            raise Rejected("De organisatie heeft geen naam.")
        slug = slugify(name)[:200] or "organisatie"
        organisatie = (self.organisaties.get(pk) if pk else None) or self.organisatie_slugs.get(slug)
        changed = organisatie is None
        if changed:
            organisatie = Organisatie(**({"id": pk} if pk else {}), slug=self._free_slug(slug))
        wanted = {"name": name[:200], **{key: value for key, value in fields.items() if value is not None}}
        for key, value in wanted.items():
            if getattr(organisatie, key) != value:
                setattr(organisatie, key, value)
                changed = True
        return organisatie, changed

    def _free_slug(self, slug: str) -> str:
        candidate, number = slug, 2
        while candidate in self.organisatie_slugs:
            candidate, number = f"{slug}-{number}", number + 1
        return candidate

    def locatie(self, pk, organisatie: Organisatie, **fields) -> Locatie:
        locatie = self.locaties.get(pk) if pk else None
        if locatie is None:
            locatie = Locatie(**({"id": pk} if pk else {}), organisatie=organisatie)
        area = self._postcode_area(fields.get("postcode") or "")
        fields["wijk"] = area.wijk if area else None  # an imported location's wijk is its postcode's
        changed = locatie._state.adding or locatie.organisatie_id != organisatie.pk
        for key, value in fields.items():
            if getattr(locatie, key) != value:
                setattr(locatie, key, value)
                changed = True
        locatie.fill_in_from_area(area)  # without coordinates in the file: the centre of its postcode
        locatie.organisatie = organisatie
        if changed:
            locatie.save()
        self.locaties[locatie.pk] = locatie
        return locatie

    def _postcode_area(self, postcode: str) -> WijkPostcode | None:
        """The postcode's area with its wijk, looked up once per postcode in an import."""
        pc4 = "".join(postcode.split())[:4]
        if pc4 not in self.postcode_areas:
            areas = WijkPostcode.objects.select_related("wijk")
            self.postcode_areas[pc4] = areas.filter(pc4=pc4).first() if pc4 else None
        return self.postcode_areas[pc4]

    # -- voorzieningen

    def prepare_voorziening(self, pk, slug, organisatie, fields: dict) -> tuple[Voorziening, bool]:
        """The voorziening with id `pk`, else with this slug, else a new one, with the fields set but not
        saved; returns (voorziening, created)."""
        self.check_voorziening(fields)
        slug, existing = self.find_voorziening(pk, slug, fields)
        if existing:
            voorziening = self.stored_voorziening(existing)
        else:
            voorziening = Voorziening(**({"id": pk} if pk else {}))
            slug = self._free_voorziening_slug(slug, pk)
        if not voorziening.slug:
            voorziening.slug = slug  # an existing voorziening keeps its slug: its URL stays the same
        voorziening.organisatie = organisatie
        for key, value in fields.items():
            setattr(voorziening, key, value)
        return voorziening, existing is None

    def stored_voorziening(self, pk) -> Voorziening:
        return Voorziening.objects.get(pk=pk)

    def voorziening(self, pk, slug: str, organisatie: Organisatie, fields: dict) -> tuple[Voorziening, bool]:
        """Create or update by id, else by slug; returns (voorziening, created)."""
        voorziening, created = self.prepare_voorziening(pk, slug, organisatie, fields)
        voorziening.save()
        self.voorziening_slugs[voorziening.slug] = voorziening.pk
        self.voorziening_ids.add(voorziening.pk)
        return voorziening, created

    @staticmethod
    def check_voorziening(fields: dict) -> None:
        for key, limit in MAX_LENGTH.items():
            if len(str(fields.get(key) or "")) > limit:
                raise Rejected(f"Het veld '{key}' is te lang: hoogstens {limit} tekens.")
        if not fields.get("name"):
            raise Rejected("De voorziening heeft geen naam.")
        amount = fields.get("kosten_bedrag")
        if amount is not None and not 0 <= amount <= MAX_AMOUNT:
            raise Rejected(f"Het bedrag {amount} kan niet: een bedrag ligt tussen 0 en 999999,99 euro.")

    def find_voorziening(self, pk, slug: str, fields: dict) -> tuple[str, object]:
        """The slug the voorziening would get, and the pk of the one it updates (None: a new one)."""
        slug = slugify(slug or fields["name"])[:200]
        existing = pk if pk in self.voorziening_ids else None
        if existing is None and not pk:
            existing = self.voorziening_slugs.get(slug)
        return slug, existing

    def _free_voorziening_slug(self, slug: str, pk) -> str:
        candidate, number = slug, 2
        while candidate in self.voorziening_slugs and self.voorziening_slugs[candidate] != pk:
            candidate, number = f"{slug}-{number}", number + 1
        return candidate

    @staticmethod
    def set_relations(voorziening: Voorziening, created: bool, **relations) -> None:
        """Thema's, doelgroepen and wijken as in the file (a new voorziening only needs inserts)."""
        for name, objects in relations.items():
            manager = getattr(voorziening, name)
            if not created:
                manager.set(objects)
            elif objects:
                manager.add(*objects)

    def replace_public_contacts(
        self, voorziening: Voorziening, contacts: list[dict], fresh: bool = False
    ) -> None:
        """The file's contacts replace the resident contacts; professionals' contacts are never touched."""
        rows = self.contact_rows(voorziening, contacts)
        if not fresh:
            voorziening.contacten.filter(voor_professionals=False).delete()
            Contact.objects.filter(pk__in=[row.pk for row in rows], voor_professionals=False).delete()
            if Contact.objects.filter(pk__in=[row.pk for row in rows]).exists():
                raise Rejected("Een contact in het bestand heeft de id van een contact voor professionals.")
        Contact.objects.bulk_create(rows)

    @staticmethod
    def contact_rows(voorziening: Voorziening, contacts: list[dict]) -> list[Contact]:
        return [
            Contact(
                id=data.get("id") or uuid.uuid4(),
                voorziening=voorziening,
                name=data["name"][:200],
                rol=data.get("rol", "")[:200],
                telefoon=data.get("telefoon", "")[:30],
                email=data.get("email", ""),
                voor_professionals=False,
            )
            for data in contacts
        ]

    def replace_locations(self, voorziening: Voorziening, op_locaties: list[dict], fresh: bool = False):
        """The voorziening's locations made as given (see write_locations); `fresh`: it has none yet."""
        write_locations({voorziening.pk: op_locaties}, [] if fresh else [voorziening.pk])


def write_locations(locations: dict, stored: list) -> None:
    """The locations of these voorzieningen ({pk: [{"id", "locatie": Locatie, "openingstijden": [{"id",
    "weekdag", "open_van", "open_tot", "toelichting"}]}]}) made equal to what they are given: a location a
    voorziening keeps keeps its row, and its opening hours are written anew when they are given. `stored`:
    the voorzieningen that may have locations already. In a few statements for any number of them."""
    existing: dict = {}  # voorziening pk -> {locatie pk: the pk of its row}, as values: no model objects
    for chunk in chunks(stored):
        rows = VoorzieningOpLocatie.objects.filter(voorziening_id__in=chunk)
        for voorziening_pk, locatie_pk, pk in rows.values_list("voorziening_id", "locatie_id", "pk"):
            existing.setdefault(voorziening_pk, {})[locatie_pk] = pk
    gone, new, renewed_hours, hours = [], [], [], []
    for voorziening_pk, items in locations.items():
        current = existing.get(voorziening_pk, {})
        wanted = {item["locatie"].pk for item in items}
        gone += [pk for locatie_pk, pk in current.items() if locatie_pk not in wanted]
        added = [
            VoorzieningOpLocatie(
                **({"id": item["id"]} if item.get("id") else {}),
                voorziening_id=voorziening_pk,
                locatie=item["locatie"],
            )
            for item in items
            if item["locatie"].pk not in current
        ]
        new += added
        by_locatie = {**current, **{op.locatie_id: op.pk for op in added}}  # a new row has its key already
        for item in items:
            if "openingstijden" not in item:
                continue
            op_pk = by_locatie[item["locatie"].pk]
            if item["locatie"].pk in current:
                renewed_hours.append(op_pk)
            hours += [_openingstijd(op_pk, t) for t in item["openingstijden"]]
    for chunk in chunks(gone):
        VoorzieningOpLocatie.objects.filter(pk__in=chunk).delete()
    insert_new(new)
    for chunk in chunks(renewed_hours):
        Openingstijd.objects.filter(op_locatie__in=chunk).delete()
    insert_new(hours)


def _openingstijd(op_locatie_pk, data: dict) -> Openingstijd:
    return Openingstijd(
        **({"id": data["id"]} if data.get("id") else {}),
        op_locatie_id=op_locatie_pk,
        weekdag=data["weekdag"],
        open_van=data["open_van"],
        open_tot=data["open_tot"],
        toelichting=data.get("toelichting", "")[:200],
    )


def chunks(items: list):
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


# "9:30", "09:30:00", or with the offset from UTC that HSDS asks for: "09:30+01:00", "08:30Z".
_TIME = re.compile(r"\s*(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?", re.IGNORECASE)


def parse_time(value) -> time:
    """A local time of day; one with an offset from UTC is taken to today's offset (local_time.py)."""
    match = _TIME.match(str(value))
    try:
        local_time = time(int(match[1]), int(match[2]))
        if not match[3]:
            return local_time
        at_offset = time.fromisoformat(local_time.isoformat("minutes") + match[3].upper())
    except (TypeError, ValueError):  # no time, "25:00", or an offset of a day or more
        raise Rejected(f"De tijd '{str(value)[:20]}' klopt niet. Schrijf bijvoorbeeld 09:30.") from None
    return to_local(at_offset)


__all__ = [
    "VOORZIENING_FIELDS",
    "KaartWriter",
    "as_uuid",
    "check_email",
    "check_url",
    "parse_time",
    "write_locations",
]
