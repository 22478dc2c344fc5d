"""Two colleagues who save at the same moment: a status of one melding (the second is told what the first
did), or two meldingen as doubles of each other (the second is told at once). Row locks, so PostgreSQL only:
SQLite writes one transaction at a time."""

import re
import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.urls import reverse

from meldingen.backoffice.models import Behandeling
from meldingen.backoffice.workflow import OtherMeldingBusy, Status

from .fixtures import store

pytestmark = pytest.mark.django_db(transaction=True)


def _another_waits_for_a_lock(seconds: float = 10) -> bool:
    """Whether another connection comes to wait for a lock (the row this one holds) within `seconds`."""
    with connection.cursor() as cursor:
        for _ in range(int(seconds * 20)):
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                " AND datname = current_database() AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.05)
    return False


def test_a_status_saved_while_a_colleague_saves_one_waits_and_is_told_what_they_did(
    staff, client, two_meldingen
):
    """A review: the check of what the page showed ("gezien") read the last step without a lock, so two
    saves at the same moment both passed it, and one outcome overwrote the other unknowingly."""
    if connection.vendor != "postgresql":
        pytest.skip("a row lock: PostgreSQL only")
    behandeling = two_meldingen["centrum"].behandeling
    for status in (Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND, Status.ONDERZOEK_AFGEROND):
        behandeling.change_status(status, staff["consulent"])
    page_url = reverse("backoffice:melding", args=[behandeling.pk])
    client.force_login(staff["consulent"])
    seen = re.search(r'name="gezien" value="(\d+)"', client.get(page_url).content.decode()).group(1)
    saving, seen_waiting, failed = threading.Event(), [], []

    def teamleider_saves():
        try:
            with transaction.atomic():
                mine = Behandeling.objects.select_for_update().get(pk=behandeling.pk)
                saving.set()
                seen_waiting.append(_another_waits_for_a_lock())  # the consulent's save, meanwhile
                mine.change_status(Status.AFGEHANDELD, staff["teamleider"], uitkomst="voorliggend")
        except Exception as error:  # raised in the test's own thread below
            failed.append(error)
        finally:
            connections.close_all()

    colleague = threading.Thread(target=teamleider_saves)
    colleague.start()
    assert saving.wait(10)
    chosen = {"status": Status.AFGEHANDELD, "uitkomst": "geen_aanvraag", "gezien": seen}
    response = client.post(page_url + "status/", chosen)
    colleague.join()
    assert failed == [] and seen_waiting == [True]  # the save waited for the colleague's, then read it
    assert response.status_code == 400
    assert "Intussen is de melding veranderd" in response.content.decode()
    behandeling.refresh_from_db()
    assert behandeling.uitkomst == "voorliggend"


def test_a_double_of_a_melding_a_colleague_is_saving_is_refused_at_once(teams):
    """The other melding locked by a colleague's save (perhaps making it a double of this one): refused at
    once, not waited for, or two meldingen could become doubles of each other."""
    if connection.vendor != "postgresql":
        pytest.skip("a row lock: PostgreSQL only")
    short, long = store(name="Anna de Vries"), store(name="Anna de Vries")
    locked, done = threading.Event(), threading.Event()

    def colleague_saves_the_other():
        try:
            with transaction.atomic():
                Behandeling.objects.select_for_update().get(pk=long.behandeling.pk)
                locked.set()
                done.wait(10)
        finally:
            connections.close_all()

    colleague = threading.Thread(target=colleague_saves_the_other)
    colleague.start()
    try:
        assert locked.wait(10)
        started = time.monotonic()
        with pytest.raises(OtherMeldingBusy), transaction.atomic():
            short.behandeling.change_status(Status.DUBBEL, dubbel_van=long.behandeling)
        assert time.monotonic() - started < 5
    finally:
        done.set()
        colleague.join()
    short.behandeling.refresh_from_db()
    assert short.behandeling.status == Status.ONTVANGEN and short.behandeling.dubbel_van is None
