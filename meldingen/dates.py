"""What happens next, with dates: spoed within 2 working days, otherwise the municipality's term."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

from .workdays import add_working_days, end_of_legal_term

SPOED_WORKING_DAYS = 2
# The beschikking follows the aanvraag within two weeks (Wmo 2015 art. 2.3.5 lid 1).
BESCHIKKING_WEEKS = 2
# A resident may hand in a persoonlijk plan up to seven days after the melding (Wmo 2015 art. 2.3.2 lid 2).
PERSOONLIJK_PLAN_DAYS = 7


def contact_working_days(spoed: bool) -> int:
    return SPOED_WORKING_DAYS if spoed else settings.MELDINGEN_CONTACT_WORKING_DAYS


def deadlines(start: date, spoed: bool) -> tuple[date, date]:
    """When the first contact and the onderzoek are due; the backoffice counts with the same terms.

    The onderzoek term defaults to six weeks (Wmo 2015 art. 2.3.2), moved past a weekend or feestdag."""
    onderzoek_by = end_of_legal_term(start + timedelta(weeks=settings.MELDINGEN_ONDERZOEK_WEEKS))
    return add_working_days(start, contact_working_days(spoed)), onderzoek_by


def beschikking_deadline(aanvraag: date) -> date:
    """When the beschikking on an aanvraag of that day is due, moved past a weekend or feestdag."""
    return end_of_legal_term(aanvraag + timedelta(weeks=BESCHIKKING_WEEKS))


@dataclass(frozen=True)
class NextSteps:
    contact_by: date
    contact_working_days: int
    onderzoek_by: date
    onderzoek_weeks: int
    persoonlijk_plan_by: date
    persoonlijk_plan_days: int
    spoed: bool


def next_steps(melding) -> NextSteps:
    start = timezone.localtime(melding.created_at).date()
    contact_by, onderzoek_by = deadlines(start, melding.spoed)
    return NextSteps(
        contact_by=contact_by,
        contact_working_days=contact_working_days(melding.spoed),
        onderzoek_by=onderzoek_by,
        onderzoek_weeks=settings.MELDINGEN_ONDERZOEK_WEEKS,
        persoonlijk_plan_by=end_of_legal_term(start + timedelta(days=PERSOONLIJK_PLAN_DAYS)),
        persoonlijk_plan_days=PERSOONLIJK_PLAN_DAYS,
        spoed=melding.spoed,
    )
