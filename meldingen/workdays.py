"""Working days and legal terms for the melding; the calendar itself lives in core/workdays.py, shared with
the klachten."""

from core.workdays import add_working_days, end_of_legal_term, is_working_day, working_days_between

__all__ = ["add_working_days", "end_of_legal_term", "is_working_day", "working_days_between"]
