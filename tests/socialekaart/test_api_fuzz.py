"""Hostile and random query parameters on every HSDS endpoint: a 200 or a 4xx with JSON, never a 500."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialekaart.hsds.ids import taxonomy_id

PARAMETERS = [
    "search",
    "page",
    "per_page",
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
    "modified_after",
    "minimal",
    "full",
    "postcode",
    "proximity",
    "parent_id",
    "top_only",
    "full_service",
    "format",
]
ENDPOINTS = ["", "services", "organizations", "taxonomies", "taxonomy_terms", "service_at_locations"]
NASTY = [
    "",
    "0",
    "-1",
    "1e9",
    "99999999999999999999",
    "NaN",
    "true",
    "null",
    "'; DROP TABLE x; --",
    "<script>",
    "\x00",
    "%00",
    "2026-02-30",
    "2026-01-01T25:00",
    "9999-12-31T23:59:59+14:00",
    "0001-01-01",
    "3911 AB",
    "3913",
    "1000",
    "6f1d2c1e-5b0a-4f43-9a57-0c6a1f7e2b10",
    taxonomy_id("thema"),
    "ü" * 300,
]
values = st.one_of(st.sampled_from(NASTY), st.text(max_size=40), st.integers(-(10**12), 10**12).map(str))
queries = st.lists(st.tuples(st.sampled_from(PARAMETERS), values), max_size=6)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries)
def test_random_parameters_never_give_a_server_error(client, kaart, endpoint, query):
    response = client.get(f"/api/hsds/{endpoint}?{urlencode(query)}")
    assert response.status_code in (200, 400), (endpoint, query, response.content[:200])
    body = response.json()
    if response.status_code == 400:
        assert body["message"].startswith("Parameter ")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.text(max_size=60))
def test_random_detail_paths_never_give_a_server_error(client, kaart, path):
    for endpoint in ENDPOINTS[1:]:
        response = client.get(f"/api/hsds/{endpoint}/{path}")
        assert response.status_code in (200, 301, 400, 404), (endpoint, path)
