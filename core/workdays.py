"""Terms in working days: weekends and Dutch public holidays (the `holidays` package, NL) do not count.

One calendar for the whole site: the dates on the confirmation page and the deadlines in the backoffice.
`holidays.NL` knows Nieuwjaarsdag, Goede Vrijdag, Pasen, Koningsdag (26 April when the 27th is a Sunday),
Hemelvaart, Pinksteren and Kerst; Bevrijdingsdag (5 May) only in lustrum years (2025, 2030, ...), the
years it is a day off for the government.

Legal terms in weeks (the onderzoek, Wmo 2015 art. 2.3.2) follow the Algemene termijnenwet instead: one
that ends on a Saturday, Sunday or "algemeen erkende feestdag" (art. 3: without Goede Vrijdag, with 5 May
every year) ends on the next day that is none of these.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.easter import easter


@lru_cache(maxsize=64)
def _holiday_names(year: int) -> dict[date, str]:
    # Building a year's calendar costs about a millisecond; every confirmation and inbox row needs it.
    return dict(holidays.NL(years=year, language="nl"))


@lru_cache(maxsize=64)
def _holidays_in(year: int) -> frozenset[date]:
    return frozenset(_holiday_names(year))


@lru_cache(maxsize=64)
def _algemeen_erkende_feestdagen(year: int) -> frozenset[date]:
    good_friday = easter(year) - timedelta(days=2)
    return (_holidays_in(year) - {good_friday}) | {date(year, 5, 5)}


def end_of_legal_term(day: date) -> date:
    """The day a legal term that would end on `day` really ends (Algemene termijnenwet art. 1)."""
    while day.weekday() >= 5 or day in _algemeen_erkende_feestdagen(day.year):
        day += timedelta(days=1)
    return day


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays_in(day.year)


def holiday_name(day: date) -> str | None:
    """The Dutch name of the public holiday on `day` ("Eerste kerstdag"), or None."""
    return _holiday_names(day.year).get(day)


# Remembered: the calendar does not change while the site runs, and the dashboard asks it for every due day
# of two years of nazorg calls (about 700, 14 us each) on every visit.
@lru_cache(maxsize=4096)
def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (the start day itself does not count)."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


# Remembered too: the inbox asks it for each row on every visit, and the first rows are the latest, often by
# months (a day costs about half a microsecond).
@lru_cache(maxsize=4096)
def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`; negative when `end` lies before `start`."""
    if end < start:
        return -working_days_between(end, start)
    return sum(1 for offset in range(1, (end - start).days + 1) if is_working_day(start + timedelta(offset)))
