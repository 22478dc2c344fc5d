"""Shared benchmark harness.

Starts gunicorn with the production settings on a PostgreSQL database, drives it with BENCH_USERS (20)
concurrent keep-alive clients for a fixed time, and prints p50/p95 latency and requests per second. Every
loop is bounded in time and only talks to 127.0.0.1.

By default the users click again the moment an answer arrives: the server is saturated and the figures
show its capacity. BENCH_THINK_SECONDS gives each user a pause between clicks (on average that many
seconds), as a person reading the page takes; pauses are not counted in the latencies.
"""

import contextlib
import http.client
import os
import resource
import runpy
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://wmo:wmo-test@127.0.0.1:5432/wmo_bench")
HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
# gunicorn's shape: what config/gunicorn.py gives a server, unless BENCH_WORKERS or BENCH_THREADS say so.
_SERVER_SETTINGS = runpy.run_path(str(ROOT / "config" / "gunicorn.py"))
WORKERS = int(os.environ.get("BENCH_WORKERS") or _SERVER_SETTINGS["workers"])
THREADS = int(os.environ.get("BENCH_THREADS") or _SERVER_SETTINGS["threads"])
USERS = int(os.environ.get("BENCH_USERS", "20"))
THINK_SECONDS = float(os.environ.get("BENCH_THINK_SECONDS", "0"))
ELASTICSEARCH_URL = os.environ.get("BENCH_ELASTICSEARCH_URL", "http://127.0.0.1:9200")
_SECRET = secrets.token_urlsafe(50)


@dataclass(frozen=True)
class Search:
    """Which search engine the server uses: "database" (PostgreSQL) or "elasticsearch" (ELASTICSEARCH_URL
    with its own index prefix, e.g. one per benchmark size)."""

    backend: str = "database"
    index_prefix: str = "wmobench"

    def env(self) -> dict:
        if self.backend == "elasticsearch":
            return {
                "SOCIALEKAART_SEARCH_BACKEND": "elasticsearch",
                "ELASTICSEARCH_URL": ELASTICSEARCH_URL,
                "ELASTICSEARCH_INDEX_PREFIX": self.index_prefix,
            }
        return {"SOCIALEKAART_SEARCH_BACKEND": "database", "ELASTICSEARCH_URL": ""}


DATABASE_SEARCH = Search()


def elasticsearch_version(url: str = ELASTICSEARCH_URL) -> str | None:
    """The version of the Elasticsearch node at `url` (`make elasticsearch` starts one), or None."""
    import json
    import urllib.request

    try:
        with urllib.request.urlopen(f"{url}/_nodes/_local?filter_path=nodes.*.version", timeout=3) as answer:  # noqa: S310
            nodes = json.load(answer)["nodes"]
        return next(iter(nodes.values()))["version"]
    except (OSError, ValueError, KeyError, StopIteration):
        return None


def server_env(database_url: str = DATABASE_URL, search: Search = DATABASE_SEARCH) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": _SECRET,
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "WARNING",
        # Production refuses to print e-mail to the console; the benchmark sends none anywhere.
        "EMAIL_BACKEND": os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend"),
        **search.env(),
    }


def manage(*args: str, database_url: str = DATABASE_URL, search: Search = DATABASE_SEARCH) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=server_env(database_url, search), check=True
    )


def timed_rebuild(database_url: str, search: Search) -> tuple[int, float]:
    """Rebuild the kaart's search index on `search`; returns (voorzieningen, seconds)."""
    started = time.perf_counter()
    output = subprocess.run(
        [sys.executable, "manage.py", "rebuild_search_index", "--no-progress"],
        cwd=ROOT,
        env=server_env(database_url, search),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    seconds = time.perf_counter() - started
    count = int(output.split("Klaar: ", 1)[1].split()[0])
    return count, seconds


def server_connection(database_url: str = DATABASE_URL):
    """A connection to the server's `postgres` database, for creating or dropping the benchmark database."""
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(database_url)
    return psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


def ensure_database(database_url: str = DATABASE_URL) -> None:
    """Create the benchmark database if it does not exist yet."""
    import dj_database_url

    config = dj_database_url.parse(database_url)
    with server_connection(database_url) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{config["NAME"]}"')


def shell(code: str, database_url: str = DATABASE_URL, search: Search = DATABASE_SEARCH) -> str:
    """Run Python code in `manage.py shell` against the database; return the last line it printed."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=server_env(database_url, search),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


def fill_kaart(database_url: str, count: int) -> None:
    """Migrate the database and give it the demo kaart plus generated voorzieningen, `count` in all."""
    ensure_database(database_url)
    manage("migrate", "--noinput", "-v", "0", database_url=database_url)
    if voorzieningen_in(database_url) != count:
        manage("load_demo_kaart", database_url=database_url)
        manage("generate_voorzieningen", "--count", str(count), database_url=database_url)


def voorzieningen_in(database_url: str) -> int:
    count = "from socialekaart.models import Voorziening; print(Voorziening.objects.count())"
    return int(shell(count, database_url))


def users_line() -> str:
    """How the load was made and what served it, for the heading of a run."""
    pause = f", {THINK_SECONDS:g} s pause between clicks" if THINK_SECONDS else ", no pause between clicks"
    return f"{USERS} users{pause}, gunicorn {WORKERS} workers x {THREADS} threads"


def warm_up(paths, rounds: int = 10) -> None:
    """Every gunicorn worker loads its code (and any snapshot it keeps) before anything is measured."""
    for _ in range(rounds):
        for path in paths:
            client = Client()
            client.connection.timeout = 300  # a cold worker on a busy machine can be slow to start
            status = client.request("GET", path)[0]
            if status != 200:
                raise SystemExit(f"{path} answered {status}")


class Server:
    """The gunicorn that `gunicorn()` started: its process, and the CPU time its workers have used."""

    def __init__(self, process: subprocess.Popen):
        self.process = process

    def cpu_seconds(self) -> float:
        """User plus system CPU time of gunicorn and its workers so far (from /proc; 0 where it has none)."""
        return sum(_cpu_seconds(pid) for pid in [self.process.pid, *_children(self.process.pid)])


def _children(parent: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == parent:
                found.append(int(stat.parent.name))
    return found


def _cpu_seconds(pid: int) -> float:
    """utime + stime of a process, fields 14 and 15 of /proc/<pid>/stat, in seconds."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def gunicorn(database_url: str = DATABASE_URL, search: Search = DATABASE_SEARCH):
    """Serve the site with gunicorn for the duration of the block; yields a Server, talk to HOST:PORT."""
    manage("collectstatic", "--noinput", "-v", "0", database_url=database_url)
    command = [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--config", "config/gunicorn.py"]
    command += ["--bind", f"{HOST}:{PORT}", "--workers", str(WORKERS), "--threads", str(THREADS)]
    command += ["--log-level", "warning"]
    process = subprocess.Popen(command, cwd=ROOT, env=server_env(database_url, search))
    try:
        _wait_for_port(HOST, PORT, timeout=30)
        yield Server(process)
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_for_port(host: str, port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=1):
            return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not start on {host}:{port}")


@dataclass(frozen=True)
class Target:
    """What the issue asks of a figure: p95 below, requests per second at least, CPU per request at most."""

    p95_ms: float | None = None
    rps: float | None = None
    cpu_ms: float | None = None

    def verdict(self, result: "Result") -> str:
        parts, met = [], result.count > 0 and not result.errors
        if self.p95_ms is not None:
            parts.append(f"p95 < {self.p95_ms:g} ms")
            met = met and result.percentile(95) < self.p95_ms
        if self.rps is not None:
            parts.append(f">= {self.rps:g}/s")
            met = met and result.rps >= self.rps
        if self.cpu_ms is not None:
            parts.append(f"CPU <= {self.cpu_ms:g} ms")
            met = met and result.cpu_ms is not None and result.cpu_ms <= self.cpu_ms
        return f"target {', '.join(parts)}: {'met' if met else 'MISSED'}"


@dataclass
class Result:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    duration: float = 0.0
    cpu_ms: float | None = None  # gunicorn's CPU time per request, when measured
    target: Target | None = None

    def percentile(self, pct: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))] * 1000

    @property
    def count(self) -> int:
        return len(self.latencies)

    @property
    def rps(self) -> float:
        return self.count / self.duration if self.duration else 0.0

    def line(self) -> str:
        cpu = f"   CPU {self.cpu_ms:5.2f} ms/req" if self.cpu_ms is not None else ""
        target = f"   | {self.target.verdict(self)}" if self.target else ""
        return (
            f"{self.name:<44} p50 {self.percentile(50):7.1f} ms   p95 {self.percentile(95):7.1f} ms   "
            f"{self.rps:7.1f} req/s   n={self.count} errors={self.errors}{cpu}{target}"
        )


@dataclass
class WrkResult(Result):
    """A run of wrk: its percentiles (wrk keeps the histogram, not the single latencies)."""

    percentiles: dict[float, float] = field(default_factory=dict)  # percentile -> ms
    requests: int = 0
    client_cpu_share: float = 0.0  # wrk's own CPU time over the run's length (1.0 = one whole core)

    def percentile(self, pct: float) -> float:
        return self.percentiles.get(pct, float("nan"))

    @property
    def count(self) -> int:
        return self.requests


WALK_SCRIPT = Path(__file__).resolve().parent / "walk.lua"
WRK_THREADS = 2


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def wrk(script: Path, threads: int, duration: float, args: list[str], headers: dict | None = None):
    """Run wrk with `script` (USERS keep-alive connections on `threads` threads, no pause unless the script
    makes one) against the server; `args` follow the URL. Returns wrk's output and its own CPU time over the
    run's length (1.0 = one whole core). wrk is written in C: it costs the 2 cores far less than Python
    clients."""
    if not wrk_available():
        raise SystemExit("wrk is missing: run `make bench-deps` (Debian: apt-get install wrk)")
    command = [
        "wrk", f"-t{threads}", f"-c{USERS}", f"-d{max(1, round(duration))}s", "--timeout", "30s",
        "-s", str(script),
    ]  # fmt: skip
    for key, value in (headers or {}).items():
        command += ["-H", f"{key}: {value}"]
    command += [f"http://{HOST}:{PORT}", "--", *args]
    client_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    elapsed = time.monotonic() - started
    client_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    client_cpu = (client_after.ru_utime + client_after.ru_stime) - (
        client_before.ru_utime + client_before.ru_stime
    )
    return output, client_cpu / elapsed


def wrk_figures(output: str) -> dict[str, int]:
    """The figures of the line that starts with "WRK " in wrk's output (key=value pairs)."""
    line = next(line for line in output.splitlines() if line.startswith("WRK "))
    return {key: int(value) for key, value in (pair.split("=") for pair in line.split()[1:])}


def run_wrk(
    name: str,
    paths: list[str],
    server: "Server | None" = None,
    duration: float = 10.0,
    target: Target | None = None,
    headers: dict | None = None,
    quiet: bool = False,
) -> WrkResult:
    """Drive the server with wrk (USERS connections on two threads) walking `paths`, each connection's next
    request the moment an answer arrives. With `server`, gunicorn's CPU time per request is measured too."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(paths) + "\n")
    threads = max(1, min(WRK_THREADS, USERS))
    cpu_before = server.cpu_seconds() if server else None
    try:
        args = [listing.name, str(threads), str(round(THINK_SECONDS * 1000))]
        output, client_cpu_share = wrk(WALK_SCRIPT, threads, duration, args, headers)
    finally:
        os.unlink(listing.name)
    figures = wrk_figures(output)
    result = WrkResult(
        name,
        errors=figures["status_errors"] + figures["socket_errors"] + figures["redirects"],
        duration=figures["duration_us"] / 1e6,
        percentiles={pct: figures[f"p{pct}_us"] / 1000 for pct in (50, 95, 99)},
        requests=figures["requests"],
        target=target,
        client_cpu_share=client_cpu_share,
    )
    if server and result.requests:
        result.cpu_ms = (server.cpu_seconds() - cpu_before) * 1000 / result.requests
    if not quiet:
        print(f"{result.line()}   wrk {result.client_cpu_share:.0%} of a core", flush=True)
    return result


class Client:
    """One simulated user: a keep-alive connection with its own cookies."""

    def __init__(self):
        self.connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
        self.cookies = SimpleCookie()

    def request(self, method: str, path: str, body: str | None = None, headers: dict | None = None):
        headers = {"Host": HOST, **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{key}={morsel.value}" for key, morsel in self.cookies.items())
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        content = response.read()
        for value in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(value)
        return response.status, content, response
