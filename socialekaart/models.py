"""The sociale kaart: organisations, their voorzieningen, where and when they are offered, and capacity.

The models follow Open Referral HSDS 3.0 (the object each one maps to is named in its docstring), so
import, export and the API speak that standard without a translation layer. Every HSDS object has a
stable UUID primary key.
"""

import uuid
from datetime import time, timedelta

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import RevisionMixin

from core.phone import validate_public_phone
from core.search_text import content_words, words

CAPACITEIT_VEROUDERD_NA = timedelta(days=7)
MAX_WACHTTIJD_WEKEN = 260  # 5 years


class WijkQuerySet(models.QuerySet):
    def for_postcode(self, postcode: str):
        """The wijk a Dutch postcode ("3911 AB" or "3911") belongs to, or None outside the municipality."""
        pc4 = "".join(postcode.split())[:4]
        if len(pc4) != 4 or not pc4.isdigit():
            return None
        return self.filter(postcodes__pc4=pc4).first()


class Wijk(RevisionMixin, ClusterableModel):
    """A wijk of the municipality [HSDS service_area]; a voorziening covers some wijken or all of them."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("korte naam in de link"), max_length=100, unique=True)
    cbs_code = models.CharField(
        _("CBS-wijkcode"), max_length=10, unique=True, help_text=_("Bijvoorbeeld WK036301.")
    )
    latitude = models.FloatField(_("breedtegraad van het midden"), null=True, blank=True)
    longitude = models.FloatField(_("lengtegraad van het midden"), null=True, blank=True)

    objects = WijkQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")

    def __str__(self):
        return self.name


class WijkPostcode(models.Model):
    """A four-digit postcode (PC4) that lies in a wijk, with its centre point for distances."""

    wijk = ParentalKey(Wijk, on_delete=models.CASCADE, related_name="postcodes")
    pc4 = models.CharField(_("postcode (4 cijfers)"), max_length=4, unique=True)
    latitude = models.FloatField(_("breedtegraad van het midden"), null=True, blank=True)
    longitude = models.FloatField(_("lengtegraad van het midden"), null=True, blank=True)

    class Meta:
        ordering = ["pc4"]
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")

    def __str__(self):
        return self.pc4


class Term(RevisionMixin, models.Model):
    """A thema or doelgroep [HSDS taxonomy_term]; the vocabulary is the HSDS taxonomy."""

    class Vocabulary(models.TextChoices):
        THEMA = "thema", _("thema")
        DOELGROEP = "doelgroep", _("doelgroep")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    vocabulary = models.CharField(_("soort"), max_length=20, choices=Vocabulary.choices)
    code = models.SlugField(
        _("code"), max_length=50, help_text=_("Kort woord voor in de link. Bijvoorbeeld: huishouden.")
    )
    name = models.CharField(_("naam"), max_length=100)
    description = models.TextField(_("uitleg"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["vocabulary", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["vocabulary", "code"], name="term_code_unique_per_vocabulary")
        ]
        verbose_name = _("thema of doelgroep")
        verbose_name_plural = _("thema's en doelgroepen")

    def __str__(self):
        # Its name alone: every list of choices is of one vocabulary ("Huishouden (thema)" under "Thema's",
        # and in the complaint form's "Over welke hulp gaat het?"); the admin's list has a column for it.
        return self.name


class Organisatie(RevisionMixin, models.Model):
    """An organisation that offers voorzieningen [HSDS organization]."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam"), max_length=200, unique=True)
    description = models.TextField(_("beschrijving"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(
        _("telefoonnummer"), max_length=30, blank=True, validators=[validate_public_phone]
    )
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)
    # When the providers last got the e-mail "Werk uw beschikbaarheid bij" (see capacity_reminders.py).
    capaciteit_herinnerd_op = models.DateTimeField(
        _("herinnering beschikbaarheid gestuurd op"), null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self):
        return self.name


class Voorziening(RevisionMixin, ClusterableModel):
    """A service a resident can use [HSDS service]."""

    class Toegang(models.TextChoices):
        VRIJ = "vrij", _("Zonder verwijzing")  # "vrij toegankelijk" read as: with a wheelchair
        VERWIJZING = "verwijzing", _("Na verwijzing")
        # Said as the way to it, beside "Na verwijzing": "besluit" and "beschikking" a walk's resident, who
        # reads with difficulty, did not know (the detail page explains them).
        BESCHIKKING = "beschikking", _("Na een melding, als de gemeente ja zegt")

    class Kosten(models.TextChoices):
        GRATIS = "gratis", _("Gratis")
        EIGEN_BIJDRAGE = "eigen_bijdrage", _("Eigen bijdrage")
        BEDRAG = "bedrag", _("U betaalt een bedrag")

    class Status(models.TextChoices):
        ACTIEF = "actief", _("Actief")
        TIJDELIJK_GESLOTEN = "tijdelijk_gesloten", _("Tijdelijk gesloten")
        GESTOPT = "gestopt", _("Gestopt")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, related_name="voorzieningen", verbose_name=_("organisatie")
    )
    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam in de link"), max_length=200, unique=True)
    summary = models.CharField(
        _("samenvatting"), max_length=300, help_text=_("Eén of twee korte zinnen in eenvoudige taal.")
    )
    description = models.TextField(_("beschrijving"), blank=True)
    themas = models.ManyToManyField(
        Term,
        related_name="voorzieningen_thema",
        limit_choices_to={"vocabulary": Term.Vocabulary.THEMA},
        blank=True,
        verbose_name=_("thema's"),
    )
    doelgroepen = models.ManyToManyField(
        Term,
        related_name="voorzieningen_doelgroep",
        limit_choices_to={"vocabulary": Term.Vocabulary.DOELGROEP},
        blank=True,
        verbose_name=_("doelgroepen"),
    )
    toegang = models.CharField(_("toegang"), max_length=20, choices=Toegang.choices, default=Toegang.VRIJ)
    kosten = models.CharField(_("kosten"), max_length=20, choices=Kosten.choices, default=Kosten.GRATIS)
    kosten_bedrag = models.DecimalField(
        _("bedrag in euro"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    kosten_toelichting = models.CharField(_("uitleg over de kosten"), max_length=300, blank=True)
    aanmelden_telefoon = models.CharField(
        _("aanmelden per telefoon"), max_length=30, blank=True, validators=[validate_public_phone]
    )
    aanmelden_email = models.EmailField(_("aanmelden per e-mail"), blank=True)
    aanmelden_url = models.URLField(_("aanmelden via een formulier op internet"), blank=True)
    aanmelden_inloop = models.BooleanField(_("u kunt zonder afspraak binnenlopen"), default=False)
    aanmelden_toelichting = models.TextField(_("uitleg over aanmelden"), blank=True)
    talen = models.JSONField(
        _("talen"), default=list, blank=True, help_text=_("Taalcodes, bijvoorbeeld nl, en, ar, tr.")
    )
    leeftijd_min = models.PositiveSmallIntegerField(_("vanaf leeftijd"), null=True, blank=True)
    leeftijd_max = models.PositiveSmallIntegerField(_("tot en met leeftijd"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIEF)
    laatst_gecontroleerd = models.DateField(_("laatst gecontroleerd op"), default=timezone.localdate)
    hele_gemeente = models.BooleanField(_("voor de hele gemeente"), default=False)
    # A walk's nurse read a maaltijdservice with "Afstand 4,3 km", an entrance for wheelchairs and opening
    # hours: her client would think she had to go there.
    aan_huis = models.BooleanField(
        _("komt bij mensen thuis"),
        default=False,
        help_text=_(
            "Zet dit aan als de hulp bij mensen thuis komt, zoals een maaltijdservice of een alarmknop. "
            "De kaart noemt dan geen afstand en niet of een rolstoel naar binnen kan. Een plek is dan niet "
            "nodig. Vult u er een in, dan staat die er als het adres waar de hulp vandaan komt."
        ),
    )
    wijken = models.ManyToManyField(Wijk, related_name="voorzieningen", blank=True, verbose_name=_("wijken"))
    # Set by a planned closure (closures.py) when it closed the voorziening: only then does its end set
    # "Actief" again, never over a closure by hand.
    gesloten_door_sluiting = models.BooleanField(default=False, editable=False)
    beperkte_plaatsen = models.BooleanField(
        _("beperkt aantal plaatsen"),
        default=False,
        help_text=_("Zet dit aan als u per wijk bijhoudt of er plaats is."),
    )
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["status"]),
            models.Index(fields=["updated_at"]),
            models.Index(fields=["name", "id"]),  # the HSDS API pages through services by name
        ]
        verbose_name = _("voorziening")
        verbose_name_plural = _("voorzieningen")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # A stable public URL (see the design): /sociale-kaart/<slug>/
        return f"/sociale-kaart/{self.slug}/"

    @property
    def vrije_inloop(self) -> bool:
        """Walk-in help that needs no referral or beschikking: coming in is the whole sign-up."""
        return self.aanmelden_inloop and self.toegang == self.Toegang.VRIJ

    def clean(self):
        """What the public page would show wrongly ("Van 67 tot en met 18 jaar", "U betaalt een bedrag"
        without one) is refused in the admin's form; the HSDS import keeps its own report of rejected rows."""
        errors = {}
        low, high = self.leeftijd_min, self.leeftijd_max
        if low is not None and high is not None and low > high:
            errors["leeftijd_max"] = _(
                "Deze leeftijd is lager dan 'vanaf leeftijd' (%(low)s). Kijk ze na."
            ) % {"low": low}
        if self.kosten == self.Kosten.BEDRAG and self.kosten_bedrag is None:
            errors["kosten_bedrag"] = _("Vul het bedrag in. Of kies bij kosten iets anders.")
        if errors:
            raise ValidationError(errors)


class ContactQuerySet(models.QuerySet):
    def voor_inwoners(self):
        return self.filter(voor_professionals=False)

    def voor_professionals(self):
        return self.filter(voor_professionals=True)


class Contact(models.Model):
    """A person or desk to contact about a voorziening [HSDS contact + phone]."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    voorziening = ParentalKey(Voorziening, on_delete=models.CASCADE, related_name="contacten")
    name = models.CharField(_("naam"), max_length=200)
    rol = models.CharField(_("rol"), max_length=200, blank=True)
    telefoon = models.CharField(
        _("telefoonnummer"), max_length=30, blank=True, validators=[validate_public_phone]
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    voor_professionals = models.BooleanField(
        _("alleen voor professionals"), default=False, help_text=_("Inwoners zien dit contact niet.")
    )

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["voor_professionals", "name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacten")

    def __str__(self):
        return self.name


class Sluiting(models.Model):
    """Days a voorziening is closed, known in advance (a holiday, a move). On the first day the voorziening is
    set to "Tijdelijk gesloten" and after the last day back to "Actief" (closures.py), so the search, the
    HSDS API and the exports say so as for a closure set by hand; the public page announces it before.
    Closures that ended are removed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    voorziening = ParentalKey(Voorziening, on_delete=models.CASCADE, related_name="sluitingen")
    van = models.DateField(_("gesloten vanaf"), help_text=_("De eerste dag dat u dicht bent."))
    tot_en_met = models.DateField(_("gesloten tot en met"), help_text=_("De laatste dag dat u dicht bent."))
    reden = models.CharField(
        _("waarom"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: kerstvakantie. Inwoners lezen dit."),
    )

    class Meta:
        ordering = ["van"]
        verbose_name = _("sluiting")
        verbose_name_plural = _("sluitingen")

    def __str__(self):
        return f"{self.van:%d-%m-%Y} – {self.tot_en_met:%d-%m-%Y}"

    def clean(self):
        if self.van is None or self.tot_en_met is None:
            return
        if self.tot_en_met < self.van:
            raise ValidationError({"tot_en_met": _("Deze dag ligt voor 'gesloten vanaf'. Kijk de data na.")})
        # Only a new one: one that ended waits for the nightly run to remove it, and must not stop a save.
        if self._state.adding and self.tot_en_met < timezone.localdate():
            raise ValidationError({"tot_en_met": _("Deze dag is al voorbij. Kijk de data na.")})


class Locatie(RevisionMixin, models.Model):
    """A building where voorzieningen are offered [HSDS location + address + accessibility]."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, related_name="locaties", verbose_name=_("organisatie")
    )
    name = models.CharField(_("naam"), max_length=200)
    straat = models.CharField(_("straat"), max_length=200, blank=True)
    huisnummer = models.CharField(_("huisnummer"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    plaats = models.CharField(_("plaats"), max_length=100, blank=True)
    wijk = models.ForeignKey(
        Wijk,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="locaties",
        verbose_name=_("wijk"),
    )
    latitude = models.FloatField(_("breedtegraad"), null=True, blank=True)
    longitude = models.FloatField(_("lengtegraad"), null=True, blank=True)
    rolstoeltoegankelijk = models.BooleanField(_("toegankelijk met een rolstoel"), default=False)
    toegankelijkheid = models.TextField(_("uitleg over toegankelijkheid"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.fill_in_from_postcode()
        super().save(*args, **kwargs)

    def fill_in_from_postcode(self) -> None:
        """The postcode's wijk, and without coordinates the centre of the postcode's area: a location typed
        with its address alone was "in uw wijk, geen vast adres" in the results, and not on the map."""
        pc4 = "".join(self.postcode.split())[:4]
        if not pc4 or (self.wijk_id is not None and self.latitude is not None):
            return  # nothing to fill in: no query on every save
        self.fill_in_from_area(WijkPostcode.objects.filter(pc4=pc4).first())

    def fill_in_from_area(self, area: "WijkPostcode | None") -> None:
        """`fill_in_from_postcode` with the postcode's area looked up already (an import does so once per
        postcode): its wijk where there is none, its centre where the location has no coordinates."""
        if area is None:
            return
        if self.wijk_id is None:
            self.wijk_id = area.wijk_id
        if self.latitude is None and self.longitude is None and area.latitude is not None:
            self.latitude, self.longitude = area.latitude, area.longitude

    @property
    def adres(self) -> str:
        return ", ".join(
            part
            for part in (f"{self.straat} {self.huisnummer}".strip(), f"{self.postcode} {self.plaats}".strip())
            if part
        )


class VoorzieningOpLocatie(RevisionMixin, ClusterableModel):
    """A voorziening offered at a locatie, with its own opening hours [HSDS service_at_location]."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    voorziening = models.ForeignKey(
        Voorziening, on_delete=models.CASCADE, related_name="op_locaties", verbose_name=_("voorziening")
    )
    locatie = models.ForeignKey(
        Locatie, on_delete=models.CASCADE, related_name="voorzieningen_hier", verbose_name=_("locatie")
    )

    class Meta:
        ordering = ["voorziening__name", "locatie__name"]
        constraints = [
            models.UniqueConstraint(fields=["voorziening", "locatie"], name="voorziening_once_per_locatie")
        ]
        verbose_name = _("plek en openingstijden")
        verbose_name_plural = _("plekken en openingstijden")

    def __str__(self):
        return f"{self.voorziening} – {self.locatie}"


class Openingstijd(models.Model):
    """When a voorziening is open at a locatie [HSDS schedule: weekly, one day per row]."""

    class Weekdag(models.IntegerChoices):
        MAANDAG = 1, _("maandag")
        DINSDAG = 2, _("dinsdag")
        WOENSDAG = 3, _("woensdag")
        DONDERDAG = 4, _("donderdag")
        VRIJDAG = 5, _("vrijdag")
        ZATERDAG = 6, _("zaterdag")
        ZONDAG = 7, _("zondag")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    op_locatie = ParentalKey(VoorzieningOpLocatie, on_delete=models.CASCADE, related_name="openingstijden")
    weekdag = models.PositiveSmallIntegerField(_("dag"), choices=Weekdag.choices)
    open_van = models.TimeField(_("open van"))
    open_tot = models.TimeField(_("open tot"))
    toelichting = models.CharField(_("uitleg"), max_length=200, blank=True)

    class Meta:
        ordering = ["weekdag", "open_van"]
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")

    def __str__(self):
        return f"{self.get_weekdag_display()} {self.open_van:%H:%M}–{self.open_tot:%H:%M}"

    @property
    def dag_en_nacht(self) -> bool:
        """Open the whole day: 00:00 to 23:59 (or to 00:00, the next midnight)."""
        return self.open_van == time(0, 0) and self.open_tot in (time(23, 59), time(0, 0))

    def clean(self):
        # "19:00 tot 17:00" went public as "Donderdag 19.00 tot 17.00 uur". 00:00 as the end is midnight; a
        # night past it is two rows, so each day says when it is open.
        if self.open_van is None or self.open_tot is None or self.open_tot == time(0, 0):
            return
        if self.open_tot <= self.open_van:
            raise ValidationError(
                {
                    "open_tot": _(
                        "Deze tijd ligt niet na 'open van'. Kijk de tijden na. "
                        "Bent u open tot na middernacht? Vul dan 00:00 in. Zet de uren na middernacht bij de "
                        "volgende dag."
                    )
                }
            )


class Capaciteit(RevisionMixin, models.Model):
    """Whether a voorziening takes new clients in a wijk, updated weekly by the provider. Never public."""

    class Status(models.TextChoices):
        JA = "ja", _("Ja, er is plaats")
        BEPERKT = "beperkt", _("Beperkt, weinig plaats")
        NEE = "nee", _("Nee, geen plaats")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    voorziening = models.ForeignKey(
        Voorziening, on_delete=models.CASCADE, related_name="capaciteit", verbose_name=_("voorziening")
    )
    wijk = models.ForeignKey(
        Wijk, on_delete=models.CASCADE, related_name="capaciteit", verbose_name=_("wijk")
    )
    status = models.CharField(_("nieuwe cliënten"), max_length=10, choices=Status.choices)
    # A typing error (70000) was shown to consulenten as a waiting time.
    wachttijd_weken = models.PositiveSmallIntegerField(
        _("wachttijd in weken"),
        null=True,
        blank=True,
        validators=[
            MaxValueValidator(
                MAX_WACHTTIJD_WEKEN,
                _(
                    "Een wachttijd van meer dan 5 jaar (%(limit_value)s weken) kan niet kloppen. "
                    "Kijk het getal na."
                ),
            )
        ],
    )
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), default=timezone.now)
    bijgewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bijgewerkt door"),
    )

    class Meta:
        ordering = ["voorziening__name", "wijk__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["voorziening", "wijk"],
                name="capaciteit_once_per_wijk",
                # Django's own words named the model ("Capaciteit met deze Voorziening en Wijk bestaat al.")
                violation_error_message=_(
                    "Voor deze wijk staat er al een regel bij deze voorziening. "
                    "Pas die regel aan in de lijst."
                ),
            )
        ]
        # The provider's home says "Beschikbaarheid per wijk bijwerken"; the list and its count say the same.
        verbose_name = _("beschikbaarheid in een wijk")
        verbose_name_plural = _("beschikbaarheid per wijk")

    def __str__(self):
        return f"{self.voorziening} – {self.wijk}: {self.get_status_display()}"

    @property
    def is_verouderd(self) -> bool:
        return timezone.now() - self.bijgewerkt_op > CAPACITEIT_VEROUDERD_NA

    def still_holds(self, user) -> None:
        """This week's report is last week's: stamped as new, status and waiting time unchanged."""
        self.bijgewerkt_op = timezone.now()
        self.bijgewerkt_door = user
        self.save(update_fields=["bijgewerkt_op", "bijgewerkt_door"])

    # A question with its answer: a column "Actueel" whose rows said "Actueel" read as nothing to a provider.
    @admin.display(description=_("bijgewerkt in de laatste 7 dagen?"))
    def versheid(self) -> str:
        return str(_("Nee, ouder dan 7 dagen") if self.is_verouderd else _("Ja"))


class Synoniemgroep(RevisionMixin, models.Model):
    """Words that mean the same to a searcher; a search for one also finds the others."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    termen = models.TextField(
        _("woorden met dezelfde betekenis"),
        help_text=_(
            "Zet een komma tussen de woorden. Bijvoorbeeld: schoonmaakhulp, hulp bij het huishouden, HbH"
        ),
    )

    class Meta:
        # "Synoniemen kon niet worden aangemaakt": Wagtail's messages take the name as one thing.
        verbose_name = _("groep synoniemen")
        verbose_name_plural = _("synoniemen")

    def __str__(self):
        return ", ".join(self.term_list())

    def term_list(self) -> list[str]:
        return [term.strip() for term in self.termen.split(",") if term.strip()]

    def terms_as_searched(self) -> dict[str, str]:
        """Each term as the search reads it ("Burn-out" and "burn out" are one), with the term as typed."""
        return {" ".join(words(term)): term for term in self.term_list()}

    def clean(self):
        """A word in two groups makes a search for it find both meanings ("zwaar" in "zwaar tillen" and in
        "overbelast"); a group of one word finds nothing more; a walk's "op" in a group made a search with
        "op" find 2 voorzieningen of 158 (a word the search leaves out, alone: "de was" is a term)."""
        mine = self.terms_as_searched()
        common = [term for term in self.term_list() if len(words(term)) == 1 and not content_words(term)]
        if common:
            message = _("'%(word)s' staat in bijna elke zoekvraag. Daar zoeken wij niet op. Haal het weg.")
            raise ValidationError({"termen": message % {"word": common[0]}})
        if len(mine) < 2:
            raise ValidationError({"termen": _("Vul minstens twee woorden in, met een komma ertussen.")})
        # Every word in another group at once: a walk was told one per save.
        message = _("'%(word)s' staat al in de groep '%(group)s'. Zet het woord in één groep.")
        shared = []
        for other in Synoniemgroep.objects.exclude(pk=self.pk):
            theirs = other.terms_as_searched()
            shared += [
                message % {"word": term, "group": other} for key, term in mine.items() if key in theirs
            ]
        if shared:
            raise ValidationError({"termen": shared})


AANBIEDERS_GROUP = "Aanbieders"


def provider_logins() -> models.Q:
    """The logins an organisation may be linked to: in the group Aanbieders and in no other group. A
    redacteur or consulent linked to a provider read its complaints and edited its voorzieningen."""
    from django.contrib.auth.models import Group

    aanbieders = Group.objects.filter(name=AANBIEDERS_GROUP).values("user")
    other_roles = Group.objects.exclude(name=AANBIEDERS_GROUP).filter(user__isnull=False).values("user")
    return models.Q(pk__in=aanbieders, is_superuser=False) & ~models.Q(pk__in=other_roles)


class AanbiederAccount(models.Model):
    """Links a login to the organisation whose data it may change."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="aanbieder",
        verbose_name=_("gebruiker"),
        limit_choices_to=provider_logins,
        help_text=_("Alleen logins in de groep Aanbieders, zonder andere rol."),
    )
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, related_name="accounts", verbose_name=_("organisatie")
    )

    class Meta:
        verbose_name = _("account van een aanbieder")
        verbose_name_plural = _("accounts van aanbieders")

    def __str__(self):
        return f"{self.user} ({self.organisatie})"


# --- The database search backend's index ----------------------------------------------------------------


class ZoekDocument(models.Model):
    """One flat, precomputed row per voorziening that the database search backend reads.

    Facet values are stored in one column, `{facet name: [codes]}` for every facet in `search/facets.py`, so
    a whole index loads in one query and a new facet needs no column here; the stems columns feed the
    in-process text index (`search/textindex.py`).
    """

    voorziening = models.OneToOneField(Voorziening, on_delete=models.CASCADE, related_name="zoekdocument")
    name = models.CharField(max_length=200)
    sort_key = models.CharField(max_length=200, db_index=True)
    status = models.CharField(max_length=20)
    organisatie_id = models.UUIDField()
    updated_at = models.DateTimeField()
    name_stems = models.TextField(blank=True)  # Dutch Snowball stems of the name, space-separated
    body_stems = models.TextField(blank=True)  # and of the rest of the text
    facetten = models.JSONField(default=dict)  # {"wijk": ["centrum", ...], "thema": [...], ...}
    locaties = models.JSONField(default=list)  # [[latitude, longitude], ...]
    capaciteit_bijgewerkt = models.DateTimeField(null=True)  # oldest capacity record, if tracked
    beperkte_plaatsen = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("zoekdocument")
        verbose_name_plural = _("zoekdocumenten")

    def __str__(self):
        return self.name


class ZoekWoord(models.Model):
    """Every word in the index once: the vocabulary that typo correction compares against."""

    word = models.CharField(max_length=100, unique=True)
    stem = models.CharField(max_length=100, db_index=True)

    def __str__(self):
        return self.word


class ZoekIndexVersie(models.Model):
    """One row whose token changes on every index or synonym change (see search/versions.py)."""

    token = models.CharField(max_length=32, blank=True)

    def __str__(self):
        return self.token


# --- What other apps tell the kaart ----------------------------------------------------------------------


class Stoplicht(models.Model):
    """The traffic light of one organisation for one thema, as the klachten app last computed it.

    The kaart only shows it: the klachten app writes these rows through `socialekaart.public`
    (`replace_stoplichten`), so the kaart imports nothing of the complaints."""

    class Kleur(models.TextChoices):
        GROEN = "groen", _("Groen")
        ORANJE = "oranje", _("Oranje")
        ROOD = "rood", _("Rood")
        GEEN = "geen", _("Te weinig gegevens")

    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="stoplichten")
    thema = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="stoplichten")
    kleur = models.CharField(_("kleur"), max_length=10, choices=Kleur.choices)
    klachten = models.PositiveIntegerField(_("klachten in 12 maanden"), default=0)
    clienten = models.PositiveIntegerField(_("aantal cliënten"), null=True, blank=True)
    berekend_op = models.DateField(_("berekend op"))

    class Meta:
        ordering = ["thema__sort_order", "thema__name"]
        constraints = [
            models.UniqueConstraint(fields=["organisatie", "thema"], name="stoplicht_unique_per_thema")
        ]
        verbose_name = _("stoplicht")
        verbose_name_plural = _("stoplichten")

    def __str__(self):
        return f"{self.organisatie} / {self.thema.name}: {self.kleur}"
