"""What only the embedded database backend promises beyond the contract: a fixed number of queries per
search whatever the data size, and no error on any input."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialekaart.search import SearchQuery, get_backend

from .factories import VoorzieningFactory

pytestmark = pytest.mark.django_db

QUERIES = [
    SearchQuery(),
    SearchQuery(text="huishoudelijke hulp", postcode="3911 AB", sort="distance"),
    SearchQuery(text="mantelzrgcafe", thema=("mantelzorg",), wijk=("oude-haven",), per_page=5, page=2),
    SearchQuery(postcode="3913", alleen_mijn_wijk=True, voor_professionals=True),
]


def query_counts(backend):
    counts = []
    for query in QUERIES:
        with CaptureQueriesContext(connection) as captured:
            backend.search(query)
        counts.append(len(captured))
    return counts


def test_a_search_costs_the_same_few_queries_at_any_size(kaart):
    backend = get_backend("database")
    backend.rebuild()
    backend.search(SearchQuery())  # loads the snapshot of this index version
    small = query_counts(backend)
    assert max(small) <= 3
    for _ in range(60):
        VoorzieningFactory(organisatie=kaart.zorg, themas=[kaart.thema["huishouden"]], wijken=[kaart.centrum])
    backend.rebuild()
    backend.search(SearchQuery())
    assert query_counts(backend) == small


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(max_size=300),
    postcode=st.text(max_size=12),
    thema=st.lists(st.text(max_size=20), max_size=3),
    page=st.integers(min_value=-5, max_value=10_000),
    per_page=st.integers(min_value=-5, max_value=10_000),
    sort=st.sampled_from(["relevance", "distance", "name", "onzin", ""]),
)
def test_any_input_gives_an_answer_not_an_error(kaart, text, postcode, thema, page, per_page, sort):
    backend = get_backend("database")
    results = backend.search(
        SearchQuery(text=text, postcode=postcode, thema=tuple(thema), page=page, per_page=per_page, sort=sort)
    )
    assert results.total >= 0
    assert len(results.hits) <= 100
    backend.autocomplete(text)


def test_among_equal_matches_the_help_that_comes_to_the_residents_wijk_comes_first(kaart):
    """A walk: with her postcode in Lindehof, "ik voel me alleen" put the Maatjesproject of Centrum first and
    Lindehof's third, alike in all but the wijk (Elasticsearch breaks such ties by distance and name)."""
    text = {
        "summary": "Een maatje komt bij u thuis.",
        "description": "",
        "themas": [kaart.thema["huishouden"]],
    }
    elders = VoorzieningFactory(name="Maatjes Aa", slug="maatjes-aa", wijken=[kaart.centrum], **text)
    thuis = VoorzieningFactory(name="Maatjes Bb", slug="maatjes-bb", wijken=[kaart.beemden], **text)
    backend = get_backend("database")
    backend.rebuild()
    assert backend.search(SearchQuery(text="maatjes")).ids == [elders.pk, thuis.pk]  # in name order
    assert backend.search(SearchQuery(text="maatjes", postcode="3917 AA")).ids == [thuis.pk, elders.pk]
