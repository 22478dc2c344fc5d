"""Every answer carries the same security headers, whether freshly rendered or from a cache."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
)
PAGES = {
    "home": "/",
    "theme": "/hulp-voor-mezelf/",
    "information": "/hulp-voor-mezelf/hulp-bij-het-huishouden/",
    "plain page": "/privacy/",
    "kaart search": "/sociale-kaart/?q=hulp",
    "begrippen": "/begrippen/",
    "site search": "/zoeken/?q=hulp",
}


def _security_headers(response):
    return {name: response.get(name) for name in SECURITY_HEADERS}


@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_a_page_from_the_cache_has_the_same_security_headers_as_a_fresh_one(portal_site, url):
    fresh = Client().get(url)
    assert fresh.status_code == 200
    expected = _security_headers(fresh)
    assert all(expected.values()), expected
    assert "frame-ancestors 'none'" in expected["Content-Security-Policy"]
    for _ in range(2):  # the second and third visitor get the stored page
        again = Client().get(url)
        assert again.status_code == 200
        assert _security_headers(again) == expected


def test_the_admin_has_a_content_security_policy(editor_client):
    response = editor_client.get("/admin/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "object-src 'none'" in policy
    assert "'unsafe-eval'" not in policy


INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"(?:application/json|text/template)\")[^>]*>"
)


def test_the_admin_pages_run_no_inline_script_the_policy_would_block(editor_client, portal_site):
    """Wagtail's date choosers and inline panels start from data attributes (core/templates/wagtailadmin)."""
    for url in ("/admin/pages/", f"/admin/pages/{portal_site.pk}/edit/", "/admin/users/"):
        html = editor_client.get(url).content.decode()
        assert not INLINE_SCRIPT.findall(html), url
        assert "js/admin_init.js" in html
