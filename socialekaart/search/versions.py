"""A shared token that changes on every index or synonym change, whatever the backend.

Each process keeps a cached view of the index and of rendered search pages; comparing this token (one
cheap query) tells it when they are stale, so changes take effect without a restart. A random token
rather than a counter stays correct when a transaction that changed it is rolled back.
"""

import uuid

from ..models import ZoekIndexVersie

_ROW = 1


def current_token() -> str | None:
    return ZoekIndexVersie.objects.filter(pk=_ROW).values_list("token", flat=True).first()


def bump() -> None:
    token = uuid.uuid4().hex
    if not ZoekIndexVersie.objects.filter(pk=_ROW).update(token=token):
        ZoekIndexVersie.objects.update_or_create(pk=_ROW, defaults={"token": token})
