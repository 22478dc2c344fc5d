"""Turning search hits into what the pages show, with a fixed number of queries whatever the page size."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Prefetch, Q

from ..models import Capaciteit, Contact, Term, Voorziening, VoorzieningOpLocatie

PER_PAGE = 20
RELATED_LIMIT = 5


@dataclass
class ResultRow:
    number: int
    voorziening: Voorziening
    distance_km: float | None = None
    point: tuple[float, float] | None = None  # latitude, longitude of its first location, for the map
    capaciteit: list = field(default_factory=list)


def _locations_prefetch():
    return Prefetch(
        "op_locaties",
        queryset=VoorzieningOpLocatie.objects.select_related("locatie").order_by("locatie__name"),
    )


def _capaciteit_prefetch():
    return Prefetch("capaciteit", queryset=Capaciteit.objects.select_related("wijk").order_by("wijk__name"))


def result_rows(hits, *, professional: bool, first_number: int = 1) -> list[ResultRow]:
    """The voorzieningen of these hits in the hits' order (hits the database no longer has are left out)."""
    if not hits:
        return []
    prefetches = ["wijken", _locations_prefetch()]
    if professional:
        prefetches.append(_capaciteit_prefetch())
    queryset = (
        Voorziening.objects.filter(pk__in=[hit.id for hit in hits])
        .select_related("organisatie")
        .prefetch_related(*prefetches)
    )
    by_id = {voorziening.pk: voorziening for voorziening in queryset}
    rows = []
    for hit in hits:
        voorziening = by_id.get(hit.id)
        if voorziening is None:
            continue
        rows.append(
            ResultRow(
                number=first_number + len(rows),
                voorziening=voorziening,
                distance_km=hit.distance_km,
                point=_first_point(voorziening),
                capaciteit=list(voorziening.capaciteit.all()) if professional else [],
            )
        )
    return rows


def _first_point(voorziening) -> tuple[float, float] | None:
    for op_locatie in voorziening.op_locaties.all():
        locatie = op_locatie.locatie
        if locatie.latitude is not None and locatie.longitude is not None:
            return (locatie.latitude, locatie.longitude)
    return None


def map_config(rows, wijken, origin) -> dict | None:
    """What kaart.js draws: the results with a location, the wijk centres, and the visitor's postcode."""
    points = [
        {"n": row.number, "name": row.voorziening.name, "lat": row.point[0], "lon": row.point[1]}
        for row in rows
        if row.point
    ]
    if not points:
        return None
    return {
        "tileUrl": settings.MAP_TILE_URL,
        "attribution": getattr(settings, "MAP_TILE_ATTRIBUTION", ""),
        "points": points,
        "wijken": [
            {"name": wijk.name, "lat": wijk.latitude, "lon": wijk.longitude}
            for wijk in wijken
            if wijk.latitude is not None and wijk.longitude is not None
        ],
        "origin": (
            {"postcode": origin.postcode, "lat": origin.latitude, "lon": origin.longitude} if origin else None
        ),
    }


def detail_queryset(*, professional: bool):
    """A voorziening with everything the detail page shows, in a fixed number of queries."""
    contacts = Contact.objects.all() if professional else Contact.objects.voor_inwoners()
    prefetches = [
        Prefetch("themas", queryset=Term.objects.order_by("sort_order", "name")),
        Prefetch("doelgroepen", queryset=Term.objects.order_by("sort_order", "name")),
        "wijken",
        Prefetch(
            "op_locaties",
            queryset=VoorzieningOpLocatie.objects.select_related("locatie__wijk")
            .prefetch_related("openingstijden")
            .order_by("locatie__name"),
        ),
        Prefetch("contacten", queryset=contacts.order_by("name")),
    ]
    if professional:
        prefetches.append(_capaciteit_prefetch())
    return Voorziening.objects.select_related("organisatie").prefetch_related(*prefetches)


def related_voorzieningen(voorziening) -> list[Voorziening]:
    """Others on the same thema, those in the same wijken (or the whole municipality) first."""
    thema_ids = [term.pk for term in voorziening.themas.all()]
    if not thema_ids:
        return []
    wijk_ids = [wijk.pk for wijk in voorziening.wijken.all()]
    same_thema = Voorziening.themas.through.objects.filter(term_id__in=thema_ids).values("voorziening_id")
    return list(
        Voorziening.objects.filter(pk__in=same_thema)
        .exclude(pk=voorziening.pk)
        .exclude(status=Voorziening.Status.GESTOPT)
        .select_related("organisatie")
        .annotate(nearby=Count("wijken", filter=Q(wijken__in=wijk_ids), distinct=True))
        .order_by("-nearby", "-hele_gemeente", "name")[:RELATED_LIMIT]
    )
