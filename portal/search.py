"""Site search at /zoeken/: Wagtail search over the live pages, with "Bedoelde u ...?" for typing errors."""

import difflib
import logging
import re

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.shortcuts import render
from django.utils.text import Truncator
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from portal.begrippen import Begrip, all_begrippen
from portal.blocks import kaart_url
from portal.taalcheck import split_sentences, words

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
RESULTS_PER_PAGE = 10
VOCABULARY_KEY = "portal:search:vocabulary:v1"
_QUERY_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def clean_query(raw: str) -> str:
    """Only the words of what someone typed: no operators, quotes or control characters reach the backend."""
    found = _QUERY_WORD.findall((raw or "")[:MAX_QUERY_LENGTH])
    return " ".join(found[:MAX_QUERY_WORDS])


def vocabulary() -> list[str]:
    """Every word of the live pages and the begrippen (4 letters or more), for "Bedoelde u ...?"."""
    known = cache.get(VOCABULARY_KEY)
    if known is None:
        found = set()
        for page in Page.objects.live().specific():
            text = page.taalcheck_text() if hasattr(page, "taalcheck_text") else page.title
            found.update(word.lower() for word in words(text))
        for begrip in all_begrippen():
            found.update(word.lower() for variant in begrip["variants"] for word in words(variant))
        known = sorted(word for word in found if len(word) >= 4 and not word.isdigit())
        cache.set(VOCABULARY_KEY, known, settings.PORTAL_CACHE_SECONDS)
    return known


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_save, sender=Begrip)
@receiver(post_delete, sender=Begrip)
def _forget_vocabulary(**kwargs):
    cache.delete(VOCABULARY_KEY)


def suggestion_for(query: str) -> str | None:
    """The query with each unknown word replaced by the closest known one, or None if nothing changed."""
    known = vocabulary()
    known_set = set(known)
    changed, suggested = False, []
    for word in query.split():
        lowered = word.lower()
        if len(lowered) >= 4 and lowered not in known_set:
            close = difflib.get_close_matches(lowered, known, n=1, cutoff=0.75)
            if close:
                suggested.append(close[0])
                changed = True
                continue
        suggested.append(word)
    return " ".join(suggested) if changed else None


def excerpt(page, query: str, length: int = 30) -> str:
    """The first sentence that holds a word of the query, else the intro: a short piece to recognise."""
    query_words = {word.lower() for word in query.split()}
    text = page.taalcheck_text() if hasattr(page, "taalcheck_text") else ""
    sentences = split_sentences(text)[1:]  # the title is the first line
    for sentence in sentences:
        if query_words & {word.lower() for word in words(sentence)}:
            return Truncator(sentence).words(length)
    return Truncator(getattr(page, "intro", "") or (sentences[0] if sentences else "")).words(length)


def run_search(query: str, page_number):
    results = Page.objects.live().public().search(query, operator="and")
    paginator = Paginator(results, RESULTS_PER_PAGE)
    if paginator.count == 0:
        paginator = Paginator(Page.objects.live().public().search(query, operator="or"), RESULTS_PER_PAGE)
    page_obj = paginator.get_page(page_number)
    ids = [page.pk for page in page_obj.object_list]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    hits = [{"page": specific[pk], "excerpt": excerpt(specific[pk], query)} for pk in ids if pk in specific]
    return page_obj, hits


def search_view(request):
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    context = {"search_query": raw[:MAX_QUERY_LENGTH], "query": query, "hits": [], "page_obj": None}
    if query:
        try:
            context["page_obj"], context["hits"] = run_search(query, request.GET.get("page"))
        except Exception as error:  # the search backend is down or refuses the query: say so, in B1
            logger.warning("Site search failed: %s", type(error).__name__)
            context["search_failed"] = True
        context["suggestion"] = suggestion_for(query)
        context["kaart_url"] = kaart_url(q=query)
        if not context["hits"] and not context.get("search_failed"):
            # The page models import this module (for its signals), so they are looked up, not imported.
            thema_pagina = apps.get_model("portal", "ThemaPagina")
            context["themes"], context["themes_near"] = thema_pagina.nearest_to(query)
    return render(request, "portal/search.html", context)
