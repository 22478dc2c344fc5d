"""Stable UUIDs for HSDS objects that are not rows of their own here (taxonomies, phones, addresses...).

They are derived with uuid5 from the row they belong to, so the same kaart always gives the same ids.
"""

import functools
import uuid

NAMESPACE = uuid.UUID("6f1d2c1e-5b0a-4f43-9a57-0c6a1f7e2b10")


def derived(kind: str, *parts) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join([kind, *(str(part) for part in parts)])))


@functools.cache
def taxonomy_id(vocabulary: str) -> str:
    return derived("taxonomy", vocabulary)


@functools.cache
def fixed_term_id(vocabulary: str, code: str) -> str:
    return derived("term", vocabulary, code)
