"""Terms in working days around Dutch public holidays."""

from datetime import date

import pytest

from meldingen.backoffice.models import Behandeling
from meldingen.workdays import add_working_days, end_of_legal_term, is_working_day, working_days_between


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 4, 27), False),  # Koningsdag on a Monday
        (date(2025, 4, 26), False),  # 27 April 2025 is a Sunday: Koningsdag moves to Saturday the 26th
        (date(2025, 4, 28), True),  # ... so Monday the 28th is an ordinary working day
        (date(2026, 4, 6), False),  # tweede paasdag
        (date(2026, 12, 25), False),  # eerste kerstdag
        (date(2026, 12, 24), True),
        (date(2026, 5, 14), False),  # Hemelvaart
        (date(2026, 5, 25), False),  # tweede pinksterdag
        (date(2025, 5, 5), False),  # Bevrijdingsdag in a lustrum year
        (date(2026, 5, 5), True),  # ... and an ordinary Tuesday in other years
        (date(2026, 1, 1), False),
        (date(2026, 11, 28), False),  # Saturday
    ],
)
def test_working_days_know_dutch_holidays(day, working):
    assert is_working_day(day) is working


def test_koningsdag_pushes_the_spoed_term_a_day():
    # Friday 24 April 2026 + 2 working days: Monday 27 is Koningsdag, so Wednesday 29.
    assert add_working_days(date(2026, 4, 24), 2) == date(2026, 4, 29)


def test_kerst_pushes_the_contact_term_over_the_holidays():
    # Wednesday 23 December 2026 + 5 working days: 25 Dec (Fri) and the weekend do not count.
    assert add_working_days(date(2026, 12, 23), 5) == date(2026, 12, 31)


def test_pasen_pushes_the_term_past_goede_vrijdag_and_tweede_paasdag():
    # Thursday 2 April 2026 + 2 working days: Good Friday 3 April and Easter Monday 6 April are skipped.
    assert add_working_days(date(2026, 4, 2), 2) == date(2026, 4, 8)


def test_deadlines_of_a_spoed_and_an_ordinary_melding(settings):
    settings.MELDINGEN_CONTACT_WORKING_DAYS = 5
    assert Behandeling.deadlines_for(date(2026, 4, 24), spoed=True) == (date(2026, 4, 29), date(2026, 6, 5))
    assert Behandeling.deadlines_for(date(2026, 4, 24), spoed=False) == (date(2026, 5, 4), date(2026, 6, 5))
    settings.MELDINGEN_CONTACT_WORKING_DAYS = 3
    assert Behandeling.deadlines_for(date(2026, 4, 24), spoed=False)[0] == date(2026, 4, 30)


def test_onderzoek_term_is_six_calendar_weeks_even_over_kerst():
    assert Behandeling.deadlines_for(date(2026, 12, 1), spoed=False)[1] == date(2027, 1, 12)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2026, 3, 16), date(2026, 4, 28)),  # six weeks end on Koningsdag: the next day
        (date(2026, 3, 24), date(2026, 5, 6)),  # ... on 5 May, a feestdag of the termijnenwet every year
        (date(2026, 2, 20), date(2026, 4, 3)),  # ... on Goede Vrijdag, which is none: that day
        (date(2026, 11, 14), date(2026, 12, 28)),  # a melding on Saturday: past the weekend and Kerst
    ],
)
def test_onderzoek_term_follows_the_algemene_termijnenwet(start, end):
    assert Behandeling.deadlines_for(start, spoed=False)[1] == end


def test_a_legal_term_ending_on_a_working_day_stays():
    assert end_of_legal_term(date(2026, 6, 5)) == date(2026, 6, 5)


def test_working_days_between_counts_backwards_when_late():
    assert working_days_between(date(2026, 4, 24), date(2026, 4, 29)) == 2
    assert working_days_between(date(2026, 4, 29), date(2026, 4, 24)) == -2
