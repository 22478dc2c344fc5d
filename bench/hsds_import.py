"""HSDS import time: export 10,000 voorzieningen as HSDS JSON, import them into an empty PostgreSQL
database, then import the same file again (every row an update).

    python bench/hsds_import.py

The import's search-index work goes to the task queue (the worker is not running here), so the figures
are the import itself; the index rebuild is timed separately.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from hsds_api import COUNT, DATABASE_URL  # noqa: E402

TARGET_URL = os.environ.get("BENCH_IMPORT_DATABASE_URL", DATABASE_URL.rsplit("/", 1)[0] + "/wmo_bench_import")


# Issue 16's targets: export of 10,000 within 10 s; import and re-import at 1,000 voorzieningen/s or more.
EXPORT_SECONDS = 10.0
IMPORT_RATE = 1000.0


def timed(label: str, *args: str, database_url: str, target: str = "") -> float:
    start = time.monotonic()
    harness.manage(*args, database_url=database_url)
    elapsed = time.monotonic() - start
    print(f"{label:<44} {elapsed:8.1f} s{target and '   | ' + target}", flush=True)
    return elapsed


def rate_verdict(seconds: float) -> str:
    rate = COUNT / seconds
    return f"{rate:,.0f}/s, target >= {IMPORT_RATE:,.0f}/s: {'met' if rate >= IMPORT_RATE else 'MISSED'}"


def drop_and_create(database_url: str) -> None:
    import dj_database_url

    config = dj_database_url.parse(database_url)
    with harness.server_connection(database_url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{config["NAME"]}"')
    harness.ensure_database(database_url)
    harness.manage("migrate", "--noinput", "-v", "0", database_url=database_url)


if __name__ == "__main__":
    harness.fill_kaart(DATABASE_URL, COUNT)
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "kaart.json")
        export = timed(
            f"export_hsds ({COUNT} voorzieningen)", "export_hsds", path, "-v", "0", database_url=DATABASE_URL
        )
        print(
            f"{'':<44} target < {EXPORT_SECONDS:g} s: {'met' if export < EXPORT_SECONDS else 'MISSED'}",
            flush=True,
        )
        print(f"file size {Path(path).stat().st_size / 1e6:.1f} MB")
        drop_and_create(TARGET_URL)
        first = timed(
            "import_hsds into an empty database", "import_hsds", path, "-v", "0", database_url=TARGET_URL
        )
        again = timed(
            "import_hsds again (all updates)", "import_hsds", path, "-v", "0", database_url=TARGET_URL
        )
        timed(
            "rebuild_search_index afterwards",
            "rebuild_search_index",
            "--no-progress",
            database_url=TARGET_URL,
        )
        print(f"{'import into an empty database':<44} {rate_verdict(first)}")
        print(f"{'import again':<44} {rate_verdict(again)}")
