"""The HSDS taxonomies: the kaart's facets that say so in `search/facets.py` (the editors' thema's and
doelgroepen are rows of `Term`; a facet over a choice field, like toegang, is a fixed vocabulary), and
"aanmelden", so HSDS users can read walk-in as a taxonomy term."""

import functools

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ..models import Term
from ..search import facets
from .ids import fixed_term_id, taxonomy_id

AANMELDEN = _("Aanmelden: manieren om zich aan te melden.")
AANMELDEN_TERMS = {"inloop": _("U kunt zonder afspraak binnenlopen")}


def taxonomies() -> dict[str, str]:
    """Vocabulary name -> description: the facets the API offers, then aanmelden."""
    return {**{facet.name: facet.hsds for facet in facets.FACETS if facet.hsds}, "aanmelden": AANMELDEN}


def editable() -> tuple[str, ...]:
    """The vocabularies whose terms editors keep (Term rows)."""
    return tuple(
        facet.name for facet in facets.FACETS if facet.hsds and isinstance(facet.options, facets.Terms)
    )


def fixed_facets() -> list[facets.Facet]:
    """The API's facets over a choice field of the voorziening. (The kind of options is asked first: `hsds`
    is a lazy text, and asking whether it is empty translates it, which every service's attributes would pay
    for each facet.)"""
    return [facet for facet in facets.FACETS if isinstance(facet.options, facets.Choices) and facet.hsds]


def fixed_terms(vocabulary: str) -> list[tuple[str, str]]:
    """(code, name) of a fixed vocabulary."""
    if vocabulary == "aanmelden":
        return [(code, str(name)) for code, name in AANMELDEN_TERMS.items()]
    facet = next((facet for facet in fixed_facets() if facet.name == vocabulary), None)
    return facets.options_of(facet) if facet else []


def taxonomy(vocabulary: str) -> dict:
    return _taxonomy(vocabulary, get_language())


@functools.cache
def _taxonomy(vocabulary: str, language: str | None) -> dict:
    """Made once per language, not again for every term of every service (it holds fixed texts only). One
    dict that every answer shares: read it, never change it."""
    return {
        "id": taxonomy_id(vocabulary),
        "name": vocabulary,
        "description": str(taxonomies()[vocabulary]),
        "version": "1",
    }


def vocabulary_of_taxonomy_id(value: str) -> str | None:
    return next((name for name in taxonomies() if taxonomy_id(name) == value), None)


def term_dict(term_id: str, vocabulary: str, code: str, name: str, description: str = "") -> dict:
    return {
        "id": term_id,
        "code": code,
        "name": name,
        "description": description or name,
        "taxonomy": vocabulary,
        "taxonomy_id": taxonomy_id(vocabulary),
        "taxonomy_detail": taxonomy(vocabulary),
        "language": "nl",
    }


def db_term(term: Term) -> dict:
    return term_dict(str(term.pk), term.vocabulary, term.code, term.name, term.description)


def fixed_term(vocabulary: str, code: str) -> dict:
    return _fixed_term(vocabulary, code, get_language())


@functools.cache
def _fixed_term(vocabulary: str, code: str, language: str | None) -> dict:
    """Made once per language and shared, as `_taxonomy`."""
    name = dict(fixed_terms(vocabulary))[code]
    return term_dict(fixed_term_id(vocabulary, code), vocabulary, code, name)


def all_terms() -> list[dict]:
    """Every taxonomy term: the editors' first (in their order), then the fixed ones."""
    terms = [db_term(term) for term in Term.objects.order_by("vocabulary", "sort_order", "name", "pk")]
    for vocabulary in taxonomies():
        terms += [fixed_term(vocabulary, code) for code, _name in fixed_terms(vocabulary)]
    return terms
