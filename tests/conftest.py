import os

import pytest

# The Elasticsearch node of the tests (`make elasticsearch` starts one; `make test` sets this variable).
# Unset, every Elasticsearch test is skipped with this reason; set, the node must answer.
ELASTICSEARCH_TEST_URL = os.environ.get("ELASTICSEARCH_TEST_URL", "").rstrip("/")
ES_SKIP_REASON = (
    "ELASTICSEARCH_TEST_URL is not set: no Elasticsearch node for the tests "
    "(`make elasticsearch` starts one; it needs Java 17+ and Maven)"
)
ES_INDEX_PREFIX = f"wmotest_{os.getpid()}"  # this test process's indices and synonyms set


def elasticsearch_node_version(url: str) -> str | None:
    """The version of the node at `url`, or None when none answers."""
    from elasticsearch import Elasticsearch

    client = Elasticsearch(url, request_timeout=5, max_retries=0)
    try:
        nodes = client.nodes.info(node_id="_local", filter_path="nodes.*.version")["nodes"]
        return next(iter(nodes.values()))["version"]
    except Exception:
        return None
    finally:
        client.close()


def pytest_report_header(config):
    if not ELASTICSEARCH_TEST_URL:
        return f"elasticsearch: none, {ES_SKIP_REASON}"
    version = elasticsearch_node_version(ELASTICSEARCH_TEST_URL)
    if version is None:
        return f"elasticsearch: no node answers at {ELASTICSEARCH_TEST_URL}"
    return f"elasticsearch: real node {version} at {ELASTICSEARCH_TEST_URL}, index prefix {ES_INDEX_PREFIX}_"


def delete_test_indices(url: str, prefix: str = ES_INDEX_PREFIX) -> None:
    """Every index and synonyms set of this test process on the node (kaart and Wagtail pages alike)."""
    from elasticsearch import Elasticsearch

    client = Elasticsearch(url, request_timeout=30)
    try:
        client.options(ignore_status=404).indices.delete(
            index=f"{prefix}_*", expand_wildcards="all", allow_no_indices=True
        )
        client.options(ignore_status=404).synonyms.delete_synonym(id=f"{prefix}_synoniemen")
    finally:
        client.close()


@pytest.fixture
def elasticsearch(settings):
    """The real test node for this test: ELASTICSEARCH_URL points at it with this process's index prefix,
    and whatever the test made there is deleted afterwards. Skipped without ELASTICSEARCH_TEST_URL."""
    if not ELASTICSEARCH_TEST_URL:
        pytest.skip(ES_SKIP_REASON)
    if elasticsearch_node_version(ELASTICSEARCH_TEST_URL) is None:
        pytest.fail(f"ELASTICSEARCH_TEST_URL is set but no Elasticsearch answers at {ELASTICSEARCH_TEST_URL}")
    from socialekaart.search import _instances

    settings.ELASTICSEARCH_URL = ELASTICSEARCH_TEST_URL
    settings.ELASTICSEARCH_INDEX_PREFIX = ES_INDEX_PREFIX
    _instances.pop("elasticsearch", None)  # a backend made with other settings
    yield ELASTICSEARCH_TEST_URL
    _instances.pop("elasticsearch", None)
    delete_test_indices(ELASTICSEARCH_TEST_URL)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits, cached fragments and pages live in the caches; every test starts with empty ones."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


def _flush_past_the_audit_triggers():
    """The audit log refuses DELETE in the database itself (meldingen/backoffice/audit_lock.py). SQLite's
    flush empties tables with DELETE, so between transactional tests the triggers step aside for the
    flush and come back at once. PostgreSQL flushes with TRUNCATE, which row triggers do not see."""
    from django.db.backends.sqlite3.base import DatabaseOperations

    from meldingen.backoffice import audit_lock

    original = DatabaseOperations.sql_flush
    if getattr(original, "steps_past_audit_triggers", False):
        return

    def sql_flush(self, style, tables, *args, **kwargs):
        statements = original(self, style, tables, *args, **kwargs)
        if audit_lock.TABLE not in tables:
            return statements
        return [*audit_lock.SQLITE_DROP, *statements, *audit_lock.SQLITE_CREATE]

    sql_flush.steps_past_audit_triggers = True
    DatabaseOperations.sql_flush = sql_flush


@pytest.fixture(scope="session", autouse=True)
def _audit_triggers_step_aside_for_flush():
    _flush_past_the_audit_triggers()


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """pytest-django's test databases, filled from a migrated template instead of migrating each
    (tests/testdb.py); the migrate that follows finds nothing to do."""
    from django.db import connections
    from django.test.utils import setup_databases

    from . import testdb

    with django_db_blocker.unblock():
        connection = connections["default"]
        if connection.vendor == "sqlite":
            testdb.fill_sqlite_memory_database(connection)
        else:
            testdb.create_postgres_database(connection)
        setup_databases(verbosity=0, interactive=False, keepdb=True, serialized_aliases=())
    yield
    if connection.vendor != "sqlite":
        with django_db_blocker.unblock():
            connection.close()
            connection.creation._destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


@pytest.fixture(scope="module")
def demo_site(request, django_db_setup, django_db_blocker):
    """The demo's kaart and pages, loaded once for a module: in a transaction around the module that is
    rolled back at its end, while each test runs in a savepoint inside it (the `db` fixture), so no test sees
    another's changes. Loading them costs some 2 s on SQLite and 5 s on PostgreSQL. Every test of the module
    asks for it (`pytest.mark.usefixtures("demo_site")`), none is transactional (tests/module_data.py): one
    without it would see the demo all the same."""
    import io

    from django.core.management import call_command

    from .module_data import in_a_savepoint, made_once, module_tests

    shared = all("demo_site" in item.fixturenames and in_a_savepoint(item) for item in module_tests(request))
    assert shared, "every test of the module asks for demo_site, in a savepoint (not a transactional test)"
    with made_once(django_db_blocker):
        call_command("load_demo_kaart", stdout=io.StringIO(), stderr=io.StringIO())
        call_command("load_demo_pages", stdout=io.StringIO(), stderr=io.StringIO())
        yield
