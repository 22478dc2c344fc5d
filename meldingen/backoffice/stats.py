"""Figures for the dashboard, always over the meldingen the user may see, without the doubles."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Case, Count, DateTimeField, DurationField, ExpressionWrapper, F, Min, Q, When
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.translation import gettext as _

from meldingen.backoffice.models import Behandeling, Nazorg, Verwijzing
from meldingen.backoffice.roles import wijken_seen_by
from meldingen.backoffice.workflow import CLOSED_STATUSES, Status
from socialekaart import public as kaart

WEEKS = 12  # the chart per week without a chosen period
MAX_WEEKS = 53  # with one: every week of it, at most a year


@dataclass
class Figures:
    per_week: list[tuple[str, int]] = field(default_factory=list)
    per_wijk: list[tuple[str, int]] = field(default_factory=list)
    per_soort: list[tuple[str, int]] = field(default_factory=list)
    soort_counts: dict[str, int] = field(default_factory=dict)
    contact_on_time: int = 0
    contact_late: int = 0  # made late, or not made while its term is over
    onderzoek_on_time: int = 0
    onderzoek_late: int = 0
    beschikking_on_time: int = 0
    beschikking_late: int = 0  # given late, or not given while its term is over
    median_lead_days: float | None = None
    total: int = 0
    doubles: int = 0  # dubbele meldingen, counted in no other figure
    first_received: date | None = None  # the local day the first of them came in
    first_day: date | None = None  # the first day counted: the period's start, or the first receipt
    last_day: date | None = None  # the last day counted: the period's end, or today
    first_week: date | None = None  # the Monday of the chart's first week
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
    def contact_total(self) -> int:
        return self.contact_on_time + self.contact_late

    @property
    def contact_on_time_share(self) -> float | None:
        return round(100 * self.contact_on_time / self.contact_total, 1) if self.contact_total else None

    @property
    def onderzoek_total(self) -> int:
        return self.onderzoek_on_time + self.onderzoek_late

    @property
    def on_time_share(self) -> float | None:
        return round(100 * self.onderzoek_on_time / self.onderzoek_total, 1) if self.onderzoek_total else None

    @property
    def beschikking_total(self) -> int:
        return self.beschikking_on_time + self.beschikking_late

    @property
    def beschikking_on_time_share(self) -> float | None:
        total = self.beschikking_total
        return round(100 * self.beschikking_on_time / total, 1) if total else None

    def soort_share(self, soort: str) -> float | None:
        total = sum(self.soort_counts.values())
        return round(100 * self.soort_counts.get(soort, 0) / total, 1) if total else None


def figures_for(
    user, today=None, thema_names: dict[str, str] | None = None, received_from=None, received_until=None
) -> Figures:
    """The figures over the meldingen `user` may see, received from and until the given days (each
    included; None: from the first, until today). The chart per week ends with the period."""
    today = today or timezone.localdate()
    visible = Behandeling.objects.visible_to(user)
    if received_from:
        visible = visible.filter(melding__created_at__gte=start_of_day(received_from))
    if received_until:
        visible = visible.filter(melding__created_at__lt=start_of_day(received_until + timedelta(days=1)))
    figures = Figures(last_day=min(received_until or today, today))
    # A double is no second request for help: its work went on with the other melding, which counts. How many
    # there are is said beside the figures.
    figures.doubles = visible.filter(status=Status.DUBBEL).count()
    visible = visible.exclude(status=Status.DUBBEL)
    figures.first_week = _first_monday(figures.last_day, received_from)
    handled = _counts(
        figures, visible, today, figures.first_week, set(wijken_seen_by(user).values_list("pk", flat=True))
    )
    figures.first_day = received_from or figures.first_received
    figures.median_lead_days = _median_lead_days(visible, handled)
    _verwijzingen(figures, visible, thema_names or {})
    _nazorg(figures, visible, today)
    return figures


def start_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _first_monday(last_day: date, received_from: date | None) -> date:
    """The chart's first week: WEEKS weeks up to the last day counted, or the first week of a chosen period
    (weeks before it would show 0 where meldingen came in)."""
    if received_from is None:
        return _monday(last_day) - timedelta(weeks=WEEKS - 1)
    return max(_monday(received_from), _monday(last_day) - timedelta(weeks=MAX_WEEKS - 1))


def _counts(figures: Figures, visible, today, first_monday: date, wijken_seen: set[int]) -> int:
    """Every count over the meldingen in one walk: the database groups them per wijk, soort and (from
    `first_monday` on) week of receipt and counts the late ones and the onderzoeken beside them; Python adds
    the groups up. Each wijk of `wijken_seen` is listed, with 0 when none came in (a walk's teamleider read
    a month without two wijken as if they did not exist). Returns how many meldingen were handled
    (afgehandeld), for the median lead time."""
    # Only the recent meldingen get a week: the week of every melding, a time zone conversion each, cost
    # the database a fifth of the query.
    week = Case(
        When(melding__created_at__gte=start_of_day(first_monday), then=TruncWeek("melding__created_at")),
        output_field=DateTimeField(),
    )
    # The first contact counts once it was made (in time or not, as kept when it was written down), or once
    # its term is over without one: still "ontvangen", with that term as its next (a teamleider saw a late
    # contact leave "Nu te laat" and count nowhere after).
    contact_missed = Q(status=Status.ONTVANGEN, next_deadline__lt=today)
    # An onderzoek counts once it is finished (on its local date), or once its term is over while it is
    # still open.
    done = Q(onderzoek_afgerond_at__isnull=False)
    # A beschikking as the onderzoek: once the melding is afgehandeld after its aanvraag, or once its term is
    # over while the aanvraag still waits.
    decided = Q(status=Status.AFGEHANDELD, aanvraag_at__isnull=False, closed_at__isnull=False)
    # Grouped by the wijk's key, not its name: the database then counts in a hash table instead of sorting
    # every melding by name first (a third of the query). The names come after, from the kaart.
    groups = (
        visible.annotate(week=week)
        .values_list("melding__wijk", "melding__soort", "week")
        .annotate(
            n=Count("*"),
            overdue=Count("pk", filter=visible.late_q(today)),
            contact_on_time=Count("pk", filter=Q(contact_op_tijd=True)),
            contact_late=Count("pk", filter=Q(contact_op_tijd=False) | contact_missed),
            on_time=Count("pk", filter=done & Q(onderzoek_afgerond_at__date__lte=F("onderzoek_deadline"))),
            late=Count("pk", filter=done & Q(onderzoek_afgerond_at__date__gt=F("onderzoek_deadline"))),
            onderzoek_overdue=Count(
                "pk", filter=~done & Q(onderzoek_deadline__lt=today) & ~Q(status__in=CLOSED_STATUSES)
            ),
            handled=Count("pk", filter=Q(status=Status.AFGEHANDELD, closed_at__isnull=False)),
            beschikking_on_time=Count(
                "pk", filter=decided & Q(closed_at__date__lte=F("beschikking_deadline"))
            ),
            beschikking_late=Count(
                "pk",
                filter=(decided & Q(closed_at__date__gt=F("beschikking_deadline")))
                | Q(status=Status.AANVRAAG_ONTVANGEN, beschikking_deadline__lt=today),
            ),
            first=Min("melding__created_at"),
        )
        .order_by()
    )
    per_wijk: dict[int | None, int] = {}
    per_week: dict = {}
    handled = 0
    first = None
    for (
        wijk,
        soort,
        monday,
        n,
        overdue,
        contact_on_time,
        contact_late,
        on_time,
        late,
        onderzoek_overdue,
        handled_here,
        beschikking_on_time,
        beschikking_late,
        received,
    ) in groups:
        figures.total += n
        first = received if first is None else min(first, received)
        figures.overdue += overdue
        figures.contact_on_time += contact_on_time
        figures.contact_late += contact_late
        figures.onderzoek_on_time += on_time
        figures.onderzoek_late += late + onderzoek_overdue
        handled += handled_here
        figures.beschikking_on_time += beschikking_on_time
        figures.beschikking_late += beschikking_late
        per_wijk[wijk] = per_wijk.get(wijk, 0) + n
        figures.soort_counts[soort] = figures.soort_counts.get(soort, 0) + n
        if monday is not None:  # the start of its week, as a moment
            per_week[monday.date()] = per_week.get(monday.date(), 0) + n
    figures.first_received = timezone.localdate(first) if first else None
    # The wijken by name, as the table shows them, and the meldingen without one last.
    names = kaart.wijken().values_list("pk", "name")
    figures.per_wijk = [
        (name, per_wijk.get(pk, 0)) for pk, name in names if pk in per_wijk or pk in wijken_seen
    ]
    if None in per_wijk:
        figures.per_wijk.append((_("Onbekende wijk"), per_wijk[None]))
    soorten = figures.soort_counts
    figures.per_soort = [(_("Kort"), soorten.get("kort", 0)), (_("Uitgebreid"), soorten.get("uitgebreid", 0))]
    weeks = (_monday(figures.last_day) - first_monday).days // 7 + 1
    mondays = [first_monday + timedelta(weeks=offset) for offset in range(max(weeks, 0))]
    figures.per_week = [
        (_("week %(week)s") % {"week": monday.isocalendar()[1]}, per_week.get(monday, 0))
        for monday in mondays
    ]
    return handled


def _median_lead_days(visible, handled: int) -> float | None:
    """The median time from receipt to afgehandeld, in days. The database subtracts and sorts the lead
    times and sends only the middle one (or the middle two, whose average is the median)."""
    if not handled:
        return None
    lead = ExpressionWrapper(F("closed_at") - F("melding__created_at"), output_field=DurationField())
    middle = (
        visible.filter(status=Status.AFGEHANDELD, closed_at__isnull=False)
        .annotate(lead=lead)
        .order_by("lead")
        .values_list("lead", flat=True)[(handled - 1) // 2 : handled // 2 + 1]
    )
    days = [duration.total_seconds() / 86400 for duration in middle]
    return round(sum(days) / len(days), 1) if days else None


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
    """A call counts once it is made (on its local day), or once its time is over while it is still not
    made. The database counts them all in one row."""
    made = Q(done_at__isnull=False)
    counts = Nazorg.objects.filter(behandeling__in=visible).aggregate(
        in_time=Count("pk", filter=made & Q(done_at__date__lte=F("in_time_until"))),
        made_late=Count("pk", filter=made & Q(done_at__date__gt=F("in_time_until"))),
        missed=Count("pk", filter=Q(done_at__isnull=True, in_time_until__lt=today)),
        tevreden=Count("pk", filter=made & Q(uitkomst=Nazorg.Uitkomst.TEVREDEN)),
        niet_tevreden=Count("pk", filter=made & Q(uitkomst=Nazorg.Uitkomst.NIET_TEVREDEN)),
    )
    figures.nazorg_in_time = counts["in_time"]
    figures.nazorg_late = counts["made_late"] + counts["missed"]
    figures.nazorg_tevreden = counts["tevreden"]
    figures.nazorg_niet_tevreden = counts["niet_tevreden"]
