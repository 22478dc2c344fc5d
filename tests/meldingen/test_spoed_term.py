"""The spoed term is one number (meldingen/dates.py): every page that promises it says the term the
backoffice counts, and the date it gives is the deadline the consulent sees."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.templatetags.core_tags import datum
from meldingen import dates
from meldingen.backoffice import roles
from meldingen.models import Melding
from meldingen.workdays import add_working_days
from portal.demo import all_pages, page_text
from portal.taalcheck import html_to_text, split_sentences

from .conftest import ANDER_UITGEBREID

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_days(monkeypatch):
    monkeypatch.setattr(dates, "SPOED_WORKING_DAYS", 3)


def test_every_page_promises_the_spoed_term_the_backoffice_counts(three_days, walker, client):
    from tests.meldingen.backoffice.fixtures import make_user

    assert "Dan bellen wij binnen 3 werkdagen." in client.get("/melding/").content.decode()
    walker.walk(ANDER_UITGEBREID[:-1])
    spoed_step = client.get("/melding/spoed/").content.decode()
    assert "Kiest u hieronder Ja? Dan nemen wij binnen 3 werkdagen contact met u op." in spoed_step
    assert "Is het nodig? Dan regelen wij tijdelijke hulp." in spoed_step  # not for every spoed melding
    assert "Is er vandaag nog hulp nodig?" in spoed_step  # then a call, not this form
    # "Kan het niet wachten? ... Kan het 's avonds niet wachten?": two questions alike, one after the other.
    assert (
        "Zijn wij dicht, 's avonds, in het weekend of op een feestdag? Bel dan de huisartsenpost."
        in spoed_step
    )
    walker.post(*ANDER_UITGEBREID[-1])
    # A walk sent a spoed melding on a Sunday evening, and the check and the confirmation said "Bel ons dan
    # nu" without the loket's hours or whom to call when it is closed, as the spoed step says.
    evening = 'Bel dan de huisartsenpost. Is er gevaar? Bel <a href="tel:112">112</a>.'
    hours = "14 0599</a>, op werkdagen van 8.30 tot 17.00 uur. Zeg dat het om spoed gaat."
    check = " ".join(client.get("/melding/controleren/").content.decode().split())
    assert evening in check and hours in check
    walker.submit()
    melding = Melding.objects.get()
    contact_by = melding.behandeling.contact_deadline
    # From the day of receipt in the municipality's time zone: just after midnight there, UTC is a day behind.
    assert contact_by == add_working_days(timezone.localdate(melding.created_at), 3)
    confirmation = " ".join(client.get("/melding/bevestiging/").content.decode().split())
    assert "Wij nemen binnen 3 werkdagen contact met u op." in confirmation
    assert evening in confirmation and hours in confirmation
    assert "Is het nodig? Dan regelen wij tijdelijke hulp." in confirmation  # as the spoed step promises
    assert f"{contact_by.day} " in confirmation.split("binnen 3 werkdagen", 1)[1][:60]
    assert "binnen 3 werkdagen" in mail.outbox[0].body

    teamleider = make_user("teamleider", roles.TEAMLEIDER)
    client.force_login(teamleider)
    page = client.get(reverse("backoffice:melding", args=[melding.behandeling.pk])).content.decode()
    assert f"{datum(contact_by)} (spoed: 3 werkdagen)" in page


def test_the_information_pages_promise_the_spoed_term_the_backoffice_counts():
    """The page "Snel hulp nodig" promised help "binnen 2 dagen" where the melding says contact within 2
    werkdagen: every sentence of the demo pages about spoed with a term says the melding's."""
    terms = []
    for page in all_pages():
        for sentence in split_sentences(html_to_text(page_text(page))):
            if "spoed" in sentence.lower():
                terms += re.findall(r"binnen (\d+ \w+)", sentence)
    assert terms and set(terms) == {f"{dates.SPOED_WORKING_DAYS} werkdagen"}, terms


def test_the_loket_hours_and_the_huisartsenpost_are_the_municipalitys_own(settings, walker, client):
    """A municipality whose loket opens at nine had "8.30" written in five templates, and on a Sunday evening
    the huisartsenpost was named without a number to call."""
    settings.MUNICIPALITY_PHONE_HOURS = "op werkdagen van 9.00 tot 16.30 uur"
    settings.MELDINGEN_HUISARTSENPOST_PHONE = "0900 1234"
    start = " ".join(client.get("/melding/").content.decode().split())
    assert "14 0599</a>, op werkdagen van 9.00 tot 16.30 uur. U kunt ook langskomen" in start
    assert "Op werkdagen van 9.00 tot 16.30 uur.</p>" in start  # the footer
    walker.walk(ANDER_UITGEBREID[:-1])
    spoed_step = " ".join(client.get("/melding/spoed/").content.decode().split())
    assert "14 0599</a>, op werkdagen van 9.00 tot 16.30 uur. Zeg dat het om spoed gaat." in spoed_step
    assert 'Bel dan de huisartsenpost op <a href="tel:09001234">0900 1234</a>.' in spoed_step
    # Read when shown, not when the forms' module was imported: the complaint form's call-back question.
    complaint = " ".join(client.get("/klacht/").content.decode().split())
    assert "Wij bellen op werkdagen van 9.00 tot 16.30 uur." in complaint
    assert "8.30" not in start + spoed_step + complaint
