"""Turning search hits into what the pages show, with a fixed number of queries whatever the page size."""

import itertools
import math
import threading
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import closures, languages
from ..models import Capaciteit, Contact, Term, Voorziening, VoorzieningOpLocatie
from ..search import versions
from ..search.geo import haversine_km
from ..templatetags.kaart_tags import kosten_in_words, wijk_namen

PER_PAGE = 20
RELATED_LIMIT = 5
RELATED_CANDIDATES = 200


@dataclass
class ResultRow:
    number: int
    voorziening: "Voorziening | ResultSummary"
    distance_km: float | None = None
    point: tuple[float, float] | None = None  # latitude, longitude of its first location, for the map
    capaciteit: list = field(default_factory=list)
    where: str = ""  # "Hele gemeente" or its wijken, as the wijk_namen filter words it
    # Near the resident with no distance: help without a location that serves her wijk (it comes to her, so
    # a search by distance puts it first, see search/snapshot.nearest_first)
    in_your_wijk: bool = False
    aan_huis: bool = False  # help that comes to the home (Voorziening.aan_huis): no distance, no map
    # With a postcode, help whose wijken are others: a walk's son, for his mother in Lindehof, read the
    # Maaltijdservice of Centrum first, 0.9 km away, where nothing said it does not come to Lindehof.
    outside_your_wijk: bool = False
    toegang: str = ""  # the search page's wording of toegang and kosten (see page_rows)
    kosten: str = ""
    closed_until: date | None = None  # the last day of the closure that closes it now (closures.py)
    closes: tuple[date, date] | None = None  # a closure that starts within ANNOUNCE_DAYS, first and last day
    # Its languages, when it is given in more than Dutch: a walk's daughter looked for help in Turkish, and
    # only the detail pages said which spoke it.
    talen: str = ""


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
                capaciteit=list(voorziening.capaciteit.all()) if professional and _open(voorziening) else [],
                where=wijk_namen(voorziening),
                talen=_more_than_dutch(voorziening.talen),
            )
        )
    return rows


@dataclass(frozen=True)
class ResultSummary:
    """What a result on the search page shows of a voorziening. The page reads these few columns
    rather than whole models: building 20 full models cost more than the search itself."""

    name: str
    slug: str
    summary: str
    status: str
    organisatie_name: str

    def get_absolute_url(self) -> str:
        return Voorziening.get_absolute_url(self)


def page_rows(hits, *, professional: bool, wijken, origin=None, first_number: int = 1) -> list[ResultRow]:
    """Like result_rows, but with only what the search page shows, in one lean query for the results not
    remembered yet (and one for a professional's capacity).

    `wijken` are all wijken by name (the page has them already): a result's wijken come as keys, and their
    names from that list instead of loading Wijk rows again. `origin`: the resident's postcode, if given.
    """
    if not hits:
        return []
    ids = [hit.id for hit in hits]
    by_id = _page_values(ids)
    wijk_names = _wijk_names({pk: wijk_ids for pk, (_values, wijk_ids) in by_id.items()}, wijken)
    capaciteit = _capaciteit_by_voorziening(ids) if professional else {}
    labels = _ChoiceLabels()
    closed = [
        pk for pk, (values, _wijk_ids) in by_id.items() if values["status"] != Voorziening.Status.ACTIEF
    ]
    closed_until = closures.last_days(closed) if closed else {}
    # The origin's wijk by key, for the wijken of each result's places.
    here = next((wijk.pk for wijk in wijken if origin and wijk.name == origin.wijk_name), None)
    rows = []
    for hit in hits:
        if hit.id not in by_id:
            continue
        values = by_id[hit.id][0]
        names = wijk_names.get(hit.id, ())
        serves_origin = origin is not None and (values["hele_gemeente"] or origin.wijk_name in names)
        # For other wijken only: not with a place in hers, which the search counts as the wijk's too.
        elsewhere = (
            origin is not None and bool(names) and not serves_origin and here not in values["place_wijken"]
        )
        rows.append(
            ResultRow(
                number=first_number + len(rows),
                voorziening=ResultSummary(
                    name=values["name"],
                    slug=values["slug"],
                    summary=values["summary"],
                    status=values["status"],
                    organisatie_name=values["organisatie__name"],
                ),
                distance_km=hit.distance_km,
                point=hit.point,
                capaciteit=capaciteit.get(hit.id, []),
                where=_("Hele gemeente") if values["hele_gemeente"] else ", ".join(names),
                in_your_wijk=serves_origin and hit.distance_km is None,
                aan_huis=values["aan_huis"],
                outside_your_wijk=elsewhere,
                toegang=labels.toegang.get(values["toegang"], values["toegang"]),
                kosten=labels.kosten_tekst(
                    values["kosten"], values["kosten_bedrag"], values["kosten_toelichting"]
                ),
                closed_until=closed_until.get(hit.id),
                closes=_announced(values["coming_closure"]),
                talen=_more_than_dutch(values["talen"]),
            )
        )
    return rows


# The columns of the results, remembered per process until the kaart changes (the index token of
# search/versions.py, which every change of a voorziening, its organisation, a wijk or a term renews once
# it is indexed): searches made anew show the same voorzieningen again and again, and building the query
# for a page of them cost a sixth of the page. The results show what the index found, so they change with
# it. At most ROWS_REMEMBERED voorzieningen; past that the oldest half is forgotten.
ROWS_REMEMBERED = 20_000
_remembering = threading.Lock()


def _page_values(ids) -> dict:
    """Per voorziening of `ids` the database still has: (the columns a result shows, its wijken's keys)."""
    remembered = versions.once_per_token("result columns", dict)
    # One look-up per key (`get`): another thread may forget a key between a test and a read.
    found = {pk: values for pk in ids if (values := remembered.get(pk)) is not None}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        read = _read_page_values(missing)
        found.update(read)
        with _remembering:
            if len(remembered) + len(read) > ROWS_REMEMBERED:
                for pk in list(itertools.islice(remembered, len(remembered) // 2)):
                    del remembered[pk]
            remembered.update(read)
    return found


def _read_page_values(ids) -> dict:
    """The columns with the keys of the wijken: one query instead of a second one on the link table, which
    cost as much again. A result's pin on the map comes with the hit: the search index has the locations,
    and asking the database for the first one cost two subqueries, half of this page's rows. And its first
    closure to come: a closure's change renews what is remembered (signals.closure_changed), and its first
    day changes the status, which does too."""
    read = {}
    for values in _page_columns(ids):  # a row per wijk of a voorziening, or one with "wijken" None
        wijk = values.pop("wijken")
        wijk_ids = read.setdefault(values["pk"], (values, []))[1]
        if wijk is not None:
            wijk_ids.append(wijk)
    coming = closures.first_coming(read)
    for pk, (values, _wijk_ids) in read.items():
        values["coming_closure"] = coming.get(pk)
        values["place_wijken"] = []
    # The wijken of its places: help for other wijken with a place in hers is not "niet in uw wijk" (the
    # office of help that comes home is no such place).
    with_places = [pk for pk, (values, _wijk_ids) in read.items() if not values["aan_huis"]]
    places = VoorzieningOpLocatie.objects.filter(voorziening_id__in=with_places, locatie__wijk__isnull=False)
    for pk, wijk in places.values_list("voorziening_id", "locatie__wijk_id").order_by():
        read[pk][0]["place_wijken"].append(wijk)
    return read


ANNOUNCE_DAYS = 28  # a closure further away is on the voorziening's page only


def _announced(coming: tuple[date, date] | None) -> tuple[date, date] | None:
    if coming and (coming[0] - timezone.localdate()).days <= ANNOUNCE_DAYS:
        return coming
    return None


def _page_columns(ids):
    return (
        Voorziening.objects.filter(pk__in=ids)
        .order_by()
        .values(
            "pk",
            "name",
            "slug",
            "summary",
            "status",
            "toegang",
            "kosten",
            "kosten_bedrag",
            "kosten_toelichting",
            "hele_gemeente",
            "aan_huis",
            "organisatie__name",
            "talen",
            "wijken",
        )
    )


def _more_than_dutch(codes) -> str:
    """The names of the languages (languages.names) when there is one besides Dutch, else "" (also for a
    value an import left that is no list of codes)."""
    codes = codes if isinstance(codes, list) else []
    return languages.names(codes) if any(str(code).lower() != "nl" for code in codes) else ""


def _point(latitude, longitude) -> tuple[float, float] | None:
    return None if latitude is None or longitude is None else (latitude, longitude)


class _ChoiceLabels:
    """The labels of toegang and kosten, translated once per page instead of once per result."""

    def __init__(self):
        self.toegang = {code: str(label) for code, label in Voorziening.Toegang.choices}
        self.kosten = {code: str(label) for code, label in Voorziening.Kosten.choices}

    def kosten_tekst(self, kosten: str, bedrag, toelichting: str) -> str:
        """What the kosten_tekst filter says."""
        return kosten_in_words(kosten, bedrag, toelichting, self.kosten.get(kosten, kosten))


def _wijk_names(wijk_ids: dict, wijken) -> dict:
    """The names of each voorziening's wijken (`wijk_ids`: voorziening -> wijk keys), in the order of
    `wijken` (by name)."""
    position = {wijk.pk: index for index, wijk in enumerate(wijken)}
    return {
        key: [wijken[index].name for index in sorted(position[pk] for pk in keys if pk in position)]
        for key, keys in wijk_ids.items()
    }


def _open(voorziening) -> bool:
    """Help closed for now has no places, whatever its provider last gave ("Ja, er is plaats" stood beside
    "Tijdelijk gesloten")."""
    return voorziening.status == Voorziening.Status.ACTIEF


def _capaciteit_by_voorziening(voorziening_ids) -> dict:
    """Each open voorziening's capacity per wijk, by wijk name (shown to professionals only)."""
    grouped: dict = {}
    for capaciteit in (
        Capaciteit.objects.filter(
            voorziening_id__in=voorziening_ids, voorziening__status=Voorziening.Status.ACTIEF
        )
        .select_related("wijk")
        .order_by("wijk__name")
    ):
        grouped.setdefault(capaciteit.voorziening_id, []).append(capaciteit)
    return grouped


def vrije_plek_ids(query_kwargs: dict) -> list:
    """Voorzieningen with room for new clients ("ja" or "beperkt") in a wijk, updated within 7 days: the
    professionals' filter "plek vrij, bijgewerkt in de laatste 7 dagen". Room in the wijk the search is about:
    the postcode's with "Alleen in mijn wijk", else the chosen wijken, else the postcode's, else any. A walk:
    a praktijkondersteuner gave her client's postcode and was shown help whose room was in another wijk."""
    from django.utils import timezone

    from ..models import CAPACITEIT_VEROUDERD_NA
    from ..postcodes import area

    places = Capaciteit.objects.filter(
        status__in=[Capaciteit.Status.JA, Capaciteit.Status.BEPERKT],
        bijgewerkt_op__gte=timezone.now() - CAPACITEIT_VEROUDERD_NA,
        voorziening__status=Voorziening.Status.ACTIEF,  # a place at help that is closed for now is no place
    )
    mine = area(query_kwargs.get("postcode") or "")
    postcode_wijk = (mine.wijk.slug,) if mine else ()
    chosen = query_kwargs.get("wijk", ())
    wijken = postcode_wijk if query_kwargs.get("alleen_mijn_wijk") and mine else chosen or postcode_wijk
    if wijken:
        places = places.filter(wijk__slug__in=wijken)
    return list(places.values_list("voorziening_id", flat=True).distinct())


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
    if origin:  # kaart.js names the wijken in this order where there is room: the visitor's own first
        wijken = sorted(wijken, key=lambda wijk: wijk.name != origin.wijk_name)
    return {
        "tileUrl": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "points": points,
        "onPage": len(rows),
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
        "sluitingen",
    ]
    if professional:
        prefetches.append(_capaciteit_prefetch())
    return Voorziening.objects.select_related("organisatie").prefetch_related(*prefetches)


def related_voorzieningen(voorziening) -> list[Voorziening]:
    """Others on the same thema in the same wijk (or for the whole municipality), for the same people, those
    with more of its themas first, then the nearest (a walk: a Formulierenhulp, on geld and vrijwilligerswerk,
    offered buurthuizen, run by volunteers, above the Thuisadministratie, on both).

    "Same wijk": a wijk the voorziening serves or one of its locations lies in. "The same people": help for
    one of its doelgroepen, or for everyone (an inloopochtend for ouderen offered the jongerenwerk). Nearness
    is measured between first locations; those without a location follow, by name."""
    thema_ids = [term.pk for term in voorziening.themas.all()]
    if not thema_ids:
        return []
    wijk_ids = {wijk.pk for wijk in voorziening.wijken.all()}
    wijk_ids |= {op.locatie.wijk_id for op in voorziening.op_locaties.all() if op.locatie.wijk_id}
    same_thema = Voorziening.themas.through.objects.filter(term_id__in=thema_ids).values("voorziening_id")
    candidates = (
        Voorziening.objects.filter(pk__in=same_thema)
        .exclude(pk=voorziening.pk)
        .exclude(status=Voorziening.Status.GESTOPT)
    )
    if not voorziening.hele_gemeente:
        candidates = candidates.filter(
            Q(hele_gemeente=True) | Q(wijken__in=wijk_ids) | Q(op_locaties__locatie__wijk__in=wijk_ids)
        )
    doelgroep_ids = [term.pk for term in voorziening.doelgroepen.all()]
    if doelgroep_ids:
        for_some = Voorziening.doelgroepen.through.objects.filter(voorziening_id=OuterRef("pk"))
        candidates = candidates.filter(Q(doelgroepen__in=doelgroep_ids) | ~Exists(for_some))
    shared = Count("themas", filter=Q(themas__in=thema_ids), distinct=True)
    candidates = candidates.annotate(shared=shared).order_by("-shared", "pk")
    ids = list(candidates.values_list("pk", flat=True).distinct()[:RELATED_CANDIDATES])
    located = VoorzieningOpLocatie.objects.filter(
        voorziening=OuterRef("pk"), locatie__latitude__isnull=False, locatie__longitude__isnull=False
    ).order_by("locatie__name")
    found = list(
        Voorziening.objects.filter(pk__in=ids)
        .select_related("organisatie")
        .annotate(
            shared=shared,
            first_latitude=Subquery(located.values("locatie__latitude")[:1]),
            first_longitude=Subquery(located.values("locatie__longitude")[:1]),
        )
    )
    here = _first_point(voorziening)

    def distance(other):
        there = _point(other.first_latitude, other.first_longitude)
        if here is None or there is None:
            return math.inf
        return haversine_km(*here, *there)

    found.sort(key=lambda other: (-other.shared, distance(other), other.name))
    return found[:RELATED_LIMIT]
