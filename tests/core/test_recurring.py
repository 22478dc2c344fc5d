"""Recurring tasks (core/recurring.py): one run always waits, and finding the waiting runs does not read the
whole queue, however long a stopped worker has let it grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.recurring import Recurring, keep_all_scheduled

INDEX = "core_waiting_tasks_idx"


@pytest.fixture
def long_queue(settings, db):
    """The database queue with 3,000 deliveries waiting, and one sweep."""
    from django_tasks_db.models import DBTaskResult

    from meldingen.delivery.tasks import deliver_job, sweep_deliveries

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    DBTaskResult.objects.bulk_create(
        DBTaskResult(
            task_path=path,
            args_kwargs={"args": [], "kwargs": {}},
            backend_name="default",
            queue_name="default",
            run_after=timezone.now(),
        )
        for path in [deliver_job.module_path] * 3000 + [sweep_deliveries.module_path]
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE django_tasks_database_dbtaskresult")
    return DBTaskResult


def _plan(sql: str) -> str:
    explain = "EXPLAIN QUERY PLAN" if connection.vendor == "sqlite" else "EXPLAIN"
    with connection.cursor() as cursor:
        cursor.execute(f"{explain} {sql}")
        return " ".join(str(column) for row in cursor.fetchall() for column in row)


def test_the_waiting_runs_are_found_through_the_index(long_queue):
    from meldingen.backoffice.tasks import forget_removed_personal_data_task
    from meldingen.delivery.tasks import sweep_deliveries

    recurring = [Recurring(sweep_deliveries, 60), Recurring(forget_removed_personal_data_task, 3600)]
    with CaptureQueriesContext(connection) as queries:
        keep_all_scheduled(recurring)
    lookup = next(query["sql"] for query in queries if query["sql"].startswith("SELECT"))
    assert INDEX in _plan(lookup)
    waiting = long_queue.objects.filter(status="READY")
    assert waiting.filter(task_path=sweep_deliveries.module_path).count() == 1  # the one already waiting
    assert waiting.filter(task_path=forget_removed_personal_data_task.module_path).count() == 1  # queued now
