"""Fault test of the delivery: every melding reaches the receiver exactly once, whatever goes wrong.

Stores N meldingen (default 200) while the stand-in receiver on 127.0.0.1 first refuses connections, then
answers 503, then accepts (deduplicating on Idempotency-Key, as a real receiver does). Meanwhile a real
`manage.py db_worker` is killed with SIGKILL in the middle of deliveries and started again. At the end it
prints the counts and exits 0 only when the receiver holds every reference exactly once and every job is
delivered.

    .venv/bin/python bench/delivery_fault.py [--meldingen 200] [--database-url URL]

Database: a fresh SQLite file in /tmp by default, or FAULT_DATABASE_URL / --database-url (e.g. your own
PostgreSQL database, which is dropped and created again).
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FAST_DELIVERY = {
    "DELIVERY_BACKOFF_SECONDS": "0.5",
    "DELIVERY_BACKOFF_MAX_SECONDS": "2",
    "DELIVERY_MAX_ATTEMPTS": "10000",  # the fault phases are long: never give up during the test
    "DELIVERY_TIMEOUT_SECONDS": "1",  # lease of a killed worker's job: 8 × 1 s + 5 s
    "DELIVERY_SWEEP_SECONDS": "2",
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meldingen", type=int, default=200)
    parser.add_argument("--refuse-seconds", type=float, default=4.0)
    parser.add_argument("--error-seconds", type=float, default=4.0)
    parser.add_argument("--timeout", type=float, default=300.0, help="give up after this many seconds")
    parser.add_argument("--database-url", default=os.environ.get("FAULT_DATABASE_URL", ""))
    parser.add_argument("--sqlite-template", help="a migrated SQLite file to start from instead of migrating")
    return parser.parse_args()


def prepare_environment(database_url: str) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "LOG_LEVEL": "ERROR",
        **FAST_DELIVERY,
    }
    os.environ.update(env)
    return env


def reset_database(database_url: str, sqlite_template: str | None) -> None:
    if database_url.startswith("sqlite"):
        path = Path(database_url.split("sqlite:///", 1)[1])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        if sqlite_template:
            shutil.copyfile(sqlite_template, path)
        return
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(database_url)
    with psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{config["NAME"]}"')
        connection.execute(f'CREATE DATABASE "{config["NAME"]}"')


def start_worker(env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--interval",
            "0.05",
            "--no-startup-delay",
            "--no-reload",
            "--verbosity",
            "0",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_until(condition, started: float, timeout: float) -> None:
    from django.db import close_old_connections

    while not condition() and time.monotonic() - started < timeout:
        time.sleep(0.2)
        close_old_connections()


def main() -> int:
    args = parse_args()
    database_url = args.database_url or f"sqlite:///{tempfile.gettempdir()}/wmo-delivery-fault.sqlite3"
    env = prepare_environment(database_url)
    reset_database(database_url, args.sqlite_template)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )

    import django

    django.setup()
    from django.db import close_old_connections

    from meldingen.delivery.models import DeliveryAttempt, DeliveryJob, DeliveryTarget
    from meldingen.storage import store_melding
    from tests.meldingen.backoffice.fixtures import answers
    from tests.meldingen.backoffice.standin import StandIn, refused_url

    url = refused_url()  # nothing listens here yet: connections are refused
    standin = StandIn(port=int(url.rsplit(":", 1)[1].split("/")[0]))
    DeliveryTarget.objects.create_approved(
        name="Stand-in",
        kind="webhook",
        options={"url": url, "include_answers": False},
        secrets={"hmac_key": "fault-test-secret-0123456789abcdef"},
    )

    started = time.monotonic()
    worker = start_worker(env)
    kills = 0
    try:
        print(f"phase 1: receiver refuses connections; storing {args.meldingen} meldingen", flush=True)
        stored = [
            store_melding(answers(name=f"Proef Persoon {index}"), submission_token=f"fault-{index}")
            for index in range(args.meldingen)
        ]
        references = [melding.reference for melding, _stored_now in stored]
        time.sleep(args.refuse_seconds)
        wait_until(
            lambda: DeliveryAttempt.objects.filter(result="geen verbinding").exists(), started, args.timeout
        )
        print("phase 2: receiver answers 503", flush=True)
        standin.mode = "503"
        standin.start()
        time.sleep(args.error_seconds)
        wait_until(
            lambda: any(request.status == 503 for request in list(standin.requests)), started, args.timeout
        )
        print("phase 3: receiver accepts; the worker is killed with SIGKILL mid-delivery", flush=True)
        standin.answer_delay = 0.03  # the receiver has stored the melding, the worker waits for the answer
        standin.mode = "ok"
        while standin.webhook_count() < args.meldingen // 3 and time.monotonic() - started < args.timeout:
            time.sleep(0.01)
        in_flight = standin.webhook_posts()
        while standin.webhook_posts() == in_flight and time.monotonic() - started < args.timeout:
            time.sleep(0.002)  # wait until a request has just arrived: the worker is inside a delivery
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        kills += 1
        print(
            f"  killed worker after {standin.webhook_count()} meldingen had arrived; restarting", flush=True
        )
        worker = start_worker(env)
        pending = args.meldingen
        while time.monotonic() - started < args.timeout:
            close_old_connections()
            pending = DeliveryJob.objects.exclude(state=DeliveryJob.State.DELIVERED).count()
            if pending == 0:
                break
            time.sleep(0.5)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        standin.stop()

    elapsed = time.monotonic() - started
    received = {reference: 0 for reference in references}
    for key in standin.webhook:
        received[key] = received.get(key, 0) + 1
    posts = standin.webhook_posts()
    statuses = [request.status for request in standin.requests if request.path.startswith("/webhook")]
    exactly_once = sum(1 for count in received.values() if count == 1)
    missing = sum(1 for count in received.values() if count == 0)
    delivered = DeliveryJob.objects.filter(state=DeliveryJob.State.DELIVERED).count()
    print(f"meldingen stored:                  {len(references)}")
    print(f"worker kills (SIGKILL):            {kills}")
    refused = DeliveryAttempt.objects.filter(result="geen verbinding").count()
    print(f"attempts refused (attempt log):    {refused}")
    print(f"webhook requests that got through: {posts}")
    print(f"  answered 503:                    {statuses.count(503)}")
    print(f"  accepted (201):                  {statuses.count(201)}")
    print(f"  resends recognised by the key:   {statuses.count(200)}")
    print(f"references received exactly once:  {exactly_once}")
    print(f"references missing:                {missing}")
    print(f"jobs marked delivered:             {delivered}")
    print(f"time:                              {elapsed:.1f} s")
    ok = exactly_once == len(references) and missing == 0 and delivered == len(references)
    print("RESULT: " + ("every melding reached the receiver exactly once" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
