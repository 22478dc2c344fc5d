"""A shared token that changes on every index or synonym change, whatever the backend.

Each process keeps a cached view of the index and of rendered search pages; comparing this token (one
cheap query) tells it when they are stale, so changes take effect without a restart. A random token
rather than a counter stays correct when a transaction that changed it is rolled back.

Within a request the token is read once: the page cache key, the search form and the results of one
page then come from the same index version, and a page costs one query for it instead of four.
"""

import uuid

from asgiref.local import Local
from django.core.signals import request_finished, request_started
from django.db import connection

from ..models import ZoekIndexVersie

_ROW = 1
_OUTSIDE, _UNREAD = object(), object()  # no request runs; a request runs and has not read the token yet
_built: dict[object, tuple[str, object]] = {}  # key -> (token, what build() gave for it)
_request = Local()  # .token: what the running request read


def current_token() -> str | None:
    remembered = getattr(_request, "token", _OUTSIDE)
    if remembered is not _OUTSIDE and remembered is not _UNREAD:
        return remembered
    token = _read_token()
    if remembered is _UNREAD:
        _request.token = token
    return token


def _read_token() -> str | None:
    """The row's token, in plain SQL: every kaart page reads it, also one that comes from the page cache,
    and the ORM's building of this one-row query cost a quarter of such a page."""
    quote = connection.ops.quote_name
    table, key = quote(ZoekIndexVersie._meta.db_table), quote(ZoekIndexVersie._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token FROM {table} WHERE {key} = %s", [_ROW])  # noqa: S608 (names quoted)
        row = cursor.fetchone()
    return None if row is None else row[0]


def bump() -> None:
    token = uuid.uuid4().hex
    if not ZoekIndexVersie.objects.filter(pk=_ROW).update(token=token):
        ZoekIndexVersie.objects.update_or_create(pk=_ROW, defaults={"token": token})
    if getattr(_request, "token", _OUTSIDE) is not _OUTSIDE:
        _request.token = token


def _start_request(**kwargs) -> None:
    _request.token = _UNREAD


def _end_request(**kwargs) -> None:
    _request.token = _OUTSIDE


request_started.connect(_start_request, dispatch_uid="kaart-index-token-start")
request_finished.connect(_end_request, dispatch_uid="kaart-index-token-end")


def once_per_token(key, build):
    """What `build()` gives, worked out once per process and token: a change to the index, a wijk, a term or
    the synonyms gives a new token and so a new build. While there is no token yet, it builds every time."""
    token = current_token()
    if token is None:
        return build()
    built = _built.get(key)
    if built is None or built[0] != token:
        built = _built[key] = (token, build())
    return built[1]
