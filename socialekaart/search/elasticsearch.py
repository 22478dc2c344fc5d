"""Elasticsearch backend of the sociale kaart's search contract.

Index management. The voorzieningen live in a concrete index (`<prefix>_voorzieningen_<timestamp>`) behind
the alias `<prefix>_voorzieningen`. A rebuild fills a new concrete index, then moves the alias in one
atomic `_aliases` call and deletes the old index, so searches never see a missing or half-built index.
Single changes (`index`, `remove`) write through the alias, from the task queue.

Synonyms. The editors' `Synoniemgroep`s are stored in an Elasticsearch synonyms set
(`<prefix>_synoniemen`) that a search-time `synonym_graph` filter reads (`updateable: true`). Putting the
set makes Elasticsearch reload the search analyzers of every index that uses it, and we also call
`_reload_search_analyzers` to be explicit. We chose this over a rebuild and alias swap because synonyms
only change how a query is analysed, not what is indexed: a reload takes milliseconds, a rebuild reindexes
every voorziening.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import unicodedata
from collections.abc import Iterable
from uuid import UUID

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    GeoPoint,
    Index,
    Keyword,
    Mapping,
    MetaField,
    Q,
    Search,
    Text,
    analyzer,
    normalizer,
    token_filter,
)
from elasticsearch.helpers import BulkIndexError, streaming_bulk

from core import vocabulary
from core.search_text import VAGUE_WORDS, Phrases

from .. import postcodes
from . import facets, text, versions
from .contract import (
    FacetOption,
    Hit,
    Origin,
    ProgressCallback,
    SearchBackend,
    SearchQuery,
    SearchResults,
    SearchUnavailable,
)
from .geo import HALF_WEIGHT_KM
from .query import (
    did_you_mean,
    leave_out_apart,
    leave_out_unfound,
    parse,
    suggestable_words,
    synonym_readings,
    typos_of_synonyms,
)
from .text import split_vague_words

FACET_SIZE = 500  # more options than any municipality has wijken or terms
# Phrases the suggester proposes; the first whose corrections are words of the vocabulary is offered.
SUGGESTION_CANDIDATES = 5
SEARCH_ANALYZER = "nl_zoeken"
OUTDATED_CAPACITY_WEIGHT = 0.5
CLOSED_WEIGHT = 0.5
OWN_WIJK_WEIGHT = 1.1  # as database.OWN_WIJK_FACTOR
BULK_CHUNK = 500

UNAVAILABLE = "Elasticsearch op {url} geeft geen antwoord ({error}). De zoekfunctie werkt even niet."

# --- Analysis -------------------------------------------------------------------------------------------

# The database search's stop words (core.search_text): Snowball's Dutch list, Elasticsearch's `_dutch_`, and
# the other forms of its verbs people type ("ik word geslagen" found nothing here: no text holds "word").
nl_stop = token_filter("nl_stop", "stop", stopwords=sorted(text.STOPWORDS))
nl_stemmer = token_filter("nl_stemmer", "stemmer", language="dutch")
# Before the stemmer, which keeps the s of a diminutive's plural ("maatjes"), as core.search_text.stem does.
nl_diminutive_plural = token_filter(
    "nl_verkleinwoord_meervoud", "pattern_replace", pattern=text.DIMINUTIVE_PLURAL, replacement="$1"
)
autocomplete_ngrams = token_filter("autocomplete_ngrams", "edge_ngram", min_gram=2, max_gram=20)
spelling_shingles = token_filter(
    "spelling_shingles", "shingle", min_shingle_size=2, max_shingle_size=3, output_unigrams=True
)

INDEX_ANALYZER = "nl_index"


def decompounder(word_list: list[str]):
    """Dutch compounds split on the shared vocabulary's word list (core.vocabulary), with its sizes: the
    standard `dictionary_decompounder`, so any Elasticsearch cluster runs it unchanged."""
    return token_filter(
        "nl_samenstellingen",
        "dictionary_decompounder",
        word_list=word_list,
        min_word_size=vocabulary.MIN_WORD_SIZE,
        min_subword_size=vocabulary.MIN_PART_SIZE,
        max_subword_size=vocabulary.MAX_PART_SIZE,
    )


def _split(word_list: list[str] | None) -> list:
    return [decompounder(word_list)] if word_list else []


# Indexing: no synonyms (they are applied at search time, so editors can change them without reindexing);
# compounds are split on both sides, so "klussen" finds "Klussendienst" and "rolstoeltaxi" finds "taxi".
def index_analyzer(word_list: list[str] | None = None):
    return analyzer(
        INDEX_ANALYZER,
        tokenizer="standard",
        filter=["lowercase", "asciifolding", *_split(word_list), nl_stop, nl_diminutive_plural, nl_stemmer],
    )


autocomplete_index = analyzer(
    "autocomplete_index", tokenizer="standard", filter=["lowercase", "asciifolding", autocomplete_ngrams]
)
autocomplete_search = analyzer(
    "autocomplete_search", tokenizer="standard", filter=["lowercase", "asciifolding"]
)
spelling = analyzer("spelling", tokenizer="standard", filter=["lowercase", "asciifolding", spelling_shingles])
sort_normalizer = normalizer("sort_nl", filter=["lowercase", "asciifolding"])


def synonyms_filter(synonyms_set: str):
    return token_filter("kaart_synoniemen", "synonym_graph", synonyms_set=synonyms_set, updateable=True)


def search_analyzer(synonyms_set: str, word_list: list[str] | None = None):
    """The query analyzer: synonyms before stop words and stemming, so multi-word synonyms with "bij",
    "het" ... keep every word while Elasticsearch parses the rules; then compounds are split (their parts
    stack on the compound's position, so a match query takes either)."""
    return analyzer(
        SEARCH_ANALYZER,
        tokenizer="standard",
        filter=[
            "lowercase",
            "asciifolding",
            synonyms_filter(synonyms_set),
            *_split(word_list),
            nl_stop,
            nl_diminutive_plural,
            nl_stemmer,
        ],
    )


def _dutch_text(**kwargs):
    """Analysed by `index_analyzer`, which `index_definition` adds to each index with the word list."""
    return Text(analyzer=INDEX_ANALYZER, search_analyzer=SEARCH_ANALYZER, **kwargs)


class VoorzieningDocument(Document):
    """The mapping of `documents.voorziening_document`; unknown keys are kept, not indexed."""

    id = Keyword()
    slug = Keyword()
    name = _dutch_text(
        copy_to=["tekst", "spelling"],
        fields={
            "sort": Keyword(normalizer=sort_normalizer),
            "autocomplete": Text(analyzer=autocomplete_index, search_analyzer=autocomplete_search),
        },
    )
    sort_key = Keyword()
    summary = _dutch_text(copy_to=["tekst", "spelling"])
    description = _dutch_text(copy_to=["tekst", "spelling"])
    organisatie_name = _dutch_text(copy_to=["tekst"])
    thema_names = _dutch_text(copy_to=["tekst", "spelling"])
    doelgroep_names = _dutch_text(copy_to=["tekst", "spelling"])
    location_names = _dutch_text(copy_to=["tekst"])
    taal_names = _dutch_text(copy_to=["tekst"])
    tekst = _dutch_text()  # everything a resident may type, in one field
    spelling = Text(analyzer=spelling)  # shingles for the "bedoelde u" suggester
    organisatie_id = Keyword()
    status = Keyword()  # each facet's field is a keyword too: see `facet_mapping`
    hele_gemeente = Boolean()
    locaties = GeoPoint()
    talen = Keyword()
    beperkte_plaatsen = Boolean()
    capaciteit_bijgewerkt = Date()
    updated_at = Date()

    class Meta:
        dynamic = MetaField(False)  # unknown keys are stored, never mapped


def alias_name() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}_voorzieningen"


def synonyms_set_name() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}_synoniemen"


def index_definition(name: str, synonyms_set: str | None = None, word_list: list[str] | None = None) -> Index:
    """A concrete index with our analysis settings and mapping (`.to_dict()` is the create body).

    The compound word list is fixed per index: a changed vocabulary splits compounds anew after the next
    rebuild (`manage.py rebuild_search_index`); until then the synonyms themselves already work."""
    index = Index(name)
    index.settings(number_of_shards=1, auto_expand_replicas="0-1")
    index.analyzer(index_analyzer(word_list))
    index.analyzer(search_analyzer(synonyms_set or synonyms_set_name(), word_list))
    index.document(VoorzieningDocument)
    index.mapping(facet_mapping())
    return index


def facet_mapping() -> Mapping:
    """A keyword field for every facet in `facets.FACETS`, holding its codes."""
    mapping = Mapping()
    for facet in facets.FACETS:
        mapping.field(facet.field, Keyword())
    return mapping


def to_source(document: dict) -> dict:
    """The indexed source: the shared flat document with its locations as geo points."""
    source = dict(document)
    source["locaties"] = [{"lat": loc["latitude"], "lon": loc["longitude"]} for loc in document["locaties"]]
    return source


def synonym_rules(groups: Iterable[list[str]]) -> list[dict]:
    """Synonyms-set rules ("a, b, c") from the editors' groups; characters that mean syntax are dropped."""
    rules = []
    for number, terms in enumerate(groups, start=1):
        cleaned = [" ".join(_plain(term).split()) for term in terms]
        cleaned = list(dict.fromkeys(term for term in cleaned if term))
        if len(cleaned) > 1:
            rules.append({"id": f"groep-{number}", "synonyms": ", ".join(cleaned)})
    return rules


def _plain(term: str) -> str:
    return "".join(char if char.isalnum() or char in " -'" else " " for char in term)


# --- Query bodies ---------------------------------------------------------------------------------------


NO_SYNONYMS = Phrases()


def build_search(
    query: SearchQuery,
    *,
    index: str,
    origin: Origin | None = None,
    now=None,
    phrases: Phrases = NO_SYNONYMS,
    typed: str | None = None,
    stand_ins=None,
) -> Search:
    """The whole search request for one query: text, filters, facets, sort, page and suggestion. `phrases`:
    the synonyms as word tuples (core.vocabulary), which keep a vague word that is part of one. `typed`: the
    whole text typed, when `query.text` leaves some of it out (query.leave_out_unfound, leave_out_apart):
    those words still weigh in the order, as in the database search. `stand_ins`: words the index lacks, each
    also read as the synonyms it stands for (query.typos_of_synonyms).

    Facet selections go in `post_filter` and every facet aggregation filters on all selections but its
    own, so each option's count says how many results choosing it would give.
    """
    search = Search(index=index).extra(track_total_hits=True, track_scores=True)
    main = _scored(query, _main_query(query, origin, phrases, typed, stand_ins), origin, now)
    search = search.query(_comes_home_first(main, origin) if query.sort == "distance" and origin else main)
    selections = _facet_selections(query)
    if selections:
        search = search.post_filter(Q("bool", filter=list(selections.values())))
    for facet in facets.FACETS:
        others = [clause for name, clause in selections.items() if name != facet.name]
        search.aggs.bucket(facet.name, "filter", filter=Q("bool", filter=others)).bucket(
            "opties", "terms", field=facet.field, size=FACET_SIZE, min_doc_count=0
        )
    search = search.sort(*_sort(query, origin))
    if query.text:
        search = search.suggest("did_you_mean", query.text, phrase=_phrase_suggester())
    # Of the source only the locations: the first is the hit's pin on the map (`_hit`).
    return search[query.offset : query.offset + query.per_page].source(["locaties"])


def _comes_home_first(main, origin: Origin):
    """Sorted by distance, the score only says what comes to the resident: help without a location that serves
    her wijk scores 2 and comes first, as in the database search (snapshot.nearest_first); the rest 1. A sort
    script could say it too, but not every node runs scripts."""
    serves_wijk, located = Q("term", wijken=origin.wijk_slug), Q("exists", field="locaties")
    comes_home = Q("bool", filter=[serves_wijk], must_not=[located])
    functions = [{"filter": comes_home.to_dict(), "weight": 2}, {"weight": 1}]
    return Q("function_score", query=main, functions=functions, score_mode="max", boost_mode="replace")


def _main_query(query: SearchQuery, origin: Origin | None, phrases, typed: str | None = None, stand_ins=None):
    filters = []
    if query.organisatie_id:
        filters.append(Q("term", organisatie_id=str(query.organisatie_id)))
    if query.modified_after:
        filters.append(Q("range", updated_at={"gte": query.modified_after.isoformat()}))
    if query.only_ids is not None:
        filters.append(Q("ids", values=sorted(query.only_ids)))
    if query.alleen_mijn_wijk and origin:
        filters.append(Q("term", wijken=origin.wijk_slug))  # help for the wijk, the whole gemeente's too
    # Without text every hit scores 1 (match_all), so the professionals' capacity weight still orders them;
    # a bool of filters alone scores 0, and 0 times any weight ties.
    must = [_text_query(query.text, phrases, typed, stand_ins)] if query.text else [Q("match_all")]
    return Q("bool", must=must, filter=filters, must_not=[Q("term", status="gestopt")])


def _text_query(text: str, phrases, typed: str | None = None, stand_ins=None):
    """All words must match (synonyms through the search analyzer, typos as `_all_words_match` allows them)
    somewhere, except the vague words around them (core.search_text.VAGUE_WORDS); every typed word weighs in
    the order (also those of `typed` that `text` left out): as typed more than a word that only looks like
    it ("vergeet", "vergoed"), and more in the name and summary."""
    matched, _vague = split_vague_words(text, phrases)
    weighed = typed or text
    return Q(
        "bool",
        must=[_all_words_match(matched, phrases, typed=text, stand_ins=stand_ins)],
        should=[
            Q("match", tekst={"query": weighed}),
            Q("match", name={"query": weighed, "boost": 3}),
            Q("match_phrase", name={"query": weighed, "boost": 2}),
            Q("match", summary={"query": weighed, "boost": 1.5}),
        ],
    )


def _all_words_match(words: str, phrases: Phrases = NO_SYNONYMS, typed: str | None = None, stand_ins=None):
    """Typo tolerance only when a word is no Dutch word (text.is_dutch_word): "ik verveel me" would find
    "vervoer". One match for all words, so synonyms of several words stay whole. Or the words as `typed`
    (before vague words were left out of `words`) with a compound written apart as one ("regio taxi",
    "hulp middelen"): a synonym with its synonyms, any other as the index holds it (not through the search
    analyzer, whose compound parts would each do). Or the words with a word of `stand_ins` read as a synonym
    it stands for (query.synonym_readings)."""
    typo = any(not text.is_dutch_word(word) for word in text.content_words(words))
    typed_words = text.words(typed or words)
    readings = [_match_every_word(words, typo)]
    readings += [_match_every_word(reading, typo) for reading in synonym_readings(words, stand_ins or {})]
    for start, size, whole in text.possible_compounds(typed_words):
        rest = [word for word in typed_words[:start] + typed_words[start + size :] if word not in VAGUE_WORDS]
        if (whole,) in phrases:
            readings.append(_match_every_word(" ".join([whole, *rest]), typo))
        else:
            readings.append(
                Q("bool", must=[_match_every_word(" ".join(rest), typo), Q("term", tekst=text.stem(whole))])
            )
    return readings[0] if len(readings) == 1 else Q("bool", should=readings, minimum_should_match=1)


def _match_every_word(words: str, typo: bool):
    return Q(
        "match",
        tekst={
            "query": words,
            "operator": "and",
            "fuzziness": "AUTO" if typo else 0,
            "prefix_length": 1,
            "zero_terms_query": "all",  # only stop words ("de", "het"): they do not narrow
        },
    )


def build_text_match(typed: str, *, index: str, phrases: Phrases = NO_SYNONYMS) -> Search:
    """The best match of the typed words alone: no filter, no order but the score (query.leave_out_apart)."""
    match = Q("bool", must=[_text_query(typed, phrases)], must_not=[Q("term", status="gestopt")])
    return Search(index=index).query(match).extra(track_total_hits=True)[:1].source(False)


def build_group_counts(parsed, *, index: str, phrases: Phrases = NO_SYNONYMS) -> Search:
    """One request that counts, for each group of a parsed query, the voorzieningen its typed words find
    on their own (for query.leave_out_unfound)."""
    search = Search(index=index).extra(size=0, track_total_hits=False)
    groups = {
        str(i): Q(
            "bool", must=[_all_words_match(" ".join(typed), phrases)], must_not=[Q("term", status="gestopt")]
        )
        for i, typed in enumerate(parsed.typed)
    }
    search.aggs.bucket("groepen", "filters", filters=groups)
    return search


def _scored(query: SearchQuery, main, origin: Origin | None = None, now=None):
    """In a search with words a voorziening that is tijdelijk gesloten comes after open ones that match as
    well (as database.CLOSED_FACTOR), and with a postcode help that serves the resident's wijk weighs more (as
    database.OWN_WIJK_FACTOR) and a place far away less (as geo.HALF_WEIGHT_KM). Professionals see
    voorzieningen with limited places whose capacity is outdated (or never recorded) lower in the list."""
    functions = []
    if query.text:
        functions.append(
            {"filter": Q("term", status="tijdelijk_gesloten").to_dict(), "weight": CLOSED_WEIGHT}
        )
    if query.text and origin:
        functions.append({"filter": Q("term", wijken=origin.wijk_slug).to_dict(), "weight": OWN_WIJK_WEIGHT})
        functions.extend(_nearness(origin))
    if query.voor_professionals:
        from ..models import CAPACITEIT_VEROUDERD_NA

        limit = (now or timezone.now()) - CAPACITEIT_VEROUDERD_NA
        outdated = Q(
            "bool",
            filter=[Q("term", beperkte_plaatsen=True)],
            should=[
                Q("range", capaciteit_bijgewerkt={"lt": limit.isoformat()}),
                Q("bool", must_not=[Q("exists", field="capaciteit_bijgewerkt")]),
            ],
            minimum_should_match=1,
        )
        functions.append({"filter": outdated.to_dict(), "weight": OUTDATED_CAPACITY_WEIGHT})
    if not functions:
        return main
    return Q("function_score", query=main, functions=functions, score_mode="multiply", boost_mode="multiply")


def _facet_selections(query: SearchQuery) -> dict:
    return {
        facet.name: Q("terms", **{facet.field: list(query.selected(facet.name))})
        for facet in facets.FACETS
        if query.selected(facet.name)
    }


def _sort(query: SearchQuery, origin: Origin | None) -> list:
    """The ordering; with an origin every hit carries its distance as a sort value (`distance_position`)."""
    score, name = {"_score": {"order": "desc"}}, {"name.sort": {"order": "asc"}}
    if not origin:
        return [name, {"sort_key": {"order": "asc"}}] if query.sort == "name" else [score, name]
    if query.sort == "name":
        return [name, {"sort_key": {"order": "asc"}}, _distance(origin)]
    # By relevance, equally relevant nearest first; by distance the score only says what comes to the
    # resident (_comes_home_first), and after it nearest first.
    return [score, _distance(origin), name]


def distance_position(sort: str) -> int:
    return {"name": 2}.get(sort, 1)


def _nearness(origin: Origin) -> list[dict]:
    """As snapshot.nearness: the weight halves every HALF_WEIGHT_KM from the nearest location; without one, it
    stays whole for help that serves the origin's wijk (it comes to the home), else it halves."""
    point = {"lat": origin.latitude, "lon": origin.longitude}
    located = Q("exists", field="locaties")
    elsewhere = Q("bool", must_not=[located, Q("term", wijken=origin.wijk_slug)])
    return [
        {
            "filter": located.to_dict(),
            "exp": {"locaties": {"origin": point, "scale": f"{HALF_WEIGHT_KM:g}km", "decay": 0.5}},
        },
        {"filter": elsewhere.to_dict(), "weight": 0.5},
    ]


def _distance(origin: Origin) -> dict:
    return {
        "_geo_distance": {
            "locaties": {"lat": origin.latitude, "lon": origin.longitude},
            "order": "asc",
            "unit": "km",
            "mode": "min",
            "distance_type": "arc",
            "ignore_unmapped": True,
        }
    }


def _phrase_suggester() -> dict:
    return {
        "field": "spelling",
        "size": SUGGESTION_CANDIDATES,
        "gram_size": 3,
        "max_errors": 2,
        "direct_generator": [{"field": "spelling", "suggest_mode": "always", "min_word_length": 3}],
    }


def build_autocomplete(prefix: str, limit: int, *, index: str) -> Search:
    """Names of voorzieningen whose words start with what was typed (edge n-grams), best first."""
    return (
        Search(index=index)
        .query(
            Q(
                "bool",
                must=[Q("match", **{"name.autocomplete": {"query": prefix, "operator": "and"}})],
                must_not=[Q("term", status="gestopt")],
            )
        )
        .sort({"_score": {"order": "desc"}}, {"name.sort": {"order": "asc"}})
        .source(["name"])[: limit * 3]
    )


# --- The backend ----------------------------------------------------------------------------------------


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url: str | None = None, client: Elasticsearch | None = None):
        self.url = url or settings.ELASTICSEARCH_URL
        if not self.url and client is None:
            raise SearchUnavailable("ELASTICSEARCH_URL is leeg: er is geen Elasticsearch ingesteld.")
        self.client = client or Elasticsearch(
            self.url,
            request_timeout=getattr(settings, "SOCIALEKAART_ELASTICSEARCH_TIMEOUT", 5),
            max_retries=1,
            retry_on_timeout=False,
        )
        # Keeping the index current runs in tasks and commands, where nobody waits on a page: creating an
        # index or putting the synonyms set (which reloads every analyzer that reads it) may take longer
        # on a busy cluster than a search should.
        self.maintenance = self.client.options(
            request_timeout=settings.SOCIALEKAART_ELASTICSEARCH_INDEX_TIMEOUT
        )
        self.alias = alias_name()
        self.synonyms_set = synonyms_set_name()
        self._suggestable = (None, None, frozenset())  # (index token, vocabulary, words)

    # -- searching

    def search(self, query: SearchQuery) -> SearchResults:
        origin, postcode_unknown = postcodes.origin(query.postcode)
        # The options change only with a wijk or a term, and each such change gives a new token.
        choices = versions.once_per_token(("facet options", get_language()), facets.load_options)
        query = known_selections(query, choices)
        phrases = vocabulary.current().phrases
        stand_ins = self._stand_ins(query.text, phrases) if query.text else {}
        search = build_search(query, index=self.alias, origin=origin, phrases=phrases, stand_ins=stand_ins)
        response = self._execute(search)
        suggestion = _did_you_mean(response, query.text, self._suggestable_words)
        left_out = not_together = ()
        if query.leave_out_unfound and query.text and not response.hits.total.value:
            left_out = self._unfound_words(query.text, phrases)
            kept = " ".join(word for word in text.words(query.text) if word not in left_out)
            not_together = self._apart_words(kept, phrases)
        if left_out or not_together:
            kept = " ".join(word for word in text.words(kept) if word not in not_together)
            narrowed = dataclasses.replace(query, text=kept)
            search = build_search(
                narrowed, index=self.alias, origin=origin, phrases=phrases, typed=query.text
            )
            response = self._execute(search)
        hits = [_hit(hit, origin, query.sort) for hit in response.hits]
        options = {
            facet: facet_options(
                choices[facet], _bucket_counts(response.aggregations, facet), query.selected(facet)
            )
            for facet in choices
        }
        total = response.hits.total.value
        return SearchResults(
            total=total,
            hits=hits,
            facets=options,
            origin=origin,
            did_you_mean=suggestion,
            left_out=left_out,
            not_together=not_together,
            page=query.page,
            per_page=query.per_page,
            postcode_unknown=postcode_unknown,
        )

    def _stand_ins(self, typed: str, phrases) -> dict[str, list[str]]:
        """The typed words the index lacks that stand for a synonym, with those synonyms: "poetse" for
        "poetsen" (query.typos_of_synonyms). A word the index holds ("diëten") is searched as it is, as the
        database search does: one count per such word, only for a search that has one."""
        typos = typos_of_synonyms(typed, phrases, vocabulary.current().decompounder)
        if not typos:
            return {}
        counts = Search(index=self.alias).extra(size=0, track_total_hits=False)
        for number, word in enumerate(typos):  # as the index holds a word: its stem (as in _all_words_match)
            counts.aggs.bucket(str(number), "filter", filter=Q("term", tekst=text.stem(word)))
        held = self._execute(counts).aggregations
        lacking = [word for number, word in enumerate(typos) if not held[str(number)].doc_count]
        return {word: typos[word] for word in lacking}

    def _execute(self, search: Search):
        return self._call(lambda: search.using(self.client).execute())

    def _unfound_words(self, typed: str, phrases) -> tuple[str, ...]:
        """For a search that found nothing: the typed words found nowhere (query.leave_out_unfound)."""
        matched, _vague = split_vague_words(typed, phrases)
        parsed = parse(matched, phrases, {})
        if len(parsed.groups) < 2:
            return ()
        counts = build_group_counts(parsed, index=self.alias, phrases=phrases)
        buckets = self._execute(counts).aggregations.groepen.buckets
        return leave_out_unfound(parsed, [buckets[str(i)].doc_count > 0 for i in range(len(parsed.groups))])

    def _apart_words(self, typed: str, phrases) -> tuple[str, ...]:
        """For a search that still finds nothing: the typed words that find help only apart from the others
        (query.leave_out_apart), judged on the text alone, as the database search does."""
        matched, _vague = split_vague_words(typed, phrases)
        parsed = parse(matched, phrases, {})
        everything = tuple(range(len(parsed.groups)))
        if len(everything) < 2 or self._best_score(parsed, everything, phrases):
            return ()
        return leave_out_apart(parsed, lambda kept: self._best_score(parsed, kept, phrases))

    def _best_score(self, parsed, kept: tuple[int, ...], phrases) -> float:
        typed = " ".join(word for i in kept for word in parsed.typed[i])
        hits = self._execute(build_text_match(typed, index=self.alias, phrases=phrases)).hits
        return float(hits.max_score) if hits.total.value else 0.0

    def autocomplete(self, prefix: str, limit: int = 8) -> list[str]:
        prefix = (prefix or "").strip()[:100]
        if len(prefix) < 2:
            return []
        search = build_autocomplete(prefix, limit, index=self.alias)
        response = self._call(lambda: search.using(self.client).execute())
        names = [hit.name for hit in response.hits] + _matching_terms(prefix)
        return list(dict.fromkeys(names))[:limit]

    def _suggestable_words(self) -> frozenset[str]:
        """The words "Bedoelde u ...?" may offer (query.suggestable_words), read again when the index or the
        vocabulary changed."""
        from ..models import Voorziening

        token, words = versions.current_token(), vocabulary.current()
        known_token, known_words, suggestable = self._suggestable
        if token != known_token or words is not known_words:
            names = Voorziening.objects.exclude(status="gestopt").values_list("name", flat=True)
            suggestable = suggestable_words(words, names.iterator())
            self._suggestable = (token, words, suggestable)
        return suggestable

    # -- keeping the index current

    def index(self, ids: Iterable[UUID]) -> None:
        ids = [str(pk) for pk in ids]
        if not ids:
            return
        from .documents import documents_queryset, voorziening_document

        self.ensure_index()
        wijk_slugs = _all_wijk_slugs()
        voorzieningen = list(documents_queryset().filter(pk__in=ids).exclude(status="gestopt"))
        found = {str(v.pk) for v in voorzieningen}
        actions = [
            {
                "_op_type": "index",
                "_index": self.alias,
                "_id": str(v.pk),
                "_source": to_source(voorziening_document(v, wijk_slugs)),
            }
            for v in voorzieningen
        ]
        actions += [{"_op_type": "delete", "_index": self.alias, "_id": pk} for pk in ids if pk not in found]
        self._bulk(actions, refresh=True)
        versions.bump()

    def remove(self, ids: Iterable[UUID]) -> None:
        actions = [{"_op_type": "delete", "_index": self.alias, "_id": str(pk)} for pk in ids]
        if actions:
            self._bulk(actions, refresh=True)
            versions.bump()

    def rebuild(self, progress: ProgressCallback | None = None) -> int:
        """Fill a new index, move the alias to it in one atomic call, then drop the old index."""
        started = timezone.now()
        new_index = f"{self.alias}_{started:%Y%m%d%H%M%S%f}"
        try:
            self.synonyms_changed(reload=False)
            self._create(new_index)
            count = self._fill(new_index, progress)
            self._call(lambda: self.maintenance.indices.refresh(index=new_index))
            old_indices = self._swap_alias(new_index)
        except BaseException:
            self._drop_quietly(new_index)
            raise
        for name in old_indices:
            self._drop_quietly(name)
        versions.bump()
        self._catch_up(started)
        return count

    def _catch_up(self, since) -> None:
        """Changes saved while the new index was filled went to the old one: index them again."""
        from ..models import Voorziening

        changed = list(Voorziening.objects.filter(updated_at__gte=since).values_list("pk", flat=True))
        if changed:
            self.index(changed)

    def ensure_index(self) -> None:
        """Create the first concrete index and its alias when there is none yet (an empty index)."""
        exists = self._call(lambda: self.maintenance.indices.exists_alias(name=self.alias))
        if exists:
            return
        self.synonyms_changed(reload=False)
        new_index = f"{self.alias}_{timezone.now():%Y%m%d%H%M%S%f}"
        self._create(new_index)
        self._swap_alias(new_index)

    def synonyms_changed(self, reload: bool = True) -> None:
        """Put the editors' synonyms in the synonyms set; Elasticsearch reloads the search analyzers."""
        from ..models import Synoniemgroep

        rules = synonym_rules(group.term_list() for group in Synoniemgroep.objects.order_by("pk"))
        self._call(lambda: self.maintenance.synonyms.put_synonym(id=self.synonyms_set, synonyms_set=rules))
        if reload:
            try:
                self.maintenance.indices.reload_search_analyzers(index=self.alias)
            except NotFoundError:
                pass  # no index yet: the next one reads the set when it is created
            except (ApiError, TransportError) as error:
                raise self._unavailable(error) from error
            versions.bump()

    # -- helpers

    def _create(self, index_name: str) -> None:
        definition = index_definition(index_name, self.synonyms_set, _word_list())
        self._call(lambda: definition.create(using=self.maintenance))

    def _fill(self, index_name: str, progress: ProgressCallback | None) -> int:
        from .documents import documents_queryset, voorziening_document

        queryset = documents_queryset().exclude(status="gestopt").order_by("pk")
        total = queryset.count()
        wijk_slugs = _all_wijk_slugs()
        done = 0
        if progress:
            progress(0, total)

        def actions():
            for voorziening in queryset.iterator(chunk_size=BULK_CHUNK):
                yield {
                    "_op_type": "index",
                    "_index": index_name,
                    "_id": str(voorziening.pk),
                    "_source": to_source(voorziening_document(voorziening, wijk_slugs)),
                }

        try:
            for ok, _item in streaming_bulk(
                self.maintenance, actions(), chunk_size=BULK_CHUNK, raise_on_error=True
            ):
                done += ok
                if progress and (done % 100 == 0 or done == total):
                    progress(done, total)
        except BulkIndexError as error:
            raise SearchUnavailable(f"{len(error.errors)} voorzieningen konden niet in de index.") from error
        except (ApiError, TransportError) as error:
            raise self._unavailable(error) from error
        return done

    def _swap_alias(self, new_index: str) -> list[str]:
        """Point the alias at `new_index` only, atomically; returns the indices it pointed at before."""
        try:
            old_indices = list(self.maintenance.indices.get_alias(name=self.alias).body)
        except NotFoundError:
            old_indices = []
        except (ApiError, TransportError) as error:
            raise self._unavailable(error) from error
        actions = [{"remove": {"index": name, "alias": self.alias}} for name in old_indices]
        if not old_indices and self._call(lambda: self.maintenance.indices.exists(index=self.alias)):
            # A concrete index carries the alias's name (an old installation): replace it in the same call.
            actions.append({"remove_index": {"index": self.alias}})
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        self._call(lambda: self.maintenance.indices.update_aliases(actions=actions))
        return old_indices

    def _bulk(self, actions: list[dict], refresh: bool) -> None:
        try:
            for _ok, _item in streaming_bulk(
                self.maintenance, actions, chunk_size=BULK_CHUNK, raise_on_error=True, refresh=refresh
            ):
                pass
        except BulkIndexError as error:
            real = [e for e in error.errors if next(iter(e.values())).get("status") != 404]
            if real:
                raise SearchUnavailable(f"{len(real)} voorzieningen konden niet in de index.") from error
        except (ApiError, TransportError) as error:
            raise self._unavailable(error) from error

    def _drop_quietly(self, name: str) -> None:
        # The cluster is gone or the index never existed: a later rebuild cleans up.
        with contextlib.suppress(ApiError, TransportError):
            self.maintenance.indices.delete(index=name, ignore_unavailable=True)

    def _call(self, function):
        try:
            return function()
        except (ApiError, TransportError) as error:
            raise self._unavailable(error) from error

    def _unavailable(self, error) -> SearchUnavailable:
        return SearchUnavailable(UNAVAILABLE.format(url=_safe_url(self.url), error=type(error).__name__))


def _safe_url(url: str) -> str:
    """The URL without user name or password, for messages and logs."""
    if "@" in url:
        scheme, _, rest = url.partition("://")
        return f"{scheme}://{rest.rpartition('@')[2]}"
    return url


def _matching_terms(prefix: str) -> list[str]:
    """Thema names and the editors' synonyms with a word that starts with what was typed."""
    from ..models import Synoniemgroep, Term

    wanted = _fold(prefix)
    candidates = list(
        Term.objects.filter(vocabulary="thema").order_by("sort_order", "name").values_list("name", flat=True)
    )
    candidates += [term for group in Synoniemgroep.objects.all() for term in group.term_list()]
    return [term for term in candidates if any(word.startswith(wanted) for word in _fold(term).split())]


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def _word_list() -> list[str]:
    """The shared vocabulary's compound word list (core.vocabulary), for a new index."""
    return vocabulary.current().decompound_words


def _all_wijk_slugs() -> list[str]:
    from ..models import Wijk

    return list(Wijk.objects.values_list("slug", flat=True))


def _hit(hit, origin: Origin | None, sort: str) -> Hit:
    distance = None
    if origin and getattr(hit.meta, "sort", None):
        distance = _km(hit.meta.sort[distance_position(sort)])
    locaties = getattr(hit, "locaties", None)
    point = (float(locaties[0]["lat"]), float(locaties[0]["lon"])) if locaties else None
    return Hit(id=UUID(hit.meta.id), score=float(hit.meta.score or 0.0), distance_km=distance, point=point)


def _km(value) -> float | None:
    """A sort value in km; voorzieningen without a location sort last with an infinite distance."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isinf(number) or math.isnan(number) or number > 1e6 else round(number, 2)


def _bucket_counts(aggregations, facet: str) -> dict[str, int]:
    return {bucket.key: bucket.doc_count for bucket in aggregations[facet].opties.buckets}


def _did_you_mean(response, typed: str, suggestable) -> str | None:
    """The phrase suggester's first proposal that survives the rule both backends share (query.did_you_mean):
    only corrections to words of the vocabulary or of a name, so never a fragment of a description.
    `suggestable` is called only when there is a proposal (it may read the database)."""
    suggestions = getattr(response, "suggest", None)
    if not suggestions or "did_you_mean" not in suggestions:
        return None
    typed_words = text.words(typed)
    allowed = None
    for entry in suggestions.did_you_mean:
        for option in entry.options:
            proposed = text.words(option.text)
            if len(proposed) != len(typed_words):
                continue  # words cannot be paired with what was typed
            allowed = suggestable() if allowed is None else allowed
            found = did_you_mean(typed, dict(zip(typed_words, proposed, strict=True)), allowed)
            if found:
                return found
    return None


def facet_options(choices, counts: dict[str, int], selected: tuple[str, ...]) -> list[FacetOption]:
    """Every option of a facet, in the editors' order, with its count (0 when nothing matches)."""
    return [
        FacetOption(value=value, label=str(label), count=counts.get(value, 0), selected=value in selected)
        for value, label in choices
    ]


def known_selections(query: SearchQuery, choices: dict) -> SearchQuery:
    """The query without selected values that are no option (an old link, a typo): they are ignored."""
    return dataclasses.replace(
        query,
        **{facet: tuple(v for v in query.selected(facet) if v in dict(choices[facet])) for facet in choices},
    )
