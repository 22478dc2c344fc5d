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


def test_the_explanation_waits_for_the_end_of_the_sentence():
    """Opened, the explanation is a block of its own: in the middle of a sentence it would leave
    ". Dat is geld ..." on a line of its own."""
    html = explain_terms("<p>U kunt een pgb krijgen. Dat is geld om hulp te kopen.</p>", BEGRIPPEN)
    before, explanation, after = re.split(r'(<span class="begrip__uitleg".*?Sluit uitleg</a></span>)', html)
    assert before.endswith("<dfn>pgb</dfn></a></span> krijgen.")
    assert "Geld om zelf hulp in te kopen." in explanation
    assert after == " Dat is geld om hulp te kopen.</p>"


def test_without_an_end_of_sentence_the_explanation_closes_the_paragraph_or_list_item():
    html = explain_terms(
        "<ul><li>Een pgb <strong>of zorg</strong> in natura</li><li>De Wmo</li></ul>", BEGRIPPEN
    )
    first, second = re.findall(r"<li>(.*?)</li>", html)
    assert first.startswith("Een <span") and first.endswith("Sluit uitleg</a></span>")
    assert "<strong>of zorg</strong> in natura<span" in first
    assert second.startswith("De <span") and second.endswith("Sluit uitleg</a></span>")
    assert "uitleg-pgb" in first and "uitleg-wmo" not in first


def test_a_full_stop_inside_a_link_does_not_end_the_sentence_early():
    html = explain_terms('<p>Vraag een pgb aan bij <a href="/x/">het loket.</a></p>', BEGRIPPEN)
    assert html.endswith(
        '<a href="/x/">het loket.</a><span class="begrip__uitleg" id="uitleg-pgb">'
        '<span id="uitleg-pgb-tekst">Geld om zelf hulp in te kopen.</span> '
        '<a href="/begrippen/#pgb">Alle begrippen</a> '
        '<a class="begrip__sluit" href="#uitleg-pgb-woord">Sluit uitleg</a></span></p>'
    )


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
