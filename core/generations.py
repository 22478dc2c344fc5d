"""Generation counters: a number per kind of content that changes whenever that content changes.

Cache keys hold the generations of what they show (the page tree, the begrippen, ...), so a change makes
every stored copy unreachable at once, in every process that shares the cache, without finding and
deleting them one by one.
"""

import time

from django.core.cache import cache


def _key(name: str) -> str:
    return f"generation:{name}"


def current(name: str) -> int:
    generation = cache.get(_key(name))
    if generation is None:
        generation = time.time_ns()
        cache.set(_key(name), generation, None)
    return generation


def bump(name: str) -> None:
    cache.set(_key(name), time.time_ns(), None)
