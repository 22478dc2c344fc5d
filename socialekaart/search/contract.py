"""The search contract every sociale kaart backend implements: a query goes in, results with facets come out.

Nothing here knows about a database or a search server, so the views, the API and the tests talk to any
backend the same way. The facets (wijk, thema, ...) are declared once, in `facets.py`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from . import facets


def facet_names() -> tuple[str, ...]:
    """The names of the facets declared in `facets.FACETS`, in their order."""
    return facets.names()


SORTS = ("relevance", "distance", "name")
MAX_PER_PAGE = 100


class SearchUnavailable(Exception):
    """The backend cannot answer now (for example the search cluster is down)."""


@dataclass(frozen=True, init=False)
class SearchQuery:
    """What to look for. Facet selections are keyword arguments named after the facets in
    `facets.FACETS` (`SearchQuery(thema=("mantelzorg",), wijk=("centrum",))`) and read with
    `query.selected("thema")` or `query.thema`."""

    text: str = ""
    postcode: str = ""
    alleen_mijn_wijk: bool = False
    sort: str = "relevance"  # "relevance" | "distance" | "name"
    page: int = 1
    per_page: int = 20
    voor_professionals: bool = False  # outdated capacity ranks lower
    organisatie_id: UUID | None = None
    modified_after: datetime | None = None
    only_ids: frozenset[str] | None = None  # only these voorzieningen (None: no such limit)
    # Leave out the words that no voorziening holds when they would hide all help, and name them in
    # SearchResults.left_out (query.leave_out_unfound); then those that find help only apart from the
    # others (SearchResults.not_together, query.leave_out_apart). For people, who read which; the API keeps
    # every word.
    leave_out_unfound: bool = False
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (facet, chosen values), in the facets' order

    def __init__(
        self,
        text: str = "",
        postcode: str = "",
        alleen_mijn_wijk: bool = False,
        sort: str = "relevance",
        page: int = 1,
        per_page: int = 20,
        voor_professionals: bool = False,
        organisatie_id: UUID | None = None,
        modified_after: datetime | None = None,
        only_ids=None,
        leave_out_unfound: bool = False,
        filters=(),
        **selections,
    ):
        known = facets.names()
        unknown = set(selections) - set(known)
        if unknown:
            raise TypeError(f"SearchQuery() got unknown facets: {', '.join(sorted(unknown))}")
        chosen = {**dict(filters), **selections}
        # Lists from a form or the API become tuples, so queries are hashable and compare by value.
        cleaned = []
        for name in known:
            value = chosen.get(name) or ()
            if isinstance(value, str):
                value = (value,)
            value = tuple(dict.fromkeys(str(item) for item in value if item))
            if value:
                cleaned.append((name, value))
        set_ = object.__setattr__
        set_(self, "filters", tuple(cleaned))
        set_(self, "text", (text or "").strip())
        set_(self, "postcode", (postcode or "").strip())
        set_(self, "alleen_mijn_wijk", alleen_mijn_wijk)
        set_(self, "sort", sort if sort in SORTS else "relevance")
        set_(self, "page", max(1, _as_int(page, 1)))
        set_(self, "per_page", min(MAX_PER_PAGE, max(1, _as_int(per_page, 20))))
        set_(self, "voor_professionals", voor_professionals)
        set_(self, "organisatie_id", organisatie_id)
        set_(self, "modified_after", modified_after)
        set_(self, "only_ids", None if only_ids is None else frozenset(str(pk) for pk in only_ids))
        set_(self, "leave_out_unfound", leave_out_unfound)

    def __getattr__(self, name: str):
        # Only called for names that are no field: a facet's selection (`query.thema`).
        if name in facets.names():
            return self.selected(name)
        raise AttributeError(name)

    def selected(self, facet: str) -> tuple[str, ...]:
        return dict(self.filters).get(facet, ())

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def _as_int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@dataclass(frozen=True)
class Hit:
    id: UUID
    score: float
    distance_km: float | None = None
    # (latitude, longitude) of its first location with coordinates, in name order: the pin on the map.
    point: tuple[float, float] | None = None


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass(frozen=True)
class Origin:
    """Where "near me" is measured from: the centre of the postcode's PC4 area."""

    postcode: str
    wijk_slug: str
    wijk_name: str
    latitude: float
    longitude: float


@dataclass
class SearchResults:
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetOption]]
    origin: Origin | None = None
    did_you_mean: str | None = None
    left_out: tuple[str, ...] = ()  # typed words no voorziening holds: see query.leave_out_unfound
    not_together: tuple[str, ...] = ()  # typed words that hid all help with the others: query.leave_out_apart
    page: int = 1
    per_page: int = 20
    postcode_unknown: bool = False  # a postcode was given but lies outside the municipality
    extra: dict = field(default_factory=dict)

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page)) if self.per_page else 1

    @property
    def ids(self) -> list[UUID]:
        return [hit.id for hit in self.hits]


ProgressCallback = Callable[[int, int], None]  # (done, total)


class SearchBackend:
    """The interface; see `socialekaart.search.database.DatabaseBackend` for the embedded default."""

    name = "base"

    def search(self, query: SearchQuery) -> SearchResults:
        raise NotImplementedError

    def autocomplete(self, prefix: str, limit: int = 8) -> list[str]:
        raise NotImplementedError

    def index(self, ids: Iterable[UUID]) -> None:
        """(Re)index these voorzieningen; ids that no longer exist are removed."""
        raise NotImplementedError

    def remove(self, ids: Iterable[UUID]) -> None:
        raise NotImplementedError

    def rebuild(self, progress: ProgressCallback | None = None) -> int:
        """Index every voorziening from scratch; returns how many were indexed."""
        raise NotImplementedError

    def synonyms_changed(self) -> None:
        """Editors changed the synonyms: make them effective for the next search."""
