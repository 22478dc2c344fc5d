"""Search in the sociale kaart: one contract, several backends.

from socialekaart.search import get_backend, SearchQuery
results = get_backend().search(SearchQuery(text="huishoudelijke hulp", postcode="3911AB"))
"""

from django.conf import settings
from django.utils.module_loading import import_string

from .contract import (
    SORTS,
    FacetOption,
    Hit,
    Origin,
    SearchBackend,
    SearchQuery,
    SearchResults,
    SearchUnavailable,
    facet_names,
)
from .facets import Facet

BACKENDS = {
    "database": "socialekaart.search.database.DatabaseBackend",
    "elasticsearch": "socialekaart.search.elasticsearch.ElasticsearchBackend",
}

_instances: dict[str, SearchBackend] = {}


def default_backend_name() -> str:
    configured = getattr(settings, "SOCIALEKAART_SEARCH_BACKEND", "")
    if configured:
        return configured
    return "elasticsearch" if getattr(settings, "ELASTICSEARCH_URL", "") else "database"


def get_backend(name: str | None = None) -> SearchBackend:
    """The backend by registry name; without a name the configured one (one instance per process)."""
    name = name or default_backend_name()
    if name not in _instances:
        _instances[name] = import_string(BACKENDS[name])()
    return _instances[name]


__all__ = [
    "BACKENDS",
    "SORTS",
    "Facet",
    "FacetOption",
    "Hit",
    "Origin",
    "SearchBackend",
    "SearchQuery",
    "SearchResults",
    "SearchUnavailable",
    "default_backend_name",
    "facet_names",
    "get_backend",
]
