"""The complaint handling pages, their error states and the complaint e-mails pass the B1 taalcheck. What
others wrote (the resident, the provider, staff) is taken out: only our own texts are judged."""

import pytest
from django.core import mail

from klachten.models import Klacht
from tests.b1 import assert_b1, backoffice_text

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

RESIDENT = {
    "wat": "De hulp kwam drie keer niet opdagen.",
    "contact": "ja",
    "naam": "Anna de Vries",
    "telefoon": "06 12345678",
    "email": "anna@example.org",
}


def test_the_complaint_pages_for_staff_and_provider_are_b1(
    client, kaart, people, django_capture_on_commit_callbacks
):
    people["team"].mailbox = "contract@lindewaard.example"
    people["team"].save()
    client.login(username="klachtbehandelaar", password=PASSWORD)
    new = "/admin/klachten/nieuw/"
    assert_b1(backoffice_text(client.get(new).content.decode()), "register")
    assert_b1(backoffice_text(client.post(new, {}).content.decode()), "register, errors")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/klacht/", {"organisatie": str(kaart["zorg"].pk), **RESIDENT})
    klacht = Klacht.objects.get()
    others = [
        *RESIDENT.values(),
        kaart["zorg"].name,
        people["team"].name,
        "klachtbehandelaar",
        klacht.reference,
    ]
    new, receipt = mail.outbox
    assert_b1(new.body, "new complaint e-mail", others)
    assert_b1(receipt.body, "receipt e-mail", others)
    detail = f"/admin/klachten/{klacht.pk}/"
    assert_b1(backoffice_text(client.get(detail).content.decode()), "detail", others)
    error = client.post(detail, {"action": "verdagen", "weken": "4", "reden": ""})
    assert_b1(backoffice_text(error.content.decode()), "detail, postponement error", others)
    error = client.post(detail, {"action": "status", "status": "weg"})
    assert_b1(backoffice_text(error.content.decode()), "detail, status error", others)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(detail, {"action": "verdagen", "weken": "4", "reden": "Wij wachten op de aanbieder."})
    others.append("Wij wachten op de aanbieder.")
    assert_b1(backoffice_text(client.get(detail).content.decode()), "detail, postponed", others)
    assert_b1(mail.outbox[2].body, "postponement e-mail", others)
    assert_b1(backoffice_text(client.get("/admin/klachten/").content.decode()), "list", others)

    client.post(detail, {"action": "samenvatting", "samenvatting_aanbieder": "De hulp kwam drie keer niet."})
    others.append("De hulp kwam drie keer niet.")
    client.logout()
    client.login(username="aanbieder-zorg", password=PASSWORD)
    assert_b1(backoffice_text(client.get(detail).content.decode()), "provider's view", others)
    error = client.post(detail, {"action": "reactie", "reactie_aanbieder": ""})
    assert_b1(backoffice_text(error.content.decode()), "provider's view, error", others)
    assert_b1(backoffice_text(client.get("/admin/klachten/").content.decode()), "provider's list", others)
