"""Our models as HSDS 3.0 JSON. Public data only: professionals' contacts and capacity are never read here.

Mapping (Dutch field -> HSDS):
- Voorziening.summary and .description -> service.description ("summary", blank line, "description")
- themas, doelgroepen, toegang, aanmelden_inloop -> service.attributes linking taxonomy terms
- kosten, kosten_bedrag, kosten_toelichting -> service.cost_options and fees_description
- aanmelden_telefoon / _email / _url / _toelichting -> phones / email / url / application_process
- talen -> languages; leeftijd_min/max -> minimum_age/maximum_age; laatst_gecontroleerd -> assured_date
- wijken or hele_gemeente -> service_areas; status actief/tijdelijk_gesloten/gestopt -> active/temporarily
  closed/defunct; Locatie -> location with an address and accessibility; Openingstijd -> weekly schedule.
- Sluiting (a closure to come, or the one that closes it now) -> service.alert, as the page announces it.
"""

from __future__ import annotations

from types import SimpleNamespace

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from .. import closures, languages
from ..models import (
    Contact,
    Locatie,
    Openingstijd,
    Organisatie,
    Sluiting,
    Term,
    Voorziening,
    VoorzieningOpLocatie,
)
from ..search import facets
from ..templatetags.kaart_tags import sluiting_tekst
from . import vocabularies
from .ids import derived
from .local_time import with_offset

STATUS = {"actief": "active", "tijdelijk_gesloten": "temporarily closed", "gestopt": "defunct"}
# Stopped services: an organisation lists them no more.
STOPPED = Q(status=Voorziening.Status.GESTOPT)
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
KOSTEN_OPTION = {"gratis": "Gratis", "eigen_bijdrage": "Eigen bijdrage", "bedrag": "Bedrag"}
HELE_GEMEENTE = "gemeente"


# --- Querysets with a fixed number of queries -----------------------------------------------------------
#
# The related rows a serializer reads are prefetched into plain lists (`to_attr`): Django then does not make
# a queryset per object and relation to hold them, which cost more than the queries themselves.


def openingstijden_prefetch() -> Prefetch:
    return Prefetch(
        "openingstijden",
        queryset=Openingstijd.objects.order_by("weekdag", "open_van"),
        to_attr="hsds_openingstijden",
    )


# A list of services shows only the voorziening's own fields and its organisation's. Read as rows of values
# (`.values()`, named as below), a page of them costs half of what model objects cost: Voorziening is a
# ClusterableModel, whose constructor looks through all of its relations for every row.
ORGANISATIE_VALUES = ("id", "name", "description", "email", "website")
SERVICE_VALUES = (
    "id",
    "organisatie_id",
    "name",
    "summary",
    "description",
    "status",
    "laatst_gecontroleerd",
    "updated_at",
    "aanmelden_url",
    "aanmelden_email",
    "aanmelden_toelichting",
    "kosten_toelichting",
    "leeftijd_min",
    "leeftijd_max",
    *(f"organisatie__{name}" for name in ORGANISATIE_VALUES),
)
MINIMAL_VALUES = ("id", "name", "status", "updated_at")


# The rows of each list, in the lists' order and with their columns, made once: a page only filters them
# (setting up the columns and the organisation's join each time was a fifth of a `/services` page's CPU).
SERVICE_ROWS = Voorziening.objects.order_by("name", "pk").values(*SERVICE_VALUES)
MINIMAL_ROWS = Voorziening.objects.order_by("name", "pk").values(*MINIMAL_VALUES)


def service_rows(where: Q) -> QuerySet:
    """The voorzieningen matching `where`, by name, as rows of values for `service_of_row`."""
    return SERVICE_ROWS.filter(where)


def minimal_rows(where: Q) -> QuerySet:
    """The voorzieningen matching `where`, by name, as rows of values for `service_minimal`."""
    return MINIMAL_ROWS.filter(where)


# A fully nested service is read the same way: its own fields as a row, and each relation of a whole page
# (or export chunk) in one query of rows, put on light records that carry the names the serializers read.
# Model objects with prefetching cost about twice as much: some 450 objects for a page of 50.
FULL_VALUES = ("aanmelden_telefoon", "talen", "kosten", "kosten_bedrag", "hele_gemeente", "aanmelden_inloop")
TERM_VALUES = ("id", "vocabulary", "code", "name", "description")
LOCATIE_VALUES = ("id", "organisatie_id", "name", "latitude", "longitude", "straat", "huisnummer", "plaats")
LOCATIE_VALUES += ("postcode", "toegankelijkheid", "rolstoeltoegankelijk")
CONTACT_VALUES = ("id", "voorziening_id", "name", "rol", "email", "telefoon", "voor_professionals")
OPENINGSTIJD_VALUES = ("id", "op_locatie_id", "weekdag", "open_van", "open_tot", "toelichting")


# Each relation's rows, ordered and with their columns, made once: a page (or export chunk) only filters them
# by its services (setting up the joins, order and columns each time was a tenth of a full page's CPU).
def _term_rows(relation: str):
    links = getattr(Voorziening, relation).through.objects.order_by(
        *(f"term__{n}" for n in Term._meta.ordering)
    )
    return links.values("voorziening_id", *(f"term__{name}" for name in TERM_VALUES))


THEMA_ROWS, DOELGROEP_ROWS = _term_rows("themas"), _term_rows("doelgroepen")
WIJK_ROWS = Voorziening.wijken.through.objects.order_by("wijk__name").values(
    "voorziening_id", "wijk__name", "wijk__cbs_code"
)
CONTACT_ROWS = Contact.objects.voor_inwoners().order_by("name", "pk").values(*CONTACT_VALUES)
OP_LOCATIE_ROWS = VoorzieningOpLocatie.objects.order_by("locatie__name", "pk").values(
    "id", "voorziening_id", *(f"locatie__{name}" for name in LOCATIE_VALUES)
)
OPENINGSTIJD_ROWS = Openingstijd.objects.order_by("weekdag", "open_van").values(*OPENINGSTIJD_VALUES)
SLUITING_ROWS = Sluiting.objects.order_by("van").values("voorziening_id", "van", "tot_en_met", "reden")


def full_rows(where: Q) -> QuerySet:
    """The voorzieningen matching `where`, by name, as rows of values for `services_full`."""
    fixed = [facet.source for facet in vocabularies.fixed_facets()]
    rows = (
        Voorziening.objects.filter(where).order_by("name", "pk").values(*SERVICE_VALUES, *FULL_VALUES, *fixed)
    )
    # Whether a closure is yet to end, in the same query: the closures' own query only for a page that has
    # one (a query per page cost a full page of 20 some 2 ms of CPU, a seventh, for the few that have one).
    coming = Sluiting.objects.filter(voorziening=OuterRef("pk"), tot_en_met__gte=timezone.localdate())
    return rows.annotate(sluiting_gepland=Exists(coming))


def services_full(rows) -> list[dict]:
    """Fully nested services (`service_full`) for rows of `full_rows`: one query per relation in all."""
    services = {row["id"]: _record(row) for row in rows}
    for service in services.values():
        service.hsds_themas, service.hsds_doelgroepen, service.hsds_wijken = [], [], []
        service.publieke_contacten, service.hsds_op_locaties, service.hsds_sluitingen = [], [], []
    if services:
        _read_relations(services)
    return [service_full(service) for service in services.values()]


def _record(row: dict, **extra) -> SimpleNamespace:
    """A row as an object with its names as attributes (and `pk`, as a model object has)."""
    return SimpleNamespace(pk=row.get("id"), **row, **extra)


def _read_relations(services: dict) -> None:
    ids = list(services)
    _read_terms(services, ids)
    _read_wijken(services, ids)
    for row in CONTACT_ROWS.filter(voorziening_id__in=ids):
        services[row["voorziening_id"]].publieke_contacten.append(_record(row))
    _read_locations(services, ids)
    _read_closures(services, [pk for pk, service in services.items() if service.sluiting_gepland])


def _read_terms(services: dict, ids: list) -> None:
    """Thema's and doelgroepen, each in Term's own order (as a many-to-many relation reads them). A term
    many services share is one record, with its HSDS taxonomy term (`hsds`) made once."""
    terms = {}
    for attribute, rows in (("hsds_themas", THEMA_ROWS), ("hsds_doelgroepen", DOELGROEP_ROWS)):
        for row in rows.filter(voorziening_id__in=ids):
            term = terms.get(row["term__id"])
            if term is None:
                term = terms[row["term__id"]] = _record({name: row[f"term__{name}"] for name in TERM_VALUES})
                term.hsds = vocabularies.db_term(term)
            getattr(services[row["voorziening_id"]], attribute).append(term)


def _read_wijken(services: dict, ids: list) -> None:
    for row in WIJK_ROWS.filter(voorziening_id__in=ids):
        wijk = _record({"name": row["wijk__name"], "cbs_code": row["wijk__cbs_code"]})
        services[row["voorziening_id"]].hsds_wijken.append(wijk)


def _read_locations(services: dict, ids: list) -> None:
    """Where each service is offered, with the location and its opening hours there."""
    at_locations = {}
    for row in OP_LOCATIE_ROWS.filter(voorziening_id__in=ids):
        locatie = _record({name: row[f"locatie__{name}"] for name in LOCATIE_VALUES})
        at_location = _record(row, locatie=locatie, locatie_id=locatie.id, hsds_openingstijden=[])
        at_locations[row["id"]] = at_location
        services[row["voorziening_id"]].hsds_op_locaties.append(at_location)
    for row in OPENINGSTIJD_ROWS.filter(op_locatie_id__in=list(at_locations)):
        at_locations[row["op_locatie_id"]].hsds_openingstijden.append(_record(row))


def _read_closures(services: dict, ids: list) -> None:
    """The closures the page announces: a consumer learns of one before its first day, as a resident does."""
    if not ids:
        return
    today = timezone.localdate()
    for row in SLUITING_ROWS.filter(voorziening_id__in=ids, tot_en_met__gte=today):
        service = services[row["voorziening_id"]]
        sluiting = _record(row)
        if closures.is_announced(sluiting, service.status, today):
            service.hsds_sluitingen.append(sluiting)


def row_of(instance, names) -> dict:
    """An object's fields as `.values(*names)` gives them ("organisatie__name" follows the relation)."""
    row = {}
    for name in names:
        value = instance
        for attribute in name.split("__"):
            value = getattr(value, attribute)
        row[name] = value
    return row


def organizations_queryset(full: bool = False):
    queryset = Organisatie.objects.all()
    if full:
        queryset = queryset.prefetch_related(
            Prefetch("locaties", queryset=Locatie.objects.order_by("name", "pk")),
            Prefetch("voorzieningen", queryset=Voorziening.objects.exclude(STOPPED).order_by("name", "pk")),
        )
    return queryset


def service_at_locations_queryset():
    return VoorzieningOpLocatie.objects.select_related(
        "locatie", "voorziening__organisatie"
    ).prefetch_related(openingstijden_prefetch())


# --- Objects --------------------------------------------------------------------------------------------


def organization(organisatie: Organisatie) -> dict:
    return organization_of_row(row_of(organisatie, ORGANISATIE_VALUES))


def organization_of_row(row: dict) -> dict:
    data = {
        "id": str(row["id"]),
        "name": row["name"],
        "description": row["description"],
    }
    if row["email"]:
        data["email"] = row["email"]
    if row["website"]:
        data["website"] = row["website"]
    return data


def organization_full(organisatie: Organisatie) -> dict:
    data = organization(organisatie)
    data["phones"] = (
        [
            phone(
                derived("phone", "organisatie", organisatie.pk),
                organisatie.phone,
                organization_id=organisatie.pk,
            )
        ]
        if organisatie.phone
        else []
    )
    data["locations"] = [location(locatie) for locatie in organisatie.locaties.all()]
    data["services"] = [service(v) for v in organisatie.voorzieningen.all()]
    return data


def service(voorziening: Voorziening) -> dict:
    """The one-to-one fields of a service, as in `/services` lists (`service_list.json`)."""
    return service_of_row(row_of(voorziening, SERVICE_VALUES))


def service_of_row(row: dict) -> dict:
    """`service` from a row of `service_rows`."""
    data = {
        "id": str(row["id"]),
        "organization_id": str(row["organisatie_id"]),
        "name": row["name"],
        "description": description(row["summary"], row["description"]),
        "status": STATUS[row["status"]],
        "assured_date": row["laatst_gecontroleerd"].isoformat(),
        "last_modified": row["updated_at"].isoformat(),
        "organization": organization_of_row(
            {name: row[f"organisatie__{name}"] for name in ORGANISATIE_VALUES}
        ),
    }
    optional = {
        "url": row["aanmelden_url"],
        "email": row["aanmelden_email"],
        "application_process": row["aanmelden_toelichting"],
        "fees_description": row["kosten_toelichting"],
        "minimum_age": row["leeftijd_min"],
        "maximum_age": row["leeftijd_max"],
    }
    data.update({key: value for key, value in optional.items() if value not in ("", None)})
    return data


def description(summary: str, text: str) -> str:
    """service.description: the summary, a blank line, the description (either may be empty)."""
    return "\n\n".join(part for part in (summary.strip(), text.strip()) if part)


def service_full(voorziening) -> dict:
    """A fully nested service (`compiled/service.json`), from a record of `services_full`."""
    data = service_of_row(vars(voorziening))  # the record holds its row's names
    sid = data["id"]  # the service's id as text, made once: a full service repeats it some thirty times
    data["phones"] = (
        [
            phone(
                derived("phone", "aanmelden", sid),
                voorziening.aanmelden_telefoon,
                service_id=sid,
                description="Aanmelden",
            )
        ]
        if voorziening.aanmelden_telefoon
        else []
    )
    data["service_areas"] = service_areas(voorziening, sid)
    data["service_at_locations"] = [
        service_at_location(op_locatie, with_location=True) for op_locatie in voorziening.hsds_op_locaties
    ]
    data["languages"] = [
        {"id": derived("language", sid, code), "service_id": sid, "code": code, "name": languages.name(code)}
        for code in voorziening.talen or []
        if isinstance(code, str) and code
    ]
    data["cost_options"] = [cost_option(voorziening, sid)]
    data["contacts"] = [contact(c) for c in voorziening.publieke_contacten if not c.voor_professionals]
    data["attributes"] = attributes(voorziening, sid)
    data["schedules"] = []
    if voorziening.hsds_sluitingen:
        data["alert"] = " ".join(sluiting_tekst(sluiting) for sluiting in voorziening.hsds_sluitingen)
    return data


def service_minimal(row: dict) -> dict:
    """A service in a `minimal` list, from a row of `minimal_rows`."""
    return {
        "id": str(row["id"]),
        "name": row["name"],
        "status": STATUS[row["status"]],
        "last_modified": row["updated_at"].isoformat(),
    }


def phone(pk: str, number: str, description: str = "", **links) -> dict:
    data = {"id": pk, "number": number, "type": "voice"}
    data.update({key: str(value) for key, value in links.items()})
    if description:
        data["description"] = description
    return data


def contact(c: Contact) -> dict:
    data = {"id": str(c.pk), "service_id": str(c.voorziening_id), "name": c.name}
    if c.rol:
        data["title"] = c.rol
    if c.email:
        data["email"] = c.email
    data["phones"] = (
        [phone(derived("phone", "contact", c.pk), c.telefoon, contact_id=c.pk)] if c.telefoon else []
    )
    return data


def cost_option(voorziening: Voorziening, sid: str) -> dict:
    data = {
        "id": derived("cost", sid),
        "service_id": sid,
        "option": KOSTEN_OPTION[voorziening.kosten],
        "currency": "EUR",
    }
    if voorziening.kosten == "gratis":
        data["amount"] = 0
    elif voorziening.kosten_bedrag is not None:
        data["amount"] = float(voorziening.kosten_bedrag)
    if voorziening.kosten_toelichting:
        data["amount_description"] = voorziening.kosten_toelichting
    return data


def service_areas(voorziening: Voorziening, sid: str) -> list[dict]:
    if voorziening.hele_gemeente:
        return [
            {
                "id": derived("area", sid, HELE_GEMEENTE),
                "service_id": sid,
                "name": settings.MUNICIPALITY_NAME,
                "description": "De hele gemeente",
                "extent_type": HELE_GEMEENTE,
            }
        ]
    return [
        {
            "id": derived("area", sid, wijk.cbs_code),
            "service_id": sid,
            "name": wijk.name,
            "extent": wijk.cbs_code,
            "extent_type": "cbs_wijkcode",
        }
        for wijk in voorziening.hsds_wijken
    ]


def attributes(voorziening: Voorziening, sid: str) -> list[dict]:
    terms = [term.hsds for term in [*voorziening.hsds_themas, *voorziening.hsds_doelgroepen]]
    for facet in vocabularies.fixed_facets():
        terms += [
            vocabularies.fixed_term(facet.name, code)
            for code in facets.codes(facet.document_value(voorziening))
        ]
    if voorziening.aanmelden_inloop:
        terms.append(vocabularies.fixed_term("aanmelden", "inloop"))
    return [
        {
            "id": derived("attribute", sid, term["id"]),
            "link_id": sid,
            "link_type": term["taxonomy"],
            "link_entity": "service",
            "taxonomy_term_id": term["id"],
            "value": term["code"],
            "taxonomy_term": term,
        }
        for term in terms
    ]


def location(locatie: Locatie) -> dict:
    lid = str(locatie.pk)
    data = {
        "id": lid,
        "location_type": "physical",
        "organization_id": str(locatie.organisatie_id),
        "name": locatie.name,
    }
    if locatie.latitude is not None and locatie.longitude is not None:
        data["latitude"] = locatie.latitude
        data["longitude"] = locatie.longitude
    data["addresses"] = (
        [
            {
                "id": derived("address", lid),
                "location_id": lid,
                "address_1": f"{locatie.straat} {locatie.huisnummer}".strip(),
                "city": locatie.plaats,
                "state_province": settings.MUNICIPALITY_NAME,
                "postal_code": locatie.postcode,
                "country": "NL",
                "address_type": "physical",
            }
        ]
        if locatie.straat or locatie.postcode or locatie.plaats
        else []
    )
    data["accessibility"] = [
        {
            "id": derived("accessibility", lid),
            "location_id": lid,
            "description": locatie.toegankelijkheid,
            "details": "rolstoeltoegankelijk" if locatie.rolstoeltoegankelijk else "",
        }
    ]
    return data


def location_summary(locatie: Locatie) -> dict:
    """The one-to-one fields of a location, as in `service_at_location_list.json`."""
    data = location(locatie)
    del data["addresses"], data["accessibility"]
    return data


def schedule(openingstijd: Openingstijd, op_locatie_id) -> dict:
    day = WEEKDAYS[openingstijd.weekdag - 1]
    data = {
        "id": str(openingstijd.pk),
        "service_at_location_id": str(op_locatie_id),
        "freq": "WEEKLY",
        "wkst": "MO",
        "interval": 1,
        "byday": day,
        "opens_at": with_offset(openingstijd.open_van),
        "closes_at": with_offset(openingstijd.open_tot),
    }
    if openingstijd.toelichting:
        data["description"] = openingstijd.toelichting
    return data


def service_at_location(op_locatie: VoorzieningOpLocatie, with_location: bool = True) -> dict:
    data = {
        "id": str(op_locatie.pk),
        "service_id": str(op_locatie.voorziening_id),
        "location_id": str(op_locatie.locatie_id),
        "schedules": [schedule(o, op_locatie.pk) for o in op_locatie.hsds_openingstijden],
    }
    if with_location:
        data["location"] = location(op_locatie.locatie)
    return data


def service_at_location_summary(op_locatie: VoorzieningOpLocatie, distance_km: float | None = None) -> dict:
    data = {
        "id": str(op_locatie.pk),
        "service_id": str(op_locatie.voorziening_id),
        "location_id": str(op_locatie.locatie_id),
        "location": location_summary(op_locatie.locatie),
        "service": service(op_locatie.voorziening),
    }
    if distance_km is not None:
        data["description"] = f"Afstand: {distance_km:.1f} km".replace(".", ",")
    return data


def service_at_location_full(op_locatie: VoorzieningOpLocatie) -> dict:
    data = service_at_location(op_locatie)
    data["service"] = service(op_locatie.voorziening)
    return data
