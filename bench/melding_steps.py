"""The melding under load: p50/p95 per step (GET and POST) and for a whole short melding, at 20 concurrent
users (BENCH_USERS; BENCH_THINK_SECONDS for pauses between clicks, see harness.py) against gunicorn and
PostgreSQL. Every simulated user keeps its own cookies and reads the CSRF token from the form, as a
browser does. The rate limit on submitting is raised for the run. The database holds the demo kaart and
its wijkteams, so every melding is routed to a team. Then each request's CPU time in this process, without
load.

The load comes from wrk (bench/melding.lua): one wrk thread per user, each walking whole meldingen and
timing each request itself, so the figures are per step and the client costs the 2 cores little. wrk's
own CPU use is printed beside the figures.

    BENCH_PORT=8776 BENCH_DATABASE_URL=postgres://wmo:wmo-test@127.0.0.1:5432/wmo_bench_melding \
        .venv/bin/python bench/melding_steps.py
"""

import os
import re
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]

import harness  # noqa: E402

DURATION = float(os.environ.get("BENCH_DURATION", "10"))
WARMUP = 3.0
# After the measured window: time for the meldingen started in it to finish (those that do not are errors).
TAIL = 5.0
MELDING_SCRIPT = Path(__file__).resolve().parent / "melding.lua"
CSRF_RE = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
SEEN_RE = re.compile(rb'name="gezien" value="([^"]+)"')  # the check page's digest of what it showed
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


class Request(NamedTuple):
    name: str
    method: str
    path: str
    status: int  # the answer expected
    location: str = ""  # where a redirect must go
    fields: dict | None = None  # a POST's fields, without the CSRF token


def melding_plan() -> list[Request]:
    """The requests of one short melding, as a browser makes them."""
    plan = [
        Request("GET  /melding/ (start)", "GET", "/melding/", 200),
        Request("GET  voor-wie?reset=1 (redirect)", "GET", "/melding/voor-wie/?reset=1", 302),
    ]
    following = [step for step, _data in SHORT_MELDING[1:]] + ["bevestiging"]
    for (step, data), next_step in zip(SHORT_MELDING, following, strict=True):
        fields = {f"{step}-{key}": value for key, value in data.items()}
        fields["melding_wizard-current_step"] = step
        plan.append(Request(f"GET  {step}", "GET", f"/melding/{step}/", 200))
        next_path = f"/melding/{next_step}/"
        plan.append(Request(f"POST {step}", "POST", f"/melding/{step}/", 302, next_path, fields))
    plan.append(Request("GET  bevestiging", "GET", "/melding/bevestiging/", 200))
    return plan


PLAN = melding_plan()
WHOLE = f"whole short melding ({len(PLAN)} requests)"


def one_melding(client, results: dict[str, harness.Result]) -> None:
    """A whole short melding in this process, each request's CPU time recorded under its name."""
    waited, ok, content = 0.0, True, b""
    for request in PLAN:
        body, headers = None, {}
        if request.fields is not None:
            token, seen = CSRF_RE.search(content), SEEN_RE.search(content)
            fields = {**request.fields, "csrfmiddlewaretoken": token.group(1).decode() if token else ""}
            if seen:
                fields["gezien"] = seen.group(1).decode()
            body = urllib.parse.urlencode(fields)
            headers = {"Content-Type": "application/x-www-form-urlencoded"}
        started = time.process_time()
        status, content, response = client.request(request.method, request.path, body=body, headers=headers)
        elapsed = time.process_time() - started
        location = response.getheader("Location") or ""
        answered = status == request.status and location.endswith(request.location)
        record(results, request.name, elapsed, answered)
        waited, ok = waited + elapsed, ok and answered
    record(results, WHOLE, waited, ok and b"M-" in content)  # the confirmation shows the meldingsnummer


def record(results: dict[str, harness.Result], name: str, seconds: float, ok: bool) -> None:
    result = results.setdefault(name, harness.Result(name))
    result.latencies.append(seconds)
    result.errors += not ok


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
        one_melding(InProcessClient(), {})  # caches, connections
    results: dict[str, harness.Result] = {}
    for _ in range(rounds):
        one_melding(InProcessClient(), results)
    print(f"CPU time per request in one process (median of {rounds}):")
    for name, result in results.items():
        target = f"   | target <= {CONTROLEREN_CPU_MS:g} ms: " if name == "POST controleren" else ""
        if target:
            target += "met" if result.percentile(50) <= CONTROLEREN_CPU_MS else "MISSED"
        print(f"{name:<44} {result.percentile(50):6.2f} ms{target}   errors={result.errors}", flush=True)


def write_plan(path: str) -> None:
    """The plan for bench/melding.lua: a request a line, its fields tab-separated."""
    with open(path, "w") as plan:
        for request in PLAN:
            fields = urllib.parse.urlencode(request.fields) if request.fields is not None else ""
            plan.write(f"{request.name}\t{request.method}\t{request.path}\t{request.status}\t")
            plan.write(f"{request.location}\t{fields}\n")


def under_load(server) -> None:
    """20 users (one wrk thread each) making short meldingen without a pause; the requests and meldingen
    that started in the measured window count."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as plan:
        write_plan(plan.name)
    try:
        # Every worker thread makes meldingen first (its first one loads what the rest reuse), not measured.
        harness.wrk(MELDING_SCRIPT, harness.USERS, WARMUP, [plan.name, "0", "0", "0"])
        cpu_before = server.cpu_seconds()
        args = [plan.name, str(round(WARMUP * 1000)), str(round(DURATION * 1000))]
        args.append(str(round(harness.THINK_SECONDS * 1000)))
        output, client_cpu_share = harness.wrk(MELDING_SCRIPT, harness.USERS, WARMUP + DURATION + TAIL, args)
    finally:
        os.unlink(plan.name)
    figures = harness.wrk_figures(output)
    server_cpu_ms = (server.cpu_seconds() - cpu_before) * 1000 / max(figures["requests"], 1)
    results = {name: harness.Result(name, duration=DURATION, target=STEP_TARGET) for name, *_ in PLAN}
    results[WHOLE] = harness.Result(WHOLE, duration=DURATION, target=WHOLE_TARGET)
    for line in output.splitlines():
        if line.startswith("STEP\t"):
            _, name, microseconds, ok = line.split("\t")
            results[name].latencies.append(int(microseconds) / 1e6)
            results[name].errors += ok != "1"
    results[WHOLE].errors += figures["unfinished"] + figures["socket_errors"]
    print(f"melding, {harness.users_line()}, {DURATION:.0f} s after a {WARMUP:.0f} s warm-up:")
    for result in results.values():
        print(result.line())
    print(
        f"gunicorn CPU {server_cpu_ms:.2f} ms per request on average; "
        f"wrk used {client_cpu_share:.0%} of a core beside it",
        flush=True,
    )


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
        under_load(server)
    cpu_in_process()


if __name__ == "__main__":
    main()
