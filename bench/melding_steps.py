"""The melding under load: p50/p95 per step (GET and POST) and for a whole short melding, at 20 concurrent
users (BENCH_USERS; BENCH_THINK_SECONDS for pauses between clicks, see harness.py) against gunicorn and
PostgreSQL. Every simulated user keeps its own cookies and reads the CSRF token from the form, as a
browser does. The rate limit on submitting is raised for the run.

    BENCH_PORT=8776 BENCH_DATABASE_URL=postgres://wmo:wmo-test@127.0.0.1:5432/wmo_bench_melding \
        .venv/bin/python bench/melding_steps.py
"""

import os
import re
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]

import harness  # noqa: E402

DURATION = float(os.environ.get("BENCH_DURATION", "10"))
WARMUP = 3.0
CSRF_RE = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
SHORT_MELDING = [
    ("voor-wie", {"voor_wie": "zelf"}),
    ("keuze", {"soort": "kort"}),
    (
        "gegevens",
        {"naam": "Bench Gebruiker", "postcode": "3911 AB", "huisnummer": "12", "telefoon": "0612345678"},
    ),
    ("spoed", {"spoed": "nee"}),
    ("controleren", {"toestemming": "on"}),
]


class Timings:
    """Latencies per request name, only those that started after the warm-up."""

    def __init__(self, measure_from: float):
        self.measure_from = measure_from
        self.results: dict[str, harness.Result] = {}
        self.lock = threading.Lock()

    def add(self, name: str, started: float, seconds: float, ok: bool):
        if started < self.measure_from:
            return
        with self.lock:
            result = self.results.setdefault(name, harness.Result(name))
            result.latencies.append(seconds)
            result.errors += not ok


def timed(timings, client, name, method, path, expected, body=None):
    """One request, recorded under `name`; then the user's pause. Returns status, body and seconds."""
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body is not None else {}
    started = time.monotonic()
    status, content, _response = client.request(method, path, body=body, headers=headers)
    elapsed = time.monotonic() - started
    timings.add(name, started, elapsed, status == expected)
    harness.think()
    return status, content, elapsed


def one_melding(client, timings) -> None:
    """A whole short melding; its figure is the time the user waited for answers, pauses left out."""
    started = time.monotonic()
    waited, requests, ok = 0.0, 0, True

    def request(name, method, path, expected, body=None):
        nonlocal waited, requests, ok
        status, content, elapsed = timed(timings, client, name, method, path, expected, body)
        waited += elapsed
        requests += 1
        ok = ok and status == expected
        return content

    request("GET  /melding/ (start)", "GET", "/melding/", 200)
    request("GET  voor-wie?reset=1 (redirect)", "GET", "/melding/voor-wie/?reset=1", 302)
    for step, data in SHORT_MELDING:
        content = request(f"GET  {step}", "GET", f"/melding/{step}/", 200)
        token = CSRF_RE.search(content)
        fields = {f"{step}-{key}": value for key, value in data.items()}
        fields.update(
            {
                "melding_wizard-current_step": step,
                "csrfmiddlewaretoken": token.group(1).decode() if token else "",
            }
        )
        request(f"POST {step}", "POST", f"/melding/{step}/", 302, urllib.parse.urlencode(fields))
    content = request("GET  bevestiging", "GET", "/melding/bevestiging/", 200)
    ok = ok and b"M-" in content  # the confirmation shows the meldingsnummer
    timings.add(f"whole short melding ({requests} requests)", started, waited, ok)


def main():
    os.environ.setdefault("MELDINGEN_ENCRYPTION_KEYS", "ZGV2ZWxvcG1lbnQtb25seS1tZWxkaW5nZW4ta2V5LTA=")
    os.environ["MELDINGEN_RATE_LIMIT"] = "1000000"  # the benchmark submits far more than a person would
    os.environ["MELDINGEN_STEP_RATE_LIMIT"] = "100000000"
    harness.ensure_database()
    harness.manage("migrate", "--noinput", "-v", "0")
    with harness.gunicorn():
        # Warm every worker before measuring.
        warm = Timings(float("inf"))
        for _ in range(3):
            threads = [threading.Thread(target=one_melding, args=(harness.Client(), warm)) for _ in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=120)
        start = time.monotonic()
        timings = Timings(start + WARMUP)
        stop_at = start + WARMUP + DURATION

        def user():
            client = harness.Client()
            while time.monotonic() < stop_at:
                try:
                    one_melding(client, timings)
                except (OSError, harness.http.client.HTTPException):
                    client = harness.Client()

        threads = [threading.Thread(target=user, daemon=True) for _ in range(harness.USERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=DURATION + WARMUP + 120)
    print(f"melding, {harness.users_line()}, {DURATION:.0f} s after a {WARMUP:.0f} s warm-up:")
    for result in timings.results.values():
        result.duration = DURATION
        print(result.line())


if __name__ == "__main__":
    main()
