"""The foundation every page stands on: health, security headers, error pages, settings."""

import subprocess
import sys

import pytest
from django.core.management import call_command
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_health_reports_database_and_queue(client):
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] and body["queue"]["ok"]


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_health_fails_when_tasks_wait_without_a_worker(client):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.create(
        task_path="core.health.check_database",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=timezone.now(),
    )
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(hours=1))
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["queue"]["ok"] is False


def test_the_system_checks_with_the_database_find_nothing():
    """Also the checks `migrate` runs (with the database): a warning there would show on every command."""
    call_command("check", "--database", "default", "--fail-level", "WARNING", verbosity=0)


def test_security_headers(client):
    response = client.get("/health/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_404_page_is_dutch_and_helpful(client):
    response = client.get("/bestaat-echt-niet/")
    assert response.status_code == 404
    content = response.content.decode()
    assert '<html lang="nl">' in content
    assert "Deze pagina bestaat niet" in content
    assert 'href="/sociale-kaart/"' in content


def test_500_page_renders_without_a_request():
    from portal.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "Er ging iets mis bij ons" in response.content.decode()


def _run_production_check(env):
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _run_production_check({})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


PRODUCTION_ENV = {
    "SECRET_KEY": "k3-Vq9!pZr7wL0sYb2@Xn5tHc8uFj4mEa6dRg1oKi" * 2,
    "ALLOWED_HOSTS": "wmo.example.nl",
    "EMAIL_HOST": "smtp.example.nl",
}


@pytest.mark.slow  # a process of its own with its own settings and database: the engine makes no difference
def test_production_settings_pass_check_deploy():
    result = _run_production_check(PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_print_e_mail_to_the_console():
    """Draft links, password-reset links and residents' addresses would end up in the server log."""
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "EMAIL_HOST"}
    result = _run_production_check(env)
    assert result.returncode != 0 and "EMAIL_HOST" in result.stderr


@pytest.mark.slow  # a process of its own with its own settings and database: the engine makes no difference
def test_production_accepts_a_deliberate_e_mail_backend():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "EMAIL_HOST"}
    result = _run_production_check({**env, "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"})
    assert result.returncode == 0, result.stdout + result.stderr


def _production_setting(name, env):
    """The setting as production reads it: the settings module alone, in a process of its own."""
    script = f"from django.conf import settings; print(repr(settings.{name}))"
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", script],
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_demands_the_second_factor_unless_turned_off():
    assert _production_setting("BACKOFFICE_REQUIRE_2FA", PRODUCTION_ENV) == "True"
    assert (
        _production_setting("BACKOFFICE_REQUIRE_2FA", {**PRODUCTION_ENV, "BACKOFFICE_REQUIRE_2FA": "false"})
        == "False"
    )
