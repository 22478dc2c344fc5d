"""Data made once for a module and shared by its tests, each in a savepoint of its own inside a transaction
around the module (the sociale kaart's `kaart`, the demo site's `demo_site`): which tests may share it, and
the transaction it is made in."""

from contextlib import contextmanager

from django.db import transaction

# Fixtures whose tests pytest-django runs outside a savepoint (it empties the tables after them instead).
TRANSACTIONAL = {
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}


def module_tests(request) -> list:
    """The collected tests of the module of a module-scoped fixture's `request`."""
    return [item for item in request.session.items if getattr(item, "module", None) is request.module]


def uses_the_database(item) -> bool:
    return item.get_closest_marker("django_db") is not None or "django_db_setup" in item.fixturenames


def in_a_savepoint(item) -> bool:
    """Whether the test runs in a savepoint (the `db` fixture), not as a transactional test."""
    marker = item.get_closest_marker("django_db")
    return not (marker and marker.kwargs.get("transaction")) and not TRANSACTIONAL & set(item.fixturenames)


@contextmanager
def made_once(django_db_blocker):
    """What a module-scoped fixture makes inside stands for the whole module, in a transaction rolled back at
    its end; each test of the module runs in a savepoint inside it (the `db` fixture)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
