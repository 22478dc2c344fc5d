"""Tests: like development, with fast hashing, tasks run at once and plain static storage."""

import hashlib
import os

from .dev import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# The test database gets a name of its own per checkout (and per run when TEST_DATABASE_NAME is set), so two
# checkouts, or two runs, can test against one PostgreSQL server at once. pytest-xdist adds _gw0, _gw1, ...
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":  # noqa: F405  (SQLite tests run in memory)
    _checkout = hashlib.sha1(str(BASE_DIR).encode()).hexdigest()[:8]  # noqa: F405, S324
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get("TEST_DATABASE_NAME") or f"test_{DATABASES['default']['NAME']}_{_checkout}"  # noqa: F405
    }
