"""Dates of what happens next, counted in Dutch working days (no weekends, no public holidays)."""

from datetime import date, timedelta

import holidays


def add_working_days(start: date, days: int) -> date:
    dutch_holidays = holidays.country_holidays("NL", years=range(start.year, start.year + 2))
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in dutch_holidays:
            days -= 1
    return current
