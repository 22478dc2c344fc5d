"""Delivery's own rows: the targets (what the functioneel beheerder configures and a teamleider approves),
one job per melding and target, and the log of attempts. The kind-specific settings of a target live in
`options` (checked by the kind's class, see kinds/), its secrets in `secrets` (encrypted at rest)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meldingen.delivery import kinds
from meldingen.delivery.fields import EncryptedJSONField


class DeliveryTargetQuerySet(models.QuerySet):
    def in_service(self):
        """Targets that receive new meldingen: active and approved at least once."""
        return self.filter(active=True, approved_options__isnull=False)

    def awaiting_approval(self):
        return self.filter(approval=DeliveryTarget.Approval.PENDING)

    def create_approved(self, *, options=None, secrets=None, **fields):
        """For set-up by code only (the demo, the fault test, tests): a target in service at once, as if a
        second person approved it. People go through the admin form and the approval step."""
        options = options or {}
        return self.create(
            options=options,
            secrets=secrets or {},
            approved_options=dict(options),
            approval=DeliveryTarget.Approval.APPROVED,
            **fields,
        )


class DeliveryTarget(models.Model):
    """Where meldingen go besides the built-in backoffice.

    The functioneel beheerder edits `options`; deliveries use `approved_options`, which a second person (a
    teamleider) sets by approving. A change that needs no approval (e.g. a new time-out, a new secret, or
    turning the answers off) takes effect at once."""

    class Approval(models.TextChoices):
        PENDING = "pending", _("Wacht op goedkeuring")
        APPROVED = "approved", _("Goedgekeurd")
        REFUSED = "refused", _("Afgewezen")

    name = models.CharField(_("naam"), max_length=100, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=kinds.choices)
    active = models.BooleanField(
        _("actief"), default=True, help_text=_("Alleen nieuwe meldingen gaan naar actieve doelen.")
    )
    options = models.JSONField(_("instellingen"), default=dict, blank=True)
    secrets = EncryptedJSONField(_("geheime sleutels"), blank=True, default=dict)
    timeout = models.FloatField(_("wachttijd per verzoek (seconden)"), null=True, blank=True)
    approved_options = models.JSONField(null=True, blank=True, editable=False)
    approval = models.CharField(
        _("goedkeuring"), max_length=20, choices=Approval.choices, default=Approval.PENDING, editable=False
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = DeliveryTargetQuerySet.as_manager()

    class Meta:
        db_table = "backoffice_deliverytarget"
        ordering = ["name"]
        verbose_name = _("bezorgdoel")
        verbose_name_plural = _("bezorgdoelen")
        permissions = [("approve_deliverytarget", _("Bezorgdoelen goedkeuren of afwijzen"))]

    def __str__(self):
        return self.name

    @property
    def kind_class(self) -> kinds.DeliveryKind:
        return kinds.get(self.kind)

    @property
    def in_service(self) -> bool:
        return self.active and self.approved_options is not None

    @property
    def waiting_for_approval(self) -> bool:
        return self.approval == self.Approval.PENDING

    # --- the four-eyes step ---------------------------------------------------------------------------
    def propose(self, user, created: bool) -> None:
        """After the beheerder saved `options`: in service at once, or waiting for a teamleider."""
        self.changed_by = user if user is not None and user.is_authenticated else None
        self.changed_at = timezone.now()
        if self.kind_class.needs_approval(None if created else self.approved_options, self.options):
            self.approval = self.Approval.PENDING
        else:
            self.approved_options = dict(self.options)
            if self.approval == self.Approval.REFUSED and self.approved_options is not None:
                self.approval = self.Approval.APPROVED

    def may_decide(self, user) -> bool:
        return (
            user.is_active
            and user.has_perm("delivery.approve_deliverytarget")
            and self.waiting_for_approval
            and self.changed_by_id != user.pk
        )

    def approve(self, user) -> None:
        from meldingen.backoffice.models import AuditEntry

        if not self.may_decide(user):
            raise PermissionDenied
        with transaction.atomic():
            self.approved_options = dict(self.options)
            self.approval = self.Approval.APPROVED
            self.approved_by, self.approved_at = user, timezone.now()
            self.save(update_fields=["approved_options", "approval", "approved_by", "approved_at"])
            AuditEntry.record(user, None, AuditEntry.Action.TARGET_APPROVED, self.audit_detail())

    def refuse(self, user) -> None:
        """The proposal goes; what was approved before (if anything) stays in use."""
        from meldingen.backoffice.models import AuditEntry

        if not self.may_decide(user):
            raise PermissionDenied
        with transaction.atomic():
            if self.approved_options is not None:
                self.options = dict(self.approved_options)
            self.approval = self.Approval.REFUSED
            self.approved_by, self.approved_at = user, timezone.now()
            self.save(update_fields=["options", "approval", "approved_by", "approved_at"])
            AuditEntry.record(user, None, AuditEntry.Action.TARGET_REFUSED, self.audit_detail())

    def audit_detail(self, options: dict | None = None) -> str:
        options = self.options if options is None else options
        kind = self.kind_class
        facts = [*kind.addresses(options)]
        if kind.carries_answers(options):
            facts.append("met antwoorden")
        return f"{self.name} (#{self.pk}, {self.kind}) {' '.join(facts)}"[:300]


class DeliveryJobQuerySet(models.QuerySet):
    def undelivered(self):
        return self.exclude(state=DeliveryJob.State.DELIVERED)


class DeliveryJob(models.Model):
    """One melding to one target, with the target's options as approved when the job was made: a later
    change of the target never redirects a job. Never deleted: a failed job waits for "Nu opnieuw
    proberen"."""

    class State(models.TextChoices):
        PENDING = "pending", _("Wacht op bezorging")
        DELIVERED = "delivered", _("Bezorgd")
        FAILED = "failed", _("Mislukt")

    melding = models.ForeignKey("meldingen.Melding", on_delete=models.PROTECT, related_name="delivery_jobs")
    target = models.ForeignKey(DeliveryTarget, on_delete=models.PROTECT, related_name="jobs")
    options = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.PENDING, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    # While a worker runs an attempt it holds the job until this time; a killed worker's lease runs out.
    lease_until = models.DateTimeField(null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    progress = models.JSONField(default=dict, blank=True)  # e.g. the ZGW objects already created
    last_error = models.CharField(max_length=500, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    failure_reported_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = DeliveryJobQuerySet.as_manager()

    class Meta:
        db_table = "backoffice_deliveryjob"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["melding", "target"], name="one_job_per_melding_target")
        ]
        verbose_name = _("bezorging")
        verbose_name_plural = _("bezorgingen")

    def __str__(self):
        return f"{self.melding.reference} -> {self.target}"

    @classmethod
    def create_for(cls, melding, target) -> "DeliveryJob":
        return cls.create_all_for(melding, [target])[0]

    @classmethod
    def create_all_for(cls, melding, targets) -> list["DeliveryJob"]:
        """One job per target for the melding, written in one query."""
        return cls.objects.bulk_create(
            [cls(melding=melding, target=target, options=dict(target.approved_options)) for target in targets]
        )


class DeliveryAttempt(models.Model):
    job = models.ForeignKey(DeliveryJob, on_delete=models.CASCADE, related_name="attempt_log")
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    success = models.BooleanField()
    result = models.CharField(max_length=200, blank=True)  # e.g. "HTTP 201" or "verbinding geweigerd"
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        db_table = "backoffice_deliveryattempt"
        ordering = ["started_at", "pk"]

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M:%S} {self.result}"
