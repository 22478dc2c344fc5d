"""Full-text matching and ranking in process: an inverted index of Dutch stems over the snapshot's documents.

Each document holds the Snowball stems of its name and of its other text (`ZoekDocument.name_stems` and
`body_stems`, made when the document is written). A search combines the documents of its stems as
bitmasks, like the facets, and ranks the matches with BM25 as SQLite's FTS5 computes it: the name weighs
ten times the rest. A search then costs no query, and no database work that grows with the number of
matches.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left

from . import bitmask, text
from .query import Group

NAME_WEIGHT = 10.0  # a word in the name counts as much as ten in the description
K1, B = 1.2, 0.75  # BM25's usual constants, as FTS5 uses them


class Postings:
    """The documents (positions, in order) holding one stem, and how often: a word in the name counts
    NAME_WEIGHT times. Arrays, not lists of numbers: 100,000 documents hold about 2.5 million postings."""

    __slots__ = ("positions", "frequencies", "mask")

    def __init__(self):
        self.positions = array("I")
        self.frequencies = array("f")  # whole numbers (name count x 10 + body count): exact in a float
        self.mask: int | None = None  # made on first use


class TextIndex:
    def __init__(self, documents: list[tuple[str, str]]):
        """`documents`: (name stems, body stems) per position, as space-separated text."""
        self.size = len(documents)
        self.lengths = array("I")  # words per document, name and body
        self.postings: dict[str, Postings] = {}
        for position, (name_stems, body_stems) in enumerate(documents):
            name, body = name_stems.split(), body_stems.split()
            self.lengths.append(len(name) + len(body))
            frequencies: dict[str, float] = {}
            for stem in body:
                frequencies[stem] = frequencies.get(stem, 0) + 1
            for stem in name:
                frequencies[stem] = frequencies.get(stem, 0) + NAME_WEIGHT
            for stem, frequency in frequencies.items():
                postings = self.postings.get(stem)
                if postings is None:
                    postings = self.postings[stem] = Postings()
                postings.positions.append(position)
                postings.frequencies.append(frequency)
        self.average_length = sum(self.lengths) / self.size if self.size else 1.0

    def match(self, groups: list[Group]) -> int:
        """The documents that match every group (one alternative of each, all words of that alternative),
        as a bitmask over positions."""
        matched = (1 << self.size) - 1
        for group in groups:
            either = 0
            for alternative in group:
                every = -1
                for word in alternative:
                    every &= self._mask(text.stem(word))
                either |= every
            matched &= either
        return matched

    def scores(self, groups: list[Group], hits: int) -> dict[int, float]:
        """BM25 of the documents of the bitmask `hits`, as FTS5 computes it: every word of an alternative
        that a document matches adds its part (a word of an alternative it does not match, such as "inzet"
        of "vrijwillige inzet", adds nothing, nor do its other words). Keys in position order."""
        scores = dict.fromkeys(bitmask.positions(hits), 0.0)
        for group in groups:
            for alternative in group:
                stems = [text.stem(word) for word in alternative]
                holding = hits
                for stem in stems:
                    holding &= self._mask(stem)
                if holding:
                    targets = scores if holding == hits else dict.fromkeys(bitmask.positions(holding))
                    for stem in stems:
                        self._add_scores(stem, scores, targets)
        return scores

    def _mask(self, stem: str) -> int:
        postings = self.postings.get(stem)
        if postings is None:
            return 0
        if postings.mask is None:
            postings.mask = bitmask.mask_of(postings.positions, self.size)
        return postings.mask

    def _add_scores(self, stem: str, scores: dict[int, float], targets) -> None:
        """Add the stem's BM25 part to the scores of `targets`, documents that all hold the stem."""
        postings = self.postings[stem]
        positions, frequencies = postings.positions, postings.frequencies
        found = len(positions)
        idf = max(math.log((self.size - found + 0.5) / (found + 0.5)), 1e-6)
        lengths, per_length = self.lengths, K1 * B / self.average_length
        if len(targets) * 4 < found:  # few targets: a binary search each beats walking every posting
            held = ((position, frequencies[index]) for position, index in _found_in(positions, targets))
        else:
            pairs = zip(positions, frequencies, strict=True)
            held = ((position, frequency) for position, frequency in pairs if position in targets)
        for position, frequency in held:
            saturation = frequency + K1 * (1 - B) + per_length * lengths[position]
            scores[position] += idf * frequency * (K1 + 1) / saturation


def _found_in(positions: array, wanted) -> list[tuple[int, int]]:
    """The wanted positions that the sorted `positions` hold, with their index there (binary search)."""
    found = []
    for position in wanted:
        index = bisect_left(positions, position)
        if index < len(positions) and positions[index] == position:
            found.append((position, index))
    return found
