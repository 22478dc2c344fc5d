"""The begrippenlijst: the first use of a term is explained in place; /begrippen/ lists every term."""

import re

import pytest

from portal.begrippen import Begrip, explain_terms

from .conftest import INFO_URL

pytestmark = pytest.mark.django_db

BEGRIPPEN = [
    {"term": "Wmo", "slug": "wmo", "uitleg": "De wet voor hulp thuis.", "variants": ["Wmo", "Wmo 2015"]},
    {"term": "pgb", "slug": "pgb", "uitleg": "Geld om zelf hulp in te kopen.", "variants": ["pgb", "pgb's"]},
]


def test_only_the_first_use_is_explained():
    html = explain_terms("<p>De Wmo helpt. De Wmo is een wet.</p>", BEGRIPPEN)
    assert html.count('class="begrip__term"') == 1
    assert html.startswith(
        '<p>De <span class="begrip"><a class="begrip__term" id="uitleg-wmo-woord" href="#uitleg-wmo"'
    )
    assert 'aria-describedby="uitleg-wmo-tekst"' in html
    assert '<span id="uitleg-wmo-tekst">De wet voor hulp thuis.</span>' in html
    assert '<a href="/begrippen/#wmo">Alle begrippen</a>' in html
    assert html.endswith("De Wmo is een wet.</p>")


def test_longest_variant_and_any_case_match():
    html = explain_terms("<p>Sinds de WMO 2015 is het zo.</p>", BEGRIPPEN)
    assert "<dfn>WMO 2015</dfn>" in html


def test_links_headings_and_summaries_stay_untouched():
    source = (
        '<h2>De Wmo</h2><a href="/x/">over de Wmo</a>'
        "<details><summary>Wat is een pgb?</summary><p>Een pgb is geld.</p></details>"
    )
    html = explain_terms(source, BEGRIPPEN)
    assert html.startswith(
        '<h2>De Wmo</h2><a href="/x/">over de Wmo</a><details><summary>Wat is een pgb?</summary>'
    )
    assert '<p>Een <span class="begrip">' in html
    assert "Wmo" not in html.split("</summary>", 1)[1] or "begrip__term" not in html.split("<details>", 1)[0]


def test_no_details_or_block_elements_inside_paragraphs():
    html = explain_terms("<p>Vraag een pgb aan.</p>", BEGRIPPEN)
    paragraph = re.search(r"<p>(.*)</p>", html).group(1)
    assert not re.search(r"<(details|div|p|section)\b", paragraph)


def test_words_inside_other_words_are_not_terms():
    assert explain_terms("<p>Wmo-loket en Wmoloket</p>", BEGRIPPEN) == "<p>Wmo-loket en Wmoloket</p>"


def test_page_explains_first_use_in_place(client, portal_site):
    html = client.get(INFO_URL).content.decode()
    assert html.count('href="#uitleg-wmo"') == 1
    assert html.count('href="#uitleg-eigen-bijdrage"') == 1
    # The Wmo is first used in a paragraph (not in the title), and the link to the melding stays a plain link.
    assert '<p>De hulp maakt uw huis schoon. Dat regelt de <span class="begrip">' in html
    assert '<a href="/melding/">melding</a>' in html


def test_begrippenlijst_lists_all_terms_alphabetically_with_anchors(client, portal_site):
    html = client.get("/begrippen/").content.decode()
    terms = re.findall(r"<dt><dfn>(.*?)</dfn></dt>", html)
    assert terms == ["eigen bijdrage", "melding", "Wmo"]
    assert 'id="wmo"' in html and 'id="eigen-bijdrage"' in html
    assert 'href="#letter-w"' in html


def test_changing_a_term_shows_at_once(client, portal_site):
    client.get(INFO_URL)  # the term list is now cached
    begrip = Begrip.objects.get(term="Wmo")
    begrip.uitleg = "Een nieuwe uitleg van de wet."
    begrip.save()
    assert "Een nieuwe uitleg van de wet." in client.get(INFO_URL).content.decode()
    assert "Een nieuwe uitleg van de wet." in client.get("/begrippen/").content.decode()


def test_term_list_is_cached(client, portal_site, django_assert_num_queries):
    client.get("/begrippen/")
    with django_assert_num_queries(0):
        from portal.begrippen import all_begrippen

        assert len(all_begrippen()) == 3
