"""An index on the task queue's waiting runs by task: core/recurring.py asks, for every melding stored, whether
the recurring tasks still have a run waiting. Without it the database reads every waiting task to answer, and
the queue is longest exactly when the worker is behind. The queue's table belongs to django_tasks_db, so the
index is made here in SQL that PostgreSQL and SQLite both understand. It holds every column the question asks
about, so SQLite's planner, which does not see that few waiting tasks are recurring ones, still chooses it."""

from django.db import migrations

INDEX = "core_waiting_tasks_idx"


class Migration(migrations.Migration):
    dependencies = [("django_tasks_database", "0021_conditional_partial_index_ordering")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON django_tasks_database_dbtaskresult (task_path, backend_name, status) "
            "WHERE status = 'READY'",
            reverse_sql=f"DROP INDEX {INDEX}",
        )
    ]
