"""The link "Terug naar de resultaten": a result's link carries the search (`?terug=<its query string>`),
and the detail page turns that back into a link to the search page. Only the search page's own parameters
pass, so the link can never lead elsewhere."""

from urllib.parse import parse_qsl, urlencode

from django.urls import reverse

from ..forms import SearchForm
from ..search import facets

MAX_LENGTH = 2000
# The search form's own fields ("plek vrij" among them: without it a professional came back to the full
# list) and the page; the facets are added to the form per visit, see _known.
PARAMETERS = (*SearchForm.base_fields, "page")


def _known(name: str) -> bool:
    return name in PARAMETERS or name in facets.names()


def back_query(params) -> str:
    """The search page's query string, as a result's link carries it."""
    pairs = [(name, value) for name, values in params.lists() for value in values]
    return urlencode([(name, value) for name, value in pairs if _known(name)])[:MAX_LENGTH]


def back_url(terug: str, slug: str = "") -> str | None:
    """The search page with the carried search, at the result `slug` when given (a walk came back at the top
    of the list, not at the help he had opened), or None when nothing usable was carried."""
    if not isinstance(terug, str) or not terug or len(terug) > MAX_LENGTH:
        return None
    pairs = [
        (name, value[:200])
        for name, value in parse_qsl(terug, keep_blank_values=False)
        if _known(name) and "\x00" not in value
    ]
    if not pairs:
        return None
    anchor = f"resultaat-{slug}" if slug else "resultaten"  # each result's id in results.html
    return f"{reverse('socialekaart:search')}?{urlencode(pairs)}#{anchor}"
