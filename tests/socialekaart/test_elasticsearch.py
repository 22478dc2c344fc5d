"""The Elasticsearch backend without a cluster: its mapping, the exact query bodies it sends, and how it
talks to a cluster (alias swap, synonyms, errors), checked against a stand-in HTTP server on 127.0.0.1
that records every request. The shared contract suite, and tests/socialekaart/test_elasticsearch_node.py for
index management, synonyms and failures, run against the real test node (ELASTICSEARCH_TEST_URL, which
`make test` sets after `make elasticsearch`).
"""

import contextlib
import json
import re
import socket
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from uuid import uuid4

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from core import vocabulary
from core.search_text import Phrases
from socialekaart.models import Synoniemgroep
from socialekaart.search import Origin, SearchQuery, SearchUnavailable, facet_names, text
from socialekaart.search.elasticsearch import (
    NO_SYNONYMS,
    ElasticsearchBackend,
    build_autocomplete,
    build_search,
    index_definition,
    synonym_rules,
)

ALIAS = "wmo_voorzieningen"
ORIGIN = Origin("3911 AB", "centrum", "Centrum", 51.97, 5.66)


# --- A stand-in cluster ---------------------------------------------------------------------------------


class FakeCluster:
    """An HTTP server on 127.0.0.1 that answers like Elasticsearch and records each request."""

    def __init__(self):
        self.requests: list[tuple[str, str, object]] = []
        self.routes: list[tuple[str, re.Pattern, object]] = []
        cluster = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode() if length else ""
                path = self.path.split("?")[0]
                body = _parse(raw)
                cluster.requests.append((self.command, path, body))
                status, answer = cluster.answer(self.command, path, body)
                payload = b"" if self.command == "HEAD" else json.dumps(answer).encode()
                with contextlib.suppress(ConnectionError):  # a client that gave up waiting
                    self.send_response(status)
                    self.send_header("X-Elastic-Product", "Elasticsearch")
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    def on(self, method: str, pattern: str, status: int = 200, body=None):
        """Answer requests matching method and path regex; `body` may be a callable of the request body."""
        self.routes.insert(0, (method, re.compile(pattern + "$"), (status, body)))

    def answer(self, method, path, body):
        for route_method, pattern, (status, answer) in self.routes:
            if route_method == method and pattern.match(path):
                return status, answer(body) if callable(answer) else answer
        if path.endswith("/_bulk"):
            return 200, _bulk_answer(body)
        return 200, {"acknowledged": True}

    def calls(self) -> list[str]:
        return [f"{method} {path}" for method, path, _body in self.requests]

    def bodies(self, method: str, path_pattern: str) -> list:
        return [body for m, p, body in self.requests if m == method and re.fullmatch(path_pattern, p)]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def _parse(raw: str):
    if not raw:
        return None
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return [json.loads(line) for line in raw.splitlines() if line.strip()]  # ndjson (_bulk)


def _bulk_answer(lines):
    items = []
    for line in lines or []:
        operation = next(iter(line))
        if operation in ("index", "delete", "create", "update"):
            status = 201 if operation == "index" else 200
            items.append({operation: {"_id": line[operation].get("_id"), "status": status, "result": "ok"}})
    return {"took": 1, "errors": False, "items": items}


@pytest.fixture
def cluster():
    fake = FakeCluster()
    yield fake
    fake.close()


@pytest.fixture
def backend(cluster, settings):
    settings.ELASTICSEARCH_URL = cluster.url
    settings.ELASTICSEARCH_INDEX_PREFIX = "wmo"
    return ElasticsearchBackend()


# --- Mapping and analysis -------------------------------------------------------------------------------


def test_index_has_dutch_analysis_with_updateable_search_time_synonyms():
    body = index_definition("wmo_voorzieningen_1", "wmo_synoniemen").to_dict()
    analysis = body["settings"]["analysis"]
    assert analysis["filter"]["nl_stemmer"] == {"type": "stemmer", "language": "dutch"}
    assert analysis["filter"]["nl_stop"] == {"type": "stop", "stopwords": sorted(text.STOPWORDS)}
    assert analysis["filter"]["kaart_synoniemen"] == {
        "type": "synonym_graph",
        "synonyms_set": "wmo_synoniemen",
        "updateable": True,
    }
    # Synonyms only at search time (so they change without reindexing), before stop words and stemming.
    assert "kaart_synoniemen" not in analysis["analyzer"]["nl_index"]["filter"]
    assert analysis["analyzer"]["nl_zoeken"]["filter"] == [
        "lowercase",
        "asciifolding",
        "kaart_synoniemen",
        "nl_stop",
        "nl_verkleinwoord_meervoud",
        "nl_stemmer",
    ]
    assert analysis["analyzer"]["nl_index"]["filter"] == [
        "lowercase",
        "asciifolding",
        "nl_stop",
        "nl_verkleinwoord_meervoud",
        "nl_stemmer",
    ]
    # Snowball keeps the s of "maatjes" (after a j): taken off before it, as core.search_text.stem does.
    assert analysis["filter"]["nl_verkleinwoord_meervoud"] == {
        "type": "pattern_replace",
        "pattern": "^(.{2,}je)s$",
        "replacement": "$1",
    }


def test_mapping_has_text_autocomplete_geo_and_facet_fields():
    mappings = index_definition("x").to_dict()["mappings"]
    assert mappings["dynamic"] is False  # the shared document's other keys are kept, never guessed
    properties = mappings["properties"]
    for field in ("name", "summary", "description", "tekst"):
        assert properties[field]["analyzer"] == "nl_index"
        assert properties[field]["search_analyzer"] == "nl_zoeken"
    assert properties["name"]["fields"]["autocomplete"] == {
        "type": "text",
        "analyzer": "autocomplete_index",
        "search_analyzer": "autocomplete_search",
    }
    analysis = index_definition("x").to_dict()["settings"]["analysis"]
    assert analysis["filter"]["autocomplete_ngrams"] == {"type": "edge_ngram", "min_gram": 2, "max_gram": 20}
    assert properties["locaties"] == {"type": "geo_point"}
    for field in ("wijken", "themas", "doelgroepen", "toegang", "kosten", "status"):
        assert properties[field] == {"type": "keyword"}
    assert properties["name"]["fields"]["sort"] == {"type": "keyword", "normalizer": "sort_nl"}
    assert properties["spelling"]["analyzer"] == "spelling"


def test_synonym_rules_come_from_the_editors_groups_without_syntax_characters():
    rules = synonym_rules([["schoonmaakhulp", "hulp bij het huishouden", "HbH"], ["alleen"], ["a => b", "c"]])
    assert rules == [
        {"id": "groep-1", "synonyms": "schoonmaakhulp, hulp bij het huishouden, HbH"},
        {"id": "groep-3", "synonyms": "a b, c"},
    ]


# --- Query bodies ---------------------------------------------------------------------------------------


def body(query: SearchQuery, origin=None, phrases=NO_SYNONYMS) -> dict:
    moment = datetime(2026, 1, 8, tzinfo=UTC)
    return build_search(query, index=ALIAS, origin=origin, now=moment, phrases=phrases).to_dict()


def text_search(query: SearchQuery, phrases=NO_SYNONYMS) -> dict:
    """The main query of a search with words: within the weight that puts closed voorzieningen lower."""
    scored = body(query, phrases=phrases)["query"]["function_score"]
    closed = {"filter": {"term": {"status": "tijdelijk_gesloten"}}, "weight": 0.5}
    assert scored["functions"][0] == closed and scored["boost_mode"] == "multiply"
    return scored["query"]


def as_typed(all_words: dict) -> dict:
    """The words as typed, of the query that all words match (the first of its readings, when it has more)."""
    return all_words["bool"]["should"][0]["match"] if "bool" in all_words else all_words["match"]


def test_text_query_tolerates_typos_and_weighs_the_name():
    query = text_search(SearchQuery(text="huishoudlijke hulp"))["bool"]
    text = query["must"][0]["bool"]
    assert as_typed(text["must"][0]) == {
        "tekst": {
            "query": "huishoudlijke",  # "hulp" is a vague word beside it
            "operator": "and",
            "fuzziness": "AUTO",
            "prefix_length": 1,
            "zero_terms_query": "all",
        }
    }
    assert {"match": {"name": {"query": "huishoudlijke hulp", "boost": 3}}} in text["should"]
    assert query["must_not"] == [{"term": {"status": "gestopt"}}]


def test_text_query_of_dutch_words_has_no_typo_tolerance():
    synonym = Phrases([["huishoudelijke hulp"]])  # keeps "hulp", a vague word
    text = text_search(SearchQuery(text="huishoudelijke hulp"), phrases=synonym)["bool"]["must"][0]["bool"]
    assert as_typed(text["must"][0])["tekst"]["query"] == "huishoudelijke hulp"
    assert as_typed(text["must"][0])["tekst"]["fuzziness"] == 0


def test_a_compound_written_apart_is_matched_whole_too():
    words = text_search(SearchQuery(text="regio taxi"))["bool"]["must"][0]["bool"]["must"][0]["bool"]
    as_typed, whole = words["should"]
    assert as_typed["match"]["tekst"]["query"] == "regio taxi"
    assert whole["bool"]["must"][1] == {"term": {"tekst": "regiotaxi"}}  # as the index holds it, stemmed
    assert words["minimum_should_match"] == 1


def test_vague_words_only_weigh_in_the_order():
    text = text_search(SearchQuery(text="Ik zoek hulp bij boodschappen"))["bool"]["must"][0]["bool"]
    assert as_typed(text["must"][0])["tekst"]["query"] == "ik bij boodschappen"
    assert {"match": {"name": {"query": "Ik zoek hulp bij boodschappen", "boost": 3}}} in text["should"]


def test_without_text_everything_active_matches_and_no_suggestion_is_asked():
    search = body(SearchQuery())
    # match_all scores every hit 1: a bool of filters alone scores 0, which no capacity weight can order
    assert search["query"] == {
        "bool": {"must": [{"match_all": {}}], "must_not": [{"term": {"status": "gestopt"}}]}
    }
    assert "suggest" not in search


def test_did_you_mean_uses_a_phrase_suggester_on_the_shingle_field():
    suggest = body(SearchQuery(text="huishoudng"))["suggest"]["did_you_mean"]
    assert suggest["text"] == "huishoudng"
    assert suggest["phrase"]["field"] == "spelling"
    assert suggest["phrase"]["direct_generator"][0]["field"] == "spelling"


@pytest.mark.parametrize(
    ("facet", "field"),
    [
        ("wijk", "wijken"),
        ("thema", "themas"),
        ("doelgroep", "doelgroepen"),
        ("toegang", "toegang"),
        ("kosten", "kosten"),
    ],
)
def test_each_facet_filters_after_the_query_and_counts_without_its_own_selection(facet, field):
    other_selection = {"doelgroep": ("ouderen",)} if facet != "doelgroep" else {"thema": ("huishouden",)}
    search = body(SearchQuery(**{facet: ("a", "b")}, **other_selection))
    clause = {"terms": {field: ["a", "b"]}}
    assert clause in search["post_filter"]["bool"]["filter"]
    own = search["aggs"][facet]
    assert clause not in own["filter"]["bool"]["filter"]
    assert own["aggs"]["opties"]["terms"] == {"field": field, "min_doc_count": 0, "size": 500}
    for other in facet_names():
        if other != facet:
            assert clause in search["aggs"][other]["filter"]["bool"]["filter"]
    # Facet selections never narrow the main query, so the other facets' counts stay right.
    assert "terms" not in json.dumps(search["query"])


def test_no_selection_means_no_post_filter_and_unfiltered_aggregations():
    search = body(SearchQuery())
    assert "post_filter" not in search
    assert all(search["aggs"][facet]["filter"] == {"bool": {}} for facet in facet_names())


def test_distance_sort_is_nearest_first_in_km():
    search = body(SearchQuery(postcode="3911AB", sort="distance"), origin=ORIGIN)
    # First what comes to the resident: help without a location that serves her wijk (snapshot.nearest_first).
    assert search["sort"][0] == {"_score": {"order": "desc"}}
    assert search["query"]["function_score"]["functions"][0]["weight"] == 2
    assert search["sort"][1] == {
        "_geo_distance": {
            "locaties": {"lat": 51.97, "lon": 5.66},
            "order": "asc",
            "unit": "km",
            "mode": "min",
            "distance_type": "arc",
            "ignore_unmapped": True,
        }
    }


def test_relevance_and_name_sorts_carry_the_distance_as_last_key_when_a_postcode_is_given():
    relevance = body(SearchQuery(postcode="3911AB"), origin=ORIGIN)["sort"]
    assert relevance[0] == {"_score": {"order": "desc"}}
    assert "_geo_distance" in relevance[1]  # equally relevant: nearest first
    by_name = body(SearchQuery(sort="name", postcode="3911AB"), origin=ORIGIN)["sort"]
    assert by_name[:2] == [{"name.sort": {"order": "asc"}}, {"sort_key": {"order": "asc"}}]
    assert "_geo_distance" in by_name[2]
    assert body(SearchQuery(sort="name"))["sort"] == by_name[:2]


def test_distance_sort_without_origin_falls_back_to_relevance():
    assert body(SearchQuery(sort="distance"))["sort"][0] == {"_score": {"order": "desc"}}


def test_alleen_mijn_wijk_filters_on_the_postcodes_wijk():
    filters = body(SearchQuery(postcode="3911AB", alleen_mijn_wijk=True), origin=ORIGIN)["query"]["bool"][
        "filter"
    ]
    assert filters == [{"term": {"wijken": "centrum"}}]


def test_organisation_and_modified_after_filter_the_query():
    organisatie = uuid4()
    since = datetime(2026, 1, 1, tzinfo=UTC)
    filters = body(SearchQuery(organisatie_id=organisatie, modified_after=since))["query"]["bool"]["filter"]
    assert {"term": {"organisatie_id": str(organisatie)}} in filters
    assert {"range": {"updated_at": {"gte": "2026-01-01T00:00:00+00:00"}}} in filters


def test_pagination_sets_from_and_size():
    search = body(SearchQuery(page=3, per_page=10))
    assert (search["from"], search["size"]) == (20, 10)
    assert search["track_total_hits"] is True


def test_professionals_see_outdated_capacity_lower():
    query = body(SearchQuery(text="hulp", voor_professionals=True))["query"]["function_score"]
    outdated = {
        "bool": {
            "filter": [{"term": {"beperkte_plaatsen": True}}],
            "should": [
                {"range": {"capaciteit_bijgewerkt": {"lt": "2026-01-01T00:00:00+00:00"}}},
                {"bool": {"must_not": [{"exists": {"field": "capaciteit_bijgewerkt"}}]}},
            ],
            "minimum_should_match": 1,
        }
    }
    closed = {"filter": {"term": {"status": "tijdelijk_gesloten"}}, "weight": 0.5}
    assert query["functions"] == [closed, {"filter": outdated, "weight": 0.5}]
    assert query["boost_mode"] == "multiply"


def test_with_a_postcode_a_place_weighs_half_at_ten_km_and_help_without_one_for_another_wijk_half():
    functions = body(SearchQuery(text="hulp", postcode="3911AB"), origin=ORIGIN)["query"]["function_score"]
    located = {"exists": {"field": "locaties"}}
    decay = {"locaties": {"origin": {"lat": 51.97, "lon": 5.66}, "scale": "10km", "decay": 0.5}}
    elsewhere = {"bool": {"must_not": [located, {"term": {"wijken": "centrum"}}]}}
    assert functions["functions"][-2:] == [
        {"filter": located, "exp": decay},
        {"filter": elsewhere, "weight": 0.5},
    ]
    assert functions["score_mode"] == "multiply"
    without_words = body(SearchQuery(postcode="3911AB"), origin=ORIGIN)["query"]
    assert "exp" not in str(without_words)  # the distance sorts then


def test_autocomplete_matches_word_starts_of_names():
    search = build_autocomplete("schoon", 8, index=ALIAS).to_dict()
    assert search["query"]["bool"]["must"] == [
        {"match": {"name.autocomplete": {"query": "schoon", "operator": "and"}}}
    ]
    assert search["query"]["bool"]["must_not"] == [{"term": {"status": "gestopt"}}]
    assert search["size"] == 24
    assert search["_source"] == ["name"]


# --- Talking to a cluster -------------------------------------------------------------------------------


def search_response(voorzieningen, sort_values):
    return {
        "took": 2,
        "timed_out": False,
        "hits": {
            "total": {"value": 2, "relation": "eq"},
            "max_score": 3.0,
            "hits": [
                {"_index": "i", "_id": str(voorziening.pk), "_score": 3.0 - n, "sort": values}
                for n, (voorziening, values) in enumerate(zip(voorzieningen, sort_values, strict=False))
            ],
        },
        "aggregations": {
            facet: {"doc_count": 2, "opties": {"buckets": [{"key": "huishouden", "doc_count": 2}]}}
            for facet in facet_names()
        },
    }


def test_search_sends_the_built_body_and_reads_hits_distances_and_all_facet_options(cluster, backend, kaart):
    found = [kaart.huishouding, kaart.dagbesteding]
    cluster.on(
        "POST",
        f"/{ALIAS}/_search",
        body=search_response(found, [[1.0, 1.234, "a"], [1.0, "Infinity", "b"]]),  # score, km, name
    )
    query = SearchQuery(
        text="hulp", postcode="3911 AB", sort="distance", thema=("huishouden", "bestaat-niet")
    )
    results = backend.search(query)
    sent = cluster.bodies("POST", f"/{ALIAS}/_search")[0]
    known = SearchQuery(text="hulp", postcode="3911 AB", sort="distance", thema=("huishouden",))
    assert sent == build_search(known, index=ALIAS, origin=results.origin).to_dict()  # unknown values dropped
    assert results.origin.wijk_slug == "centrum"
    assert results.total == 2
    assert [hit.id for hit in results.hits] == [kaart.huishouding.pk, kaart.dagbesteding.pk]
    assert [hit.distance_km for hit in results.hits] == [1.23, None]
    thema = {option.value: option for option in results.facets["thema"]}
    assert thema["huishouden"].count == 2 and thema["huishouden"].selected
    assert thema["vervoer"].count == 0 and thema["vervoer"].label == "Vervoer"
    assert [option.value for option in results.facets["wijk"]] == ["centrum", "de-beemden", "oude-haven"]
    assert [option.value for option in results.facets["thema"]][:2] == ["huishouden", "mantelzorg"]
    assert {option.value for option in results.facets["toegang"]} == {"vrij", "verwijzing", "beschikking"}


def test_search_offers_a_correction_when_nothing_is_found(cluster, backend, kaart):
    empty = search_response([], [])
    empty["hits"]["total"]["value"] = 0
    empty["suggest"] = {
        "did_you_mean": [
            {
                "text": "huishoudng",
                "offset": 0,
                "length": 10,
                "options": [{"text": "huishouding", "score": 0.5}],
            }
        ]
    }
    cluster.on("POST", f"/{ALIAS}/_search", body=empty)
    results = backend.search(SearchQuery(text="huishoudng"))
    assert results.total == 0
    assert results.did_you_mean == "huishouding"


def test_a_proposal_with_a_word_outside_the_vocabulary_is_passed_over(cluster, backend, kaart):
    """The suggester draws on descriptions too; only corrections to words of a name, theme or synonym count
    (the rule the database backend keeps as well: socialekaart.search.query.did_you_mean)."""
    empty = search_response([], [])
    empty["hits"]["total"]["value"] = 0
    # Each word finds help on its own (the count that query.leave_out_unfound asks for): none is left out.
    empty["aggregations"]["groepen"] = {"buckets": {"0": {"doc_count": 1}, "1": {"doc_count": 1}}}
    options = [{"text": "koffie drinkt", "score": 0.9}, {"text": "koffie mantelzorg", "score": 0.5}]
    empty["suggest"] = {
        "did_you_mean": [{"text": "kofie mantlezorg", "offset": 0, "length": 16, "options": options}]
    }
    cluster.on("POST", f"/{ALIAS}/_search", body=empty)
    # "koffie" is only in a summary: the first proposal is passed over, the second keeps only "mantelzorg".
    assert backend.search(SearchQuery(text="kofie mantlezorg")).did_you_mean == "kofie mantelzorg"
    empty["suggest"]["did_you_mean"][0]["options"] = options[:1]
    cluster.on("POST", f"/{ALIAS}/_search", body=empty)
    assert backend.search(SearchQuery(text="kofie mantlezorg")).did_you_mean is None


def test_unknown_postcode_is_reported_and_not_used(cluster, backend, kaart):
    cluster.on("POST", f"/{ALIAS}/_search", body=search_response([kaart.cafe], [[]]))
    results = backend.search(SearchQuery(postcode="9999 ZZ", sort="distance"))
    assert results.postcode_unknown and results.origin is None
    assert "_geo_distance" not in json.dumps(cluster.bodies("POST", f"/{ALIAS}/_search")[0]["sort"])


def test_autocomplete_returns_unique_names_then_themes_and_synonyms(cluster, backend, kaart):
    Synoniemgroep.objects.create(termen="schoonmaakdienst, poetshulp")
    names = ["Schoonmaakhulp", "Schoonmaakhulp", "Schoon Huis"]
    hits = [{"_id": str(uuid4()), "_score": 1, "_source": {"name": name}} for name in names]
    cluster.on(
        "POST", f"/{ALIAS}/_search", body={"hits": {"total": {"value": 3, "relation": "eq"}, "hits": hits}}
    )
    assert backend.autocomplete("schoon") == ["Schoonmaakhulp", "Schoon Huis", "schoonmaakdienst"]
    assert backend.autocomplete("schoon", limit=1) == ["Schoonmaakhulp"]
    cluster.on(
        "POST", f"/{ALIAS}/_search", body={"hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}
    )
    assert backend.autocomplete("ONTMOET") == ["Ontmoeting"]
    assert backend.autocomplete("s") == []


def test_rebuild_fills_a_new_index_then_swaps_the_alias_atomically_and_drops_the_old_one(
    cluster, backend, kaart
):
    Synoniemgroep.objects.create(termen="schoonmaakhulp, hulp bij het huishouden, HbH")
    cluster.on("GET", f"/_alias/{ALIAS}", body={"wmo_voorzieningen_old": {"aliases": {ALIAS: {}}}})
    progress = []
    assert backend.rebuild(progress=lambda done, total: progress.append((done, total))) == 6
    calls = cluster.calls()
    new_index = next(
        path[1:] for method, path, _ in cluster.requests if method == "PUT" and path.startswith(f"/{ALIAS}_")
    )
    assert calls == [
        "PUT /_synonyms/wmo_synoniemen",
        f"PUT /{new_index}",
        "PUT /_bulk",
        f"POST /{new_index}/_refresh",
        f"GET /_alias/{ALIAS}",
        "POST /_aliases",
        "DELETE /wmo_voorzieningen_old",
    ]
    assert cluster.bodies("PUT", "/_synonyms/wmo_synoniemen")[0] == {
        "synonyms_set": [{"id": "groep-1", "synonyms": "schoonmaakhulp, hulp bij het huishouden, HbH"}]
    }
    word_list = vocabulary.current().decompound_words
    assert cluster.bodies("PUT", f"/{new_index}")[0] == index_definition(new_index, None, word_list).to_dict()
    assert cluster.bodies("POST", "/_aliases")[0] == {
        "actions": [
            {"remove": {"index": "wmo_voorzieningen_old", "alias": ALIAS}},
            {"add": {"index": new_index, "alias": ALIAS}},
        ]
    }
    documents = [line for line in cluster.bodies("PUT", "/_bulk")[0] if "name" in line]
    assert len(documents) == 6 and "Huishoudelijke hulp Oud" not in {d["name"] for d in documents}  # gestopt
    cafe = next(document for document in documents if document["name"] == "Mantelzorgcafé De Linde")
    assert cafe["locaties"] == [{"lat": 52.0985, "lon": 5.133}]
    assert cafe["themas"] == ["mantelzorg", "ontmoeting"]
    assert progress[0] == (0, 6) and progress[-1] == (6, 6)


def test_a_change_saved_during_a_rebuild_is_indexed_again_after_the_swap(
    cluster, backend, kaart, monkeypatch
):
    fill = backend._fill

    def fill_while_an_editor_saves(index_name, progress):
        count = fill(index_name, progress)
        kaart.cafe.name = "Mantelzorgcafé De Linde (nieuw)"
        kaart.cafe.save()  # goes to the old index through the alias
        return count

    monkeypatch.setattr(backend, "_fill", fill_while_an_editor_saves)
    cluster.on("HEAD", f"/_alias/{ALIAS}", status=200, body={})
    backend.rebuild()
    calls = cluster.calls()
    assert calls.index("POST /_aliases") < len(calls) - 1 - calls[::-1].index("PUT /_bulk")
    last_bulk = cluster.bodies("PUT", "/_bulk")[-1]
    assert {"index": {"_index": ALIAS, "_id": str(kaart.cafe.pk)}} in last_bulk
    assert any(line.get("name") == "Mantelzorgcafé De Linde (nieuw)" for line in last_bulk)


def test_first_rebuild_replaces_a_concrete_index_that_has_the_alias_name(cluster, backend, kaart):
    cluster.on("GET", f"/_alias/{ALIAS}", status=404, body={"error": "alias missing", "status": 404})
    cluster.on("HEAD", f"/{ALIAS}", status=200, body={})
    backend.rebuild()
    actions = cluster.bodies("POST", "/_aliases")[0]["actions"]
    assert actions[0] == {"remove_index": {"index": ALIAS}}
    assert list(actions[1]) == ["add"]


def test_a_failing_rebuild_drops_the_new_index_and_leaves_the_alias_alone(cluster, backend, kaart):
    cluster.on("PUT", "/_bulk", status=503, body={"error": "unavailable", "status": 503})
    with pytest.raises(SearchUnavailable):
        backend.rebuild()
    calls = cluster.calls()
    assert "POST /_aliases" not in calls
    assert calls[-1].startswith(f"DELETE /{ALIAS}_")


def test_index_writes_through_the_alias_and_deletes_what_no_longer_exists(cluster, backend, kaart):
    cluster.on("HEAD", f"/_alias/{ALIAS}", status=200, body={})
    gone = uuid4()
    backend.index([kaart.cafe.pk, kaart.gestopt.pk, gone])
    lines = cluster.bodies("PUT", "/_bulk")[0]
    assert {"index": {"_index": ALIAS, "_id": str(kaart.cafe.pk)}} in lines
    assert {"delete": {"_index": ALIAS, "_id": str(kaart.gestopt.pk)}} in lines  # a gestopt one leaves
    assert {"delete": {"_index": ALIAS, "_id": str(gone)}} in lines


def test_index_creates_the_index_and_alias_when_missing(cluster, backend, kaart):
    cluster.on("HEAD", f"/_alias/{ALIAS}", status=404, body={})
    cluster.on("GET", f"/_alias/{ALIAS}", status=404, body={"error": "missing", "status": 404})
    cluster.on("HEAD", f"/{ALIAS}", status=404, body={})
    backend.index([kaart.cafe.pk])
    calls = cluster.calls()
    assert calls.index("POST /_aliases") < calls.index("PUT /_bulk")


def test_changed_synonyms_are_put_and_the_search_analyzers_reloaded(cluster, backend, db):
    Synoniemgroep.objects.create(termen="rolstoel, scootmobiel")
    backend.synonyms_changed()
    assert cluster.calls() == ["PUT /_synonyms/wmo_synoniemen", f"POST /{ALIAS}/_reload_search_analyzers"]
    assert (
        cluster.bodies("PUT", "/_synonyms/wmo_synoniemen")[0]["synonyms_set"][0]["synonyms"]
        == "rolstoel, scootmobiel"
    )


def test_keeping_the_index_current_may_take_longer_than_a_search(cluster, settings, db):
    """A busy cluster reloading the synonyms' analyzers answers slowly: the change still lands, while a
    resident's search gives up quickly (and sees the fallback)."""
    settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_INDEX_PREFIX = cluster.url, "wmo"
    settings.SOCIALEKAART_ELASTICSEARCH_TIMEOUT = 0.1
    settings.SOCIALEKAART_ELASTICSEARCH_INDEX_TIMEOUT = 10

    def slowly(answer):
        return lambda _body: time.sleep(0.5) or answer

    cluster.on("PUT", "/_synonyms/.*", body=slowly({"result": "updated"}))
    cluster.on("POST", f"/{ALIAS}/_search", body=slowly({}))
    backend = ElasticsearchBackend()
    backend.synonyms_changed()
    assert cluster.calls() == ["PUT /_synonyms/wmo_synoniemen", f"POST /{ALIAS}/_reload_search_analyzers"]
    with pytest.raises(SearchUnavailable):
        backend.search(SearchQuery())


# --- When the cluster is down ---------------------------------------------------------------------------


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


@pytest.fixture
def down(settings, db):
    settings.ELASTICSEARCH_URL = closed_port_url()
    return ElasticsearchBackend()


@pytest.mark.parametrize(
    "call",
    [
        lambda b: b.search(SearchQuery(text="hulp")),
        lambda b: b.autocomplete("hulp"),
        lambda b: b.index([uuid4()]),
        lambda b: b.rebuild(),
        lambda b: b.synonyms_changed(),
    ],
    ids=["search", "autocomplete", "index", "rebuild", "synonyms"],
)
def test_a_cluster_that_is_down_raises_search_unavailable_with_a_clear_message(down, call):
    with pytest.raises(
        SearchUnavailable, match=r"Elasticsearch op http://127\.0\.0\.1:\d+ geeft geen antwoord"
    ):
        call(down)


def test_a_cluster_error_answer_raises_search_unavailable(cluster, backend, db):
    cluster.on(
        "POST",
        f"/{ALIAS}/_search",
        status=404,
        body={"error": {"type": "index_not_found_exception"}, "status": 404},
    )
    with pytest.raises(SearchUnavailable):
        backend.search(SearchQuery())


def test_credentials_never_show_in_the_message(settings, db):
    settings.ELASTICSEARCH_URL = closed_port_url().replace("http://", "http://user:geheim@")
    with pytest.raises(SearchUnavailable) as error:
        ElasticsearchBackend().search(SearchQuery())
    assert "geheim" not in str(error.value)


# --- The management command -----------------------------------------------------------------------------


def test_command_rebuilds_through_the_backend(cluster, backend, kaart, capsys):
    call_command("elasticsearch_index")
    assert "6 voorzieningen staan in de nieuwe index wmo_voorzieningen" in capsys.readouterr().out
    assert "POST /_aliases" in cluster.calls()


def test_command_explains_a_missing_url(settings, db):
    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL is niet ingesteld"):
        call_command("elasticsearch_index")


def test_command_reports_a_cluster_that_is_down(settings, db):
    settings.ELASTICSEARCH_URL = closed_port_url()
    with pytest.raises(CommandError, match="geeft geen antwoord"):
        call_command("elasticsearch_index", "--create")
