"""Site search at /zoeken/: results with an excerpt, "Bedoelde u ...?", the sociale kaart, bad input."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.search import clean_query

from .conftest import INFO_URL

pytestmark = pytest.mark.django_db


def test_results_have_title_link_and_excerpt(client, portal_site):
    html = client.get("/zoeken/", {"q": "schoonmaakhulp"}).content.decode()
    assert f'<a href="{INFO_URL}">Hulp bij het huishouden</a>' in html
    assert "Zoek schoonmaakhulp in uw buurt" in html  # the sentence that holds the word
    assert '1 pagina gevonden voor "schoonmaakhulp".' in html


def test_misspelling_gets_a_suggestion(client, portal_site):
    html = client.get("/zoeken/", {"q": "mantelzorgrs"}).content.decode()
    assert 'Bedoelde u <a href="/zoeken/?q=mantelzorgers">mantelzorgers</a>?' in html


def test_a_dutch_word_is_searched_as_typed_not_replaced_by_a_close_one(client, portal_site):
    """A walk's "ik ben bang om te vallen" was offered "ik ben lang om te vallen", and "alleen thuis" with
    "hele" became "helpen": only a word that is no Dutch word is a typing error."""
    from core import vocabulary
    from socialekaart.models import Synoniemgroep

    Synoniemgroep.objects.create(termen="hulp in huis, hulp thuis")
    vocabulary.forget()
    assert "Bedoelde u" not in client.get("/zoeken/", {"q": "muis"}).content.decode()
    typo = client.get("/zoeken/", {"q": "hius"}).content.decode()
    assert 'Bedoelde u <a href="/zoeken/?q=huis">huis</a>?' in typo


def test_a_synonym_of_several_words_no_page_holds_leaves_its_words_to_weigh_apart(client, portal_site):
    """A walk: once "boodschappen laten bezorgen" was a synonym, its search found no page (5 before)."""
    from core import vocabulary
    from socialekaart.models import Synoniemgroep

    Synoniemgroep.objects.create(termen="even vrij nemen graag, respijtzorg")
    vocabulary.forget()
    html = client.get("/zoeken/", {"q": "even vrij nemen graag"}).content.decode()
    assert "Hulp voor mantelzorgers" in html  # "Even vrij nemen kan ook."


def test_no_suggestion_for_known_words(client, portal_site):
    html = client.get("/zoeken/", {"q": "mantelzorgers"}).content.decode()
    assert "Bedoelde u" not in html
    assert "Hulp voor mantelzorgers" in html


def test_search_box_keeps_what_was_typed(client, portal_site):
    html = client.get("/zoeken/", {"q": "huis"}).content.decode()
    assert 'id="zoeken-q" name="q" type="search" value="huis"' in html


def test_pagination(client, portal_site):
    from portal.search import RESULTS_PER_PAGE

    from .test_pages import _add_pages

    _add_pages(RESULTS_PER_PAGE + 2)
    first = client.get("/zoeken/", {"q": "schoon"}).content.decode()
    assert 'rel="next"' in first
    second = client.get("/zoeken/", {"q": "schoon", "page": 2}).content.decode()
    assert 'rel="prev"' in second
    assert client.get("/zoeken/", {"q": "schoon", "page": "abc"}).status_code == 200


def test_empty_query_shows_the_form(client, portal_site):
    response = client.get("/zoeken/")
    assert response.status_code == 200
    assert "gevonden" not in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "AND OR NOT",
        "(",
        "*",
        "\x00",
        "huis\x00",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "ü" * 5000,
        "a" * 300,
        "hulp:",
        "NEAR(a b)",
        "-",
        "^",
        "{}",
        "%",
        "_",
    ],
)
def test_hostile_queries_never_break(client, portal_site, query):
    response = client.get("/zoeken/", {"q": query, "page": "-1"})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_clean_query_leaves_only_words(raw):
    cleaned = clean_query(raw)
    assert len(cleaned) <= 300
    assert not any(char in cleaned for char in '"()*:^\x00')


def test_search_failure_is_told_in_plain_dutch(client, portal_site, monkeypatch):
    import portal.search

    def broken(*args, **kwargs):
        raise ConnectionError("cluster down")

    monkeypatch.setattr(portal.search, "run_search", broken)
    response = client.get("/zoeken/", {"q": "hulp"})
    assert response.status_code == 200
    assert "Zoeken lukt nu even niet" in response.content.decode()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=120), page=st.text(max_size=8))
def test_random_queries_and_page_numbers_never_give_a_500(client, portal_site, query, page):
    response = client.get("/zoeken/", {"q": query, "page": page})
    assert response.status_code == 200


def test_search_with_elasticsearch(client, portal_site, elasticsearch):
    """The site search through Wagtail's Elasticsearch backend on the test node."""
    from django.conf import settings as django_settings
    from django.core.management import call_command
    from django.test import override_settings

    from config.settings.base import wagtail_elasticsearch_backends

    backends = wagtail_elasticsearch_backends(elasticsearch, django_settings.ELASTICSEARCH_INDEX_PREFIX)
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        call_command("update_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
        html = client.get("/zoeken/", {"q": "schoonmaakhulp"}).content.decode()
    assert f'<a href="{INFO_URL}">Hulp bij het huishouden</a>' in html


def test_a_search_without_results_shows_the_nearest_themes_the_phone_and_the_kaart(client, portal_site):
    html = client.get("/zoeken/", {"q": "zorgkabouters"}).content.decode()
    assert "0 pagina's gevonden" in html
    assert "Misschien vindt u het bij een van deze onderwerpen" in html
    ways_on = html.split('class="search-empty"')[1]
    assert '<a href="/ik-zorg-voor-iemand/">Ik zorg voor iemand</a>' in ways_on
    assert "Ik zoek hulp voor mezelf" not in ways_on
    assert 'href="tel:140599"' in html
    # A walk followed 'Zoek "buddy" op de sociale kaart' to 0 results: the kaart is offered without the words.
    assert 'href="/sociale-kaart/?q=zorgkabouters"' not in html
    assert '<a href="/sociale-kaart/">Kijk op de sociale kaart</a>' in html


def test_a_search_near_no_theme_offers_every_theme(client, portal_site):
    html = client.get("/zoeken/", {"q": "xqzwv"}).content.decode()
    ways_on = html.split('class="search-empty"')[1]
    assert "Kies een onderwerp" in ways_on
    assert "Ik zorg voor iemand" in ways_on and "Ik zoek hulp voor mezelf" in ways_on
    assert 'href="tel:140599"' in html


def test_help_on_the_kaart_for_the_same_words_is_said_above_the_pages(client, portal_site):
    """ "boodschappen" found 0 pages, and the kaart's Boodschappenbus was behind a link at the bottom."""
    from socialekaart.search import get_backend
    from tests.socialekaart.factories import VoorzieningFactory

    VoorzieningFactory(name="Boodschappenbus Centrum", summary="Wij halen u op om boodschappen te doen.")
    get_backend().rebuild()
    html = " ".join(client.get("/zoeken/", {"q": "boodschappen"}).content.decode().split())
    told = html.index('Op de sociale kaart staat hulp voor "boodschappen": 1 resultaat.')
    assert told < html.index("0 pagina's gevonden") + 500  # under the count, above the ways on
    assert '<a href="/sociale-kaart/?q=boodschappen">Bekijk de hulp op de sociale kaart</a>' in html
    assert "Zoekt u hulp of een activiteit bij u in de buurt?" not in html
    nothing = client.get("/zoeken/", {"q": "zorgkabouters"}).content.decode()
    assert "Op de sociale kaart staat hulp" not in nothing
    # In her own words: the kaart leaves out "lukt" and says so on its page, which lists the bus.
    own_words = client.get("/zoeken/", {"q": "boodschappen doen lukt niet"}).content.decode()
    assert 'Op de sociale kaart staat hulp voor "boodschappen doen lukt niet": 1 resultaat.' in own_words


def test_only_common_words_count_no_help_on_the_kaart(client, portal_site):
    """A walk: "ik kan niet meer" said "Op de sociale kaart staat hulp voor 'ik kan niet meer': 157
    resultaten", all the help there is: the kaart's search leaves such words out and lists everything."""
    from socialekaart.search import get_backend
    from tests.socialekaart.factories import VoorzieningFactory

    VoorzieningFactory(name="Boodschappenbus Centrum", summary="Wij halen u op om boodschappen te doen.")
    get_backend().rebuild()
    html = client.get("/zoeken/", {"q": "ik kan niet meer"}).content.decode()
    assert "Op de sociale kaart staat hulp voor" not in html
    assert '<a href="/sociale-kaart/">Kijk op de sociale kaart</a>' in html


@pytest.mark.parametrize("typed", ["wie kan mij helpen", "Waar kan ik terecht?", "hulp voor mijn zoon"])
def test_who_does_not_know_where_to_start_gets_the_melding_first(client, portal_site, typed):
    """A walk: "wie kan mij helpen" listed "Het gesprek" first, and pgb and the professionals' kaart."""
    html = client.get("/zoeken/", {"q": typed}).content.decode()
    assert "Wilt u hulp van de gemeente vragen? Doe dan een melding." in html
    # A review: a question that names its help is no question where to start.
    named = client.get("/zoeken/", {"q": "waar kan ik terecht met schulden"}).content.decode()
    assert "Wilt u hulp van de gemeente vragen?" not in named


@pytest.mark.parametrize(
    "typed",
    [
        "klacht",
        "de thuiszorg komt niet opdagen",
        "niet tevreden",
        "klaght",
        "klagt",
        "klachtenregeling",
        "ik ben niet blij met de hulp",
        "ik word niet goed geholpen",
    ],
)
def test_who_came_to_complain_gets_the_way_and_no_help_for_psychische_klachten(client, portal_site, typed):
    """A walk: "klacht" said the kaart had 23 results (the help for "psychische klachten"), and "thuiszorg
    komt niet opdagen" led nowhere near a complaint."""
    from socialekaart.search import get_backend
    from tests.socialekaart.factories import VoorzieningFactory

    VoorzieningFactory(name="GGZ inloop", summary="Voor mensen met psychische klachten. Ook thuiszorg.")
    get_backend().rebuild()
    html = client.get("/zoeken/", {"q": typed}).content.decode()
    assert "Wilt u klagen over hulp die u krijgt, of over de gemeente? Geef dan een klacht door." in html
    assert '<a class="button" href="/klacht/">Klacht doorgeven</a>' in html
    assert "Op de sociale kaart staat hulp voor" not in html


@pytest.mark.parametrize("typed", ["bezwaar maken", "ik ben het niet eens met het besluit", "bezwaarschrift"])
def test_who_came_to_object_gets_no_count_of_help_that_says_besluit(client, portal_site, typed):
    """A walk: "bezwaar maken" said the kaart had help for it: five voorzieningen whose text says "besluit",
    which the synonyms join to "bezwaar"."""
    from socialekaart.models import Synoniemgroep
    from socialekaart.search import get_backend
    from tests.socialekaart.factories import VoorzieningFactory

    Synoniemgroep.objects.create(termen="bezwaar, bezwaar maken, niet eens met het besluit, bezwaarschrift")
    VoorzieningFactory(name="Huishoudelijke hulp", summary="U hebt geen besluit van de gemeente nodig.")
    get_backend().rebuild()
    assert "Op de sociale kaart staat hulp voor" in client.get("/zoeken/", {"q": "besluit"}).content.decode()
    assert "Op de sociale kaart staat hulp voor" not in client.get("/zoeken/", {"q": typed}).content.decode()


@pytest.mark.parametrize(
    ("typed", "objects"),
    [("ik kan niet eens met de bus", False), ("niet eens met de beschikking", True), ("bezwaren", True)],
)
def test_not_even_is_no_objection_without_a_decision(typed, objects):
    from core.search_text import wants_to_object

    assert wants_to_object(typed) == objects


@pytest.mark.parametrize(
    "typed", ["ik wil dood", "zelfmoord", "ik wil er een eind aan maken", "ik zie het niet meer zitten"]
)
def test_words_of_someone_in_crisis_get_113_and_112_first(client, portal_site, typed):
    """A walk: "ik wil dood" on the site's search gave no pages and only "Kijk of de woorden goed gespeld
    zijn."; 113 was on no page."""
    html = client.get("/zoeken/", {"q": typed}).content.decode()
    assert "Denkt u aan zelfmoord?" in html and '<a href="tel:113">113</a>' in html
    assert '<a href="tel:112">112</a>' in html and '<a href="https://www.113.nl">113.nl</a>' in html
    assert html.index("Denkt u aan zelfmoord?") < html.index('class="search-count"')
    assert "Denkt u aan zelfmoord?" not in client.get("/zoeken/", {"q": "rolstoel"}).content.decode()


@pytest.mark.parametrize(
    "typed",
    [
        "kracht",
        "psychische klachte",
        "klachtn",
        "psychische klachten",
        "klant",
        "ik ben niet blij",
        "ik ben niet blij met mijn leven",  # a review: the way to complain for someone who may be low
    ],
)
def test_words_near_a_complaint_that_look_for_help_are_no_complaint(typed):
    """A review: "psychische klachte" (the plural, a letter short) got the way to complain instead of the
    help; "kracht" is another word."""
    from core.search_text import wants_to_complain

    assert not wants_to_complain(typed)


def test_a_suggestion_stands_right_under_the_count_above_the_kaart(client, portal_site):
    """A walk: "Bedoelde u rolstoel?" stood below the sociale kaart's tip, out of sight on a phone."""
    from socialekaart.search import get_backend
    from tests.socialekaart.factories import VoorzieningFactory

    VoorzieningFactory(name="Steunpunt Mantelzorg", summary="Advies voor mantelzorgers.")
    get_backend().rebuild()
    html = " ".join(client.get("/zoeken/", {"q": "mantelzorgrs"}).content.decode().split())
    count, suggestion = html.index('class="search-count"'), html.index("Bedoelde u")
    kaart = html.index("Op de sociale kaart staat hulp voor")
    assert count < suggestion < kaart


def test_the_site_search_answers_while_the_kaart_search_is_down(client, portal_site, settings):
    settings.KAART_LINK_COUNT = "tests.portal.test_search.broken_kaart"
    html = client.get("/zoeken/", {"q": "schoonmaakhulp"}).content.decode()
    assert "Hulp bij het huishouden" in html and 'href="/sociale-kaart/?q=schoonmaakhulp"' in html


def broken_kaart(query_string, every_word=True):
    raise ConnectionError("the search node is down")


def test_words_that_only_say_help_is_wanted_do_not_narrow_the_site_search(portal_site):
    """ "iemand die boodschappen doet" found no page with both words and then every page with "doet": Privacy
    came first. As on the kaart, such words count only when nothing else is typed."""
    from portal.search import expand

    assert not [group for group in expand("iemand die boodschappen doet") if "doet" in group]
    vague = {"zoek", "hulp"}
    assert not [group for group in expand("ik zoek hulp bij schoonmaken") if vague & set(group)]
    assert expand("hulp") and "hulp" in expand("hulp")[0]


def test_a_synonym_of_several_words_is_not_searched_as_one_of_them(portal_site):
    """ "ben alleen", a synonym of "eenzaam", was searched as "alleen" once "ben" was left out as a stop
    word: "eenzaam" listed Klachten and Privacy ("alleen met uw toestemming")."""
    from core import vocabulary
    from portal.search import expand
    from socialekaart.models import Synoniemgroep

    Synoniemgroep.objects.create(termen="eenzaam, ben alleen, voel me alleen, weinig contact")
    vocabulary.forget()
    [group] = expand("eenzaam")
    assert "alleen" not in group and {"eenzaam", "voel alleen", "weinig contact"} <= set(group), group


def test_a_particle_typed_apart_searches_nothing(portal_site):
    """A walk: "moeder is eenzaam" put Klachten en bezwaar second: the synonym "iemand om mee te praten" was
    searched as "mee praten", and that page says "Neem iemand mee" and "praat met de aanbieder"."""
    from core import vocabulary
    from portal.search import expand
    from socialekaart.models import Synoniemgroep

    Synoniemgroep.objects.create(termen="eenzaam, iemand om mee te praten, weinig contact")
    vocabulary.forget()
    [group] = expand("eenzaam")
    assert not [alternative for alternative in group if "mee" in alternative.split()], group


def test_the_other_forms_of_a_stop_word_verb_are_left_out(portal_site):
    """ "hoe doe ik een melding" looked for pages with "doe" besides "melding" and put "Van melding tot
    besluit" ninth; "doen" was a stop word, "doe" not."""
    from portal.search import expand

    for query in ("hoe doe ik een melding", "ik wil een melding doen", "wilt u een melding doen"):
        assert [group[0] for group in expand(query)] == ["melding"], query
    assert [group[0] for group in expand("hoe kunt u hulp bij het huishouden krijgen")][-1] == "krijgen"


def test_pages_about_the_site_come_after_the_pages_about_help(client, portal_site):
    """ "hoe vraag ik hulp aan" and "hulp voor mijn moeder" put Privacy first: it says "hulp" too. A page
    about the site keeps its place when its title holds a searched word."""
    from wagtail.rich_text import RichText

    from portal.models import GewonePagina

    privacy = GewonePagina.objects.get(slug="privacy")
    privacy.body = [("text", RichText("<p>Hulp bij uw gegevens? Wij geven u hulp. Hulp is er altijd.</p>"))]
    privacy.save_revision().publish()
    found = _titles(client, "hulp")
    assert "Privacy" in found and found[-1] == "Privacy"
    assert _titles(client, "privacy hulp")[0] == "Privacy"


def _titles(client, query) -> list[str]:
    html = client.get("/zoeken/", {"q": query}).content.decode()
    return re.findall(r'class="search-results__title"><a href="[^"]*">([^<]+)</a>', html)


def test_when_no_page_holds_every_word_the_pages_holding_the_most_come(client, portal_site):
    """ "ik zit de hele dag alleen thuis": no page holds every word, and every page holding one of them came,
    Privacy first for "alleen". Only the pages that hold the most of the words come."""
    assert _titles(client, "zorgvuldig mantelzorger ziek") == ["Hulp voor mantelzorgers"]  # not Privacy


def test_a_verb_is_found_in_its_other_forms(client, portal_site):
    """ "hoe vraag ik hulp aan" put "Van melding tot besluit", whose intro asks "Hoe vraagt u hulp aan?",
    tenth: the Dutch stemmer keeps the -t of "vraagt", so only "vragen" was searched besides "vraag"."""
    from core.search_text import form_stem
    from portal.search import expand

    assert form_stem("vraagt") == form_stem("vraag") == form_stem("vragen")
    assert form_stem("woont") == form_stem("woon")
    assert form_stem("kunst") == "kunst"  # "kuns" is no word
    assert "zorgt" in expand("ik zorg voor iemand")[0]  # the page says "Zorgt u voor iemand?"


@pytest.mark.parametrize(
    "query",
    [
        *("hoe doe ik een melding", "hulp aanvragen", "hoe vraag ik hulp aan", "melden bij de gemeente"),
        *("hulp vragen", "ik wil hulp vragen voor mijn moeder"),
    ],
)
def test_who_asks_how_to_apply_is_offered_the_melding(client, portal_site, query):
    """ "hoe doe ik een melding" listed pages about mantelzorg and huishouden first; the form where she can
    ask for help is no page, so no result led to it (only the menu does)."""
    html = client.get("/zoeken/", {"q": query}).content.decode()
    assert '<a class="button" href="/melding/">Doe een melding</a>' in html
    assert "Op de sociale kaart staat hulp voor" not in html  # one next step


@pytest.mark.parametrize("query", ["melding doen, ik woon ver weg", "waar doe ik mijn melding"])
def test_who_asks_how_to_make_a_melding_is_not_offered_the_status_lookup(client, portal_site, query):
    html = client.get("/zoeken/", {"q": query}).content.decode()
    assert 'class="button" href="/melding/"' in html and 'class="button" href="/melding/status/"' not in html


@pytest.mark.parametrize(
    "query", ["hulp bij het huishouden", "ik vraag me af", "mantelzorg", "vragen over de eigen bijdrage"]
)
def test_other_searches_are_not_offered_the_melding(client, portal_site, query):
    html = client.get("/zoeken/", {"q": query}).content.decode()
    assert (
        'class="button" href="/melding/"' not in html and 'class="button" href="/melding/status/"' not in html
    )


@pytest.mark.parametrize(
    "query",
    [
        "waar staat mijn melding",
        "status melding",
        "melding volgen",
        "meldingsnummer",
        "hoe ver is mijn melding",
        *("waar is mijn melding", "mijn melding bekijken", "stand van mijn melding", "melding nummer"),
    ],
)
def test_who_asks_where_their_melding_is_is_offered_the_status_lookup(client, portal_site, query):
    """A walk: none of these led to "Waar staat mijn melding?" (a form, no page); "waar staat mijn melding"
    offered to make one, and "meldingsnummer" 12 results on the sociale kaart."""
    html = client.get("/zoeken/", {"q": query}).content.decode()
    assert '<a class="button" href="/melding/status/">Waar staat mijn melding?</a>' in html
    assert 'class="button" href="/melding/"' not in html and "Op de sociale kaart staat hulp voor" not in html


def _page(*lines, intro=""):
    from types import SimpleNamespace

    return SimpleNamespace(taalcheck_text=lambda: "\n".join(["Titel", *lines]), intro=intro)


def test_an_excerpt_is_the_sentence_that_holds_the_word():
    from portal.search import excerpt

    page = _page("Wij helpen u graag.", "U kunt een rolstoel lenen. Dat is gratis.", intro="Over hulp.")
    assert excerpt(page, "rolstoel") == "U kunt een rolstoel lenen."
    assert excerpt(page, "fiets") == "Over hulp."


def test_an_excerpt_is_the_sentence_that_holds_the_most_searched_words_in_any_form():
    """A walk: "hulp in huis" showed "Dan kunt u hulp krijgen." on four pages, the first sentence with "hulp"
    ("in" is no word to look for)."""
    from portal.search import excerpt

    page = _page(
        "Dan kunt u hulp krijgen.", "Er is hulp in de wijk.", "De hulp werkt in uw huis.", "Hulp thuis."
    )
    assert excerpt(page, "hulp in huis") == "De hulp werkt in uw huis."
    assert excerpt(page, "wijken") == "Er is hulp in de wijk."


def test_an_excerpt_counts_the_words_the_search_used_for_a_typing_error():
    """A walk: "huishoudelyke hulp" showed "Dan kunt u hulp krijgen.": only "hulp" was spelled right, and the
    search itself had looked for "huishoudelijke" and "huishouden". Each group counts once, with a word typed
    right that is in it, and a phrase only whole."""
    from portal.search import excerpt

    page = _page("Dan kunt u hulp krijgen.", "Het huishouden lukt niet meer.", "Hulp in het huishouden.")
    typo = [["huishoudelyke", "huishoudelijke", "huishouden"]]  # as expand gives it on the demo site
    assert excerpt(page, "huishoudelyke hulp") == "Dan kunt u hulp krijgen."  # the typed words alone
    assert excerpt(page, "huishoudelyke hulp", groups=typo) == "Hulp in het huishouden."
    twice = _page("Het huishouden lukt niet meer.", "Dan kunt u hulp krijgen.")
    assert excerpt(twice, "huishoudelyke hulp", groups=[*typo, ["hulp"]]).startswith("Het huishouden")  # once
    phrase = _page("Dan kunt u hulp krijgen.", "Er is hulp in de wijk.", "Hulp thuis is er ook.")
    assert excerpt(phrase, "hulp in huis", groups=[["hulp huis", "hulp thuis"]]) == "Hulp thuis is er ook."


def test_an_excerpt_for_a_question_of_cost_is_about_its_thing_first():
    """A walk: "is de traplift gratis" showed "Dan leent u die gratis bij een uitleenpunt." (of crutches), and
    a woman of 80 read that the traplift is free."""
    from portal.search import excerpt

    page = _page(
        "Krukken leent u gratis bij een uitleenpunt.", "Uw huis kan worden aangepast met een traplift."
    )
    assert excerpt(page, "is de traplift gratis") == "Uw huis kan worden aangepast met een traplift."
    assert excerpt(page, "wat is gratis") == "Krukken leent u gratis bij een uitleenpunt."
    # A walk: "kosten wmo" showed "Bel dan het Wmo-loket.": every page is about the Wmo.
    costs = _page("Bel dan het Wmo-loket.", "Wat kost het?", "Hulp van de Wmo kost soms geld.")
    assert excerpt(costs, "kosten wmo") == "Wat kost het? Hulp van de Wmo kost soms geld."  # and its question
    assert excerpt(_page("Bel dan het Wmo-loket.", "Wat kost het?"), "kosten wmo") == "Wat kost het?"


def test_an_excerpt_comes_with_the_sentence_it_leans_on_and_a_question_with_its_answer():
    """A walk: "eigen bijdrage" showed "Dat heet de eigen bijdrage.", which named nothing, and a question
    stood without its answer."""
    from portal.search import excerpt

    page = _page(
        "Voor de meeste hulp betaalt u iets. Dat heet de eigen bijdrage.",
        "Wie betaalt de traplift?",
        "De gemeente betaalt hem.",
        "Kunt u de scootmobiel lenen? Ja, dat kan.",
    )
    leaning = "Voor de meeste hulp betaalt u iets. Dat heet de eigen bijdrage."
    assert excerpt(page, "eigen bijdrage") == leaning
    assert excerpt(page, "traplift") == "Wie betaalt de traplift? De gemeente betaalt hem."
    assert excerpt(page, "scootmobiel") == "Kunt u de scootmobiel lenen? Ja, dat kan."
    # An answer comes with the heading that asks its question: "hem" named nothing.
    assert excerpt(page, "gemeente") == "Wie betaalt de traplift? De gemeente betaalt hem."
    under = _page("Hebt u ook hulp in huis nodig?", "Voor de was helpt de gemeente wel. Lees meer.")
    assert excerpt(under, "de was") == "Hebt u ook hulp in huis nodig? Voor de was helpt de gemeente wel."
    example = _page("De hulp maakt uw huis schoon. Bijvoorbeeld stofzuigen en dweilen.")
    assert excerpt(example, "dweilen") == "De hulp maakt uw huis schoon. Bijvoorbeeld stofzuigen en dweilen."
    # A question that ends a paragraph does not take the heading below it; nor one that asks again.
    below = _page(
        "Bel ons gerust. Hebt u nog vragen?", "Wat kost een traplift?", "Dat hangt af van uw inkomen."
    )
    assert excerpt(below, "vragen") == "Hebt u nog vragen?"
    assert (
        excerpt(_page("Wat kost een rolstoel? Wat kost een traplift?"), "rolstoel")
        == "Wat kost een rolstoel?"
    )
    # Two sentences longer than an excerpt: the one with the words searched for.
    long = _page(f"{' '.join(['Wij helpen u graag'] * 8)}. Dat heet de eigen bijdrage.")
    assert excerpt(long, "eigen bijdrage") == "Dat heet de eigen bijdrage."


def test_a_list_item_comes_with_its_lead_in_and_the_items_beside_it():
    """A walk: "rolstoel" found two pages, each with the excerpt "een rolstoel", which said nothing of what
    either page says about it."""
    from portal.search import excerpt

    heading = _page(
        "Zet dus wat geld opzij.",
        "Hier betaalt u geen eigen bijdrage voor",
        "een rolstoel",
        "een cliëntondersteuner",
        "Hebt u een laag inkomen?",
    )
    assert excerpt(heading, "rolstoel") == (
        "Hier betaalt u geen eigen bijdrage voor: een rolstoel, een cliëntondersteuner"
    )
    colon = _page("Het helpt. Bijvoorbeeld:", "een rolstoel", "een scootmobiel", "Leen het.")
    assert excerpt(colon, "scootmobiel") == "Het helpt. Bijvoorbeeld: een rolstoel, een scootmobiel"
    question = _page("Wat krijgt u?", "een gesprek", "een rolstoel")
    assert excerpt(question, "rolstoel") == "Wat krijgt u? Een gesprek, een rolstoel"
    assert excerpt(_page("een rolstoel", "een tillift"), "tillift") == "een rolstoel, een tillift"
    # A list of pages' titles under "Lees dan:" (a walk: "Hulp bij het huishouden" stood alone).
    links = _page("Zoekt u hulp voor uw naaste? Lees dan:", "Hulp bij het huishouden", "Eten", "Bel ons.")
    assert excerpt(links, "huishouden") == (
        "Zoekt u hulp voor uw naaste? Lees dan: Hulp bij het huishouden, Eten"
    )
    assert excerpt(_page("Bel ons.", "Hulp bij het huishouden", "Dat kan."), "huishouden") == (
        "Hulp bij het huishouden"  # a heading: no list
    )
    assert excerpt(links, "bel") == "Bel ons."  # a sentence below the list is no item of it


def test_a_compound_written_apart_looks_for_the_whole_word_too(portal_site):
    """A walk: "keuken tafel gesprek" found only "Hulp bij het huishouden"; the pages write it as one word."""
    from portal.search import expand

    [group] = expand("huis houden")
    assert group[0] == "huishouden", group


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("wat is de wmo", "Wmo"),
        ("wat houdt de Wmo in", "Wmo"),
        ("wat betekent Wmo 2015?", "Wmo"),
        ("betekenis van eigen bijdrage", "eigen bijdrage"),
        ("wat is een eigen bijdrage", "eigen bijdrage"),
    ],
)
def test_who_asks_what_a_word_means_reads_its_explanation_above_the_results(client, portal_site, query, term):
    """A walk with a screen reader: "wat is de wmo" gave the Wmo's meaning at the eighth result."""
    from portal.begrippen import Begrip
    from socialekaart.search import get_backend
    from tests.socialekaart.factories import VoorzieningFactory

    VoorzieningFactory(name="Spreekuur Wmo", summary="Vragen over de Wmo en de eigen bijdrage.")
    get_backend().rebuild()
    begrip = Begrip.objects.get(term=term)
    html = " ".join(client.get("/zoeken/", {"q": query}).content.decode().split())
    said = f"<strong>{term}</strong>: {begrip.uitleg}"
    assert said in html and f'href="/begrippen/#{begrip.slug}">Alle begrippen</a>' in html
    assert html.index(said) < html.index('class="search-results"')


@pytest.mark.parametrize(
    "query", ["wmo", "melding", "wmo huishoudelijke hulp", "wat is een rollator", "wat is"]
)
def test_a_search_that_does_not_ask_a_word_s_meaning_shows_no_explanation(client, portal_site, query):
    """The review: "melding" or "dagbesteding" alone is a search for help, not for what the word means."""
    assert "data-begrip" not in client.get("/zoeken/", {"q": query}).content.decode()
