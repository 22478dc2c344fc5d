import pytest


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
