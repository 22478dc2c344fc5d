"""The legal term of a complaint: answered within 6 weeks of receipt (Awb art. 9:11 lid 1).

A term in weeks, so it is counted in calendar days, and one that ends on a Saturday, Sunday or algemeen
erkende feestdag ends on the next day that is none of these (Algemene termijnenwet art. 1), with the
calendar the melding uses (core/workdays.py). The term starts on the day the complaint was received: for a
letter the day it arrived, not the day staff registered it.

Awb 9:11 lid 2: staff may postpone the answer once, by at most 4 weeks, before the term ends, and tell the
resident in writing. The postponed term is counted from receipt like the first one: 6 + n weeks, then moved
past a weekend or feestdag.
"""

from datetime import date, timedelta

from django.conf import settings

from core.workdays import end_of_legal_term

MAX_VERDAGING_WEKEN = 4


def answer_by(received: date) -> date:
    return end_of_legal_term(received + timedelta(weeks=settings.KLACHTEN_TERMIJN_WEKEN))


def postponed_answer_by(received: date, weeks: int) -> date:
    if not 1 <= weeks <= MAX_VERDAGING_WEKEN:
        raise ValueError(f"a complaint is postponed by 1 to {MAX_VERDAGING_WEKEN} weeks, not {weeks}")
    return end_of_legal_term(received + timedelta(weeks=settings.KLACHTEN_TERMIJN_WEKEN + weeks))
