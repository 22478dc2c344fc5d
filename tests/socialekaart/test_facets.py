"""A facet is one entry in search/facets.py: added there, it is in the form, on the page, in both search
backends and in the HSDS API; and every place shows the options in the same order."""

import pytest

from socialekaart.forms import SearchForm
from socialekaart.hsds.ids import fixed_term_id, taxonomy_id
from socialekaart.search import SearchQuery, facets, get_backend
from socialekaart.search.elasticsearch import build_search, index_definition
from socialekaart.search.facets import Choices, Facet

from .factories import WijkFactory

SEARCH = "/sociale-kaart/"
BINNENLOPEN = Facet(
    "binnenlopen",
    "Zonder afspraak",
    "binnenlopen",
    Choices("aanmelden_inloop"),
    source="aanmelden_inloop",
    hsds="Binnenlopen: of u zonder afspraak langs kunt komen.",
)


@pytest.fixture
def binnenlopen(monkeypatch, kaart):
    """The kaart with one more facet, over an existing field: only the mantelzorgcafé has a walk-in."""
    monkeypatch.setattr(facets, "FACETS", [*facets.FACETS, BINNENLOPEN])
    kaart.cafe.aanmelden_inloop = True
    kaart.cafe.save()
    get_backend().rebuild()
    return kaart


def test_a_new_facet_is_a_filter_of_the_search_form(binnenlopen):
    form = SearchForm({"binnenlopen": ["ja", "misschien"]})
    assert form.fields["binnenlopen"].label == "Zonder afspraak"
    assert form.fields["binnenlopen"].choices == [("ja", "Ja"), ("nee", "Nee")]
    assert form.search_kwargs()["binnenlopen"] == ("ja",)  # the unknown value is left out
    assert "binnenlopen" in form.errors
    assert form.has_filters()


def test_a_new_facet_counts_and_filters_in_the_database_backend(binnenlopen):
    backend = get_backend("database")
    counts = {option.value: option.count for option in backend.search(SearchQuery()).facets["binnenlopen"]}
    assert counts == {"ja": 1, "nee": 5}
    chosen = backend.search(SearchQuery(binnenlopen=("ja",)))
    assert chosen.ids == [binnenlopen.cafe.pk]
    assert [option.selected for option in chosen.facets["binnenlopen"]] == [True, False]
    # The other facets count within the new facet's choice.
    thema = {option.value: option.count for option in chosen.facets["thema"]}
    assert thema["mantelzorg"] == 1 and thema["huishouden"] == 0


def test_a_new_facet_shows_on_the_search_page_with_counts(client, binnenlopen):
    page = client.get(SEARCH, {"binnenlopen": "ja"}).content.decode()
    assert "Zonder afspraak" in page
    assert 'name="binnenlopen" value="ja" id="id_binnenlopen_0" checked' in page
    assert 'Ja <span class="kaart-count"><span aria-hidden="true">(1)' in page
    assert 'Nee <span class="kaart-count"><span aria-hidden="true">(5)' in page
    assert "Mantelzorgcafé De Linde" in page
    assert "Hulp in de huishouding" not in page


def test_a_new_facet_is_a_keyword_field_and_an_aggregation_in_elasticsearch(monkeypatch):
    monkeypatch.setattr(facets, "FACETS", [*facets.FACETS, BINNENLOPEN])
    assert index_definition("x").to_dict()["mappings"]["properties"]["binnenlopen"] == {"type": "keyword"}
    body = build_search(SearchQuery(binnenlopen=("ja",), thema=("mantelzorg",)), index="wmo").to_dict()
    clause = {"terms": {"binnenlopen": ["ja"]}}
    assert clause in body["post_filter"]["bool"]["filter"]
    assert body["aggs"]["binnenlopen"]["aggs"]["opties"]["terms"]["field"] == "binnenlopen"
    assert clause not in body["aggs"]["binnenlopen"]["filter"]["bool"]["filter"]
    assert clause in body["aggs"]["thema"]["filter"]["bool"]["filter"]


def test_a_new_facet_is_a_taxonomy_and_a_filter_of_the_hsds_api(client, binnenlopen):
    taxonomies = client.get("/api/hsds/taxonomies").json()["contents"]
    assert taxonomy_id("binnenlopen") in [taxonomy["id"] for taxonomy in taxonomies]
    term = fixed_term_id("binnenlopen", "ja")
    page = client.get("/api/hsds/services", {"taxonomy_term_id": term}).json()
    assert [service["id"] for service in page["contents"]] == [str(binnenlopen.cafe.pk)]
    found = client.get("/api/hsds/services", {"taxonomy_term_id": term, "search": "mantelzorgcafe"}).json()
    assert found["total_items"] == 1


def test_a_facet_can_only_be_chosen_when_it_is_declared(db):
    with pytest.raises(TypeError):
        SearchQuery(binnenlopen=("ja",))


def test_wijken_are_in_the_same_alphabetical_order_everywhere(client, kaart):
    WijkFactory(name="Zuid", slug="zuid")
    WijkFactory(name="de Horst", slug="de-horst")
    WijkFactory(name="Éénhoven", slug="eenhoven")
    get_backend().rebuild()
    expected = ["centrum", "de-beemden", "de-horst", "eenhoven", "oude-haven", "zuid"]
    in_backend = [option.value for option in get_backend("database").search(SearchQuery()).facets["wijk"]]
    assert in_backend == expected
    assert [code for code, _label in SearchForm({}).fields["wijk"].choices] == expected
    page = client.get(SEARCH).content.decode()
    on_page = [page.index(f'name="wijk" value="{slug}"') for slug in expected]
    assert on_page == sorted(on_page)
