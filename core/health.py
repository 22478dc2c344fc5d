"""`/health/`: does the database answer, and is the task queue being worked off?"""

from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

# A task that waited longer than this means no worker is running.
QUEUE_MAX_WAIT = timedelta(seconds=int(getattr(settings, "HEALTH_QUEUE_MAX_WAIT_SECONDS", 300)))


def check_database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return {"ok": False, "detail": error.__class__.__name__}
    return {"ok": True}


def check_queue() -> dict:
    backend = settings.TASKS["default"]["BACKEND"]
    result = {"ok": True, "backend": backend}
    if not backend.startswith("django_tasks_db."):
        return result  # other backends (immediate in tests, RQ/Celery at scale) have their own monitoring
    from django_tasks_db.models import DBTaskResult

    try:
        ready = DBTaskResult.objects.ready()
        oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        result["waiting"] = ready.count()
    except DatabaseError as error:
        return {**result, "ok": False, "detail": error.__class__.__name__}
    if oldest and timezone.now() - oldest > QUEUE_MAX_WAIT:
        result.update(ok=False, detail="tasks are waiting: is the worker running?")
    return result


@never_cache
def health(request):
    checks = {"database": check_database()}
    checks["queue"] = check_queue() if checks["database"]["ok"] else {"ok": False, "detail": "no database"}
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)
