"""The Content-Security-Policy on every answer: the site's policy, or the admin's under its path.

It sits before the page cache in MIDDLEWARE, so a page from the cache carries the same header as a freshly
rendered one (and so does X-Frame-Options, whose middleware sits beside it).
"""

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
        return parts
