"""One form per question page of the melding. Every message is B1 Dutch; nothing typed is ever dropped."""

import dataclasses
import re
from datetime import date

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from . import choices
from .address import OUTSIDE, lookup_address, normalise_postcode
from .answers import Answers
from .form_layout import Group, layout
from .widget_renderer import step_form_renderer

PHONE_RE = re.compile(r"^\+?[0-9 ()\-]{8,20}$")
NAME_MAX, LINE_MAX, TEXT_MAX = 100, 200, 2000


def text(label, required=True, max_length=LINE_MAX, help_text="", textarea=False, autocomplete="", **attrs):
    widget = forms.Textarea(attrs={"rows": 4, **attrs}) if textarea else forms.TextInput(attrs=attrs)
    if autocomplete:
        widget.attrs["autocomplete"] = autocomplete
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=widget,
        error_messages={
            "required": _("Vul dit in."),
            "max_length": _("Dit is te lang. Gebruik hoogstens %(limit_value)d tekens."),
        },
    )


def radio(label, choice_list, help_text="", required=True):
    return forms.ChoiceField(
        label=label,
        choices=choice_list,
        required=required,
        help_text=help_text,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies een antwoord."),
            "invalid_choice": _("Kies een van de antwoorden."),
        },
    )


def checkboxes(label, choice_list, help_text="", required=True):
    return forms.MultipleChoiceField(
        label=label,
        choices=choice_list,
        required=required,
        help_text=help_text,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Kies minstens één antwoord."),
            "invalid_choice": _("Kies uit de antwoorden in de lijst."),
            "invalid_list": _("Kies uit de antwoorden in de lijst."),
        },
    )


def clean_phone(value: str) -> str:
    if value and (not PHONE_RE.match(value) or sum(ch.isdigit() for ch in value) < 10):
        raise forms.ValidationError(_("Vul een telefoonnummer in van 10 cijfers, zoals 06 12345678."))
    return value


@dataclasses.dataclass(frozen=True, eq=False)
class Wording:
    """How a step reads when the melding is for someone else (only what differs from the form's own)."""

    title: str = ""
    labels: dict = dataclasses.field(default_factory=dict)
    help_texts: dict = dataclasses.field(default_factory=dict)
    optional: tuple[str, ...] = ()
    # The maker's browser must not fill in the maker's own details for the other person.
    autocomplete_off: bool = False


class StepForm(forms.Form):
    """Base of every step: no browser validation, B1 messages for bad characters.

    `answers` are the answers so far (typed `Answers`, or the stored dict); `someone_else` holds the
    wording for a melding for someone else; `groups` the fieldsets of the page; `not_stored` the fields
    that are not kept in the melding's answers.
    """

    title = ""
    someone_else: Wording | None = None
    groups: tuple[Group, ...] = ()
    not_stored: tuple[str, ...] = ()
    default_renderer = step_form_renderer

    def __init__(self, *args, answers=None, **kwargs):
        self.answers = Answers.of(answers)
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages.setdefault("null_characters_not_allowed", _("Gebruik alleen gewone tekens."))
            for validator in field.validators:
                if validator.__class__.__name__ == "ProhibitNullCharactersValidator":
                    validator.message = _("Gebruik alleen gewone tekens.")
        if self.someone_else and self.for_someone_else:
            self._use_wording(self.someone_else)

    def _use_wording(self, wording: Wording):
        if wording.title:
            self.title = wording.title
        for name, label in wording.labels.items():
            self.fields[name].label = label
        for name in wording.optional:
            self.fields[name].required = False
        for name, help_text in wording.help_texts.items():
            self.fields[name].help_text = help_text
        if wording.autocomplete_off:
            for field in self.fields.values():
                field.widget.attrs.pop("autocomplete", None)

    @property
    def for_someone_else(self) -> bool:
        return self.answers.for_someone_else

    @property
    def layout(self) -> list:
        """The page's fields and fieldsets in order (see form_layout)."""
        return layout(self)

    def stored_answers(self) -> dict:
        """The cleaned answers as the melding keeps them."""
        return {name: value for name, value in self.cleaned_data.items() if name not in self.not_stored}


class VoorWieForm(StepForm):
    title = _("Voor wie doet u de melding?")
    voor_wie = radio(_("Voor wie is de hulp?"), choices.VOOR_WIE)


class MelderForm(StepForm):
    title = _("Uw gegevens als melder")
    naam = text(_("Uw naam"), max_length=NAME_MAX, autocomplete="name")
    organisatie = text(
        _("Naam van uw organisatie"),
        required=False,
        max_length=LINE_MAX,
        autocomplete="organization",
        help_text=_("Alleen als u de melding doet voor uw werk."),
    )
    telefoon = text(
        _("Uw telefoonnummer"),
        max_length=20,
        autocomplete="tel",
        inputmode="tel",
        help_text=_("Wij bellen u als we vragen hebben."),
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        required=False,
        max_length=LINE_MAX,
        help_text=_("Dan sturen we u een bevestiging van de melding."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl.")},
    )
    bewoner_toestemming = radio(
        _("Weet de persoon van deze melding, en is hij of zij het ermee eens?"), choices.TOESTEMMING
    )

    def clean_telefoon(self):
        return clean_phone(self.cleaned_data["telefoon"])

    def clean(self):
        cleaned = super().clean()
        if (
            self.answers.by_professional
            and not cleaned.get("organisatie")
            and "organisatie" not in self.errors
        ):
            self.add_error("organisatie", _("Vul de naam van uw organisatie in."))
        return cleaned


class KeuzeForm(StepForm):
    title = _("Hoe wilt u de melding doen?")
    soort = radio(
        _("Kies wat u wilt"),
        choices.SOORT,
        help_text=_(
            "Bij allebei maken we een afspraak voor een gesprek. In dat gesprek maken we de melding samen af."
        ),
    )


class GegevensForm(StepForm):
    title = _("Uw gegevens")
    naam = text(_("Naam"), max_length=NAME_MAX, autocomplete="name", help_text=_("Voornaam en achternaam."))
    postcode = text(
        _("Postcode"),
        max_length=10,
        autocomplete="postal-code",
        help_text=_("Bijvoorbeeld 3911 AB."),
        **{"class": "input--short"},
    )
    huisnummer = text(_("Huisnummer"), max_length=10, inputmode="numeric", **{"class": "input--short"})
    toevoeging = text(
        _("Toevoeging"),
        required=False,
        max_length=6,
        help_text=_("Bijvoorbeeld A of 2 hoog."),
        **{"class": "input--short"},
    )
    straat = text(_("Straat"), max_length=LINE_MAX, autocomplete="address-line1")
    woonplaats = text(_("Woonplaats"), max_length=LINE_MAX, autocomplete="address-level2")
    telefoon = text(
        _("Telefoonnummer"),
        max_length=20,
        autocomplete="tel",
        inputmode="tel",
        help_text=_("Wij bellen u om een afspraak te maken."),
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        max_length=LINE_MAX,
        help_text=_("Dan sturen we u een bevestiging. U kunt dit ook leeg laten."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl.")},
    )
    geboortedag = text(
        _("Dag"),
        required=False,
        max_length=2,
        inputmode="numeric",
        autocomplete="bday-day",
        **{"class": "input--date"},
    )
    geboortemaand = text(
        _("Maand"),
        required=False,
        max_length=2,
        inputmode="numeric",
        autocomplete="bday-month",
        **{"class": "input--date"},
    )
    geboortejaar = text(
        _("Jaar"),
        required=False,
        max_length=4,
        inputmode="numeric",
        autocomplete="bday-year",
        **{"class": "input--year"},
    )

    DATE_FIELDS = ("geboortedag", "geboortemaand", "geboortejaar")
    not_stored = DATE_FIELDS  # kept as one answer, geboortedatum
    groups = (
        Group(
            "meldingen/fieldsets/adres.html",
            parts={"lookup": ("postcode", "huisnummer", "toevoeging"), "filled": ("straat", "woonplaats")},
        ),
        Group(
            "components/date_fieldset.html",
            fields=DATE_FIELDS,
            legend=_("Geboortedatum"),
            hint=_("Bijvoorbeeld 7 3 1950."),
            id="birth",
        ),
    )
    someone_else = Wording(
        title=_("Gegevens van de persoon die hulp nodig heeft"),
        labels={"naam": _("Naam van de persoon")},
        optional=("telefoon",),
        help_texts={
            "telefoon": _("Als de persoon zelf gebeld kan worden."),
            "email": _("U kunt dit leeg laten."),
        },
        autocomplete_off=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.address_status = None

    def clean_postcode(self):
        normal = normalise_postcode(self.cleaned_data["postcode"])
        if normal is None:
            raise forms.ValidationError(_("Vul een postcode in met 4 cijfers en 2 letters, zoals 3911 AB."))
        return normal

    def clean_huisnummer(self):
        value = self.cleaned_data["huisnummer"].strip()
        if not value.isdecimal() or len(value) > 5 or int(value) == 0:
            raise forms.ValidationError(
                _("Vul alleen het nummer in, zoals 12. Een letter kan bij Toevoeging.")
            )
        return value

    def clean_telefoon(self):
        return clean_phone(self.cleaned_data["telefoon"])

    def clean(self):
        cleaned = super().clean()
        self._clean_birth_date(cleaned)
        if cleaned.get("postcode") and cleaned.get("huisnummer"):
            result = lookup_address(cleaned["postcode"], cleaned["huisnummer"], cleaned.get("toevoeging", ""))
            self.address_status = result.status
            if result.status == OUTSIDE:
                self.add_error("postcode", outside_message())
        return cleaned

    def _clean_birth_date(self, cleaned):
        parts = [cleaned.get(name, "") for name in self.DATE_FIELDS]
        if any(name in self.errors for name in self.DATE_FIELDS):
            return
        if not any(parts):
            cleaned["geboortedatum"] = None
            return
        try:
            day, month, year = (int(part) for part in parts)
            born = date(year, month, day)
        except ValueError:
            self.add_error("geboortedag", _("Vul een bestaande datum in, zoals 7 3 1950."))
            return
        if born > date.today() or born.year < 1900:
            self.add_error("geboortedag", _("Vul een geboortedatum in het verleden in, na 1900."))
            return
        cleaned["geboortedatum"] = born.isoformat()


def outside_message():
    return _(
        "Dit adres ligt niet in %(gemeente)s. Woont de persoon ergens anders? Doe de melding dan bij het "
        "Wmo-loket van die gemeente."
    ) % {"gemeente": settings.MUNICIPALITY_NAME}


class HulpForm(StepForm):
    title = _("Waar wilt u hulp bij?")
    onderwerpen = checkboxes(_("Kies alles wat past"), choices.ONDERWERPEN)
    toelichting = text(
        _("Vertel in een paar woorden wat u nodig hebt"),
        required=False,
        textarea=True,
        max_length=TEXT_MAX,
        help_text=_("Dit hoeft niet. Bij Iets anders wel."),
    )

    def clean(self):
        cleaned = super().clean()
        if "anders" in cleaned.get("onderwerpen", []) and not cleaned.get("toelichting"):
            self.add_error("toelichting", _("U koos Iets anders. Vertel kort waar u hulp bij wilt."))
        return cleaned


class SituatieForm(StepForm):
    title = _("Uw situatie")
    wat_lukt_niet = text(
        _("Wat lukt niet meer?"),
        textarea=True,
        max_length=TEXT_MAX,
        help_text=_("Bijvoorbeeld: ik kan niet meer zelf boodschappen doen."),
    )
    sinds_wanneer = text(
        _("Sinds wanneer?"),
        required=False,
        max_length=LINE_MAX,
        help_text=_("Bijvoorbeeld: sinds mijn val in maart."),
    )
    wat_zelf = text(_("Wat doet u nu zelf?"), required=False, textarea=True, max_length=TEXT_MAX)
    wie_helpt = text(
        _("Wie helpt u al?"),
        required=False,
        textarea=True,
        max_length=TEXT_MAX,
        help_text=_("Bijvoorbeeld familie, buren of vrienden."),
    )
    huidige_hulp = text(
        _("Welke hulp krijgt u nu al?"),
        required=False,
        textarea=True,
        max_length=TEXT_MAX,
        help_text=_("Bijvoorbeeld thuiszorg of een hulpmiddel."),
    )


class GesprekForm(StepForm):
    title = _("Het gesprek")
    bereikbaar = text(
        _("Wanneer bent u goed te bereiken?"),
        required=False,
        max_length=LINE_MAX,
        help_text=_("Bijvoorbeeld: op dinsdag en donderdag in de ochtend."),
    )
    plek = radio(_("Waar wilt u het gesprek?"), choices.PLEK)
    plek_anders = text(
        _("Waar dan?"), required=False, max_length=LINE_MAX, help_text=_("Alleen als u Ergens anders koos.")
    )
    wie_erbij = checkboxes(
        _("Wie wilt u bij het gesprek?"),
        choices.WIE_ERBIJ,
        required=False,
        help_text=_(
            "Een onafhankelijke cliëntondersteuner helpt u gratis. Hij of zij hoort niet bij de gemeente."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("plek") == "elders" and not cleaned.get("plek_anders"):
            self.add_error("plek_anders", _("U koos Ergens anders. Vul in waar u het gesprek wilt."))
        return cleaned


class SpoedForm(StepForm):
    title = _("Is het dringend?")
    spoed = radio(
        _("Hebt u de hulp heel snel nodig?"),
        choices.JA_NEE,
        help_text=_(
            "Bijvoorbeeld: uw mantelzorger valt plotseling weg. U komt uit het ziekenhuis. Iemand "
            "krijgt zorg in de laatste levensfase. Een ouder die alleen voor de kinderen zorgt, moet "
            "plotseling naar het ziekenhuis."
        ),
    )
    toelichting = text(
        _("Waarom is het dringend?"),
        required=False,
        textarea=True,
        max_length=TEXT_MAX,
        help_text=_("Alleen als u Ja koos."),
    )


class ControlerenForm(StepForm):
    title = _("Controleer uw melding")
    not_stored = ("website",)
    groups = (Group("components/honeypot.html", fields=("website",)),)
    toestemming = forms.BooleanField(
        label=_(
            "Ik geef toestemming. De gemeente mag de gegevens over gezondheid in deze melding gebruiken "
            "om te kijken welke hulp nodig is."
        ),
        error_messages={"required": _("Geef toestemming om de melding te versturen.")},
    )
    # Honeypot: hidden from people and screen readers; software that fills every field fills this one.
    website = forms.CharField(
        required=False,
        max_length=LINE_MAX,
        label=_("Laat dit veld leeg"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


class SaveForm(forms.Form):
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=LINE_MAX,
        help_text=_("We sturen u een link. Met die link gaat u verder waar u was. De link werkt 7 dagen."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl."),
        },
    )
