"""Sociale kaart search with facets through the search page `/sociale-kaart/`, at 1,000, 10,000 and
100,000 voorzieningen: gunicorn + PostgreSQL, 20 concurrent users (BENCH_USERS, BENCH_THINK_SECONDS: see
harness.py), p50/p95 per size, once per search engine: the PostgreSQL database backend and Elasticsearch.

BENCH_SEARCH picks the engines (default "database,elasticsearch"). Elasticsearch is the node at
BENCH_ELASTICSEARCH_URL (default http://127.0.0.1:9200, which `make elasticsearch` starts); without one
answering there it is left out with a note. Each size gets its own index prefix (`wmobench_<size>`), and
the index rebuild (`rebuild_search_index`) is timed for each engine: voorzieningen per second.

Two runs per size. "Popular searches" asks the same nine searches again and again, as residents who
follow the links on the information pages do; after the first time each comes from the page cache.
"Distinct searches" asks thousands of different searches, each once, so every page is made anew: what
the search and the page itself cost.

    python bench/socialekaart_search.py

Each size gets its own database (`<BENCH_DATABASE_URL>_<size>`), filled once with `load_demo_kaart` and
`generate_voorzieningen --count <size>` (which also builds the search index). BENCH_SIZES picks sizes
(default "1000,10000,100000"); BENCH_DURATION the seconds per run (default 10).
"""

import itertools
import os
import random
import sys
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,10000,100000").split(",") if size]
ENGINES = [name for name in os.environ.get("BENCH_SEARCH", "database,elasticsearch").split(",") if name]
DURATION = float(os.environ.get("BENCH_DURATION", "10"))
BASE_URL = harness.DATABASE_URL
WARMUP = 2.0
# Issue 16's targets for a search made anew, on PostgreSQL (20 users, no pause, 2 cores).
TARGETS = {
    ("database", 10_000): harness.Target(p95_ms=100, rps=400, cpu_ms=3),
    ("database", 100_000): harness.Target(p95_ms=300),
}

# What residents and professionals ask: text (with stemming, synonyms and a typo), filters, proximity.
SEARCHES = [
    "/sociale-kaart/?q=hulp",
    "/sociale-kaart/?q=huishoudelijke+hulp&postcode=3911+AB&sort=afstand",
    "/sociale-kaart/?thema=huishouden&doelgroep=ouderen",
    "/sociale-kaart/?wijk=centrum&wijk=lindehof&kosten=gratis",
    "/sociale-kaart/?q=dagbestedin&toegang=vrij",
    "/sociale-kaart/?postcode=3917&mijn_wijk=1",
    "/sociale-kaart/?q=mantelzorg&page=2",
    "/sociale-kaart/?q=HbH&thema=huishouden&sort=naam",
    "/sociale-kaart/",
]

WORDS = [
    "hulp", "huishouden", "dagbesteding", "mantelzorg", "vervoer", "maaltijd", "schulden", "ontmoeting",
    "koffie", "wonen", "begeleiding", "HbH", "rolstoel", "taal", "eenzaam", "geld", "opvoeden",
    "vrijwilliger", "scootmobiel", "boodschappen",
]  # fmt: skip
THEMAS = ["", "huishouden", "begeleiding", "dagbesteding", "mantelzorg", "ontmoeting", "vervoer", "wonen"]
WIJKEN = ["", "centrum", "de-beemden", "lindehof", "molenwijk", "oude-haven", "waterkant"]
POSTCODES = ["", "3911 AB", "3913 AA", "3915", "3917 CD"]
SORTERINGEN = ["relevantie", "afstand", "naam"]


def distinct_searches(count: int = 20_000) -> list[str]:
    """Different searches in a shuffled order: a run of this benchmark asks none of them twice."""
    combinations = list(itertools.product(WORDS, THEMAS, WIJKEN, POSTCODES, SORTERINGEN))
    random.Random(2026).shuffle(combinations)
    searches = []
    for word, thema, wijk, postcode, sort in combinations[:count]:
        parameters = {"q": word, "thema": thema, "wijk": wijk, "postcode": postcode, "sort": sort}
        searches.append(
            "/sociale-kaart/?" + urlencode({key: value for key, value in parameters.items() if value})
        )
    return searches


def database_for(size: int) -> str:
    return f"{BASE_URL}_{size}"


BACKEND_ONLY = """
import statistics, time
from socialekaart.search import SearchQuery as Q, get_backend
queries = [
    Q(text="hulp"), Q(text="huishoudelijke hulp", postcode="3911 AB", sort="distance"),
    Q(thema=("huishouden",), doelgroep=("ouderen",)), Q(wijk=("centrum", "lindehof"), kosten=("gratis",)),
    Q(text="dagbestedin", toegang=("vrij",)), Q(postcode="3917", alleen_mijn_wijk=True),
    Q(text="mantelzorg", page=2), Q(text="HbH", thema=("huishouden",), sort="name"), Q(),
]
backend = get_backend()
backend.search(Q())
timings = []
for _ in range(30):
    for query in queries:
        start = time.perf_counter()
        backend.search(query)
        timings.append((time.perf_counter() - start) * 1000)
timings.sort()
p95 = timings[int(0.95 * (len(timings) - 1))]
print(f"p50 {statistics.median(timings):.1f} ms   p95 {p95:.1f} ms   n={len(timings)}")
"""


def backend_only(database_url: str, search: harness.Search = harness.DATABASE_SEARCH) -> str:
    """The search backend alone, in one process and one thread: what the search itself costs."""
    return harness.shell(BACKEND_ONLY, database_url, search)


def engines() -> list[harness.Search]:
    """The search engines to measure; Elasticsearch only when a node answers."""
    chosen = []
    for name in ENGINES:
        if name == "elasticsearch":
            version = harness.elasticsearch_version()
            if version is None:
                print(f"(no Elasticsearch answers at {harness.ELASTICSEARCH_URL}: left out)", flush=True)
                continue
            print(f"Elasticsearch {version} at {harness.ELASTICSEARCH_URL}", flush=True)
        chosen.append(name)
    return chosen


def measure(url: str, size: int, search: harness.Search) -> None:
    count, seconds = harness.timed_rebuild(url, search)
    label = f"[{search.backend}]"
    print(
        f"{'index rebuild ' + label:<44} {count} voorzieningen in {seconds:.1f} s = {count / seconds:,.0f}/s",
        flush=True,
    )
    searches = distinct_searches()
    with harness.gunicorn(url, search) as server:
        harness.warm_up(SEARCHES)
        harness.run_wrk("warm-up", searches[::-1], duration=WARMUP, quiet=True)
        harness.run_wrk(f"popular searches {label} ({size})", SEARCHES, server, duration=DURATION)
        harness.run_wrk(
            f"distinct searches {label} ({size})",
            searches,
            server,
            duration=DURATION,
            target=TARGETS.get((search.backend, size)),
        )
    print(f"{'backend.search() alone ' + label + ', 1 thread':<44} {backend_only(url, search)}", flush=True)


if __name__ == "__main__":
    chosen = engines()
    for size in SIZES:
        url = database_for(size)
        harness.fill_kaart(url, size)
        print(
            f"Sociale kaart search page with facets, {harness.voorzieningen_in(url)} voorzieningen, "
            f"{harness.users_line()}, {DURATION:.0f} s",
            flush=True,
        )
        for name in chosen:
            measure(url, size, harness.Search(name, index_prefix=f"wmobench_{size}"))
