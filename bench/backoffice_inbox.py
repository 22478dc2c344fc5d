"""The backoffice with 100,000 meldingen (BENCH_MELDINGEN): a consulent's inbox, filtered in many ways, and
the dashboard, at 20 concurrent users (wrk) against gunicorn and PostgreSQL with the production settings.

    python bench/backoffice_inbox.py

The database (BENCH_INBOX_DATABASE_URL, default `<BENCH_DATABASE_URL>_inbox`) gets the demo wijken,
wijkteams and staff accounts (`load_demo_kaart`, `load_demo_meldingen --accounts`), then generated
meldingen written in bulk: two years of them, most handled and closed, the recent ones open, each with
its encrypted answers and its Behandeling, as the wizard stores them, and a nazorg call for granted
support. The consulent is logged in with a
confirmed second factor, as the production settings demand, by a session made for the run. Beside them
the admin's frame alone (an admin page with an empty list), and last each page's CPU and SQL time per
request in one process (BENCH_CPU_REQUESTS requests each).
"""

import os
import random
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]

import harness  # noqa: E402

COUNT = int(os.environ.get("BENCH_MELDINGEN", "100000"))
DURATION = float(os.environ.get("BENCH_DURATION", "10"))
DATABASE_URL = os.environ.get("BENCH_INBOX_DATABASE_URL", f"{harness.DATABASE_URL}_inbox")
CONSULENT = "consulent-centrum"  # load_demo_meldingen's consulent of Wijkteam Centrum
INBOX = "/admin/backoffice/"
DASHBOARD = f"{INBOX}overzicht/"
# The admin's frame alone: the backoffice's list of finished signals, empty here (the generated meldingen come
# without signals), with the same login, second factor and Wagtail frame as the inbox. Printed beside the
# inbox and the dashboard, it shows which part of their time is the frame every admin page pays.
FRAME = f"{INBOX}signalen/afgerond/"
BATCH = 5000
# Issue 16's targets with 100,000 meldingen (20 users, no pause, 2 cores).
INBOX_TARGET = harness.Target(p95_ms=150)
DASHBOARD_TARGET = harness.Target(p95_ms=300)
CPU_REQUESTS = int(os.environ.get("BENCH_CPU_REQUESTS", "100"))


def generate(count: int) -> None:
    """Add generated meldingen until there are `count` (run inside Django, see main)."""
    from django.db import connection, transaction

    from meldingen.models import Melding

    missing = count - Melding.objects.count()
    rng = random.Random(2026)
    with transaction.atomic():
        for start in range(0, max(missing, 0), BATCH):
            _batch(rng, min(BATCH, missing - start))
    if missing > 0:
        with connection.cursor() as cursor:  # statistics and visibility map, as autovacuum makes them
            cursor.execute("VACUUM ANALYZE meldingen_melding")
            cursor.execute("VACUUM ANALYZE backoffice_behandeling")
    print(f"{Melding.objects.count()} meldingen", flush=True)


def _batch(rng: random.Random, size: int) -> None:
    from django.utils import timezone

    from meldingen.backoffice.models import Behandeling, Nazorg, Wijkteam
    from meldingen.backoffice.search_index import address_index, name_index
    from meldingen.backoffice.workflow import Status, Uitkomst
    from meldingen.models import Melding
    from socialekaart.models import Wijk

    wijken = list(Wijk.objects.prefetch_related("postcodes"))
    teams = {wijk.pk: Wijkteam.for_wijk(wijk) for wijk in wijken}
    postcodes = {wijk.pk: [row.pc4 for row in wijk.postcodes.all()] or ["3911"] for wijk in wijken}
    now = timezone.now()
    meldingen, behandelingen = [], []
    for _ in range(size):
        wijk = rng.choice(wijken)
        age = timedelta(days=rng.randint(0, 730), hours=rng.randint(0, 23))
        melding = _melding(rng, wijk, rng.choice(postcodes[wijk.pk]), now - age)
        contact, onderzoek = Behandeling.deadlines_for(timezone.localdate(melding.created_at), melding.spoed)
        if age.days > 70:
            status = rng.choice([Status.AFGEHANDELD] * 9 + [Status.INGETROKKEN])
        else:
            status = rng.choice([Status.ONTVANGEN, Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND])
        behandeling = Behandeling(
            melding=melding,
            team=teams[wijk.pk],
            status=status,
            contact_deadline=contact,
            onderzoek_deadline=onderzoek,
            name_index=name_index(melding.resident_name),
            address_index=address_index(melding.typed_answers),
        )
        behandeling.next_deadline = behandeling.compute_next_deadline()
        if status != Status.ONTVANGEN:  # called within a week, mostly in time
            behandeling.contacted_at = melding.created_at + timedelta(days=rng.randint(0, 6))
            behandeling.contact_op_tijd = timezone.localdate(behandeling.contacted_at) <= contact
        if status in (Status.AFGEHANDELD, Status.INGETROKKEN):
            behandeling.closed_at = melding.closed_at = melding.created_at + timedelta(days=30)
        if status == Status.AFGEHANDELD:
            behandeling.uitkomst = rng.choice(list(Uitkomst))
        meldingen.append(melding)
        behandelingen.append(behandeling)
    Melding.objects.bulk_create(meldingen)
    Behandeling.objects.bulk_create(behandelingen)  # each takes its melding's new primary key
    Nazorg.objects.bulk_create(_nazorg(rng, behandelingen, now))


def _nazorg(rng: random.Random, behandelingen, now):
    """Granted support gets a follow-up call some weeks later; nearly all of them were made."""
    from meldingen.backoffice.models import Nazorg
    from meldingen.backoffice.workflow import Uitkomst

    calls = []
    for behandeling in behandelingen:
        if behandeling.uitkomst != Uitkomst.TOEGEKEND:
            continue
        start = behandeling.closed_at.date()
        due = start + timedelta(weeks=6)
        made = due < now.date() and rng.random() < 0.95
        calls.append(
            Nazorg(
                behandeling=behandeling,
                start_ondersteuning=start,
                due_date=due,
                in_time_until=Nazorg.last_day_in_time(due),
                done_at=behandeling.closed_at + timedelta(weeks=6, days=rng.randint(0, 6)) if made else None,
                uitkomst=rng.choice(list(Nazorg.Uitkomst)) if made else "",
            )
        )
    return calls


def _melding(rng: random.Random, wijk, postcode: str, created_at):
    from meldingen.backoffice.management.commands.load_demo_meldingen import (
        FIRST_NAMES,
        LAST_NAMES,
        ONDERWERPEN,
    )
    from meldingen.models import Melding

    soort = rng.choice(["kort", "uitgebreid", "uitgebreid"])
    spoed = rng.random() < 0.15
    onderwerpen = rng.sample(ONDERWERPEN, rng.randint(0, 2))
    answers = {
        "voor_wie": {"voor_wie": rng.choice(["zelf", "zelf", "mantelzorger", "familie"])},
        "keuze": {"soort": soort},
        "gegevens": {
            "naam": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            "postcode": f"{postcode} AB",
            "straat": "Bankstraat",
            "huisnummer": str(rng.randint(1, 200)),
            "woonplaats": "Lindewaard",
            "telefoon": f"06{rng.randint(10000000, 99999999)}",
            "email": "",
        },
        "spoed": {"spoed": "ja" if spoed else "nee", "toelichting": "Het is dringend." if spoed else ""},
    }
    if soort == "uitgebreid":
        answers["hulp"] = {"onderwerpen": onderwerpen, "toelichting": "Het lukt niet meer alleen."}
    melding = Melding(
        created_at=created_at,
        soort=soort,
        voor_wie=answers["voor_wie"]["voor_wie"],
        spoed=spoed,
        onderwerpen=onderwerpen,
        wijk=wijk,
    )
    melding.answers = answers
    return melding


def consulent_session() -> str:
    """A session of the consulent, logged in with a confirmed second factor (run inside Django)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from core.staff_sessions import start_clock

    user = get_user_model().objects.get(username=CONSULENT)
    device, _created = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
    session = import_module(settings.SESSION_ENGINE).SessionStore()  # the site's engine, as Django finds it
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    start_clock(session)
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def inbox_paths() -> list[str]:
    """The consulent's filters: status, spoed, soort, onderwerp, over termijn, their wijk, and pages."""
    from itertools import product

    paths = []
    statuses = ["", "ontvangen", "contact_opgenomen", "gesprek_gepland", "afgehandeld", "alle"]
    for status, spoed, soort, onderwerp, late, page in product(
        statuses,
        ["", "ja", "nee"],
        ["", "kort", "uitgebreid"],
        ["", "huishouden", "vervoer"],
        ["", "1"],
        ["", "2"],
    ):
        query = {
            "status": status,
            "spoed": spoed,
            "soort": soort,
            "onderwerp": onderwerp,
            "over_termijn": late,
        }
        query = {key: value for key, value in query.items() if value}
        if page:
            query["p"] = page
        paths.append(f"{INBOX}?{urlencode(query)}" if query else INBOX)
    random.Random(2026).shuffle(paths)
    return paths


def cpu_in_process(requests: int = CPU_REQUESTS) -> None:
    """Each page's CPU time and SQL time per request in one process with the production settings (run
    inside Django, see main): the steadier figures on a machine that other work shares."""
    import time

    from django.db import connection
    from django.test import Client

    import config.wsgi  # noqa: F401  (the site as a gunicorn worker loads it)

    name, key = consulent_session().split("=", 1)
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[name] = key
    first_pages = [path for path in inbox_paths() if "p=2" not in path][:requests]
    sql = {"seconds": 0.0, "queries": 0}

    def timed(execute, *args):
        started = time.perf_counter()
        try:
            return execute(*args)
        finally:
            sql["seconds"] += time.perf_counter() - started
            sql["queries"] += 1

    print(f"CPU and SQL time per request in one process ({requests} requests):")
    for label, paths in (
        ("inbox, first pages", first_pages),
        ("dashboard", [DASHBOARD] * requests),
        ("admin frame alone", [FRAME] * requests),
    ):
        for path in paths[:5]:  # code, caches and the connection ready
            client.get(path)
        sql.update(seconds=0.0, queries=0)
        with connection.execute_wrapper(timed):
            started = time.process_time()
            for path in paths:
                client.get(path)
            cpu = time.process_time() - started
        per_request = 1000 / len(paths)
        print(
            f"   {label:20} CPU {cpu * per_request:6.1f} ms, SQL {sql['seconds'] * per_request:6.1f} ms"
            f" in {sql['queries'] / len(paths):.1f} queries"
        )


def in_django(function: str, last_line: bool = True) -> str:
    """Run a function of this module in a Django process on the benchmark database; its last printed line
    (or all it printed)."""
    folders = [str(ROOT / "bench"), str(ROOT)]
    code = f"import sys; sys.path[:0] = {folders!r}; import backoffice_inbox as b; {function}"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=harness.server_env(DATABASE_URL),
        capture_output=True,
        text=True,
        check=True,
    )
    output = result.stdout.strip()
    return output.splitlines()[-1] if last_line else output


def main():
    os.environ.setdefault("MELDINGEN_ENCRYPTION_KEYS", "ZGV2ZWxvcG1lbnQtb25seS1tZWxkaW5nZW4ta2V5LTA=")
    harness.ensure_database(DATABASE_URL)
    harness.manage("migrate", "--noinput", "-v", "0", database_url=DATABASE_URL)
    if in_django("from meldingen.backoffice.models import Wijkteam; print(Wijkteam.objects.count())") == "0":
        # Once: the demo loader would also give the generated meldingen its own nazorg calls.
        harness.manage("load_demo_kaart", database_url=DATABASE_URL)
        harness.manage("load_demo_meldingen", "--accounts", database_url=DATABASE_URL)
    print(in_django(f"b.generate({COUNT})"), flush=True)
    cookie = in_django("print(b.consulent_session())")
    paths = inbox_paths()
    headers = {"Cookie": cookie}
    print(f"Backoffice, {COUNT:,} meldingen, {harness.users_line()}, {DURATION:.0f} s each", flush=True)
    with harness.gunicorn(DATABASE_URL) as server:
        for path in (INBOX, DASHBOARD, FRAME):  # logged in: the page itself, not the login page
            status = harness.Client().request("GET", path, headers=headers)[0]
            if status != 200:
                raise SystemExit(f"{path} answered {status} for the consulent")
        harness.run_wrk("warm-up", paths[::-1], duration=2, headers=headers, quiet=True)
        harness.run_wrk(
            "inbox of a consulent, filtered (first pages)",
            paths,
            server,
            duration=DURATION,
            target=INBOX_TARGET,
            headers=headers,
        )
        harness.run_wrk(
            "dashboard (overzicht)",
            [DASHBOARD],
            server,
            duration=DURATION,
            target=DASHBOARD_TARGET,
            headers=headers,
        )
        harness.run_wrk("admin frame alone (empty list)", [FRAME], server, duration=DURATION, headers=headers)
    print(in_django("b.cpu_in_process()", last_line=False), flush=True)


if __name__ == "__main__":
    main()
