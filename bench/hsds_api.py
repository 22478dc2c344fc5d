"""HSDS API latency: `/api/hsds/services` at 10,000 voorzieningen, 20 concurrent users (wrk), gunicorn +
PostgreSQL, with gunicorn's CPU time per request.

    python bench/hsds_api.py

Fills the database with `load_demo_kaart` and `generate_voorzieningen --count N` (which also builds the
search index) when it holds another number of voorzieningen.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

COUNT = int(os.environ.get("BENCH_VOORZIENINGEN", "10000"))
DURATION = float(os.environ.get("BENCH_DURATION", "10"))
DATABASE_URL = harness.DATABASE_URL
# Issue 16's targets at 10,000 voorzieningen (20 users, no pause, 2 cores).
TARGETS = {"services": harness.Target(p95_ms=100), "full": harness.Target(p95_ms=300)}


if __name__ == "__main__":
    harness.fill_kaart(DATABASE_URL, COUNT)
    print(
        f"HSDS API, {harness.voorzieningen_in(DATABASE_URL)} voorzieningen, {harness.users_line()}, "
        f"{DURATION:.0f} s each"
    )
    with harness.gunicorn(DATABASE_URL) as server:
        paths = ["/api/hsds/services", "/api/hsds/services?full=true", "/api/hsds/services?search=hulp"]
        harness.warm_up(paths, rounds=12)
        runs = [
            ("GET /api/hsds/services (50 per page)", ["/api/hsds/services"], TARGETS["services"]),
            (
                "GET /api/hsds/services?page=1..40",
                [f"/api/hsds/services?page={page}" for page in range(1, 41)],
                None,
            ),
            (
                "GET /api/hsds/services?full=true",
                ["/api/hsds/services?full=true&per_page=20"],
                TARGETS["full"],
            ),
            (
                "GET /api/hsds/services?search=...",
                [f"/api/hsds/services?search={q}" for q in ("hulp", "huishouden", "mantelzorg", "vervoer")],
                None,
            ),
        ]
        for name, run_paths, target in runs:
            harness.run_wrk(name, run_paths, server, duration=DURATION, target=target)
