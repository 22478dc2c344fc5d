"""A search that found nothing still shows a way on: the nearest themes, the phone and the site search; so
does one that found only help closed for now. And who came to complain finds the way to do that."""

from urllib.parse import urlencode

from django.db.models import Exists, OuterRef

from core import nearest

from ..models import Synoniemgroep, Term, Voorziening
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


def themas_when_all_closed(rows, ids, total: int, chosen=()) -> tuple[list[Term], str]:
    """The themes of what the search found (`rows`, the voorzieningen `ids`) when all of it is closed for now,
    with open help of their own, to find it: "geen geld voor eten" found only a closed Voedselbank, and the
    page showed no way on. Not the themes `chosen` already, which found only this. When all of it was free,
    only free help counts, and the second value is the kosten filter that keeps the links to it: "Maaltijden"
    led who has no money for food to meals that cost money."""
    closed = Voorziening.Status.TIJDELIJK_GESLOTEN
    if not rows or total > len(rows) or any(row.voorziening.status != closed for row in rows):
        return [], ""
    free = Voorziening.Kosten.GRATIS
    kosten = "" if Voorziening.objects.filter(pk__in=ids).exclude(kosten=free).exists() else free
    open_help = Voorziening.objects.filter(themas=OuterRef("pk"), status=Voorziening.Status.ACTIEF)
    if kosten:
        open_help = open_help.filter(kosten=kosten)
    themas = Term.objects.filter(vocabulary=Term.Vocabulary.THEMA, voorzieningen_thema__pk__in=ids)
    themas = themas.filter(Exists(open_help.exclude(pk__in=ids))).exclude(code__in=chosen)
    return list(themas.distinct().order_by("sort_order", "name")), kosten


def site_search_url(query: str) -> str:
    return SITE_SEARCH + (f"?{urlencode({'q': query})}" if query else "")
