"""Which services a request asks for: taxonomy, organisation, date and text, combined with AND.

Text goes through the same search backend as the sociale kaart, so API users find what residents find
(stemming, synonyms, typos).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from django.db.models import Q

from ..hsds import vocabularies
from ..hsds.ids import fixed_term_id
from ..models import Term, Voorziening
from ..search import SearchQuery, facets, get_backend
from ..search.contract import MAX_PER_PAGE as SEARCH_PAGE

SEARCH_LIMIT = 1000  # most hits a text search can give when it must be combined outside the backend


def searchable() -> set[str]:
    """The vocabularies the search contract can filter on: the facets the API offers as taxonomies."""
    return {facet.name for facet in facets.FACETS if facet.hsds}


@dataclass
class ServiceFilter:
    text: str = ""
    organisatie_id: UUID | None = None
    modified_after: datetime | None = None
    codes: dict[str, set[str]] = field(default_factory=dict)  # vocabulary -> allowed codes (AND between)
    nothing: bool = False  # an unknown term or taxonomy: no service can match

    def restrict(self, vocabulary: str, codes: set[str]) -> None:
        self.codes[vocabulary] = self.codes[vocabulary] & codes if vocabulary in self.codes else set(codes)
        if not self.codes[vocabulary]:
            self.nothing = True

    @property
    def backend_can_page(self) -> bool:
        return all(vocabulary in searchable() for vocabulary in self.codes)


def service_filter(text, organisatie_id, modified_after, term_id: UUID | None, taxonomy: UUID | None):
    result = ServiceFilter(text=text, organisatie_id=organisatie_id, modified_after=modified_after)
    if term_id:
        found = _term(term_id)
        if found is None:
            result.nothing = True
        else:
            result.restrict(*found)
    if taxonomy:
        vocabulary = vocabularies.vocabulary_of_taxonomy_id(str(taxonomy))
        if vocabulary is None:
            result.nothing = True
        else:
            result.restrict(vocabulary, _codes(vocabulary))
    return result


def _term(term_id: UUID) -> tuple[str, set[str]] | None:
    term = Term.objects.filter(pk=term_id).values_list("vocabulary", "code").first()
    if term:
        return term[0], {term[1]}
    for vocabulary in vocabularies.taxonomies():
        for code, _name in vocabularies.fixed_terms(vocabulary):
            if fixed_term_id(vocabulary, code) == str(term_id):
                return vocabulary, {code}
    return None


def _codes(vocabulary: str) -> set[str]:
    if vocabulary in vocabularies.editable():
        return set(Term.objects.filter(vocabulary=vocabulary).values_list("code", flat=True))
    return {code for code, _name in vocabularies.fixed_terms(vocabulary)}


def database_condition(flt: ServiceFilter, prefix: str = "", stopped_too: bool = False) -> Q:
    """The filter as a condition on Voorziening (or, with a prefix like "voorziening__", a related model);
    stopped voorzieningen only with `stopped_too`."""
    statuses = ["actief", "tijdelijk_gesloten"] + (["gestopt"] if stopped_too else [])
    condition = Q(**{f"{prefix}status__in": statuses})
    if flt.organisatie_id:
        condition &= Q(**{f"{prefix}organisatie_id": flt.organisatie_id})
    if flt.modified_after:
        condition &= Q(**{f"{prefix}updated_at__gte": flt.modified_after})
    for vocabulary, codes in flt.codes.items():
        facet = facets.get(vocabulary)
        if facet is not None and facet.hsds:
            condition &= facet.condition(codes, prefix)
        elif vocabulary == "aanmelden":
            condition &= Q(**{f"{prefix}aanmelden_inloop": True})
    return condition


def search_query(flt: ServiceFilter, page: int = 1, per_page: int = SEARCH_PAGE) -> SearchQuery:
    return SearchQuery(
        text=flt.text,
        filters={name: tuple(sorted(codes)) for name, codes in flt.codes.items() if name in searchable()},
        organisatie_id=flt.organisatie_id,
        modified_after=flt.modified_after,
        page=page,
        per_page=per_page,
    )


def search_page(flt: ServiceFilter, page: int, per_page: int) -> tuple[list[UUID], int]:
    """One page of matching service ids, in the backend's order, and the total."""
    if flt.backend_can_page and per_page <= SEARCH_PAGE:
        results = get_backend().search(search_query(flt, page, per_page))
        return results.ids, results.total
    ids = all_search_ids(flt)
    start = (page - 1) * per_page
    return ids[start : start + per_page], len(ids)


def all_search_ids(flt: ServiceFilter) -> list[UUID]:
    """Every id the text search finds (up to SEARCH_LIMIT), with the other conditions applied."""
    backend, ids, page = get_backend(), [], 1
    in_backend = ServiceFilter(
        text=flt.text, organisatie_id=flt.organisatie_id, modified_after=flt.modified_after
    )
    in_backend.codes = {k: v for k, v in flt.codes.items() if k in searchable()}
    while len(ids) < SEARCH_LIMIT:
        results = backend.search(search_query(in_backend, page))
        ids += results.ids
        if page >= results.num_pages or not results.ids:
            break
        page += 1
    if in_backend.codes != flt.codes:
        allowed = set(
            Voorziening.objects.filter(database_condition(flt), pk__in=ids).values_list("pk", flat=True)
        )
        ids = [pk for pk in ids if pk in allowed]
    return ids
