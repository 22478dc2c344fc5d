"""Our own OpenAPI 3.1 description of the endpoints this site serves. The response schemas point to the
published HSDS 3.0 schemas by URL; nothing of the HSDS files is copied here."""

from django.conf import settings

SCHEMAS = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"

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
        "total_items": {"type": "integer"},
        "total_pages": {"type": "integer"},
        "page_number": {"type": "integer"},
        "size": {"type": "integer", "description": "Aantal items op deze pagina."},
        "first_page": {"type": "boolean"},
        "last_page": {"type": "boolean"},
        "empty": {"type": "boolean"},
    },
}
ERROR = {
    "type": "object",
    "required": ["status", "message"],
    "properties": {
        "status": {"type": "integer"},
        "message": {"type": "string"},
        "parameter": {"type": "string"},
    },
}


def _param(name, description, schema):
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


PARAMS = {
    "search": _param(
        "search",
        "Zoek in tekst, met dezelfde zoekfunctie als de sociale kaart.",
        {"type": "string", "maxLength": 200},
    ),
    "page": _param("page", "Paginanummer, vanaf 1.", {"type": "integer", "minimum": 1, "default": 1}),
    "per_page": _param(
        "per_page",
        "Items per pagina (hoogstens 100; met minimal=true hoogstens 1000).",
        {"type": "integer", "minimum": 1, "maximum": 1000, "default": 50},
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
        "Alleen gewijzigd op of na dit moment (ISO 8601).",
        {"type": "string", "format": "date-time"},
    ),
    "minimal": _param("minimal", "Alleen id, naam, status en last_modified.", {"type": "boolean"}),
    "full": _param("full", "Volledig geneste objecten.", {"type": "boolean"}),
    "postcode": _param(
        "postcode",
        "Nederlandse postcode (3911 AB of 3911). Zonder proximity: alleen wat in die wijk te vinden is.",
        {"type": "string"},
    ),
    "proximity": _param(
        "proximity",
        "Afstand in meters vanaf het midden van de postcode (1 tot 100000).",
        {"type": "integer", "minimum": 1, "maximum": 100000},
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


def _list(item_schema):
    return {
        "allOf": [
            PAGE,
            {"properties": {"contents": {"type": "array", "items": {"$ref": SCHEMAS + item_schema}}}},
        ]
    }


ERRORS = {
    "400": _ok("Een parameter klopt niet.", ERROR),
    "404": _ok("Niet gevonden.", ERROR),
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


ID = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}]


def _with_id(path_item):
    path_item["get"]["parameters"] = ID + path_item["get"]["parameters"]
    return path_item


def document(server_url: str) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"Sociale kaart van {settings.MUNICIPALITY_NAME}: HSDS 3.0 API",
            "version": "1.0.0",
            "summary": "Alleen-lezen API met de openbare gegevens van de sociale kaart (HSDS 3.0).",
            "license": {"name": "Open data van de gemeente"},
        },
        "servers": [{"url": server_url.rstrip("/")}],
        "paths": {
            "/": _operation(
                "getApiMetaInformation",
                "Versie en profiel van deze API.",
                _ok(
                    "Over deze API.",
                    {
                        "type": "object",
                        "required": ["version", "openapi_url"],
                        "properties": {
                            "version": {"type": "string"},
                            "profile": {"type": "string", "format": "uri"},
                            "openapi_url": {"type": "string", "format": "uri"},
                        },
                    },
                ),
            ),
            "/services": _operation(
                "getPaginatedListOfServices",
                "Voorzieningen (services), per pagina.",
                _ok("Een pagina met voorzieningen.", _list("compiled/service_list.json")),
                (
                    "search",
                    "page",
                    "per_page",
                    "taxonomy_term_id",
                    "taxonomy_id",
                    "organization_id",
                    "modified_after",
                    "minimal",
                    "full",
                ),
            ),
            "/services/{id}": _with_id(
                _operation(
                    "getFullyNestedServiceById",
                    "Eén voorziening, volledig genest.",
                    _ok("De voorziening.", {"$ref": SCHEMAS + "compiled/service.json"}),
                )
            ),
            "/organizations": _operation(
                "getPaginatedListOfOrganizations",
                "Organisaties, per pagina.",
                _ok("Een pagina met organisaties.", _list("compiled/organization_list.json")),
                ("search", "page", "per_page", "full"),
            ),
            "/organizations/{id}": _with_id(
                _operation(
                    "getOrganizationById",
                    "Eén organisatie met haar locaties en voorzieningen.",
                    _ok("De organisatie.", {"$ref": SCHEMAS + "compiled/organization.json"}),
                )
            ),
            "/taxonomies": _operation(
                "getPaginatedListOfTaxonomies",
                "Taxonomieën (thema, doelgroep, toegang, aanmelden).",
                _ok("Een pagina met taxonomieën.", _list("taxonomy.json")),
                ("search", "page", "per_page"),
            ),
            "/taxonomies/{id}": _with_id(
                _operation(
                    "getTaxonomyById",
                    "Eén taxonomie.",
                    _ok("De taxonomie.", {"$ref": SCHEMAS + "taxonomy.json"}),
                )
            ),
            "/taxonomy_terms": _operation(
                "getPaginatedListOfTaxonomyTerms",
                "Termen, per pagina.",
                _ok("Een pagina met termen.", _list("taxonomy_term.json")),
                ("search", "page", "per_page", "taxonomy_id", "parent_id", "top_only"),
            ),
            "/taxonomy_terms/{id}": _with_id(
                _operation(
                    "getTaxonomyTermById",
                    "Eén term.",
                    _ok("De term.", {"$ref": SCHEMAS + "taxonomy_term.json"}),
                )
            ),
            "/service_at_locations": _operation(
                "getPaginatedListOfServiceAtLocations",
                "Voorzieningen op locaties, per pagina; met postcode en proximity dichtstbijzijnde eerst.",
                _ok("Een pagina.", _list("compiled/service_at_location_list.json")),
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
                ),
            ),
            "/service_at_locations/{id}": _with_id(
                _operation(
                    "getServiceAtLocationById",
                    "Eén voorziening op een locatie, volledig genest.",
                    _ok(
                        "De voorziening op de locatie.",
                        {"$ref": SCHEMAS + "compiled/service_at_location.json"},
                    ),
                )
            ),
        },
    }
