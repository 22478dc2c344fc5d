"""One draft makes at most one melding, on any device; the resident always hears that it was sent."""

import re
from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from meldingen.drafts import AlreadySent
from meldingen.models import Melding, MeldingDraft
from meldingen.storage import store_melding

from .conftest import ANDER_UITGEBREID, ZELF_KORT, Walker
from .test_save_continue import save_halfway

pytestmark = pytest.mark.django_db
SENT_RE = re.compile(
    r"Deze melding is al verstuurd op \d{1,2} \w+ \d{4} om \d\d:\d\d\.</p>\s*<p>Uw meldingsnummer is<br>"
    r'<strong class="reference" aria-hidden="true">(M-[0-9A-Z-]+)</strong>'
    r'<span class="visually-hidden spoken">[0-9A-Z ]+</span></p>'  # no full stop wrapped under the number
)


def finish(walker):
    for step, data in ANDER_UITGEBREID[4:]:
        assert walker.post(step, data).status_code == 302
    return walker.submit()


def resume(token):
    other = Walker(Client())
    assert other.client.post(f"/melding/verder/{token}/")["Location"] == "/melding/hulp/"
    return other


def test_the_tab_that_saved_and_the_device_with_the_link_make_one_melding_together(walker):
    token = save_halfway(walker)
    other = resume(token)
    assert finish(other)["Location"] == "/melding/bevestiging/"
    step, data = ANDER_UITGEBREID[4]
    response = walker.post(step, data)  # the first tab goes on: its next page says the melding was sent
    html = response.content.decode()
    match = SENT_RE.search(html)
    assert match and match.group(1) == Melding.objects.get().reference
    assert Melding.objects.count() == 1 and "Nieuwe melding maken" in html
    assert "niet verstuurd" not in html


def test_the_tab_that_saved_forgets_the_answers_once_another_device_sent_them(walker):
    """A walk: after the melding was sent on the phone, the work laptop's tab still showed the father's health
    answers on every page, and took three more before it said the melding was sent."""
    token = save_halfway(walker)
    finish(resume(token))
    page = walker.client.get("/melding/situatie/").content.decode()
    assert SENT_RE.search(page).group(1) == Melding.objects.get().reference
    assert "Stofzuigen lukt niet meer" not in page
    for step in ("situatie", "gegevens"):
        assert "Gerrit" not in walker.client.get(f"/melding/{step}/", follow=True).content.decode()
    assert "Gerrit" not in walker.post("gesprek", {"plek": "thuis"}).content.decode()


def test_the_link_works_once(walker):
    token = save_halfway(walker)
    resume(token)
    third = Client()
    response = third.post(f"/melding/verder/{token}/")
    assert response.status_code == 410 and "Deze link is al gebruikt" in response.content.decode()
    # A walk: it did not say how to get a new one (now sent to the first link's address, see
    # test_save_continue.py).
    assert "Stuur mij een nieuwe link" in response.content.decode()
    assert "Gerrit" not in third.get("/melding/gegevens/").content.decode()


def test_the_link_after_sending_says_it_was_sent_with_its_number(walker):
    token = save_halfway(walker)
    finish(resume(token))
    reference = Melding.objects.get().reference
    for method in ("get", "post"):
        response = getattr(Client(), method)(f"/melding/verder/{token}/")
        html = response.content.decode()
        assert SENT_RE.search(html).group(1) == reference
        assert "niet verstuurd" not in html and "/melding/voor-wie/?reset=1" in html
    assert Melding.objects.count() == 1


def test_the_sent_draft_keeps_no_answers(walker):
    token = save_halfway(walker)
    finish(resume(token))
    assert MeldingDraft.objects.get().encrypted_data == ""


def test_saving_again_after_the_draft_was_sent_elsewhere_says_it_was_sent(walker):
    token = save_halfway(walker)
    finish(resume(token))
    response = walker.client.post("/melding/opslaan/", {"email": "petra@example.org"})
    assert SENT_RE.search(response.content.decode()) and MeldingDraft.objects.count() == 1


@pytest.mark.parametrize(
    "path", ["/melding/controleren/", "/melding/spoed/", "/melding/gegevens/", "/melding/voor-wie/"]
)
def test_back_or_a_reload_after_the_confirmation_says_the_melding_was_sent(submitted, path):
    reference = Melding.objects.get().reference
    html = submitted.client.get(path).content.decode()
    assert SENT_RE.search(html).group(1) == reference
    assert "niet meer bewaard" not in html and "niet verstuurd" not in html
    assert "Nieuwe melding maken" in html


def test_a_new_melding_after_sending_starts_empty(submitted):
    response = submitted.client.get("/melding/voor-wie/?reset=1", follow=True)
    assert "al verstuurd" not in response.content.decode()
    submitted.walk(ZELF_KORT)
    assert submitted.submit()["Location"] == "/melding/bevestiging/"
    assert Melding.objects.count() == 2


def test_the_database_refuses_a_second_melding_from_one_draft():
    Melding.objects.create(soort="kort", voor_wie="zelf", draft_key="k" * 40)
    with pytest.raises(IntegrityError), transaction.atomic():
        Melding.objects.create(soort="kort", voor_wie="zelf", draft_key="k" * 40)


def test_storing_a_melding_from_a_sent_draft_stores_nothing():
    answers = {"voor_wie": {"voor_wie": "zelf"}, "keuze": {"soort": "kort"}}
    first, _stored_now = store_melding(answers, submission_token="tab-1", draft_key="d" * 40)
    assert store_melding(answers, submission_token="tab-1", draft_key="d" * 40) == (
        first,
        False,
    )  # a double click
    with pytest.raises(AlreadySent) as sent:
        store_melding(answers, submission_token="tab-2", draft_key="d" * 40)
    assert sent.value.melding == first and Melding.objects.count() == 1


def test_an_expired_draft_still_says_not_sent(walker):
    token = save_halfway(walker)
    MeldingDraft.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    html = Client().get(f"/melding/verder/{token}/").content.decode()
    assert "niet verstuurd" in html and "al verstuurd" not in html
