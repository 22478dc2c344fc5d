"""Complaints about a provider's support, the contract teams they are routed to, and the number of clients
each provider reports per thema (the denominator of the traffic light).

Everything a resident tells us (the complaint's text, name, phone, e-mail) is one encrypted JSON value, with
the melding's keys (core/crypto.py). What the provider sees is only the summary staff write for it."""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import reference
from core.crypto import decrypt_json, encrypt_json
from core.templatetags.core_tags import datum
from socialekaart import public

from .terms import answer_by, postponed_answer_by
from .workflow import (
    TRANSITIONS,
    Horen,
    Kanaal,
    Oordeel,
    PostponementNotAllowed,
    Status,
    TransitionNotAllowed,
)


def new_reference() -> str:
    """Like K-7K3Q-XW9P (core.reference: it can be read out on the phone)."""
    return reference.new_reference("K")


class Contractteam(models.Model):
    """The municipality's team that contracts a number of providers; their complaints go to this team."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    mailbox = models.EmailField(_("e-mailadres van het team"), blank=True)
    organisaties = models.ManyToManyField(
        "socialekaart.Organisatie", related_name="contractteams", blank=True, verbose_name=_("aanbieders")
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="contractteams", blank=True, verbose_name=_("medewerkers")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("contractteam")
        verbose_name_plural = _("contractteams")

    def __str__(self):
        return self.name

    @classmethod
    def for_organisatie(cls, organisatie_id):
        return cls.objects.filter(organisaties=organisatie_id).order_by("pk").first()


class KlachtQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=Status.AFGEHANDELD)

    def overdue(self, today):
        """Open, and the answer was due before `today` (as `Klacht.is_overdue`)."""
        return self.open().filter(antwoord_uiterlijk__lt=today)

    def waiting_for_reply(self):
        """What a provider can reply to and has not (as `Klacht.can_be_replied_to`)."""
        return self.open().exclude(samenvatting_aanbieder="").filter(reactie_aanbieder="")

    def counting_for_stoplicht(self, since):
        """Complaints received since `since` that were not judged unfounded."""
        return self.filter(ontvangen_op__gte=since).exclude(oordeel=Oordeel.ONGEGROND)


class Klacht(models.Model):
    reference = models.CharField(_("klachtnummer"), max_length=12, unique=True, default=new_reference)
    organisatie = models.ForeignKey(
        "socialekaart.Organisatie",
        on_delete=models.PROTECT,
        related_name="klachten",
        verbose_name=_("aanbieder"),
    )
    thema = models.ForeignKey(
        "socialekaart.Term",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="klachten",
        verbose_name=_("soort hulp"),
    )
    kanaal = models.CharField(
        _("binnengekomen via"), max_length=10, choices=Kanaal.choices, default=Kanaal.WEBSITE
    )
    ontvangen_op = models.DateField(_("ontvangen op"), default=timezone.localdate, db_index=True)
    antwoord_uiterlijk = models.DateField(_("antwoord uiterlijk"))
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ONTVANGEN)
    oordeel = models.CharField(_("oordeel"), max_length=20, choices=Oordeel.choices, blank=True)
    horen = models.CharField(_("inwoner gehoord"), max_length=20, choices=Horen.choices, blank=True)
    team = models.ForeignKey(
        Contractteam,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="klachten",
        verbose_name=_("contractteam"),
    )
    # The resident's words and contact details: encrypted, never shown to the provider.
    encrypted_gegevens = models.TextField(blank=True, editable=False)
    # Written by staff for the provider: what went wrong, without names or health details.
    samenvatting_aanbieder = models.TextField(_("samenvatting voor de aanbieder"), blank=True)
    reactie_aanbieder = models.TextField(_("reactie van de aanbieder"), blank=True)
    reactie_op = models.DateTimeField(_("reactie gegeven op"), null=True, blank=True)
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    # Awb 9:12: the resident is told in writing what was found and judged, and why. What staff answered is
    # kept with the complaint, so whoever reads it later (a colleague, the ombudsman) knows what was said.
    antwoord_inwoner = models.TextField(_("antwoord aan de inwoner"), blank=True)
    # Awb 9:11 lid 2: postponed once, with the reason staff gave (antwoord_uiterlijk then holds the new date).
    verdaagd_op = models.DateTimeField(_("verdaagd op"), null=True, blank=True)
    verdaging_reden = models.TextField(_("reden van de verdaging"), blank=True)
    # A hash of the token in the form the resident sent: two sends of one form (a double tap, a second
    # request that overtook the first) are one complaint.
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    # Set when retention removed the resident's data and the texts; the row stays for the stoplicht.
    personal_data_removed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = KlachtQuerySet.as_manager()

    class Meta:
        ordering = ["antwoord_uiterlijk", "pk"]
        verbose_name = _("klacht")
        verbose_name_plural = _("klachten")
        permissions = [
            ("view_all_klachten", _("Alle klachten bekijken")),
            ("view_team_klachten", _("Klachten van het eigen contractteam bekijken")),
        ]

    def __str__(self):
        return self.reference

    def __repr__(self):
        return f"<Klacht {self.reference}>"

    def save(self, *args, **kwargs):
        if not self.antwoord_uiterlijk:
            self.antwoord_uiterlijk = answer_by(self.ontvangen_op)
        if self.team_id is None and self._state.adding:
            self.team = Contractteam.for_organisatie(self.organisatie_id)
        super().save(*args, **kwargs)

    @property
    def gegevens(self) -> dict:
        return decrypt_json(self.encrypted_gegevens) if self.encrypted_gegevens else {}

    @gegevens.setter
    def gegevens(self, value: dict):
        self.encrypted_gegevens = encrypt_json(value)

    def is_overdue(self, today=None) -> bool:
        return self.status != Status.AFGEHANDELD and self.antwoord_uiterlijk < (today or timezone.localdate())

    @property
    def can_be_replied_to(self) -> bool:
        """The provider replies to the summary staff wrote for it, until the complaint is judged: before the
        summary there is nothing to reply to."""
        return self.status != Status.AFGEHANDELD and bool(self.samenvatting_aanbieder)

    @property
    def answer_wanted(self) -> bool:
        """The resident wanted contact, so gets an answer (Awb 9:12)."""
        return self.gegevens.get("contact") == "ja"

    @property
    def about_the_gemeente(self) -> bool:
        """About the gemeente's own team (the kaart lists it as an organisation, under the municipality's
        name): no provider is asked to reply, and its confirmation must not say one is."""
        return public.is_the_gemeente(self.organisatie)

    def can_change_to(self, target: str) -> bool:
        return target in TRANSITIONS.get(self.status, ())

    def change_status(
        self, target: str, user=None, oordeel: str = "", antwoord: str = "", horen: str = ""
    ) -> None:
        if not self.can_change_to(target):
            raise TransitionNotAllowed(self.status, target)
        with transaction.atomic():
            previous = self.status
            self.status = target
            if target == Status.AFGEHANDELD:
                self.afgehandeld_op = timezone.now()
                self.oordeel = oordeel
                self.antwoord_inwoner = antwoord
                self.horen = horen
            self.save()
            tekst = f"{Status(previous).label} → {Status(target).label}"
            if target == Status.AFGEHANDELD and oordeel:  # the judgement the traffic light counts
                tekst += f": {Oordeel(oordeel).label}"
            KlachtGebeurtenis.objects.create(
                klacht=self, user=user, soort=KlachtGebeurtenis.Soort.STATUS, tekst=tekst
            )

    def can_correct_oordeel(self) -> bool:
        """Only a closed complaint has a judgement to correct; after retention its texts stay gone."""
        return self.status == Status.AFGEHANDELD and self.personal_data_removed_at is None

    def correct_oordeel(self, oordeel: str, antwoord: str, user=None, horen: str = "") -> None:
        """The judgement corrected, with what the resident was told now (and, when given, whether the
        resident was heard); the history says from what to what (no free text there: the history outlives
        retention)."""
        if not self.can_correct_oordeel():
            raise TransitionNotAllowed(self.status, self.status)
        with transaction.atomic():
            previous = Oordeel(self.oordeel).label if self.oordeel else "—"
            self.oordeel, self.antwoord_inwoner = oordeel, antwoord
            self.horen = horen or self.horen
            self.save(update_fields=["oordeel", "antwoord_inwoner", "horen"])
            KlachtGebeurtenis.objects.create(
                klacht=self,
                user=user,
                soort=KlachtGebeurtenis.Soort.OORDEEL,
                tekst=f"{previous} → {Oordeel(oordeel).label}",
            )

    @property
    def answered_in_time(self) -> bool | None:
        """Closed on or before the day its answer was due (Awb 9:11); None while it is open."""
        if self.afgehandeld_op is None:
            return None
        return timezone.localdate(self.afgehandeld_op) <= self.antwoord_uiterlijk

    def postponement_refused(self, today=None) -> str:
        """Why this complaint cannot be postponed (B1, for staff), or "" when it can."""
        if self.verdaagd_op is not None:
            return _("Deze klacht is al een keer uitgesteld. Dat mag maar één keer.")
        if self.status == Status.AFGEHANDELD:
            return _("Deze klacht is al afgehandeld.")
        if self.antwoord_uiterlijk < (today or timezone.localdate()):
            # A walk: the refusal alone was a dead end. The resident hears it takes longer, as with a delay.
            return _(
                "De termijn is al voorbij. U kunt alleen uitstellen voordat de termijn eindigt. Laat de "
                "inwoner weten dat het langer duurt, en handel de klacht zo snel mogelijk af."
            )
        return ""

    def postpone(self, user, weeks: int, reden: str) -> None:
        """Move the term once by `weeks` (1 to 4) and note it; the caller tells the resident."""
        with transaction.atomic():
            locked = Klacht.objects.select_for_update().get(pk=self.pk)  # two clicks: still only once
            refused = locked.postponement_refused()
            if refused:
                raise PostponementNotAllowed(str(refused))
            previous = self.antwoord_uiterlijk
            self.antwoord_uiterlijk = postponed_answer_by(self.ontvangen_op, weeks)
            self.verdaagd_op = timezone.now()
            self.verdaging_reden = reden
            self.save(update_fields=["antwoord_uiterlijk", "verdaagd_op", "verdaging_reden"])
            KlachtGebeurtenis.objects.create(
                klacht=self,
                user=user,
                soort=KlachtGebeurtenis.Soort.VERDAAGD,
                tekst=f"{datum(previous)} → {datum(self.antwoord_uiterlijk)}",
            )


class KlachtGebeurtenis(models.Model):
    """The history of a complaint: status changes, who read the resident's data, the provider's reply."""

    class Soort(models.TextChoices):
        ONTVANGEN = "ontvangen", _("Klacht ontvangen")
        STATUS = "status", _("Status gewijzigd")
        BEKEKEN = "bekeken", _("Gegevens van de inwoner bekeken")
        REACTIE = "reactie", _("Reactie van de aanbieder")
        SAMENVATTING = "samenvatting", _("Samenvatting voor de aanbieder gewijzigd")
        VERDAAGD = "verdaagd", _("Termijn uitgesteld")
        TEAM = "team", _("Contractteam gekozen")
        OORDEEL = "oordeel", _("Oordeel gecorrigeerd")
        THEMA = "thema", _("Soort hulp gekozen")

    klacht = models.ForeignKey(Klacht, on_delete=models.CASCADE, related_name="gebeurtenissen")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(default=timezone.now)
    soort = models.CharField(max_length=20, choices=Soort.choices)
    tekst = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.klacht_id} {self.soort}"


class Clientaantal(models.Model):
    """How many clients a provider has for one thema, as the provider reports it in its self-service."""

    organisatie = models.ForeignKey(
        "socialekaart.Organisatie", on_delete=models.CASCADE, related_name="clientaantallen"
    )
    thema = models.ForeignKey("socialekaart.Term", on_delete=models.CASCADE, related_name="clientaantallen")
    aantal = models.PositiveIntegerField(_("aantal cliënten"))
    eerst_gemeld_op = models.DateField(_("eerst gemeld op"), default=timezone.localdate)
    bijgewerkt_op = models.DateField(_("bijgewerkt op"), default=timezone.localdate)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisatie", "thema"], name="clientaantal_unique_per_thema")
        ]
        verbose_name = _("aantal cliënten")
        verbose_name_plural = _("aantallen cliënten")

    def __str__(self):
        return f"{self.organisatie_id} / {self.thema_id}: {self.aantal}"
