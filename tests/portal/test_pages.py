"""The portal's pages as a reader meets them: home, theme overview, information page, plain pages."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from .conftest import INFO_URL, load_sample

pytestmark = pytest.mark.django_db

STATIC = Path(settings.BASE_DIR) / "static"


def test_home_page_is_organised_around_what_people_come_for(client, portal_site):
    html = client.get("/").content.decode()
    assert '<a href="/hulp-voor-mezelf/">Ik zoek hulp voor mezelf</a>' in html
    assert '<a href="/ik-zorg-voor-iemand/">Ik zorg voor iemand</a>' in html
    assert '<a href="/melding/">Melding doen</a>' in html
    # Who made a melding finds its status on the home page, not only in the footer at the bottom.
    assert 'Hebt u al een melding gedaan? <a href="/melding/status/">Kijk waar uw melding staat</a>.' in html
    assert '<a href="/sociale-kaart/">Sociale kaart</a>' in html
    assert 'action="/zoeken/"' in html and 'id="home-search-q"' in html
    # The top pages of a theme are listed under it.
    assert f'<a href="{INFO_URL}">Hulp bij het huishouden</a>' in html


def test_theme_overview_lists_its_pages_with_intro(client, portal_site):
    html = client.get("/hulp-voor-mezelf/").content.decode()
    assert f'<a href="{INFO_URL}">Hulp bij het huishouden</a>' in html
    assert "Lukt het schoonmaken niet meer?" in html


def test_themes_are_in_the_main_menu(client, portal_site):
    html = client.get(INFO_URL).content.decode()
    nav = html.split('aria-label="Hoofdmenu"', 1)[1].split("</nav>", 1)[0]
    assert (
        nav.index("Ik zoek hulp voor mezelf") < nav.index("Ik zorg voor iemand") < nav.index("Sociale kaart")
    )
    assert 'href="/hulp-voor-mezelf/" aria-current="page"' in nav


def test_information_page_renders_every_block(client, portal_site):
    response = client.get(INFO_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Hulp bij het huishouden</h1>" in html
    assert '<div class="note note--tip"><h2 class="note__title">Goed om te weten</h2>' in html
    assert re.search(r'<ol class="steps">\s*<li><h3 class="steps__title">U doet een ', html)
    assert '<details class="faq"><summary>Wat kost het?</summary>' in html
    assert f'href="tel:{settings.MUNICIPALITY_PHONE.replace(" ", "")}"' in html
    assert f'href="mailto:{settings.MUNICIPALITY_EMAIL}"' in html
    assert '<a href="/sociale-kaart/?thema=huishouden&amp;doelgroep=ouderen">Zoek schoonmaakhulp' in html
    assert '<a class="button" href="/melding/">Melding doen</a>' in html


def test_the_melding_button_offers_the_phone_beside_it(client, portal_site):
    """For whom a form on a screen is hard: the number is next to the button, not only in the footer."""
    html = client.get(INFO_URL).content.decode()
    cta = html.split('<div class="cta">', 1)[1].split("</div>", 1)[0]
    phone = settings.MUNICIPALITY_PHONE
    assert f'Liever bellen? Bel het Wmo-loket: <a href="tel:{phone.replace(" ", "")}">{phone}</a>.' in cta


def test_breadcrumbs_lead_home(client, portal_site):
    html = client.get(INFO_URL).content.decode()
    crumbs = html.split('aria-label="Kruimelpad"', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/">Home</a>' in crumbs
    assert '<a href="/hulp-voor-mezelf/">Ik zoek hulp voor mezelf</a>' in crumbs
    assert '<span aria-current="page">Hulp bij het huishouden</span>' in crumbs


def test_a_page_outside_the_site_tree_has_no_breadcrumbs(portal_site, rf, settings):
    from wagtail.models import Site

    from portal.models import GewonePagina

    settings.ALLOWED_HOSTS = ["ander.example"]
    Site.objects.create(hostname="ander.example", port=80, root_page=GewonePagina.objects.get(slug="privacy"))
    assert portal_site.breadcrumbs(rf.get("/", HTTP_HOST="ander.example")) == []


def test_plain_pages_are_where_the_footer_links(client, portal_site):
    """Each footer link says the title of the page it opens ("Toegankelijkheidsverklaring" opened a page
    called "Toegankelijkheid")."""
    for url, title in [("/privacy/", "Privacy"), ("/toegankelijkheid/", "Toegankelijkheid")]:
        html = client.get(url).content.decode()
        assert f"<h1>{title}</h1>" in html
        assert f'<li><a href="{url}">{title}</a></li>' in html


def test_taalcheck_text_is_plain_text_of_everything_a_reader_meets(portal_site):
    text = portal_site.taalcheck_text()
    lines = text.splitlines()
    assert lines[0] == "Hulp bij het huishouden"
    assert lines[1].startswith("Lukt het schoonmaken niet meer?")
    for expected in [
        "Wat doet de hulp?",
        "Goed om te weten",
        "U doet een melding",
        "Wat kost het?",
        "Zoek schoonmaakhulp in uw buurt",
        "Wilt u deze hulp? Doe dan een melding.",
    ]:
        assert expected in lines
    assert "<" not in text


def test_every_page_type_has_taalcheck_text(portal_site):
    from portal.models import GewonePagina, HomePage, ThemaPagina

    assert HomePage.objects.get().taalcheck_text().startswith("Hulp en zorg in Lindewaard\nHier leest u")
    assert "Hulp voor uzelf." in ThemaPagina.objects.get(slug="hulp-voor-mezelf").taalcheck_text()
    assert "zorgvuldig" in GewonePagina.objects.get(slug="privacy").taalcheck_text()


def test_page_tree_rules(portal_site):
    from portal.models import GewonePagina, HomePage, InformatiePagina, ThemaPagina

    assert InformatiePagina in ThemaPagina.allowed_subpage_models()
    assert set(InformatiePagina.allowed_parent_page_models()) == {HomePage, ThemaPagina}
    assert InformatiePagina.allowed_subpage_models() == []
    assert HomePage in GewonePagina.allowed_parent_page_models()
    assert ThemaPagina.allowed_parent_page_models() == [HomePage]


def _add_pages(count):
    from portal.management.commands.load_demo_pages import DemoLoader

    from .conftest import HUISHOUDEN, SAMPLE_BEGRIPPEN, SAMPLE_CONTENT

    pages = [{**HUISHOUDEN, "slug": f"extra-{n}", "title": f"Extra pagina {n}"} for n in range(count)]
    themes = [{**SAMPLE_CONTENT.THEMES[0], "pages": [HUISHOUDEN, *pages]}, SAMPLE_CONTENT.THEMES[1]]
    content = type(SAMPLE_CONTENT)(**{**vars(SAMPLE_CONTENT), "THEMES": themes})
    DemoLoader().load(content, SAMPLE_BEGRIPPEN)


@pytest.mark.parametrize("url", ["/", "/hulp-voor-mezelf/", INFO_URL, "/privacy/", "/begrippen/"])
def test_fixed_number_of_queries_whatever_the_data_size(
    client, portal_site, url, django_assert_max_num_queries
):
    client.get(url)  # warm the caches (site root paths, begrippen)
    with django_assert_max_num_queries(14) as captured:
        assert client.get(url).status_code == 200
    few = len(captured)
    _add_pages(12)
    client.get(url)
    with django_assert_max_num_queries(few) as captured:
        assert client.get(url).status_code == 200


def test_information_page_is_small_and_needs_no_javascript(client, portal_site):
    html = client.get(INFO_URL).content
    css = [STATIC / "css" / name.decode() for name in re.findall(rb'href="/static/css/([\w.-]+\.css)"', html)]
    assert {path.name for path in css} == {"tokens.css", "site.css", "print.css", "portal.css"}
    total = len(html) + sum(path.stat().st_size for path in css)
    assert total < 60 * 1024, f"{total} bytes of HTML and CSS"
    # The only scripts are optional enhancements (Escape closes the menu; the begrippen), loaded with defer;
    # no inline script.
    assert re.findall(rb"<script[^>]*>", html) == [
        b'<script src="/static/js/site.js" defer>',
        b'<script src="/static/js/portal.js" defer>',
    ]


def test_load_sample_twice_changes_nothing(portal_site):
    from wagtail.models import Revision

    revisions = Revision.objects.count()
    loader = load_sample()
    assert loader.created == loader.updated == 0
    assert Revision.objects.count() == revisions


def test_cached_menu_breadcrumbs_and_content_follow_publishing(client, portal_site):
    from portal.models import HomePage, ThemaPagina

    client.get(INFO_URL)
    client.get("/")  # menu, breadcrumbs, home tiles and content are cached now
    theme = ThemaPagina.objects.get(slug="hulp-voor-mezelf")
    theme.title = "Hulp voor uzelf"
    theme.save_revision().publish()
    portal_site.intro = "Een nieuwe inleiding."
    portal_site.save_revision().publish()
    html = client.get(INFO_URL).content.decode()
    assert '<a href="/hulp-voor-mezelf/">Hulp voor uzelf</a>' in html.split('aria-label="Kruimelpad"', 1)[1]
    assert '<a href="/hulp-voor-mezelf/">Hulp voor uzelf</a>' in html.split('aria-label="Hoofdmenu"', 1)[1]
    assert "Een nieuwe inleiding." in html
    assert '<a href="/hulp-voor-mezelf/">Hulp voor uzelf</a>' in client.get("/").content.decode()
    new_theme = HomePage.objects.get().add_child(
        instance=ThemaPagina(title="Nieuw thema", slug="nieuw", show_in_menus=True)
    )
    new_theme.save_revision().publish()
    assert '<a href="/nieuw/">Nieuw thema</a>' in client.get(INFO_URL).content.decode()


def test_preview_is_never_served_from_the_cache(client, portal_site):
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    client.get(INFO_URL)
    portal_site.intro = "Nog niet gepubliceerd."
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    request.is_preview = True
    response = portal_site.serve_preview(request, "")
    response.render()
    assert "Nog niet gepubliceerd." in response.content.decode()
    assert "Nog niet gepubliceerd." not in client.get(INFO_URL).content.decode()
