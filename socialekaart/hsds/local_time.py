"""Weekly times with the offset from UTC that HSDS asks for ("09:00+01:00"): HSDS reads a time without one as
UTC, so "09:00" would be 10:00 or 11:00 here. A weekly time is a local one, whose offset changes with summer
time: the export writes today's offset, and the import takes it off again, so a time read back on the same day
is the time written.

"Today's offset" is the one at noon: one for the whole day. On the night summer time began, the export wrote
the offset of before 02:00, the import read "09:00+01:00" as the moment it was on that day (10:00), and
every opening hour moved an hour."""

from datetime import date, datetime, time, timedelta
from functools import lru_cache

from django.utils import timezone


@lru_cache(maxsize=8)
def _noon(day: date) -> datetime:
    # Made once a day, not for each opening hour of an export or a `?full=true` page.
    return timezone.make_aware(datetime.combine(day, time(12)))


def offset_today() -> timedelta:
    return _noon(timezone.localdate()).utcoffset()


def utc_offset_today() -> str:
    """Today's offset as HSDS writes it: "+01:00" in winter, "+02:00" in summer."""
    offset = _noon(timezone.localdate()).strftime("%z")
    return f"{offset[:3]}:{offset[3:]}"


def with_offset(local: time) -> str:
    return local.strftime("%H:%M") + utc_offset_today()


def to_local(at_offset: time) -> time:
    """A time with its offset ("08:30+00:00") as the local time of day with today's offset ("09:30")."""
    any_day = datetime(2000, 1, 2)  # only the time of day counts; it may pass midnight
    written = datetime.combine(any_day, at_offset.replace(tzinfo=None))
    return (written - at_offset.utcoffset() + offset_today()).time()
