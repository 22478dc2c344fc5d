"""Figures for the dashboard, always over the meldingen the user may see."""

import statistics
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.translation import gettext as _

from meldingen.backoffice.models import Behandeling
from meldingen.backoffice.workflow import CLOSED_STATUSES, Status

WEEKS = 12


@dataclass
class Figures:
    per_week: list[tuple[str, int]] = field(default_factory=list)
    per_wijk: list[tuple[str, int]] = field(default_factory=list)
    per_soort: list[tuple[str, int]] = field(default_factory=list)
    soort_counts: dict[str, int] = field(default_factory=dict)
    onderzoek_on_time: int = 0
    onderzoek_late: int = 0
    median_lead_days: float | None = None
    total: int = 0
    overdue: int = 0

    @property
    def onderzoek_total(self) -> int:
        return self.onderzoek_on_time + self.onderzoek_late

    @property
    def on_time_share(self) -> float | None:
        return round(100 * self.onderzoek_on_time / self.onderzoek_total, 1) if self.onderzoek_total else None

    def soort_share(self, soort: str) -> float | None:
        total = sum(self.soort_counts.values())
        return round(100 * self.soort_counts.get(soort, 0) / total, 1) if total else None


def figures_for(user, today=None) -> Figures:
    today = today or timezone.localdate()
    visible = Behandeling.objects.visible_to(user)
    figures = Figures(total=visible.count(), overdue=visible.overdue(today).count())
    figures.per_week = _per_week(visible, today)
    figures.per_wijk = [
        (name or _("Onbekende wijk"), count)
        for name, count in visible.values_list("melding__wijk__name")
        .annotate(n=Count("pk"))
        .order_by("melding__wijk__name")
    ]
    soorten = dict(visible.values_list("melding__soort").annotate(n=Count("pk")).order_by())
    figures.soort_counts = soorten
    figures.per_soort = [(_("Kort"), soorten.get("kort", 0)), (_("Uitgebreid"), soorten.get("uitgebreid", 0))]
    # An onderzoek counts once it is finished, or once its term is over while it is still open.
    for done_at, deadline, status in visible.values_list(
        "onderzoek_afgerond_at", "onderzoek_deadline", "status"
    ):
        if done_at is not None:
            if timezone.localdate(done_at) <= deadline:
                figures.onderzoek_on_time += 1
            else:
                figures.onderzoek_late += 1
        elif status not in CLOSED_STATUSES and deadline < today:
            figures.onderzoek_late += 1
    lead_times = [
        (closed - created).total_seconds() / 86400
        for created, closed in visible.filter(status=Status.AFGEHANDELD, closed_at__isnull=False).values_list(
            "melding__created_at", "closed_at"
        )
    ]
    figures.median_lead_days = round(statistics.median(lead_times), 1) if lead_times else None
    return figures


def _per_week(visible, today) -> list[tuple[str, int]]:
    first_monday = today - timedelta(days=today.weekday(), weeks=WEEKS - 1)
    counts = {
        (week.date() if hasattr(week, "date") else week): count
        for week, count in visible.filter(melding__created_at__date__gte=first_monday)
        .annotate(week=TruncWeek("melding__created_at"))
        .values_list("week")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("week", "n")
    }
    rows = []
    for offset in range(WEEKS):
        monday = first_monday + timedelta(weeks=offset)
        rows.append((_("week %(week)s") % {"week": monday.isocalendar()[1]}, counts.get(monday, 0)))
    return rows
