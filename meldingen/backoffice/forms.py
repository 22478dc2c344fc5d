import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as dt_time

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.bsn import refuse_bsn
from core.components import named_error_lines
from core.limited_text import LimitedCharField
from core.phone import phone_field
from core.postcode import normalise_postcode
from core.reference import as_typed
from core.templatetags.core_tags import datum, datumtijd
from core.widget_renderer import widget_renderer
from core.workdays import holiday_name, is_working_day
from meldingen.backoffice.inbox import NOBODY, same_resident_elsewhere
from meldingen.backoffice.models import SOON, AuditEntry, Nazorg, Signaal, Verwijzing, Wijkteam
from meldingen.backoffice.roles import (
    CONSULENT,
    can_assign,
    consulenten_seen_by,
    display_name,
    wijken_seen_by,
)
from meldingen.backoffice.signalen import ONDERWERPEN as SIGNAAL_ONDERWERPEN
from meldingen.backoffice.workflow import (
    CLOSED_STATUSES,
    DECISIONS,
    WITHOUT_AANVRAAG,
    GesprekPlaats,
    Status,
    Uitkomst,
    allowed_targets,
)
from meldingen.choices import ONDERWERPEN
from meldingen.dates import beschikking_deadline
from socialekaart import public as kaart

YES_NO = [("", _("Alle")), ("ja", _("Ja")), ("nee", _("Nee"))]


class _ChoicesInOneQuery(forms.models.ModelChoiceIterator):
    """Django streams a model select's options through a server-side cursor: on PostgreSQL three round
    trips (declare, fetch, close) for a list of a few teams, twice the time of reading it at once."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.field.extra_choices
        for obj in self.queryset.all():
            yield self.choice(obj)


class ShortListField(forms.ModelChoiceField):
    """A select of a short list of rows (teams, wijken, consulenten), drawn on every visit."""

    iterator = _ChoicesInOneQuery
    extra_choices = ()  # (value, label) pairs before the rows


class ConsulentFilterField(ShortListField):
    """The consulenten to filter the inbox on, and "Niemand": the meldingen nobody has yet, which a teamleider
    gives out (a walk: the five late meldingen had nobody, and the list could not show only those)."""

    extra_choices = ((NOBODY, _("Niemand: nog niet toegewezen")),)

    def to_python(self, value):
        return NOBODY if value == NOBODY else super().to_python(value)


class InboxFilterForm(forms.Form):
    """The inbox's GET filters. Invalid values are ignored with a message, never a server error."""

    default_renderer = widget_renderer  # drawn on every visit

    q = forms.CharField(
        label=_("Zoek op kenmerk, naam, of postcode met huisnummer"), required=False, max_length=100
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle open meldingen")), ("alle", _("Alle meldingen")), *Status.choices],
    )
    team = ShortListField(
        label=_("Wijkteam"), required=False, queryset=Wijkteam.objects.all(), empty_label=_("Alle teams")
    )
    wijk = ShortListField(
        label=_("Wijk"),
        required=False,
        queryset=kaart.wijken(),
        to_field_name="slug",
        empty_label=_("Alle wijken"),
    )
    onderwerp = forms.ChoiceField(
        label=_("Onderwerp"), required=False, choices=[("", _("Alle onderwerpen")), *ONDERWERPEN]
    )
    spoed = forms.ChoiceField(label=_("Spoed"), required=False, choices=YES_NO)
    soort = forms.ChoiceField(
        label=_("Soort melding"),
        required=False,
        choices=[
            ("", _("Alle")),
            ("kort", _("Kort")),  # not "alleen contactgegevens": a short melding may say what it is about
            ("uitgebreid", _("Uitgebreid")),
        ],
    )
    over_termijn = forms.BooleanField(label=_("Alleen te laat"), required=False)
    # A walk's teamleider could see what was late, not what would be late next: the days to act in.
    bijna_te_laat = forms.BooleanField(
        label=_("Alleen bijna te laat"),
        help_text=_(
            "De termijn eindigt binnen %(contact)s werkdagen (eerste contact) of binnen %(other)s dagen "
            "(onderzoek of beschikking)."
        )
        % {"contact": SOON["contact"], "other": SOON["onderzoek"]},
        required=False,
    )
    mijn = forms.BooleanField(label=_("Alleen op mijn naam"), required=False)
    # Who assigns sees what each consulent has (a teamleider could not see who had too much work).
    consulent = ConsulentFilterField(
        label=_("Consulent"), required=False, queryset=None, empty_label=_("Alle consulenten")
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and not user.has_perm("backoffice.view_all_meldingen"):
            # Only the teams whose meldingen she sees, and their wijken: another team or its wijk gave
            # "0 meldingen gevonden", as if it had none.
            self.fields["team"].queryset = Wijkteam.objects.filter(members=user)
            self.fields["wijk"].queryset = wijken_seen_by(user)
        if user is not None and can_assign(user):
            self.fields["consulent"].queryset = consulenten_seen_by(user)
            self.fields["consulent"].label_from_instance = display_name
        else:
            del self.fields["consulent"]

    @property
    def active_filters(self) -> int:
        """How many filters besides the search are set (the inbox's fold-out says so, and opens)."""
        return sum(1 for name in self.fields if name != "q" and self.data.get(name))


class _DateField(forms.DateField):
    """A date written as asked that does not exist (31-2-2027) gets a message that says so: "write it like
    3-2-2026" sent the consulent looking for a mistake in how she wrote it."""

    written_as_asked = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.](\d{2}|\d{4})")
    without_a_year = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]?")
    # The day the field's hint gives (`show_example`): the message about how to write a date repeats it, as a
    # hint of "5-12-2026" above an error of "3-2-2026" made two ways of writing out of one.
    example = "3-2-2026"

    def show_example(self, hint: str, day) -> None:
        """The hint, with `day` as its %(datum)s, and the same day in the message about how to write one."""
        self.example = _written_date(day)
        self.help_text = hint % {"datum": self.example}

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            if self.written_as_asked.fullmatch(str(value).strip()):
                raise ValidationError(self.error_messages["not_a_day"], code="invalid") from None
            if self.without_a_year.fullmatch(str(value).strip()):  # "7-12": it was digits (a walk)
                message = self.error_messages["no_year"]
                raise ValidationError(message % {"voorbeeld": self.example}, code="invalid") from None
            raise ValidationError(
                self.error_messages["invalid"] % {"voorbeeld": self.example}, code="invalid"
            ) from None


def _date_field(label, hint="", example=None) -> forms.DateField:
    """A date a consulent types as staff pages write it (3-2-2026), or with slashes or dots or a year of two
    digits as many write it (3/2/2026, 3.2.2026, 3-2-26); optional, as it belongs to one status."""
    field = _DateField(
        label=label,
        required=False,
        help_text=hint,
        input_formats=["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%d-%m-%y", "%d/%m/%y", "%d.%m.%y"],
        error_messages={
            "invalid": _(
                "Schrijf de datum met cijfers, zo: %(voorbeeld)s."
            ),  # "10 december" is a day that exists
            "not_a_day": _("Deze datum bestaat niet. Kijk of de dag en de maand kloppen."),
            "no_year": _("Schrijf ook het jaar, zo: %(voorbeeld)s."),
        },
    )
    if example:
        field.show_example(hint, example)
    return field


def _written_date(day) -> str:
    """3-2-2026: a date as the date fields ask for it."""
    return f"{day.day}-{day.month}-{day.year}"


class PeriodForm(forms.Form):
    """The dashboard's period: the meldingen received from one day until another (both included)."""

    van = _date_field(
        _("Ontvangen vanaf"), _("Bijvoorbeeld %(datum)s. Leeg is vanaf de eerste melding."), date(2026, 7, 1)
    )
    tot = _date_field(
        _("Ontvangen tot en met"), _("Bijvoorbeeld %(datum)s. Leeg is tot en met vandaag."), date(2026, 9, 30)
    )

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")  # before an error takes one from the data
        if van and van > timezone.localdate():  # "van 1 januari 2030 tot en met vandaag"
            self.add_error("van", _("Deze datum ligt na vandaag. Kies vandaag of een eerdere datum."))
        # Both at once: a walk's teamleider mended the first, and then met the second.
        if van and tot and tot < van:
            self.add_error(
                "tot", _("Deze datum ligt voor de datum bij 'Ontvangen vanaf'. Kies een latere datum.")
            )
        return data

    def error_lines(self) -> list[tuple[str, str]]:
        """The error summary's lines, each naming its date: a walk's "Deze datum ligt na vandaag." at the top
        of Cijfers did not say which of the two."""
        return named_error_lines(self)

    def period(self) -> tuple:
        """(van, tot) of a valid form; (None, None), every melding, otherwise."""
        if not self.is_valid():
            return None, None
        return self.cleaned_data["van"], self.cleaned_data["tot"]


@dataclass(frozen=True)
class _DayField:
    """The field with the day a status's step happened, when that was earlier than the day it is written
    down, with its hint and its two refusals."""

    name: str
    help: str
    to_come: str
    before_the_melding: str


GESPREK_HOURS = (dt_time(7), dt_time(22))  # a gesprek at another time is a typing error


def _overtaken(posted, current: str, targets) -> bool:
    """A status a page offered before the melding moved on (a status only moves forward, and a closed one
    not at all): one not offered now, at or before the current one, or any once the melding is closed."""
    order = list(Status.values)
    if posted not in order or posted in targets:
        return False
    return current in CLOSED_STATUSES or order.index(posted) <= order.index(current)


def keeps_spoed(double, other) -> bool:
    """Whether a double may go on with `other` (Behandelingen): spoed only with another melding with spoed."""
    return other.melding.spoed or not double.melding.spoed


class StatusForm(forms.Form):
    # Set by clean when the onderzoek ends without the resident's consent for health data: the consent is
    # then recorded with the status (CONSENT_AND_SAVE, the name of a button of this form), not by a form of
    # its own elsewhere on the page, whose save lost the status, date and toelichting chosen here (a keyboard
    # walk).
    asks_for_consent = False
    CONSENT_AND_SAVE = "toestemming_gezondheid"
    # As the page shows them (melding.html), so the error summary lists its lines in the same order.
    field_order = [
        *("status", "contact_datum", "gesprek_datum", "gesprek_tijd", "gesprek_plaats", "afgerond_datum"),
        *("verslag_verstuurd", "aanvraag_datum", "andere_melding", "uitkomst", "start_ondersteuning"),
        *("afgehandeld_datum", "toelichting"),
    ]
    status = forms.ChoiceField(label=_("Nieuwe status"))

    # A call made on Friday is often written down on Monday, a gesprek's outcome a week later: each counts
    # for its term on the day it happened (see DAY_FIELDS).
    contact_datum = _date_field(_("Datum van het contact (bij contact opgenomen)"))
    afgerond_datum = _date_field(_("Datum van het afronden (bij onderzoek afgerond)"))
    aanvraag_datum = _date_field(_("Datum waarop de aanvraag binnenkwam (bij aanvraag ontvangen)"))
    afgehandeld_datum = _date_field(_("Datum van het afhandelen (bij afgehandeld)"))
    verslag_verstuurd = forms.BooleanField(
        label=_("Het verslag van het onderzoek is naar de inwoner gestuurd (bij onderzoek afgerond)"),
        required=False,
        help_text=_(
            "Op papier of per e-mail. Dat moet volgens de Wmo. "
            "Schrijf het verslag bij 'Verslag van het onderzoek'."
        ),
    )
    gesprek_datum = _date_field(_("Datum van het gesprek (bij gesprek gepland)"))
    gesprek_tijd = forms.TimeField(
        label=_("Tijd van het gesprek (bij gesprek gepland)"),
        required=False,
        help_text=_("Bijvoorbeeld 10:00."),
        # "10 uur" as many write it too (a walk's was refused, "zoals 10:00", as if 10 uur did not exist).
        input_formats=["%H:%M", "%H.%M", "%H", "%H uur", "%H.%M uur", "%H:%M uur"],
        error_messages={"invalid": _("Vul een bestaande tijd in, zoals 10:00.")},
    )
    gesprek_plaats = forms.ChoiceField(
        label=_("Plaats van het gesprek (bij gesprek gepland)"),
        choices=[("", _("Nog niet bekend")), *GesprekPlaats.choices],
        required=False,
        error_messages={"invalid_choice": _("Kies een plaats uit de lijst.")},
    )

    uitkomst = forms.ChoiceField(
        label=_("Uitkomst (bij afgehandeld)"),
        required=False,
        choices=[("", _("Kies de uitkomst")), *Uitkomst.choices],
        error_messages={"invalid_choice": _("Kies een uitkomst uit de lijst.")},
    )
    start_ondersteuning = _date_field(_("Start van de hulp (als de inwoner ondersteuning krijgt)"))
    # Dubbele melding: the other melding, where the work goes on (see _the_other_melding).
    andere_melding = forms.CharField(
        label=_("Nummer van de andere melding (bij dubbele melding)"),
        required=False,
        help_text=_(
            "Deze melding stopt. Het werk gaat verder bij de andere melding. Bijvoorbeeld M-7K3Q-XW9P."
        ),
    )
    # Every text staff type refuses a BSN, as the verslag and the signal did (a walk saved one in a note).
    toelichting = LimitedCharField(
        label=_("Toelichting"),
        validators=[refuse_bsn],
        required=False,
        max_length=500,
        # A reason often takes two or three sentences: a walk's consulent wrote hers in a one-line box.
        widget=forms.Textarea(attrs={"rows": 3}),
        # Beside "(niet verplicht)": "Nodig bij ingetrokken" read as a contradiction. A gesprek after the term
        # and finishing the onderzoek before its gesprek are the other cases: said only where they can be
        # chosen (see __init__).
        help_text=_("Alleen nodig als u 'Ingetrokken' kiest. Schrijf hier geen medische gegevens."),
    )
    # Withdrawing closes the melding for good: it is asked once more (see views.change_status).
    ingetrokken_bevestigd = forms.BooleanField(required=False, widget=forms.HiddenInput)
    # The last step the page showed (its Statuswijziging's key, 0 for none): a colleague's step since then
    # makes the form out of date (see full_clean).
    gezien = forms.IntegerField(required=False, widget=forms.HiddenInput)

    DAY_FIELDS = {
        Status.CONTACT_OPGENOMEN: _DayField(
            "contact_datum",
            help=_("Leeg is vandaag. Belde u eerder? Vul dan die dag in, bijvoorbeeld %(datum)s."),
            to_come=_("Deze dag moet nog komen. Vul de dag in waarop u belde."),
            before_the_melding=_("Het contact kan niet voor de dag van de melding zijn (%(datum)s)."),
        ),
        Status.ONDERZOEK_AFGEROND: _DayField(
            "afgerond_datum",
            help=_(
                "Leeg is vandaag. Was het onderzoek eerder klaar? Vul dan die dag in, bijvoorbeeld %(datum)s."
            ),
            to_come=_("Deze dag moet nog komen. Vul de dag in waarop het onderzoek klaar was."),
            before_the_melding=_("Het onderzoek kan niet klaar zijn voor de dag van de melding (%(datum)s)."),
        ),
        # The beschikking's two weeks run from the day the aanvraag came in, not from the day it was noted.
        Status.AANVRAAG_ONTVANGEN: _DayField(
            "aanvraag_datum",
            help=_(
                "Leeg is vandaag. Kwam de aanvraag eerder binnen? Vul dan die dag in, bijvoorbeeld %(datum)s."
            ),
            to_come=_("Deze dag moet nog komen. Vul de dag in waarop de aanvraag binnenkwam."),
            before_the_melding=_("De aanvraag kan niet binnenkomen voor de dag van de melding (%(datum)s)."),
        ),
        # The beschikking counts as given on the day its letter went out.
        Status.AFGEHANDELD: _DayField(
            "afgehandeld_datum",
            help=_(
                "Leeg is vandaag. Was het eerder? Vul dan die dag in, bijvoorbeeld %(datum)s. "
                "Na een aanvraag is dat de dag waarop de brief met het besluit wegging."
            ),
            to_come=_("Deze dag moet nog komen. Vul de dag in waarop u de melding afhandelde."),
            before_the_melding=_(
                "De melding kan niet afgehandeld zijn voor de dag van de melding (%(datum)s)."
            ),
        ),
    }

    def day_it_happened(self):
        """The day the chosen step (contact, onderzoek, aanvraag, afhandelen) happened, when it was not today;
        else None."""
        day_field = self.DAY_FIELDS.get(self.cleaned_data["status"])
        day = self.cleaned_data.get(day_field.name) if day_field else None
        return None if day == timezone.localdate() else day

    def withdraws_unconfirmed(self) -> bool:
        return (
            self.cleaned_data["status"] == Status.INGETROKKEN
            and not self.cleaned_data["ingetrokken_bevestigd"]
        )

    # The summary's names of the dates and the time: a walk's consulent read "Schrijf de datum met cijfers"
    # and "Vul een bestaande tijd in" without which. The other messages say what they are about.
    DATED_NAMES = {
        "contact_datum": _("Datum van het contact"),
        "afgerond_datum": _("Datum van het afronden"),
        "aanvraag_datum": _("Datum van de aanvraag"),
        "afgehandeld_datum": _("Datum van het afhandelen"),
        "gesprek_datum": _("Datum van het gesprek"),
        "gesprek_tijd": _("Tijd van het gesprek"),
        "start_ondersteuning": _("Start van de hulp"),
    }

    def error_lines(self) -> list[tuple[str, str]]:
        return named_error_lines(self, self.DATED_NAMES, only=True)

    def __init__(
        self,
        *args,
        current: str,
        received_at=None,
        term=None,
        gesprek_op=None,
        gesprek_plaats="",
        plan_until=None,
        uitkomst="",
        aanvraag=False,
        last_step=None,
        this=None,
        others=None,
        consent_given=False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.this = this  # the melding's Behandeling
        # Given now, with this status (CONSENT_AND_SAVE); asked again when the status is refused.
        self.consent_given = self.asks_for_consent = consent_given
        self.others = others  # the other meldingen the user may see: a double is one of them
        self.last_step = last_step  # the melding's last Statuswijziging, if any
        self.fields["gezien"].initial = last_step.pk if last_step else 0
        self.received_at = received_at  # when the melding came in: nothing it led to happened before
        self.received = timezone.localdate(received_at) if received_at else None
        self.term = term  # the last day of the onderzoek's legal term
        self.gesprek_op = gesprek_op  # the planned gesprek: the onderzoek is finished after it
        # The last day a persoonlijk plan may still come in (None once it came, or that day is past): the
        # onderzoek weighs it.
        self.plan_until = plan_until
        self.given_uitkomst = uitkomst  # afgehandeld: the uitkomst a correction replaces
        labels = dict(Status.choices)
        if current == Status.GESPREK_GEPLAND:
            labels[current] = _("Gesprek verplaatsen")  # planned again, at another moment
            self.fields["gesprek_datum"].label = _("Nieuwe datum van het gesprek (bij gesprek verplaatsen)")
            self.fields["gesprek_tijd"].label = _("Nieuwe tijd van het gesprek (bij gesprek verplaatsen)")
            self.fields["gesprek_plaats"].label = _("Plaats van het gesprek (bij gesprek verplaatsen)")
        if current == Status.AFGEHANDELD:
            labels[current] = _("Uitkomst corrigeren")  # afgehandeld again, with the right uitkomst
            self.fields["uitkomst"].label = _("Juiste uitkomst (bij uitkomst corrigeren)")
            self._ask_why_the_uitkomst_changes()
        targets = allowed_targets(current)
        # Starts empty, so no status is saved by accident; only the next steps of the workflow are offered.
        self.fields["status"].choices = [
            ("", _("Kies een status")),
            *((value, labels[value]) for value in targets),
        ]
        self.allowed = bool(targets)
        when = [_("u 'Ingetrokken' kiest")]
        if Status.GESPREK_GEPLAND in targets:
            when.append(
                _("een gesprek plant na de termijn van het onderzoek of op een dag die geen werkdag is")
            )
        if Status.ONDERZOEK_AFGEROND in targets and plan_until:
            when.append(_("het onderzoek afrondt voor het geplande gesprek of het persoonlijk plan"))
        elif Status.ONDERZOEK_AFGEROND in targets:
            when.append(_("het onderzoek afrondt voor het geplande gesprek"))
        if Status.ONDERZOEK_AFGEROND in targets:
            when.append(_("er geen verslag of geen toestemming van de inwoner is vastgelegd"))
        if Status.AANVRAAG_ONTVANGEN in targets:
            when.append(_("een aanvraag vastlegt waarvan de termijn al voorbij is"))
        if len(when) > 1:  # "Alleen nodig als u 'Ingetrokken' kiest, ..., of het onderzoek afrondt ..."
            listed = ", ".join(map(str, when[:-1])) + ", " + _("of %(last)s") % {"last": when[-1]}
            self.fields["toelichting"].help_text = _(
                "Alleen nodig als %(when)s. Schrijf hier geen medische gegevens."
            ) % {"when": listed}
        self.fields["status"].error_messages["invalid_choice"] = _("Kies een status uit de lijst.")
        if self.is_bound and _overtaken(self.data.get("status"), current, targets):
            # Chosen on a page shown before the status changed: in another tab, or by a colleague.
            changed = _(
                "De status is intussen al veranderd in '%(status)s'. Misschien deed een collega dat, of u "
                "zelf in een ander tabblad."
            ) % {"status": Status(current).label}
            next_step = " " + _("Kies nu de volgende stap.") if targets else ""
            self.fields["status"].error_messages["invalid_choice"] = changed + next_step
        self.fields["status"].error_messages["required"] = _("Kies een nieuwe status.")
        # The example is a day to come: a gesprek planned for "3-2-2026" in December read as a mistake.
        day_to_come = timezone.localdate() + timedelta(days=7)
        if Status.GESPREK_GEPLAND in targets:
            # The place planned (a move is most often in time, not in place), or the resident's wish.
            self.fields["gesprek_plaats"].initial = gesprek_plaats
            self.fields["gesprek_datum"].show_example(_("Bijvoorbeeld %(datum)s."), day_to_come)
            if current != Status.GESPREK_GEPLAND:  # a question solved on the phone was a gesprek too
                self.fields["gesprek_datum"].help_text += " " + _(
                    "Was het gesprek al, bijvoorbeeld aan de telefoon? Vul dan die dag in."
                )
        else:
            del self.fields["gesprek_datum"]
            del self.fields["gesprek_tijd"]
            del self.fields["gesprek_plaats"]
        # A day past, not before the melding came in ("bijvoorbeeld 4-12-2026" stood on a melding of 5
        # December); for a melding of today no earlier day at all.
        today = timezone.localdate()
        past_day = max(today - timedelta(days=3), self.received or today - timedelta(days=3))
        if Status.ONDERZOEK_AFGEROND not in targets:
            del self.fields["verslag_verstuurd"]
        if Status.DUBBEL not in targets:
            del self.fields["andere_melding"]
        for status, day_field in self.DAY_FIELDS.items():
            if status in targets:
                if past_day < today:
                    self.fields[day_field.name].show_example(day_field.help, past_day)
                else:  # the only day it can be
                    self.fields[day_field.name].show_example(_("Leeg is vandaag."), today)
            else:
                del self.fields[day_field.name]
        if Status.AFGEHANDELD in targets:
            self.fields["start_ondersteuning"].show_example(
                _("Bijvoorbeeld %(datum)s. Leeg is vandaag. Hierna plannen we het nazorggesprek."),
                day_to_come,
            )
            self._offer_the_uitkomsten(aanvraag)
        else:
            del self.fields["uitkomst"]
            del self.fields["start_ondersteuning"]
        if current == Status.AFGEHANDELD:  # a correction: the melding stays closed on its day
            del self.fields["afgehandeld_datum"]

    def full_clean(self):
        """A step chosen on a page that a colleague's step has since made out of date is refused with what
        that step was, and nothing else: the other messages would be about the step the page showed (a
        correction of the uitkomst asked why it changes, where a colleague had just closed the melding)."""
        super().full_clean()
        seen = self.cleaned_data.get("gezien") if self.is_bound else None  # None: not given, or no number
        if self.last_step and seen is not None and seen != self.last_step.pk:
            self._errors = ErrorDict()
            self.add_error(None, self._stepped_in())
            self.data = self.data.copy()  # shown again, the form has seen the step: saved again, it counts
            self.data["gezien"] = self.fields["gezien"].initial

    def _stepped_in(self) -> str:
        step = self.last_step
        if step.moves_gesprek:
            what = _("het gesprek verplaatst naar %(moment)s") % {"moment": step.gesprek_when_and_where()}
        elif step.to_status == Status.AFGEHANDELD:
            what = _("afgehandeld met de uitkomst '%(uitkomst)s'") % {"uitkomst": step.get_uitkomst_display()}
        else:
            what = _("de status is nu '%(status)s'") % {"status": Status(step.to_status).label}
        return _(
            "Intussen is de melding veranderd: %(what)s (%(who)s, %(when)s). Uw keuze is niet opgeslagen. "
            "Kijk of die nog nodig is en kies opnieuw."
        ) % {
            "what": what,
            "who": display_name(step.user) if step.user else _("onbekend"),
            "when": datumtijd(step.recorded_at or step.at),
        }

    def clean(self):
        data = super().clean()
        if (
            data.get("status") == Status.AFGEHANDELD
            and "uitkomst" in self.fields
            and not data.get("uitkomst")
        ):
            self.add_error("uitkomst", _("Kies de uitkomst van de melding."))
        start = data.get("start_ondersteuning")
        if start and data.get("uitkomst") and data["uitkomst"] != Uitkomst.TOEGEKEND:
            # Kept silently, it told a wrong click on the uitkomst nothing.
            self.add_error(
                "start_ondersteuning",
                _(
                    "Er start geen hulp bij deze uitkomst. "
                    "Maak dit veld leeg, of kies 'Krijgt ondersteuning'."
                ),
            )
        elif start and self.received and start < self.received:
            self.add_error(
                "start_ondersteuning",
                _("De hulp kan niet starten voor de dag van de melding (%(datum)s).")
                % {"datum": datum(self.received)},
            )
        # A toelichting given answers the questions below; one refused (a BSN) asks none of them besides.
        told = bool(data.get("toelichting")) or "toelichting" in self.errors
        day_field = self.DAY_FIELDS.get(data.get("status"))
        if day_field and data.get(day_field.name):
            self._check_the_day(data["status"], day_field, data[day_field.name])
        if data.get("status") == Status.GESPREK_GEPLAND:
            data["gesprek_op"] = self._gesprek_op(data)
            if self.gesprek_op and data["gesprek_op"]:  # planned already: it moves
                self._check_the_move(data["gesprek_op"])
            if data["gesprek_op"] and not told:
                self._ask_why_after_the_term(data["gesprek_op"])
                self._ask_why_on_a_day_off(data["gesprek_op"])
        if data.get("status") == Status.ONDERZOEK_AFGEROND and not data.get("verslag_verstuurd"):
            # The onderzoek ends with the resident's written report: a walk closed one with "x" and no report.
            self.add_error(
                "verslag_verstuurd",
                _(
                    "Stuur de inwoner eerst het verslag van het onderzoek. Zet daarna een vinkje bij 'Het "
                    "verslag van het onderzoek is naar de inwoner gestuurd'."
                ),
            )
        if data.get("status") == Status.ONDERZOEK_AFGEROND and not told:
            self._ask_why_before_the_gesprek(data.get("afgerond_datum"))
            self._ask_why_before_the_plan(data.get("afgerond_datum") or timezone.localdate())
            if data.get("verslag_verstuurd"):
                self._ask_where_the_verslag_is()
        # Also when the melding closes without the onderzoek's step (after an early aanvraag).
        never_finished = self.this is not None and self.this.onderzoek_afgerond_at is None
        closing = data.get("status") == Status.AFGEHANDELD and not self.given_uitkomst and never_finished
        if (data.get("status") == Status.ONDERZOEK_AFGEROND or closing) and not told:
            self._ask_about_the_health_consent()
        if data.get("status") == Status.AANVRAAG_ONTVANGEN and not told:
            self._ask_why_the_aanvraag_comes_late(data.get("aanvraag_datum") or timezone.localdate())
        if data.get("status") == Status.AFGEHANDELD and self.given_uitkomst:
            self._check_the_correction(data)
        if data.get("status") == Status.INGETROKKEN and not told:
            # It closes the melding for good, and sits beside the next step in the list.
            self.add_error("toelichting", _("Schrijf waarom de melding wordt ingetrokken."))
        if data.get("status") == Status.DUBBEL:
            data["dubbel_van"] = self._the_other_melding(data.get("andere_melding", ""))
        return data

    def _the_other_melding(self, typed: str):
        """The melding the work goes on with, as typed in "Nummer van de andere melding": another open melding
        the user may see, for the same address (a walk closed a spoed melding as the double of another
        resident's, closed long ago: the work went on nowhere). With spoed, the other has spoed too. None,
        with the field's error, for any other."""
        reference = as_typed(typed, "M", read_off=True)
        other = None
        if reference:  # `others` leaves this melding out
            found = self.others.select_related("melding", "dubbel_van__melding")
            other = found.filter(melding__reference=reference).first()
        error = self._not_the_other_melding(typed, reference, other)
        if error:
            self.add_error("andere_melding", error)
            return None
        return other

    def _not_the_other_melding(self, typed: str, reference: str | None, other) -> str:
        """Why the melding typed is not the other one; "" when it is."""
        if not typed.strip():
            return _("Vul het nummer van de andere melding in, zoals M-7K3Q-XW9P.")
        if reference is None:
            return _("Dit is geen meldingsnummer. Een meldingsnummer ziet eruit als M-7K3Q-XW9P.")
        if reference == self.this.melding.reference:
            return _("Dit is het nummer van deze melding. Vul het nummer van de andere melding in.")
        if other is None:
            return _(
                "Wij vinden geen melding met nummer %(reference)s die u mag zien. Kijk of het nummer klopt."
            ) % {"reference": reference}
        named = {"reference": reference}
        if other.status == Status.DUBBEL and other.dubbel_van:
            return _(
                "Melding %(reference)s is zelf een dubbele melding. Het werk gaat verder bij %(verder)s. "
                "Vul dat nummer in."
            ) % {**named, "verder": other.dubbel_van.melding.reference}
        if other.status in CLOSED_STATUSES:
            return _(
                "Melding %(reference)s is al gesloten (%(status)s). Daar gaat het werk niet verder. "
                "Vul het nummer in van een open melding."
            ) % {**named, "status": other.get_status_display().lower()}
        same_address = other.address_index and other.address_index == self.this.address_index
        if not same_address and not same_resident_elsewhere(self.this.melding, other.melding):
            return (
                _(
                    "Melding %(reference)s is voor een ander adres. Een dubbele melding is voor dezelfde "
                    "inwoner: op een ander adres alleen met dezelfde naam, in dezelfde wijk, en hetzelfde "
                    "telefoonnummer of dezelfde geboortedatum."
                )
                % named
            )
        if not keeps_spoed(self.this, other):
            return (
                _(
                    "Deze melding heeft spoed en melding %(reference)s niet. Maak dan melding %(reference)s "
                    "de dubbele melding. Dan blijft deze melding met spoed open."
                )
                % named
            )
        return ""

    def _check_the_day(self, status, day_field, day):
        if day > timezone.localdate():
            self.add_error(day_field.name, day_field.to_come)
        elif self.received and day < self.received:
            self.add_error(day_field.name, day_field.before_the_melding % {"datum": datum(self.received)})
        else:
            self._check_after_the_steps_before(status, day_field, day)

    # The steps a step's day may not come before (a walk closed a melding on a day before its aanvraag and
    # its first contact, and Cijfers counted the beschikking "op tijd"). Not the onderzoek's end: a resident
    # may apply, and be decided on, before it (Wmo 2015 art. 2.3.2).
    STEPS_BEFORE = {
        Status.ONDERZOEK_AFGEROND: {"contacted_at": _("het eerste contact")},
        Status.AFGEHANDELD: {"contacted_at": _("het eerste contact"), "aanvraag_at": _("de aanvraag")},
    }

    def _check_after_the_steps_before(self, status, day_field, day):
        if self.this is None:
            return
        happened = [
            (timezone.localdate(getattr(self.this, name)), step)
            for name, step in self.STEPS_BEFORE.get(status, {}).items()
            if getattr(self.this, name) is not None
        ]
        last, step = max(happened, key=lambda each: each[0], default=(None, ""))
        if last and day < last:
            self.add_error(
                day_field.name,
                _("Deze dag ligt vóór %(stap)s (%(datum)s). Kies die dag of een dag daarna.")
                % {"stap": step, "datum": datum(last)},
            )

    def _check_the_move(self, moment):
        """A gesprek moves to another moment that is still to come (a planning in the past records a gesprek
        that was; a move to the past is most often a typing error in the month)."""
        if moment == self.gesprek_op:
            self.add_error(
                "gesprek_datum", _("Het gesprek staat al op deze dag en tijd. Vul de nieuwe dag of tijd in.")
            )
        elif timezone.localdate(moment) < timezone.localdate():
            self.add_error(
                "gesprek_datum",
                _("Deze dag is al voorbij. Was het gesprek al? Kies dan de status 'Onderzoek afgerond'."),
            )

    def _ask_why_the_uitkomst_changes(self):
        """A correction, the one step left after afgehandeld, says why: the figures and the nazorg change."""
        toelichting = self.fields["toelichting"]
        toelichting.required = True
        toelichting.help_text = _("Waarom verandert de uitkomst? Schrijf hier geen medische gegevens.")
        toelichting.error_messages["required"] = _("Schrijf waarom de uitkomst verandert.")

    def _offer_the_uitkomsten(self, aanvraag: bool):
        """A decision on support (the beschikking) answers an aanvraag; without one the melding ends with help
        anyone may use, or because the resident applies for none (workflow.DECISIONS)."""
        offered = DECISIONS if aanvraag else WITHOUT_AANVRAAG
        field = self.fields["uitkomst"]
        field.choices = [("", _("Kies de uitkomst")), *((each.value, each.label) for each in offered)]
        if not aanvraag:
            del self.fields["start_ondersteuning"]  # no support starts without a decision
            field.error_messages["invalid_choice"] = _(
                "Kies een uitkomst uit de lijst. Een besluit over hulp volgt op een aanvraag: "
                "kies dan eerst de status 'Aanvraag ontvangen'."
            )

    def _check_the_correction(self, data):
        """A corrected uitkomst is another one."""
        if data.get("uitkomst") == self.given_uitkomst:
            self.add_error("uitkomst", _("Dit is al de uitkomst. Kies de uitkomst die wel klopt."))

    def _ask_why_before_the_gesprek(self, day=None):
        """Finishing the onderzoek (now, or on the day given) before its planned gesprek is most often a wrong
        click: the term would count as met before the resident was spoken to. When the gesprek was earlier,
        the reason is asked."""
        if not self.gesprek_op:
            return
        before = (timezone.localdate(self.gesprek_op) > day) if day else (self.gesprek_op > timezone.now())
        if before:
            self.add_error(
                "toelichting",
                _(
                    "Het gesprek is gepland op %(moment)s. Is het onderzoek toch al klaar? "
                    "Schrijf dan in de toelichting waarom, bijvoorbeeld dat het gesprek eerder was."
                )
                % {"moment": datumtijd(self.gesprek_op)},
            )

    def _ask_why_before_the_plan(self, day):
        """The resident may send a persoonlijk plan within 7 days of the melding, and the onderzoek takes it
        into account (Wmo 2015 art. 2.3.2): a walk finished the onderzoek on the day of the melding, while the
        page said the plan could still come."""
        if self.plan_until and day <= self.plan_until:
            self.add_error(
                "toelichting",
                _(
                    "De inwoner mag tot en met %(datum)s een persoonlijk plan sturen. Dat plan hoort bij het "
                    "onderzoek. Is het onderzoek toch al klaar? Schrijf dan in de toelichting waarom, "
                    "bijvoorbeeld dat de inwoner geen plan stuurt."
                )
                % {"datum": datum(self.plan_until)},
            )

    def _ask_why_after_the_term(self, moment):
        """A gesprek after the onderzoek's legal term, while that term can still be met, makes the onderzoek
        late: only when the resident wants it so, which is written down. Said at the date, which is most often
        what to change."""
        if self.term and timezone.localdate() <= self.term < timezone.localdate(moment):
            self.add_error(
                "gesprek_datum",
                _(
                    "Het onderzoek moet uiterlijk op %(termijn)s klaar zijn. Het gesprek is daarna. "
                    "Kies een dag tot en met %(termijn)s. Wil de inwoner het later? "
                    "Schrijf dan in de toelichting waarom."
                )
                % {"termijn": datum(self.term)},
            )

    def _ask_about_the_health_consent(self):
        """A walk finished the onderzoek of a melding a son made, and closed it, without his mother's consent
        for her health data, and nothing asked (the page kept asking for it, with no button left). Consent
        refused, or not possible, is written in the toelichting."""
        melding = self.this.melding if self.this is not None else None
        if not melding or not melding.encrypted_answers or melding.typed_answers.health_consent_given:
            return
        if AuditEntry.Action.HEALTH_CONSENT in self.this.recorded_once((AuditEntry.Action.HEALTH_CONSENT,)):
            return
        self.asks_for_consent = True  # the form offers CONSENT_AND_SAVE beside its own button
        if self.consent_given:
            return
        self.add_error(
            "toelichting",
            _(
                "De inwoner gaf nog geen toestemming voor de gegevens over de gezondheid. Vraag het de "
                "inwoner. Gaf de inwoner toestemming? Kies dan 'Toestemming gegeven en status opslaan'. Kan "
                "of wil de inwoner dat niet? Schrijf dan in de toelichting waarom."
            ),
        )

    def _ask_where_the_verslag_is(self):
        """A walk ticked "verslag verstuurd" with no verslag written, and the page said both that it was sent
        and "Schrijf het hier". One written elsewhere (on paper) is named in the toelichting."""
        if self.this is not None and not self.this.verslagen.exists():
            self.add_error(
                "verslag_verstuurd",
                _(
                    "Er staat nog geen verslag bij 'Verslag van het onderzoek'. Schrijf het daar eerst. "
                    "Stuurde u het verslag op een andere manier? Schrijf dat dan in de toelichting."
                ),
            )

    def _ask_why_the_aanvraag_comes_late(self, day):
        """An aanvraag written down after the beschikking's term of the day it came in is late at once: a
        walk recorded one of 7 November on 5 December, and the page said "12 dagen te laat" without a word."""
        term = beschikking_deadline(day)
        if term < timezone.localdate():
            self.add_error(
                "toelichting",
                _(
                    "De beschikking op deze aanvraag moest uiterlijk op %(termijn)s weg. Schrijf in de "
                    "toelichting waarom de aanvraag pas nu is vastgelegd."
                )
                % {"termijn": datum(term)},
            )

    def _ask_why_on_a_day_off(self, moment):
        """A walk planned a gesprek on a Sunday and on Christmas Day without a word, while the site knows the
        days off for its terms. The resident may want one (after work on a Saturday): then it is written. Said
        at the date (a walk read it under the toelichting, away from the day to change)."""
        day = timezone.localdate(moment)
        if is_working_day(day):
            return
        holiday = holiday_name(day)
        self.add_error(
            "gesprek_datum",
            _(
                "%(dag)s is geen werkdag%(feestdag)s. Kies een werkdag. Wil de inwoner het gesprek toch op "
                "die dag? Schrijf dan in de toelichting waarom."
            )
            % {
                "dag": capfirst(date_format(day, "l j F Y")),
                "feestdag": f": {holiday}" if holiday else "",
            },
        )

    def _gesprek_op(self, data):
        """The moment of the gesprek from its date and time, each asked for when missing."""
        day, time = data.get("gesprek_datum"), data.get("gesprek_tijd")
        if day is None and "gesprek_datum" not in self.errors:
            self.add_error("gesprek_datum", _("Vul de datum van het gesprek in."))
        if time is None and "gesprek_tijd" not in self.errors:
            self.add_error("gesprek_tijd", _("Vul de tijd van het gesprek in."))
        elif time is not None and not GESPREK_HOURS[0] <= time <= GESPREK_HOURS[1]:
            # "3:00" is most often three in the afternoon; the resident would read "om 03.00 uur". A time late
            # in the evening is no afternoon written short: the question would not fit it (a walk: 23:30).
            outside = _("Een gesprek om %(tijd)s is buiten de tijden van 7:00 tot 22:00.") % {
                "tijd": time.strftime("%H:%M")
            }
            if time < GESPREK_HOURS[0]:
                outside += " " + _("Bedoelt u de middag? Schrijf dan bijvoorbeeld 15:00 voor 3 uur.")
            self.add_error("gesprek_tijd", outside)
        if day and self.received and day < self.received:
            self.add_error(
                "gesprek_datum",
                _("Het gesprek kan niet voor de dag van de melding zijn (%(datum)s).")
                % {"datum": datum(self.received)},
            )
        if day is None or time is None:
            return None
        moment = timezone.make_aware(datetime.combine(day, time))
        if self.received_at and day == self.received and moment < self.received_at:
            self.add_error(
                "gesprek_tijd",
                _("De melding kwam binnen om %(tijd)s. Het gesprek kan niet eerder zijn.")
                % {"tijd": timezone.localtime(self.received_at).strftime("%H:%M")},
            )
        return moment


class AssignForm(forms.Form):
    team = ShortListField(
        label=_("Wijkteam"),
        queryset=Wijkteam.objects.all(),
        empty_label=_("Kies een wijkteam"),
        error_messages={"required": _("Kies een wijkteam. Zonder team ziet geen consulent de melding.")},
    )
    consulent = ShortListField(label=_("Consulent"), queryset=None, required=False, empty_label=_("Niemand"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(groups__name=CONSULENT, is_active=True).order_by("username")
        consulent = self.fields["consulent"]
        consulent.queryset = users.prefetch_related("wijkteams")
        consulent.choices = [("", consulent.empty_label), *_by_team(consulent.queryset)]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _("Kies een waarde uit de lijst.")

    def clean(self):
        data = super().clean()
        team, consulent = data.get("team"), data.get("consulent")
        if team and consulent and team not in consulent.wijkteams.all():
            self.add_error("consulent", _other_team_message(consulent, team))
        return data


def _other_team_message(consulent, team) -> str:
    words = {"name": display_name(consulent), "team": team.name}
    teams = [other.name for other in consulent.wijkteams.all()]
    if not teams:
        return _("%(name)s hoort bij geen wijkteam. Kies iemand uit %(team)s.") % words
    words["teams"] = " of ".join(teams)
    return (
        _("%(name)s hoort bij %(teams)s, niet bij %(team)s. Kies dan dat wijkteam, of iemand uit %(team)s.")
        % words
    )


def _by_team(consulenten) -> list:
    """The consulenten grouped by wijkteam (one in two teams stands in both): a walk's teamleider picked a
    name from a list of all seven, and was told it was not of the team."""
    groups = {}
    for user in consulenten:
        for team in user.wijkteams.all() or [None]:
            name = team.name if team else str(_("Zonder wijkteam"))
            groups.setdefault(name, []).append((user.pk, display_name(user)))
    return [(name, sorted(members, key=lambda member: member[1])) for name, members in sorted(groups.items())]


class ExtensionForm(forms.Form):
    """A longer term for the onderzoek, with the resident's consent: a new last day, why, and that the
    resident agrees (Behandeling.extend_onderzoek)."""

    tot = _date_field(_("Nieuwe datum: onderzoek af uiterlijk"))
    reden = LimitedCharField(
        label=_("Waarom duurt het langer?"),
        validators=[refuse_bsn],
        max_length=200,
        help_text=_("Bijvoorbeeld: de inwoner wil het gesprek pas na de vakantie."),
        error_messages={"required": _("Schrijf waarom het onderzoek langer duurt.")},
    )
    instemming = forms.BooleanField(
        label=_("De inwoner stemt in met de nieuwe datum"),
        error_messages={"required": _("Verleng alleen als de inwoner ermee instemt. Zet dan een vinkje.")},
    )

    def __init__(self, *args, behandeling, **kwargs):
        super().__init__(*args, **kwargs)
        self.behandeling = behandeling
        tot = self.fields["tot"]
        tot.required = True
        # A day the term may move to: two weeks on, or the last day it may.
        tot.show_example(
            _("Bijvoorbeeld %(datum)s."),
            min(behandeling.onderzoek_deadline + timedelta(weeks=2), behandeling.latest_extension),
        )
        tot.error_messages["required"] = _("Vul de nieuwe datum in, zo: %(voorbeeld)s.") % {
            "voorbeeld": tot.example
        }

    def clean_tot(self):
        tot, behandeling = self.cleaned_data["tot"], self.behandeling
        if tot == behandeling.onderzoek_deadline and behandeling.onderzoek_deadline_eerst:
            raise ValidationError(
                _("De termijn is al verlengd tot deze datum."), code="already"
            )  # a 2nd click
        if tot <= behandeling.onderzoek_deadline:
            raise ValidationError(
                _("Kies een datum na %(term)s. Dat is nu de termijn.")
                % {"term": datum(behandeling.onderzoek_deadline)}
            )
        if tot > behandeling.latest_extension:
            raise ValidationError(
                _(
                    "Verleng tot hoogstens %(last)s: 6 weken na de wettelijke termijn. Overleg anders met uw "
                    "teamleider."
                )
                % {"last": datum(behandeling.latest_extension)}
            )
        return tot


class NoteForm(forms.Form):
    text = LimitedCharField(
        label=_("Notitie"),
        validators=[refuse_bsn],
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": _("Schrijf eerst een notitie.")},
        help_text=_("Alleen medewerkers zien deze notitie."),
    )


class VerslagForm(forms.Form):
    # Not "text", as the note's: both forms stand on one page, and their boxes need ids of their own.
    verslag = LimitedCharField(
        label=_("Verslag voor de inwoner"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        error_messages={"required": _("Schrijf eerst het verslag.")},
        help_text=_(
            "De inwoner krijgt dit verslag. Schrijf wat u samen hebt besproken en afgesproken, en welke hulp "
            "past. Gebruik gewone woorden."
        ),
        validators=[refuse_bsn],
    )


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code uit uw app"),
        max_length=8,
        min_length=6,
        help_text=_("Zes cijfers. De code verandert elke 30 seconden."),
        error_messages={
            "required": _("Vul de code uit uw app in."),
            "min_length": _("De code heeft 6 cijfers."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class VerwijzingForm(forms.Form):
    """One click on a suggested voorziening: discussed or referred to."""

    voorziening = forms.UUIDField(widget=forms.HiddenInput)
    soort = forms.ChoiceField(choices=Verwijzing.Soort.choices)


NIET_BEREIKT = "niet_bereikt"


class NazorgForm(forms.Form):
    """The outcome of the nazorg call in one click: the button says tevreden, niet tevreden or niet bereikt
    (no outcome: the call stays to make)."""

    uitkomst = forms.ChoiceField(
        choices=[*Nazorg.Uitkomst.choices, (NIET_BEREIKT, _("Niet bereikt"))],
        error_messages={"required": _("Kies tevreden of niet tevreden.")},
    )
    notitie = LimitedCharField(
        label=_("Wat zei de inwoner? (niet verplicht)"),
        validators=[refuse_bsn],
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


NIET_GEBELD = "niet_gebeld"


class NazorgCorrectionForm(forms.Form):
    """A nazorg call recorded with the wrong button: the right uitkomst, and why (Nazorg.correct)."""

    uitkomst = forms.ChoiceField(
        label=_("Wat is de goede uitkomst?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies de goede uitkomst.")},
    )
    reden = LimitedCharField(
        label=_("Waarom verbetert u de uitkomst?"),
        validators=[refuse_bsn],
        help_text=_("Dit komt als notitie bij de melding."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Schrijf kort op waarom u de uitkomst verbetert.")},
    )

    def __init__(self, *args, current: str, **kwargs):
        super().__init__(*args, **kwargs)
        not_made = (NIET_GEBELD, _("Niet gebeld of niet bereikt: het gesprek staat weer open"))
        choices = [choice for choice in Nazorg.Uitkomst.choices if choice[0] != current]
        self.fields["uitkomst"].choices = [*choices, not_made]

    def new_uitkomst(self) -> str:
        """The uitkomst to record: "" for a call to make again."""
        uitkomst = self.cleaned_data["uitkomst"]
        return "" if uitkomst == NIET_GEBELD else uitkomst


VEILIG_THUIS_PHONE = "0800 2000"  # the national number for domestic violence and child abuse, day and night


class SignaalForm(forms.Form):
    """What a provider or professional tells the wijkteam about a client."""

    field_order = ["organisatie", "afzender_telefoon"]  # first on the page, so first in the error summary too

    # The wijkteam calls back about the signal: a walk's only number was in the free text, the page said
    # "Vraag het nummer aan wie het signaal stuurde" and showed the login's e-mail address.
    afzender_telefoon = phone_field(
        _("Uw telefoonnummer"),
        help_text=_("Zo kan het wijkteam u bellen over dit signaal."),
        error_messages={"required": _("Vul uw telefoonnummer in. Dan kan het wijkteam u bellen.")},
    )
    naam = forms.CharField(
        label=_("Naam van de cliënt"),
        max_length=200,
        error_messages={"required": _("Vul de naam van de cliënt in.")},
    )
    postcode = forms.CharField(
        label=_("Postcode van de cliënt"),
        max_length=7,
        help_text=_("Bijvoorbeeld 3911 AB. Zo komt het signaal bij het goede wijkteam."),
        error_messages={"required": _("Vul de postcode van de cliënt in.")},
    )
    telefoon = phone_field(  # the wijkteam calls the client on it
        _("Telefoonnummer van de cliënt"),
        autocomplete="off",
        required=False,
        help_text=_("Weet u het niet? Dan vraagt het wijkteam u hoe het de cliënt kan bereiken."),
    )
    onderwerpen = forms.MultipleChoiceField(
        label=_("Wat speelt er?"),
        choices=SIGNAAL_ONDERWERPEN,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Kies wat er speelt. U mag meer dan één ding kiezen."),
            "invalid_choice": _("Kies uit de lijst."),
        },
    )
    toelichting = LimitedCharField(
        label=_("Vertel kort wat u ziet"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Schrijf alleen wat het wijkteam nodig heeft. Hooguit 1000 tekens."),
        error_messages={"required": _("Vertel kort wat u ziet.")},
        validators=[refuse_bsn],
    )
    toestemming = forms.BooleanField(
        label=_("De cliënt weet van dit signaal en is het ermee eens."),
        error_messages={"required": _("Stuur een signaal alleen als de cliënt het goed vindt.")},
    )
    toestemming_door = forms.ChoiceField(
        label=_("Wie gaf de toestemming?"),
        choices=[("", _("Kies wie")), *Signaal.Toestemming.choices],
        error_messages={
            "required": _("Kies wie de toestemming gaf."),
            "invalid_choice": _("Kies uit de lijst."),
        },
    )

    organisatie = forms.CharField(
        label=_("Uw organisatie of praktijk"),
        max_length=200,
        help_text=_("Zo weet het wijkteam waar u werkt."),
        error_messages={"required": _("Vul de naam van uw organisatie of praktijk in.")},
    )

    def error_lines(self) -> list[tuple[str, str]]:
        # Each line names its field: "Vul een telefoonnummer in ..." stood twice, for the sender's number and
        # the client's, and "Dit is 200 tekens te lang." named no field. The consent's label is a sentence.
        return named_error_lines(self, {"toestemming": _("Toestemming van de cliënt")})

    def __init__(self, *args, ask_organisation=True, **kwargs):
        super().__init__(*args, **kwargs)
        # Without consent no signal: the form says where a worry goes then (a walk found only "Stuur een
        # signaal alleen als de cliënt het goed vindt.").
        self.fields["toestemming"].help_text = _(
            "Vindt de cliënt het niet goed? Stuur dan geen signaal. Maakt u zich zorgen? "
            "Bel het Wmo-loket: %(loket)s. Daar kunt u overleggen zonder de naam van de cliënt te noemen. "
            "Is iemand niet veilig? Bel Veilig Thuis: %(veilig_thuis)s."
        ) % {"loket": settings.MUNICIPALITY_PHONE, "veilig_thuis": VEILIG_THUIS_PHONE}
        if not ask_organisation:  # a provider's login: the kaart knows its organisation
            del self.fields["organisatie"]

    def clean_postcode(self):
        postcode = normalise_postcode(self.cleaned_data["postcode"])
        if not postcode:
            raise forms.ValidationError(_("Dit is geen postcode. Schrijf het zo: 3911 AB."))
        if kaart.wijk_for_postcode(postcode) is None:  # no wijkteam of ours would get it
            raise forms.ValidationError(
                _(
                    "Deze postcode ligt niet in onze gemeente. "
                    "Stuur het signaal naar de gemeente waar de cliënt woont."
                )
            )
        return postcode


class SignaalStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=Signaal.Status.choices,
        error_messages={"invalid_choice": _("Kies een status uit de lijst.")},
    )
