"""The backoffice's own rows beside each Melding: its handling (status, team, deadlines), notes, the audit
log and the wijkteams. Delivery's rows are in meldingen/delivery/models.py."""

from datetime import date, timedelta

from django.conf import settings
from django.db import DatabaseError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.templatetags.core_tags import datum, datumtijd
from meldingen.backoffice.notices import queue_status_notice
from meldingen.backoffice.workflow import (
    CLOSED_STATUSES,
    TRANSITIONS,
    GesprekPlaats,
    OtherMeldingBusy,
    Status,
    TransitionNotAllowed,
    Uitkomst,
)
from meldingen.dates import beschikking_deadline, deadlines
from meldingen.workdays import add_working_days, end_of_legal_term, working_days_between


class Wijkteam(models.Model):
    """A wijkteam: the consulenten who handle the meldingen from their wijken."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    wijken = models.ManyToManyField("socialekaart.Wijk", related_name="wijkteams", verbose_name=_("wijken"))
    mailbox = models.EmailField(_("e-mailadres van het team"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="wijkteams", blank=True, verbose_name=_("medewerkers")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("wijkteam")
        verbose_name_plural = _("wijkteams")

    def __str__(self):
        return self.name

    @classmethod
    def for_wijk(cls, wijk):
        return cls.objects.filter(wijken=wijk).order_by("pk").first() if wijk else None


class TeamVisibleQuerySet(models.QuerySet):
    """Records routed to a wijkteam (meldingen, signals, nazorg calls): all for a teamleider, their own teams'
    for a consulent, none for anyone else. `team_path` leads from the record to its team."""

    team_path = "team"

    def visible_to(self, user):
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.has_perm("backoffice.view_all_meldingen"):
            return self
        if user.has_perm("backoffice.view_team_meldingen"):
            # The user's teams as a subquery rather than a join: the database then reads only those teams'
            # rows through the team indexes, where a join made it read every team's rows first.
            teams = Wijkteam.objects.filter(members=user).values("pk")
            return self.filter(**{f"{self.team_path}__in": teams})
        return self.none()


# The term that runs in each status (`next_deadline`); none once the onderzoek is finished without an
# aanvraag.
TERM_OF_STATUS = {
    Status.ONTVANGEN: "contact",
    Status.CONTACT_OPGENOMEN: "onderzoek",
    Status.GESPREK_GEPLAND: "onderzoek",
    Status.AANVRAAG_ONTVANGEN: "beschikking",
}

# A running term is near its end ("bijna te laat": amber on the page, and the inbox's filter) with this many
# days left: working days for the first contact (five of them; a spoed melding's two are near from the start,
# as meant), days for the onderzoek's six weeks and the beschikking's two. With one week for all, every
# melding was "bijna te laat" from its second day.
SOON = {"contact": 2, "onderzoek": 7, "beschikking": 7}


def contact_soon_ends_before(today: date) -> date:
    """A term for a first contact (a melding's or a signal's) that ends before this day is nearly late."""
    return add_working_days(today, SOON["contact"] + 1)


class BehandelingQuerySet(TeamVisibleQuerySet):
    def open(self):
        return self.exclude(status__in=CLOSED_STATUSES)

    def overdue(self, today: date | None = None):
        return self.filter(self.late_q(today or timezone.localdate()))

    def due_soon(self, today: date):
        return self.filter(self.due_soon_q(today))

    @staticmethod
    def late_q(today: date) -> models.Q:
        return models.Q(next_deadline__lt=today)

    @staticmethod
    def due_soon_q(today: date) -> models.Q:
        """Not late yet, but near: the running term ends within SOON of its kind."""
        near = models.Q()
        for kind, days in SOON.items():
            statuses = [status for status, term in TERM_OF_STATUS.items() if term == kind]
            after = contact_soon_ends_before(today) if kind == "contact" else today + timedelta(days + 1)
            near |= models.Q(status__in=statuses, next_deadline__lt=after)
        return models.Q(next_deadline__gte=today) & near

    def in_deadline_order(self):
        """Open meldingen first (in "Alle meldingen" a closed spoed melding stood above one weeks late), spoed
        first among them while its first contact is still to come (after it, a spoed melding with weeks left
        stood above meldingen weeks late), then the nearest deadline."""
        closed = models.ExpressionWrapper(
            models.Q(status__in=CLOSED_STATUSES), output_field=models.BooleanField()
        )
        spoed_waiting = models.ExpressionWrapper(
            models.Q(melding__spoed=True, status=Status.ONTVANGEN), output_field=models.BooleanField()
        )
        return self.order_by(
            closed.asc(),
            spoed_waiting.desc(),
            models.F("next_deadline").asc(nulls_last=True),
            "melding__created_at",
        )


class Behandeling(models.Model):
    """How the Wmo team handles one melding."""

    melding = models.OneToOneField(
        "meldingen.Melding", on_delete=models.PROTECT, related_name="behandeling", verbose_name=_("melding")
    )
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.ONTVANGEN)
    team = models.ForeignKey(
        Wijkteam,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="behandelingen",
        verbose_name=_("wijkteam"),
        db_index=False,  # behandeling_team_status starts with the team
    )
    consulent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="behandelingen",
        verbose_name=_("consulent"),
    )
    contact_deadline = models.DateField(_("eerste contact uiterlijk"))
    onderzoek_deadline = models.DateField(_("onderzoek af uiterlijk"))
    # The onderzoek's term as the law gave it, kept when the term was extended with the resident's consent
    # (None: never extended): the page shows it beside the new one.
    onderzoek_deadline_eerst = models.DateField(
        _("onderzoek af uiterlijk, voor de verlenging"), null=True, blank=True
    )
    next_deadline = models.DateField(_("eerstvolgende termijn"), null=True, blank=True, db_index=True)
    contacted_at = models.DateTimeField(_("contact opgenomen op"), null=True, blank=True)
    # Whether that contact came within its term (None before it came), kept beside it: Cijfers counts it over
    # every melding, where comparing each one's local date with its term cost the query a third more.
    contact_op_tijd = models.BooleanField(_("eerste contact op tijd"), null=True, editable=False)
    onderzoek_afgerond_at = models.DateTimeField(_("onderzoek afgerond op"), null=True, blank=True)
    aanvraag_at = models.DateTimeField(_("aanvraag ontvangen op"), null=True, blank=True)
    beschikking_deadline = models.DateField(_("beschikking uiterlijk"), null=True, blank=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices, blank=True)
    gesprek_op = models.DateTimeField(_("gesprek op"), null=True, blank=True)
    gesprek_plaats = models.CharField(
        _("plaats van het gesprek"), max_length=20, choices=GesprekPlaats.choices, blank=True
    )
    # Dubbele melding: the melding the work goes on with.
    dubbel_van = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dubbele",
        verbose_name=_("dubbel van"),
    )
    # Keyed hashes of the resident's normalised name words, space-delimited: see search_index.py.
    name_index = models.TextField(blank=True, default="", editable=False)
    # Keyed hash of the resident's postcode and house number: "Waar staat mijn melding?" (search_index.py).
    address_index = models.CharField(max_length=32, blank=True, default="", editable=False, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BehandelingQuerySet.as_manager()

    class Meta:
        verbose_name = _("behandeling")
        verbose_name_plural = _("behandelingen")
        indexes = [
            # The inbox with many meldingen: a team's counts per status from the index alone, and a
            # team's open meldingen (the default list) without reading the closed ones. The dashboard's
            # figures (stats.py) read the included fields from the index too, not from the table.
            models.Index(
                fields=["team", "status"],
                include=[
                    "id",
                    "melding",
                    "next_deadline",
                    "onderzoek_deadline",
                    "onderzoek_afgerond_at",
                    "contact_op_tijd",
                    "closed_at",
                    "aanvraag_at",
                    "beschikking_deadline",
                ],
                name="behandeling_team_status",
            ),
            models.Index(
                fields=["team", "next_deadline"],
                condition=~models.Q(status__in=CLOSED_STATUSES),
                name="behandeling_team_open",
            ),
        ]
        permissions = [
            ("view_all_meldingen", _("Alle meldingen bekijken")),
            ("view_team_meldingen", _("Meldingen van het eigen wijkteam bekijken")),
            ("assign_meldingen", _("Meldingen toewijzen aan een consulent")),
            ("manage_delivery", _("Bezorging instellen en opnieuw proberen")),
        ]

    def __str__(self):
        return self.melding.reference

    # --- terms --------------------------------------------------------------------------------------
    @staticmethod
    def deadlines_for(created: date, spoed: bool) -> tuple[date, date]:
        return deadlines(created, spoed)

    @property
    def contact_term_days(self) -> int:
        """The contact term this melding got, in working days, read from its stored dates: a later change of
        the setting moves no term already given (and the page said "(8 weken)" beside a date six weeks on)."""
        return working_days_between(timezone.localdate(self.melding.created_at), self.contact_deadline)

    @property
    def onderzoek_term_weeks(self) -> int:
        """The onderzoek term this melding got, in whole weeks (its end moved past a weekend or feestdag)."""
        return (self.onderzoek_deadline - timezone.localdate(self.melding.created_at)).days // 7

    def compute_next_deadline(self) -> date | None:
        kind = TERM_OF_STATUS.get(self.status)
        return getattr(self, f"{kind}_deadline") if kind else None

    @property
    def deadline_kind(self) -> str:
        """Which term `next_deadline` is: "contact", "onderzoek" or "beschikking"."""
        return TERM_OF_STATUS.get(self.status, "onderzoek")

    def days_left(self, kind: str, today: date | None = None) -> int:
        """Working days left for the first contact, calendar days for the onderzoek (whose term runs from the
        melding on, also before the first contact) and the beschikking; negative when late."""
        today = today or timezone.localdate()
        if kind == "contact":
            # On a weekend or feestdag, a term that ended the working day before is late, not "vandaag".
            days = working_days_between(today, self.contact_deadline)
            return min(days, -1) if self.contact_deadline < today else days
        if kind == "beschikking":
            return (self.beschikking_deadline - today).days
        return (self.onderzoek_deadline - today).days

    # A consulent may extend the onderzoek's term while it runs after the first contact (the resident agrees
    # to it then), by at most this long after the term the law gave.
    EXTENDABLE = (Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND)
    MAX_EXTENSION = timedelta(weeks=6)

    @property
    def why_not_extendable(self) -> str:
        """Why the onderzoek's term cannot be extended now ("" when it can): a term that passed is not made
        good afterwards (it counted as late)."""
        if self.status not in self.EXTENDABLE:
            return _("De termijn kan alleen langer tijdens het onderzoek, na het eerste contact.")
        if self.onderzoek_deadline < timezone.localdate():
            return _("De termijn is al voorbij. Die kan niet meer langer.")
        if self.onderzoek_deadline >= self.latest_extension:
            return _("De termijn is al verlengd tot 6 weken na de wettelijke termijn. Langer kan niet.")
        return ""

    @property
    def can_extend_onderzoek(self) -> bool:
        return not self.why_not_extendable

    @property
    def latest_extension(self) -> date:
        """The last day an extension may give."""
        return (self.onderzoek_deadline_eerst or self.onderzoek_deadline) + self.MAX_EXTENSION

    def extend_onderzoek(self, user, until: date, reden: str) -> None:
        """A walk: a resident wanted the gesprek after the term; the consulent wrote why, yet the melding
        would count as late from the term's next day on. With the resident's consent the term moves to
        `until`; the first term is kept. The audit log says from when to when; why becomes a note on the
        melding: it may say something of the resident's health, and the audit log is kept for ever."""
        previous = self.onderzoek_deadline
        self.onderzoek_deadline_eerst = self.onderzoek_deadline_eerst or previous
        self.onderzoek_deadline = until
        self.next_deadline = self.compute_next_deadline()
        self.save(
            update_fields=["onderzoek_deadline_eerst", "onderzoek_deadline", "next_deadline", "updated_at"]
        )
        change = _("Van %(van)s tot %(tot)s, met instemming van de inwoner.") % {
            "van": datum(previous),
            "tot": datum(until),
        }
        AuditEntry.record(user, self.melding, AuditEntry.Action.TERM_EXTENDED, change)
        Notitie.add(self, user, f"{change}\n{reden}", titel=_("Termijn onderzoek verlengd"))

    def is_overdue(self, today: date | None = None) -> bool:
        return self.next_deadline is not None and self.next_deadline < (today or timezone.localdate())

    @property
    def contact_days_late(self) -> int | None:
        """Working days the first contact came after its term (0 when on time); None before it came. A contact
        on a weekend day or feestdag after the term is 1 late, as a running term is then late
        (`days_left`), and as Cijfers counts it (`contact_op_tijd`)."""
        if self.contacted_at is None:
            return None
        day = timezone.localdate(self.contacted_at)
        if day <= self.contact_deadline:
            return 0
        return max(1, -working_days_between(day, self.contact_deadline))

    @property
    def onderzoek_days_late(self) -> int | None:
        """Calendar days the onderzoek was finished after its term (0 when on time); None while it runs."""
        if self.onderzoek_afgerond_at is None:
            return None
        return max(0, (timezone.localdate(self.onderzoek_afgerond_at) - self.onderzoek_deadline).days)

    @property
    def beschikking_days_late(self) -> int | None:
        """Calendar days the beschikking came after its term (0 when on time): it went out the day the melding
        was afgehandeld after its aanvraag. None while it is due, and for a melding without an aanvraag."""
        if self.status != Status.AFGEHANDELD or not (self.aanvraag_at and self.closed_at):
            return None
        return max(0, (timezone.localdate(self.closed_at) - self.beschikking_deadline).days)

    @property
    def onderzoek_on_time(self) -> bool | None:
        days_late = self.onderzoek_days_late
        return None if days_late is None else days_late == 0

    # --- workflow -----------------------------------------------------------------------------------
    def can_change_to(self, target: str) -> bool:
        return target in TRANSITIONS.get(self.status, ())

    def change_status(
        self,
        target: str,
        user=None,
        toelichting: str = "",
        at=None,
        uitkomst: str = "",
        start_ondersteuning=None,
        gesprek_op=None,
        gesprek_plaats: str = "",
        recorded_at=None,
        verslag_verstuurd: bool = False,
        dubbel_van: "Behandeling | None" = None,
    ) -> "Statuswijziging":
        """Move along the workflow; raises TransitionNotAllowed for any other step. Gesprek gepland keeps
        when (`gesprek_op`) and where (`gesprek_plaats`), on the case and on the change (planned again, the
        gesprek moves). Aanvraag ontvangen starts the beschikking's term. Afgehandeld keeps its `uitkomst`
        (afgehandeld again corrects it); support granted schedules the nazorg call from `start_ondersteuning`
        (default: today). Dubbele melding keeps the melding the work goes on with (`dubbel_van`). A step of an
        earlier day (`at`) written down now has `recorded_at`."""
        if not self.can_change_to(target):
            raise TransitionNotAllowed(self.status, target)
        from meldingen.models import Melding

        at = at or timezone.now()
        with transaction.atomic():
            if target == Status.DUBBEL:  # before anything changes here: it may be refused
                dubbel_van = self._still_open(dubbel_van)
            previous, previous_uitkomst = self.status, self.get_uitkomst_display()
            self.status = target
            if target == Status.CONTACT_OPGENOMEN:
                self.contacted_at = at
                self.contact_op_tijd = self.contact_days_late == 0  # the page's verdict, kept for Cijfers
            elif target == Status.GESPREK_GEPLAND:
                self.gesprek_op, self.gesprek_plaats = gesprek_op, gesprek_plaats
            elif target == Status.ONDERZOEK_AFGEROND:
                self.onderzoek_afgerond_at = at
                if verslag_verstuurd:  # the version the resident got: the latest
                    latest = self.verslagen.order_by("created_at", "pk").last()
                    if latest is not None and latest.sent_at is None:  # not before it was written
                        Verslag.objects.filter(pk=latest.pk).update(sent_at=max(at, latest.created_at))
            elif target == Status.AANVRAAG_ONTVANGEN:
                self.aanvraag_at = at
                self.beschikking_deadline = beschikking_deadline(timezone.localdate(at))
            if target in CLOSED_STATUSES and previous not in CLOSED_STATUSES:  # a correction closes nothing
                self.closed_at = at
                Melding.objects.filter(pk=self.melding_id).update(closed_at=at)
            if target == Status.AFGEHANDELD and uitkomst:
                self.uitkomst = uitkomst
            if target == Status.DUBBEL:
                self.dubbel_van = dubbel_van
                # Its own doubles go on with the same melding as it does.
                Behandeling.objects.filter(dubbel_van=self).update(dubbel_van=dubbel_van)
            self.next_deadline = self.compute_next_deadline()
            self.save()
            if target == Status.AFGEHANDELD:
                self._plan_nazorg(start_ondersteuning or timezone.localdate(at))
            change = Statuswijziging.objects.create(
                behandeling=self,
                from_status=previous,
                to_status=target,
                user=user,
                at=at,
                recorded_at=recorded_at,
                toelichting=toelichting,
                gesprek_op=gesprek_op if target == Status.GESPREK_GEPLAND else None,
                gesprek_plaats=gesprek_plaats if target == Status.GESPREK_GEPLAND else "",
                uitkomst=self.uitkomst if target == Status.AFGEHANDELD else "",
                verslag_verstuurd=verslag_verstuurd and target == Status.ONDERZOEK_AFGEROND,
            )
            detail = f"{Status(previous).label} → {Status(target).label}"
            if change.moves_gesprek:
                detail = _("Gesprek verplaatst naar %(moment)s") % {"moment": change.gesprek_when_and_where()}
            elif change.corrects_uitkomst:
                detail = f"{_('Uitkomst gecorrigeerd')}: {previous_uitkomst} → {self.get_uitkomst_display()}"
            elif target == Status.DUBBEL:
                detail += " " + _("(verder bij %(reference)s)") % {
                    "reference": self.dubbel_van.melding.reference
                }
            AuditEntry.record(user, self.melding, AuditEntry.Action.STATUS_CHANGED, detail)
            if not change.corrects_uitkomst:  # the resident is not told the uitkomst, so nothing is new
                transaction.on_commit(lambda: queue_status_notice(self.pk))
        return change

    def _still_open(self, other: "Behandeling | None") -> "Behandeling":
        """The melding a double goes on with, locked and as it is now: another one, and open. Made a double of
        this one, or closed, by a colleague at the same moment: TransitionNotAllowed. Being saved by a
        colleague right now: OtherMeldingBusy, at once (two doubles of each other would wait on each other
        for ever)."""
        if other is None or other.pk == self.pk:
            raise ValueError("a double goes on with another melding")
        try:
            other = (
                Behandeling.objects.select_for_update(nowait=True).select_related("melding").get(pk=other.pk)
            )
        except DatabaseError as error:
            raise OtherMeldingBusy from error
        if other.status in CLOSED_STATUSES:
            raise TransitionNotAllowed(self.status, Status.DUBBEL)
        return other

    def record_not_reached(self, user) -> bool:
        """A call before the first contact that nobody answered: colleagues see it was tried (the term runs
        on). False, and nothing recorded, when the same user recorded one less than a minute ago: a second
        click is no second call."""
        action = AuditEntry.Action.CONTACT_NOT_REACHED
        just_now = timezone.now() - timedelta(minutes=1)
        if AuditEntry.objects.filter(
            melding=self.melding_id, action=action, user=user, at__gte=just_now
        ).exists():
            return False
        AuditEntry.record(user, self.melding, action)
        return True

    def record_once(self, user, action: str) -> bool:
        """A step of the work that happens once (the persoonlijk plan came in, a cliëntondersteuner was
        arranged), so whoever prepares the gesprek sees it. False, and nothing recorded, when it was
        already."""
        if action in self.recorded_once((action,)):
            return False
        AuditEntry.record(user, self.melding, action)
        return True

    def recorded_once(self, once: tuple) -> dict:
        """Which of the steps `once` stand recorded for this melding, each with who recorded it: the last
        record of each, unless it was undone since (undo_once)."""
        undone = AuditEntry.Action.STEP_UNDONE
        entries = AuditEntry.objects.filter(melding=self.melding_id).filter(
            models.Q(action__in=once) | models.Q(action=undone, detail__in=once)
        )
        recorded = {}
        for entry in entries.select_related("user").order_by("at", "pk"):
            if entry.action == undone:
                recorded.pop(entry.detail, None)
            else:
                recorded[entry.action] = entry
        return recorded

    def undo_once(self, user, action: str) -> bool:
        """Take back a step recorded once by mistake (a walk recorded the resident's consent with one click
        that nothing could take back); the audit log keeps both. False when it does not stand recorded."""
        if action not in self.recorded_once((action,)):
            return False
        AuditEntry.record(user, self.melding, AuditEntry.Action.STEP_UNDONE, action)
        return True

    def calls_not_reached(self):
        """The calls before the first contact that nobody answered, the first first, with who made them."""
        action = AuditEntry.Action.CONTACT_NOT_REACHED
        return (
            AuditEntry.objects.filter(melding=self.melding_id, action=action)
            .select_related("user")
            .order_by("at")
        )

    def gesprek_when_and_where(self) -> str:
        """The gesprek to show, with its place when it is known: "9 dec. 2026, 09:30, aan de telefoon"."""
        return when_and_where(self.gesprek_to_show, self.gesprek_plaats) if self.gesprek_to_show else ""

    @property
    def gesprek_was(self) -> bool:
        """The planned gesprek's moment has passed and its outcome is not written down yet."""
        return (
            self.status == Status.GESPREK_GEPLAND
            and self.gesprek_op is not None
            and self.gesprek_op <= timezone.now()
        )

    @property
    def gesprek_to_show(self):
        """The gesprek's moment while it is planned, or once it has been: a moment still to come after the
        onderzoek was finished without it ("het gesprek was eerder") is a gesprek that will not be."""
        if self.gesprek_op and (self.status == Status.GESPREK_GEPLAND or self.gesprek_op <= timezone.now()):
            return self.gesprek_op
        return None

    def _plan_nazorg(self, start) -> None:
        """Support granted: the follow-up call is planned. A corrected uitkomst without support drops the
        call still to make; a call already made stays as it was."""
        if Nazorg.objects.filter(behandeling=self, done_at__isnull=False).exists():
            return
        if self.uitkomst == Uitkomst.TOEGEKEND:
            Nazorg.schedule(self, start)
        else:
            Nazorg.objects.filter(behandeling=self).delete()


def when_and_where(moment, plaats: str) -> str:
    """ "9 dec. 2026, 09:30", and where when it is known: ", bij de inwoner thuis"."""
    if not plaats:
        return datumtijd(moment)
    label = str(GesprekPlaats(plaats).label)
    return f"{datumtijd(moment)}, {label[:1].lower()}{label[1:]}"


class Statuswijziging(models.Model):
    """One step of a melding along the workflow: from which status to which, by whom, when and why."""

    behandeling = models.ForeignKey(Behandeling, on_delete=models.CASCADE, related_name="statuswijzigingen")
    from_status = models.CharField(max_length=30, choices=Status.choices)
    to_status = models.CharField(max_length=30, choices=Status.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(default=timezone.now)
    # A contact or onderzoek of an earlier day (`at`, its noon) written down later: when it was written down.
    recorded_at = models.DateTimeField(null=True, blank=True)
    toelichting = models.CharField(max_length=500, blank=True)
    gesprek_op = models.DateTimeField(null=True, blank=True)  # gesprek gepland: the moment planned then
    gesprek_plaats = models.CharField(max_length=20, choices=GesprekPlaats.choices, blank=True)  # and where
    # afgehandeld: the uitkomst given then (a correction gives another)
    uitkomst = models.CharField(max_length=20, choices=Uitkomst.choices, blank=True)
    # Onderzoek afgerond: the consulent said the resident got the written report (Wmo art. 2.3.2 lid 8).
    verslag_verstuurd = models.BooleanField(_("verslag naar de inwoner gestuurd"), default=False)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.from_status} -> {self.to_status}"

    @property
    def moves_gesprek(self) -> bool:
        return self.from_status == self.to_status == Status.GESPREK_GEPLAND

    def gesprek_when_and_where(self) -> str:
        return when_and_where(self.gesprek_op, self.gesprek_plaats)

    @property
    def corrects_uitkomst(self) -> bool:
        return self.from_status == self.to_status == Status.AFGEHANDELD


class StaffNote(models.Model):
    """An internal note of staff; its text may hold health data, so it is encrypted like the melding, and
    emptied when the data it is about goes (retention.py)."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    encrypted_text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self):  # never the text: it may hold health data
        return f"Notitie {self.pk}"

    @property
    def text(self) -> str:
        from meldingen.crypto import decrypt_json

        if not self.encrypted_text:
            return str(_("Deze notitie is verwijderd omdat de bewaartermijn voorbij is."))
        return decrypt_json(self.encrypted_text)["text"]

    @classmethod
    def write(cls, author, text: str, **about) -> "StaffNote":
        """Store the note, encrypted, on what `about` names (its link to the melding's case or the signal)."""
        from meldingen.crypto import encrypt_json

        return cls.objects.create(author=author, encrypted_text=encrypt_json({"text": text}), **about)


class Notitie(StaffNote):
    """A note on a melding; one the site writes with a step (a longer term) names that step in its title, the
    timeline's heading (a walk read a term extension as a "Notitie")."""

    behandeling = models.ForeignKey(Behandeling, on_delete=models.CASCADE, related_name="notities")
    titel = models.CharField(_("titel"), max_length=100, blank=True)  # never personal: the step's name

    class Meta(StaffNote.Meta):
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")

    @classmethod
    def add(cls, behandeling, author, text: str, titel: str = "") -> "Notitie":
        note = cls.write(author, text, behandeling=behandeling, titel=titel)
        AuditEntry.record(author, behandeling.melding, AuditEntry.Action.NOTE_ADDED)
        return note


class Verslag(StaffNote):
    """The written report of the onderzoek the resident gets (Wmo 2015 art. 2.3.2 lid 8). Each save is kept;
    the latest is the verslag. A walk's consulent had to tick "verslag verstuurd" with nowhere to write it."""

    behandeling = models.ForeignKey(Behandeling, on_delete=models.CASCADE, related_name="verslagen")
    # When the consulent said this version went to the resident ("Onderzoek afgerond" with the verslag sent,
    # or "Brief verstuurd" for a version not sent by then).
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta(StaffNote.Meta):
        verbose_name = _("verslag van het onderzoek")
        verbose_name_plural = _("verslagen van het onderzoek")

    def __str__(self):  # never the text
        return f"Verslag {self.pk}"

    @classmethod
    def add(cls, behandeling, author, text: str) -> "Verslag":
        verslag = cls.write(author, text, behandeling=behandeling)
        AuditEntry.record(author, behandeling.melding, AuditEntry.Action.REPORT_WRITTEN)
        return verslag


class ImmutableError(Exception):
    """The audit log is append-only."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableError("audit entries cannot be changed")

    def delete(self):
        raise ImmutableError("audit entries cannot be deleted")


class AuditEntry(models.Model):
    """Who viewed or changed which melding, and when. Rows are only ever added."""

    class Action(models.TextChoices):
        VIEWED = "viewed", _("Gegevens bekeken")
        STATUS_CHANGED = "status_changed", _("Status gewijzigd")
        ASSIGNED = "assigned", _("Toegewezen")
        NOTE_ADDED = "note_added", _("Notitie toegevoegd")
        DELIVERY_RETRIED = "delivery_retried", _("Bezorging opnieuw geprobeerd")
        EXPORTED = "exported", _("Geëxporteerd")
        TARGET_CREATED = "target_created", _("Bezorgdoel gemaakt")
        TARGET_CHANGED = "target_changed", _("Bezorgdoel gewijzigd")
        TARGET_APPROVED = "target_approved", _("Bezorgdoel goedgekeurd")
        TARGET_REFUSED = "target_refused", _("Bezorgdoel afgewezen")
        ANSWERS_DELIVERED = "answers_delivered", _("Antwoorden bezorgd")
        REFERRAL_ADDED = "referral_added", _("Voorliggende voorziening vastgelegd")
        REFERRAL_REMOVED = "referral_removed", _("Verwijzing weggehaald")
        SIGNAAL_SENT = "signaal_sent", _("Signaal gestuurd")
        SIGNAAL_VIEWED = "signaal_viewed", _("Signaal bekeken")
        SIGNAAL_STATUS = "signaal_status", _("Status van signaal gewijzigd")
        SIGNAAL_NOTE = "signaal_note", _("Notitie bij signaal")
        NAZORG_RECORDED = "nazorg_recorded", _("Nazorg vastgelegd")
        NAZORG_NOT_REACHED = "nazorg_not_reached", _("Nazorg: inwoner niet bereikt")
        NAZORG_CORRECTED = "nazorg_corrected", _("Nazorg verbeterd")
        CONTACT_NOT_REACHED = "contact_not_reached", _("Gebeld, niet bereikt")  # the writer, or the resident
        TERM_EXTENDED = "term_extended", _("Termijn onderzoek verlengd")
        PLAN_RECEIVED = "plan_received", _("Persoonlijk plan ontvangen")
        SUPPORT_ARRANGED = "support_arranged", _("In contact gebracht met een cliëntondersteuner")
        HEALTH_CONSENT = "health_consent", _("Toestemming gegeven voor de gegevens over de gezondheid")
        TEMPORARY_HELP = "temporary_help", _("Tijdelijke hulp geregeld")
        REPORT_WRITTEN = "report_written", _("Verslag van het onderzoek geschreven")
        REPORT_SENT = "report_sent", _("Brief met het verslag verstuurd")
        STEP_UNDONE = "step_undone", _("Vastlegging teruggedraaid")  # detail: the action taken back
        ACCESS_REFUSED = "access_refused", _("Geen toegang")  # a melding outside the user's reach

    melding = models.ForeignKey(
        "meldingen.Melding",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    reference = models.CharField(max_length=32, blank=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    username = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=30, choices=Action.choices)
    detail = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username or '-'} {self.action} {self.reference}"

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise ImmutableError("audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError("audit entries cannot be deleted")

    @property
    def shown_detail(self) -> str:
        """The detail as people read it: an undone step names the step, not its code."""
        if self.action == self.Action.STEP_UNDONE and self.detail in self.Action.values:
            return str(self.Action(self.detail).label)
        return self.detail

    @classmethod
    def record(cls, user, melding, action: str, detail: str = "", reference: str = "") -> "AuditEntry":
        real_user = user if user is not None and user.is_authenticated else None
        return cls.objects.create(
            melding=melding,
            reference=melding.reference if melding is not None else reference,
            user=real_user,
            username=real_user.get_username() if real_user else "",
            action=action,
            detail=detail,
        )


# --- The kaart in the gesprek: voorliggende voorzieningen discussed or referred to --------------------------


class Verwijzing(models.Model):
    """A voorliggende voorziening of the sociale kaart that the consulent discussed with the resident or
    referred them to. Name, thema and wijk are a snapshot: the kaart may change later, the record not."""

    class Soort(models.TextChoices):
        BESPROKEN = "besproken", _("Besproken")
        VERWEZEN = "verwezen", _("Verwezen")

    melding = models.ForeignKey(
        "meldingen.Melding", on_delete=models.CASCADE, related_name="verwijzingen", verbose_name=_("melding")
    )
    voorziening_id = models.UUIDField(_("voorziening"))
    voorziening_name = models.CharField(_("naam van de voorziening"), max_length=200)
    voorziening_url = models.CharField(_("link naar de voorziening"), max_length=300, blank=True)
    thema = models.CharField(_("thema"), max_length=50)
    wijk = models.CharField(_("wijk"), max_length=100, blank=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("door"),
    )
    created_at = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")

    def __str__(self):
        return f"{self.get_soort_display()}: {self.voorziening_name}"


# --- Signals from providers and professionals ----------------------------------------------------------


class SignaalQuerySet(TeamVisibleQuerySet):
    def open(self):
        return self.exclude(status=Signaal.Status.AFGEROND)

    # Late and nearly late as a melding's first contact is (BehandelingQuerySet), for the inbox's filters.
    @staticmethod
    def late_q(today: date) -> models.Q:
        return models.Q(status=Signaal.Status.NIEUW, contact_deadline__lt=today)

    @staticmethod
    def due_soon_q(today: date) -> models.Q:
        after = contact_soon_ends_before(today)
        return models.Q(status=Signaal.Status.NIEUW, contact_deadline__gte=today, contact_deadline__lt=after)

    def sent_by(self, user):
        return self.filter(sender=user) if user.is_authenticated else self.none()


class Signaal(models.Model):
    """ "Er speelt meer": a provider or professional tells the wijkteam about a client, with the client's
    consent. The client's data and the text are encrypted like a melding; the sender sees only the status."""

    class Status(models.TextChoices):
        NIEUW = "nieuw", _("Nieuw")
        CONTACT_OPGENOMEN = "contact_opgenomen", _("Contact opgenomen")
        AFGEROND = "afgerond", _("Afgerond")

    class Toestemming(models.TextChoices):
        CLIENT = "client", _("De cliënt zelf")
        VERTEGENWOORDIGER = "vertegenwoordiger", _("De wettelijk vertegenwoordiger van de cliënt")

    reference = models.CharField(_("kenmerk"), max_length=20, unique=True)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="signalen_gestuurd"
    )
    sender_name = models.CharField(_("afzender"), max_length=200)
    # A provider's organisation as the kaart knows it; a professional's as they typed it.
    sender_organisation = models.CharField(_("organisatie van de afzender"), max_length=200, blank=True)
    onderwerpen = models.JSONField(_("wat speelt er"), default=list)
    encrypted_data = models.TextField(editable=False)
    # Keyed hashes of the client's name words, as a melding's (search_index.py): the inbox's search finds the
    # signal by name while the name stays encrypted. Cleared with the client's data.
    name_index = models.TextField(blank=True, default="", editable=False)
    toestemming_door = models.CharField(
        _("toestemming gegeven door"), max_length=20, choices=Toestemming.choices
    )
    toestemming_op = models.DateField(_("toestemming gegeven op"))
    wijk = models.ForeignKey(
        "socialekaart.Wijk", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    team = models.ForeignKey(
        Wijkteam, null=True, blank=True, on_delete=models.SET_NULL, related_name="signalen"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NIEUW)
    # Who of the wijkteam calls the client: two colleagues could call the same client.
    consulent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("consulent"),
    )
    contact_deadline = models.DateField(_("contact uiterlijk"))
    # When it became "contact opgenomen": the list then says when the contact was, not its term.
    contacted_at = models.DateTimeField(_("contact opgenomen op"), null=True, blank=True)
    created_at = models.DateTimeField(_("ontvangen op"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)
    # When it became "afgerond" (None while open): the retention period counts from here.
    closed_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    personal_data_removed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SignaalQuerySet.as_manager()

    class Meta:
        ordering = ["contact_deadline", "created_at"]
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        permissions = [("send_signaal", _("Een signaal over een cliënt sturen"))]

    def __str__(self):  # never the client's data
        return self.reference

    @staticmethod
    def contact_deadline_for(start: date) -> date:
        return add_working_days(start, settings.BACKOFFICE_SIGNAAL_CONTACT_WORKING_DAYS)

    @property
    def data(self) -> dict:
        from meldingen.crypto import decrypt_json

        return decrypt_json(self.encrypted_data) if self.encrypted_data else {}

    @property
    def status_for_sender(self) -> str:
        """The status as its sender reads it: a walk's huisarts read "Nieuw" after a consulent took it."""
        if self.status == self.Status.NIEUW and self.consulent_id:
            return _("In behandeling")
        return self.get_status_display()

    def is_overdue(self, today: date | None = None) -> bool:
        return self.status == self.Status.NIEUW and self.contact_deadline < (today or timezone.localdate())

    def days_left(self, today: date | None = None) -> int:
        return working_days_between(today or timezone.localdate(), self.contact_deadline)


class SignaalNotitie(StaffNote):
    """A note on a signal: what the wijkteam did ("Gebeld, wil eerst met zijn dochter praten"). The sender
    never sees it."""

    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="notities")

    class Meta(StaffNote.Meta):
        verbose_name = _("notitie bij een signaal")
        verbose_name_plural = _("notities bij signalen")

    @classmethod
    def add(cls, signaal, author, text: str) -> "SignaalNotitie":
        note = cls.write(author, text, signaal=signaal)
        AuditEntry.record(author, None, AuditEntry.Action.SIGNAAL_NOTE, reference=signaal.reference)
        return note


# --- Nazorg: a follow-up call after support was granted ----------------------------------------------------


class NazorgQuerySet(TeamVisibleQuerySet):
    # Through the join to the behandeling rather than a subquery of the visible behandelingen: the database
    # then checks each call's team once, in a hash of the user's teams (the inbox's calls due 1.5 -> 1.2 ms).
    team_path = "behandeling__team"

    def due(self, today: date | None = None):
        return self.filter(done_at__isnull=True, due_date__lte=today or timezone.localdate())


class Nazorg(models.Model):
    """The follow-up call: is the support working? Scheduled when a melding is afgehandeld with support
    granted, `BACKOFFICE_NAZORG_WEEKS` after the support starts (moved past a weekend or feestdag)."""

    class Uitkomst(models.TextChoices):
        TEVREDEN = "tevreden", _("Tevreden")
        NIET_TEVREDEN = "niet_tevreden", _("Niet tevreden")

    behandeling = models.OneToOneField(
        Behandeling, on_delete=models.CASCADE, related_name="nazorg", verbose_name=_("behandeling")
    )
    start_ondersteuning = models.DateField(_("ondersteuning gestart op"))
    due_date = models.DateField(_("bellen op"), db_index=True)
    # Fixed when the call is planned, as a melding's terms are: the dashboard counts the calls made in time
    # in the database, which cannot count working days and feestdagen.
    in_time_until = models.DateField(_("op tijd gebeld tot en met"))
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices, blank=True)
    encrypted_note = models.TextField(blank=True, editable=False)
    done_at = models.DateTimeField(_("gebeld op"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The last call that did not reach the resident: the call stays to make (each try is in the audit log).
    niet_bereikt_op = models.DateTimeField(_("laatst niet bereikt op"), null=True, blank=True)

    objects = NazorgQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("nazorg")
        verbose_name_plural = _("nazorg")
        indexes = [
            # The calls still to make, for the inbox: nearly every call was made, and this index holds
            # only the others.
            models.Index(
                fields=["due_date"], condition=models.Q(done_at__isnull=True), name="nazorg_to_call"
            ),
        ]

    def __str__(self):
        return f"Nazorg {self.behandeling_id}"

    @classmethod
    def schedule(cls, behandeling, start: date) -> "Nazorg":
        due = end_of_legal_term(start + timedelta(weeks=settings.BACKOFFICE_NAZORG_WEEKS))
        planned = {"start_ondersteuning": start, "due_date": due, "in_time_until": cls.last_day_in_time(due)}
        nazorg, _created = cls.objects.update_or_create(behandeling=behandeling, defaults=planned)
        return nazorg

    # A call is recorded from a week before its day on: a walk's consulent recorded "Tevreden" on the day the
    # help started, and the dashboard counted that as nazorg in time. Not sooner: the help must have run.
    EARLIEST_CALL = timedelta(weeks=1)

    @property
    def help_started(self) -> bool:
        return self.start_ondersteuning <= timezone.localdate()

    @property
    def call_from(self) -> date:
        """The first day the call may be made (and recorded)."""
        return max(self.start_ondersteuning, self.due_date - self.EARLIEST_CALL)

    @property
    def may_be_called(self) -> bool:
        return self.call_from <= timezone.localdate()

    @staticmethod
    def last_day_in_time(due_date: date) -> date:
        """The last day a call due on `due_date` counts as made in time."""
        return add_working_days(due_date, settings.BACKOFFICE_NAZORG_WORKING_DAYS)

    @property
    def done_in_time(self) -> bool | None:
        if self.done_at is None:
            return None
        return timezone.localdate(self.done_at) <= self.in_time_until

    def is_due(self, today: date | None = None) -> bool:
        return self.done_at is None and self.due_date <= (today or timezone.localdate())

    @property
    def note(self) -> str:
        from meldingen.crypto import decrypt_json

        return decrypt_json(self.encrypted_note)["text"] if self.encrypted_note else ""

    def record(self, user, uitkomst: str, note: str = "") -> None:
        from meldingen.crypto import encrypt_json

        with transaction.atomic():
            self.uitkomst = uitkomst
            self.encrypted_note = encrypt_json({"text": note}) if note else ""
            self.done_at = timezone.now()
            self.done_by = user
            self.save()
            AuditEntry.record(
                user, self.behandeling.melding, AuditEntry.Action.NAZORG_RECORDED, self.get_uitkomst_display()
            )

    def correct(self, user, uitkomst: str, reason: str) -> None:
        """A call recorded with the wrong button: `uitkomst` instead, or, with "" (the call was not made
        after all), the call to make again. The reason becomes a note on the melding (with the call's own
        note, which a call made again would write over); the audit log says from what to what."""
        with transaction.atomic():
            before = self.get_uitkomst_display()
            lines = [reason]
            if not uitkomst:
                lines += [self.note] if self.note else []
                self.done_at, self.done_by, self.encrypted_note = None, None, ""
            self.uitkomst = uitkomst
            self.save()
            after = self.get_uitkomst_display() if uitkomst else _("nog te bellen")
            change = f"{before} → {after}"
            AuditEntry.record(user, self.behandeling.melding, AuditEntry.Action.NAZORG_CORRECTED, change)
            heading = _("Nazorg verbeterd (%(change)s):") % {"change": change}
            Notitie.add(self.behandeling, user, "\n".join([heading, *lines]))

    def record_not_reached(self, user, note: str = "") -> None:
        """A call that did not reach the resident: no uitkomst (neither tevreden nor niet tevreden), the call
        stays to make. A note typed with it ("voicemail ingesproken") becomes a note on the melding."""
        with transaction.atomic():
            self.niet_bereikt_op = timezone.now()
            self.save(update_fields=["niet_bereikt_op"])
            AuditEntry.record(user, self.behandeling.melding, AuditEntry.Action.NAZORG_NOT_REACHED)
            if note.strip():
                Notitie.add(self.behandeling, user, note.strip())
