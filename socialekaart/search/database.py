"""The embedded default search backend: the project's own database, no extra server.

The database holds the index (one ZoekDocument per voorziening, with the Dutch stems of its text, and the
words for typo correction). Each process searches an in-process snapshot of it (see snapshot.py): text,
facets, filters, distances and sorting. A search runs one query whatever the data size: the one that sees
whether the index changed since the snapshot was read.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from uuid import UUID

import numpy
from django.db import connection, transaction
from django.utils import timezone

from .. import postcodes
from ..models import CAPACITEIT_VEROUDERD_NA, Synoniemgroep, Voorziening, Wijk, ZoekDocument, ZoekWoord
from . import bitmask, snapshot, text, versions
from . import facets as declared
from .contract import (
    FacetOption,
    Hit,
    ProgressCallback,
    SearchBackend,
    SearchQuery,
    SearchResults,
)
from .documents import document_body_text, documents_queryset, voorziening_document
from .query import ParsedQuery, leave_out_apart, leave_out_unfound, parse

CHUNK = 500
MAX_WORDS = 12  # words of a query that count
MAX_TEXT = 200  # characters of a query that count; longer input is cut, never an error
OUTDATED_CAPACITY_FACTOR = 0.5
# A voorziening that is tijdelijk gesloten comes after open ones that match as well, in a search with words: a
# closed inloopochtend came first for "dagbesteding". Without words the list keeps its order.
CLOSED_FACTOR = 0.5
# With a postcode, help that serves the resident's wijk (or the whole gemeente) weighs a tenth more in a
# search with words: the same help of six wijken scores within a few percent (a longer name scores less), and
# the Maatjesproject of her own wijk came seventh, after those of five other wijken.
OWN_WIJK_FACTOR = 1.1


class DatabaseBackend(SearchBackend):
    name = "database"

    def __init__(self):
        self._snapshots: dict[str, snapshot.Snapshot] = {}  # per database alias
        self._lock = threading.Lock()

    # -- reading --------------------------------------------------------------------------------------
    def _snapshot(self) -> snapshot.Snapshot:
        token = versions.current_token()
        key = connection.alias
        current = self._snapshots.get(key)
        if current is None or current.token != token:
            with self._lock:
                current = self._snapshots.get(key)
                if current is None or current.token != token:
                    current = snapshot.load(token)
                    self._snapshots[key] = current
        return current

    def search(self, query: SearchQuery) -> SearchResults:
        snap = self._snapshot()
        origin, postcode_unknown = postcodes.origin(query.postcode)
        base = snap.all_mask
        parsed, ranking_only, did_you_mean = self._parse_text(query.text[:MAX_TEXT], snap)
        left_out = not_together = ()
        if parsed.groups:
            text_mask = snap.text_index.match(parsed.groups)
            if not text_mask and query.leave_out_unfound:
                found = [snap.text_index.match([group]) != 0 for group in parsed.groups]
                left_out = leave_out_unfound(parsed, found)
                text_mask = snap.text_index.match(parsed.groups) if left_out else 0
            if not text_mask and query.leave_out_unfound:
                before = parsed.groups
                not_together = leave_out_apart(
                    parsed, lambda kept: self._best_score(snap, [before[i] for i in kept])
                )
                if not_together:  # the words left out still weigh in the order
                    ranking_only += [group for group in before if group not in parsed.groups]
                    text_mask = snap.text_index.match(parsed.groups)
            base &= text_mask
        groups = parsed.groups
        if query.organisatie_id:
            base &= snap.organisation_mask(query.organisatie_id)
        if query.modified_after:
            moment = query.modified_after
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
            base &= snap.modified_after_mask(moment)
        if query.only_ids is not None:
            base &= snap.mask_of_positions(i for i, pk in enumerate(snap.ids) if str(pk) in query.only_ids)
        if query.alleen_mijn_wijk and origin:  # help for the postcode's wijk, the whole gemeente's too
            base &= snap.wijk_mask(origin)

        filters = {facet: self._filter_mask(snap, facet, query.selected(facet)) for facet in snap.options}
        hits_mask = base
        for mask in filters.values():
            if mask is not None:
                hits_mask &= mask
        facets = self._facets(snap, query, base, filters)
        total = hits_mask.bit_count()
        scores = snap.text_index.scores(groups + ranking_only, hits_mask) if groups else None
        window = self._ordered_window(snap, query, hits_mask, scores, origin)
        distances = snap.distances(origin)[0] if origin else None
        hits = [
            Hit(
                id=snap.ids[position],
                score=round(float(score), 6),
                distance_km=round(distances[position], 2)
                if distances and distances[position] is not None
                else None,
                point=snap.points[position][0] if snap.points[position] else None,
            )
            for position, score in window
        ]
        return SearchResults(
            total=total,
            hits=hits,
            facets=facets,
            origin=origin,
            did_you_mean=did_you_mean,
            left_out=left_out,
            not_together=not_together,
            page=query.page,
            per_page=query.per_page,
            postcode_unknown=postcode_unknown,
        )

    @staticmethod
    def _best_score(snap, groups) -> float:
        matched = snap.text_index.match(groups)
        return float(snap.text_index.scores(groups, matched).max()) if matched else 0.0

    @staticmethod
    def _parse_text(typed: str, snap) -> tuple[ParsedQuery, list, str | None]:
        """The boolean query for the typed text (no groups: no text, or only stop words, nothing to narrow),
        the groups of its vague words, which only weigh in the order (core.search_text.VAGUE_WORDS), and the
        "Bedoelde u ...?" words."""
        phrases = snap.search_vocabulary.phrases
        # "regio taxi", "hulp middelen": as the index or the synonyms have them
        typed_words = text.join_written_apart(text.words(typed)[:MAX_WORDS], snap.vocabulary.known, phrases)
        matched, vague = text.split_vague_words(" ".join(typed_words), phrases)
        searched = text.words(matched)
        corrections = {
            word: snap.vocabulary.corrections(word)
            for word in _correctable(searched, snap)
            if not snap.vocabulary.known(word)
        }
        parsed = parse(
            " ".join(searched),
            phrases,
            corrections,
            decompounder=snap.search_vocabulary.decompounder,
            compounds=snap.compounds,
            known=snap.vocabulary.known,
        )
        if not parsed.groups:
            return parsed, [], None
        ranking_only = [((word,),) for word in vague]
        return parsed, ranking_only, parsed.did_you_mean(" ".join(typed_words), snap.suggestion_words)

    @staticmethod
    def _filter_mask(snap, facet: str, selected: tuple[str, ...]) -> int | None:
        known = [value for value in selected if value in dict(snap.options[facet])]
        if not known:
            return None  # nothing (valid) chosen: no filter
        mask = 0
        for value in known:
            mask |= snap.facet_masks[facet].get(value, 0)
        return mask

    @staticmethod
    def _facets(snap, query: SearchQuery, base: int, filters: dict[str, int | None]) -> dict:
        """Each facet counts what the other facets' filters leave, so its own options stay comparable."""
        facets = {}
        for facet in snap.options:
            scope = base
            for other, mask in filters.items():
                if other != facet and mask is not None:
                    scope &= mask
            selected = set(query.selected(facet))
            values = snap.facet_masks[facet]
            facets[facet] = [
                FacetOption(value, label, (values.get(value, 0) & scope).bit_count(), value in selected)
                for value, label in snap.options[facet]
            ]
        return facets

    def _ordered_window(self, snap, query: SearchQuery, hits_mask: int, scores, origin):
        """The (position, score) pairs of the requested page, in the requested order. `scores`: the text
        ranking by position, or None without text (then every hit scores 1)."""
        start, stop = query.offset, query.offset + query.per_page
        sort = query.sort
        if sort == "distance" and origin is None:
            sort = "relevance"
        unranked = scores is None
        plain_relevance = sort == "relevance" and unranked and not query.voor_professionals
        if sort == "name" or (plain_relevance and not origin):
            positions = bitmask.first_positions(hits_mask, stop)[start:stop]
        elif sort == "distance" or plain_relevance:
            positions = self._nearest(snap, origin, hits_mask, stop)[start:stop]
        else:
            return self._relevance_window(snap, query, hits_mask, scores, origin, start, stop)
        return [(position, 1.0 if unranked else scores[position]) for position in positions]

    @staticmethod
    def _nearest(snap, origin, hits_mask: int, count: int) -> list[int]:
        """The `count` hits nearest to the origin, nearest first."""
        distances, order = snap.distances(origin)
        if hits_mask.bit_count() * 20 < len(order):  # few hits: sorting them beats walking every document
            key = snapshot.nearest_first(distances, snap.wijk_mask(origin))
            return sorted(bitmask.positions(hits_mask), key=key)[:count]
        bits = hits_mask.to_bytes((len(snap.ids) >> 3) + 1, "little")  # O(1) membership tests
        window = []
        for position in order:
            if bits[position >> 3] >> (position & 7) & 1:
                window.append(position)
                if len(window) >= count:
                    break
        return window

    @staticmethod
    def _relevance_window(snap, query, hits_mask, scores, origin, start, stop):
        closed = hits_mask & snap.gesloten_mask
        own_wijk = hits_mask & snap.wijk_mask(origin) if origin else 0
        if scores is not None and (closed or origin):
            scores = scores.copy()
            scores[bitmask.positions(closed)] *= CLOSED_FACTOR
            scores[bitmask.positions(own_wijk)] *= OWN_WIJK_FACTOR
            if origin:  # a place far away weighs less (geo.HALF_WEIGHT_KM)
                scores *= snap.nearness(origin)
        if scores is not None and not query.voor_professionals and not origin:
            # Best first, and in name order among equal scores (a stable sort of the hits in name order).
            hits = numpy.flatnonzero(bitmask.as_booleans(hits_mask, len(snap.ids)))
            best = hits[numpy.argsort(-scores[hits], kind="stable")[:stop]]
            return [(int(position), scores[position]) for position in best[start:stop]]
        positions = bitmask.positions(hits_mask)
        weighted = {position: 1.0 if scores is None else scores[position] for position in positions}
        if query.voor_professionals:
            outdated_before = timezone.now() - CAPACITEIT_VEROUDERD_NA
            for position in positions:
                if snap.beperkt[position] and (
                    snap.capaciteit[position] is None or snap.capaciteit[position] < outdated_before
                ):
                    weighted[position] *= OUTDATED_CAPACITY_FACTOR
        # Among equal scores the nearest first, and help that comes to the resident's wijk is near: the
        # Maatjesproject of the wijk her postcode is in stood third, after those of two other wijken.
        # Without a postcode a hit's position is its place in name order.
        nearer = snapshot.nearest_first(snap.distances(origin)[0], snap.wijk_mask(origin)) if origin else int

        def key(position):
            return (-weighted[position], nearer(position))

        return [(position, weighted[position]) for position in sorted(positions, key=key)[start:stop]]

    def autocomplete(self, prefix: str, limit: int = 8) -> list[str]:
        return self._snapshot().autocomplete.complete(prefix or "", max(1, min(limit, 50)))

    # -- writing --------------------------------------------------------------------------------------
    def index(self, ids: Iterable[UUID]) -> None:
        ids = list(dict.fromkeys(ids))
        if not ids:
            return
        with transaction.atomic():
            self._write(ids, all_wijk_slugs=list(Wijk.objects.values_list("slug", flat=True)))
            versions.bump()

    def remove(self, ids: Iterable[UUID]) -> None:
        with transaction.atomic():
            ZoekDocument.objects.filter(voorziening_id__in=list(ids)).delete()
            versions.bump()

    def rebuild(self, progress: ProgressCallback | None = None) -> int:
        all_ids = list(Voorziening.objects.order_by("pk").values_list("pk", flat=True))
        wijk_slugs = list(Wijk.objects.values_list("slug", flat=True))
        with transaction.atomic():
            ZoekDocument.objects.all().delete()
            ZoekWoord.objects.all().delete()
            self._write_vocabulary(
                {
                    word
                    for group in Synoniemgroep.objects.all()
                    for term in group.term_list()
                    for word in text.words(term)
                }
            )
            done = 0
            for start in range(0, len(all_ids), CHUNK):
                chunk = all_ids[start : start + CHUNK]
                self._write(chunk, all_wijk_slugs=wijk_slugs, fresh=True)
                done += len(chunk)
                if progress:
                    progress(done, len(all_ids))
            versions.bump()
        return ZoekDocument.objects.count()

    def synonyms_changed(self) -> None:
        with transaction.atomic():
            self._write_vocabulary(
                {
                    word
                    for group in Synoniemgroep.objects.all()
                    for term in group.term_list()
                    for word in text.words(term)
                }
            )
            versions.bump()

    def _write(self, ids: list, all_wijk_slugs: list[str], fresh: bool = False) -> None:
        if not fresh:
            ZoekDocument.objects.filter(voorziening_id__in=ids).delete()
        documents, vocabulary = [], set()
        for voorziening in documents_queryset().filter(pk__in=ids).exclude(status=Voorziening.Status.GESTOPT):
            flat = voorziening_document(voorziening, all_wijk_slugs)
            documents.append(_zoekdocument(voorziening, flat))
            vocabulary.update(
                word
                for word in text.words(f"{flat['name']} {document_body_text(flat)}")
                if len(word) >= 3 and not word.isdigit()
            )
        ZoekDocument.objects.bulk_create(documents, batch_size=CHUNK)
        self._write_vocabulary(vocabulary)

    @staticmethod
    def _write_vocabulary(words: set[str]) -> None:
        ZoekWoord.objects.bulk_create(
            [ZoekWoord(word=word[:100], stem=text.stem(word)[:100]) for word in words],
            batch_size=1000,
            ignore_conflicts=True,
        )


def _correctable(words: list[str], snap) -> list[str]:
    """Words that may be typing errors: not a synonym, not a stop word, not a compound of the word list, not
    a Dutch word (text.is_dutch_word)."""
    synonym_words = snap.search_vocabulary.phrases.words
    decompounder = snap.search_vocabulary.decompounder
    return [
        word
        for word in dict.fromkeys(words)
        if len(word) >= 3
        and not word.isdigit()
        and word not in synonym_words
        and word not in text.STOPWORDS
        and not text.is_dutch_word(word)  # a cached look-up, before the compound's many
        and not decompounder.is_compound(word)
    ][:MAX_WORDS]


def _zoekdocument(voorziening: Voorziening, flat: dict) -> ZoekDocument:
    from datetime import datetime

    capaciteit = flat["capaciteit_bijgewerkt"]
    return ZoekDocument(
        voorziening_id=voorziening.pk,
        name=flat["name"][:200],
        sort_key=flat["sort_key"],
        status=flat["status"],
        organisatie_id=voorziening.organisatie_id,
        updated_at=voorziening.updated_at,
        name_stems=text.stemmed_text(flat["name"]),
        body_stems=text.stemmed_text(document_body_text(flat)),
        facetten={facet.name: declared.codes(flat.get(facet.field)) for facet in declared.FACETS},
        locaties=[[point["latitude"], point["longitude"]] for point in flat["locaties"]],
        capaciteit_bijgewerkt=datetime.fromisoformat(capaciteit) if capaciteit else None,
        beperkte_plaatsen=flat["beperkte_plaatsen"],
    )
