"""The melding as a PDF a person can read and a screen reader can follow, with the same dates as the
confirmation page and the e-mail."""

from datetime import date, datetime

import pytest
from django.core import mail
from django.template.defaultfilters import date as date_filter
from django.utils import timezone

from meldingen.dates import next_steps
from meldingen.models import Melding
from tests import pdf_reading

from .conftest import ANDER_UITGEBREID, ZELF_KORT

pytestmark = pytest.mark.django_db


def _send(walker, steps):
    walker.walk(steps)
    assert walker.submit().status_code == 302
    melding = Melding.objects.get()
    page = walker.client.get("/melding/bevestiging/").content.decode()
    pdf = walker.client.get("/melding/bevestiging/melding.pdf").content
    return melding, page, mail.outbox[-1].body, pdf


def test_melding_pdf_is_tagged_in_dutch_with_its_reference_as_title(walker):
    melding, _page, _mail, pdf = _send(walker, ZELF_KORT)
    facts = pdf_reading.tagged_facts(pdf)
    assert facts["structure"] and facts["marked"], "a tagged PDF has a structure tree and marked content"
    assert facts["lang"] == "nl"
    assert facts["title"].startswith(f"Melding {melding.reference}") and facts["shows_title"]
    # Headings, the answers as a table of question and answer, and what happens next as a list.
    assert {"/H1", "/H2", "/Table", "/TH", "/TD", "/L", "/LI"} <= facts["roles"]


def test_every_text_in_the_melding_pdf_is_at_least_12_points(walker):
    *_, pdf = _send(walker, ANDER_UITGEBREID)
    smallest = pdf_reading.smallest_text(pdf)
    assert smallest.points >= 12, smallest


@pytest.mark.parametrize("steps", [ZELF_KORT, ANDER_UITGEBREID], ids=["gewoon", "spoed"])
def test_melding_pdf_gives_the_dates_of_the_confirmation_page_and_the_email(walker, steps):
    melding, page, email, pdf = _send(walker, steps)
    text = " ".join(pdf_reading.text(pdf).split())
    steps_ahead = next_steps(melding)
    contact = date_filter(steps_ahead.contact_by, "l j F")
    # With its weekday as the others: "uiterlijk maandag 14 december" stood above "uiterlijk 18 januari 2027".
    onderzoek = date_filter(steps_ahead.onderzoek_by, "l j F Y")
    plan = date_filter(steps_ahead.persoonlijk_plan_by, "l j F")
    assert "persoonlijk plan" in page and "persoonlijk plan" in email and "persoonlijk plan" in text
    for when in (contact, onderzoek, plan):
        assert when in page and when in email, when
        assert when in text, (when, text)
    if melding.spoed:
        assert "binnen 2 werkdagen" in text


@pytest.mark.slow  # page layout: the engine makes no difference
def test_what_happens_next_is_never_split_off_onto_a_near_empty_last_page():
    """Whatever the length of the story, the last page holds the whole closing part, not a stray line."""
    from meldingen.pdf import melding_pdf
    from meldingen.storage import build_melding

    answers = {step.replace("-", "_"): data for step, data in ANDER_UITGEBREID}
    sentence = "Stofzuigen en de was doen lukt niet meer, mijn knieën doen te veel pijn. "
    for repeats in range(8, 27, 2):
        story = {**answers["situatie"], "wat_lukt_niet": sentence * repeats}
        pdf = melding_pdf(build_melding({**answers, "situatie": story}))
        last = " ".join(pdf_reading.page_texts(pdf)[-1].split())
        assert "Wat gebeurt er nu?" in last and "Noem dan uw meldingsnummer" in last, (repeats, last)


def test_the_persoonlijk_plan_is_due_seven_days_after_the_melding_or_the_next_working_day():
    def plan_by(day):
        moment = timezone.make_aware(datetime.combine(day, datetime.min.time().replace(hour=10)))
        return next_steps(Melding(created_at=moment, spoed=False)).persoonlijk_plan_by

    assert plan_by(date(2026, 3, 2)) == date(2026, 3, 9)  # a Monday, a week later
    assert plan_by(date(2026, 12, 19)) == date(2026, 12, 28)  # Saturday 26 December is Tweede Kerstdag
