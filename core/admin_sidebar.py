"""Wagtail's admin template tags, with the sidebar drawn once a minute per login instead of on every page.

Wagtail builds the sidebar (its menu and search) anew for every admin page: it asks every menu item and every
search area whether this user may see it, which costs page, collection and organisation queries and a third
of the CPU of a backoffice page without a list. What the sidebar shows depends on the user alone, so it is
kept in the cache under the login's session and everything its permissions are made of that the request
already knows: a change of name or model permissions shows at once, one of page or collection permissions
within SIDEBAR_SECONDS or at the next login. Every view still checks access itself; the sidebar only offers
links.

Loaded in place of `wagtailadmin_tags` through the template engine's `libraries` (config/settings/base.py).
"""

import hashlib

from django import template
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.admin.templatetags import wagtailadmin_tags

SIDEBAR_SECONDS = 60

register = template.Library()
register.tags.update(wagtailadmin_tags.register.tags)
register.filters.update(wagtailadmin_tags.register.filters)


@register.simple_tag(takes_context=True)
def sidebar_props(context):
    request = context["request"]
    key = _sidebar_key(request)
    html = cache.get(key) if key else None
    if html is None:
        html = wagtailadmin_tags.sidebar_props(context)
        if key:
            cache.set(key, html, SIDEBAR_SECONDS)
    return html


def _sidebar_key(request) -> str | None:
    session_key = getattr(getattr(request, "session", None), "session_key", None)
    user = request.user
    if not session_key or not user.is_authenticated:
        return None
    made_of = repr(
        (
            get_language(),
            user.pk,
            user.get_username(),
            user.get_full_name(),
            user.is_superuser,
            sorted(user.get_all_permissions()),
        )
    )
    return f"admin-sidebar:{session_key}:{hashlib.sha256(made_of.encode()).hexdigest()}"
