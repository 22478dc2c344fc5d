"""Export the whole kaart as one HSDS 3.0 JSON document: taxonomies, terms, organisations (with their
locations) and every voorziening fully nested, stopped ones as "defunct". Public data only."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

from django.db.models import Q
from django.utils import timezone

from ..models import Voorziening
from . import serialize, vocabularies

CHUNK = 500


def export_document(progress: Callable[[int], None] | None = None) -> dict:
    return {
        "hsds_version": "3.0",
        "generated_at": timezone.now().isoformat(),
        "taxonomies": [vocabularies.taxonomy(name) for name in vocabularies.taxonomies()],
        "taxonomy_terms": vocabularies.all_terms(),
        "organizations": [
            _organisation(o) for o in serialize.organizations_queryset(full=True).order_by("name", "pk")
        ],
        "services": list(services(progress)),
    }


def _organisation(organisatie) -> dict:
    data = serialize.organization_full(organisatie)
    data["services"] = [
        {"id": service["id"], "name": service["name"], "status": service["status"]}
        for service in data["services"]
    ]
    return data


def services(progress: Callable[[int], None] | None = None) -> Iterator[dict]:
    rows = serialize.full_rows(Q()).iterator(chunk_size=CHUNK)
    while chunk := list(itertools.islice(rows, CHUNK)):
        for service in serialize.services_full(chunk):
            if progress:
                progress(1)
            yield service


def count() -> int:
    return Voorziening.objects.count()
