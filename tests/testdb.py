"""Test databases built once: one migrated template per set of migrations, copied into each test process.

Migrating an empty database costs about 14 s of CPU (Wagtail alone brings some 200 migrations), and every
pytest-xdist worker of every suite needs one. A copy of a migrated template costs well under a second:
SQLite's backup API fills the in-memory test database from a file, PostgreSQL makes the worker's database
with `CREATE DATABASE ... TEMPLATE`. The template is keyed by the contents of the project's migrations and of
requirements.lock, so a changed migration or dependency builds a new one; `make clean` removes the files.

`python -m tests.testdb` prints the SQLite template's path (the taalcheck copies it).
"""

import contextlib
import fcntl
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_DIR = ROOT / ".testdb"


def migrations_key() -> str:
    """A short hash of everything that decides the migrated schema: our migrations and the locked packages."""
    digest = hashlib.sha1(usedforsecurity=False)
    files = [ROOT / "requirements.lock"]
    for app in apps.get_app_configs():
        if Path(app.path).is_relative_to(ROOT):
            files += sorted(Path(app.path, "migrations").glob("*.py"))
    for path in files:
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def migrate(database_url: str) -> None:
    """`manage.py migrate` into the database at that URL, in a process of its own with the test settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("ELASTICSEARCH")}
    env |= {"DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )


@contextlib.contextmanager
def _file_lock(path: Path):
    path.parent.mkdir(exist_ok=True)
    with path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def sqlite_template() -> Path:
    """The migrated SQLite template of the current migrations, built by the first process that needs it."""
    template = TEMPLATE_DIR / f"{migrations_key()}.sqlite3"
    with _file_lock(TEMPLATE_DIR / "sqlite.lock"):
        if not template.exists():
            for stale in TEMPLATE_DIR.glob("*.sqlite3*"):
                stale.unlink()
            building = template.with_suffix(".building")
            building.unlink(missing_ok=True)
            migrate(f"sqlite:///{building}")
            with contextlib.closing(sqlite3.connect(building)) as database:
                database.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
            building.replace(template)
    return template


def fill_sqlite_memory_database(connection) -> None:
    """Point the connection at its in-memory test database and copy the template into it."""
    name = connection.creation._get_test_db_name()
    connection.close()
    connection.settings_dict["NAME"] = settings.DATABASES[connection.alias]["NAME"] = name
    connection.ensure_connection()
    with contextlib.closing(sqlite3.connect(sqlite_template())) as template:
        template.backup(connection.connection)


def _postgres_url(settings_dict: dict, name: str) -> str:
    user, password = settings_dict["USER"], settings_dict["PASSWORD"]
    host, port = settings_dict["HOST"] or "127.0.0.1", settings_dict["PORT"] or 5432
    return f"postgres://{user}:{password}@{host}:{port}/{name}"


def create_postgres_database(connection) -> None:
    """Make the worker's test database a fresh copy of the migrated template of this checkout.

    An advisory lock on the server serialises building and copying, also between checkouts."""
    test_name = connection.creation._get_test_db_name()
    checkout = hashlib.sha1(str(ROOT).encode(), usedforsecurity=False).hexdigest()[:8]
    prefix = f"test_template_{checkout}_"
    template = prefix + migrations_key()
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(hashtext('wmo-portaal test templates'))")
        try:
            cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [prefix + "%"])
            existing = {name for (name,) in cursor.fetchall()}
            if template not in existing:
                for stale in existing:
                    cursor.execute(f'DROP DATABASE "{stale}" WITH (FORCE)')
                _build_postgres_template(cursor, connection.settings_dict, template)
            cursor.execute(f'DROP DATABASE IF EXISTS "{test_name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{test_name}" TEMPLATE "{template}"')
            _no_waiting_for_the_disk(cursor, test_name)
        finally:
            cursor.execute("SELECT pg_advisory_unlock(hashtext('wmo-portaal test templates'))")


def _no_waiting_for_the_disk(cursor, name: str) -> None:
    """A commit in this throw-away database returns before its WAL reaches the disk (sessions that connect
    from now on). Set per database, never on the server, which the benchmarks share."""
    cursor.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')


def _build_postgres_template(cursor, settings_dict: dict, template: str) -> None:
    building = f"{template}_building"
    cursor.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
    cursor.execute(f'CREATE DATABASE "{building}"')
    _no_waiting_for_the_disk(cursor, building)
    migrate(_postgres_url(settings_dict, building))
    cursor.execute(f'ALTER DATABASE "{building}" RENAME TO "{template}"')


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    django.setup()
    print(sqlite_template())
