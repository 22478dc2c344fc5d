"""The HSDS 3.0 API: every response type validated against the published schemas (read from
../shared/hsds-3.0, never copied into the project), filters that combine with AND, pagination as the
standard says, clear 400s, and never a professionals-only contact or capacity."""

import json
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from unittest import mock
from uuid import uuid4

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from socialekaart.hsds.ids import taxonomy_id
from socialekaart.hsds.local_time import utc_offset_today
from socialekaart.models import Contact, Openingstijd, Sluiting, Synoniemgroep, Voorziening
from socialekaart.search import SearchUnavailable, get_backend

from .factories import CapaciteitFactory

SHARED = Path(__file__).resolve().parents[3] / "shared" / "hsds-3.0"
needs_schemas = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/hsds-3.0 not found")

PRO_NAME, PRO_PHONE, PRO_EMAIL = "Achterdeur Wijkteam", "010-9999999", "achterdeur@zorg.example"


def _registry():
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resources = []
    for path in SHARED.glob("*.json"):
        contents = json.loads(path.read_text())
        resources.append((path.name, Resource.from_contents(contents, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


def validate(instance, schema_name: str):
    """Validate against a shared HSDS schema, e.g. "compiled/service.json" or "taxonomy.json"."""
    from jsonschema import Draft202012Validator, FormatChecker

    schema = json.loads((SHARED / schema_name).read_text())
    validator = Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())
    errors = sorted(validator.iter_errors(instance), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


PAGE_KEYS = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
}


def validate_page(page: dict, item_schema: str):
    """The HSDS Page object (from the shared OpenAPI document) plus each item against its schema."""
    openapi = json.loads((SHARED / "openapi.json").read_text())
    validate_against(page, openapi["components"]["schemas"]["Page"])
    assert set(page) == PAGE_KEYS
    assert page["size"] == len(page["contents"])
    for item in page["contents"]:
        validate(item, item_schema)


def validate_against(instance, schema: dict):
    from jsonschema import Draft202012Validator

    Draft202012Validator(schema).validate(instance)


@pytest.fixture
def api_kaart(kaart):
    """The shared test kaart plus contacts (one only for professionals), opening hours and details."""
    Contact.objects.create(voorziening=kaart.cafe, name="Balie Welzijn", rol="Onthaal", telefoon="0301234567")
    Contact.objects.create(
        voorziening=kaart.cafe, name=PRO_NAME, telefoon=PRO_PHONE, email=PRO_EMAIL, voor_professionals=True
    )
    op_locatie = kaart.cafe.op_locaties.get()
    Openingstijd.objects.create(
        op_locatie=op_locatie, weekdag=3, open_van=time(9), open_tot=time(12), toelichting="Koffie"
    )
    kaart.schoonmaak.kosten_bedrag = "12.50"
    kaart.schoonmaak.kosten_toelichting = "Per uur."
    kaart.schoonmaak.talen = ["nl", "en"]
    kaart.schoonmaak.aanmelden_telefoon = "0307654321"
    kaart.schoonmaak.aanmelden_inloop = True
    kaart.schoonmaak.save()
    kaart.zorg.phone = "0301111111"
    kaart.zorg.website = "https://zorg.example"
    kaart.zorg.save()
    get_backend().rebuild()
    return kaart


def get(client, path, **params):
    response = client.get(f"/api/hsds/{path}", params)
    assert response["Content-Type"] == "application/json"
    return response


def ids(page):
    return [item["id"] for item in page["contents"]]


# --- Root and OpenAPI -----------------------------------------------------------------------------------


def test_root_tells_version_profile_and_openapi(client, kaart):  # not an empty kaart's answer
    data = get(client, "").json()
    assert data["version"] == "3.0"
    assert data["profile"].startswith("https://")
    assert data["openapi_url"] == "http://testserver/api/hsds/openapi.json"


def test_openapi_document_describes_every_endpoint_we_serve(client, api_kaart):
    document = get(client, "openapi.json").json()
    assert document["openapi"].startswith("3.1")
    assert set(document["paths"]) == {
        "/",
        "/services",
        "/services/{id}",
        "/organizations",
        "/organizations/{id}",
        "/taxonomies",
        "/taxonomies/{id}",
        "/taxonomy_terms",
        "/taxonomy_terms/{id}",
        "/service_at_locations",
        "/service_at_locations/{id}",
    }
    services = document["paths"]["/services"]["get"]
    assert {p["name"] for p in services["parameters"]} >= {
        "search",
        "page",
        "per_page",
        "taxonomy_term_id",
        "taxonomy_id",
        "organization_id",
        "modified_after",
        "minimal",
    }
    for path in document["paths"]:
        if "{id}" not in path:
            assert get(client, path.lstrip("/")).status_code == 200, path


def test_answers_are_compressed_for_who_asks_and_a_poll_without_changes_gets_a_304(client, api_kaart):
    """A consumer's walk: no gzip for some 640 kB of full services, and no ETag for polling."""
    import gzip

    plain = client.get("/api/hsds/services", {"full": "true"})
    packed = client.get("/api/hsds/services", {"full": "true"}, HTTP_ACCEPT_ENCODING="gzip")
    assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
    assert json.loads(gzip.decompress(packed.content)) == plain.json()
    again = client.get("/api/hsds/services", {"full": "true"}, HTTP_IF_NONE_MATCH=plain["ETag"])
    assert again.status_code == 304 and not again.content
    # A developer's walk: the 304 did not say it varies by Accept-Encoding, as the 200 does, so a shared
    # cache could answer it for either; and HEAD, to check for a change without the body, had no ETag.
    assert "Accept-Encoding" in again["Vary"]
    head = client.head("/api/hsds/services", {"full": "true"})
    assert head.status_code == 200 and head["ETag"] == plain["ETag"] and not head.content
    assert (
        client.head("/api/hsds/services", {"full": "true"}, HTTP_IF_NONE_MATCH=plain["ETag"]).status_code
        == 304
    )


# --- Services -------------------------------------------------------------------------------------------


@needs_schemas
def test_services_list_validates_and_leaves_out_stopped_voorzieningen(client, api_kaart):
    page = get(client, "services").json()
    validate_page(page, "compiled/service_list.json")
    assert page["total_items"] == 6
    assert str(api_kaart.gestopt.pk) not in ids(page)
    names = [item["name"] for item in page["contents"]]
    assert names == sorted(names)
    assert page["contents"][0]["organization"]["name"]


@needs_schemas
def test_full_and_minimal_service_lists_validate(client, api_kaart):
    full = get(client, "services", full="true").json()
    for item in full["contents"]:
        validate(item, "compiled/service.json")
    minimal = get(client, "services", minimal="true", per_page=1000).json()
    validate_page(minimal, "compiled/service_list.json")
    assert set(minimal["contents"][0]) == {"id", "name", "status", "last_modified"}
    assert minimal["total_pages"] == 1


def test_pagination_follows_the_standard(client, api_kaart):
    first = get(client, "services", per_page=2).json()
    assert (first["total_items"], first["total_pages"], first["page_number"], first["size"]) == (6, 3, 1, 2)
    assert first["first_page"] and not first["last_page"] and not first["empty"]
    last = get(client, "services", per_page=2, page=3).json()
    assert last["last_page"] and not last["first_page"]
    seen = ids(first) + ids(get(client, "services", per_page=2, page=2).json()) + ids(last)
    assert len(set(seen)) == 6
    beyond = get(client, "services", per_page=2, page=9).json()
    assert beyond["empty"] and beyond["contents"] == [] and beyond["size"] == 0 and beyond["total_items"] == 6


WINTER_NOON = datetime(2026, 1, 15, 11, 0, tzinfo=UTC)
SUMMER_NOON = datetime(2026, 7, 15, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(("today", "opens_at"), [(WINTER_NOON, "09:00+01:00"), (SUMMER_NOON, "09:00+02:00")])
def test_opening_hours_carry_todays_offset_from_utc(client, api_kaart, today, opens_at):
    """HSDS reads a time without an offset as UTC: "09:00" was ten or eleven o'clock to a consumer."""
    with mock.patch("django.utils.timezone.now", return_value=today):
        data = get(client, f"services/{api_kaart.cafe.pk}").json()
    [schedule] = data["service_at_locations"][0]["schedules"]
    assert schedule["opens_at"] == opens_at


@needs_schemas
def test_a_service_is_fully_nested(client, api_kaart):
    kaart = api_kaart
    data = get(client, f"services/{kaart.cafe.pk}").json()
    validate(data, "compiled/service.json")
    assert data["id"] == str(kaart.cafe.pk)
    assert data["organization"]["id"] == str(kaart.welzijn.pk)
    assert data["description"].startswith("Praat met andere mantelzorgers")
    [at_location] = data["service_at_locations"]
    assert at_location["location"]["latitude"] == 52.0985
    assert at_location["schedules"][0]["byday"] == "WE"
    assert at_location["schedules"][0]["opens_at"] == "09:00" + utc_offset_today()
    terms = {a["taxonomy_term"]["code"] for a in data["attributes"]}
    assert terms == {"mantelzorg", "ontmoeting", "mantelzorgers", "vrij"}
    assert data["service_areas"][0]["name"] == "Oude Haven"
    assert data["cost_options"][0]["option"] == "Gratis"
    assert [c["name"] for c in data["contacts"]] == ["Balie Welzijn"]


@needs_schemas
def test_costs_languages_phone_and_walk_in_are_in_the_service(client, api_kaart):
    data = get(client, f"services/{api_kaart.schoonmaak.pk}").json()
    validate(data, "compiled/service.json")
    assert data["cost_options"][0] == {
        "id": data["cost_options"][0]["id"],
        "service_id": str(api_kaart.schoonmaak.pk),
        "option": "Bedrag",
        "currency": "EUR",
        "amount": 12.5,
        "amount_description": "Per uur.",
    }
    assert [language["code"] for language in data["languages"]] == ["nl", "en"]
    # HSDS: "name: The name of the language", as the kaart shows it (it was the code again).
    assert [language["name"] for language in data["languages"]] == ["Nederlands", "Engels"]
    assert data["phones"][0]["number"] == "0307654321"
    assert "inloop" in {a["value"] for a in data["attributes"]}
    assert data["service_areas"][0]["extent_type"] == "gemeente"


@needs_schemas
def test_a_closure_is_in_the_alert_before_its_first_day_as_on_the_page(client, api_kaart):
    """A developer's walk: the page announced a closure over Christmas; the API said nothing of it until the
    status changed on its first day. HSDS's `alert` carries it, in the page's words."""
    cafe, dagbesteding, today = api_kaart.cafe, api_kaart.dagbesteding, timezone.localdate()
    van = today + timedelta(days=10)
    Sluiting.objects.create(
        voorziening=cafe, van=van, tot_en_met=van + timedelta(days=8), reden="kerstvakantie"
    )
    Sluiting.objects.create(voorziening=dagbesteding, van=today, tot_en_met=today)  # now, but opened by hand
    data = get(client, f"services/{cafe.pk}").json()
    validate(data, "compiled/service.json")
    van_text, tot_text = (date_format(day, "j F Y") for day in (van, van + timedelta(days=8)))
    assert data["status"] == "active"
    assert data["alert"] == f"Gesloten van {van_text} tot en met {tot_text}: kerstvakantie."
    listed = {service["id"]: service for service in get(client, "services", full="true").json()["contents"]}
    assert listed[str(cafe.pk)]["alert"] == data["alert"]
    assert "alert" not in listed[str(dagbesteding.pk)]  # open: the page says nothing of it either
    Voorziening.objects.filter(pk=dagbesteding.pk).update(status=Voorziening.Status.TIJDELIJK_GESLOTEN)
    alert = get(client, f"services/{dagbesteding.pk}").json()["alert"]
    assert alert == f"Gesloten op {date_format(today, 'j F Y')}."


def test_ids_are_stable(client, api_kaart):
    first = get(client, f"services/{api_kaart.schoonmaak.pk}").json()
    second = get(client, f"services/{api_kaart.schoonmaak.pk}").json()
    assert first == second


def test_a_stopped_service_is_still_readable_as_defunct(client, api_kaart):
    assert get(client, f"services/{api_kaart.gestopt.pk}").json()["status"] == "defunct"


def test_unknown_ids_give_a_json_404(client, api_kaart):
    for path in ("services", "organizations", "taxonomies", "taxonomy_terms", "service_at_locations"):
        response = get(client, f"{path}/{uuid4()}")
        assert response.status_code == 404
        assert "bestaat niet" in response.json()["message"]
    assert get(client, "services/niet-een-id").status_code == 404
    assert get(client, "bestaat-niet").status_code == 404


# --- Filters combine with AND ---------------------------------------------------------------------------


def test_taxonomy_term_filter(client, api_kaart):
    page = get(client, "services", taxonomy_term_id=str(api_kaart.thema["huishouden"].pk)).json()
    assert set(ids(page)) == {str(api_kaart.huishouding.pk), str(api_kaart.schoonmaak.pk)}


def test_taxonomy_filter_keeps_services_with_any_term_of_it(client, api_kaart):
    api_kaart.jongeren.doelgroepen.clear()
    page = get(client, "services", taxonomy_id=taxonomy_id("doelgroep")).json()
    assert str(api_kaart.jongeren.pk) not in ids(page)
    assert page["total_items"] == 5


def test_filters_combine_with_and(client, api_kaart):
    kaart = api_kaart
    term = str(kaart.thema["huishouden"].pk)
    page = get(client, "services", taxonomy_term_id=term, organization_id=str(kaart.zorg.pk)).json()
    assert ids(page) == [str(kaart.huishouding.pk)]
    later = (timezone.now() + timedelta(hours=1)).isoformat()
    assert get(client, "services", taxonomy_term_id=term, modified_after=later).json()["total_items"] == 0
    earlier = (timezone.now() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S")
    assert (
        get(client, "services", organization_id=str(kaart.zorg.pk), modified_after=earlier).json()[
            "total_items"
        ]
        == 4  # its three that run, and the one that stopped: what changed since includes what stopped
    )


def test_a_change_to_what_a_service_shows_moves_its_last_modified(client, api_kaart):
    """HSDS: last_modified says when the service "or any related information about the service" changed, so a
    consumer polling with modified_after finds a renamed location, new opening hours or an organisation's new
    phone. The capacity, which only professionals see, moves nothing."""
    kaart = api_kaart
    since = timezone.now().isoformat()
    CapaciteitFactory(voorziening=kaart.schoonmaak)
    assert ids(get(client, "services", modified_after=since).json()) == []

    op_locatie = kaart.cafe.op_locaties.get()
    op_locatie.locatie.name = "Buurthuis De Linde"
    op_locatie.locatie.save()
    assert ids(get(client, "services", modified_after=since).json()) == [str(kaart.cafe.pk)]
    before = get(client, f"services/{kaart.cafe.pk}").json()["last_modified"]
    Openingstijd.objects.create(op_locatie=op_locatie, weekdag=4, open_van=time(13), open_tot=time(16))
    assert get(client, f"services/{kaart.cafe.pk}").json()["last_modified"] > before

    kaart.zorg.phone = "0302222222"
    kaart.zorg.save()
    of_zorg = {str(item.pk) for item in kaart.zorg.voorzieningen.all()}
    assert set(ids(get(client, "services", modified_after=since).json())) == {str(kaart.cafe.pk)} | of_zorg

    # A closure planned ahead is the service's alert: a consumer learns of it from the same poll.
    later = timezone.now().isoformat()
    start = timezone.localdate() + timedelta(days=30)
    Sluiting.objects.create(voorziening=kaart.schoonmaak, van=start, tot_en_met=start)
    assert ids(get(client, "services", modified_after=later).json()) == [str(kaart.schoonmaak.pk)]


def test_a_moment_without_a_time_zone_is_dutch_time(client, api_kaart):
    """The OpenAPI document says so: a consumer's "09:30" is 09:30 in Lindewaard, not in UTC."""
    summer_ten = datetime(2026, 7, 1, 8, 0, tzinfo=UTC)  # 10:00 in Lindewaard
    Voorziening.objects.filter(pk=api_kaart.cafe.pk).update(updated_at=summer_ten)
    Voorziening.objects.exclude(pk=api_kaart.cafe.pk).update(updated_at=summer_ten - timedelta(days=1))
    assert ids(get(client, "services", modified_after="2026-07-01T09:30:00").json()) == [
        str(api_kaart.cafe.pk)
    ]
    assert ids(get(client, "services", modified_after="2026-07-01T10:30:00").json()) == []
    assert ids(get(client, "services", modified_after="2026-07-01").json()) == [str(api_kaart.cafe.pk)]


def test_what_changed_since_names_the_services_that_stopped(client, api_kaart):
    """A consumer that keeps a copy polls with modified_after; a voorziening that stopped since is in that
    list as defunct, so it can be taken out. A list without modified_after has only what runs."""
    since = timezone.now().isoformat()
    api_kaart.cafe.status = "gestopt"
    api_kaart.cafe.save()
    for minimal in (False, True):
        changed = get(client, "services", modified_after=since, minimal=str(minimal).lower()).json()
        assert [(item["id"], item["status"]) for item in changed["contents"]] == [
            (str(api_kaart.cafe.pk), "defunct")
        ]
    assert str(api_kaart.cafe.pk) not in ids(get(client, "services").json())
    searched = get(client, "services", search="koffie", modified_after=since).json()
    assert str(api_kaart.cafe.pk) not in ids(searched)


def test_unknown_term_or_taxonomy_finds_nothing(client, api_kaart):
    assert get(client, "services", taxonomy_term_id=str(uuid4())).json()["total_items"] == 0
    assert get(client, "services", taxonomy_id=str(uuid4())).json()["empty"]


def test_search_uses_the_kaarts_search_with_stemming_and_synonyms(client, api_kaart):
    kaart = api_kaart
    page = get(client, "services", search="huishoudelijke hulp").json()
    assert str(kaart.huishouding.pk) in ids(page)
    assert str(kaart.gestopt.pk) not in ids(page)
    Synoniemgroep.objects.create(termen="poetshulp, schoonmaakhulp")
    get_backend().synonyms_changed()
    assert str(kaart.schoonmaak.pk) in ids(get(client, "services", search="poetshulp").json())


def test_search_combines_with_the_other_filters(client, api_kaart):
    kaart = api_kaart
    both = get(client, "services", search="dagbesteding", organization_id=str(kaart.welzijn.pk)).json()
    assert both["total_items"] == 0
    walk_in = get(client, "services", search="schoonmaakhulp", taxonomy_id=taxonomy_id("aanmelden")).json()
    assert ids(walk_in) == [str(kaart.schoonmaak.pk)]


def test_search_unavailable_gives_a_503_with_a_plain_message(client, api_kaart, monkeypatch):
    class Down:
        def search(self, query):
            raise SearchUnavailable("cluster down")

    monkeypatch.setattr("socialekaart.api.filters.get_backend", lambda: Down())
    response = get(client, "services", search="hulp")
    assert response.status_code == 503
    assert "Probeer het" in response.json()["message"]


# --- Bad parameters -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"page": "0"}, "page"),
        ({"page": "twee"}, "page"),
        ({"per_page": "101"}, "per_page"),
        ({"per_page": "-1"}, "per_page"),
        ({"taxonomy_term_id": "huishouden"}, "taxonomy_term_id"),
        ({"organization_id": "1 OR 1=1"}, "organization_id"),
        ({"modified_after": "gisteren"}, "modified_after"),
        ({"modified_after": "2026-13-45"}, "modified_after"),
        # PostgreSQL refuses offsets past 15:59, and the calendar ends at year 1 and 9999: once a 500.
        ({"modified_after": "2026-01-31T09:00:00+16:00"}, "modified_after"),
        ({"modified_after": "2026-01-31T09:00:00-23:59"}, "modified_after"),
        ({"modified_after": "0001-01-01T00:00:00+01:00"}, "modified_after"),
        ({"modified_after": "9999-12-31T23:59:59-01:00"}, "modified_after"),
        ({"modified_after": "0001-01-01"}, "modified_after"),
        ({"minimal": "misschien"}, "minimal"),
        ({"search": "x" * 201}, "search"),
    ],
)
def test_bad_parameters_give_a_400_that_names_the_parameter(client, api_kaart, params, parameter):
    response = get(client, "services", **params)
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == parameter
    assert parameter in body["message"]


def test_a_number_with_a_control_character_around_it_is_read_or_refused_never_a_500(client, api_kaart):
    """The fuzz test found "0\x1f" read as a number by the check and refused by int(): a 500."""
    refused = get(client, "services", page="0\x1f")
    assert refused.status_code == 400 and refused.json()["parameter"] == "page"
    assert get(client, "services", page="1\x1c").status_code == 200


@pytest.mark.parametrize(
    ("endpoint", "query"),
    [
        ("services", {"modified_since": "2030-01-01"}),
        ("services", {"thema": "wonen"}),
        ("organizations", {"minimal": "true"}),
        ("taxonomies", {"taxonomy_id": "x"}),
        ("openapi.json", {"format": "yaml"}),
    ],
)
def test_a_parameter_the_api_does_not_know_is_refused_by_name(client, kaart, endpoint, query):
    """A developer's walk: "modified_since" for "modified_after" was ignored, and a nightly sync downloaded
    everything, believing it was filtered."""
    response = client.get(f"/api/hsds/{endpoint}", query)
    assert response.status_code == 400
    [name] = query
    assert response.json()["parameter"] == name and "kent de API hier niet" in response.json()["message"]


def test_every_documented_parameter_is_taken(client, api_kaart):
    """The other side: what the OpenAPI document gives for a path is never refused as unknown."""
    from socialekaart.api.openapi import document, query_parameters

    for path in document("")["paths"]:
        for name in query_parameters(path):
            any_id = "00000000-0000-4000-8000-000000000000"
            response = client.get(f"/api/hsds{path.replace('{id}', any_id)}", {name: ""})
            assert "kent de API hier niet" not in response.content.decode(), (path, name)


def test_a_parameter_given_twice_is_refused(client, kaart):  # not an empty kaart's answer
    response = client.get("/api/hsds/services?page=1&page=2")
    assert response.status_code == 400
    assert "één keer" in response.json()["message"]


@pytest.mark.parametrize(
    "params", [{"proximity": "500"}, {"postcode": "abc"}, {"postcode": "3911", "proximity": "ver"}]
)
def test_bad_location_parameters_give_a_400(client, api_kaart, params):
    assert get(client, "service_at_locations", **params).status_code == 400


def test_only_get_is_allowed(client, kaart):  # not an empty kaart's answer
    assert client.post("/api/hsds/services").status_code == 405


# --- Organisations and taxonomies -----------------------------------------------------------------------


@needs_schemas
def test_organizations_validate(client, api_kaart):
    page = get(client, "organizations").json()
    validate_page(page, "compiled/organization_list.json")
    assert [item["name"] for item in page["contents"]] == ["Welzijn Lindewaard", "Zorg Lindewaard"]
    data = get(client, f"organizations/{api_kaart.zorg.pk}").json()
    validate(data, "compiled/organization.json")
    assert data["phones"][0]["number"] == "0301111111"
    assert str(api_kaart.gestopt.pk) not in {service["id"] for service in data["services"]}
    assert len(data["services"]) == 3
    for item in get(client, "organizations", full="true").json()["contents"]:
        validate(item, "compiled/organization.json")
    assert get(client, "organizations", search="welzijn").json()["total_items"] == 1


@needs_schemas
def test_full_service_nests_each_organisation_s_services_as_services_id_gives_them(client, api_kaart):
    """A developer's walk: HSDS's full_service (and format=json, its default) were refused with a 400, so a
    generic HSDS client got nothing."""
    data = get(client, f"organizations/{api_kaart.zorg.pk}", full_service="true").json()
    validate(data, "compiled/organization.json")
    summary = get(client, f"organizations/{api_kaart.zorg.pk}").json()["services"]
    assert [service["id"] for service in data["services"]] == [service["id"] for service in summary]
    for service in data["services"]:
        assert service == get(client, f"services/{service['id']}").json()
    listed = get(client, "organizations", full_service="true", format="json").json()["contents"]
    assert [item["services"] for item in listed if item["id"] == str(api_kaart.zorg.pk)] == [data["services"]]
    for item in listed:
        validate(item, "compiled/organization.json")
        assert all("contacts" in service for service in item["services"])  # full, not the list's fields


@pytest.mark.parametrize("endpoint", ["services", "organizations", "taxonomies", "taxonomy_terms"])
def test_format_json_is_taken_and_another_format_refused_by_name(client, api_kaart, endpoint):
    assert get(client, endpoint, format="json").json() == get(client, endpoint).json()
    refused = get(client, endpoint, format="ndjson")
    assert refused.status_code == 400 and refused.json()["parameter"] == "format"
    assert "alleen json" in refused.json()["message"]


@needs_schemas
def test_taxonomies_and_terms_validate(client, api_kaart):
    taxonomies = get(client, "taxonomies").json()
    validate_page(taxonomies, "taxonomy.json")
    assert {t["name"] for t in taxonomies["contents"]} == {"thema", "doelgroep", "toegang", "aanmelden"}
    validate(get(client, f"taxonomies/{taxonomy_id('thema')}").json(), "taxonomy.json")
    terms = get(client, "taxonomy_terms", per_page=100).json()
    validate_page(terms, "taxonomy_term.json")
    thema = get(client, "taxonomy_terms", taxonomy_id=taxonomy_id("thema")).json()
    assert [t["code"] for t in thema["contents"]] == [
        "huishouden",
        "mantelzorg",
        "ontmoeting",
        "dagbesteding",
        "vervoer",
    ]
    term = get(client, f"taxonomy_terms/{api_kaart.thema['vervoer'].pk}").json()
    validate(term, "taxonomy_term.json")
    assert term["taxonomy_detail"]["name"] == "thema"
    toegang = get(client, "taxonomy_terms", taxonomy_id=taxonomy_id("toegang")).json()["contents"]
    assert validate(get(client, f"taxonomy_terms/{toegang[0]['id']}").json(), "taxonomy_term.json") is None
    assert get(client, "taxonomy_terms", parent_id=str(uuid4())).json()["empty"]


# --- Services at locations ------------------------------------------------------------------------------


@needs_schemas
def test_service_at_locations_validate(client, api_kaart):
    page = get(client, "service_at_locations").json()
    validate_page(page, "compiled/service_at_location_list.json")
    assert page["total_items"] == 4  # four located voorzieningen, none gestopt
    item = get(client, f"service_at_locations/{page['contents'][0]['id']}").json()
    validate(item, "compiled/service_at_location.json")
    for item in get(client, "service_at_locations", full="true").json()["contents"]:
        validate(item, "compiled/service_at_location.json")


def test_proximity_gives_the_nearest_first_within_the_distance(client, api_kaart):
    kaart = api_kaart
    page = get(client, "service_at_locations", postcode="3913 AB", proximity="1000").json()
    assert [item["service_id"] for item in page["contents"]] == [str(kaart.cafe.pk), str(kaart.jongeren.pk)]
    assert page["contents"][0]["description"].startswith("Afstand: 0,")
    wider = get(client, "service_at_locations", postcode="3913", proximity="5000").json()
    assert wider["total_items"] == 4


def test_postcode_alone_gives_what_serves_that_wijk(client, api_kaart):
    kaart = api_kaart
    page = get(client, "service_at_locations", postcode="3911AB").json()
    assert {item["service_id"] for item in page["contents"]} == {
        str(kaart.huishouding.pk),
        str(kaart.schoonmaak.pk),
    }
    assert get(client, "service_at_locations", postcode="1012AB").json()["empty"]


def test_service_at_locations_search_and_taxonomy_combine(client, api_kaart):
    kaart = api_kaart
    term = str(kaart.thema["ontmoeting"].pk)
    page = get(client, "service_at_locations", search="mantelzorgcafe", taxonomy_term_id=term).json()
    assert [item["service_id"] for item in page["contents"]] == [str(kaart.cafe.pk)]


# --- Privacy and performance ----------------------------------------------------------------------------


def test_professionals_contacts_and_capacity_never_appear(client, api_kaart):
    kaart = api_kaart
    paths = [
        "services?full=true&per_page=100",
        f"services/{kaart.cafe.pk}",
        f"services/{kaart.dagbesteding.pk}",
        "organizations?full=true",
        f"organizations/{kaart.welzijn.pk}",
        "service_at_locations?full=true",
    ]
    everything = " ".join(client.get(f"/api/hsds/{path}").content.decode() for path in paths)
    for secret in (PRO_NAME, PRO_PHONE, PRO_EMAIL, "wachttijd", "capaciteit", "beperkt"):
        assert secret not in everything


def test_a_fixed_number_of_queries_per_page(client, api_kaart):
    from tests.socialekaart.factories import VoorzieningFactory

    def count(path):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    paths = [
        "/api/hsds/services?full=true&per_page=100",
        "/api/hsds/services?per_page=100",
        "/api/hsds/organizations?full=true",
        "/api/hsds/service_at_locations?full=true",
        f"/api/hsds/organizations/{api_kaart.zorg.pk}",
    ]
    before = [count(path) for path in paths]
    for _number in range(5):
        VoorzieningFactory(
            organisatie=api_kaart.zorg, themas=[api_kaart.thema["vervoer"]], wijken=[api_kaart.centrum]
        )
    assert [count(path) for path in paths] == before
