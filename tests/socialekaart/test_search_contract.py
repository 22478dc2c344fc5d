"""The search contract, written once and run against every backend in the registry.

Each test builds the small fictional kaart of `conftest.kaart`, (re)builds the backend's index and
asks what a resident or a professional would ask.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from socialekaart.models import Synoniemgroep
from socialekaart.search import SearchQuery, facet_names
from socialekaart.search.geo import haversine_km

from .factories import (
    LocatieFactory,
    TermFactory,
    VoorzieningFactory,
    VoorzieningOpLocatieFactory,
    WijkFactory,
)

ACTIVE = 6  # the kaart fixture has seven voorzieningen, one gestopt


@pytest.fixture
def backend(search_backend, kaart):
    search_backend.rebuild()
    return search_backend


def names(results, kaart):
    by_id = {v.pk: v.name for v in kaart.__dict__.values() if hasattr(v, "summary")}
    return [by_id[hit.id] for hit in results.hits]


def facet(results, name):
    return {option.value: option for option in results.facets[name]}


# --- text --------------------------------------------------------------------------------------------


def test_dutch_stemming_finds_other_word_forms(backend, kaart):
    results = backend.search(SearchQuery(text="huishoudelijke hulp"))
    assert kaart.huishouding.pk in results.ids


def test_a_diminutives_plural_and_its_singular_find_each_other(search_backend, kaart):
    """A walk: "maatjes" did not find the Maatjesproject. The Dutch Snowball stemmer keeps the s after a j,
    so "maatjes" and "maatje" had different stems."""
    kaart.cafe.summary = "Een maatje komt op bezoek. Of drink koffie met een praatje."
    kaart.cafe.save()
    kaart.jongeren.summary = "Kopjes thee en spelletjes."
    kaart.jongeren.save()
    search_backend.rebuild()
    assert search_backend.search(SearchQuery(text="maatjes")).ids == [kaart.cafe.pk]
    assert search_backend.search(SearchQuery(text="praatjes")).ids == [kaart.cafe.pk]
    assert search_backend.search(SearchQuery(text="spelletje")).ids == [kaart.jongeren.pk]


def test_stopped_voorzieningen_are_never_found(backend, kaart):
    results = backend.search(SearchQuery(text="huishoudelijke hulp oud"))
    assert kaart.gestopt.pk not in results.ids
    everything = backend.search(SearchQuery(per_page=100))
    assert everything.total == ACTIVE
    assert kaart.gestopt.pk not in everything.ids


def test_how_often_or_how_much_does_not_narrow_the_search(backend, kaart):
    """A walk: "mijn moeder valt vaak" found nothing, as no text has both "valt" and "vaak"."""
    found = backend.search(SearchQuery(text="koffie")).ids
    assert kaart.cafe.pk in found
    for told in ("koffie vaak", "soms koffie", "erg vaak koffie"):
        assert backend.search(SearchQuery(text=told)).ids == found, told


def test_synonyms_find_what_the_searcher_means(backend, kaart):
    assert backend.search(SearchQuery(text="HbH")).total == 0
    Synoniemgroep.objects.create(termen="schoonmaakhulp, hulp bij het huishouden, HbH")
    backend.synonyms_changed()
    found = backend.search(SearchQuery(text="HbH")).ids
    assert kaart.schoonmaak.pk in found  # "schoonmaakhulp"
    assert kaart.huishouding.pk in found  # "hulp ... huishouding" through "hulp bij het huishouden"
    assert kaart.cafe.pk not in found


@pytest.mark.parametrize("typed", ["ik zoek hulp voor mantelzorgers", "mantelzorgers hulp nodig"])
def test_words_that_only_say_help_is_wanted_hide_no_help(backend, kaart, typed):
    """The mantelzorgcafé's text has no "hulp", "zoek" or "nodig": they weigh in the order, they do not
    filter."""
    assert backend.search(SearchQuery(text=typed)).ids == [kaart.cafe.pk]


@pytest.mark.parametrize("typed", ["mijn vader zoekt mantelzorgers", "mantelzorgers voor mijn moeder"])
def test_the_person_help_is_for_hides_no_help(backend, kaart, typed):
    """A mantelzorger names whom the help is for; no voorziening's text does. Like the help words, the person
    weighs in the order and is not left out with a note: it was no search word that went unfound."""
    results = backend.search(SearchQuery(text=typed, leave_out_unfound=True))
    assert (results.ids, results.left_out) == ([kaart.cafe.pk], ())
    assert backend.search(SearchQuery(text=typed)).ids == [kaart.cafe.pk]  # also where every word counts


@pytest.mark.parametrize("typed", ["ik word mantelzorger", "mantelzorgers, hoe doe je dat"])
def test_the_verbs_of_a_question_are_stop_words(backend, kaart, typed):
    """ "word" is no word of the kaart's texts: on Elasticsearch "ik word geslagen" found nothing."""
    results = backend.search(SearchQuery(text=typed))
    assert (results.ids, results.left_out) == ([kaart.cafe.pk], ())


def test_a_vague_word_still_counts_where_it_is_all_there_is_or_part_of_a_synonym(backend, kaart):
    assert kaart.huishouding.pk in backend.search(SearchQuery(text="hulp")).ids
    assert kaart.cafe.pk not in backend.search(SearchQuery(text="hulp")).ids
    Synoniemgroep.objects.create(termen="hulp thuis, schoonmaakhulp")
    backend.synonyms_changed()
    found = backend.search(SearchQuery(text="ik zoek hulp thuis")).ids
    assert kaart.schoonmaak.pk in found  # through the synonym "hulp thuis", which "thuis" alone is not


def test_a_vague_word_beside_a_synonym_of_stop_words_only_weighs_in_the_order(backend, kaart):
    """A walk: "hulp bij de was" said "Wij vonden geen hulp bij al uw woorden samen" and searched without
    "hulp": "de" and "was" are stop words, so "hulp" was taken for all there was to search."""
    Synoniemgroep.objects.create(termen="de was, mantelzorgers")
    backend.synonyms_changed()
    results = backend.search(SearchQuery(text="hulp bij de was", leave_out_unfound=True))
    assert (results.ids, results.left_out) == ([kaart.cafe.pk], ())


def test_synonym_added_later_works_without_restart(backend, kaart):
    assert kaart.schoonmaak.pk not in backend.search(SearchQuery(text="poetshulp")).ids
    group = Synoniemgroep.objects.create(termen="poetshulp, schoonmaakhulp")
    backend.synonyms_changed()
    assert kaart.schoonmaak.pk in backend.search(SearchQuery(text="poetshulp")).ids
    group.delete()
    backend.synonyms_changed()
    assert kaart.schoonmaak.pk not in backend.search(SearchQuery(text="poetshulp")).ids


@pytest.mark.parametrize("typed", ["ik kan niet meer poetse", "poetshlup", "poetshulpdienst"])
def test_a_typo_or_compound_of_a_synonym_finds_what_the_synonym_finds(backend, kaart, typed):
    """A walk: "ik kan niet meer poetse" found the household help on the database search and nothing on
    Elasticsearch, whose synonyms apply only to a word as typed."""
    Synoniemgroep.objects.create(termen="poetsen, poetshulp, schoonmaakhulp")
    backend.synonyms_changed()
    assert kaart.schoonmaak.pk in backend.search(SearchQuery(text=typed)).ids, typed


@pytest.mark.parametrize("typed", ["mantelzorgcafe", "mantelzrgcafé", "mantelzorgcaffe", "jongerenwerk"])
def test_typos_are_tolerated(backend, kaart, typed):
    results = backend.search(SearchQuery(text=typed))
    assert results.ids, typed
    assert results.ids[0] in {kaart.cafe.pk, kaart.jongeren.pk}


def test_a_word_as_typed_ranks_above_a_word_that_only_looks_like_it(search_backend, kaart):
    """A search with a word that is no Dutch word ("lindewaard") is matched with typo tolerance on
    Elasticsearch: "vergeet" then also finds "vergoed", and the text that says "vergeet" came after four
    short texts about a "vergoeding"."""
    for paid in (kaart.schoonmaak, kaart.jongeren, kaart.huishouding):
        paid.description = "Een kleine vergoeding in Lindewaard."
        paid.save()
    kaart.cafe.description = (  # a long text: each word in it weighs less than in a short one
        "Zorgt u voor iemand in Lindewaard? Wij luisteren en denken mee. Wordt de zorg u te zwaar? Dan "
        "zoeken wij samen hoe u even rust krijgt. Wij vertellen u welke hulp er is. Vergeet uw naaste "
        "steeds meer? Er zijn cursussen over omgaan met dementie."
    )
    kaart.cafe.save()
    search_backend.rebuild()
    assert search_backend.search(SearchQuery(text="vergeet lindewaard")).ids[0] == kaart.cafe.pk


def test_a_dutch_word_is_not_taken_for_a_typo(backend, kaart):
    """ "ik verveel me" searched "vervoer" and "mijn man is overleden" was offered "overlijden": a word people
    write is searched as typed ("malen" is not "molen", of "Dagbesteding De Molen")."""
    results = backend.search(SearchQuery(text="malen"))
    assert (results.total, results.did_you_mean) == (0, None)
    assert backend.search(SearchQuery(text="moolen")).ids == [kaart.dagbesteding.pk]  # a typo still finds it


def test_a_typo_suggests_the_right_word(backend, kaart):
    results = backend.search(SearchQuery(text="huishuding"))
    assert kaart.huishouding.pk in results.ids
    assert results.did_you_mean and "huishouding" in results.did_you_mean


@pytest.mark.parametrize("typed", ["kofie", "chilen", "kofie chilen"])
def test_did_you_mean_never_offers_a_word_found_only_in_a_description(backend, kaart, typed):
    # "koffie" and "chillen" are in summaries only, not in a name, theme or synonym.
    assert backend.search(SearchQuery(text=typed)).did_you_mean is None


def test_did_you_mean_offers_a_word_once_it_is_in_the_vocabulary(backend, kaart):
    assert backend.search(SearchQuery(text="kofie")).did_you_mean is None
    Synoniemgroep.objects.create(termen="koffie, koffieochtend")
    backend.synonyms_changed()
    assert backend.search(SearchQuery(text="kofie")).did_you_mean == "koffie"


def test_nonsense_finds_nothing(backend, kaart):
    results = backend.search(SearchQuery(text="xqzvw"))
    assert results.total == 0
    assert results.hits == []
    assert all(option.count == 0 for option in results.facets["thema"])


def test_a_word_no_voorziening_holds_is_left_out_and_named(backend, kaart):
    """Every word must match, so "mijn moeder vergeet veel" found nothing: no voorziening says "moeder"."""
    results = backend.search(SearchQuery(text="mijn grootmoeder mantelzorgers", leave_out_unfound=True))
    assert results.ids == [kaart.cafe.pk]
    assert results.left_out == ("grootmoeder",)
    assert not backend.search(SearchQuery(text="mantelzorgers", leave_out_unfound=True)).left_out
    strict = backend.search(SearchQuery(text="mijn grootmoeder mantelzorgers"))  # as the API asks
    assert (strict.total, strict.left_out) == (0, ())


def test_words_are_kept_when_none_finds_anything_or_a_filter_hides_the_help(backend, kaart):
    def search(text, **filters):
        return backend.search(SearchQuery(text=text, leave_out_unfound=True, **filters))

    alone = search("grootmoeder kleinkind")
    assert (alone.total, alone.left_out, alone.not_together) == (0, (), ())
    filtered = search("grootmoeder koffie", thema=["huishouden"])  # "koffie" finds help, the filter none
    assert (filtered.total, filtered.left_out, filtered.not_together) == (0, ("grootmoeder",), ())


def test_words_that_find_help_only_apart_leave_out_the_one_that_fits_least(backend, kaart):
    """A walk: "mantelzorg jongeren", "even weg van huis" and "moeder kan niet meer alleen thuis" found
    nothing, though each word finds help: never all at once. The fewest words are left out, and of those the
    ones whose help fits the other words least ("chillen" is in one summary; "mantelzorgers" in a name)."""
    results = backend.search(SearchQuery(text="mantelzorgers chillen", leave_out_unfound=True))
    assert (results.ids, results.left_out, results.not_together) == ([kaart.cafe.pk], (), ("chillen",))
    strict = backend.search(SearchQuery(text="mantelzorgers chillen"))  # as the API asks
    assert (strict.total, strict.not_together) == (0, ())
    unfound_too = backend.search(
        SearchQuery(text="grootmoeder mantelzorgers chillen", leave_out_unfound=True)
    )
    assert (unfound_too.ids, unfound_too.left_out, unfound_too.not_together) == (
        [kaart.cafe.pk],
        ("grootmoeder",),
        ("chillen",),
    )


# --- facets ------------------------------------------------------------------------------------------


def test_every_facet_lists_every_option_with_counts(backend, kaart):
    results = backend.search(SearchQuery())
    assert set(results.facets) == set(facet_names())
    thema = facet(results, "thema")
    assert [option.value for option in results.facets["thema"]] == [
        "huishouden",
        "mantelzorg",
        "ontmoeting",
        "dagbesteding",
        "vervoer",
    ]
    assert thema["huishouden"].count == 2  # the gestopt one is not counted
    assert thema["ontmoeting"].count == 2
    assert thema["vervoer"].count == 0  # no voorziening, still listed
    assert thema["vervoer"].label == "Vervoer"
    assert facet(results, "doelgroep")["jongeren"].count == 1
    assert facet(results, "toegang")["verwijzing"].count == 2
    assert facet(results, "kosten")["gratis"].count == 2
    wijk = facet(results, "wijk")
    assert wijk["oude-haven"].count == 3  # cafe, jongeren, and the whole-municipality schoonmaakhulp
    assert wijk["oude-haven"].label == "Oude Haven"


def test_a_new_or_renamed_wijk_or_term_is_an_option_at_the_next_search(backend, kaart):
    backend.search(SearchQuery())  # the options as they were, read once
    WijkFactory(name="Nieuwe Polder", slug="nieuwe-polder")
    TermFactory(code="tuin", name="Tuin")
    kaart.haven.name = "Oude Haven en Kade"
    kaart.haven.save()
    results = backend.search(SearchQuery())
    assert facet(results, "wijk")["nieuwe-polder"].label == "Nieuwe Polder"
    assert facet(results, "wijk")["oude-haven"].label == "Oude Haven en Kade"
    assert facet(results, "thema")["tuin"].count == 0


def test_a_facets_counts_ignore_its_own_filter(backend, kaart):
    results = backend.search(SearchQuery(thema=("huishouden",)))
    assert results.total == 2
    thema = facet(results, "thema")
    assert thema["huishouden"].selected and not thema["mantelzorg"].selected
    assert thema["mantelzorg"].count == 1  # what choosing it as well would add
    assert thema["dagbesteding"].count == 2
    toegang = facet(results, "toegang")  # other facets count within the thema filter
    assert toegang["beschikking"].count == 1
    assert toegang["vrij"].count == 1
    assert toegang["verwijzing"].count == 0
    assert "verwijzing" in toegang  # a zero option stays visible


def test_options_of_one_facet_widen_and_facets_narrow(backend, kaart):
    either = backend.search(SearchQuery(thema=("huishouden", "mantelzorg")))
    assert either.total == 3
    both = backend.search(SearchQuery(thema=("huishouden", "mantelzorg"), toegang=("vrij",)))
    assert set(both.ids) == {kaart.schoonmaak.pk, kaart.cafe.pk}
    assert facet(both, "toegang")["beschikking"].count == 1


def test_facet_counts_follow_the_text(backend, kaart):
    results = backend.search(SearchQuery(text="dagbesteding"))
    assert results.total == 2
    assert facet(results, "thema")["dagbesteding"].count == 2
    assert facet(results, "thema")["huishouden"].count == 0


def test_a_whole_municipality_voorziening_is_in_every_wijk(backend, kaart):
    results = backend.search(SearchQuery(wijk=("centrum",)))
    assert set(results.ids) == {kaart.huishouding.pk, kaart.schoonmaak.pk}


def test_unknown_filter_values_are_ignored(backend, kaart):
    results = backend.search(SearchQuery(thema=("bestaat-niet",), wijk=("<script>",)))
    assert results.total == ACTIVE


# --- proximity ---------------------------------------------------------------------------------------


def test_near_a_postcode_nearest_first_with_distance(backend, kaart):
    results = backend.search(SearchQuery(postcode="3913 AB", sort="distance", per_page=10))
    assert results.origin.wijk_slug == "oude-haven"
    assert results.origin.wijk_name == "Oude Haven"
    assert (results.origin.latitude, results.origin.longitude) == (52.0981, 5.1327)
    assert results.ids[:2] == [kaart.cafe.pk, kaart.jongeren.pk]
    located = [hit for hit in results.hits if hit.distance_km is not None]
    assert [hit.distance_km for hit in located] == sorted(hit.distance_km for hit in located)
    expected = haversine_km(52.0981, 5.1327, 52.0985, 5.1330)
    assert results.hits[0].distance_km == pytest.approx(expected, abs=0.01)
    schoonmaak = next(hit for hit in results.hits if hit.id == kaart.schoonmaak.pk)
    assert schoonmaak.distance_km == pytest.approx(haversine_km(52.0981, 5.1327, 52.0775, 5.1300), abs=0.01)
    assert 2.0 < schoonmaak.distance_km < 2.5
    without_location = [hit for hit in results.hits if hit.distance_km is None]
    assert {hit.id for hit in without_location} == {kaart.dagbesteding.pk, kaart.dagbesteding_vers.pk}
    assert results.hits[-len(without_location) :] == without_location  # no place: last


def test_help_without_a_location_that_serves_the_wijk_comes_first_by_distance(backend, kaart):
    """It comes to the resident: a maatje or burenhulp in her own wijk came after every place in town (58th
    of 61 for "eenzaam" in the demo). Elsewhere, help without a location still comes last."""
    results = backend.search(SearchQuery(postcode="3917 AA", sort="distance", per_page=50))
    comes_home = {kaart.dagbesteding.pk, kaart.dagbesteding_vers.pk}  # De Beemden's, without a location
    assert set(results.ids[:2]) == comes_home and results.total > 2
    assert all(hit.distance_km is None for hit in results.hits[:2])  # no distance is made up for them
    located = [hit.distance_km for hit in results.hits[2:] if hit.distance_km is not None]
    assert located == sorted(located)


def test_with_a_postcode_equal_help_of_the_residents_own_wijk_comes_first(search_backend, kaart):
    """The same help in each wijk scores within a few percent (a longer name scores less): the Maatjesproject
    of her own wijk came seventh for "eenzaam", after those of five other wijken."""
    visit = "Een maatje komt bij u op bezoek als u zich alleen voelt."
    elsewhere = VoorzieningFactory(name="Bezoek Centrum", summary=visit, wijken=[kaart.centrum])
    own = VoorzieningFactory(
        name="Maatjesproject De Beemden en de wijk", summary=visit, wijken=[kaart.beemden]
    )
    search_backend.rebuild()
    without_postcode = search_backend.search(SearchQuery(text="maatje"))
    assert without_postcode.ids == [elsewhere.pk, own.pk]  # the shorter name scores more
    assert search_backend.search(SearchQuery(text="maatje", postcode="3917 AA")).ids == [own.pk, elsewhere.pk]


def test_with_a_postcode_as_good_a_match_nearby_comes_before_one_far_away(search_backend, kaart):
    """A walk's son read "Dagbesteding" 4.7 km away above the one 0.2 km from his mother's home, both as good
    a match (a longer name scores a little less). Sorted by name, distance changes nothing."""
    summary = "Een zinvolle dag met anderen, ook als u vergeetachtig bent."
    far = VoorzieningFactory(name="Dagbesteding", summary=summary, hele_gemeente=True)
    near = VoorzieningFactory(name="Dagbesteding aan de haven", summary=summary, hele_gemeente=True)
    for voorziening, latitude in ((far, 52.1431), (near, 52.0985)):  # 5 km and 50 m from 3913 AB
        locatie = LocatieFactory(
            organisatie=voorziening.organisatie, name=voorziening.name, latitude=latitude, longitude=5.1327
        )
        VoorzieningOpLocatieFactory(voorziening=voorziening, locatie=locatie)
    search_backend.rebuild()

    def order(**query):
        found = search_backend.search(SearchQuery(text="dagbesteding", per_page=50, **query)).ids
        return [pk for pk in found if pk in (far.pk, near.pk)]

    assert order() == [far.pk, near.pk]  # the shorter name scores more
    assert order(postcode="3913 AB") == [near.pk, far.pk]
    assert order(postcode="3913 AB", sort="name") == [far.pk, near.pk]


def test_with_a_postcode_help_without_a_place_weighs_whole_only_where_it_comes_to_the_home(
    search_backend, kaart
):
    """Help without a place of its own comes to the home in the wijken it serves: there it weighs as if next
    door; for another wijk it weighs as a place far away (a review: it came above a place nearby)."""
    summary = "Wij brengen elke dag een warme maaltijd."
    elsewhere = VoorzieningFactory(name="Maaltijd", summary=summary, wijken=[kaart.centrum])
    home = VoorzieningFactory(name="Maaltijd aan huis De Beemden", summary=summary, wijken=[kaart.beemden])
    nearby = VoorzieningFactory(name="Maaltijd in de wijk Centrum", summary=summary, wijken=[kaart.centrum])
    locatie = LocatieFactory(
        organisatie=nearby.organisatie, name="Keuken", latitude=52.0862, longitude=5.1298
    )
    VoorzieningOpLocatieFactory(voorziening=nearby, locatie=locatie)  # 1 km from 3917's centre
    search_backend.rebuild()

    def order(**query):
        found = search_backend.search(SearchQuery(text="maaltijd", per_page=50, **query)).ids
        return [pk for pk in found if pk in (elsewhere.pk, home.pk, nearby.pk)]

    assert order()[0] == elsewhere.pk  # the shortest name scores most
    assert order(postcode="3917 AA") == [home.pk, nearby.pk, elsewhere.pk]


def test_each_hit_carries_its_first_location_by_name_as_its_point(search_backend, kaart):
    """The pin on the map: the first of its locations (by name) that has coordinates."""
    for name, latitude in (("Zeeheldenhuis", 52.11), ("Abdijhof", None), ("Anker", 52.09)):
        locatie = LocatieFactory(
            organisatie=kaart.cafe.organisatie,
            name=name,
            latitude=latitude,
            longitude=latitude and 5.12,
            postcode="" if latitude is None else "3911 AA",  # without one, none from its postcode either
        )
        VoorzieningOpLocatieFactory(voorziening=kaart.cafe, locatie=locatie)
    search_backend.rebuild()
    points = {hit.id: hit.point for hit in search_backend.search(SearchQuery(per_page=100)).hits}
    # Anker: Abdijhof has no coordinates; Buurthuis and Zeeheldenhuis come after.
    assert points[kaart.cafe.pk] == (52.09, 5.12)
    assert points[kaart.jongeren.pk] == (52.0990, 5.1340)
    assert points[kaart.dagbesteding.pk] is None  # no location


def test_a_postcode_outside_the_municipality_gives_no_origin(backend, kaart):
    results = backend.search(SearchQuery(postcode="1012 AB", sort="distance"))
    assert results.origin is None
    assert results.total == ACTIVE
    assert all(hit.distance_km is None for hit in results.hits)


@pytest.mark.parametrize("postcode", ["abc", "39", "'; DROP TABLE x; --", "9999999"])
def test_a_malformed_postcode_is_harmless(backend, kaart, postcode):
    results = backend.search(SearchQuery(postcode=postcode, sort="distance"))
    assert results.origin is None
    assert results.total == ACTIVE


def test_only_my_wijk_is_help_for_the_wijk_and_for_the_whole_gemeente(backend, kaart):
    """Help for another wijk stays out; help for the whole gemeente stays in, also at an address in another
    wijk. Two walks: the Steunpunt mantelzorg a son was sent to, and the grief support a huisarts looked for,
    both for the whole gemeente, dropped out, and "Hele gemeente" stood on them under "Buiten uw wijk"."""
    assert kaart.schoonmaak.hele_gemeente and kaart.schoonmaak.op_locaties.exists()  # in de-beemden
    results = backend.search(SearchQuery(postcode="3913AB", alleen_mijn_wijk=True))  # oude-haven
    assert set(results.ids) == {kaart.cafe.pk, kaart.jongeren.pk, kaart.schoonmaak.pk}
    assert facet(results, "thema")["huishouden"].count == 1
    everywhere = backend.search(SearchQuery(postcode="3913AB"))
    assert everywhere.total > results.total  # help for other wijken only


# --- sorting and pages -------------------------------------------------------------------------------


def test_sort_by_name(backend, kaart):
    results = backend.search(SearchQuery(sort="name", per_page=50))
    found = names(results, kaart)
    assert found == sorted(found, key=str.casefold)
    assert len(found) == ACTIVE


def test_relevance_puts_the_best_match_first(backend, kaart):
    results = backend.search(SearchQuery(text="mantelzorg", sort="relevance"))
    assert results.ids[0] == kaart.cafe.pk


def test_pages_cover_everything_once(backend, kaart):
    seen = []
    for page in (1, 2, 3):
        results = backend.search(SearchQuery(sort="name", page=page, per_page=2))
        assert results.total == ACTIVE
        assert results.num_pages == 3
        assert len(results.hits) == 2
        seen += results.ids
    assert len(set(seen)) == ACTIVE
    assert backend.search(SearchQuery(sort="name", page=4, per_page=2)).hits == []


def test_outdated_capacity_ranks_lower_for_professionals(backend, kaart):
    results = backend.search(SearchQuery(thema=("dagbesteding",), voor_professionals=True))
    assert results.ids == [kaart.dagbesteding_vers.pk, kaart.dagbesteding.pk]
    by_name = backend.search(SearchQuery(thema=("dagbesteding",), sort="name"))
    assert by_name.ids == [kaart.dagbesteding.pk, kaart.dagbesteding_vers.pk]


def test_filter_by_organisation_and_change_date(backend, kaart):
    results = backend.search(SearchQuery(organisatie_id=kaart.welzijn.pk, per_page=50))
    assert set(results.ids) == {kaart.schoonmaak.pk, kaart.cafe.pk, kaart.jongeren.pk}
    assert backend.search(SearchQuery(modified_after=timezone.now() + timedelta(hours=1))).total == 0
    assert backend.search(SearchQuery(modified_after=timezone.now() - timedelta(hours=1))).total == ACTIVE


# --- autocomplete and keeping the index current --------------------------------------------------------


def test_autocomplete_names_themes_and_synonyms(backend, kaart):
    Synoniemgroep.objects.create(termen="schoonmaakdienst, poetshulp")
    backend.synonyms_changed()
    suggestions = backend.autocomplete("schoon")
    assert "Schoonmaakhulp aan huis" in suggestions
    assert "schoonmaakdienst" in suggestions
    assert "Huishouden" in backend.autocomplete("huish")
    assert backend.autocomplete("poets") == ["poetshulp"]
    assert len(backend.autocomplete("d", limit=1)) <= 1
    assert "Huishoudelijke hulp Oud" not in backend.autocomplete("huish")  # gestopt


def test_a_language_is_found_by_its_name(backend, kaart):
    """A walk: the Taalcafé lists "Arabisch, Turks", and "turks" found nothing. Dutch, which nearly all help
    speaks, finds nothing by its name: "nederlands" looks for the words."""
    kaart.cafe.talen = ["nl", "tr", "ar"]
    kaart.cafe.save()
    kaart.schoonmaak.talen = ["nl"]
    kaart.schoonmaak.save()
    backend.index([kaart.cafe.pk, kaart.schoonmaak.pk])
    assert backend.search(SearchQuery(text="turks")).ids == [kaart.cafe.pk]
    assert backend.search(SearchQuery(text="hulp in het arabisch")).ids[:1] == [kaart.cafe.pk]
    assert backend.search(SearchQuery(text="nederlands")).total == 0


def test_a_compound_written_apart_finds_the_whole_word(backend, kaart):
    """A walk: "regio taxi" found nothing where "regiotaxi" found the Wmo-vervoer."""
    kaart.cafe.name = "Regiotaxi voor ouderen"
    kaart.cafe.save()
    backend.index([kaart.cafe.pk])
    assert backend.search(SearchQuery(text="regiotaxi")).ids == [kaart.cafe.pk]
    assert backend.search(SearchQuery(text="regio taxi")).ids == [kaart.cafe.pk]
    # "hulp" alone is left out as a word that only says help is wanted: not where it starts a compound.
    kaart.cafe.name = "Hulpmiddelen voor thuis"
    kaart.cafe.save()
    backend.index([kaart.cafe.pk])
    assert backend.search(SearchQuery(text="hulp middelen")).ids == [kaart.cafe.pk]


def test_index_and_remove_keep_results_current(backend, kaart):
    kaart.cafe.name = "Koffieochtend voor mantelzorgers"
    kaart.cafe.save()
    backend.index([kaart.cafe.pk])
    assert backend.search(SearchQuery(text="koffieochtend")).ids == [kaart.cafe.pk]
    backend.remove([kaart.cafe.pk])
    assert backend.search(SearchQuery(text="koffieochtend")).total == 0
    assert backend.search(SearchQuery()).total == ACTIVE - 1
    kaart.jongeren.status = "gestopt"
    kaart.jongeren.save()
    backend.index([kaart.jongeren.pk])
    assert kaart.jongeren.pk not in backend.search(SearchQuery(text="jongerenwerk")).ids


def test_a_closed_voorziening_comes_after_open_ones_that_match_as_well(backend, kaart):
    """A walk: "Inloopochtend ouderen – Tijdelijk gesloten" came first for "dagbesteding"."""
    from socialekaart.models import Voorziening

    ask = SearchQuery(text="dagbesteding", per_page=50)
    before = backend.search(ask).ids
    assert len(before) >= 2
    Voorziening.objects.filter(pk=before[0]).update(status=Voorziening.Status.TIJDELIJK_GESLOTEN)
    backend.rebuild()
    after = backend.search(ask).ids
    assert sorted(after) == sorted(before) and after[-1] == before[0]
