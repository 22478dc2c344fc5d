"""Keeps a provider's login out of the admin pages that show other people's work.

Wagtail's "Site history" report lists every edit of every model the user may change, so a provider would
see who at other organisations changed what. Wagtail already hides it from the menu of users without pages
to explore; this refuses the address itself to a provider. A provider's own history is on each record.
"""

from django.core.exceptions import PermissionDenied

from . import permissions


class AanbiederScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            match is not None
            and match.view_name in permissions.AANBIEDER_BLOCKED_URL_NAMES
            and permissions.is_aanbieder(getattr(request, "user", None))
        ):
            raise PermissionDenied
        return None
