"""An information page as an A4 folder (PDF), for residents who want the information on paper.

WeasyPrint takes about a second per page, so each PDF is kept in the cache per page revision:
publishing a change makes a new one.
"""

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone

from core.context_processors import municipality_contact
from core.pdf import html_to_pdf
from portal.begrippen import begrippen_generation

PDF_CACHE_SECONDS = 60 * 60 * 24
# Part of the cache key: a change in how folders are printed makes new ones at once.
PDF_FORMAT = "ua1"


def cache_key(page) -> str:
    revision = page.live_revision_id or page.latest_revision_id or 0
    return f"portal:pdf:{PDF_FORMAT}:{page.pk}:{revision}:{begrippen_generation()}"


def page_pdf(page, request) -> bytes:
    key = cache_key(page)
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_pdf(page, request)
        cache.set(key, pdf, PDF_CACHE_SECONDS)
    return pdf


def render_pdf(page, request) -> bytes:
    context = {
        "page": page,
        "date": timezone.localdate(),
        "page_url": request.build_absolute_uri(page.url) if page.url else settings.SITE_URL,
        "municipality": municipality_contact(),
    }
    html = render_to_string("portal/pdf/folder.html", context, request=request)
    stylesheet = render_to_string("portal/pdf/folder.css", context)
    # base_url lets relative links resolve; nothing is fetched over the network (no images or fonts).
    return html_to_pdf(html, stylesheets=[stylesheet], base_url=settings.SITE_URL)
