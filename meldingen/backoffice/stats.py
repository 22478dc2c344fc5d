"""Figures for the dashboard, always over the meldingen the user may see."""

import statistics
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.translation import gettext as _

from meldingen.backoffice.models import Behandeling, Nazorg, Verwijzing
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
    # "Verwezen naar voorliggende voorziening": (thema, wijk, count), and the totals per thema.
    verwijzingen: list[tuple[str, str, int]] = field(default_factory=list)
    verwijzingen_per_thema: list[tuple[str, int]] = field(default_factory=list)
    nazorg_in_time: int = 0
    nazorg_late: int = 0  # made late, or not made while its time is over
    nazorg_tevreden: int = 0
    nazorg_niet_tevreden: int = 0

    @property
    def nazorg_total(self) -> int:
        return self.nazorg_in_time + self.nazorg_late

    @property
    def nazorg_in_time_share(self) -> float | None:
        return round(100 * self.nazorg_in_time / self.nazorg_total, 1) if self.nazorg_total else None

    @property
    def nazorg_tevreden_share(self) -> float | None:
        done = self.nazorg_tevreden + self.nazorg_niet_tevreden
        return round(100 * self.nazorg_tevreden / done, 1) if done else None

    @property
    def onderzoek_total(self) -> int:
        return self.onderzoek_on_time + self.onderzoek_late

    @property
    def on_time_share(self) -> float | None:
        return round(100 * self.onderzoek_on_time / self.onderzoek_total, 1) if self.onderzoek_total else None

    def soort_share(self, soort: str) -> float | None:
        total = sum(self.soort_counts.values())
        return round(100 * self.soort_counts.get(soort, 0) / total, 1) if total else None


def figures_for(user, today=None, thema_names: dict[str, str] | None = None) -> Figures:
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
    # An onderzoek counts once it is finished (on its local date), or once its term is over while it is
    # still open. Counted by the database: the rows themselves never leave it.
    done = Q(onderzoek_afgerond_at__isnull=False)
    onderzoek = visible.aggregate(
        on_time=Count("pk", filter=done & Q(onderzoek_afgerond_at__date__lte=F("onderzoek_deadline"))),
        late=Count("pk", filter=done & Q(onderzoek_afgerond_at__date__gt=F("onderzoek_deadline"))),
        overdue=Count(
            "pk",
            filter=~done & Q(onderzoek_deadline__lt=today) & ~Q(status__in=CLOSED_STATUSES),
        ),
    )
    figures.onderzoek_on_time = onderzoek["on_time"]
    figures.onderzoek_late = onderzoek["late"] + onderzoek["overdue"]
    # The database subtracts: one duration per row rather than two moments with their time zones.
    lead = ExpressionWrapper(F("closed_at") - F("melding__created_at"), output_field=DurationField())
    handled = visible.filter(status=Status.AFGEHANDELD, closed_at__isnull=False)
    lead_times = [duration.total_seconds() / 86400 for duration in handled.values_list(lead, flat=True)]
    figures.median_lead_days = round(statistics.median(lead_times), 1) if lead_times else None
    _verwijzingen(figures, visible, thema_names or {})
    _nazorg(figures, visible, today)
    return figures


def _verwijzingen(figures: Figures, visible, thema_names: dict[str, str]) -> None:
    """Only "verwezen" counts here: a voorziening that was only discussed is no referral."""
    rows = (
        Verwijzing.objects.filter(melding__behandeling__in=visible, soort=Verwijzing.Soort.VERWEZEN)
        .values_list("thema", "wijk")
        .annotate(n=Count("pk"))
        .order_by("thema", "wijk")
    )
    per_thema: dict[str, int] = {}
    for thema, wijk, count in rows:
        name = thema_names.get(thema, thema)
        figures.verwijzingen.append((name, wijk or _("Onbekende wijk"), count))
        per_thema[name] = per_thema.get(name, 0) + count
    figures.verwijzingen_per_thema = sorted(per_thema.items())


def _nazorg(figures: Figures, visible, today) -> None:
    """A call counts once it is made, or once its time (the due day plus BACKOFFICE_NAZORG_WORKING_DAYS)
    is over while it is still not made."""
    last_days: dict = {}  # many calls share a due day: its last day in time is worked out once

    def in_time_until(due_date):
        if due_date not in last_days:
            last_days[due_date] = Nazorg.last_day_in_time(due_date)
        return last_days[due_date]

    calls = Nazorg.objects.filter(behandeling__in=visible).order_by()
    for done_at, due_date, uitkomst in calls.values_list("done_at", "due_date", "uitkomst"):
        if done_at is not None:
            if timezone.localdate(done_at) <= in_time_until(due_date):
                figures.nazorg_in_time += 1
            else:
                figures.nazorg_late += 1
            if uitkomst == Nazorg.Uitkomst.TEVREDEN:
                figures.nazorg_tevreden += 1
            elif uitkomst == Nazorg.Uitkomst.NIET_TEVREDEN:
                figures.nazorg_niet_tevreden += 1
        elif in_time_until(due_date) < today:
            figures.nazorg_late += 1


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
