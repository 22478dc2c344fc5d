"""The in-process text index ranks as SQLite's FTS5 does (bm25 with the name ten times the rest): the same
documents and the same scores for every kaart query of the quality set, on the demo kaart, on either
database. FTS5 (Python's own sqlite3, in memory) is the reference implementation here; an alternative found
through a compound then counts half. And a few hits score as they do among all, and the nearest hits are
the same whether sorted or walked."""

import io
import json
import sqlite3
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from socialekaart.models import Voorziening, ZoekDocument
from socialekaart.search import SearchQuery, bitmask, get_backend, text
from socialekaart.search.contract import Origin
from socialekaart.search.database import DatabaseBackend
from socialekaart.search.query import CompoundAlternative
from socialekaart.search.snapshot import Snapshot, _Near, nearest_first
from socialekaart.search.textindex import COMPOUND_WEIGHT, NAME_WEIGHT, TextIndex

QUALITY_SET = Path(__file__).parent.parent / "data" / "search_quality.json"
QUERIES = [entry["q"] for entry in json.loads(QUALITY_SET.read_text(encoding="utf-8"))["vragen"]]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo kaart in the test database, and its documents' stems in an FTS5 table in memory."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_kaart", stdout=io.StringIO(), stderr=io.StringIO())
        stems = {
            pk: (name, body)
            for pk, name, body in ZoekDocument.objects.values_list(
                "voorziening_id", "name_stems", "body_stems"
            )
        }
        in_snapshot_order = get_backend("database")._snapshot().ids
        reference = sqlite3.connect(":memory:")
        reference.execute("CREATE VIRTUAL TABLE fts USING fts5(name, body)")
        reference.executemany(  # rowid: the document's position in the snapshot
            "INSERT INTO fts (rowid, name, body) VALUES (?, ?, ?)",
            [(position, *stems[pk]) for position, pk in enumerate(in_snapshot_order)],
        )
        yield reference
        reference.close()
        transaction.set_rollback(True)


def fts5_scores(reference, groups) -> dict[int, float]:
    expression = " AND ".join(
        "(" + " OR ".join("(" + " AND ".join(f'"{text.stem(w)}"' for w in alt) + ")" for alt in group) + ")"
        for group in groups
    )
    query = f"SELECT rowid, -bm25(fts, {NAME_WEIGHT}, 1.0) FROM fts WHERE fts MATCH ?"  # noqa: S608
    return dict(reference.execute(query, [expression]).fetchall())


@pytest.mark.django_db
@pytest.mark.parametrize("typed", QUERIES)
def test_same_matches_and_scores_as_fts5(demo, typed):
    backend = get_backend("database")
    snapshot = backend._snapshot()
    parsed, _ranking_only, _ = backend._parse_text(typed, snapshot)
    groups = [tuple(map(tuple, group)) for group in parsed.groups]  # every alternative counts whole
    if not groups:
        pytest.skip("only stop words")
    index = snapshot.text_index
    hits = index.match(groups)
    scores = index.scores(groups, hits)
    ours = {position: scores[position] for position in bitmask.positions(hits)}
    expected = fts5_scores(demo, groups)
    assert set(ours) == set(expected)
    assert ours == pytest.approx(expected, rel=1e-9)
    assert set(scores.nonzero()[0]) == set(ours)  # nothing outside the hits is scored


def test_an_alternative_found_through_a_compound_counts_half():
    documents = [("maatjesproject", "bezoek"), ("chauffeur", "automaatje"), ("koffie", "")]
    index = TextIndex([(text.stemmed_text(name), text.stemmed_text(body)) for name, body in documents])
    typed = [(("maatjesproject",), ("automaatje",))]
    through_compound = [(("maatjesproject",), CompoundAlternative(("automaatje",)))]
    whole, weighed = index.scores(typed, 0b011), index.scores(through_compound, 0b011)
    assert weighed[0] == whole[0] > 0 and whole[1] > 0
    assert weighed[1] == pytest.approx(COMPOUND_WEIGHT * whole[1]) and COMPOUND_WEIGHT < 1


@pytest.mark.django_db
def test_maatje_finds_the_maatjesproject_before_the_automaatje(demo):
    """ "maatje" also looks for the compounds that hold it: the chauffeurs' "automaatje" came first."""
    names = dict(Voorziening.objects.values_list("pk", "name"))
    hits = get_backend("database").search(SearchQuery(text="maatje", per_page=6)).ids
    assert all(names[pk].startswith("Maatjesproject") for pk in hits), [names[pk] for pk in hits]


def test_scoring_a_few_documents_gives_their_part_of_scoring_them_all():
    """A filter can leave a few of thousands of matches: they score as they do among all, the rest 0."""
    documents = [(f"koffie{' ochtend' * (i % 3)}", f"koffie drinken huis {i % 7} buurt") for i in range(3000)]
    index = TextIndex(documents)
    groups = [(("koffie",),), (("drinken",), ("ochtend",))]
    everything = index.scores(groups, index.match(groups))
    few = [5, 17, 2999]
    scores = index.scores(groups, bitmask.mask_of(few, 3000))
    assert list(scores.nonzero()[0]) == few
    assert list(scores[few]) == list(everything[few])


def test_nearest_hits_are_the_same_whether_sorted_or_walked():
    distances = [None if i % 11 == 0 else (i * 37 % 101) / 10 for i in range(2000)]
    snapshot = Snapshot(token="t", ids=list(range(2000)))
    order = sorted(range(2000), key=nearest_first(distances))
    snapshot._near[(52.0, 5.0, "centrum")] = _Near(distances, order, weights=None)
    origin = Origin("3911", "centrum", "Centrum", 52.0, 5.0)
    for hits in ([3, 11, 400, 1999], list(range(0, 2000, 3))):  # few hits are sorted, many walked
        mask = bitmask.mask_of(hits, 2000)
        expected = sorted(hits, key=lambda p: (distances[p] is None, distances[p] or 0.0, p))[:20]
        assert DatabaseBackend._nearest(snapshot, origin, mask, 20) == expected


def test_a_typo_of_a_synonym_stands_for_it_in_at_most_three_readings():
    """Elasticsearch applies a synonym only to a word as typed: a word the index lacks is also read as the
    synonym it is close to, or the synonym part of its compound. Dutch words are no typos."""
    from core.search_text import Phrases
    from core.vocabulary import Decompounder
    from socialekaart.search.query import synonym_readings, typos_of_synonyms

    phrases = Phrases([["poetsen", "schoonmaakhulp"], ["oppas", "respijtzorg"]])
    decompounder = Decompounder(["oppas", "dienst", "poetsen"])
    typos = typos_of_synonyms("ik kan niet meer poetse of oppasdienst", phrases, decompounder)
    assert typos == {"poetse": ["poetsen"], "oppasdienst": ["oppas"]}
    assert typos_of_synonyms("poetsen en koken", phrases, decompounder) == {}  # a synonym, and a Dutch word
    readings = synonym_readings("niet meer poetse", typos)
    assert readings == ["niet meer poetsen"]
    many = {f"w{number}": ["poetsen"] for number in range(9)}
    assert len(synonym_readings(" ".join(many), many)) == 3
