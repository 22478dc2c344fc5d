"""The search contract every sociale kaart backend implements: a query goes in, results with facets come out.

Nothing here knows about a database or a search server, so the views, the API and the tests talk to any
backend the same way.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

FACETS = ("wijk", "thema", "doelgroep", "toegang", "kosten")
SORTS = ("relevance", "distance", "name")
MAX_PER_PAGE = 100


class SearchUnavailable(Exception):
    """The backend cannot answer now (for example the search cluster is down)."""


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    wijk: tuple[str, ...] = ()
    thema: tuple[str, ...] = ()
    doelgroep: tuple[str, ...] = ()
    toegang: tuple[str, ...] = ()
    kosten: tuple[str, ...] = ()
    postcode: str = ""
    alleen_mijn_wijk: bool = False
    sort: str = "relevance"  # "relevance" | "distance" | "name"
    page: int = 1
    per_page: int = 20
    voor_professionals: bool = False  # outdated capacity ranks lower
    organisatie_id: UUID | None = None
    modified_after: datetime | None = None

    def __post_init__(self):
        # Lists from a form or the API become tuples, so queries are hashable and compare by value.
        for name in FACETS:
            value = getattr(self, name)
            if isinstance(value, str):
                value = (value,) if value else ()
            object.__setattr__(self, name, tuple(dict.fromkeys(str(item) for item in value if item)))
        object.__setattr__(self, "text", (self.text or "").strip())
        object.__setattr__(self, "postcode", (self.postcode or "").strip())
        if self.sort not in SORTS:
            object.__setattr__(self, "sort", "relevance")
        object.__setattr__(self, "page", max(1, _as_int(self.page, 1)))
        object.__setattr__(self, "per_page", min(MAX_PER_PAGE, max(1, _as_int(self.per_page, 20))))

    def selected(self, facet: str) -> tuple[str, ...]:
        return getattr(self, facet)

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
