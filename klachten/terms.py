"""The legal term of a complaint: answered within 6 weeks of receipt (Awb art. 9:11 lid 1).

A term in weeks, so it is counted in calendar days, and one that ends on a Saturday, Sunday or algemeen
erkende feestdag ends on the next day that is none of these (Algemene termijnenwet art. 1), with the
calendar the melding uses (core/workdays.py). The term starts on the day the complaint was received: for a
letter the day it arrived, not the day staff registered it. Postponing by 4 weeks (Awb 9:11 lid 2) is not
built in: the klachtbehandelaar notes it and tells the resident.
"""

from datetime import date, timedelta

from django.conf import settings

from core.workdays import end_of_legal_term


def answer_by(received: date) -> date:
    return end_of_legal_term(received + timedelta(weeks=settings.KLACHTEN_TERMIJN_WEKEN))
