"""A search that found nothing still shows a way on: the nearest themes, the phone and the site search. And
who came to complain finds the way to do that."""

from urllib.parse import urlencode

from core import nearest

from ..models import Synoniemgroep, Term
from ..search import versions

SITE_SEARCH = "/zoeken/"
COMPLAINT = "/klacht/"


def nearest_themas(query: str) -> tuple[list[Term], bool]:
    """The kaart's themes whose name, description or synonyms are closest to the query, and whether any is
    near at all (if not: every theme)."""
    candidates = versions.once_per_token("thema words", _thema_candidates)
    return nearest.nearest_in(query, candidates, remembered=versions.once_per_token("near thema words", dict))


def _thema_candidates() -> list[tuple[Term, set[str]]]:
    """Each theme with the words of its name, description and synonyms: the same for every query."""
    return [(term, nearest.words(text)) for term, text in _thema_texts()]


def _thema_texts() -> list[tuple[Term, str]]:
    themas = list(Term.objects.filter(vocabulary=Term.Vocabulary.THEMA).order_by("sort_order", "name"))
    groups = [group.term_list() for group in Synoniemgroep.objects.all()]
    candidates = []
    for term in themas:
        name_words = nearest.words(term.name)
        synonyms = [
            word
            for group in groups
            if any(nearest.is_near(a, b) for a in nearest.words(" ".join(group)) for b in name_words)
            for word in group
        ]
        candidates.append((term, " ".join([term.name, term.description, *synonyms])))
    return candidates


def site_search_url(query: str) -> str:
    return SITE_SEARCH + (f"?{urlencode({'q': query})}" if query else "")
