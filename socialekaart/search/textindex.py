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

import numpy

from . import bitmask, text
from .query import CompoundAlternative, Group

NAME_WEIGHT = 10.0  # a word in the name counts as much as ten in the description
COMPOUND_WEIGHT = 0.5  # an alternative found through a compound (query.CompoundAlternative) counts half
K1, B = 1.2, 0.75  # BM25's usual constants, as FTS5 uses them


class Postings:
    """The documents (positions, in order) holding one stem, and how often: a word in the name counts
    NAME_WEIGHT times. Arrays, not lists of numbers: 100,000 documents hold about 2.5 million postings."""

    __slots__ = ("positions", "frequencies", "mask")

    def __init__(self):
        self.positions = array("I")
        self.frequencies = array("d")  # whole numbers (name count x 10 + body count)
        self.mask: int | None = None  # made on first use


class TextIndex:
    def __init__(self, documents: list[tuple[str, str]]):
        """`documents`: (name stems, body stems) per position, as space-separated text."""
        self.size = len(documents)
        lengths = array("I")  # words per document, name and body
        self.postings: dict[str, Postings] = {}
        for position, (name_stems, body_stems) in enumerate(documents):
            name, body = name_stems.split(), body_stems.split()
            lengths.append(len(name) + len(body))
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
        for postings in self.postings.values():  # numpy views of the arrays, for scoring all at once
            postings.positions = numpy.frombuffer(postings.positions, dtype=numpy.uint32)
            postings.frequencies = numpy.frombuffer(postings.frequencies, dtype=numpy.float64)
        self.lengths = numpy.frombuffer(lengths, dtype=numpy.uint32).astype(numpy.float64)
        self.average_length = float(self.lengths.mean()) if self.size else 1.0

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

    def scores(self, groups: list[Group], hits: int) -> numpy.ndarray:
        """BM25 of the documents of the bitmask `hits` by position (0 elsewhere), as FTS5 computes it: every
        word of an alternative that a document matches adds its part (a word of an alternative it does not
        match, such as "inzet" of "vrijwillige inzet", adds nothing, nor do its other words), an alternative
        found through a compound half its part."""
        scores = numpy.zeros(self.size)
        for group in groups:
            for alternative in group:
                stems = [text.stem(word) for word in alternative]
                holding = hits
                for stem in stems:
                    holding &= self._mask(stem)
                if holding:
                    held = bitmask.as_booleans(holding, self.size)
                    weight = COMPOUND_WEIGHT if isinstance(alternative, CompoundAlternative) else 1.0
                    for stem in stems:
                        self._add_scores(stem, scores, held, weight)
        return scores

    def _mask(self, stem: str) -> int:
        postings = self.postings.get(stem)
        if postings is None:
            return 0
        if postings.mask is None:
            postings.mask = bitmask.mask_of(postings.positions, self.size)
        return postings.mask

    def _add_scores(self, stem: str, scores: numpy.ndarray, held: numpy.ndarray, weight: float) -> None:
        """Add the stem's BM25 part, times `weight`, to the scores of the documents `held` (all of which hold
        the stem): the same arithmetic, in the same order, as FTS5's, over all of them at once."""
        postings = self.postings[stem]
        found = len(postings.positions)
        idf = max(math.log((self.size - found + 0.5) / (found + 0.5)), 1e-6)
        wanted = held[postings.positions]
        positions, frequencies = postings.positions[wanted], postings.frequencies[wanted]
        saturation = frequencies + K1 * (1 - B) + K1 * B / self.average_length * self.lengths[positions]
        scores[positions] += weight * idf * frequencies * (K1 + 1) / saturation
