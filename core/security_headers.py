"""The Content-Security-Policy on every answer: the site's policy, or the admin's under its path.

It sits before the page cache in MIDDLEWARE, so a page from the cache carries the same header as a freshly
rendered one (and so does X-Frame-Options, whose middleware sits beside it).

Wagtail renders a page's preview by sending a request for the page's own URL through the middleware (marked
`is_dummy`), and shows the answer in a frame of the editor: that answer keeps the site's policy, but may be
framed by the admin.
"""

from csp.constants import SELF
from csp.middleware import CSPMiddleware
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin = getattr(settings, "ADMIN_CONTENT_SECURITY_POLICY", None)
        if (
            admin
            and not report_only
            and parts.config is None
            and request.path_info.startswith(admin["PATH_PREFIX"])
        ):
            parts.config = admin["DIRECTIVES"]
        if getattr(request, "is_dummy", False) and parts.replace is None:
            parts.replace = {"frame-ancestors": [SELF]}
        return parts
