"""The municipality's identity: its name, logo, favicon and a theme of design tokens it can replace."""

import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

STYLESHEETS = settings.BASE_DIR / "static" / "css"


def test_every_page_links_the_favicon_the_theme_before_the_site_css_and_shows_the_logo(client):
    html = client.get("/melding/").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    assert html.index('href="/static/css/tokens.css"') < html.index('href="/static/css/site.css"')
    assert '<img class="site-header__logo-image" src="/static/img/logo.svg" alt=""' in html
    assert "Gemeente Lindewaard" in html.split("</header>")[0]


def test_a_municipality_sets_its_own_logo_and_theme(client, settings):
    settings.MUNICIPALITY_NAME = "Gemeente Voorbeeld"
    settings.MUNICIPALITY_LOGO = "https://huisstijl.voorbeeld.example/logo.svg"
    settings.MUNICIPALITY_THEME_CSS = "css/voorbeeld-tokens.css"
    header = client.get("/melding/").content.decode().split("</header>")[0]
    assert 'src="https://huisstijl.voorbeeld.example/logo.svg"' in header
    assert 'href="/static/css/voorbeeld-tokens.css"' in header and 'tokens.css"' not in header.replace(
        "voorbeeld-tokens.css", ""
    )
    assert "Gemeente Voorbeeld" in header


def test_without_a_logo_the_header_shows_the_name_alone(client, settings):
    settings.MUNICIPALITY_LOGO = ""
    header = client.get("/melding/").content.decode().split("</header>")[0]
    assert "<img" not in header and "Gemeente Lindewaard" in header


def test_an_outside_logo_or_theme_is_allowed_by_the_content_security_policy():
    from config.settings.base import _origin

    assert _origin("https://huisstijl.voorbeeld.example/img/logo.svg") == [
        "https://huisstijl.voorbeeld.example"
    ]
    assert _origin("img/logo.svg") == []


@pytest.mark.parametrize("name", ["site.css", "portal.css"])
def test_the_site_css_takes_its_colours_from_the_theme(name):
    """Colours live in tokens.css only, so replacing that one file restyles the site (paper excepted)."""
    css = (STYLESHEETS / name).read_text().split("@media print", 1)[0]
    assert re.findall(r"#[0-9a-fA-F]{3,6}\b", css) == []


def test_the_theme_defines_every_token_the_site_css_uses():
    tokens = set(re.findall(r"(--[\w-]+):", (STYLESHEETS / "tokens.css").read_text()))
    used = {
        name
        for sheet in ("site.css", "portal.css", "melding.css", "kaart.css")
        for name in re.findall(r"var\((--[\w-]+)", (STYLESHEETS / sheet).read_text())
    }
    assert used - tokens == set()
