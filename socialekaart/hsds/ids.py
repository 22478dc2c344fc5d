"""Stable UUIDs for HSDS objects that are not rows of their own here (taxonomies, phones, addresses...).

They are derived with uuid5 from the row they belong to, so the same kaart always gives the same ids.
"""

import functools
import hashlib
import uuid

NAMESPACE = uuid.UUID("6f1d2c1e-5b0a-4f43-9a57-0c6a1f7e2b10")


# uuid5 hashes the namespace's bytes and then the name: the namespace's part is hashed once here, as a full
# service derives a dozen ids (its attributes, phones, areas), and uuid5 spent half its time on that part.
_NAMESPACE_HASH = hashlib.sha1(NAMESPACE.bytes, usedforsecurity=False)


def derived(kind: str, *parts) -> str:
    """uuid5(NAMESPACE, "kind:part:part...")."""
    digest = _NAMESPACE_HASH.copy()
    digest.update(":".join([kind, *(str(part) for part in parts)]).encode())
    return str(uuid.UUID(bytes=digest.digest()[:16], version=5))


@functools.cache
def taxonomy_id(vocabulary: str) -> str:
    return derived("taxonomy", vocabulary)


@functools.cache
def fixed_term_id(vocabulary: str, code: str) -> str:
    return derived("term", vocabulary, code)
