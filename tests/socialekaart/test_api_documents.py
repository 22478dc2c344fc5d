"""The HSDS API's documents keep their shape: the order of the keys in every object, the order of nested
lists, the same service in a list, a full list and on its own page, and values written as Django's JSON
encoder writes them. API users may rely on all of this, so a faster way to read or write must not change it.
"""

import json
from datetime import UTC, date, datetime, time
from decimal import Decimal
from uuid import UUID

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext_lazy

from socialekaart.api.views import _json

from . import test_api
from .factories import (
    ContactFactory,
    LocatieFactory,
    OpeningstijdFactory,
    VoorzieningFactory,
    VoorzieningOpLocatieFactory,
)
from .test_api import get

api_kaart = test_api.api_kaart  # the API tests' kaart, as a fixture here too

SERVICE = [
    "id",
    "organization_id",
    "name",
    "description",
    "status",
    "assured_date",
    "last_modified",
    "organization",
]
FULL = ["phones", "service_areas", "service_at_locations", "languages", "cost_options", "contacts"]
FULL += ["attributes", "schedules"]
LOCATION = ["id", "location_type", "organization_id", "name", "latitude", "longitude"]
TERM = ["id", "code", "name", "description", "taxonomy", "taxonomy_id", "taxonomy_detail", "language"]
ATTRIBUTE = ["id", "link_id", "link_type", "link_entity", "taxonomy_term_id", "value", "taxonomy_term"]


def test_a_full_service_keeps_the_order_of_its_keys(client, api_kaart):
    data = get(client, f"services/{api_kaart.schoonmaak.pk}").json()
    assert list(data) == [*SERVICE, "fees_description", *FULL]
    assert list(data["organization"]) == ["id", "name", "description", "email"]
    zorg = get(client, f"services/{api_kaart.huishouding.pk}").json()["organization"]
    assert list(zorg) == ["id", "name", "description", "email", "website"]
    assert list(data["phones"][0]) == ["id", "number", "type", "service_id", "description"]
    assert list(data["service_areas"][0]) == ["id", "service_id", "name", "description", "extent_type"]
    at_location = data["service_at_locations"][0]
    assert list(at_location) == ["id", "service_id", "location_id", "schedules", "location"]
    location = at_location["location"]
    assert list(location) == [*LOCATION, "addresses", "accessibility"]
    assert list(location["addresses"][0]) == [
        "id",
        "location_id",
        "address_1",
        "city",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ]
    assert list(location["accessibility"][0]) == ["id", "location_id", "description", "details"]
    assert list(data["languages"][0]) == ["id", "service_id", "code", "name"]
    assert list(data["cost_options"][0]) == [
        "id",
        "service_id",
        "option",
        "currency",
        "amount",
        "amount_description",
    ]
    assert [a["value"] for a in data["attributes"]] == ["huishouden", "ouderen", "vrij", "inloop"]
    for attribute in data["attributes"]:
        assert list(attribute) == ATTRIBUTE
        assert list(attribute["taxonomy_term"]) == TERM
        assert list(attribute["taxonomy_term"]["taxonomy_detail"]) == ["id", "name", "description", "version"]

    cafe = get(client, f"services/{api_kaart.cafe.pk}").json()
    assert [a["value"] for a in cafe["attributes"]] == ["mantelzorg", "ontmoeting", "mantelzorgers", "vrij"]
    assert list(cafe["contacts"][0]) == ["id", "service_id", "name", "title", "phones"]
    assert list(cafe["contacts"][0]["phones"][0]) == ["id", "number", "type", "contact_id"]
    assert list(cafe["service_at_locations"][0]["schedules"][0]) == [
        "id",
        "service_at_location_id",
        "freq",
        "wkst",
        "interval",
        "byday",
        "opens_at",
        "closes_at",
        "description",
    ]


def test_nested_lists_keep_their_order(client, api_kaart):
    kaart = api_kaart
    voorziening = VoorzieningFactory(
        organisatie=kaart.welzijn,
        name="Buurtkamer",
        themas=[kaart.thema["vervoer"], kaart.thema["huishouden"]],
        doelgroepen=[kaart.doelgroep["jongeren"], kaart.doelgroep["ouderen"]],
        wijken=[kaart.haven, kaart.centrum, kaart.beemden],
        talen=["nl", "tr", "ar"],
    )
    for name in ("Zuid", "Noord", "Midden"):
        locatie = LocatieFactory(organisatie=kaart.welzijn, name=f"Buurthuis {name}")
        op_locatie = VoorzieningOpLocatieFactory(voorziening=voorziening, locatie=locatie)
        for weekdag, hour in ((5, 13), (1, 14), (1, 9)):
            OpeningstijdFactory(
                op_locatie=op_locatie, weekdag=weekdag, open_van=time(hour), open_tot=time(18)
            )
    for name in ("Wim", "Anna", "Mo"):
        ContactFactory(voorziening=voorziening, name=name)
    ContactFactory(voorziening=voorziening, name="Achter de schermen", voor_professionals=True)

    data = get(client, f"services/{voorziening.pk}").json()
    values = [attribute["value"] for attribute in data["attributes"]]
    assert values == ["huishouden", "vervoer", "ouderen", "jongeren", "vrij"]
    assert [area["name"] for area in data["service_areas"]] == ["Centrum", "De Beemden", "Oude Haven"]
    assert [language["code"] for language in data["languages"]] == ["nl", "tr", "ar"]
    at_locations = data["service_at_locations"]
    assert [item["location"]["name"] for item in at_locations] == [
        "Buurthuis Midden",
        "Buurthuis Noord",
        "Buurthuis Zuid",
    ]
    for item in at_locations:
        assert [(s["byday"], s["opens_at"][:5]) for s in item["schedules"]] == [
            ("MO", "09:00"),
            ("MO", "14:00"),
            ("FR", "13:00"),
        ]
    assert [contact["name"] for contact in data["contacts"]] == ["Anna", "Mo", "Wim"]


def test_a_service_is_the_same_in_a_list_a_full_list_and_on_its_own_page(client, api_kaart):
    listed = get(client, "services", per_page=100).json()["contents"]
    full = get(client, "services", per_page=100, full="true").json()["contents"]
    assert [item["id"] for item in listed] == [item["id"] for item in full]
    for item, full_item in zip(listed, full, strict=True):
        assert list(item.items()) == list(full_item.items())[: len(item)]
        assert list(full_item) == [*item, *FULL]
        own_page = get(client, f"services/{item['id']}").json()
        assert json.dumps(own_page) == json.dumps(full_item)  # the same keys in the same order
    [found] = get(client, "services", search="mantelzorgcafe").json()["contents"]
    assert json.dumps(found) == json.dumps(next(item for item in listed if item["id"] == found["id"]))
    [found] = get(client, "services", search="mantelzorgcafe", full="true").json()["contents"]
    assert json.dumps(found) == json.dumps(next(item for item in full if item["id"] == found["id"]))
    minimal = get(client, "services", per_page=100, minimal="true").json()["contents"]
    assert [list(item.items()) for item in minimal] == [
        [(key, item[key]) for key in ("id", "name", "status", "last_modified")] for item in listed
    ]


def test_text_is_written_as_utf_8_not_escaped(client, api_kaart):
    response = get(client, f"services/{api_kaart.cafe.pk}")
    assert "Mantelzorgcafé De Linde".encode() in response.content
    assert response["Access-Control-Allow-Origin"] == "*"


def test_a_web_page_on_another_site_may_poll_with_its_etag(client, api_kaart):
    """A walk: a browser asks first (OPTIONS) before it sends If-None-Match, and got a 405 without the
    headers that allow it; the 304 had no Access-Control-Allow-Origin, and the ETag was hidden from the
    page's script."""
    url = f"/api/hsds/services/{api_kaart.cafe.pk}"
    asked = client.options(url, HTTP_ORIGIN="https://buurt.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert asked.status_code == 204 and asked["Access-Control-Allow-Origin"] == "*"
    assert "If-None-Match" in asked["Access-Control-Allow-Headers"]
    first = client.get(url)
    assert first["Access-Control-Expose-Headers"] == "ETag"
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["Access-Control-Allow-Origin"] == "*"
    assert client.get("/api/hsds/nergens")["Access-Control-Allow-Origin"] == "*"


def test_values_are_written_as_djangos_json_encoder_writes_them():
    value = {
        "text": "Één keer per week",
        "lazy": gettext_lazy("Zoeken werkt nu even niet."),
        "decimal": Decimal("12.50"),
        "moment": datetime(2026, 1, 31, 9, 30, 15, 123456, tzinfo=UTC),
        "day": date(2026, 1, 31),
        "hour": time(9, 30, 15, 500000),
        "uuid": UUID("6f1d2c1e-5b0a-4f43-9a57-0c6a1f7e2b10"),
        "numbers": [0, -3, 2.0, 12.5, 52.0985, 1e-7, 10**15],
        "nothing": None,
        "flags": [True, False],
    }
    response = _json(value, status=201)
    assert response.status_code == 201
    assert response["Content-Type"] == "application/json"
    written = json.loads(response.content, object_pairs_hook=list)
    expected = json.loads(json.dumps(value, cls=DjangoJSONEncoder), object_pairs_hook=list)
    assert written == expected
    assert [type(number) for number in json.loads(response.content)["numbers"]] == [
        int,
        int,
        float,
        float,
        float,
        float,
        int,
    ]
