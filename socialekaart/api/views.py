"""The read-only HSDS 3.0 API of the sociale kaart. Public data only, JSON only, a fixed number of
queries per page. Lists are paginated as the standard says."""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from uuid import UUID

import orjson
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.gzip import gzip_page

from .. import postcodes
from ..hsds import serialize, vocabularies
from ..models import Term, Voorziening, VoorzieningOpLocatie
from ..search import SearchUnavailable
from . import params
from .filters import all_search_ids, database_condition, search_page, service_filter
from .geo import within
from .openapi import only_documented

HSDS_VERSION = "3.0"
DJANGO_JSON = DjangoJSONEncoder()


def _json(data, status: int = 200) -> HttpResponse:
    """JSON in UTF-8, written by orjson (many times as fast as the standard library). Dates, times,
    Decimals and lazy texts go to Django's JSON encoder, so they read as they always did."""
    body = orjson.dumps(data, default=DJANGO_JSON.default, option=orjson.OPT_PASSTHROUGH_DATETIME)
    return HttpResponse(body, status=status, content_type="application/json")


def _error(status: int, message: str, **extra) -> HttpResponse:
    return _json({"status": status, "message": message, **extra}, status=status)


def open_to_every_origin(view):
    """Public open data for a web page on any site: every answer allows any origin, a 304 too, and shows
    its ETag to the page's script; the question a browser asks before it sends If-None-Match (a preflight,
    OPTIONS) is answered. A page that polled with its own ETag got a 405 there, and no answer at all."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag"
        return response

    return wrapper


def with_etag(view):
    """Django's `conditional_page` (an ETag, and a 304 for a matching If-None-Match), for HEAD as well. Django
    leaves HEAD out, expecting no body to hash; here the view makes the GET's body (the server drops it), so a
    client that checks with HEAD whether anything changed gets the GET's ETag. Every answer says it varies
    by Accept-Encoding: the 304 too, which the compression leaves alone, as a cache must know it."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            set_response_etag(response)
            response = get_conditional_response(request, etag=response["ETag"], response=response)
        patch_vary_headers(response, ("Accept-Encoding",))
        return response

    return wrapper


def api_view(path: str):
    """GET only (else a JSON 405); a bad parameter is a 400 and an unavailable search a 503, each with a
    plain message. Compressed for a client that asks (a page of 100 full services is some 640 kB), with an
    ETag, so a consumer that polls gets a 304 without the body when nothing changed.

    `path` is the view's path in the OpenAPI document: the query parameters it documents there are the only
    ones the view takes. A filter typed wrong ("modified_since") was ignored, and a nightly sync got all."""

    def decorate(view):
        @csrf_exempt  # read-only and without cookies: a POST gets the JSON 405, not the CSRF page
        @open_to_every_origin
        @gzip_page
        @with_etag
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                response = _error(405, "Deze API kan alleen lezen: gebruik GET.")
                response["Allow"] = "GET, HEAD"
                return response
            if "pk" in kwargs:
                kwargs["pk"] = UUID(kwargs["pk"])  # the URL pattern only lets valid UUIDs through
            try:
                only_documented(request.GET, path)
                params.json_format(request.GET)
                return view(request, *args, **kwargs)
            except params.BadParameter as error:
                return _error(400, str(error), parameter=error.name)
            except SearchUnavailable:
                return _error(503, "Zoeken werkt nu even niet. Probeer het over een paar minuten opnieuw.")

        return wrapper

    return decorate


def not_found(what: str) -> HttpResponse:
    return _error(404, f"Deze {what} bestaat niet (meer).")


def page_of(contents: list, total: int, page: int, per_page: int) -> dict:
    total_pages = math.ceil(total / per_page) if total else 0
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def _page_slice(queryset, page: int, per_page: int, rows=None) -> tuple[list, int]:
    """One page of a queryset and the total; a page past the end costs only the count. `rows`, with the same
    filter and order, reads the page in another way (as rows of values, say); the count needs none of it."""
    total = queryset.count()
    start = (page - 1) * per_page
    if start >= total:
        return [], total
    return list((queryset if rows is None else rows)[start : start + per_page]), total


def _in_order(queryset, ids: list) -> list:
    """The objects (or rows of values) with these ids, in the order of the ids."""
    by_id = {_pk(item): item for item in queryset.filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


def _pk(item):
    return item["id"] if isinstance(item, dict) else item.pk


# --- Root -----------------------------------------------------------------------------------------------


@api_view("/")
def root(request):
    return _json(
        {
            "version": HSDS_VERSION,
            "profile": settings.SOCIALEKAART_HSDS_PROFILE,
            "openapi_url": request.build_absolute_uri(reverse("hsds:openapi")),
        }
    )


# --- Services -------------------------------------------------------------------------------------------


def _service_filter(query):
    return service_filter(
        params.text(query, "search"),
        params.uuid_value(query, "organization_id"),
        params.moment(query, "modified_after"),
        params.uuid_value(query, "taxonomy_term_id"),
        params.uuid_value(query, "taxonomy_id"),
    )


@api_view("/services")
def services(request):
    query = request.GET
    minimal, full = params.boolean(query, "minimal"), params.boolean(query, "full")
    page, per_page = params.pagination(query, minimal=minimal)
    flt = _service_filter(query)
    # A list reads rows of values; `render` makes the whole page's services of them.
    if minimal:
        read, render = serialize.minimal_rows, _each(serialize.service_minimal)
    elif full:
        read, render = serialize.full_rows, serialize.services_full
    else:
        read, render = serialize.service_rows, _each(serialize.service_of_row)
    if flt.nothing:
        items, total = [], 0
    elif flt.text:
        ids, total = search_page(flt, page, per_page)
        items = _in_order(read(Q()), ids)
    else:
        # What changed since a moment includes the services that stopped since (status "defunct"): a
        # consumer that keeps a copy learns from the same poll to take them out.
        matching = database_condition(flt, stopped_too=flt.modified_after is not None)
        items, total = _page_slice(Voorziening.objects.filter(matching), page, per_page, read(matching))
    return _json(page_of(render(items), total, page, per_page))


def _each(render_one):
    return lambda rows: [render_one(row) for row in rows]


@api_view("/services/{id}")
def service_detail(request, pk: UUID):
    found = serialize.services_full(serialize.full_rows(Q(pk=pk)))
    if not found:
        return not_found("voorziening")
    return _json(found[0])


# --- Organisations --------------------------------------------------------------------------------------


@api_view("/organizations")
def organizations(request):
    query = request.GET
    full_service = params.boolean(query, "full_service")
    full = params.boolean(query, "full") or full_service
    page, per_page = params.pagination(query)
    search = params.text(query, "search")
    queryset = serialize.organizations_queryset(full=full).order_by("name", "pk")
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(description__icontains=search))
    items, total = _page_slice(queryset, page, per_page)
    render = serialize.organization_full if full else serialize.organization
    contents = [render(o) for o in items]
    return _json(page_of(_with_full_services(contents) if full_service else contents, total, page, per_page))


@api_view("/organizations/{id}")
def organization_detail(request, pk: UUID):
    organisatie = serialize.organizations_queryset(full=True).filter(pk=pk).first()
    if organisatie is None:
        return not_found("organisatie")
    data = serialize.organization_full(organisatie)
    if params.boolean(request.GET, "full_service"):
        data = _with_full_services([data])[0]
    return _json(data)


def _with_full_services(organizations: list[dict]) -> list[dict]:
    """full_service=true (HSDS): each organisation's services as /services/{id} gives them, the ones it
    lists (not those that stopped), in its order, by name."""
    ids = [organization["id"] for organization in organizations]
    by_organization = defaultdict(list)
    listed = Q(organisatie__in=ids) & ~serialize.STOPPED
    for service in serialize.services_full(serialize.full_rows(listed)):
        by_organization[service["organization_id"]].append(service)
    for organization in organizations:
        organization["services"] = by_organization[organization["id"]]
    return organizations


# --- Taxonomies -----------------------------------------------------------------------------------------


@api_view("/taxonomies")
def taxonomies(request):
    page, per_page = params.pagination(request.GET)
    search = params.text(request.GET, "search").casefold()
    items = [vocabularies.taxonomy(name) for name in vocabularies.taxonomies()]
    if search:
        items = [item for item in items if search in f"{item['name']} {item['description']}".casefold()]
    start = (page - 1) * per_page
    return _json(page_of(items[start : start + per_page], len(items), page, per_page))


@api_view("/taxonomies/{id}")
def taxonomy_detail(request, pk: UUID):
    vocabulary = vocabularies.vocabulary_of_taxonomy_id(str(pk))
    if vocabulary is None:
        return not_found("taxonomie")
    return _json(vocabularies.taxonomy(vocabulary))


@api_view("/taxonomy_terms")
def taxonomy_terms(request):
    query = request.GET
    page, per_page = params.pagination(query)
    search = params.text(query, "search").casefold()
    taxonomy = params.uuid_value(query, "taxonomy_id")
    parent = params.uuid_value(query, "parent_id")
    params.boolean(query, "top_only")  # every term is a top term: the taxonomies are flat
    items = [] if parent else vocabularies.all_terms()
    if taxonomy:
        items = [item for item in items if item["taxonomy_id"] == str(taxonomy)]
    if search:
        items = [item for item in items if search in f"{item['code']} {item['name']}".casefold()]
    start = (page - 1) * per_page
    return _json(page_of(items[start : start + per_page], len(items), page, per_page))


@api_view("/taxonomy_terms/{id}")
def taxonomy_term_detail(request, pk: UUID):
    term = Term.objects.filter(pk=pk).first()
    if term:
        return _json(vocabularies.db_term(term))
    found = next((item for item in vocabularies.all_terms() if item["id"] == str(pk)), None)
    return _json(found) if found else not_found("term")


# --- Services at locations ------------------------------------------------------------------------------


@api_view("/service_at_locations")
def service_at_locations(request):
    query = request.GET
    full = params.boolean(query, "full")
    page, per_page = params.pagination(query)
    flt = _service_filter(query)
    postcode = params.postcode(query)
    proximity = (
        params.integer(query, "proximity", 0, 1, params.MAX_PROXIMITY) if query.get("proximity") else 0
    )
    if proximity and not postcode:
        raise params.BadParameter("proximity", "geef ook een postcode mee, dan meten we vanaf die postcode.")
    queryset = serialize.service_at_locations_queryset()
    if flt.nothing:
        return _json(page_of([], 0, page, per_page))
    condition = database_condition(flt, prefix="voorziening__")
    if flt.text:
        condition &= Q(voorziening_id__in=all_search_ids(flt))
    matching = VoorzieningOpLocatie.objects.filter(condition)
    distances: dict = {}
    area = postcodes.area(postcode)
    if postcode and proximity:
        if area is None or area.latitude is None:
            return _json(page_of([], 0, page, per_page))
        centre = (area.latitude, area.longitude)
        rows = matching.values_list("pk", "locatie__latitude", "locatie__longitude")
        distances = within(rows, centre, proximity / 1000)
        ordered = sorted(distances, key=lambda pk: (distances[pk], str(pk)))
        total = len(ordered)
        page_ids = ordered[(page - 1) * per_page : page * per_page]
    else:
        if postcode:
            if area is None:
                return _json(page_of([], 0, page, per_page))
            wijk = area.wijk
            covering = Voorziening.objects.filter(Q(hele_gemeente=True) | Q(wijken=wijk)).values("pk")
            matching = matching.filter(Q(voorziening_id__in=covering) | Q(locatie__wijk=wijk))
        ordered_qs = matching.order_by("voorziening__name", "locatie__name", "pk").values_list(
            "pk", flat=True
        )
        page_ids, total = _page_slice(ordered_qs, page, per_page)
    items = _in_order(queryset, page_ids)
    if full:
        contents = [serialize.service_at_location_full(item) for item in items]
    else:
        contents = [serialize.service_at_location_summary(item, distances.get(item.pk)) for item in items]
    return _json(page_of(contents, total, page, per_page))


@api_view("/service_at_locations/{id}")
def service_at_location_detail(request, pk: UUID):
    item = (
        serialize.service_at_locations_queryset().filter(pk=pk).exclude(voorziening__status="gestopt").first()
    )
    if item is None:
        return not_found("voorziening op deze locatie")
    return _json(serialize.service_at_location_full(item))


@api_view("/openapi.json")
def openapi(request):
    from .openapi import document

    return _json(document(request.build_absolute_uri(reverse("hsds:root"))))


@csrf_exempt
@open_to_every_origin
def api_not_found(request, rest: str = ""):
    return _error(404, "Dit adres bestaat niet in de HSDS-API. Kijk in /api/hsds/openapi.json welke er zijn.")
