"""The melding under load: p50/p95 per step (GET and POST) and for a whole short melding, at 20 concurrent
users (BENCH_USERS; BENCH_THINK_SECONDS for pauses between clicks, see harness.py) against gunicorn and
PostgreSQL. Every simulated user keeps its own cookies and reads the CSRF token from the form, as a
browser does. The rate limit on submitting is raised for the run. The database holds the demo kaart and
its wijkteams, so every melding is routed to a team. Then each request's CPU time in this process, without
load.

The driver is Python, not wrk: a melding is a conversation (cookies, a CSRF token read from each form,
a redirect to check after each answer) and the figures are per step, which wrk's one latency histogram
per run cannot give. Its own CPU use is printed beside the figures.

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
# Issue 16's targets (20 users, no pause, 2 cores).
STEP_TARGET = harness.Target(p95_ms=60)
WHOLE_TARGET = harness.Target(p95_ms=500)
CONTROLEREN_CPU_MS = 4.0
SHORT_MELDING = [
    ("voor-wie", {"voor_wie": "zelf"}),
    ("keuze", {"soort": "kort"}),
    ("waarover", {}),  # optional: nothing chosen
    (
        "gegevens",
        {"naam": "Bench Gebruiker", "postcode": "3911 AB", "huisnummer": "12", "telefoon": "0612345678"},
    ),
    ("spoed", {"spoed": "nee"}),
    ("controleren", {"toestemming": "on"}),
]


class Timings:
    """Latencies per request name, only those that started after the warm-up. `clock` measures them: wall
    time for the load run, the process's CPU time for the run in this process."""

    def __init__(self, measure_from: float, clock=time.monotonic):
        self.measure_from = measure_from
        self.clock = clock
        self.results: dict[str, harness.Result] = {}
        self.lock = threading.Lock()

    def add(self, name: str, started: float, seconds: float, ok: bool):
        if started < self.measure_from:
            return
        with self.lock:
            result = self.results.setdefault(name, harness.Result(name))
            result.latencies.append(seconds)
            result.errors += not ok


def timed(timings, client, name, method, path, expected, body=None, location=None):
    """One request, recorded under `name`; then the user's pause. Returns whether it answered `expected`
    (and redirected to `location`, when given), the body and the seconds."""
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body is not None else {}
    started = timings.clock()
    status, content, response = client.request(method, path, body=body, headers=headers)
    elapsed = timings.clock() - started
    ok = status == expected and (
        location is None or (response.getheader("Location") or "").endswith(location)
    )
    timings.add(name, started, elapsed, ok)
    harness.think()
    return ok, content, elapsed


def one_melding(client, timings) -> None:
    """A whole short melding; its figure is the time the user waited for answers, pauses left out."""
    started = timings.clock()
    waited, requests, ok = 0.0, 0, True

    def request(name, method, path, expected, body=None, location=None):
        nonlocal waited, requests, ok
        answered, content, elapsed = timed(timings, client, name, method, path, expected, body, location)
        waited += elapsed
        requests += 1
        ok = ok and answered
        return content

    request("GET  /melding/ (start)", "GET", "/melding/", 200)
    request("GET  voor-wie?reset=1 (redirect)", "GET", "/melding/voor-wie/?reset=1", 302)
    following = [step for step, _data in SHORT_MELDING[1:]] + ["bevestiging"]
    for (step, data), next_step in zip(SHORT_MELDING, following, strict=True):
        content = request(f"GET  {step}", "GET", f"/melding/{step}/", 200)
        token = CSRF_RE.search(content)
        fields = {f"{step}-{key}": value for key, value in data.items()}
        fields.update(
            {
                "melding_wizard-current_step": step,
                "csrfmiddlewaretoken": token.group(1).decode() if token else "",
            }
        )
        body = urllib.parse.urlencode(fields)
        request(f"POST {step}", "POST", f"/melding/{step}/", 302, body, location=f"/melding/{next_step}/")
    content = request("GET  bevestiging", "GET", "/melding/bevestiging/", 200)
    ok = ok and b"M-" in content  # the confirmation shows the meldingsnummer
    timings.add(f"whole short melding ({requests} requests)", started, waited, ok)


class InProcessClient:
    """Django's test client behind the harness client's `request`, to run the melding in this process.
    One test client for all (a new one loads the middleware again, which gunicorn's workers do once);
    each melding starts without cookies, as a new visitor."""

    shared = None

    def __init__(self):
        from django.test import Client

        if InProcessClient.shared is None:
            InProcessClient.shared = Client(HTTP_HOST=harness.HOST, enforce_csrf_checks=True)
        self.client = InProcessClient.shared
        self.client.cookies.clear()

    def request(self, method: str, path: str, body: str | None = None, headers: dict | None = None):
        if method == "POST":
            response = self.client.post(path, body, content_type="application/x-www-form-urlencoded")
        else:
            response = self.client.get(path)
        response.getheader = response.headers.get
        return response.status_code, response.content, response


def cpu_in_process(rounds: int = 30) -> None:
    """Each request's CPU time (median) in this process with the production settings: what a step costs
    the server, without the other users and the load generator on the same cores. The site is loaded as a
    gunicorn worker loads it (config/wsgi.py)."""
    os.environ.update(harness.server_env())
    import config.wsgi  # noqa: F401

    for _ in range(3):
        one_melding(InProcessClient(), Timings(float("inf"), time.process_time))  # caches, connections
    timings = Timings(0.0, time.process_time)
    for _ in range(rounds):
        one_melding(InProcessClient(), timings)
    print(f"CPU time per request in one process (median of {rounds}):")
    for name, result in timings.results.items():
        target = f"   | target <= {CONTROLEREN_CPU_MS:g} ms: " if name == "POST controleren" else ""
        if target:
            target += "met" if result.percentile(50) <= CONTROLEREN_CPU_MS else "MISSED"
        print(f"{name:<44} {result.percentile(50):6.2f} ms{target}   errors={result.errors}", flush=True)


def ensure_kaart_and_teams() -> None:
    """The demo kaart and wijkteams, as a municipality has them: each melding then finds the wijk of its
    postcode and goes to that wijk's team, as on the real site."""
    has_teams = "from meldingen.backoffice.models import Wijkteam; print(Wijkteam.objects.exists())"
    if harness.shell(has_teams) != "True":
        harness.manage("load_demo_kaart")
        harness.manage("load_demo_meldingen")


def main():
    os.environ.setdefault("MELDINGEN_ENCRYPTION_KEYS", "ZGV2ZWxvcG1lbnQtb25seS1tZWxkaW5nZW4ta2V5LTA=")
    os.environ["MELDINGEN_RATE_LIMIT"] = "1000000"  # the benchmark submits far more than a person would
    os.environ["MELDINGEN_STEP_RATE_LIMIT"] = "100000000"
    harness.ensure_database()
    harness.manage("migrate", "--noinput", "-v", "0")
    ensure_kaart_and_teams()
    with harness.gunicorn() as server:
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
        time.sleep(WARMUP)
        cpu_from, driver_from = server.cpu_seconds(), time.process_time()
        for thread in threads:
            thread.join(timeout=DURATION + WARMUP + 120)
        server_cpu, driver_cpu = server.cpu_seconds() - cpu_from, time.process_time() - driver_from
    print(f"melding, {harness.users_line()}, {DURATION:.0f} s after a {WARMUP:.0f} s warm-up:")
    for name, result in timings.results.items():
        result.duration = DURATION
        result.target = WHOLE_TARGET if name.startswith("whole") else STEP_TARGET
        print(result.line())
    steps = sum(result.count for name, result in timings.results.items() if not name.startswith("whole"))
    print(
        f"gunicorn CPU {server_cpu * 1000 / max(steps, 1):.2f} ms per request on average; "
        f"this Python driver used {driver_cpu / DURATION:.0%} of a core beside it",
        flush=True,
    )
    cpu_in_process()


if __name__ == "__main__":
    main()
