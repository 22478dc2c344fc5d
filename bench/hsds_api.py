"""HSDS API latency: `/api/hsds/services` at 10,000 voorzieningen, 20 concurrent users, gunicorn + PostgreSQL.

    BENCH_PORT=8771 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/wmo_bench_kaartopen \
        python bench/hsds_api.py

Fills the database with `load_demo_kaart` and `generate_voorzieningen --count N` (which also builds the
search index) when it holds fewer voorzieningen.
"""

import itertools
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

COUNT = int(os.environ.get("BENCH_VOORZIENINGEN", "10000"))
DURATION = float(os.environ.get("BENCH_DURATION", "10"))
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wmo_bench_kaartopen")


def voorzieningen_in(database_url: str) -> int:
    code = "from socialekaart.models import Voorziening; print(Voorziening.objects.count())"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=harness.ROOT,
        env=harness.server_env(database_url),
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout.strip().splitlines()[-1])


def prepare(database_url: str) -> None:
    harness.ensure_database(database_url)
    harness.manage("migrate", "--noinput", "-v", "0", database_url=database_url)
    if voorzieningen_in(database_url) < COUNT:
        harness.manage("load_demo_kaart", database_url=database_url)
        harness.manage("generate_voorzieningen", "--count", str(COUNT), database_url=database_url)


def warm_up(paths, rounds: int = 12) -> None:
    """Every gunicorn worker loads its code and its search snapshot before anything is measured."""
    for _ in range(rounds):
        for path in paths:
            harness.Client().request("GET", path)


def rotating(paths):
    cycle = itertools.cycle(paths)

    def scenario(client) -> int:
        return client.request("GET", next(cycle))[0]

    return scenario


if __name__ == "__main__":
    prepare(DATABASE_URL)
    print(f"HSDS API, {voorzieningen_in(DATABASE_URL)} voorzieningen, 20 users, {DURATION:.0f} s each")
    with harness.gunicorn(DATABASE_URL):
        warm_up(["/api/hsds/services", "/api/hsds/services?full=true", "/api/hsds/services?search=hulp"])
        harness.run_load(
            "GET /api/hsds/services (50 per page)", harness.get("/api/hsds/services"), duration=DURATION
        )
        harness.run_load(
            "GET /api/hsds/services?page=1..40",
            rotating([f"/api/hsds/services?page={page}" for page in range(1, 41)]),
            duration=DURATION,
        )
        harness.run_load(
            "GET /api/hsds/services?full=true",
            harness.get("/api/hsds/services?full=true&per_page=20"),
            duration=DURATION,
        )
        harness.run_load(
            "GET /api/hsds/services?search=...",
            rotating(
                [f"/api/hsds/services?search={q}" for q in ("hulp", "huishouden", "mantelzorg", "vervoer")]
            ),
            duration=DURATION,
        )
