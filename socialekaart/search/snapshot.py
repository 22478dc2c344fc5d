"""An in-process view of the index for text, facets, filters and sorting, rebuilt only when the index changes.

Every facet value is a bitmask over the documents (bit i = the i-th document in name order), so a
facet count is `(mask & filter).bit_count()`: counting 10,000 or 100,000 documents costs microseconds
and no query. The words are an inverted index of the same positions (textindex.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple
from uuid import UUID

import numpy

from core.vocabulary import SearchVocabulary

from ..models import Synoniemgroep, Voorziening, Wijk, ZoekDocument, ZoekWoord
from . import facets, text
from .bitmask import mask_of
from .geo import HALF_WEIGHT_KM, haversine_km
from .query import rank_corrections, suggestable_words
from .textindex import TextIndex


class Vocabulary:
    """The index's words, for typo correction: close words share trigrams (as pg_trgm compares them)."""

    def __init__(self, words: list[tuple[str, str]], extra_words: set[str]):
        self.words = {word for word, _ in words} | extra_words
        self.stems = {word_stem for _, word_stem in words} | {text.stem(word) for word in extra_words}
        self.by_trigram: dict[str, list[str]] = defaultdict(list)
        for word in self.words:
            for trigram in text.trigrams(word):
                self.by_trigram[trigram].append(word)

    def known(self, word: str) -> bool:
        return word in self.words or text.stem(word) in self.stems or word.isdigit()

    def corrections(self, word: str, limit: int = 3) -> list[str]:
        shared: dict[str, int] = defaultdict(int)
        for trigram in text.trigrams(word):
            for candidate in self.by_trigram.get(trigram, ()):
                shared[candidate] += 1
        return rank_corrections(word, shared)[:limit]


class Autocomplete:
    def __init__(self, entries: list[str]):
        unique = {text.normalise(entry): entry for entry in entries if entry.strip()}
        self.entries = sorted(unique.items())
        self.by_start: dict[str, list[int]] = defaultdict(list)
        for index, (normalised, _) in enumerate(self.entries):
            for word in dict.fromkeys(text.words(normalised)):
                self.by_start[word[:2]].append(index)

    def complete(self, prefix: str, limit: int) -> list[str]:
        prefix = " ".join(text.words(prefix))
        if len(prefix) < 2:
            return []
        starts, inside = [], []
        for index in dict.fromkeys(self.by_start.get(prefix[:2], ())):
            normalised, entry = self.entries[index]
            if normalised.startswith(prefix):
                starts.append(entry)
            elif f" {prefix}" in f" {' '.join(text.words(normalised))}":
                inside.append(entry)
        return (starts + inside)[:limit]


@dataclass
class Snapshot:
    token: str | None
    ids: list[UUID] = field(default_factory=list)
    all_mask: int = 0
    facet_masks: dict[str, dict[str, int]] = field(default_factory=dict)
    options: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    organisaties: list[UUID] = field(default_factory=list)
    updated: list[datetime] = field(default_factory=list)
    points: list[list[tuple[float, float]]] = field(default_factory=list)
    capaciteit: list[datetime | None] = field(default_factory=list)
    beperkt: list[bool] = field(default_factory=list)
    gesloten_mask: int = 0  # the voorzieningen that are tijdelijk gesloten
    vocabulary: Vocabulary | None = None
    search_vocabulary: SearchVocabulary | None = None  # synonyms, names and the compound word list
    suggestion_words: frozenset = frozenset()  # what "Bedoelde u ...?" may offer
    compounds: dict[str, list[str]] = field(default_factory=dict)  # stem of a list word -> index words
    autocomplete: Autocomplete | None = None
    text_index: TextIndex | None = None
    _organisation_masks: dict = field(default_factory=dict)
    _near: dict = field(default_factory=dict)  # per origin: its _Near

    # -- masks ------------------------------------------------------------------------------------------
    def mask_of_positions(self, positions) -> int:
        return mask_of(positions, len(self.ids))

    def organisation_mask(self, organisatie_id) -> int:
        key = str(organisatie_id)
        if key not in self._organisation_masks:
            self._organisation_masks[key] = self.mask_of_positions(
                i for i, org in enumerate(self.organisaties) if str(org) == key
            )
        return self._organisation_masks[key]

    def modified_after_mask(self, moment: datetime) -> int:
        return self.mask_of_positions(i for i, updated in enumerate(self.updated) if updated > moment)

    # -- distances --------------------------------------------------------------------------------------
    def wijk_mask(self, origin) -> int:
        """The documents that serve the origin's wijk (the whole municipality's included)."""
        return self.facet_masks.get("wijk", {}).get(origin.wijk_slug, 0)

    def distances(self, origin) -> tuple[list[float | None], list[int]]:
        """Distance of every document's nearest location from the origin, and the positions nearest first
        (see nearest_first; cached)."""
        near = self._near_to(origin)
        return near.distances, near.order

    def nearness(self, origin):
        """Every document's weight for its distance from the origin: 1 next door, halved every HALF_WEIGHT_KM.
        Without a location 1 when it serves the origin's wijk (it comes to the home), else a half (cached; a
        shared array, read only)."""
        return self._near_to(origin).weights

    def _near_to(self, origin) -> _Near:
        key = (round(origin.latitude, 5), round(origin.longitude, 5), origin.wijk_slug)
        near = self._near.get(key)
        if near is None:
            distances = [
                min(
                    (haversine_km(origin.latitude, origin.longitude, lat, lon) for lat, lon in points),
                    default=None,
                )
                for points in self.points
            ]
            comes_home = self.wijk_mask(origin)
            order = sorted(range(len(distances)), key=nearest_first(distances, comes_home))
            weights = numpy.array(
                [_nearness(km, comes_home >> position & 1) for position, km in enumerate(distances)]
            )
            weights.flags.writeable = False
            if len(self._near) > 200:  # a municipality has far fewer PC4 areas
                self._near.clear()
            near = self._near[key] = _Near(distances, order, weights)
        return near


def _nearness(km: float | None, comes_home: int) -> float:
    """1 next door, halved every HALF_WEIGHT_KM; without a place, 1 for help that comes to the home (it serves
    the origin's wijk), else a half."""
    if km is None:
        return 1.0 if comes_home else 0.5
    return 0.5 ** (km / HALF_WEIGHT_KM)


class _Near(NamedTuple):
    distances: list[float | None]
    order: list[int]  # positions, nearest first
    weights: numpy.ndarray


def nearest_first(distances: list[float | None], comes_home: int = 0):
    """A sort key for positions: nearest first, then in name order. Help without a location comes last,
    unless it serves the origin's wijk (`comes_home`, a mask): it comes to the resident, so it is nearest.
    A maatje or burenhulp in her own wijk came after every place in town, 58th of 61 for "eenzaam"."""

    def key(position):
        distance = distances[position]
        return (distance is None and not comes_home >> position & 1, distance or 0.0, position)

    return key


def load(token: str | None) -> Snapshot:
    """Read the whole index view in a fixed number of queries."""
    snapshot = Snapshot(token=token)
    snapshot.options = facets.load_options(wijken=list(Wijk.objects.values_list("slug", "name")))
    positions: dict[str, dict[str, list[int]]] = {facet: defaultdict(list) for facet in snapshot.options}
    rows = (
        ZoekDocument.objects.exclude(status=Voorziening.Status.GESTOPT)
        .order_by("sort_key", "name", "pk")
        .values_list(
            "voorziening_id",
            "organisatie_id",
            "updated_at",
            "facetten",
            "locaties",
            "capaciteit_bijgewerkt",
            "beperkte_plaatsen",
            "status",
            "name",
            "name_stems",
            "body_stems",
        )
        .iterator(chunk_size=5000)
    )
    names, stems, gesloten = [], [], []
    for position, row in enumerate(rows):
        (
            voorziening_id,
            organisatie_id,
            updated_at,
            facetten,
            locaties,
            capaciteit,
            beperkt,
            status,
            name,
            name_stems,
            body_stems,
        ) = row
        names.append(name)
        stems.append((name_stems, body_stems))
        snapshot.ids.append(voorziening_id)
        snapshot.organisaties.append(organisatie_id)
        snapshot.updated.append(updated_at)
        snapshot.points.append([(float(lat), float(lon)) for lat, lon in locaties])
        snapshot.capaciteit.append(capaciteit)
        snapshot.beperkt.append(beperkt)
        if status == Voorziening.Status.TIJDELIJK_GESLOTEN:
            gesloten.append(position)
        for facet, found in positions.items():
            for code in facetten.get(facet, ()):
                found[code].append(position)
    size = len(snapshot.ids)
    snapshot.all_mask = (1 << size) - 1
    snapshot.text_index = TextIndex(stems)
    snapshot.facet_masks = {
        facet: {code: mask_of(found, size) for code, found in values.items()}
        for facet, values in positions.items()
    }
    snapshot.gesloten_mask = mask_of(gesloten, size)
    synonym_groups = [group.term_list() for group in Synoniemgroep.objects.only("termen")]
    synonym_terms = [term for group in synonym_groups for term in group]
    snapshot.autocomplete = Autocomplete(
        names + [name for code, name in snapshot.options.get("thema", ())] + synonym_terms
    )
    extra = {word for term in synonym_terms for word in text.words(term)}
    index_words = list(ZoekWoord.objects.values_list("word", "stem"))
    snapshot.vocabulary = Vocabulary(index_words, extra)
    snapshot.search_vocabulary = SearchVocabulary(
        synonyms=tuple(tuple(group) for group in synonym_groups),
        names=tuple(name for facet in ("thema", "doelgroep") for _, name in snapshot.options.get(facet, ())),
    )
    # "Bedoelde u ...?" offers words of the vocabulary and of the voorzieningen's names, never a fragment.
    snapshot.suggestion_words = suggestable_words(snapshot.search_vocabulary, names)
    snapshot.compounds = snapshot.search_vocabulary.decompounder.compounds_by_part(
        word for word, _ in index_words
    )
    return snapshot
