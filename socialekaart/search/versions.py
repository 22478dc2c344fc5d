"""A shared token that changes on every index or synonym change, whatever the backend.

Each process keeps a cached view of the index and of rendered search pages; comparing this token (one
cheap query) tells it when they are stale, so changes take effect without a restart. A random token
rather than a counter stays correct when a transaction that changed it is rolled back.
"""

import uuid

from ..models import ZoekIndexVersie

_ROW = 1
_built: dict[object, tuple[str, object]] = {}  # key -> (token, what build() gave for it)


def current_token() -> str | None:
    return ZoekIndexVersie.objects.filter(pk=_ROW).values_list("token", flat=True).first()


def bump() -> None:
    token = uuid.uuid4().hex
    if not ZoekIndexVersie.objects.filter(pk=_ROW).update(token=token):
        ZoekIndexVersie.objects.update_or_create(pk=_ROW, defaults={"token": token})


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
