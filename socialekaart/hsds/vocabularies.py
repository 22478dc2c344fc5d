"""The HSDS taxonomies: the editors' thema's and doelgroepen (rows of `Term`) and fixed vocabularies
for the voorziening's own choice fields, so HSDS users can read toegang and walk-in as taxonomy terms."""

from django.utils.translation import gettext_lazy as _

from ..models import Term, Voorziening
from .ids import fixed_term_id, taxonomy_id

TAXONOMIES = {
    "thema": _("Thema's: waar een voorziening bij helpt."),
    "doelgroep": _("Doelgroepen: voor wie een voorziening is."),
    "toegang": _("Toegang: hoe een inwoner bij de voorziening komt."),
    "aanmelden": _("Aanmelden: manieren om zich aan te melden."),
}
EDITABLE = ("thema", "doelgroep")
AANMELDEN_TERMS = {"inloop": _("U kunt zonder afspraak binnenlopen")}


def fixed_terms(vocabulary: str) -> list[tuple[str, str]]:
    """(code, name) of a fixed vocabulary."""
    if vocabulary == "toegang":
        return [(value, str(label)) for value, label in Voorziening.Toegang.choices]
    if vocabulary == "aanmelden":
        return [(code, str(name)) for code, name in AANMELDEN_TERMS.items()]
    return []


def taxonomy(vocabulary: str) -> dict:
    return {
        "id": taxonomy_id(vocabulary),
        "name": vocabulary,
        "description": str(TAXONOMIES[vocabulary]),
        "version": "1",
    }


def vocabulary_of_taxonomy_id(value: str) -> str | None:
    return next((name for name in TAXONOMIES if taxonomy_id(name) == value), None)


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
    name = dict(fixed_terms(vocabulary))[code]
    return term_dict(fixed_term_id(vocabulary, code), vocabulary, code, name)


def all_terms() -> list[dict]:
    """Every taxonomy term: the editors' first (in their order), then the fixed ones."""
    terms = [db_term(term) for term in Term.objects.order_by("vocabulary", "sort_order", "name", "pk")]
    for vocabulary in TAXONOMIES:
        terms += [fixed_term(vocabulary, code) for code, _name in fixed_terms(vocabulary)]
    return terms
