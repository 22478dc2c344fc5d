"""The Elasticsearch backend on the real test node: index management (alias swap, single changes, catching
up), editors' synonyms without a reindex or restart, and a node that stops and comes back mid-run.

Runs only with ELASTICSEARCH_TEST_URL (see `tests.conftest.elasticsearch`); `make test` starts the node.
"""

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from socialekaart.models import Synoniemgroep, Voorziening
from socialekaart.search import SearchQuery, SearchUnavailable, get_backend
from socialekaart.search.elasticsearch import alias_name, synonyms_set_name

pytestmark = pytest.mark.django_db

NODE_SCRIPT = Path(__file__).resolve().parents[2] / "services" / "elasticsearch.sh"
SEARCH = "/sociale-kaart/"


@pytest.fixture
def es(elasticsearch, kaart):
    """The kaart indexed on the node; returns (backend, a client of the node)."""
    backend = get_backend("elasticsearch")
    backend.rebuild()
    client = Elasticsearch(elasticsearch, request_timeout=30)
    yield backend, client
    client.close()


def concrete_indices(client) -> list[str]:
    return sorted(client.indices.get_alias(name=alias_name()).body)


def test_a_rebuild_fills_a_new_index_moves_the_alias_and_drops_the_old_one(es, kaart):
    backend, client = es
    before = concrete_indices(client)
    assert len(before) == 1
    assert backend.rebuild() == 6
    after = concrete_indices(client)
    assert len(after) == 1 and after != before
    assert not client.indices.exists(index=before[0])
    assert client.count(index=alias_name())["count"] == 6
    mapping = client.indices.get_mapping(index=after[0])[after[0]]["mappings"]
    assert mapping["properties"]["tekst"]["search_analyzer"] == "nl_zoeken"


def test_the_node_analyses_dutch_as_the_mapping_says(es):
    _backend, client = es

    def tokens(analyzer, text):
        answer = client.indices.analyze(index=alias_name(), analyzer=analyzer, text=text)
        return [token["token"] for token in answer["tokens"]]

    # Stop words out, accents folded, Dutch stems, and the compound split on the vocabulary's word list.
    assert tokens("nl_index", "De huishoudelijke hulp bij Mantelzorgcafé") == [
        "huishoud",
        "hulp",
        "mantelzorgcaf",
        "mantelzorg",
    ]
    assert tokens("autocomplete_index", "Café")[:3] == ["ca", "caf", "cafe"]


def test_single_changes_and_removals_reach_the_index(es, kaart):
    backend, _client = es
    kaart.cafe.name = "Koffieochtend voor mantelzorgers"
    kaart.cafe.save()
    backend.index([kaart.cafe.pk])
    assert backend.search(SearchQuery(text="koffieochtend")).ids == [kaart.cafe.pk]
    backend.remove([kaart.cafe.pk])
    assert backend.search(SearchQuery(text="koffieochtend")).total == 0
    Voorziening.objects.filter(pk=kaart.jongeren.pk).update(status="gestopt")
    backend.index([kaart.jongeren.pk])
    assert kaart.jongeren.pk not in backend.search(SearchQuery(per_page=100)).ids


def test_editors_synonyms_apply_without_reindex_or_restart(es, kaart):
    backend, client = es
    index_before = concrete_indices(client)
    assert backend.search(SearchQuery(text="poetshulp")).total == 0
    group = Synoniemgroep.objects.create(termen="poetshulp, schoonmaakhulp")
    backend.synonyms_changed()
    assert kaart.schoonmaak.pk in backend.search(SearchQuery(text="poetshulp")).ids
    group.termen = "poetshulp, mantelzorgcafé"
    group.save()
    backend.synonyms_changed()
    found = backend.search(SearchQuery(text="poetshulp")).ids
    assert kaart.cafe.pk in found and kaart.schoonmaak.pk not in found
    assert concrete_indices(client) == index_before  # no reindex
    rules = client.synonyms.get_synonym(id=synonyms_set_name())["synonyms_set"]
    assert [rule["synonyms"] for rule in rules] == ["poetshulp, mantelzorgcafé"]


def test_a_new_index_reads_the_synonyms_set_at_once(es, kaart):
    backend, _client = es
    Synoniemgroep.objects.create(termen="HbH, hulp bij het huishouden")
    backend.rebuild()  # puts the set, then creates the index that reads it
    assert kaart.huishouding.pk in backend.search(SearchQuery(text="HbH")).ids


def test_autocomplete_and_did_you_mean_on_the_node(es, kaart):
    backend, _client = es
    assert "Mantelzorgcafé De Linde" in backend.autocomplete("mantelz")
    results = backend.search(SearchQuery(text="schoonmaakhulp aan huiss"))
    assert results.did_you_mean is None or "huis" in results.did_you_mean


# --- The node stops and comes back ----------------------------------------------------------------------


def node(command: str) -> None:
    env = {**os.environ, "ES_KEEP_DATA": "1"}
    bash = shutil.which("bash") or "/bin/bash"
    subprocess.run([bash, str(NODE_SCRIPT), command], check=True, env=env, timeout=240)  # noqa: S603


def node_started_here(url: str) -> bool:
    """Whether the node at `url` is the one services/elasticsearch.sh started (only that one is stopped)."""
    port = url.rsplit(":", 1)[-1]
    state = Path(os.environ.get("ES_STATE_DIR") or Path(tempfile.gettempdir()) / "wmo-elasticsearch")
    return url.startswith("http://127.0.0.1:") and (state / f"run-{port}" / "elasticsearch.pid").exists()


@pytest.mark.node_restart
def test_a_stopped_node_gives_the_short_message_and_a_restarted_one_is_used_again(es, client, kaart):
    backend, es_client = es
    if not node_started_here(backend.url):
        pytest.skip("the node was not started by services/elasticsearch.sh, so this test may not stop it")
    assert client.get(SEARCH, {"q": "schoonmaakhulp"}).status_code == 200
    node("stop")
    try:
        page = client.get(SEARCH, {"q": "huishouding"})
        assert page.status_code == 503
        assert "Zoeken lukt nu even niet" in page.content.decode()
        api = client.get("/api/hsds/services", {"search": "hulp"})
        assert api.status_code == 503
        assert api.json()["message"].startswith("Zoeken werkt nu even niet")
        with pytest.raises(SearchUnavailable):
            backend.search(SearchQuery(text="hulp"))
    finally:
        node("start")
    es_client.cluster.health(index=alias_name(), wait_for_status="yellow", timeout="60s")
    deadline = time.monotonic() + 30
    while True:  # the same site, the same backend: no restart of either
        page = client.get(SEARCH, {"q": "mantelzorgcafé"})
        if page.status_code == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert page.status_code == 200
    assert "Mantelzorgcafé De Linde" in page.content.decode()
    api = client.get("/api/hsds/services", {"search": "schoonmaakhulp"})
    assert api.status_code == 200
    assert [item["name"] for item in api.json()["contents"]] == ["Schoonmaakhulp aan huis"]
