"""The HSDS API's OpenAPI document says what the server does: its schemas are all in the document itself (no
reference to another host), every answer of the server matches the schema the document gives for it, the
page-size limits are the ones the server enforces, and every other address under /api/hsds/ is a JSON 404."""

import json
import re

import pytest

from tests.socialekaart.test_api import api_kaart  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

# A fixed id that no record has: test ids must be the same in every xdist worker.
UNKNOWN_ID = "0b6c1f3e-9d2a-4c57-8e41-3f5a7d2c9b10"


def _document(client) -> dict:
    response = client.get("/api/hsds/openapi.json")
    assert response.status_code == 200
    return response.json()


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("$ref", "$id", "$schema", "$dynamicRef"):
                yield key, value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _resolve(document: dict, pointer: str):
    node = document
    for part in pointer.removeprefix("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def test_the_openapi_document_refers_to_nothing_outside_itself(client):
    document = _document(client)
    found = list(_refs(document))
    assert found, "the responses are described by reusable schemas"
    for key, value in found:
        assert key == "$ref" and value.startswith("#/"), (key, value)
        assert isinstance(_resolve(document, value), dict), value
    text = json.dumps(document)
    assert "raw.githubusercontent.com" not in text
    assert "://" not in json.dumps(document["components"])


def _operation_for(document: dict, path: str):
    """The document's path template that `path` (without /api/hsds) matches, and its GET operation."""
    for template, item in document["paths"].items():
        pattern = "^" + re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(template)) + "/?$"
        if re.match(pattern, path):
            return template, item["get"]
    raise AssertionError(f"{path} is not in the OpenAPI document")


def _validate(document: dict, schema: dict, instance):
    from jsonschema import Draft202012Validator, FormatChecker

    # The document's own components beside the schema, so "#/components/schemas/..." resolves within it.
    rooted = {**schema, "components": document["components"]}
    validator = Draft202012Validator(rooted, format_checker=FormatChecker())
    errors = sorted(validator.iter_errors(instance), key=lambda error: list(error.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def _requests(kaart):
    return [
        ("/", {}),
        ("/services", {}),
        ("/services", {"full": "true"}),
        ("/services", {"minimal": "true", "per_page": "1000"}),
        ("/services", {"search": "hulp", "per_page": "2", "page": "2"}),
        (f"/services/{kaart.cafe.pk}", {}),
        (f"/services/{kaart.schoonmaak.pk}", {}),
        (f"/services/{kaart.gestopt.pk}", {}),
        ("/organizations", {}),
        ("/organizations", {"full": "true"}),
        (f"/organizations/{kaart.zorg.pk}", {}),
        (f"/organizations/{kaart.zorg.pk}", {"full_service": "true"}),
        ("/organizations", {"full_service": "true", "format": "json"}),
        ("/services", {"format": "ndjson"}),
        ("/taxonomies", {}),
        ("/taxonomy_terms", {"per_page": "100"}),
        ("/service_at_locations", {}),
        ("/service_at_locations", {"full": "true"}),
        ("/service_at_locations", {"postcode": "3911 AB", "proximity": "100000"}),
        ("/services", {"per_page": "101"}),
        ("/services", {"modified_after": "gisteren"}),
        (f"/services/{UNKNOWN_ID}", {}),
        (f"/organizations/{UNKNOWN_ID}", {}),
    ]


def test_every_answer_matches_the_schema_the_openapi_document_gives_for_it(client, api_kaart):  # noqa: F811
    document = _document(client)
    taxonomy = client.get("/api/hsds/taxonomies").json()["contents"][0]["id"]
    term = client.get("/api/hsds/taxonomy_terms").json()["contents"][0]["id"]
    place = client.get("/api/hsds/service_at_locations").json()["contents"][0]["id"]
    requests = [
        *_requests(api_kaart),
        (f"/taxonomies/{taxonomy}", {}),
        (f"/taxonomy_terms/{term}", {}),
        (f"/service_at_locations/{place}", {}),
    ]
    statuses = set()
    for path, query in requests:
        response = client.get("/api/hsds" + path, query)
        template, operation = _operation_for(document, path)
        status = str(response.status_code)
        assert status in operation["responses"], (path, query, status)
        schema = operation["responses"][status]["content"]["application/json"]["schema"]
        _validate(document, schema, response.json())
        statuses.add(status)
    assert statuses == {"200", "400", "404"}


def _per_page(document, template):
    parameter = next(p for p in document["paths"][template]["get"]["parameters"] if p["name"] == "per_page")
    return parameter["schema"]


def test_the_page_size_limits_in_the_document_are_the_ones_the_server_enforces(client, api_kaart):  # noqa: F811
    document = _document(client)
    lists = [template for template in document["paths"] if template != "/" and "{" not in template]
    assert len(lists) == 5
    for template in lists:
        schema = _per_page(document, template)
        url = "/api/hsds" + template
        most = schema.get("x-maximum-without-minimal", schema["maximum"])
        assert most == 100, template
        assert client.get(url, {"per_page": most}).status_code == 200, template
        assert client.get(url, {"per_page": most + 1}).status_code == 400, template
        if "x-maximum-without-minimal" in schema:
            assert schema["maximum"] == 1000
            described = next(
                p for p in document["paths"][template]["get"]["parameters"] if p["name"] == "per_page"
            )
            assert "minimal=true" in described["description"]
            minimal = {"minimal": "true"}
            assert client.get(url, {**minimal, "per_page": schema["maximum"]}).status_code == 200
            assert client.get(url, {**minimal, "per_page": schema["maximum"] + 1}).status_code == 400
        page = next(p for p in document["paths"][template]["get"]["parameters"] if p["name"] == "page")
        assert client.get(url, {"page": page["schema"]["maximum"]}).status_code == 200, template
        assert client.get(url, {"page": page["schema"]["maximum"] + 1}).status_code == 400, template
    assert "x-maximum-without-minimal" in _per_page(document, "/services")


@pytest.mark.parametrize(
    "path",
    [
        "bestaat-niet",
        "services/niet-een-id",
        f"services/{UNKNOWN_ID}/locaties",
        "services/a/b/c/d",
        "openapi.yaml",
        "admin/",
        "..%2F..%2Fadmin/",
        "%ff%fe",
        "services.xml",
    ],
)
def test_an_unknown_address_under_the_api_is_a_json_404(client, path):
    response = client.get(f"/api/hsds/{path}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "bestaat niet" in response.json()["message"]


def test_posting_to_the_api_gets_a_json_answer_even_without_a_csrf_token(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    unknown = client.post("/api/hsds/bestaat-niet")
    assert (unknown.status_code, unknown["Content-Type"]) == (404, "application/json")
    known = client.post("/api/hsds/services")
    assert (known.status_code, known["Content-Type"]) == (405, "application/json")
    assert known["Allow"] == "GET, HEAD"
