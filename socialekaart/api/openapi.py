"""Our own OpenAPI 3.1 description of the endpoints this site serves, complete in itself: every response
schema is in `components/schemas` of this document and describes the HSDS 3.0 objects as this site fills
them (the fields it sends, their types, which are always there). Nothing refers to another host, so a
client or validator needs nothing but this document. The published HSDS schemas (not part of this project)
are what the tests also check the answers against when they are at hand."""

import functools

from django.conf import settings

from . import params

REF = "#/components/schemas/"

STRING, INTEGER, NUMBER, BOOLEAN = (
    {"type": "string"},
    {"type": "integer"},
    {"type": "number"},
    {"type": "boolean"},
)
UUID_STRING = {"type": "string", "format": "uuid"}
ID = UUID_STRING  # our own ids and the derived ones are all UUIDs


def ref(name: str) -> dict:
    return {"$ref": REF + name}


def array_of(name: str) -> dict:
    return {"type": "array", "items": ref(name)}


def _object(description: str, required: list[str], properties: dict) -> dict:
    """An object with exactly these properties; `required` are always sent, the others when filled."""
    missing = set(required) - set(properties)
    assert not missing, missing
    return {
        "type": "object",
        "description": description,
        "required": required,
        "properties": properties,
        "additionalProperties": False,
    }


def _extend(base: dict, description: str, required: list[str], properties: dict) -> dict:
    return _object(description, [*base["required"], *required], {**base["properties"], **properties})


ORGANIZATION = _object(
    "HSDS organization: een organisatie.",
    ["id", "name", "description"],
    {
        "id": ID,
        "name": STRING,
        "description": STRING,
        "email": {"type": "string", "format": "email"},
        "website": {"type": "string", "format": "uri"},
    },
)
PHONE = _object(
    "HSDS phone: een telefoonnummer.",
    ["id", "number", "type"],
    {
        "id": ID,
        "number": STRING,
        "type": {"type": "string", "enum": ["voice"]},
        "description": STRING,
        "service_id": UUID_STRING,
        "organization_id": UUID_STRING,
        "contact_id": UUID_STRING,
    },
)
TAXONOMY = _object(
    "HSDS taxonomy: een lijst met termen (thema, doelgroep, toegang, aanmelden).",
    ["id", "name", "description", "version"],
    {"id": ID, "name": STRING, "description": STRING, "version": STRING},
)
TAXONOMY_TERM = _object(
    "HSDS taxonomy_term: een term uit een taxonomie. De taxonomieën zijn plat: geen bovenliggende termen.",
    ["id", "code", "name", "description", "taxonomy", "taxonomy_id", "taxonomy_detail", "language"],
    {
        "id": ID,
        "code": STRING,
        "name": STRING,
        "description": STRING,
        "taxonomy": STRING,
        "taxonomy_id": UUID_STRING,
        "taxonomy_detail": ref("Taxonomy"),
        "language": STRING,
    },
)
ATTRIBUTE = _object(
    "HSDS attribute: koppelt een voorziening aan een term.",
    ["id", "link_id", "link_type", "link_entity", "taxonomy_term_id", "value", "taxonomy_term"],
    {
        "id": ID,
        "link_id": UUID_STRING,
        "link_type": STRING,
        "link_entity": {"type": "string", "enum": ["service"]},
        "taxonomy_term_id": UUID_STRING,
        "value": STRING,
        "taxonomy_term": ref("TaxonomyTerm"),
    },
)
CONTACT = _object(
    "HSDS contact: een contactpersoon voor inwoners (nooit die voor professionals).",
    ["id", "service_id", "name", "phones"],
    {
        "id": ID,
        "service_id": UUID_STRING,
        "name": STRING,
        "title": STRING,
        "email": {"type": "string", "format": "email"},
        "phones": array_of("Phone"),
    },
)
COST_OPTION = _object(
    "HSDS cost_option: wat het kost.",
    ["id", "service_id", "option", "currency"],
    {
        "id": ID,
        "service_id": UUID_STRING,
        "option": {"type": "string", "enum": ["Gratis", "Eigen bijdrage", "Bedrag"]},
        "currency": {"type": "string", "enum": ["EUR"]},
        "amount": NUMBER,
        "amount_description": STRING,
    },
)
SERVICE_AREA = _object(
    "HSDS service_area: de hele gemeente of een wijk (CBS-wijkcode).",
    ["id", "service_id", "name", "extent_type"],
    {
        "id": ID,
        "service_id": UUID_STRING,
        "name": STRING,
        "description": STRING,
        "extent": STRING,
        "extent_type": {"type": "string", "enum": ["gemeente", "cbs_wijkcode"]},
    },
)
LANGUAGE = _object(
    "HSDS language: een taal waarin de voorziening helpt.",
    ["id", "service_id", "code", "name"],
    {"id": ID, "service_id": UUID_STRING, "code": STRING, "name": STRING},
)
ADDRESS = _object(
    "HSDS address: het bezoekadres.",
    ["id", "location_id", "address_1", "city", "state_province", "postal_code", "country", "address_type"],
    {
        "id": ID,
        "location_id": UUID_STRING,
        "address_1": STRING,
        "city": STRING,
        "state_province": STRING,
        "postal_code": STRING,
        "country": {"type": "string", "enum": ["NL"]},
        "address_type": {"type": "string", "enum": ["physical"]},
    },
)
ACCESSIBILITY = _object(
    "HSDS accessibility: toegankelijkheid van de locatie.",
    ["id", "location_id", "description", "details"],
    {"id": ID, "location_id": UUID_STRING, "description": STRING, "details": STRING},
)
LOCATION_SUMMARY = _object(
    "HSDS location zonder adressen: de velden die in lijsten staan.",
    ["id", "location_type", "organization_id", "name"],
    {
        "id": ID,
        "location_type": {"type": "string", "enum": ["physical"]},
        "organization_id": UUID_STRING,
        "name": STRING,
        "latitude": {"type": "number", "minimum": -90, "maximum": 90},
        "longitude": {"type": "number", "minimum": -180, "maximum": 180},
    },
)
LOCATION = _extend(
    LOCATION_SUMMARY,
    "HSDS location: een locatie met adres en toegankelijkheid.",
    ["addresses", "accessibility"],
    {"addresses": array_of("Address"), "accessibility": array_of("Accessibility")},
)
LOCAL_TIME = {
    "type": "string",
    "pattern": "^[0-2][0-9]:[0-5][0-9][+-][0-2][0-9]:[0-5][0-9]$",
    "description": "Tijd hier, met het verschil met UTC van vandaag (zomertijd): 09:00+01:00.",
    "example": "09:00+01:00",
}
SCHEDULE = _object(
    "HSDS schedule: wekelijkse openingstijd (RFC 5545).",
    ["id", "service_at_location_id", "freq", "wkst", "interval", "byday", "opens_at", "closes_at"],
    {
        "id": ID,
        "service_at_location_id": UUID_STRING,
        "freq": {"type": "string", "enum": ["WEEKLY"]},
        "wkst": {"type": "string", "enum": ["MO"]},
        "interval": {"type": "integer", "enum": [1]},
        "byday": {"type": "string", "enum": ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]},
        "opens_at": LOCAL_TIME,
        "closes_at": LOCAL_TIME,
        "description": STRING,
    },
)
SERVICE = _object(
    "HSDS service: de velden van een voorziening zonder geneste lijsten, zoals in /services.",
    [
        "id",
        "organization_id",
        "name",
        "description",
        "status",
        "assured_date",
        "last_modified",
        "organization",
    ],
    {
        "id": ID,
        "organization_id": UUID_STRING,
        "name": STRING,
        "description": STRING,
        "status": {"type": "string", "enum": ["active", "temporarily closed", "defunct"]},
        "assured_date": {"type": "string", "format": "date"},
        "last_modified": {"type": "string", "format": "date-time"},
        "organization": ref("Organization"),
        "url": {"type": "string", "format": "uri"},
        "email": {"type": "string", "format": "email"},
        "application_process": STRING,
        "fees_description": STRING,
        "minimum_age": {"type": "integer", "minimum": 0},
        "maximum_age": {"type": "integer", "minimum": 0},
    },
)
SERVICE_MINIMAL = _object(
    "Een voorziening met minimal=true: alleen id, naam, status en last_modified.",
    ["id", "name", "status", "last_modified"],
    {key: SERVICE["properties"][key] for key in ("id", "name", "status", "last_modified")},
)
SERVICE_LOCATION = _object(
    "HSDS service_at_location binnen een voorziening: de locatie en haar openingstijden.",
    ["id", "service_id", "location_id", "schedules", "location"],
    {
        "id": ID,
        "service_id": UUID_STRING,
        "location_id": UUID_STRING,
        "schedules": array_of("Schedule"),
        "location": ref("Location"),
    },
)
SERVICE_FULL = _extend(
    SERVICE,
    "HSDS service, volledig genest.",
    [
        "phones",
        "service_areas",
        "service_at_locations",
        "languages",
        "cost_options",
        "contacts",
        "attributes",
        "schedules",
    ],
    {
        "phones": array_of("Phone"),
        "service_areas": array_of("ServiceArea"),
        "service_at_locations": array_of("ServiceLocation"),
        "languages": array_of("Language"),
        "cost_options": array_of("CostOption"),
        "contacts": array_of("Contact"),
        "attributes": array_of("Attribute"),
        "schedules": {"type": "array", "maxItems": 0},
        "alert": {
            "type": "string",
            "description": "Wanneer de voorziening dicht is: de sluitingen die komen en de sluiting van nu, "
            "zoals de pagina ze aankondigt. Bijvoorbeeld: 'Gesloten van 24 december 2026 tot en met "
            "1 januari 2027: kerstvakantie.' Er is geen alert als er geen sluiting is.",
        },
    },
)
ORGANIZATION_FULL = _extend(
    ORGANIZATION,
    "HSDS organization met haar telefoon, locaties en voorzieningen.",
    ["phones", "locations", "services"],
    {
        "phones": array_of("Phone"),
        "locations": array_of("Location"),
        "services": {"type": "array", "items": {"anyOf": [ref("Service"), ref("ServiceFull")]}},
    },
)
SERVICE_AT_LOCATION_SUMMARY = _object(
    "HSDS service_at_location in een lijst: de voorziening en de locatie zonder geneste lijsten; met "
    "postcode en proximity ook de afstand in de beschrijving.",
    ["id", "service_id", "location_id", "location", "service"],
    {
        "id": ID,
        "service_id": UUID_STRING,
        "location_id": UUID_STRING,
        "location": ref("LocationSummary"),
        "service": ref("Service"),
        "description": STRING,
    },
)
SERVICE_AT_LOCATION_FULL = _extend(
    SERVICE_LOCATION,
    "HSDS service_at_location, volledig genest.",
    ["service"],
    {"service": ref("Service")},
)
META = _object(
    "Over deze API.",
    ["version", "profile", "openapi_url"],
    {
        "version": STRING,
        "profile": {"type": "string", "format": "uri"},
        "openapi_url": {"type": "string", "format": "uri"},
    },
)
PAGE = {
    "type": "object",
    "required": [
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
        "contents",
    ],
    "properties": {
        "total_items": {"type": "integer", "minimum": 0},
        "total_pages": {"type": "integer", "minimum": 0},
        "page_number": {"type": "integer", "minimum": 1},
        "size": {"type": "integer", "minimum": 0, "description": "Aantal items op deze pagina."},
        "first_page": BOOLEAN,
        "last_page": BOOLEAN,
        "empty": BOOLEAN,
        "contents": {"type": "array"},
    },
}
ERROR = _object(
    "Een foutmelding in gewone taal.",
    ["status", "message"],
    {"status": INTEGER, "message": STRING, "parameter": STRING},
)

SCHEMAS = {
    "Meta": META,
    "Page": PAGE,
    "Error": ERROR,
    "Organization": ORGANIZATION,
    "OrganizationFull": ORGANIZATION_FULL,
    "Phone": PHONE,
    "Taxonomy": TAXONOMY,
    "TaxonomyTerm": TAXONOMY_TERM,
    "Attribute": ATTRIBUTE,
    "Contact": CONTACT,
    "CostOption": COST_OPTION,
    "ServiceArea": SERVICE_AREA,
    "Language": LANGUAGE,
    "Address": ADDRESS,
    "Accessibility": ACCESSIBILITY,
    "LocationSummary": LOCATION_SUMMARY,
    "Location": LOCATION,
    "Schedule": SCHEDULE,
    "Service": SERVICE,
    "ServiceMinimal": SERVICE_MINIMAL,
    "ServiceFull": SERVICE_FULL,
    "ServiceLocation": SERVICE_LOCATION,
    "ServiceAtLocationSummary": SERVICE_AT_LOCATION_SUMMARY,
    "ServiceAtLocationFull": SERVICE_AT_LOCATION_FULL,
}


def _param(name, description, schema):
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


PARAMS = {
    "search": _param(
        "search",
        "Zoek in tekst, met dezelfde zoekfunctie als de sociale kaart.",
        {"type": "string", "maxLength": params.MAX_TEXT},
    ),
    "page": _param(
        "page",
        "Paginanummer, vanaf 1.",
        {"type": "integer", "minimum": 1, "maximum": params.MAX_PAGE, "default": 1},
    ),
    "per_page": _param(
        "per_page",
        f"Items per pagina (hoogstens {params.MAX_PER_PAGE}).",
        {
            "type": "integer",
            "minimum": 1,
            "maximum": params.MAX_PER_PAGE,
            "default": params.DEFAULT_PER_PAGE,
        },
    ),
    "per_page_minimal": _param(
        "per_page",
        f"Items per pagina: hoogstens {params.MAX_PER_PAGE}, met minimal=true hoogstens "
        f"{params.MAX_PER_PAGE_MINIMAL}.",
        {
            "type": "integer",
            "minimum": 1,
            "maximum": params.MAX_PER_PAGE_MINIMAL,
            "default": params.DEFAULT_PER_PAGE,
            "x-maximum-without-minimal": params.MAX_PER_PAGE,
        },
    ),
    "taxonomy_term_id": _param(
        "taxonomy_term_id", "Alleen met deze term.", {"type": "string", "format": "uuid"}
    ),
    "taxonomy_id": _param(
        "taxonomy_id", "Alleen met een term uit deze taxonomie.", {"type": "string", "format": "uuid"}
    ),
    "organization_id": _param(
        "organization_id", "Alleen van deze organisatie.", {"type": "string", "format": "uuid"}
    ),
    "modified_after": _param(
        "modified_after",
        "Alleen gewijzigd op of na dit moment (ISO 8601). Zonder tijdzone is het Nederlandse tijd; een"
        " datum zonder tijd is het begin van die dag. Op /services, zonder search, ook wat sindsdien"
        " gestopt is (status defunct).",
        {"type": "string", "format": "date-time"},
    ),
    "minimal": _param("minimal", "Alleen id, naam, status en last_modified.", {"type": "boolean"}),
    "full": _param("full", "Volledig geneste objecten.", {"type": "boolean"}),
    "full_service": _param(
        "full_service",
        "true: de voorzieningen van de organisatie volledig genest, zoals /services/{id} ze geeft; de"
        " organisatie is dan ook volledig genest.",
        {"type": "boolean"},
    ),
    "format": _param(
        "format",
        "Alleen json, de standaard van HSDS (ndjson kan hier niet).",
        {"type": "string", "enum": ["json"]},
    ),
    "postcode": _param(
        "postcode",
        "Nederlandse postcode (3911 AB of 3911). Zonder proximity: alleen wat in die wijk te vinden is.",
        {"type": "string"},
    ),
    "proximity": _param(
        "proximity",
        f"Afstand in meters vanaf het midden van de postcode (1 tot en met {params.MAX_PROXIMITY}).",
        {"type": "integer", "minimum": 1, "maximum": params.MAX_PROXIMITY},
    ),
    "parent_id": _param(
        "parent_id",
        "Termen met deze bovenliggende term (de taxonomieën zijn plat: altijd leeg).",
        {"type": "string", "format": "uuid"},
    ),
    "top_only": _param(
        "top_only", "Alleen termen zonder bovenliggende term (dat zijn ze allemaal).", {"type": "boolean"}
    ),
}


def _ok(description, schema):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _list(item_schema: str) -> dict:
    return {"allOf": [ref("Page"), {"properties": {"contents": array_of(item_schema)}}]}


ERRORS = {
    "400": _ok("Een parameter klopt niet.", ref("Error")),
    "404": _ok("Niet gevonden.", ref("Error")),
    "503": _ok("Zoeken werkt even niet.", ref("Error")),
}


def _operation(operation_id, summary, response, parameters=()):
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": [PARAMS[name] for name in parameters],
            "responses": {"200": response, **ERRORS},
        }
    }


ID_PARAMETER = [{"name": "id", "in": "path", "required": True, "schema": UUID_STRING}]


def _with_id(path_item):
    path_item["get"]["parameters"] = ID_PARAMETER + path_item["get"]["parameters"]
    return path_item


@functools.cache
def query_parameters(path: str) -> frozenset[str]:
    """The query parameters the document gives for `path` (none for a path it does not describe)."""
    path_item = document("")["paths"].get(path, {"get": {"parameters": []}})
    return frozenset(each["name"] for each in path_item["get"]["parameters"] if each["in"] == "query")


def only_documented(query, path: str) -> None:
    """Refuse a query parameter that this document does not give for `path` (raises params.BadParameter)."""
    allowed = query_parameters(path)
    for name in sorted(query):
        if name not in allowed:
            known = ", ".join(sorted(allowed))
            hint = f"Deze kunnen wel: {known}." if known else "Hier kan geen parameter mee."
            raise params.BadParameter(name, f"deze parameter kent de API hier niet. {hint}")


def document(server_url: str) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"Sociale kaart van {settings.MUNICIPALITY_NAME}: HSDS 3.0 API",
            "version": "1.0.0",
            "summary": "Alleen-lezen API met de openbare gegevens van de sociale kaart (HSDS 3.0).",
            # Also for a cache buster or a tracking parameter: a filter typed wrong is never ignored.
            "description": "Een queryparameter die hier niet bij het pad staat, geeft een 400 met zijn naam.",
            "license": {"name": "Open data van de gemeente"},
        },
        "servers": [{"url": server_url.rstrip("/")}],
        "components": {"schemas": SCHEMAS},
        "paths": {
            "/": _operation(
                "getApiMetaInformation",
                "Versie en profiel van deze API.",
                _ok("Over deze API.", ref("Meta")),
            ),
            "/services": _operation(
                "getPaginatedListOfServices",
                "Voorzieningen (services), per pagina.",
                _ok(
                    "Een pagina met voorzieningen (met minimal=true: ServiceMinimal, met full=true: "
                    "ServiceFull).",
                    {
                        "allOf": [
                            ref("Page"),
                            {
                                "properties": {
                                    "contents": {
                                        "type": "array",
                                        "items": {
                                            "anyOf": [
                                                ref("Service"),
                                                ref("ServiceMinimal"),
                                                ref("ServiceFull"),
                                            ]
                                        },
                                    }
                                }
                            },
                        ]
                    },
                ),
                (
                    "search",
                    "page",
                    "per_page_minimal",
                    "taxonomy_term_id",
                    "taxonomy_id",
                    "organization_id",
                    "modified_after",
                    "minimal",
                    "full",
                    "format",
                ),
            ),
            "/services/{id}": _with_id(
                _operation(
                    "getFullyNestedServiceById",
                    "Eén voorziening, volledig genest.",
                    _ok("De voorziening.", ref("ServiceFull")),
                )
            ),
            "/organizations": _operation(
                "getPaginatedListOfOrganizations",
                "Organisaties, per pagina.",
                _ok(
                    "Een pagina met organisaties.",
                    {
                        "allOf": [
                            ref("Page"),
                            {
                                "properties": {
                                    "contents": {
                                        "type": "array",
                                        "items": {"anyOf": [ref("Organization"), ref("OrganizationFull")]},
                                    }
                                }
                            },
                        ]
                    },
                ),
                ("search", "page", "per_page", "full", "full_service", "format"),
            ),
            "/organizations/{id}": _with_id(
                _operation(
                    "getOrganizationById",
                    "Eén organisatie met haar locaties en voorzieningen.",
                    _ok("De organisatie.", ref("OrganizationFull")),
                    ("full_service",),
                )
            ),
            "/taxonomies": _operation(
                "getPaginatedListOfTaxonomies",
                "Taxonomieën (thema, doelgroep, toegang, aanmelden).",
                _ok("Een pagina met taxonomieën.", _list("Taxonomy")),
                ("search", "page", "per_page", "format"),
            ),
            "/taxonomies/{id}": _with_id(
                _operation(
                    "getTaxonomyById",
                    "Eén taxonomie.",
                    _ok("De taxonomie.", ref("Taxonomy")),
                )
            ),
            "/taxonomy_terms": _operation(
                "getPaginatedListOfTaxonomyTerms",
                "Termen, per pagina.",
                _ok("Een pagina met termen.", _list("TaxonomyTerm")),
                ("search", "page", "per_page", "taxonomy_id", "parent_id", "top_only", "format"),
            ),
            "/taxonomy_terms/{id}": _with_id(
                _operation(
                    "getTaxonomyTermById",
                    "Eén term.",
                    _ok("De term.", ref("TaxonomyTerm")),
                )
            ),
            "/service_at_locations": _operation(
                "getPaginatedListOfServiceAtLocations",
                "Voorzieningen op locaties, per pagina; met postcode en proximity dichtstbijzijnde eerst.",
                _ok(
                    "Een pagina.",
                    {
                        "allOf": [
                            ref("Page"),
                            {
                                "properties": {
                                    "contents": {
                                        "type": "array",
                                        "items": {
                                            "anyOf": [
                                                ref("ServiceAtLocationSummary"),
                                                ref("ServiceAtLocationFull"),
                                            ]
                                        },
                                    }
                                }
                            },
                        ]
                    },
                ),
                (
                    "search",
                    "page",
                    "per_page",
                    "taxonomy_term_id",
                    "taxonomy_id",
                    "organization_id",
                    "modified_after",
                    "full",
                    "postcode",
                    "proximity",
                    "format",
                ),
            ),
            "/service_at_locations/{id}": _with_id(
                _operation(
                    "getServiceAtLocationById",
                    "Eén voorziening op een locatie, volledig genest.",
                    _ok(
                        "De voorziening op de locatie.",
                        ref("ServiceAtLocationFull"),
                    ),
                )
            ),
        },
    }
