"""The header and footer of every public page: each variant is drawn once per process, so a page must still
show its own: the menu item of where the visitor is, the words searched for, the municipality's details."""

import pytest

pytestmark = pytest.mark.django_db


def _header(client, path: str) -> str:
    return client.get(path).content.decode().split("</header>")[0]


def test_the_menu_marks_the_section_of_each_page_in_turn(client):
    for _round in range(2):
        kaart = _header(client, "/sociale-kaart/")
        melding = _header(client, "/melding/")
        assert '<a href="/sociale-kaart/" aria-current="page">' in kaart
        assert '<a href="/melding/">Melding doen</a>' in kaart
        assert '<a href="/melding/" aria-current="page">' in melding
        assert '<a href="/sociale-kaart/">Sociale kaart</a>' in melding


def test_the_search_field_holds_the_words_searched_for_and_only_there(client):
    searched = _header(client, "/zoeken/?q=traplift+%22boven%22")
    assert 'name="q" type="search" value="traplift &quot;boven&quot;"' in searched
    assert 'name="q" type="search" value=""' in _header(client, "/zoeken/")
    assert 'name="q" type="search" value=""' in _header(client, "/melding/")


def test_a_new_page_in_the_menu_shows_on_the_next_visit(client, portal_site):
    from portal.models import ThemaPagina

    assert "Nieuw thema" not in _header(client, "/melding/")
    home = portal_site.get_parent().get_parent()
    theme = home.add_child(instance=ThemaPagina(title="Nieuw thema", slug="nieuw-thema", show_in_menus=True))
    theme.save_revision().publish()
    assert '<a href="/nieuw-thema/">Nieuw thema</a>' in _header(client, "/melding/")


def test_the_footer_follows_the_municipality_s_details(client, settings):
    footer = client.get("/melding/").content.decode().split('<footer class="site-footer">')[1]
    assert f">{settings.MUNICIPALITY_PHONE}</a>" in footer
    settings.MUNICIPALITY_PHONE = "0123 45 67 89"
    settings.MUNICIPALITY_EMAIL = "wmo@voorbeeld.example"
    footer = client.get("/melding/").content.decode().split('<footer class="site-footer">')[1]
    assert '<a href="tel:0123456789">0123 45 67 89</a>' in footer
    assert '<a href="mailto:wmo@voorbeeld.example">wmo@voorbeeld.example</a>' in footer


def test_the_error_page_goes_without_the_menu_and_the_search():
    from portal.views import server_error

    html = server_error(None).content.decode()
    assert 'class="site-header__name"' in html and "Hoofdmenu" not in html and 'name="q"' not in html
    assert '<footer class="site-footer">' in html
