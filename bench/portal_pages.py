"""Portal pages under load: the home page and an information page at 20 concurrent users (wrk) against
gunicorn and PostgreSQL, plus the database queries and time each page needs in-process (with warm caches).
Then side by side in the same run: a static file, the information page and the kaart search (popular and
made anew), with each page's requests per second as a share of the static file's.

    BENCH_PORT=8773 BENCH_DATABASE_URL=postgres://wmo:wmo-test@127.0.0.1:5432/wmo_bench_portal_pages \
        .venv/bin/python bench/portal_pages.py
"""

import os
import re
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]

import harness  # noqa: E402

INFO_PAGE = "/hulp-voor-mezelf/hulp-bij-het-huishouden/"
PAGES = {"home page": "/", "information page": INFO_PAGE}
DURATION = float(os.environ.get("BENCH_DURATION", "10"))
MIDDLEWARE = "core.page_cache.PageCacheMiddleware"


def warm_up(seconds: float = 60.0) -> None:
    """Gunicorn's workers load Django on their first request (seconds on a busy machine): get every worker
    warm before measuring, until 20 parallel requests all answer within half a second."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        slowest = []

        def fetch(slowest=slowest):
            started = time.monotonic()
            client = harness.Client()
            for path in PAGES.values():
                client.request("GET", path)
            slowest.append(time.monotonic() - started)

        threads = [threading.Thread(target=fetch, daemon=True) for _ in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        if slowest and max(slowest) < 0.5:
            return


def measure_in_process(requests: int = 200) -> list[str]:
    """Queries and median time per request with warm caches, as gunicorn's workers have them after the
    first request; then again with the page-cache middleware in front of Wagtail's routing, when the
    settings do not have it yet."""
    os.environ.update(harness.server_env())
    import django

    django.setup()
    from django.conf import settings

    lines = [_measure(f"{name} (as configured)", path, requests) for name, path in PAGES.items()]
    if MIDDLEWARE not in settings.MIDDLEWARE:
        middleware = list(settings.MIDDLEWARE)
        middleware.insert(middleware.index("django.middleware.csrf.CsrfViewMiddleware") + 1, MIDDLEWARE)
        settings.MIDDLEWARE = middleware
        lines += [
            _measure(f"{name} (with PageCacheMiddleware)", path, requests) for name, path in PAGES.items()
        ]
    return lines


def _measure(label: str, path: str, requests: int) -> str:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=harness.HOST)
    assert client.get(path).status_code == 200, path
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    queries = len(captured.captured_queries)  # now: a reconnect in the loop below empties the log
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(path)
        times.append(time.perf_counter() - started)
    return (
        f"{label:<44} {queries} queries, "
        f"{statistics.median(times) * 1000:.2f} ms per request in-process (median of {requests})"
    )


def static_file() -> str:
    """The address of the site's CSS as the pages link it (with the hash the manifest storage gives it)."""
    content = harness.Client().request("GET", INFO_PAGE)[1].decode()
    return re.search(r'href="(/static/css/site\.[^"]*css)"', content).group(1)


def side_by_side(server) -> None:
    """The information page, the kaart search and a static file in one run of the same server, each with
    its share of what the static file does: the ratios hold on any machine, the absolute figures do not."""
    from socialekaart_search import SEARCHES, distinct_searches

    runs = [
        ("static file (site.css)", [static_file()]),
        ("information page", [INFO_PAGE]),
        ("kaart search, popular (from the page cache)", SEARCHES),
        ("kaart search, distinct (made anew)", distinct_searches()),
    ]
    print(
        f"Side by side ({harness.voorzieningen_in(harness.DATABASE_URL)} voorzieningen on the kaart):",
        flush=True,
    )
    # Each worker reads the kaart into its search index at its first search (about a second): not measured.
    harness.warm_up(SEARCHES, rounds=4)
    results = [harness.run_wrk(name, paths, server, duration=DURATION) for name, paths in runs]
    static = results[0].rps or 1.0
    for result in results[1:]:
        print(f"{result.name:<44} {result.rps / static:6.1%} of the static file's requests/s", flush=True)


def main():
    harness.ensure_database()
    harness.manage("migrate", "--noinput", "-v", "0")
    harness.manage("load_demo_pages")
    if harness.voorzieningen_in(harness.DATABASE_URL) == 0:
        harness.manage("load_demo_kaart")
    print(f"Portal pages, {harness.users_line()}, {DURATION:.0f} s each", flush=True)
    with harness.gunicorn() as server:
        warm_up()
        for name, path in PAGES.items():
            harness.run_wrk(f"{name} ({path})", [path], server, duration=DURATION)
        side_by_side(server)
    for line in measure_in_process():
        print(line, flush=True)
    print(f"load average {' '.join(f'{load:.2f}' for load in os.getloadavg())}", flush=True)


if __name__ == "__main__":
    main()
