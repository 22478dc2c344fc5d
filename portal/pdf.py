"""An information page as an A4 folder (PDF), for residents who want the information on paper.

WeasyPrint takes about a second per page, so each PDF is kept in the cache per page revision:
publishing a change makes a new one.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone

from portal.begrippen import begrippen_generation

PDF_CACHE_SECONDS = 60 * 60 * 24
# WeasyPrint reports every rendering step at INFO level; only its warnings matter here.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def cache_key(page) -> str:
    revision = page.live_revision_id or page.latest_revision_id or 0
    return f"portal:pdf:{page.pk}:{revision}:{begrippen_generation()}"


def page_pdf(page, request) -> bytes:
    key = cache_key(page)
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_pdf(page, request)
        cache.set(key, pdf, PDF_CACHE_SECONDS)
    return pdf


def render_pdf(page, request) -> bytes:
    from weasyprint import CSS, HTML

    context = {
        "page": page,
        "date": timezone.localdate(),
        "page_url": request.build_absolute_uri(page.url) if page.url else settings.SITE_URL,
        "municipality": {
            "name": settings.MUNICIPALITY_NAME,
            "phone": settings.MUNICIPALITY_PHONE,
            "email": settings.MUNICIPALITY_EMAIL,
        },
    }
    html = render_to_string("portal/pdf/folder.html", context, request=request)
    stylesheet = CSS(string=render_to_string("portal/pdf/folder.css", context))
    # base_url lets relative links resolve; nothing is fetched over the network (no images or fonts).
    document = HTML(string=html, base_url=settings.SITE_URL, url_fetcher=_no_fetching)
    return document.write_pdf(stylesheets=[stylesheet])


def _no_fetching(url, *args, **kwargs):
    raise ValueError(f"not fetched: {url}")
