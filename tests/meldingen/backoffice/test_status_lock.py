"""Two colleagues who save a status of one melding at the same moment: the second is told what the first
did. A row lock, so PostgreSQL only: SQLite writes one transaction at a time."""

import re
import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.urls import reverse

from meldingen.backoffice.models import Behandeling
from meldingen.backoffice.workflow import Status

pytestmark = pytest.mark.django_db(transaction=True)


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
    saving = threading.Event()

    def teamleider_saves():
        try:
            with transaction.atomic():
                mine = Behandeling.objects.select_for_update().get(pk=behandeling.pk)
                saving.set()
                time.sleep(1)  # the consulent's save arrives meanwhile
                mine.change_status(Status.AFGEHANDELD, staff["teamleider"], uitkomst="voorliggend")
        finally:
            connections.close_all()

    colleague = threading.Thread(target=teamleider_saves)
    colleague.start()
    saving.wait(10)
    chosen = {"status": Status.AFGEHANDELD, "uitkomst": "geen_aanvraag", "gezien": seen}
    response = client.post(page_url + "status/", chosen)
    colleague.join()
    assert response.status_code == 400
    assert "Intussen is de melding veranderd" in response.content.decode()
    behandeling.refresh_from_db()
    assert behandeling.uitkomst == "voorliggend"
