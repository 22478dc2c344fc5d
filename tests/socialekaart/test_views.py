"""The sociale kaart's pages as a resident and a professional meet them: search, detail, suggestions."""

import dataclasses
import json
import re
from datetime import time, timedelta
from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import vocabulary
from socialekaart.models import Synoniemgroep, Voorziening
from socialekaart.search import FacetOption, SearchResults, SearchUnavailable, get_backend

from .factories import (
    CapaciteitFactory,
    ContactFactory,
    LocatieFactory,
    OpeningstijdFactory,
    UserFactory,
    VoorzieningFactory,
    VoorzieningOpLocatieFactory,
)

SEARCH = "/sociale-kaart/"


@pytest.fixture
def indexed(kaart):
    get_backend().rebuild()
    return kaart


@pytest.fixture
def professional(db):
    group, _created = Group.objects.get_or_create(name="Professionals")
    user = UserFactory(username="consulent")
    user.groups.add(group)
    return user


def html(response) -> str:
    return response.content.decode()


class FakeBackend:
    """Answers like a backend would, to test how the page shows what a real one rarely gives."""

    def __init__(self, results=None, error=None):
        self.results, self.error, self.queries = results, error, []

    def search(self, query):
        self.queries.append(query)
        if self.error:
            raise self.error
        return self.results

    def autocomplete(self, prefix, limit=8):
        if self.error:
            raise self.error
        return ["schoonmaakhulp", "schoonmaken"][:limit]


def use_backend(monkeypatch, backend):
    for module in ("socialekaart.views.search_page", "socialekaart.views.exports"):
        monkeypatch.setattr(f"{module}.get_backend", lambda name=None: backend)


# --- the search page ---------------------------------------------------------------------------------


def test_search_page_lists_results_with_what_a_resident_needs(client, indexed):
    response = client.get(SEARCH, {"thema": "huishouden"})
    assert response.status_code == 200
    page = html(response)
    # The link carries the search, for "Terug naar de resultaten".
    assert (
        '<a href="/sociale-kaart/hulp-in-de-huishouding/?terug=thema%3Dhuishouden">Hulp in de huishouding</a>'
        in page
    )
    assert "Zorg Lindewaard" in page
    assert "Iemand komt bij u thuis schoonmaken." in page
    assert "Na een melding, als de gemeente ja zegt" in page and "Eigen bijdrage" in page
    assert "Hele gemeente" in page  # the schoonmaakhulp covers every wijk
    assert "2 resultaten" in page
    assert "Mantelzorgcafé" not in page
    assert "Huishoudelijke hulp Oud" not in page  # gestopt


def test_a_result_given_in_more_than_dutch_names_its_languages(client, kaart):
    """A walk: a daughter looked for help in Turkish for her father; only the detail pages said which did."""
    Voorziening.objects.filter(name="Hulp in de huishouding").update(talen=["nl", "tr", "ar"])
    get_backend().rebuild()
    results = BeautifulSoup(html(client.get(SEARCH, {"thema": "huishouden"})), "html.parser")
    languages = {
        result.h3.a.get_text(): [div.get_text(" ", strip=True) for div in result.select("dl div")][-1]
        for result in results.select(".kaart-result")
    }
    assert len(languages) == 2  # both results of the search
    assert [fact for fact in languages.values() if fact.startswith("Talen")] == [
        "Talen Nederlands, Turks, Arabisch"
    ]
    assert languages["Hulp in de huishouding"] == "Talen Nederlands, Turks, Arabisch"


def test_result_shows_cost_access_wijken_status_and_first_location_like_the_detail_page(
    client, kaart, settings
):
    settings.MAP_TILE_URL = "http://127.0.0.1:9/{z}/{x}/{y}.png"
    voorziening = VoorzieningFactory(
        name="Pottenbakken",
        summary="Samen klei bewerken.",
        kosten=Voorziening.Kosten.BEDRAG,
        kosten_bedrag="12.50",
        toegang=Voorziening.Toegang.VERWIJZING,
        status=Voorziening.Status.TIJDELIJK_GESLOTEN,
        wijken=[kaart.haven, kaart.beemden],
    )
    for name, latitude in (("Zaal B", 52.2), ("Atelier A", 52.1), ("Aaa zonder plek", None)):
        locatie = LocatieFactory(
            organisatie=voorziening.organisatie, name=name, latitude=latitude, longitude=5.1
        )
        VoorzieningOpLocatieFactory(voorziening=voorziening, locatie=locatie)
    get_backend().rebuild()
    page = html(client.get(SEARCH, {"q": "pottenbakken"}))
    assert f'<a href="/sociale-kaart/{voorziening.slug}/?terug=q%3Dpottenbakken">Pottenbakken</a>' in page
    assert f'<p class="kaart-result__org">{voorziening.organisatie.name}</p>' in page
    assert '<span class="tag tag--warning">Tijdelijk gesloten</span>' in page
    assert "<dd>De Beemden, Oude Haven</dd>" in page  # by name, as on the detail page
    assert "<dd>Na verwijzing</dd>" in page and "<dd>€ 12,50</dd>" in page
    assert '"name": "Pottenbakken", "lat": 52.1, "lon": 5.1' in page  # the first place by name with a spot


@pytest.mark.parametrize(
    "toelichting, card, wat_kost_het",
    [
        (
            "U betaalt € 0,30 per kilometer.",
            "U betaalt € 0,30 per kilometer.",
            "U betaalt € 0,30 per kilometer.",
        ),
        ("Per rit.", "€ 0,30", "€ 0,30. Per rit."),
        ("", "€ 0,30", "€ 0,30"),
    ],
)
def test_an_amount_is_shown_with_what_it_is_for_when_its_explanation_says_so(
    client, kaart, toelichting, card, wat_kost_het
):
    voorziening = VoorzieningFactory(
        name="Vrijwillige chauffeurs",
        kosten=Voorziening.Kosten.BEDRAG,
        kosten_bedrag="0.30",
        kosten_toelichting=toelichting,
        hele_gemeente=True,
    )
    get_backend().rebuild()
    assert f"<dd>{card}</dd>" in html(client.get(SEARCH, {"q": "chauffeurs"}))
    detail = html(client.get(f"/sociale-kaart/{voorziening.slug}/"))
    assert f"<dd>{card}</dd>" in detail  # the key facts at the top
    assert f"<p>{wat_kost_het}</p>" in detail


def test_filters_are_checkboxes_with_counts_and_empty_options_stay(client, indexed):
    page = html(client.get(SEARCH, {"thema": "huishouden"}))
    assert 'name="thema" value="huishouden" id="id_thema_0" checked' in page
    assert 'value="vervoer"' in page  # no voorziening has it, the option stays
    assert 'Vervoer <span class="kaart-count"><span aria-hidden="true">(0)' in page
    assert 'Ouderen <span class="kaart-count"><span aria-hidden="true">(2)' in page
    assert '<details class="kaart-filter" open>' in page  # the thema filter is open: something chosen


def test_page_without_parameters_shows_everything_active(client, indexed):
    page = html(client.get(SEARCH))
    assert "6 resultaten" in page
    assert "Fout:" not in page


def test_postcode_gives_distance_and_nearest_first(client, indexed):
    page = html(client.get(SEARCH, {"postcode": "3913 AA", "sort": "afstand"}))
    assert "In de buurt van postcode 3913 AA, in de wijk Oude Haven." in page
    assert page.index("Mantelzorgcafé De Linde") < page.index("Hulp in de huishouding")
    assert " km</dd>" in page


def _afstand(page: str, name: str) -> str | None:
    """What a result says under "Afstand", or None when it says nothing."""
    result = page.split(f">{name}</a>", 1)[1].split("</li>", 1)[0]
    found = re.search(r"<dt>Afstand</dt><dd>([^<]*)</dd>", result)
    return found and found.group(1)


def test_help_without_an_address_in_the_residents_wijk_says_why_it_has_no_distance(client, indexed):
    """By distance it comes first, as it comes to her, and it had no word under "Afstand" while the third
    result said "0,2 km": she could not see why it stood above."""
    in_your_wijk = "In uw wijk. Deze hulp heeft geen vast adres."
    page = html(client.get(SEARCH, {"postcode": "3917 AA", "sort": "afstand"}))  # De Beemden
    assert _afstand(page, "Dagbesteding De Molen") == in_your_wijk
    assert _afstand(page, "Schoonmaakhulp aan huis").endswith(" km")  # it has an address: its distance
    elsewhere = html(client.get(SEARCH, {"postcode": "3913 AA", "sort": "afstand"}))  # Oude Haven
    assert _afstand(elsewhere, "Dagbesteding De Molen") is None
    assert in_your_wijk not in html(client.get(SEARCH))  # no postcode, no wijk of hers


def _waar(page: str, name: str) -> str:
    result = page.split(f">{name}</a>", 1)[1].split("</li>", 1)[0]
    return re.search(r"<dt>Waar</dt><dd>(.*?)</dd>", result).group(1)


def test_with_a_postcode_help_for_other_wijken_says_it_is_not_in_hers(client, indexed):
    """A walk: a son looking for meals for his mother in Lindehof read the Maaltijdservice of Centrum first,
    0.9 km away, and nothing said that it does not come to her wijk."""
    page = html(client.get(SEARCH, {"postcode": "3913 AA", "sort": "afstand"}))  # Oude Haven
    assert _waar(page, "Dagbesteding De Molen") == "De Beemden <strong>(niet in uw wijk)</strong>"
    assert _waar(page, "Jongerenwerk Oude Haven") == "Oude Haven"
    assert _waar(page, "Schoonmaakhulp aan huis") == "Hele gemeente"
    assert "niet in uw wijk" not in html(client.get(SEARCH))  # no postcode, no wijk of hers


def test_help_with_a_place_in_her_wijk_is_not_called_outside_it(client, kaart):
    """The review: the search counts a place in the resident's wijk as the wijk's ("Alleen in mijn wijk" too),
    so help for other wijken with a place in hers carried "(niet in uw wijk)" in her wijk's own list."""
    from tests.socialekaart.factories import VoorzieningFactory, VoorzieningOpLocatieFactory

    inloop = VoorzieningFactory(
        name="Inloop aan de Kade", wijken=[kaart.beemden], organisatie=kaart.cafe.organisatie
    )
    VoorzieningOpLocatieFactory(
        voorziening=inloop,
        locatie=LocatieFactory(
            organisatie=inloop.organisatie, latitude=52.098, longitude=5.133, wijk=kaart.haven
        ),
    )
    get_backend().rebuild()
    page = html(client.get(SEARCH, {"postcode": "3913 AA", "mijn_wijk": "1"}))  # Oude Haven
    assert _waar(page, "Inloop aan de Kade") == "De Beemden"


def test_a_professional_reads_help_for_other_wijken_is_not_in_the_clients(client, indexed, professional):
    client.force_login(professional)
    page = html(client.get(SEARCH, {"postcode": "3913 AA"}))
    assert (
        _waar(page, "Dagbesteding De Molen") == "De Beemden <strong>(niet in de wijk van uw cliënt)</strong>"
    )


def test_only_my_wijk(client, indexed):
    page = html(client.get(SEARCH, {"postcode": "3913AA", "mijn_wijk": "1"}))
    assert "Jongerenwerk Oude Haven" in page
    assert "Dagbesteding De Molen" not in page


def test_only_my_wijk_keeps_its_results_when_the_search_engine_stops_answering_after_them(
    client, indexed, monkeypatch
):
    """A review: the count of the other wijken is a second search, made after the first had answered."""
    backend = get_backend()

    class StopsAfterOneSearch:
        def __init__(self):
            self.searches = 0

        def search(self, query):
            self.searches += 1
            if self.searches > 1:
                raise SearchUnavailable("down")
            return backend.search(query)

    use_backend(monkeypatch, StopsAfterOneSearch())
    response = client.get(SEARCH, {"postcode": "3913AA", "mijn_wijk": "on"})
    assert response.status_code == 200
    page = html(response)
    assert "Jongerenwerk Oude Haven" in page and "Buiten uw wijk" not in page


def _count(page: str) -> int:
    return int(re.search(r'id="resultaten"[^>]*>(\d+) resulta', page).group(1))


def test_only_my_wijk_says_how_much_more_the_other_wijken_have(client, indexed):
    """ "boodschappen" in Lindehof found one closed Voedselbank: nothing said the wijk next to hers had a
    shopping bus."""
    mine = html(client.get(SEARCH, {"postcode": "3913AA", "mijn_wijk": "on", "page": "1"}))
    everywhere = html(client.get(SEARCH, {"postcode": "3913AA"}))
    more = _count(everywhere) - _count(mine)
    assert more > 1
    assert (
        f'Buiten uw wijk zijn er nog {more} resultaten. <a href="?postcode=3913AA#resultaten">'
        "Bekijk ook de hulp buiten uw wijk</a>"
    ) in mine
    assert "Buiten uw wijk" not in everywhere


def test_postcode_outside_the_municipality_is_explained(client, indexed):
    page = html(client.get(SEARCH, {"postcode": "1012 AB"}))
    assert "ligt niet in onze gemeente" in page
    # After a search the postcode waits under "Filters", on a phone folded away: the note leads to it.
    searched = html(client.get(SEARCH, {"q": "koffie", "postcode": "1012 AB"}))
    assert 'Klopt de postcode? <a href="#id_postcode">Pas de postcode aan</a>' in searched


def test_wrong_postcode_gives_b1_error_and_keeps_what_was_typed(client, indexed):
    response = client.get(SEARCH, {"postcode": "hallo", "q": "koffie"})
    assert response.status_code == 200
    page = html(response)
    assert "<title>Fout: " in page
    assert '<a href="#id_postcode">Vul een postcode in met 4 cijfers en 2 letters' in page
    assert 'value="hallo"' in page and 'value="koffie"' in page
    assert 'aria-describedby="id_postcode_helptext id_postcode_error"' in page


def test_the_search_box_points_at_its_hint_and_error_by_ids_that_exist(client, indexed):
    page = html(client.get(SEARCH, {"q": "x" * 300}))  # too long: the search box's own error
    assert 'aria-describedby="id_q_helptext id_q_error"' in page
    assert 'id="id_q_helptext"' in page and 'id="id_q_error"' in page
    page = html(client.get(SEARCH))
    assert 'aria-describedby="id_q_helptext"' in page and 'id="id_q_helptext"' in page


def test_unknown_filter_value_is_dropped_with_a_message(client, indexed):
    response = client.get(SEARCH, {"thema": ["huishouden", "<script>alert(1)</script>"]})
    assert response.status_code == 200
    page = html(response)
    assert "Wij kennen een keuze bij &#x27;Onderwerp&#x27; niet. Wij zoeken zonder die keuze." in page
    assert '<a href="#id_thema_0">' in page and 'id="id_thema_0"' in page  # its first checkbox
    assert "2 resultaten" in page  # the known value still filters
    assert "<script>alert(1)</script>" not in page


def test_sort_on_distance_without_postcode_asks_for_one(client, indexed):
    page = html(client.get(SEARCH, {"sort": "afstand"}))
    assert "Vul uw postcode in om op afstand te sorteren." in page
    assert "6 resultaten" in page


def test_unknown_sort_and_page_fall_back(client, indexed):
    page = html(client.get(SEARCH, {"sort": "prijs", "page": "abc"}))
    assert "Deze volgorde kennen wij niet" in page
    assert "Deze pagina met resultaten bestaat niet" in page
    assert "6 resultaten" in page


def test_page_past_the_end_shows_the_last_page(client, indexed):
    for number in range(25):
        VoorzieningFactory(
            name=f"Buurtactiviteit {number:02d}", summary="Samen koffie drinken.", hele_gemeente=True
        )
    get_backend().rebuild()
    response = client.get(SEARCH, {"page": "99", "sort": "naam"})
    page = html(response)
    assert response.status_code == 200
    assert "Deze pagina met resultaten bestaat niet" in page
    assert 'aria-current="page"><span class="visually-hidden">Pagina </span>2</a>' in page
    # Pagination keeps the sort, and lands on the result count (kaart.js puts the focus there).
    assert 'href="?page=1&amp;sort=naam#resultaten"' in page


def test_a_later_page_says_which_page_it_is(client, indexed):
    """A walk: page 2 still said "70 resultaten", in its heading and its title alike."""
    for number in range(25):
        VoorzieningFactory(name=f"Koffie {number:02d}", summary="Samen koffie drinken.", hele_gemeente=True)
    get_backend().rebuild()
    first = html(client.get(SEARCH, {"q": "koffie"}))
    second = html(client.get(SEARCH, {"q": "koffie", "page": "2"}))
    heading = re.search(r'id="resultaten"[^>]*>(.*?)</h2>', second, re.S).group(1)
    assert heading.endswith("resultaten voor 'koffie', pagina 2 van 2")
    assert "<title>Zoeken naar 'koffie' - pagina 2 van 2 - Sociale kaart" in second
    assert ", pagina 1 van 2</h2>" in first and "pagina 1 van 2 -" not in first


MANY = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(
        ["", "0", "-1", "1e9", "NaN", "3911AB", "afstand", "centrum", "\x00", "%00", "'; DROP TABLE x;--"]
    ),
)
PARAMETERS = [
    "q",
    "wijk",
    "thema",
    "doelgroep",
    "toegang",
    "kosten",
    "postcode",
    "mijn_wijk",
    "sort",
    "page",
    "onbekend",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=st.dictionaries(st.sampled_from(PARAMETERS), st.lists(MANY, min_size=1, max_size=4), max_size=6)
)
def test_hostile_parameters_never_break_the_page(client, indexed, params):
    response = client.get(SEARCH, params, follow=True)  # a wijk in the words: once to its filter
    assert response.status_code == 200 and len(response.redirect_chain) <= 1, params
    assert "resultaat" in html(response) or "resultaten" in html(response)


def test_nothing_in_the_wijk_chosen_names_the_wijken_where_the_search_finds_help(client, indexed):
    """A walk: "formulieren invullen" in one wijk read "Wij hebben niets gevonden", and a professional
    concluded there was no such help, while other wijken had it."""
    page = html(client.get(SEARCH, {"q": "mantelzorgcafé", "wijk": "centrum"}))
    assert "Wij hebben niets gevonden" in page
    link = '<a href="?q=mantelzorgcaf%C3%A9&amp;wijk=oude-haven#resultaten">Oude Haven (1 resultaat)</a>'
    assert f"In een andere wijk is wel hulp gevonden:\n      {link}." in page
    assert "De Beemden (" not in page.split("Wij hebben niets gevonden", 1)[1]  # only where it finds help
    elsewhere_too = html(client.get(SEARCH, {"q": "zzzqqqxxyy", "wijk": "centrum"}))
    assert "Wij hebben niets gevonden" in elsewhere_too and "andere wijk" not in elsewhere_too


def test_under_plek_vrij_nothing_found_names_no_other_wijken(client, indexed, professional):
    """The wijk filter's counts are then of help with room in the wijk chosen, counted where it is: "De
    Beemden (1 resultaat)" led to a search that found nothing (a review)."""
    elsewhere = VoorzieningFactory(
        organisatie=indexed.zorg,
        name="Koffieochtend Elders",
        wijken=[indexed.beemden],
        beperkte_plaatsen=True,
    )
    CapaciteitFactory(voorziening=elsewhere, wijk=indexed.centrum)  # room for Centrum's clients, elsewhere
    get_backend().rebuild()
    client.force_login(professional)
    page = html(client.get(SEARCH, {"q": "koffieochtend", "wijk": "centrum", "plek_vrij": "on"}))
    assert "Wij hebben niets gevonden" in page and "andere wijk" not in page


def test_a_professional_reads_of_the_clients_postcode_and_wijk_a_resident_of_her_own(
    client, indexed, professional
):
    """A walk: a professional read "bij u in de buurt", "uw postcode" and "Alleen in mijn wijk", where the
    postcode she typed is her client's."""
    own = {"Alleen in mijn wijk", "Vul dan uw postcode in", "hulp bij u in de buurt", "Vaak kunt u er zelf"}
    client_s = {
        "Alleen in de wijk van uw cliënt",
        "Vul dan de postcode van uw cliënt in",
        "De postcode van uw",
    }
    resident = html(client.get(SEARCH, {"q": "mantelzorg"}))
    client.force_login(professional)
    for_a_client = html(client.get(SEARCH, {"q": "mantelzorg"}))
    assert [text for text in own if text not in resident] == []
    assert [text for text in client_s if text in resident] == []
    assert [text for text in client_s if text not in for_a_client] == []
    assert [text for text in own if text in for_a_client] == []
    asked = html(client.get(SEARCH, {"q": "mantelzorg", "mijn_wijk": "on"}))
    assert "Vul de postcode van uw cliënt in. Dan weten wij wat de wijk is." in asked


def test_too_long_search_text_is_cut_with_a_message(client, indexed):
    page = html(client.get(SEARCH, {"q": "koffie " * 100}))
    assert "Uw zoekwoorden zijn te lang" in page


def test_nothing_found_gives_b1_help(client, indexed):
    page = html(client.get(SEARCH, {"q": "zzzqqqxxyy", "thema": "vervoer"}))
    assert "Wij hebben niets gevonden" in page
    assert "Kijk of de woorden goed gespeld zijn." in page
    assert "Kies minder filters." in page and 'href="/sociale-kaart/?q=zzzqqqxxyy#resultaten"' in page
    assert 'href="tel:140599"' in page
    assert '<a href="/melding/">Doe een melding</a>' in page
    # A walk: with "Jongeren" chosen and nothing found, the spelling came first and the filter last, and it
    # asked for a postcode to see what is near nothing.
    assert page.index("Kies minder filters.") < page.index("Kijk of de woorden goed gespeld zijn.")
    assert "Wilt u zien wat dicht bij u is?" not in page
    filtered_only = html(client.get(SEARCH, {"thema": "vervoer", "doelgroep": "jongeren"}))
    assert "Kies minder filters." in filtered_only and "goed gespeld" not in filtered_only


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("klacht", True),
        ("ik wil klagen over de thuiszorg", True),
        ("klachten indienen", True),
        ("ontevreden over mijn hulp", True),
        ("psychische klachten", False),
        ("rugklachten", False),
        ("mantelzorg", False),
        # Help that did not come, said without a word of complaining.
        ("de thuiszorg komt niet opdagen", True),
        ("thuiszorg kwam niet", True),
        ("ik kom niet uit mijn huis", False),
        ("mijn vader komt niet meer buiten", False),
    ],
)
def test_who_came_to_complain_is_shown_the_way(client, indexed, typed, shown):
    """ "klacht" on the kaart listed the help for "psychische klachten", and no way to complain."""
    page = html(client.get(SEARCH, {"q": typed}))
    way = "Wilt u klagen over hulp die u krijgt, of over de gemeente?"
    way += ' <a href="/klacht/">Geef dan een klacht door</a>.'
    assert (way in page) is shown


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("wie kan mij helpen", True),
        ("waar moet ik beginnen", True),
        ("waar kan ik terecht met schulden", False),  # it names its help
        ("buren helpen", False),
        ("wie", False),
        # Only that help is wanted, and for whom: it named "zoon" as a word the kaart does not have.
        ("hulp voor mijn zoon", True),
        ("ik zoek hulp", True),
        ("hulp bij het huishouden", False),
        ("mijn zoon", False),
        ("hulp", False),  # a search of its own, for what is called help
        ("hulp nodig", True),
        # A review: a friend or a neighbour names help (company, Burenhulp).
        ("ik zoek een vriend", False),
        ("buurvrouw helpen", False),
        ("hulp van mijn buurman", False),
        ("hulp voor mijn man en kinderen", True),
    ],
)
def test_who_does_not_know_where_to_start_is_pointed_to_the_wmo_loket(client, indexed, typed, shown):
    """A walk: "wie kan mij helpen" listed six wijken's Burenhulp ("helpen" is a word of "buren helpen") and
    no way to someone who helps her choose."""
    page = html(client.get(SEARCH, {"q": typed}))
    way = "Weet u niet welke hulp bij u past? Het Wmo-loket denkt met u mee."
    way += ' <a href="/melding/">Doe een melding</a>'
    assert (way in page) is shown
    if shown:  # a help word or a family member is no word the kaart lacks
        assert "staat niet op de sociale kaart" not in page


@pytest.mark.parametrize(("typed", "shown"), [("bezwaar maken", True), ("huishouden", False)])
def test_who_came_to_object_is_shown_the_way(client, indexed, typed, shown):
    """A walk: "bezwaar maken" on the kaart listed five voorzieningen for home help, and no word of
    bezwaar."""
    page = html(client.get(SEARCH, {"q": typed}))
    way = "Bent u het niet eens met een besluit van de gemeente? Dan kunt u bezwaar maken."
    way += f' <a href="/zoeken/?q={typed.replace(" ", "+")}">Lees hoe u bezwaar maakt</a>.'
    assert (way in page) is shown


@pytest.mark.parametrize(("typed", "shown"), [("wat kost een scootmobiel", True), ("scootmobiel", False)])
def test_who_asks_what_help_costs_is_shown_the_way(client, indexed, typed, shown):
    """A walk: "wat kost een scootmobiel" on the kaart said only that "kost" is no word of the kaart."""
    page = html(client.get(SEARCH, {"q": typed}))
    way = "Wilt u weten wat u zelf betaalt voor hulp van de gemeente? Dat heet de eigen bijdrage."
    way += ' <a href="/zoeken/?q=eigen+bijdrage">Lees wat u zelf betaalt</a>.'
    assert (way in page) is shown


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("ik wil dood", True),
        ("zelfmoord", True),
        ("Suïcide", True),
        ("ik wil niet meer leven", True),
        ("crisis", True),
        ("mijn man is dood", False),  # mourning: the help for it, no crisis line
        ("dagbesteding", False),
        # a walk: the everyday words of despair found no 113
        ("ik zie het niet meer zitten", True),
        ("ik zie het echt niet meer zitten", True),
        ("ik wil niet meer verder", True),
        ("ik kan niet meer zitten", False),  # a back that hurts
        ("ik trek het niet meer", True),
        ("ik kan het niet meer aan", True),
        ("ik wil niet meer", True),
        ("ik wil niet meer alleen zijn", False),  # company
        ("ik kan niet meer traplopen", False),
    ],
)
def test_words_of_someone_in_crisis_get_113_and_112_first(client, indexed, typed, shown):
    """A walk: "ik wil dood", "zelfmoord" and "crisis" gave "0 resultaten", and no way to 113 or 112."""
    page = html(client.get(SEARCH, {"q": typed}))
    assert ("Denkt u aan zelfmoord?" in page) is shown
    assert ('<a href="tel:08000113">0800-0113</a>' in page) is shown
    if shown:
        assert page.index("Denkt u aan zelfmoord?") < page.index('id="resultaten"')


def test_did_you_mean_links_to_the_suggestion_with_the_filters(client, indexed, monkeypatch):
    facets = {
        name: [FacetOption("x", "X", 0)] for name in ("wijk", "thema", "doelgroep", "toegang", "kosten")
    }
    use_backend(
        monkeypatch, FakeBackend(SearchResults(total=0, hits=[], facets=facets, did_you_mean="mantelzorg"))
    )
    page = html(client.get(SEARCH, {"q": "mantelzrg", "kosten": "gratis"}))
    assert 'Bedoelde u: <a href="?q=mantelzorg&amp;kosten=gratis&amp;page=1">mantelzorg</a>?' in page


def test_the_page_names_the_words_it_searched_without(client, indexed, monkeypatch):
    facets = {name: [] for name in ("wijk", "thema", "doelgroep", "toegang", "kosten")}
    nothing = SearchResults(total=0, hits=[], facets=facets)
    use_backend(monkeypatch, FakeBackend(dataclasses.replace(nothing, left_out=("grootmoeder",))))
    page = html(client.get(SEARCH, {"q": "mijn grootmoeder vergeet veel"}))
    assert (
        "Het woord 'grootmoeder' staat niet op de sociale kaart. Daarom zochten wij zonder dit woord." in page
    )
    use_backend(
        monkeypatch, FakeBackend(dataclasses.replace(nothing, left_out=("grootmoeder", "grootvader")))
    )
    page = html(client.get(SEARCH, {"q": "grootmoeder grootvader vergeet"}))
    assert "De woorden 'grootmoeder' en 'grootvader' staan niet op de sociale kaart." in unescape(page)


def test_the_page_names_the_words_that_found_help_only_apart(client, indexed):
    """A walk: "mantelzorg jongeren" found nothing; now the help for mantelzorgers, and the page says why."""
    page = unescape(html(client.get(SEARCH, {"q": "mantelzorgers chillen"})))
    expected = "Wij vonden geen hulp bij al uw woorden samen. Daarom zochten wij zonder het woord 'chillen'."
    assert expected in page and "Mantelzorgcafé De Linde" in page
    assert "staat niet op de sociale kaart" not in page


def test_a_search_of_only_common_words_says_why_it_lists_everything(client, indexed):
    """ "ik kan het niet meer aan" listed every voorziening under "6 resultaten voor ...", not saying why."""
    page = unescape(html(client.get(SEARCH, {"q": "ik kan het niet meer aan"})))
    assert "6 resultaten voor 'ik kan het niet meer aan'" in page
    assert "U zocht met heel gewone woorden" in page
    assert "heel gewone woorden" not in html(client.get(SEARCH, {"q": "ik zoek schoonmaken"}))
    Synoniemgroep.objects.create(termen="wasservice, de was doen")  # common words that make a synonym
    vocabulary.forget()
    assert "heel gewone woorden" not in html(client.get(SEARCH, {"q": "de was doen"}))


def test_filter_labels_and_values_from_the_index_are_escaped(client, indexed, monkeypatch):
    facets = {name: [] for name in ("wijk", "thema", "doelgroep", "toegang", "kosten")}
    facets["thema"] = [FacetOption('x"><script>', "<b>Eten</b> & drinken", 1, selected=True)]
    use_backend(monkeypatch, FakeBackend(SearchResults(total=0, hits=[], facets=facets)))
    page = html(client.get(SEARCH, {"q": "eten"}))
    assert "<script>" not in page and "<b>Eten</b>" not in page
    assert 'value="x&quot;&gt;&lt;script&gt;" id="id_thema_0" checked' in page
    assert (
        '&lt;b&gt;Eten&lt;/b&gt; &amp; drinken <span class="kaart-count"><span aria-hidden="true">(1)' in page
    )
    assert '<span class="visually-hidden">(1 resultaat)</span>' in page


def test_each_filter_option_shows_its_own_count_with_the_word_for_it(client, indexed, monkeypatch):
    facets = {name: [] for name in ("wijk", "thema", "doelgroep", "toegang", "kosten")}
    facets["thema"] = [
        FacetOption("eten", "Eten", 1),
        FacetOption("wonen", "Wonen", 1200),
        FacetOption("vervoer", "Vervoer", 1),
        FacetOption("werk", "Werk", 0),
    ]
    use_backend(monkeypatch, FakeBackend(SearchResults(total=0, hits=[], facets=facets)))
    page = html(client.get(SEARCH, {"q": "eten"}))
    for label, count in (("Eten", "1"), ("Wonen", "1200"), ("Vervoer", "1"), ("Werk", "0")):
        word = "resultaat" if count == "1" else "resultaten"
        expected = (
            f'{label} <span class="kaart-count"><span aria-hidden="true">({count})</span>'
            f'<span class="visually-hidden">({count} {word})</span>'
        )
        assert expected in page


def test_what_a_result_and_the_typed_text_hold_is_escaped_in_the_result_list(client, kaart):
    VoorzieningFactory(
        name="Koffie <b>bij</b> 't Anker",
        summary='Samen "koffie" & <script>alert(1)</script>',
        hele_gemeente=True,
        themas=[kaart.thema["ontmoeting"]],
    )
    get_backend().rebuild()
    page = html(client.get(SEARCH, {"q": "koffie"}))
    assert "<script>" not in page and "<b>bij</b>" not in page
    assert "Koffie &lt;b&gt;bij&lt;/b&gt; &#39;t Anker</a>" in page
    assert "Samen &#34;koffie&#34; &amp; &lt;script&gt;alert(1)&lt;/script&gt;" in page
    typed = html(client.get(SEARCH, {"q": "koffie <i>"}))
    assert "<i>" not in typed
    assert "resultaten voor 'koffie &lt;i&gt;'</h2>" in typed  # the quotes around it are the page's own


def test_search_unavailable_shows_b1_message_not_500(client, indexed, monkeypatch):
    use_backend(monkeypatch, FakeBackend(error=SearchUnavailable("down")))
    response = client.get(SEARCH, {"q": "hulp"})
    assert response.status_code == 503
    page = html(response)
    assert "Zoeken lukt nu even niet" in page
    assert 'value="hulp"' in page  # the search box keeps what was typed


def test_map_data_only_when_results_have_locations(client, indexed, settings):
    settings.MAP_TILE_URL = "http://127.0.0.1:9/{z}/{x}/{y}.png"
    page = html(client.get(SEARCH, {"postcode": "3911AB"}))
    assert 'id="kaart-map-data" type="application/json"' in page
    assert '"tileUrl": "http://127.0.0.1:9/{z}/{x}/{y}.png"' in page
    assert "data-kaart-map hidden" in page  # drawn only by JavaScript
    assert "kaart.js" in page
    empty = html(client.get(SEARCH, {"q": "zzzqqqxxyy"}))
    assert "kaart-map-data" not in empty


@pytest.mark.parametrize(("postcode", "wijk"), [("3913AB", "Oude Haven"), ("3917CD", "De Beemden")])
def test_the_map_names_the_visitors_own_wijk_first(client, indexed, postcode, wijk):
    """A walk: at 390 px the map left out "Oude Haven", where the page said the visitor lives; kaart.js
    names the wijken in the order given, each where there is still room."""
    response = client.get(SEARCH, {"postcode": postcode})
    config = json.loads(html(response).split('id="kaart-map-data" type="application/json">')[1].split("<")[0])
    assert config["wijken"][0]["name"] == wijk
    assert sorted(w["name"] for w in config["wijken"]) == ["Centrum", "De Beemden", "Oude Haven"]


@pytest.mark.parametrize("as_professional", [False, True])
def test_search_query_count_does_not_grow_with_the_data(client, db, kaart, professional, as_professional):
    if as_professional:
        client.force_login(professional)

    def make(count):
        for _number in range(count):
            voorziening = VoorzieningFactory(
                summary="Samen koffie drinken.", hele_gemeente=True, themas=[kaart.thema["ontmoeting"]]
            )
            locatie = LocatieFactory(organisatie=voorziening.organisatie, latitude=52.09, longitude=5.12)
            VoorzieningOpLocatieFactory(voorziening=voorziening, locatie=locatie)
            CapaciteitFactory(voorziening=voorziening, wijk=kaart.centrum)
        get_backend().rebuild()

    def queries():
        """Queries of a search once the caches are warm (the menu; the search index after a change)."""
        client.get(SEARCH, {"q": "koffie", "postcode": "3911AB"})
        caches["view_pages"].clear()  # the page itself is made again, not taken from the cache
        with CaptureQueriesContext(connection) as captured:
            assert client.get(SEARCH, {"q": "koffie", "postcode": "3911AB"}).status_code == 200
        return len(captured)

    make(10)
    at_ten = queries()
    make(15)  # a full page of results now (PER_PAGE), against about half of one before
    assert queries() == at_ten


def _result_columns_read(client, params) -> int:
    """How often the search page asks the database for the columns of its results (a fresh page each time)."""
    caches["view_pages"].clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(SEARCH, params).status_code == 200
    return sum('"socialekaart_voorziening"."summary"' in query["sql"] for query in captured)


def test_results_read_their_columns_once_per_index_version_and_show_a_change(
    client, indexed, django_capture_on_commit_callbacks
):
    assert _result_columns_read(client, {"q": "huishouding"}) == 1
    assert _result_columns_read(client, {"q": "huishouding", "sort": "naam"}) == 0  # remembered
    indexed.huishouding.name = "Hulp bij het poetsen"
    with django_capture_on_commit_callbacks(execute=True):
        indexed.huishouding.save()  # indexed once committed, which renews the index token
    assert _result_columns_read(client, {"q": "huishouding"}) == 1
    page = html(client.get(SEARCH, {"q": "poetsen"}))
    assert "Hulp bij het poetsen" in page and "Hulp in de huishouding" not in page


def test_results_stay_right_when_the_oldest_remembered_are_forgotten(client, indexed, monkeypatch):
    from socialekaart.search import versions
    from socialekaart.views import results

    searches = [{"thema": code} for code in indexed.thema] + [{"postcode": "3911AB"}]
    pages = [html(client.get(SEARCH, params)) for params in searches]
    versions.bump()  # nothing remembered
    monkeypatch.setattr(results, "ROWS_REMEMBERED", 3)
    for params, expected in zip(searches * 2, pages * 2, strict=True):
        caches["view_pages"].clear()
        assert html(client.get(SEARCH, params)) == expected


# --- suggestions ---------------------------------------------------------------------------------------


def test_suggestions_return_json(client, indexed):
    response = client.get("/sociale-kaart/suggesties/", {"q": "mantel"})
    assert response.status_code == 200
    data = response.json()
    assert data["q"] == "mantel"
    assert isinstance(data["suggestions"], list) and len(data["suggestions"]) <= 8
    assert any("mantelzorg" in word.lower() for word in data["suggestions"])


def test_suggestions_offer_only_words_that_find_help(client, indexed):
    """The kaart offered "slecht ter been" from the synonyms, and then found nothing for it."""
    from socialekaart.models import Synoniemgroep

    Synoniemgroep.objects.create(termen="slecht ter been, slecht lopen")
    Synoniemgroep.objects.create(termen="schoonmaakhulp, slechte rug")
    get_backend().synonyms_changed()
    offered = client.get("/sociale-kaart/suggesties/", {"q": "slecht"}).json()["suggestions"]
    assert offered == ["slechte rug"]  # it finds the schoonmaakhulp through its group


@pytest.mark.parametrize("text", ["", "a", "\x00\x00", "x" * 5000, "<b>"])
def test_suggestions_never_fail(client, indexed, text):
    response = client.get("/sociale-kaart/suggesties/", {"q": text})
    assert response.status_code == 200
    assert "suggestions" in response.json()


def test_suggestions_empty_when_search_is_down(client, kaart, monkeypatch):  # words it would suggest
    use_backend(monkeypatch, FakeBackend(error=SearchUnavailable("down")))
    assert client.get("/sociale-kaart/suggesties/", {"q": "schoon"}).json()["suggestions"] == []


# --- the detail page -------------------------------------------------------------------------------------


@pytest.fixture
def detailed(kaart):
    voorziening = kaart.dagbesteding
    voorziening.description = "Overdag samen koken, wandelen en knutselen."
    voorziening.leeftijd_min = 65
    voorziening.talen = ["nl", "tr"]
    voorziening.kosten_toelichting = "Dat hangt af van uw inkomen"
    voorziening.aanmelden_telefoon = "0599-111222"
    voorziening.save()
    op_locatie = voorziening.op_locaties.first() or VoorzieningOpLocatieFactory(voorziening=voorziening)
    op_locatie.locatie.rolstoeltoegankelijk = True
    op_locatie.locatie.save()
    OpeningstijdFactory(op_locatie=op_locatie, weekdag=2, open_van=time(9, 30), open_tot=time(16, 0))
    ContactFactory(voorziening=voorziening, name="Receptie De Molen", telefoon="0599-333444")
    ContactFactory(
        voorziening=voorziening,
        name="Zorgcoördinator Jansen",
        telefoon="0599-999888",
        voor_professionals=True,
    )
    return voorziening


def test_detail_page_tells_what_for_whom_cost_how_where_when(client, detailed):
    response = client.get("/sociale-kaart/dagbesteding-de-molen/")
    assert response.status_code == 200
    page = html(response)
    assert "<h1>Dagbesteding De Molen</h1>" in page
    assert "Overdag samen koken" in page
    assert "Ouderen" in page and "Vanaf 65 jaar" in page
    assert "Eigen bijdrage. Dat hangt af van uw inkomen" in page
    assert "verwijzing nodig" in page
    assert 'href="tel:0599111222"' in page
    assert '<th scope="row">Dinsdag</th><td>09.30 tot 16.00 uur</td>' in page
    # The hours of this help at the place, not of the building: another activity there has other hours.
    locatie = detailed.op_locaties.first().locatie.name
    assert f"<caption>Openingstijden van Dagbesteding De Molen in {locatie}</caption>" in page
    assert '<th scope="row">Maandag</th><td>Gesloten</td>' in page
    assert "U kunt hier met een rolstoel naar binnen." in page
    assert "Nederlands, Turks" in page
    assert "Receptie De Molen" in page
    # Not "Wij keken deze gegevens na": the provider checks them when it saves, not the gemeente (a walk).
    assert f"Laatst nagekeken op {date_format(detailed.laatst_gecontroleerd, 'j F Y')}." in page
    assert 'aria-label="Kruimelpad"' in page and '<a href="/sociale-kaart/">Sociale kaart</a>' in page
    assert "Dagbesteding Het Anker" in page  # related: same thema


def test_help_that_comes_to_the_home_has_no_distance_no_entrance_and_no_pin(
    client, detailed, kaart, django_capture_on_commit_callbacks
):
    """A walk's nurse read a maaltijdservice with "Afstand 4,3 km", "U kunt hier met een rolstoel naar
    binnen" and opening hours: her client would think she had to go there."""
    get_backend().rebuild()
    detailed.aan_huis = True
    with django_capture_on_commit_callbacks(execute=True):
        detailed.save()  # the search index follows the save
        detailed.wijken.set([kaart.centrum])
    page = " ".join(html(client.get("/sociale-kaart/dagbesteding-de-molen/")).split())
    assert "<strong>Deze hulp komt bij mensen thuis.</strong> U hoeft er dus niet naartoe." in page
    assert "rolstoel" not in page
    place = detailed.op_locaties.first().locatie.name
    assert f"<caption>Tijden van Dagbesteding De Molen vanuit {place}</caption>" in page
    assert '<th scope="col">Tijd</th>' in page

    def row(query: dict) -> str:
        results = " ".join(html(client.get(SEARCH, {"q": "dagbesteding de molen", **query})).split())
        found = results[results.index("Dagbesteding De Molen") :]
        return found[: found.index("</li>")], results

    served, results = row({"postcode": "3911"})
    assert "<dd>Deze hulp komt bij u thuis.</dd>" in served and " km</dd>" not in served
    config = re.search(r'id="kaart-map-data"[^>]*>(.*?)</script>', results, re.S)
    assert not config or "Dagbesteding De Molen" not in config[1]  # its office is no place to go to
    assert "<dd>Deze hulp komt bij mensen thuis.</dd>" in row({})[0]  # whose home is not known


def test_the_office_of_help_that_comes_home_is_no_wijk_it_serves(client, detailed, kaart):
    """The review: help with its office in Centrum that comes only to homes in De Beemden was read as coming
    to a home in Centrum."""
    detailed.aan_huis = True
    detailed.hele_gemeente = False
    detailed.save()
    detailed.wijken.set([kaart.beemden])
    office = detailed.op_locaties.first().locatie
    office.wijk = kaart.centrum
    office.save()
    get_backend().rebuild()
    results = " ".join(html(client.get(SEARCH, {"q": "dagbesteding de molen", "postcode": "3911"})).split())
    row = results[results.index("Dagbesteding De Molen") :]
    row = row[: row.index("</li>")]
    assert "(niet in uw wijk)" in row and "komt bij u thuis" not in row
    only_hers = html(client.get(SEARCH, {"q": "dagbesteding de molen", "postcode": "3911", "mijn_wijk": "1"}))
    assert "Dagbesteding De Molen</a>" not in only_hers


def test_each_phone_number_and_e_mail_address_stands_once_on_the_page(client, detailed):
    """A walk: 0599-642217 stood under "Bel:", at the balie and at the organisation; which one to call?"""
    organisatie = detailed.organisatie
    organisatie.phone, organisatie.email = "0599 111 222", "info@voorbeeld.example"
    organisatie.save()
    ContactFactory(voorziening=detailed, name="Balie", telefoon="0599111222", email="INFO@voorbeeld.example")
    page = html(client.get("/sociale-kaart/dagbesteding-de-molen/"))
    assert page.count('href="tel:0599111222"') == 1  # under "Bel:", how to sign up
    assert page.count('href="mailto:info@voorbeeld.example"') + page.count("mailto:INFO@") == 1
    assert "Receptie De Molen" in page and 'href="tel:0599333444"' in page  # another number: kept


def test_help_open_day_and_night_says_so_instead_of_00_00_to_23_59(client, detailed):
    """Veilig Thuis's page said "00.00 tot 23.59 uur" on seven rows: a phone line that always answers."""
    op_locatie = detailed.op_locaties.first()
    op_locatie.openingstijden.all().delete()
    for day in range(1, 8):
        OpeningstijdFactory(op_locatie=op_locatie, weekdag=day, open_van=time(0, 0), open_tot=time(23, 59))
    page = html(client.get(f"/sociale-kaart/{detailed.slug}/"))
    assert "Open: elke dag, dag en nacht." in page
    assert "23.59" not in page and "kaart-hours" not in page

    op_locatie.openingstijden.filter(weekdag=7).delete()  # one day closed: the table, with the words
    page = html(client.get(f"/sociale-kaart/{detailed.slug}/"))
    assert '<th scope="row">Maandag</th><td>dag en nacht</td>' in page
    assert '<th scope="row">Zondag</th><td>Gesloten</td>' in page
    assert "Open: elke dag" not in page and "23.59" not in page


def test_a_decisions_help_says_when_to_call_the_provider_before_its_number(client, kaart):
    """Anna read "Doe een melding", then the provider's phone and form, and only below them "Hebt u de
    beschikking? Bel ons": she would have called the provider first."""
    voorziening = kaart.huishouding  # toegang: beschikking
    voorziening.aanmelden_telefoon = "0599-874871"
    voorziening.aanmelden_toelichting = "Hebt u de beschikking van de gemeente? Bel of mail ons."
    voorziening.save()
    page = html(client.get(f"/sociale-kaart/{voorziening.slug}/"))
    section = page.split('id="aanmelden"', 1)[1].split("</section>", 1)[0]
    melding = section.index('<a href="/melding/">Hier doet u de melding</a>.')
    assert melding < section.index("Hebt u de") < section.index("Bel:")
    assert "Doe een melding" not in section  # after "Doe daarvoor een melding bij de gemeente." (a walk)


def test_the_providers_own_words_are_named_as_theirs(client, kaart):
    """The text "Bel of mail ons. Dan maken wij een afspraak met u." stood there without a name; everywhere
    else on the site "ons" is the gemeente, so a resident could call the wrong number."""
    voorziening = kaart.huishouding
    voorziening.aanmelden_toelichting = "Bel of mail ons."
    voorziening.save()
    section = _sign_up_section(client, voorziening)
    said = section.split(f"{voorziening.organisatie.name} schrijft:", 1)[1]
    assert said.index("<blockquote") < said.index("Bel of mail ons.") < said.index("</blockquote>")


def _sign_up_section(client, voorziening) -> str:
    page = html(client.get(voorziening.get_absolute_url()))
    return page.split('id="aanmelden"', 1)[1].split("</section>", 1)[0]


def test_walk_in_help_says_come_in_first(client, kaart):
    """An inloopochtend's "Hoe meldt u zich aan?" began "U kunt zich zelf aanmelden" and named walking in
    third, below the phone and the mail."""
    cafe = kaart.cafe  # toegang: vrij
    cafe.aanmelden_inloop, cafe.aanmelden_telefoon = True, "0599-874871"
    cafe.save()
    OpeningstijdFactory(op_locatie=cafe.op_locaties.get(), weekdag=2, open_van=time(10), open_tot=time(12))
    section = _sign_up_section(client, cafe)
    assert "zelf aanmelden" not in section and "ook zonder afspraak" not in section
    assert section.index("Kom zonder afspraak langs, op de tijden hieronder.") < section.index("Bel:")

    cafe.aanmelden_telefoon = ""
    cafe.save()
    assert "<ul>" not in _sign_up_section(client, cafe)  # no empty list, no "Neem contact op"

    cafe.toegang = Voorziening.Toegang.VERWIJZING  # walking in, but with a referral: both said
    cafe.save()
    section = _sign_up_section(client, cafe)
    assert "U hebt een verwijzing nodig" in section and "U kunt ook zonder afspraak langskomen" in section


def test_walk_in_help_without_opening_times_says_to_ask_when(client, kaart):
    """A walk: "Kom zonder afspraak langs, op de tijden hieronder" above no times at all, and below it "Bel of
    mail om een afspraak te maken" for help one walks into."""
    cafe = kaart.cafe  # toegang: vrij, at one locatie without opening times
    cafe.aanmelden_inloop = True
    cafe.save()
    page = html(client.get(cafe.get_absolute_url()))
    assert "tijden hieronder" not in page and "om een afspraak te maken" not in page
    section = _sign_up_section(client, cafe)
    assert "Kom zonder afspraak langs. Vraag de organisatie wanneer dat kan." in section
    assert page.count("Vraag de organisatie wanneer") == 1  # once, where to sign up

    cafe.toegang = Voorziening.Toegang.VERWIJZING
    cafe.save()
    section = _sign_up_section(client, cafe)
    assert "U kunt ook zonder afspraak langskomen. Vraag de organisatie wanneer dat kan." in section


def test_anonymous_visitor_never_sees_professional_contacts_or_capacity(client, detailed, kaart):
    get_backend().rebuild()
    detail = html(client.get("/sociale-kaart/dagbesteding-de-molen/"))
    search = html(client.get(SEARCH, {"thema": "dagbesteding"}))
    for page in (detail, search):
        assert "Zorgcoördinator Jansen" not in page and "0599-999888" not in page
        assert "Voor professionals" not in page
        assert "niet bijgewerkt sinds" not in page
        assert "Ja, er is plaats" not in page


def test_logged_in_resident_account_is_no_professional(client, detailed):
    client.force_login(UserFactory(username="inwoner"))
    page = html(client.get("/sociale-kaart/dagbesteding-de-molen/"))
    assert "Zorgcoördinator Jansen" not in page


def test_professional_sees_contacts_and_capacity_with_its_freshness(client, detailed, professional, kaart):
    client.force_login(professional)
    page = html(client.get("/sociale-kaart/dagbesteding-de-molen/"))
    assert "Voor professionals" in page
    assert "Zorgcoördinator Jansen" in page and 'href="tel:0599999888"' in page
    assert "Ja, er is plaats" in page
    assert 'class="kaart-capacity__old"' in page  # 30 days old
    # A walk: on a phone the column "Bijgewerkt" is out of sight; the status says it too, once, in the
    # filter's words (it read "Niet van deze week", "niet bijgewerkt sinds" and "ouder dan 7 dagen").
    assert 'Ja, er is plaats <span class="tag tag--warning">Ouder dan 7 dagen</span>' in page
    assert page.count("Ouder dan 7 dagen") == 2  # the tag and the note below the table
    assert "niet bijgewerkt sinds" not in page
    # A walk: the places "Bijgewerkt 7 december", the page "Laatst nagekeken op 27 oktober": which held?
    checked = date_format(detailed.laatst_gecontroleerd, "j F Y")
    assert (
        "De aanbieder geeft apart door of er per wijk plaats is, met de datum erbij. "
        f"De andere gegevens op deze pagina zijn laatst nagekeken op {checked}."
    ) in page
    fresh = html(client.get("/sociale-kaart/dagbesteding-het-anker/"))
    assert "Beperkt, weinig plaats" in fresh and "Ouder dan 7 dagen</span>" not in fresh


def test_help_that_gives_no_places_says_so_to_professionals(client, kaart, professional):
    """A walk's huisarts found no word of places at a buddy project, and could not tell whether there were
    none or whether they were not given; "Alleen met plek vrij" said nothing of leaving such help out."""
    client.force_login(professional)
    assert not kaart.cafe.beperkte_plaatsen
    page = html(client.get(kaart.cafe.get_absolute_url()))
    assert "De aanbieder geeft voor deze hulp niet door of er plaats is. Vraag het de aanbieder." in page
    search = html(client.get(SEARCH))
    hint = "U ziet dan alleen hulp waarvan de aanbieder doorgeeft of er plaats is. Een inloop ziet u dan"
    assert hint in search
    kaart.cafe.aanmelden_inloop = True  # one walks in: places do not matter
    kaart.cafe.save()
    assert "Vraag het de aanbieder" not in html(client.get(kaart.cafe.get_absolute_url()))
    client.logout()
    page = html(client.get(kaart.cafe.get_absolute_url()))
    assert "Vraag het de aanbieder" not in page


def test_professional_search_ranks_outdated_capacity_lower_and_shows_it(
    client, indexed, professional, monkeypatch
):
    client.force_login(professional)
    page = html(client.get(SEARCH, {"thema": "dagbesteding"}))
    assert "Plaats voor nieuwe cliënten" in page and "niet bijgewerkt sinds" in page
    assert page.index("Dagbesteding Het Anker") < page.index("Dagbesteding De Molen")
    assert "lijst.pdf?thema=dagbesteding" in page and "lijst.csv?thema=dagbesteding" in page


def test_search_passes_professional_flag_to_backend(client, indexed, professional, monkeypatch):
    real = get_backend()
    spy = FakeBackend()
    spy.search = lambda query: (spy.queries.append(query), real.search(query))[1]
    use_backend(monkeypatch, spy)
    client.get(SEARCH)
    client.force_login(professional)
    client.get(SEARCH)
    assert [query.voor_professionals for query in spy.queries] == [False, True]


# --- search pages for anonymous visitors come from the cache -------------------------------------------


def counting_backend(monkeypatch):
    real = get_backend()
    spy = FakeBackend()
    spy.search = lambda query: (spy.queries.append(query), real.search(query))[1]
    use_backend(monkeypatch, spy)
    return spy


def test_repeated_search_of_an_anonymous_visitor_is_served_from_the_cache(client, indexed, monkeypatch):
    spy = counting_backend(monkeypatch)
    first = client.get(SEARCH, {"thema": "huishouden", "q": "hulp"})
    with CaptureQueriesContext(connection) as captured:
        again = client.get(f"{SEARCH}?q=hulp&thema=huishouden")  # the same search, parameters reordered
    assert again.content == first.content
    assert len(spy.queries) == 1
    assert len(captured) == 1  # the index token; the menu is cached too
    assert again["Cache-Control"] == "public, max-age=0, s-maxage=30"
    assert "Cookie" in again["Vary"]  # a proxy must not give this page to a professional


def test_a_page_made_anew_reads_the_index_token_once(client, indexed):
    """The cache key, the search form and the results of one page come from one index version."""
    client.get(SEARCH, {"q": "hulp"})
    caches["view_pages"].clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(SEARCH, {"q": "koffie", "postcode": "3911AB"}).status_code == 200
    token_reads = [query for query in captured if "zoekindexversie" in query["sql"]]
    assert len(token_reads) == 1


def test_cached_search_page_changes_as_soon_as_the_index_does(client, indexed):
    assert "Hulp in de huishouding" in html(client.get(SEARCH, {"q": "huishouding"}))
    Voorziening.objects.filter(slug="hulp-in-de-huishouding").update(name="Hulp in huis en huishouding")
    assert "Hulp in huis en huishouding" not in html(client.get(SEARCH, {"q": "huishouding"}))
    get_backend().index(
        Voorziening.objects.filter(slug="hulp-in-de-huishouding").values_list("pk", flat=True)
    )
    assert "Hulp in huis en huishouding" in html(client.get(SEARCH, {"q": "huishouding"}))


def test_professionals_and_visitors_with_a_session_never_share_cached_pages(
    client, indexed, professional, monkeypatch
):
    spy = counting_backend(monkeypatch)
    client.get(SEARCH, {"thema": "dagbesteding"})
    client.force_login(professional)
    page = html(client.get(SEARCH, {"thema": "dagbesteding"}))
    assert "Plaats voor nieuwe cliënten" in page
    client.get(SEARCH, {"thema": "dagbesteding"})
    assert len(spy.queries) == 3  # every page of a visitor with a session is made for that visitor
    client.logout()
    client.cookies.clear()
    assert "Plaats voor nieuwe cliënten" not in html(client.get(SEARCH, {"thema": "dagbesteding"}))
    assert len(spy.queries) == 3  # the anonymous page again, from the cache


def test_unavailable_search_is_not_cached(client, indexed, monkeypatch):
    use_backend(monkeypatch, FakeBackend(error=SearchUnavailable("down")))
    assert client.get(SEARCH, {"q": "hulp"}).status_code == 503
    monkeypatch.undo()  # the search works again; the index token stays the same
    again = client.get(SEARCH, {"q": "hulp"})
    assert again.status_code == 200
    assert "Zoeken lukt nu even niet" not in html(again)


def test_status_notices(client, kaart):
    from .factories import OpeningstijdFactory

    OpeningstijdFactory(op_locatie=kaart.cafe.op_locaties.first())
    kaart.cafe.status = Voorziening.Status.TIJDELIJK_GESLOTEN
    kaart.cafe.save()
    closed = html(client.get("/sociale-kaart/mantelzorgcafe-de-linde/"))
    assert "Tijdelijk gesloten." in closed
    # Its table of hours stood under the notice as if it were open.
    assert closed.count("Nu tijdelijk gesloten.") == closed.count('class="kaart-hours"') > 0
    gestopt = html(client.get("/sociale-kaart/huishoudelijke-hulp-oud/"))
    assert "Deze hulp is gestopt." in gestopt


def test_unknown_slug_is_404(client, kaart):  # voorzieningen, none by this name
    assert client.get("/sociale-kaart/bestaat-niet/").status_code == 404


def test_detail_query_count_is_fixed(client, detailed, professional):
    client.force_login(professional)

    def queries():
        """Queries of the page once the caches every page shares (the menu) are warm."""
        client.get("/sociale-kaart/dagbesteding-de-molen/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/sociale-kaart/dagbesteding-de-molen/").status_code == 200
        return len(captured)

    before = queries()
    for number in range(4):
        locatie = LocatieFactory(organisatie=detailed.organisatie, name=f"Extra {number}")
        op_locatie = VoorzieningOpLocatieFactory(voorziening=detailed, locatie=locatie)
        OpeningstijdFactory(op_locatie=op_locatie, weekdag=number + 1)
        ContactFactory(voorziening=detailed, name=f"Contact {number}", voor_professionals=bool(number % 2))
        CapaciteitFactory(
            voorziening=detailed,
            wijk=_wijk(number),
            bijgewerkt_op=timezone.now() - timedelta(days=number * 5),
        )
    assert queries() == before


def _wijk(number):
    from .factories import WijkFactory

    return WijkFactory(name=f"Extra wijk {number}", slug=f"extra-wijk-{number}", cbs_code=f"WK88{number:04d}")


def test_a_search_without_results_shows_the_nearest_themes_the_phone_and_the_site_search(client, indexed):
    page = html(client.get(SEARCH, {"q": "dagbestedingen", "doelgroep": "jongeren"}))  # none for jongeren
    assert "0 resultaten" in page
    assert "Misschien zoekt u hulp bij een van deze onderwerpen" in page
    assert 'href="/sociale-kaart/?thema=dagbesteding">Dagbesteding</a>' in page
    assert ">Vervoer</a>" not in page
    assert 'href="tel:140599"' in page
    assert 'href="/zoeken/?q=dagbestedingen"' in page


def test_a_kaart_search_near_no_theme_offers_every_theme(client, indexed):
    page = html(client.get(SEARCH, {"q": "xqzwv"}))
    assert "Kies een onderwerp" in page
    assert ">Vervoer</a>" in page and ">Dagbesteding</a>" in page


def test_with_a_postcode_the_nearest_comes_first_unless_another_order_is_chosen(client, indexed):
    page = html(client.get(SEARCH, {"q": "", "postcode": "3917"}))
    assert '<option value="afstand" selected>' in page
    assert page.index("Dagbesteding") < page.index("Jongerenwerk Oude Haven")
    chosen = html(client.get(SEARCH, {"postcode": "3917", "sort": "naam"}))
    assert '<option value="naam" selected>' in chosen


def test_filters_sit_behind_a_filters_button_that_counts_the_chosen_ones(client, indexed):
    closed = html(client.get(SEARCH, {"q": "hulp"}))
    assert '<details class="kaart-layout__filters kaart-filters" data-kaart-filters>' in closed
    page = html(client.get(SEARCH, {"thema": ["huishouden", "mantelzorg"], "doelgroep": "ouderen"}))
    assert 'Filters <span class="kaart-filters__count">(3 aan)</span>' in page


def test_taking_the_filters_away_keeps_the_words_the_postcode_and_the_order(client, indexed):
    """A walk with a screen reader: "Alle filters weghalen" took her postcode too, and the distances."""
    page = html(client.get(SEARCH, {"q": "hulp", "postcode": "3917", "sort": "naam", "thema": "huishouden"}))
    kept = "/sociale-kaart/?q=hulp&amp;postcode=3917&amp;sort=naam#resultaten"
    assert f'href="{kept}">Alle filters weghalen' in page
    unfiltered = html(client.get(SEARCH, {"postcode": "3917"}))
    assert "Alle filters weghalen" not in unfiltered
    nothing = html(client.get(SEARCH, {"q": "xqzwv", "postcode": "3917", "thema": "huishouden"}))
    kept = "/sociale-kaart/?q=xqzwv&amp;postcode=3917&amp;sort=relevantie#resultaten"
    assert f'href="{kept}">Haal alle filters weg' in nothing
    long_words = html(client.get(SEARCH, {"q": "x" * 300, "thema": "huishouden"}))  # searched cut short
    assert f'href="/sociale-kaart/?q={"x" * 300}#resultaten">Alle filters weghalen' in long_words


def test_the_result_count_says_how_many_filters_are_still_on(client, indexed):
    """A walk with a screen reader: a new search with "Gratis" still on, and the count she heard said nothing
    of it (the chosen wijken are named, the others counted)."""
    count = re.compile(r'<h2 class="kaart-results__count" id="resultaten" tabindex="-1">([^<]*)</h2>')
    filtered = html(client.get(SEARCH, {"q": "hulp", "kosten": "gratis", "wijk": "centrum"}))
    assert count.search(filtered)[1].endswith(" voor 'hulp' in Centrum, met 1 filter aan")
    two = html(client.get(SEARCH, {"q": "hulp", "kosten": "gratis", "thema": "huishouden"}))
    assert count.search(two)[1].endswith(" voor 'hulp', met 2 filters aan")
    assert count.search(html(client.get(SEARCH, {"q": "hulp"})))[1].endswith(" voor 'hulp'")


def test_zoeken_lands_on_the_result_count(client, indexed):
    page = html(client.get(SEARCH))
    assert 'action="/sociale-kaart/#resultaten"' in page
    assert 'id="resultaten" tabindex="-1"' in page


def test_terug_naar_de_resultaten_keeps_the_search_and_goes_nowhere_else(client, indexed):
    search = html(client.get(SEARCH, {"q": "dagbesteding", "wijk": "de-beemden"}))
    assert "?terug=q%3Ddagbesteding%26wijk%3Dde-beemden" in search
    detail = html(
        client.get("/sociale-kaart/dagbesteding-de-molen/", {"terug": "q=dagbesteding&wijk=de-beemden"})
    )
    # At the help opened: a walk came back at the top of the list.
    at_it = "#resultaat-dagbesteding-de-molen"
    back = f'href="/sociale-kaart/?q=dagbesteding&amp;wijk=de-beemden{at_it}">Terug naar de resultaten'
    assert 'id="resultaat-dagbesteding-de-molen"' in search
    # Above the name too: on a phone the link at the end was some 4,000 pixels down.
    assert detail.count(back) == 2 and detail.index(back) < detail.index("<h1>")
    hostile = html(
        client.get("/sociale-kaart/dagbesteding-de-molen/", {"terug": "//evil.example/?next=https://x"})
    )
    assert "evil.example" not in hostile
    assert "Terug naar de sociale kaart" in hostile


def test_link_checkers_and_uptime_monitors_may_ask_with_head(client, indexed):
    """A walk: HEAD on the kaart's pages answered 405, so a link checker reported them as broken."""
    for url in (SEARCH, SEARCH + "?q=dagbesteding", "/sociale-kaart/dagbesteding-de-molen/"):
        assert client.head(url).status_code == 200, url
    assert client.post(SEARCH).status_code == 405


def test_terug_naar_de_resultaten_keeps_every_choice_of_the_search_form():
    """A walk: a professional's "Alleen met plek vrij" was lost on the way back, and the list and its PDF
    held the full help again."""
    from socialekaart.views.back_link import back_query, back_url

    chosen = QueryDict("q=dagbesteding&plek_vrij=on&mijn_wijk=on&sort=naam&page=2&postcode=3911+AB")
    assert back_url(back_query(chosen)) == f"/sociale-kaart/?{chosen.urlencode()}#resultaten"


def test_other_help_on_the_same_subject_shares_theme_and_wijk_nearest_first(client, indexed):
    far = VoorzieningFactory(
        organisatie=indexed.zorg,
        name="Dagbesteding Ver Weg",
        slug="dagbesteding-ver-weg",
        themas=[indexed.thema["dagbesteding"]],
        wijken=[indexed.beemden],
    )
    VoorzieningOpLocatieFactory(voorziening=far, locatie=LocatieFactory(latitude=52.2, longitude=5.3))
    near = VoorzieningFactory(
        organisatie=indexed.zorg,
        name="Dagbesteding Om De Hoek",
        slug="dagbesteding-om-de-hoek",
        themas=[indexed.thema["dagbesteding"]],
        wijken=[indexed.beemden],
    )
    VoorzieningOpLocatieFactory(voorziening=near, locatie=LocatieFactory(latitude=52.0773, longitude=5.1299))
    VoorzieningFactory(
        organisatie=indexed.zorg,
        name="Dagbesteding Andere Wijk",
        slug="dagbesteding-andere-wijk",
        themas=[indexed.thema["dagbesteding"]],
        wijken=[indexed.haven],
    )
    molen = indexed.dagbesteding
    VoorzieningOpLocatieFactory(voorziening=molen, locatie=LocatieFactory(latitude=52.0772, longitude=5.1298))
    related = html(client.get("/sociale-kaart/dagbesteding-de-molen/")).split('id="ook-interessant"')[1]
    assert "Dagbesteding Andere Wijk" not in related
    assert related.index("Dagbesteding Om De Hoek") < related.index("Dagbesteding Ver Weg")


def test_related_help_with_more_of_the_same_themas_comes_before_nearer_help_with_one(client, indexed):
    """A walk: a Formulierenhulp (geld, vrijwilligerswerk) offered buurthuizen, run by volunteers, above the
    Thuisadministratie, on both."""
    molen = indexed.dagbesteding
    themas = list(molen.themas.all()) + [indexed.thema["vervoer"]]
    molen.themas.set(themas)
    VoorzieningOpLocatieFactory(voorziening=molen, locatie=LocatieFactory(latitude=52.0772, longitude=5.1298))
    for name, its_themas, point in (
        ("Alles Gedeeld Ver Weg", themas, (52.2, 5.3)),
        ("Een Gedeeld Om De Hoek", themas[-1:], (52.0773, 5.1299)),
    ):
        voorziening = VoorzieningFactory(
            organisatie=indexed.zorg, name=name, themas=its_themas, wijken=[indexed.beemden]
        )
        VoorzieningOpLocatieFactory(
            voorziening=voorziening, locatie=LocatieFactory(latitude=point[0], longitude=point[1])
        )
    related = html(client.get("/sociale-kaart/dagbesteding-de-molen/")).split('id="ook-interessant"')[1]
    assert related.index("Alles Gedeeld Ver Weg") < related.index("Een Gedeeld Om De Hoek")


def test_related_help_is_for_the_same_people(client, indexed):
    """The inloopochtend for ouderen offered the jongerenwerk (12 to 23) as "andere hulp"."""
    thema = indexed.thema["dagbesteding"]
    for name, doelgroepen in (("Jongerenwerk Hier", ["jongeren"]), ("Voor Iedereen Hier", [])):
        VoorzieningFactory(
            organisatie=indexed.zorg,
            name=name,
            themas=[thema],
            doelgroepen=[indexed.doelgroep[code] for code in doelgroepen],
            hele_gemeente=True,
        )
    related = html(client.get("/sociale-kaart/dagbesteding-de-molen/")).split('id="ook-interessant"')[1]
    assert "Voor Iedereen Hier" in related and "Jongerenwerk Hier" not in related  # De Molen: ouderen


def test_with_a_postcode_and_search_words_the_best_match_comes_first(client, indexed):
    """Sorted by distance, a weak match nearby came above the help searched for ("mantelzorg" near 3911 put a
    household service second). Of equally good matches the nearest comes first (the backends' relevance)."""
    typed = {"q": "huishoudelijke hulp", "postcode": "3913 AA"}
    page = html(client.get(SEARCH, typed))
    assert '<option value="relevantie" selected>Past het best</option>' in page
    assert _names(page) and _names(page) == _names(html(client.get(SEARCH, {**typed, "sort": "relevantie"})))
    assert "In de buurt van postcode 3913 AA" in page


def _names(page: str) -> list[str]:
    return re.findall(r'<h3 class="kaart-result__title">.*?<a href="[^"]*">([^<]+)</a>', page)


def test_a_postcode_typed_into_a_new_search_brings_the_nearest_first(client, indexed):
    """The sort box is sent with the search: "Past het best", as it stood before the postcode was typed, does
    not overrule the postcode. Chosen once a postcode is there, it does."""
    page = html(client.get(SEARCH))
    assert '<option value="" selected>Past het best</option>' in page
    sent = html(client.get(SEARCH, {"q": "", "postcode": "3917", "sort": ""}))
    assert '<option value="afstand" selected>' in sent
    assert sent.index("Dagbesteding") < sent.index("Jongerenwerk Oude Haven")
    chosen = html(client.get(SEARCH, {"postcode": "3917", "sort": "relevantie"}))
    assert '<option value="relevantie" selected>Past het best</option>' in chosen
    cleared = html(client.get(SEARCH, {"sort": "relevantie"}))
    assert "Fout:" not in cleared


def test_open_access_is_not_mistaken_for_wheelchair_access(client, kaart):
    """ "Toegang: Vrij toegankelijk" beside "Met een rolstoel komt u niet zelf binnen": a walk read the first
    as wheelchair access. The access says that no referral is needed."""
    page = html(client.get(kaart.cafe.get_absolute_url()))
    assert "<dd>Zonder verwijzing</dd>" in page
    assert "toegankelijk</dd>" not in page


def test_a_detail_page_with_two_onderwerpen_says_onderwerpen(client, kaart):
    """A walk: "Onderwerp: Begeleiding, Wonen"."""
    assert 'class="meta">Onderwerpen: <a' in html(client.get(kaart.cafe.get_absolute_url()))
    assert 'class="meta">Onderwerp: <a' in html(client.get(kaart.huishouding.get_absolute_url()))


def test_when_all_that_was_found_is_closed_the_page_offers_its_themes(client, kaart):
    """A walk: "geen geld voor eten" found one Voedselbank, closed for now, and the page showed no way on."""
    voorziening = VoorzieningFactory(
        name="Voedselbank",
        summary="Gratis eten voor wie weinig geld heeft.",
        status=Voorziening.Status.TIJDELIJK_GESLOTEN,
        hele_gemeente=True,
        kosten=Voorziening.Kosten.BEDRAG,
        kosten_bedrag=2,
        themas=[kaart.thema["ontmoeting"]],
    )
    get_backend().rebuild()
    page = html(client.get(SEARCH, {"q": "voedselbank"}))
    assert "Deze hulp is nu gesloten. Zoek andere hulp over hetzelfde onderwerp:" in page
    name = kaart.thema["ontmoeting"].name
    assert f'<a href="/sociale-kaart/?thema=ontmoeting#resultaten">{name}</a>' in page
    # Not the theme the search was in already, which found only this.
    within = html(client.get(SEARCH, {"q": "voedselbank", "thema": "ontmoeting"}))
    assert "Deze hulp is nu gesloten" not in within
    voorziening.status = Voorziening.Status.ACTIEF
    voorziening.save()
    get_backend().rebuild()
    assert "Deze hulp is nu gesloten" not in html(client.get(SEARCH, {"q": "voedselbank"}))


def test_when_the_closed_help_was_free_the_way_on_finds_free_help(client, kaart):
    """A walk: "geen geld voor eten" found a free Voedselbank, closed for now, and its way on "Maaltijden"
    found only meals that cost money. Huishouden has only paid help open here; Ontmoeting has free help."""
    VoorzieningFactory(
        name="Voedselbank",
        summary="Gratis eten voor wie weinig geld heeft.",
        status=Voorziening.Status.TIJDELIJK_GESLOTEN,
        kosten=Voorziening.Kosten.GRATIS,
        hele_gemeente=True,
        themas=[kaart.thema["ontmoeting"], kaart.thema["huishouden"]],
    )
    get_backend().rebuild()
    page = html(client.get(SEARCH, {"q": "voedselbank"}))
    name = kaart.thema["ontmoeting"].name
    link = '<a href="/sociale-kaart/?thema=ontmoeting&amp;kosten=gratis#resultaten">'
    assert f"{link}{name} (gratis)</a>" in page
    assert "?thema=huishouden" not in page
