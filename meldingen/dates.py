"""What happens next, with dates: spoed within 2 working days, otherwise the municipality's term."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

from .workdays import add_working_days

SPOED_WORKING_DAYS = 2


@dataclass(frozen=True)
class NextSteps:
    contact_by: date
    contact_working_days: int
    onderzoek_by: date
    onderzoek_weeks: int
    spoed: bool


def next_steps(melding) -> NextSteps:
    start = timezone.localtime(melding.created_at).date()
    days = SPOED_WORKING_DAYS if melding.spoed else settings.MELDINGEN_CONTACT_WORKING_DAYS
    weeks = settings.MELDINGEN_ONDERZOEK_WEEKS
    return NextSteps(
        contact_by=add_working_days(start, days),
        contact_working_days=days,
        onderzoek_by=start + timedelta(weeks=weeks),
        onderzoek_weeks=weeks,
        spoed=melding.spoed,
    )
