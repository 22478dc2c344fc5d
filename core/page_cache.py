"""Whole Wagtail pages for anonymous visitors, from the cache.

Rendering a page costs many times more than handing out stored bytes, and portal pages are the same for
every visitor without a login (page types say so with `cache_whole_page = True`). So the first anonymous
GET of a page stores the finished HTML and later ones get it back. Stored only: a GET without query
string, from a visitor without a session cookie, of a live page without view restrictions, answered with
status 200 and HTML, that set no cookie and never looked at the session (so nothing in it belongs to one
visitor). Previews, logged-in editors, posted forms, error pages and redirects are never stored and never
served from here.

The key holds the scheme, host, path, language and the generations named in the setting
`PAGE_CACHE_GENERATIONS` (see `core.generations`; the pages app bumps them): publishing, unpublishing,
moving or deleting any page (or changing a begrip, a view restriction or a site) shows at once in this
process. Other server processes with the local-memory cache show it within
PORTAL_CACHE_SECONDS; with Redis as the shared cache, everywhere at once.

The feedback form on information pages keeps its CSRF token. The token stops other websites from making
visitors' browsers post feedback: each browser has its own IP address, so forged posts would get round the
rate limit per IP, and the honeypot does not stop a form someone wrote by hand. The token is the only part
of the page that differs per visitor, so it is stored as a placeholder and every answer gets the visitor's
own token (and cookie) put back in. This works without JavaScript. Pages with a token may only be kept by
the visitor's own browser; pages without one may be kept briefly by a reverse proxy.

Two ways in: `serve_from_page_cache`, registered as Wagtail's `on_serve_page` hook by the pages app,
works with Wagtail's routing as it is (the routing queries remain, the rendering goes);
`PageCacheMiddleware` answers before the routing, without any query. Django views whose answer depends
on the query string (the sociale kaart's search page) use the `cache_for_anonymous_visitors` decorator.
"""

import functools
import hashlib
import re
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from core import generations

CSRF_INPUT = re.compile(rb'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(">)')
CSRF_PLACEHOLDER = b"\x00page-cache-csrf-token\x00"  # a NUL byte never occurs in rendered HTML
STORED_HEADERS = ("Content-Type", "Content-Language")
PROXY_CACHE_SECONDS = getattr(settings, "PORTAL_PROXY_CACHE_SECONDS", 30)
MAX_CACHED_QUERY_LENGTH = 1000  # longer query strings are not what people type or click


def cache_key(request) -> str | None:
    """The key of this request's page, or None when the request may not be answered from the cache.

    Worked out once per request: the middleware, the serve hook and `store` all need it.
    """
    if not hasattr(request, "_page_cache_key"):
        request._page_cache_key = _build_cache_key(request)
    return request._page_cache_key


def _build_cache_key(request) -> str | None:
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES:  # logged in, or in the middle of something
        return None
    url = f"{request.scheme}://{request.get_host()}{request.path}"
    return _key("page", url, *_content_generations())


def _content_generations() -> list[int]:
    return [generations.current(name) for name in settings.PAGE_CACHE_GENERATIONS]


def _key(kind: str, url: str, *generations) -> str:
    """A cache key: a hash of the URL, the language and the generations of what the page shows."""
    digest = hashlib.sha256(url.encode()).hexdigest()[:32]
    return ":".join(["pagecache", kind, digest, get_language(), *map(str, generations)])


def _stored_headers(response) -> dict:
    return {name: response[name] for name in STORED_HEADERS if response.has_header(name)}


def cached_response(request) -> HttpResponse | None:
    """The stored page with this visitor's CSRF token in it, or None."""
    key = cache_key(request)
    entry = cache.get(key) if key else None
    if entry is None:
        return None
    content, headers = entry
    shared = CSRF_PLACEHOLDER not in content
    if not shared:
        content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(content, headers=headers)
    add_cache_control(response, shared=shared)
    return response


def store(request, page, response) -> bool:
    """Keep the response for the next anonymous visitor when nothing in it is personal; True if kept."""
    key = cache_key(request)
    if key is None or request.method != "GET" or not _storable(request, page, response):
        return False
    content = CSRF_INPUT.sub(rb"\1" + CSRF_PLACEHOLDER + rb"\2", response.content)
    cache.set(key, (content, _stored_headers(response)), settings.PORTAL_CACHE_SECONDS)
    add_cache_control(response, shared=CSRF_PLACEHOLDER not in content)
    return True


def _storable(request, page, response) -> bool:
    if not getattr(page, "cache_whole_page", False) or getattr(request, "is_preview", False) or not page.live:
        return False
    return _same_for_every_visitor(request, response) and not page.get_view_restrictions().exists()


def _same_for_every_visitor(request, response) -> bool:
    """A finished 200 HTML answer that set no cookie and never read the session."""
    if response.status_code != 200 or response.streaming or response.has_header("Cache-Control"):
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if hasattr(response, "render"):
        response.render()
    session = getattr(request, "session", None)
    return not response.cookies and not (session is not None and session.accessed)


def add_cache_control(response, shared: bool) -> None:
    """Browsers ask again each time, so a change shows at once; a reverse proxy may keep token-free pages."""
    if shared:
        patch_cache_control(response, public=True, max_age=0, s_maxage=PROXY_CACHE_SECONDS)
    else:
        patch_cache_control(response, private=True, max_age=0)


def serve_from_page_cache(serve):
    """Wagtail `on_serve_page` hook: the stored page, or Wagtail's own answer (stored when it may be)."""

    def inner(page, request, args, kwargs):
        response = cached_response(request)
        if response is not None:
            return response
        response = serve(page, request, args, kwargs)
        if not store(request, page, response) and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, max_age=0)
        return response

    return inner


class PageCacheMiddleware:
    """Answers from the page cache before Wagtail looks up the site and the page: no queries at all.

    Place it right after `django.middleware.csrf.CsrfViewMiddleware`, which reads the visitor's CSRF
    cookie first and sets it on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return cached_response(request) or self.get_response(request)


def cache_for_anonymous_visitors(generation):
    """View decorator: the HTML of a GET view with a query string (a search), for visitors without a
    session cookie, from the `view_pages` cache.

    The key holds the URL with its parameters in a fixed order, the language, the content generations (the
    menu) and `generation()`, a token from the database that changes whenever what the view shows
    changes, so every server process sees a change at once. The `view_pages` cache is separate from the
    default one, so any number of different searches never pushes out the rate-limit counters.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            key = _view_cache_key(request, generation)
            entry = caches["view_pages"].get(key) if key else None
            if entry is not None:
                response = HttpResponse(entry[0], headers=entry[1])
            else:
                response = view(request, *args, **kwargs)
                if key is None or not _same_for_every_visitor(request, response):
                    return response
                if CSRF_INPUT.search(response.content):
                    return response
                entry = (response.content, _stored_headers(response))
                caches["view_pages"].set(key, entry, settings.PORTAL_CACHE_SECONDS)
            add_cache_control(response, shared=True)
            patch_vary_headers(response, ["Cookie"])  # a professional's page differs
            return response

        return wrapper

    return decorator


def _view_cache_key(request, generation) -> str | None:
    if request.method != "GET" or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    query = request.META.get("QUERY_STRING", "")
    if len(query) > MAX_CACHED_QUERY_LENGTH:
        return None
    parameters = urlencode(sorted(request.GET.lists()), doseq=True)
    url = f"{request.scheme}://{request.get_host()}{request.path}?{parameters}"
    return _key("view", url, *_content_generations(), generation())
