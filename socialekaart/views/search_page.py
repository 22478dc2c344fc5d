"""The search page and its autocomplete."""

import logging

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core import vocabulary
from core.components import crisis_note
from core.fragments import jinja2_fragment
from core.page_cache import cache_for_anonymous_visitors
from core.search_text import (
    asks_about_costs,
    asks_where_to_start,
    has_phrase,
    wants_to_complain,
    wants_to_object,
    worth_naming,
)

from ..forms import SearchForm
from ..models import Wijk
from ..search import SearchQuery, SearchUnavailable, facets, get_backend, versions
from ..search.text import content_words, words
from .access import is_professional_request
from .back_link import back_query
from .results import PER_PAGE, map_config, page_rows, vrije_plek_ids
from .ways_on import COMPLAINT, nearest_themas, site_search_url, themas_when_all_closed
from .wijk_in_text import named_wijk

logger = logging.getLogger(__name__)

SUGGESTION_LIMIT = 8
SUGGESTION_CANDIDATES = 3  # completions looked at per suggestion shown (some find nothing)
SUGGESTION_MIN_LENGTH = 2
SUGGESTION_MAX_LENGTH = 100


def search_form(params, professional: bool = False) -> tuple[SearchForm, list]:
    """The bound search form with today's facet options as its choices, and the wijken for the map."""
    wijken, options = versions.once_per_token(("search form", get_language()), _wijken_and_options)
    form = SearchForm(params, options=options, professional=professional)
    form.is_valid()
    return form, wijken


def _wijken_and_options() -> tuple[list, dict]:
    wijken = list(Wijk.objects.order_by("name"))
    return wijken, facets.load_options(wijken=[(wijk.slug, wijk.name) for wijk in wijken])


def kaart_breadcrumbs(*extra) -> list[dict]:
    return [
        {"url": "/", "title": _("Home")},
        {"url": reverse("socialekaart:search"), "title": _("Sociale kaart")},
        *extra,
    ]


def only_common_words(typed: str) -> bool:
    """Only words such as "ik", "het", "niet": they narrow nothing, so every voorziening is listed. Unless
    they make a synonym ("de was doen"), which does narrow."""
    if not typed or content_words(typed):
        return False
    return not has_phrase(words(typed), vocabulary.current().phrases)


@require_safe
@cache_for_anonymous_visitors(versions.current_token)
def search(request):
    professional = is_professional_request(request)
    form, wijken = search_form(request.GET, professional)
    query_kwargs = form.search_kwargs()
    wijk_url = _named_wijk_as_filter(request, query_kwargs, wijken)
    if wijk_url:
        return redirect(wijk_url)
    page_number = form.page_number()
    query_kwargs |= {"voor_professionals": professional, "per_page": PER_PAGE}
    plek_vrij = form.only_plek_vrij(professional)
    active_filters = form.active_filter_count(professional)
    if plek_vrij:
        query_kwargs["only_ids"] = vrije_plek_ids(query_kwargs)
    context = {
        "form": form,
        "professional": professional,
        "page_not_found": page_number is None,
        "breadcrumbs": kaart_breadcrumbs(),
        "query_text": query_kwargs["text"],
        "chosen_wijken": [wijk.name for wijk in wijken if wijk.slug in query_kwargs["wijk"]],
        "only_common_words": only_common_words(query_kwargs["text"]),
        # After a search (any parameter) the results come first: postcode and wijk move under "Filters".
        "searched": bool(request.GET),
        "has_filters": bool(active_filters),
        "without_filters": form.without_filters() if active_filters else "",
        "active_filters": active_filters,
        "plek_vrij": plek_vrij,
    }
    backend = get_backend()
    try:
        results = backend.search(SearchQuery(page=page_number or 1, **query_kwargs))
        if (page_number or 1) > results.num_pages:
            # A page past the end (an old bookmark): show the last page rather than an empty list.
            context["page_not_found"] = True
            page_number = results.num_pages
            results = backend.search(SearchQuery(page=page_number, **query_kwargs))
    except SearchUnavailable:
        logger.warning("sociale kaart: the search backend is unavailable")
        context["unavailable"] = True
        return _render_page(request, context, status=503)

    page_obj = Paginator(range(results.total), PER_PAGE).get_page(page_number or 1)
    rows = page_rows(
        results.hits,
        professional=professional,
        wijken=wijken,
        origin=results.origin,
        first_number=page_obj.start_index() or 1,
    )
    export_query = request.GET.copy()
    export_query.pop("page", None)
    context.update(
        results=results,
        rows=rows,
        page_obj=page_obj,
        facets=results.facets,
        filters=[(form[name], results.facets.get(name, [])) for name in form.filter_names],
        origin=results.origin,
        postcode_unknown=bool(query_kwargs["postcode"]) and results.origin is None,
        export_query=export_query.urlencode(),
        map_config=map_config(rows, wijken, results.origin),
        site_search_url=site_search_url(query_kwargs["text"]),
        complaint_url=COMPLAINT if wants_to_complain(query_kwargs["text"]) else None,
        objection=wants_to_object(query_kwargs["text"]),
        # The kaart has no word for what help costs ("wat kost een scootmobiel" dropped "kost"): the site's
        # page on the eigen bijdrage does, found by the site search.
        costs_url=site_search_url("eigen bijdrage") if asks_about_costs(query_kwargs["text"]) else None,
        where_to_start=asks_where_to_start(query_kwargs["text"]),
        left_out=worth_naming(results.left_out),
        not_together=worth_naming(results.not_together),
        crisis_note=crisis_note(query_kwargs["text"]),
        outside_the_wijk=_found_outside_the_wijk(backend, query_kwargs, results),
        terug=back_query(request.GET),
    )
    context["themas_open_elsewhere"], context["kosten_open_elsewhere"] = themas_when_all_closed(
        rows, [hit.id for hit in results.hits], results.total, chosen=query_kwargs["thema"]
    )
    if not results.total:
        context["themas"], context["themas_near"] = nearest_themas(query_kwargs["text"])
        context["other_wijken_found"] = [] if plek_vrij else _other_wijken_found(query_kwargs, results)
    return _render_page(request, context)


def _other_wijken_found(query_kwargs: dict, results) -> list:
    """Nothing found in the wijk chosen: the other wijken where the same search finds help, from the wijk
    facet's counts (which leave the wijk chosen out). A walk's professional read "Wij hebben niets gevonden"
    for "formulieren invullen" in one wijk, and concluded there was no such help, while five wijken had it.
    Not with "Alleen met plek vrij": those counts are of help with places in the wijk chosen."""
    if not query_kwargs["wijk"]:
        return []
    return [option for option in results.facets.get("wijk", []) if option.count and not option.selected]


def _named_wijk_as_filter(request, query_kwargs: dict, wijken: list) -> str | None:
    """The search with the wijk named in its words as the wijk filter (see wijk_in_text.py); None when the
    words name none or a voorziening, or a wijk is chosen already."""
    found = named_wijk(query_kwargs, wijken)
    if found is None:
        return None
    rest, slug = found
    query = request.GET.copy()
    query.pop("page", None)
    query.setlist("wijk", [slug])
    query.setlist("q", [rest] if rest else [])
    return f"{reverse('socialekaart:search')}?{query.urlencode()}#resultaten"


def _found_outside_the_wijk(backend, query_kwargs: dict, results) -> int:
    """With "Alleen in mijn wijk": how much more the same search finds in the other wijken. "boodschappen"
    in Lindehof found one closed Voedselbank, and no word of the shopping bus in the wijk next to it. Nothing
    when the search engine stops answering now: the results it gave still stand."""
    if not query_kwargs["alleen_mijn_wijk"] or results.origin is None:
        return 0
    try:
        everywhere = backend.search(SearchQuery(**{**query_kwargs, "alleen_mijn_wijk": False, "per_page": 1}))
    except SearchUnavailable:
        logger.warning("sociale kaart: the search backend is unavailable")
        return 0
    return everywhere.total - results.total


def _render_page(request, context: dict, status: int = 200):
    """The page's content is Jinja2 (config/jinja2.py): it is made anew for each search. The site's frame
    around it and the page's title are the Django templates every page shares."""
    context["content_html"] = jinja2_fragment("socialekaart/search_content.html", context, request)
    return render(request, "socialekaart/search.html", context, status=status)


def _finding_help(backend, text: str) -> list[str]:
    """The backend's completions that find help when chosen: the vocabulary also holds themes and synonyms
    that no voorziening uses ("slecht ter been"), and offering those led to "Wij hebben niets gevonden"."""
    found = []
    for word in backend.autocomplete(text, limit=SUGGESTION_LIMIT * SUGGESTION_CANDIDATES):
        if backend.search(SearchQuery(text=word, per_page=1)).total:
            found.append(word)
            if len(found) == SUGGESTION_LIMIT:
                break
    return found


@require_safe
def suggestions(request):
    """Autocomplete for the search box: JSON with words that would find something."""
    text = str(request.GET.get("q", "")).replace("\x00", "").strip()[:SUGGESTION_MAX_LENGTH]
    words = []
    if len(text) >= SUGGESTION_MIN_LENGTH:
        try:
            words = _finding_help(get_backend(), text)
        except SearchUnavailable:
            words = []
    response = JsonResponse({"q": text, "suggestions": words})
    response["Cache-Control"] = "public, max-age=300"
    return response
