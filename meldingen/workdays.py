"""Dates of what happens next, counted in Dutch working days (no weekends, no public holidays)."""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=4)
def _dutch_holidays(first_year: int):
    # Building the calendar costs about a millisecond; every confirmation needs it, so keep it per year.
    return holidays.country_holidays("NL", years=range(first_year, first_year + 2))


def add_working_days(start: date, days: int) -> date:
    dutch_holidays = _dutch_holidays(start.year)
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in dutch_holidays:
            days -= 1
    return current
