"""Which of a few named things (themes) lie closest to what someone typed: for a search that found nothing.

Simple on purpose: a candidate is near when one of its words shares a Dutch stem with a typed word, is
like it letter for letter (trigrams, so typing errors still count), or one holds the other (a part of a
compound: "klussen" and "klussendienst"). The candidates with the most such words come first; when no
candidate is near, every candidate is returned, so the visitor always has a way on.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.search_text import normalise, stem

MIN_WORD = 3
MIN_PART = 4  # letters a word needs before it counts as part of a compound
TRIGRAM_SIMILARITY = 0.45
REMEMBERED_WORDS = 10_000  # typed words whose near known words nearest_in keeps, per dict it is given
_WORD = re.compile(r"\w+", re.UNICODE)
_IGNORED = frozenset(
    [
        "aan",
        "bij",
        "de",
        "den",
        "der",
        "een",
        "en",
        "het",
        "in",
        "met",
        "naar",
        "of",
        "om",
        "op",
        "te",
        "tot",
        "u",
        "uw",
        "van",
        "voor",
        "zelf",
    ]
)


def words(text: str) -> set[str]:
    return {
        word
        for word in _WORD.findall(normalise(str(text)))
        if len(word) >= MIN_WORD and word not in _IGNORED and not word.isdigit()
    }


@lru_cache(maxsize=10_000)
def _trigrams(word: str) -> frozenset[str]:
    padded = f"  {word} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def is_near(typed: str, known: str) -> bool:
    typed_stem, known_stem = stem(typed), stem(known)
    if typed_stem == known_stem:
        return True
    shorter, longer = sorted((typed_stem, known_stem), key=len)
    if len(shorter) >= MIN_PART and shorter in longer:
        return True
    a, b = _trigrams(typed), _trigrams(known)
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared) >= TRIGRAM_SIMILARITY  # Jaccard: shared / all trigrams


def nearest(query: str, candidates: list[tuple[object, str]], limit: int = 6) -> tuple[list, bool]:
    """`candidates`: (item, its words: name, synonyms, description) pairs. Returns the nearest items, best
    first, and whether they are near at all (False: every item, in the given order, as a way on)."""
    return nearest_in(query, [(item, words(text)) for item, text in candidates], limit)


def nearest_in(
    query: str, candidates: list[tuple[object, set[str]]], limit: int = 6, remembered: dict | None = None
) -> tuple[list, bool]:
    """Like nearest, with each candidate's words already split by `words` (to reuse for many queries).
    `remembered`: a dict kept beside the candidates, where the known words near each typed word are kept for
    the next query (people type the same words again)."""
    typed = words(query)
    remembered = {} if remembered is None else remembered
    if len(remembered) > REMEMBERED_WORDS:
        remembered.clear()
    near = {word: remembered.get(word) for word in typed}  # one look-up each: another thread may clear it
    new = [word for word, known in near.items() if known is None]
    if new:
        # Each new word is compared once with each distinct known word, not again for every candidate that
        # shares it (themes share many words).
        vocabulary = set().union(*(known for _item, known in candidates))
        for word in new:
            near[word] = remembered[word] = frozenset(other for other in vocabulary if is_near(word, other))
    scored = []
    for position, (item, known) in enumerate(candidates):
        score = sum(1 for word in typed if not near[word].isdisjoint(known))
        if score:
            scored.append((-score, position, item))
    if not scored:
        return [item for item, _known in candidates], False
    return [item for _score, _position, item in sorted(scored, key=lambda row: row[:2])[:limit]], True
