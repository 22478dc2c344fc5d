from django import template
from django.utils.translation import gettext as _

register = template.Library()

# The fixed parts of the site; Wagtail pages marked "show in menus" come first.
FIXED_MENU = [
    ("/sociale-kaart/", "Sociale kaart"),
    ("/melding/", "Melding doen"),
]


@register.simple_tag(takes_context=True)
def main_menu_items(context):
    """The main navigation: top-level pages shown in menus, then the sociale kaart and the melding."""
    request = context.get("request")
    path = request.path if request else ""
    items = []
    site_root = _site_root(request)
    if site_root is not None:
        for page in site_root.get_children().live().in_menu().specific(defer=True).only("title", "url_path"):
            items.append({"url": page.get_url(request=request), "title": page.title})
    items += [{"url": url, "title": _(title)} for url, title in FIXED_MENU]
    for item in items:
        item["active"] = bool(item["url"]) and item["url"] != "/" and path.startswith(item["url"])
    return items


def _site_root(request):
    if request is None:
        return None
    from wagtail.models import Site

    site = Site.find_for_request(request)
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current GET query with some parameters replaced, for links that keep the user's filters."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.simple_tag
def elided_pages(page_obj):
    """Page numbers around the current one, with ellipses (None) for the rest."""
    return [
        None if number == page_obj.paginator.ELLIPSIS else number
        for number in page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]
