from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.models import Site

register = template.Library()

# The fixed parts of the site; Wagtail pages marked "show in menus" come first.
FIXED_MENU = [
    ("/sociale-kaart/", "Sociale kaart"),
    ("/melding/", "Melding doen"),
]


@register.simple_tag(takes_context=True)
def information_page_url(context, slug: str, search: str) -> str:
    """The live information page with this slug, for a link from another part of the site (the complaint form
    to bezwaar); the site search for `search` where the editors named the page otherwise or took it away."""
    from portal.models import InformatiePagina

    page = InformatiePagina.objects.live().filter(slug=slug).first()
    if page is not None:
        return page.get_url(request=context.get("request"))
    return f"{reverse('portal_search')}?{urlencode({'q': search})}"


@register.simple_tag(takes_context=True)
def main_menu_items(context) -> tuple:
    """The main navigation: top-level pages shown in menus, then the sociale kaart and the melding, each as
    (url, title, whether the visitor is in that section); a tuple, so the header can be kept per menu."""
    request = context.get("request")
    path = request.path if request else ""
    items = [(page["url"], page["title"]) for page in _menu_pages(request)]
    items += [(url, _(title)) for url, title in FIXED_MENU]
    return tuple((url, title, bool(url) and url != "/" and path.startswith(url)) for url, title in items)


def _menu_pages(request) -> list[dict]:
    """The site's top-level pages in the menu; cached until a page is published, moved or removed."""
    if request is None:
        return []
    from portal.models import pages_generation

    # Keyed by host, so a cached menu costs no query at all (saving a Site changes the generation too).
    key = f"portal:menu:{request.get_host()}:{pages_generation()}"
    pages = cache.get(key)
    if pages is None:
        site = Site.find_for_request(request)
        pages = [] if site is None else _top_level_pages(site, request)
        cache.set(key, pages, settings.PORTAL_CACHE_SECONDS)
    return pages


def _top_level_pages(site, request) -> list[dict]:
    # Base pages only: `.specific(defer=True)` with `.only()` would load each deferred field one by one.
    children = site.root_page.get_children().live().in_menu().only("title", "url_path", "path", "depth")
    return [{"url": page.get_url(request=request), "title": page.title} for page in children]


@register.filter
def can_search_pages(user) -> bool:
    """The admin dashboard's page search (templates/wagtailadmin/home.html): for those who work on pages."""
    return user_has_any_page_permission(user)
