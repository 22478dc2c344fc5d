"""Portal pages under load: the home page and an information page at 20 concurrent users against gunicorn
and PostgreSQL, plus the number of database queries each page needs (measured in-process).

    BENCH_PORT=8773 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/wmo_bench_portal_pages \
        .venv/bin/python bench/portal_pages.py
"""

import os
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


def count_queries() -> dict[str, int]:
    """Queries per page with warm caches, as gunicorn's workers have them after the first request."""
    os.environ.update(harness.server_env())
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=harness.HOST)
    counts = {}
    for name, path in PAGES.items():
        assert client.get(path).status_code == 200, path
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        counts[name] = len(captured.captured_queries)
    return counts


def main():
    harness.ensure_database()
    harness.manage("migrate", "--noinput", "-v", "0")
    harness.manage("load_demo_pages")
    with harness.gunicorn():
        warm_up()
        for name, path in PAGES.items():
            harness.run_load(f"{name} ({path})", harness.get(path), concurrency=20, duration=DURATION)
    for name, count in count_queries().items():
        print(f"{name:<44} {count} queries per request", flush=True)


if __name__ == "__main__":
    main()
