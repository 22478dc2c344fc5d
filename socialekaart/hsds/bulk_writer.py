"""The HSDS import's writer: what it reads is collected and written in a few bulk statements at the end.

KaartWriter saves each voorziening with a handful of queries (the row, three relations, contacts,
locations, opening hours) and the signals of each save; for a file of thousands that is most of the
import's time. BulkWriter keeps KaartWriter's rules (find by id, else by slug; update, never duplicate)
but only collects, per imported object, and `flush()` writes everything in one go.

Each imported object is read as a unit (`with writer.unit():`): what a unit collected is kept only when
the object is read without rejection, so a rejected service leaves nothing behind; what is still written
at once (terms and wijken: few rows) is written in a savepoint that is then rolled back.
Bulk statements send no signals, so `flush()` hands the changed voorzieningen to the search index itself.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field, fields

from django.db import transaction
from django.utils import timezone

from core.bulk_insert import insert_new

from .. import signals
from ..models import Contact, Locatie, Organisatie, Voorziening, VoorzieningOpLocatie
from .report import Rejected
from .writer import CHUNK, VOORZIENING_FIELDS, KaartWriter, chunks, write_locations

RELATIONS = ("themas", "doelgroepen", "wijken")
ORGANISATIE_FIELDS = ("name", "description", "website", "email", "phone")
LOCATIE_FIELDS = (
    "organisatie",
    "name",
    "straat",
    "huisnummer",
    "postcode",
    "plaats",
    "wijk",
    "latitude",
    "longitude",
    "rolstoeltoegankelijk",
    "toegankelijkheid",
)


@dataclass
class Collected:
    """What one unit, or the whole import so far, will write. Per voorziening the last reading counts,
    as when each one was saved in turn."""

    organisaties: dict = field(default_factory=dict)  # pk -> Organisatie to insert or update
    locaties: dict = field(default_factory=dict)  # pk -> Locatie to insert or update
    voorzieningen: dict = field(default_factory=dict)  # pk -> Voorziening to insert or update
    relations: dict = field(default_factory=dict)  # voorziening pk -> {relation: [objects]}
    contacts: dict = field(default_factory=dict)  # voorziening pk -> (rows, fresh)
    locations: dict = field(default_factory=dict)  # voorziening pk -> [{"id", "locatie", "openingstijden"}]

    def merge(self, other: Collected) -> None:
        for each in fields(self):
            getattr(self, each.name).update(getattr(other, each.name))


class BulkWriter(KaartWriter):
    def __init__(self, service_ids=()):
        super().__init__()
        wanted = [pk for pk in service_ids if pk in self.voorziening_ids]
        self.voorzieningen: dict = {}  # the voorzieningen this import reads, by pk
        for start in range(0, len(wanted), CHUNK):
            self.voorzieningen.update(Voorziening.objects.in_bulk(wanted[start : start + CHUNK]))
        # What the database holds, to update only the fields that differ from it (a rejected service may
        # have changed an object in memory that a later service reads again).
        fields = VOORZIENING_FIELDS | {"organisatie"}
        self.stored = {pk: _values(obj, fields) for pk, obj in self.voorzieningen.items()}
        self.stored |= {pk: _values(obj, LOCATIE_FIELDS) for pk, obj in self.locaties.items()}
        self.stored |= {pk: _values(obj, ORGANISATIE_FIELDS) for pk, obj in self.organisaties.items()}
        self.professional_contacts = set(
            Contact.objects.filter(voor_professionals=True).values_list("pk", flat=True)
        )
        self.kept = Collected()
        self.current = Collected()
        self.savepoint = None

    @contextmanager
    def unit(self):
        """Read one object: keep what it collected only when it was read without an error. What it wrote
        at once (reference data, see `saving`) is undone then too."""
        self.current, self.savepoint = Collected(), None
        try:
            yield
        except BaseException:
            for pk, organisatie in self.current.organisaties.items():
                if pk not in self.stored and pk not in self.kept.organisaties:  # new in this unit: forget it
                    self.organisaties.pop(pk, None)
                    self.organisatie_slugs.pop(organisatie.slug, None)
            self.current = Collected()
            if self.savepoint:
                transaction.savepoint_rollback(self.savepoint)
            raise
        if self.savepoint:
            transaction.savepoint_commit(self.savepoint)
        current, self.current = self.current, Collected()
        self.kept.merge(current)
        self.locaties.update(current.locaties)
        for voorziening in current.voorzieningen.values():
            self.voorzieningen[voorziening.pk] = voorziening
            self.voorziening_slugs[voorziening.slug] = voorziening.pk
            self.voorziening_ids.add(voorziening.pk)

    @contextmanager
    def saving(self):
        """A unit that writes at once gets a savepoint first; most units write nothing until `flush()` and
        so need none (two round trips to the database fewer per voorziening)."""
        if self.savepoint is None:
            self.savepoint = transaction.savepoint()
        yield

    # -- collecting

    def organisatie(self, pk, name: str, **fields) -> Organisatie:
        organisatie = self.prepare_organisatie(pk, name, fields)[0]
        if _changed(organisatie, self.stored.get(organisatie.pk)):
            self.current.organisaties[organisatie.pk] = organisatie
        self.organisaties[organisatie.pk] = self.organisatie_slugs[organisatie.slug] = organisatie
        return organisatie

    def locatie(self, pk, organisatie, **fields) -> Locatie:
        locatie = (self.current.locaties.get(pk) or self.locaties.get(pk)) if pk else None
        if locatie is None:
            locatie = Locatie(**({"id": pk} if pk else {}), organisatie=organisatie)
        area = self._postcode_area(fields.get("postcode") or "")
        fields["wijk"] = area.wijk if area else None
        for key, value in fields.items():
            if getattr(locatie, key) != value:
                setattr(locatie, key, value)
        locatie.fill_in_from_area(area)  # without coordinates in the file: the centre of its postcode
        locatie.organisatie = organisatie
        if _changed(locatie, self.stored.get(locatie.pk)):
            self.current.locaties[locatie.pk] = locatie
        return locatie

    def stored_voorziening(self, pk) -> Voorziening:
        return self.voorzieningen.get(pk) or super().stored_voorziening(pk)

    def voorziening(self, pk, slug: str, organisatie, fields: dict) -> tuple[Voorziening, bool]:
        voorziening, created = self.prepare_voorziening(pk, slug, organisatie, fields)
        self.current.voorzieningen[voorziening.pk] = voorziening
        return voorziening, created

    def set_relations(self, voorziening: Voorziening, created: bool, **relations) -> None:
        self.current.relations[voorziening.pk] = relations

    def replace_public_contacts(self, voorziening: Voorziening, contacts: list[dict], fresh: bool = False):
        rows = self.contact_rows(voorziening, contacts)
        if not fresh and any(row.pk in self.professional_contacts for row in rows):
            raise Rejected("Een contact in het bestand heeft de id van een contact voor professionals.")
        self.current.contacts[voorziening.pk] = (rows, fresh)

    def replace_locations(self, voorziening: Voorziening, op_locaties: list[dict], fresh: bool = False):
        self.current.locations[voorziening.pk] = op_locaties

    # -- writing

    def flush(self) -> None:
        """Write everything the kept units collected, and queue the changed voorzieningen for the index."""
        kept = self.kept
        _save(list(kept.organisaties.values()), self.stored)
        _save(list(kept.locaties.values()), self.stored)
        _save(list(kept.voorzieningen.values()), self.stored)
        stored = [pk for pk in kept.voorzieningen if pk in self.stored]
        changed_organisaties = [pk for pk in kept.organisaties if pk in self.stored]
        now = timezone.now()
        for model, pks in ((Organisatie, changed_organisaties), (Voorziening, stored)):
            for chunk in chunks(pks):  # saved again, as each save did: "laatst gewijzigd" is now
                model.objects.filter(pk__in=chunk).update(updated_at=now)
        write_relations(kept.relations, stored)
        self._write_contacts(kept.contacts, stored)
        write_locations(kept.locations, stored)
        changed_places = [pk for pk in kept.locaties if pk in self.stored]
        ids = {str(pk) for pk in kept.voorzieningen}
        for chunk in chunks(changed_places):
            ids.update(
                str(pk)
                for pk in VoorzieningOpLocatie.objects.filter(locatie_id__in=chunk).values_list(
                    "voorziening_id", flat=True
                )
            )
        for chunk in chunks(changed_organisaties):  # the name of its organisation is in the index
            ids.update(
                str(pk)
                for pk in Voorziening.objects.filter(organisatie_id__in=chunk).values_list("pk", flat=True)
            )
        signals.reindex_later(ids)

    @staticmethod
    def _write_contacts(contacts: dict, stored: list) -> None:
        for chunk in chunks(stored):
            Contact.objects.filter(voorziening_id__in=chunk, voor_professionals=False).delete()
        renewed = [row.pk for rows, fresh in contacts.values() if not fresh for row in rows]
        for chunk in chunks(renewed):
            Contact.objects.filter(pk__in=chunk, voor_professionals=False).delete()
        insert_new([row for rows, _fresh in contacts.values() for row in rows])


def write_relations(relations: dict, stored: list) -> None:
    """The themes, doelgroepen and wijken of these voorzieningen ({pk: {relation: [objects]}}) made equal to
    what they are given; `stored`: the voorzieningen that may have links already. Only the rows that differ
    are written: a re-import of a file in which little changed writes little."""
    for name in RELATIONS:
        relation = getattr(Voorziening, name)
        through = relation.through
        source = f"{relation.field.m2m_field_name()}_id"
        target = f"{relation.field.m2m_reverse_field_name()}_id"
        wanted = dict.fromkeys(
            (pk, item.pk) for pk, chosen in relations.items() for item in chosen.get(name, ())
        )
        existing = {}  # (voorziening, term or wijk) -> the row's pk
        for chunk in chunks(stored):
            rows = through.objects.filter(**{f"{source}__in": chunk}).values_list("pk", source, target)
            existing.update({(voorziening, item): pk for pk, voorziening, item in rows})
        gone = [pk for pair, pk in existing.items() if pair not in wanted]
        for chunk in chunks(gone):
            through.objects.filter(pk__in=chunk).delete()
        insert_new([through(**{source: pk, target: it}) for pk, it in wanted if (pk, it) not in existing])


def _values(obj, names) -> dict:
    """The values of these fields (a foreign key by its id), to compare with later."""
    return {name: getattr(obj, obj._meta.get_field(name).attname) for name in names}


def _changed(obj, stored: dict | None) -> list[str]:
    """The fields whose value differs from what the database holds; every field of a new object."""
    if stored is None:
        return ["*"]
    return [name for name, value in _values(obj, stored).items() if value != stored[name]]


def _save(objects: list, stored: dict) -> None:
    """Insert the objects the database does not have yet; update the changed fields of the others (only
    those: bulk_update writes a CASE per field and row, which for every field of thousands of rows takes
    longer than the rest of the import)."""
    if not objects:
        return
    manager = type(objects[0]).objects
    insert_new([obj for obj in objects if obj.pk not in stored])
    changed = {obj.pk: _changed(obj, stored[obj.pk]) for obj in objects if obj.pk in stored}
    fields = sorted({name for names in changed.values() for name in names})
    if fields:
        updated = [obj for obj in objects if changed.get(obj.pk)]
        manager.bulk_update(updated, fields, batch_size=CHUNK)
