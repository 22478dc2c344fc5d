"""Storage safety and privacy: one transaction, retry after failure, encryption, keys, retention, limits."""

import logging
import re
from datetime import timedelta
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from cryptography.fernet import Fernet
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone

from meldingen.crypto import DEVELOPMENT_KEY, decrypt_json
from meldingen.models import Melding, MeldingDraft
from meldingen.signals import melding_stored

from .conftest import ANDER_UITGEBREID, ZELF_KORT

pytestmark = pytest.mark.django_db


def test_database_failure_shows_b1_error_keeps_answers_and_retry_works(walker):
    walker.walk(ZELF_KORT)
    with mock.patch("meldingen.storage.Melding.save", side_effect=OperationalError("database is locked")):
        response = walker.submit()
    html = response.content.decode()
    assert response.status_code == 503
    assert "Uw melding is nog niet verstuurd" in html and "Uw antwoorden zijn bewaard" in html
    assert "Probeer opnieuw" in html
    assert Melding.objects.count() == 0
    # The answers are still there, and the retry button (a plain form post) stores the melding once.
    assert "Jan Jansen" in walker.client.get("/melding/controleren/").content.decode()
    # The retry button posts the page's own hidden fields, the answers' digest among them.
    retry_form = BeautifulSoup(response.content, "html.parser").find("form", method="post")
    posted = {field["name"]: field["value"] for field in retry_form.find_all("input", type="hidden")}
    assert posted["gezien"]
    retry = walker.client.post("/melding/controleren/", posted)
    assert retry["Location"] == "/melding/bevestiging/"
    assert Melding.objects.count() == 1


def test_failing_receiver_rolls_back_everything(walker):
    def broken_receiver(sender, melding, **kwargs):
        raise RuntimeError("backoffice table missing")

    walker.walk(ZELF_KORT)
    melding_stored.connect(broken_receiver, dispatch_uid="test-broken")
    try:
        response = walker.submit()
    finally:
        melding_stored.disconnect(dispatch_uid="test-broken")
    assert response.status_code == 503 and Melding.objects.count() == 0
    assert walker.submit()["Location"] == "/melding/bevestiging/"
    assert Melding.objects.count() == 1


def test_signal_is_sent_inside_the_transaction(walker):
    seen = []

    def receiver(sender, melding, **kwargs):
        seen.append((melding.reference, connection.in_atomic_block))

    melding_stored.connect(receiver, dispatch_uid="test-inside")
    try:
        walker.walk(ZELF_KORT)
        walker.submit()
    finally:
        melding_stored.disconnect(dispatch_uid="test-inside")
    assert seen == [(Melding.objects.get().reference, True)]


def test_same_submission_token_gives_one_melding():
    from meldingen.storage import store_melding

    answers = {"voor_wie": {"voor_wie": "zelf"}, "keuze": {"soort": "kort"}, "gegevens": {"naam": "A"}}
    first, first_stored_now = store_melding(answers, submission_token="abc")
    second, second_stored_now = store_melding(answers, submission_token="abc")
    assert first.pk == second.pk and Melding.objects.count() == 1
    assert (first_stored_now, second_stored_now) == (True, False)


def test_a_second_verstuur_that_overtakes_the_first_sends_one_email_and_says_sent(walker, settings):
    """A walk: Enter pressed twice on "Verstuur" made two requests with the same answers. One melding was
    stored, but the confirmation e-mail went twice; and when the first send was the last one the hour
    allowed, the page said "Te vaak geprobeerd" while the melding was stored."""
    settings.MELDINGEN_RATE_LIMIT = 1
    walker.walk(ZELF_KORT)
    seen = walker.seen()
    before = dict(walker.client.session.items())  # the session as both requests read it
    first = walker.post("controleren", {"toestemming": "on"}, **seen)
    session = walker.client.session
    session.clear()
    session.update(before)
    session.save()
    second = walker.post("controleren", {"toestemming": "on"}, **seen)
    assert first["Location"] == second["Location"] == "/melding/bevestiging/"
    assert Melding.objects.count() == 1 and len(mail.outbox) == 1


def test_a_send_refused_by_the_limit_counts_again_when_sent_again(walker, settings):
    settings.MELDINGEN_RATE_LIMIT = 0
    walker.walk(ZELF_KORT)
    assert walker.submit().status_code == 429
    assert walker.submit().status_code == 429 and not Melding.objects.exists()


def test_what_is_sent_is_what_the_check_page_showed(walker):
    """A walk: the check page open in one tab, the name and address changed in another, and "Verstuur" in the
    first sent the other name and address, which the resident never checked (and the status page then did
    not find the melding by the address on the screen)."""
    walker.walk(ZELF_KORT)
    shown = walker.seen()
    gegevens = dict(ZELF_KORT)["gegevens"]
    walker.post("gegevens", {**gegevens, "naam": "Moeder Twee"})  # the other tab
    response = walker.post("controleren", {"toestemming": "on"}, **shown)
    assert response.status_code == 200 and Melding.objects.count() == 0
    page = " ".join(response.content.decode().split())
    assert "Uw melding is nog niet verstuurd." in page and "De antwoorden zijn veranderd" in page
    assert "Moeder Twee" in page  # the answers as they are now
    assert "De antwoorden zijn veranderd" not in walker.client.get("/melding/controleren/").content.decode()
    assert walker.submit()["Location"] == "/melding/bevestiging/"  # sent from the page that showed them
    assert "Moeder Twee" in str(Melding.objects.get().answers)


def test_a_page_sent_again_unchanged_in_another_tab_changes_nothing_the_check_page_showed(db):
    """A review: each page is stored with its CSRF token, which differs on every send; "Verder" on an
    unchanged page in another tab made the check page say the answers had changed."""
    from django.test import Client

    from .conftest import Walker, step_data

    walker = Walker(Client(enforce_csrf_checks=True))

    def token(path):
        return re.search(
            r'name="csrfmiddlewaretoken" value="([^"]+)"', walker.client.get(path).content.decode()
        )[1]

    walker.client.get("/melding/voor-wie/?reset=1")
    for step, data in ZELF_KORT:
        walker.client.post(
            f"/melding/{step}/", {**step_data(step, data), "csrfmiddlewaretoken": token(f"/melding/{step}/")}
        )
    shown = walker.seen()
    gegevens = dict(ZELF_KORT)["gegevens"]
    again = {**step_data("gegevens", gegevens), "csrfmiddlewaretoken": token("/melding/gegevens/")}
    walker.client.post("/melding/gegevens/", again)  # the other tab: Verder, nothing changed
    assert walker.seen() == shown


def test_raw_database_column_holds_no_plain_personal_data(walker):
    walker.walk(ANDER_UITGEBREID)
    walker.submit()
    with connection.cursor() as cursor:
        cursor.execute("SELECT encrypted_answers FROM meldingen_melding")
        (raw,) = cursor.fetchone()
    for plain in ("Gerrit", "Petra", "Beukenlaan", "Stofzuigen", "0612345678", "petra@example.org"):
        assert plain not in raw
    assert decrypt_json(raw)["gegevens"]["naam"] == "Gerrit de Vries"


def test_session_rows_hold_no_plain_answers(walker):
    from django.contrib.sessions.models import Session

    walker.start()
    for step, data in ANDER_UITGEBREID[:4]:
        walker.post(step, data)
    stored = " ".join(session.session_data for session in Session.objects.all())
    raw_sessions = " ".join(str(session.get_decoded()) for session in Session.objects.all())
    assert "Gerrit" not in stored and "Gerrit" not in raw_sessions


def test_no_personal_data_in_the_logs_over_a_whole_melding(walker, caplog):
    caplog.set_level(logging.DEBUG)
    walker.walk(ANDER_UITGEBREID)
    walker.submit()
    walker.client.get("/melding/bevestiging/")
    walker.client.get("/melding/bevestiging/melding.pdf")
    assert Melding.objects.count() == 1
    # The messages, not the formatted lines: a source line number such as ":3915" is no postcode.
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert logged
    for plain in ("Gerrit", "Petra", "Beukenlaan", "Stofzuigen", "0612345678", "petra@example.org", "3915"):
        assert plain not in logged, plain


def test_key_rotation_reencrypts_under_the_new_key(settings, walker):
    walker.walk(ZELF_KORT)
    walker.submit()
    before = Melding.objects.get().encrypted_answers
    new_key = Fernet.generate_key().decode()
    settings.MELDINGEN_ENCRYPTION_KEYS = [new_key, DEVELOPMENT_KEY]
    call_command("rotate_melding_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
    after = Melding.objects.get().encrypted_answers
    assert after != before
    settings.MELDINGEN_ENCRYPTION_KEYS = [new_key]  # the old key is gone: the data still opens
    assert Melding.objects.get().resident_name == "Jan Jansen"


def test_rotation_stops_on_data_no_key_opens(settings, walker):
    from django.core.management.base import CommandError

    walker.walk(ZELF_KORT)
    walker.submit()
    settings.MELDINGEN_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(CommandError):
        call_command("rotate_melding_keys")


def test_production_without_keys_refuses(settings):
    from django.core.exceptions import ImproperlyConfigured

    from meldingen.crypto import encrypt_json

    settings.MELDINGEN_ENCRYPTION_KEYS = []
    settings.SESSION_COOKIE_SECURE = True
    with pytest.raises(ImproperlyConfigured):
        encrypt_json({"a": 1})


def make_melding(closed_days_ago=None, **fields):
    from meldingen.storage import store_melding

    melding, _stored_now = store_melding(
        {"voor_wie": {"voor_wie": "zelf"}, "keuze": {"soort": "kort"}, "gegevens": {"naam": "Oud Persoon"}}
    )
    if closed_days_ago is not None:
        melding.closed_at = timezone.now() - timedelta(days=closed_days_ago)
        melding.save(update_fields=["closed_at"])
    return melding


def test_retention_removes_personal_data_of_old_closed_meldingen_only(settings):
    settings.MELDINGEN_RETENTION_DAYS = 30
    old_closed = make_melding(closed_days_ago=31)
    recent_closed = make_melding(closed_days_ago=5)
    still_open = make_melding()
    expired_draft = MeldingDraft(token_hash="a" * 64, expires_at=timezone.now() - timedelta(days=1))
    expired_draft.data = {"wizard": {}}
    expired_draft.save()
    valid_draft = MeldingDraft(token_hash="b" * 64, expires_at=timezone.now() + timedelta(days=1))
    valid_draft.data = {"wizard": {}}
    valid_draft.save()
    call_command("remove_expired_personal_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    old_closed.refresh_from_db()
    assert old_closed.answers == {} and old_closed.personal_data_removed_at is not None
    assert old_closed.reference and old_closed.soort == "kort"  # statistics stay
    assert Melding.objects.get(pk=recent_closed.pk).resident_name == "Oud Persoon"
    assert Melding.objects.get(pk=still_open.pk).resident_name == "Oud Persoon"
    assert list(MeldingDraft.objects.values_list("pk", flat=True)) == [valid_draft.pk]


def test_retention_task_does_the_same(settings):
    from meldingen.tasks import remove_expired_personal_data_task

    settings.MELDINGEN_RETENTION_DAYS = 1
    melding = make_melding(closed_days_ago=2)
    result = remove_expired_personal_data_task.enqueue()
    assert result.return_value == {"meldingen": 1, "drafts": 0}
    melding.refresh_from_db()
    assert melding.encrypted_answers == ""


def test_rate_limit_per_ip_on_submitting(settings, walker):
    settings.MELDINGEN_RATE_LIMIT = 2
    for _ in range(2):
        walker.walk(ZELF_KORT)
        assert walker.submit()["Location"] == "/melding/bevestiging/"
    walker.walk(ZELF_KORT)
    response = walker.submit()
    assert response.status_code == 429
    assert "Te vaak geprobeerd" in response.content.decode()
    assert Melding.objects.count() == 2
    other_ip = walker.client.post(
        "/melding/controleren/",
        {"melding_wizard-current_step": "controleren", "controleren-toestemming": "on", **walker.seen()},
        REMOTE_ADDR="10.0.0.9",
    )
    assert other_ip["Location"] == "/melding/bevestiging/"


def test_honeypot_filled_stores_nothing(walker):
    walker.walk(ZELF_KORT)
    response = walker.post(
        "controleren", {"toestemming": "on", "website": "http://spam.example"}, **walker.seen()
    )
    assert response.status_code == 400 and Melding.objects.count() == 0
    assert "niet verstuurd" in response.content.decode()


def test_honeypot_is_hidden_from_people(walker):
    walker.walk(ZELF_KORT)
    html = walker.client.get("/melding/controleren/").content.decode()
    assert '<div class="honeypot" aria-hidden="true">' in html and 'tabindex="-1"' in html


def test_csrf_is_enforced(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.get("/melding/voor-wie/?reset=1", follow=True)
    response = client.post(
        "/melding/voor-wie/", {"melding_wizard-current_step": "voor-wie", "voor-wie-voor_wie": "zelf"}
    )
    assert response.status_code == 403
    # A walk: Django's own page, "Verboden (403) CSRF-verificatie mislukt", in words no resident knows.
    page = response.content.decode()
    assert "Het formulier is niet verstuurd" in page and "CSRF" not in page
    from portal.taalcheck import check_text, html_to_text

    report = check_text(html_to_text(re.search(r"<main[^>]*>(.*)</main>", page, re.S)[1]))
    assert report.passed, (report.problems, report.rare_words)


def test_expired_session_midway_explains_and_offers_a_new_start(walker):
    walker.start()
    walker.post("voor-wie", {"voor_wie": "zelf"})
    walker.client.session.flush()
    walker.client.cookies.clear()
    response = walker.post("keuze", {"soort": "kort"})
    html = response.content.decode()
    assert response.status_code == 200
    # A walk: the browser closed (the session ends with it), and the page said only "niet actief".
    assert "Was u een tijd niet actief, of sloot u de browser?" in html
    assert "Uw gegevens zijn niet meer bewaard" in html and "/melding/voor-wie/?reset=1" in html
    assert "niet meer bewaard" in walker.client.get("/melding/gegevens/").content.decode()
    # A walk: opened without ever starting, the page told her she had been inactive; now it asks.
    assert "Wij hebben nu geen antwoorden van u." in Client().get("/melding/controleren/").content.decode()


def test_session_encrypted_with_an_unknown_key_starts_afresh(settings, walker):
    walker.start()
    walker.post("voor-wie", {"voor_wie": "zelf"})
    settings.MELDINGEN_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    response = walker.client.get("/melding/keuze/")
    assert response.status_code == 200 and "niet meer bewaard" in response.content.decode()
