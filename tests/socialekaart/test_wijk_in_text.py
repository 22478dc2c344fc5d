"""A wijk named in the search words is searched as the wijk filter, which keeps the help for the whole
gemeente; a voorziening's name stays a name."""

import re
from html import unescape

import pytest

from socialekaart.search import get_backend
from socialekaart.views.wijk_in_text import wijk_in_text

SEARCH = "/sociale-kaart/"
WIJKEN = [("centrum", "Centrum"), ("oude-haven", "Oude Haven"), ("lindehof", "Lindehof")]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("schuldhulp Lindehof", ("schuldhulp", "lindehof")),
        ("mantelzorger overbelast oude haven.", ("mantelzorger overbelast", "oude-haven")),
        ("eenzame oudere in de wijk Lindehof", ("eenzame oudere", "lindehof")),
        ("in wijk Centrum iemand om mee te praten", ("iemand om mee te praten", "centrum")),
        ("Lindehof", ("", "lindehof")),
        # A review: what only says where stayed in the words ("resultaten voor 'eenzaam in mijn'").
        ("eenzaam in mijn wijk Lindehof", ("eenzaam", "lindehof")),
        ("schuldhulp in de Lindehof", ("schuldhulp", "lindehof")),
        ("centrum voor jeugd en gezin", None),  # a name of its own, not the wijk
        ("oude havenkraan", None),
        ("schuldhulp", None),
    ],
)
def test_a_wijk_is_read_at_the_end_of_the_words_or_after_in_or_wijk(typed, found):
    assert wijk_in_text(typed, WIJKEN) == found


@pytest.mark.django_db
def test_a_wijk_named_in_the_words_searches_the_help_that_serves_it(client, kaart):
    """A walk: "schuldhulp Lindehof" found only what has Lindehof in its text, never the help for the whole
    gemeente, which the wijk filter does show."""
    get_backend().rebuild()
    response = client.get(SEARCH, {"q": "woning in Centrum"})
    assert response.status_code == 302
    assert response["Location"] == "/sociale-kaart/?q=woning&wijk=centrum#resultaten"
    page = unescape(client.get(response["Location"]).content.decode())
    assert "Schoonmaakhulp aan huis" in page  # the whole gemeente's, placed in De Beemden
    heading = re.search(r'id="resultaten"[^>]*>(.*?)</h2>', page, re.S).group(1)
    assert heading == "1 resultaat voor 'woning' in Centrum"


@pytest.mark.django_db
def test_a_chosen_wijk_or_a_voorzienings_name_keeps_the_words_as_typed(client, kaart):
    get_backend().rebuild()
    assert client.get(SEARCH, {"q": "Jongerenwerk Oude Haven"}).status_code == 200
    # A review: part of a name is no name ("hulp in Lindehof" is in "Hulp bij het huishouden Lindehof").
    assert client.get(SEARCH, {"q": "Oude Haven"})["Location"] == "/sociale-kaart/?wijk=oude-haven#resultaten"
    assert client.get(SEARCH, {"q": "jongerenwerk Oude Haven"}).status_code == 200
    assert client.get(SEARCH, {"q": "schoonmaken Centrum", "wijk": "oude-haven"}).status_code == 200


@pytest.mark.django_db
def test_the_site_search_counts_what_the_kaart_lists_for_words_with_a_wijk(kaart):
    """A walk: the site search said "2 resultaten" for "mantelzorg De Beemden", and its link to the kaart
    listed 11 (the kaart searched the wijk as its filter, the count as a word)."""
    from socialekaart.public import found_by_link

    get_backend().rebuild()
    as_typed = found_by_link("q=praten+in+Oude+Haven", every_word=False)
    assert as_typed == found_by_link("q=praten&wijk=oude-haven") == 2  # Jongerenwerk, the café in the wijk
