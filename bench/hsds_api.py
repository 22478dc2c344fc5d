"""HSDS API latency: `/api/hsds/services` at 10,000 voorzieningen, 20 concurrent users, gunicorn + PostgreSQL.

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


if __name__ == "__main__":
    harness.fill_kaart(DATABASE_URL, COUNT)
    print(
        f"HSDS API, {harness.voorzieningen_in(DATABASE_URL)} voorzieningen, {harness.users_line()}, "
        f"{DURATION:.0f} s each"
    )
    with harness.gunicorn(DATABASE_URL):
        paths = ["/api/hsds/services", "/api/hsds/services?full=true", "/api/hsds/services?search=hulp"]
        harness.warm_up(paths, rounds=12)
        harness.run_load(
            "GET /api/hsds/services (50 per page)", harness.get("/api/hsds/services"), duration=DURATION
        )
        harness.run_load(
            "GET /api/hsds/services?page=1..40",
            harness.rotating([f"/api/hsds/services?page={page}" for page in range(1, 41)]),
            duration=DURATION,
        )
        harness.run_load(
            "GET /api/hsds/services?full=true",
            harness.get("/api/hsds/services?full=true&per_page=20"),
            duration=DURATION,
        )
        harness.run_load(
            "GET /api/hsds/services?search=...",
            harness.rotating(
                [f"/api/hsds/services?search={q}" for q in ("hulp", "huishouden", "mantelzorg", "vervoer")]
            ),
            duration=DURATION,
        )
