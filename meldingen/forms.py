"""One form per question page of the melding. Every message is B1 Dutch; nothing typed is ever dropped."""

import dataclasses
import difflib
import re
from datetime import date

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.bsn import refuse_bsn
from core.call_time import AsksOnceAboutTheCallTime
from core.components import QUESTION, ChoiceButtons, error_anchor, named_error, question_seen
from core.limited_text import LimitedCharField
from core.phone import CALL_HOURS, PHONE_HOURS, phone_field
from core.postcode import normalise_postcode
from core.search_text import edit_distance
from core.widget_renderer import widget_renderer

from . import choices
from .address import (
    FOUND,
    INVALID,
    NOT_FOUND,
    OUTSIDE,
    UNAVAILABLE,
    lookup_address,
    split_house_number,
)
from .answers import Answers
from .form_layout import Group, layout

NAME_MAX, LINE_MAX, TEXT_MAX = 100, 200, 2000
# A wrong address in a box one may leave empty: a walk's resident, who reads with difficulty, thought she had
# to give one.
OPTIONAL_EMAIL_MESSAGE = _("Vul een e-mailadres in zoals naam@voorbeeld.nl. Of laat dit vak leeg.")


def text(
    label,
    required=True,
    max_length=LINE_MAX,
    help_text="",
    textarea=False,
    autocomplete="",
    required_message=None,
    field_class=LimitedCharField,
    **attrs,
):
    widget = forms.Textarea(attrs={"rows": 4, **attrs}) if textarea else forms.TextInput(attrs=attrs)
    if autocomplete:
        widget.attrs["autocomplete"] = autocomplete
    field = field_class(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=widget,
        error_messages={"required": required_message or _("Vul dit in.")},
    )
    field.validators = [v for v in field.validators if v.__class__.__name__ != "MaxLengthValidator"]
    if textarea:  # a walk typed "Haar BSN is 123456782" in the free text, and it went on to the backoffice
        field.validators.append(refuse_bsn)
    return field


DAG_MET_CIJFERS = _("Vul de dag in met cijfers, zoals 7.")
JAAR_MET_CIJFERS = _("Vul het jaar met 4 cijfers in, zoals 1950.")


def radio(label, choice_list, help_text="", required=True):
    return forms.ChoiceField(
        label=label,
        choices=choice_list,
        required=required,
        help_text=help_text,
        widget=ChoiceButtons,
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


# Who the melding is about, per "voor wie": a text of a step may say {persoon} or {Persoon}.
PERSON_WORDS = {
    "zelf": (_("u"), _("U")),
    "mantelzorger": (_("de persoon"), _("De persoon")),
    "familie": (_("de persoon"), _("De persoon")),
    "professional": (_("uw cliënt"), _("Uw cliënt")),
}


def person_words(voor_wie: str) -> dict[str, str]:
    lower, upper = PERSON_WORDS.get(voor_wie, PERSON_WORDS["zelf"])
    return {"persoon": str(lower), "Persoon": str(upper)}


def speak(text, voor_wie: str) -> str:
    """A declared text as this person reads it: {persoon} becomes "de persoon", "uw cliënt", ..."""
    text = str(text)
    return text.format(**person_words(voor_wie)) if "{" in text else text


@dataclasses.dataclass(frozen=True, eq=False)
class Wording:
    """How a step reads for someone else (only what differs from the form's own wording).

    A form declares `someone_else` (for a mantelzorger, a family member and a professional alike) and, where
    one of them reads differently, `per_voor_wie` ({"professional": Wording(...)}), merged over it. Texts may
    say {persoon}. `choices` replaces a field's answer options, `messages` the form's own error texts
    (see `StepForm.message`), `required` makes an optional field required for this person.
    """

    title: str = ""
    labels: dict = dataclasses.field(default_factory=dict)
    help_texts: dict = dataclasses.field(default_factory=dict)
    choices: dict = dataclasses.field(default_factory=dict)
    messages: dict = dataclasses.field(default_factory=dict)
    optional: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    # The maker's browser must not fill in the maker's own details for the other person.
    autocomplete_off: bool = False

    def merged(self, other: "Wording | None") -> "Wording":
        if other is None:
            return self
        return Wording(
            title=other.title or self.title,
            labels={**self.labels, **other.labels},
            help_texts={**self.help_texts, **other.help_texts},
            choices={**self.choices, **other.choices},
            messages={**self.messages, **other.messages},
            optional=self.optional + other.optional,
            required=self.required + other.required,
            autocomplete_off=self.autocomplete_off or other.autocomplete_off,
        )


class StepForm(forms.Form):
    """Base of every step: no browser validation, B1 messages for bad characters.

    `answers` are the answers so far (typed `Answers`, or the stored dict); `someone_else` and `per_voor_wie`
    hold the wording for a melding for someone else (see `Wording`); `messages` the form's own error texts;
    `groups` the fieldsets of the page; `not_stored` the fields that are not kept in the melding's answers.

    For someone else, a page speaks about the person who needs help. What speaks to the writer on purpose
    (an instruction, the writer's own details) is declared: `writer_page` for a whole page, `writer_fields`
    for single fields. The page marks those texts (data-to-writer), so a test can check all the rest.
    `conditional` fields are required only after a certain answer: they are not marked "niet verplicht".
    `shown_when` names the answer after which a field counts ({"plek_anders": ("plek", "elders")}): with
    JavaScript the page shows it once that answer is chosen (or while it holds text or an error). A
    conditional field left empty after its answer gets the form's own message under its name.
    """

    title = ""
    someone_else: Wording | None = None
    per_voor_wie: dict = {}
    messages: dict = {}
    writer_page = False
    writer_fields: tuple[str, ...] = ()
    conditional: tuple[str, ...] = ()
    shown_when: dict[str, tuple[str, str]] = {}
    short_labels: dict = {}  # the field's name in the error summary, where its label is too long
    groups: tuple[Group, ...] = ()
    not_stored: tuple[str, ...] = ()
    default_renderer = widget_renderer

    def __init__(self, *args, answers=None, **kwargs):
        self.answers = Answers.of(answers)
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.error_messages.setdefault("null_characters_not_allowed", _("Gebruik alleen gewone tekens."))
            for validator in field.validators:
                if validator.__class__.__name__ == "ProhibitNullCharactersValidator":
                    validator.message = _("Gebruik alleen gewone tekens.")
            # Every field says both, so the form-field component finds them without a failed look-up each.
            field.conditional = name in self.conditional
            question, answer = self.shown_when.get(name, ("", ""))
            field.shown_when = f"{self.add_prefix(question)}={answer}" if question else ""
            field.to_writer = self.for_someone_else and name in self.writer_fields
        self.wording = self.wording_for(self.answers.voor_wie)
        if self.wording:
            self._use_wording(self.wording)

    @classmethod
    def wording_for(cls, voor_wie: str) -> Wording | None:
        """The wording for this "voor wie" (None: the form's own, for oneself)."""
        if voor_wie == "zelf" or cls.someone_else is None:
            return cls.per_voor_wie.get(voor_wie)
        return cls.someone_else.merged(cls.per_voor_wie.get(voor_wie))

    def speak(self, text) -> str:
        return speak(text, self.answers.voor_wie)

    def message(self, key: str) -> str:
        """One of the form's own error texts, as this person reads it."""
        own = self.wording.messages if self.wording else {}
        return self.speak(own.get(key) or self.messages[key])

    def _use_wording(self, wording: Wording):
        if wording.title:
            self.title = self.speak(wording.title)
        for name, label in wording.labels.items():
            self.fields[name].label = self.speak(label)
        for name in wording.optional:
            self.fields[name].required = False
        for name in wording.required:
            self.fields[name].required = True
        for name, help_text in wording.help_texts.items():
            self.fields[name].help_text = self.speak(help_text)
        for name, choice_list in wording.choices.items():
            self.fields[name].choices = [(code, self.speak(label)) for code, label in choice_list]
        if wording.autocomplete_off:
            for field in self.fields.values():
                field.widget.attrs.pop("autocomplete", None)

    def clean(self):
        cleaned = super().clean()
        for name in self.conditional:
            question, answer = self.shown_when[name]
            given = cleaned.get(question)
            chosen = answer in given if isinstance(given, list) else given == answer
            if chosen and not cleaned.get(name):
                self.add_error(name, self.message(name))
        return cleaned

    @property
    def to_writer(self) -> bool:
        """The page's title and intro speak to the writer on purpose (or the melding is for oneself)."""
        return self.writer_page or not self.for_someone_else

    def error_lines(self) -> list[tuple[str, str]]:
        """(field id, text) per error for the error summary: each line names its field."""
        legends = {n: group.legend for group in self.groups for n in group.field_names() if group.legend}
        lines = []
        for bound in self:
            for error in bound.errors:
                short = self.short_labels.get(bound.name)
                name = self.speak(short) if short else legends.get(bound.name) or bound.label
                lines.append((error_anchor(bound), named_error(name, error)))
        return lines

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
    writer_page = True
    # A son who looks after his mother is both family and mantelzorger: the hint says which to choose.
    voor_wie = radio(
        _("Voor wie is de hulp?"),
        choices.VOOR_WIE,
        help_text=_("Zorgt u vaak voor een familielid? Kies dan: ik ben mantelzorger."),
    )


SELF = "ik"
# Not "zelf" alone: it may mean the person herself.
SELF_WORDS = {"ik", "ik zelf", "ikzelf", "mij", "mijzelf", "mij zelf", "ik dus", "dat ben ik"}


class MelderForm(StepForm):
    """Only asked for someone else: the writer's own details (an organisation only for a professional)."""

    title = _("Uw gegevens als melder")
    writer_page = True
    naam = text(_("Uw naam"), max_length=NAME_MAX, autocomplete="name", required_message=_("Vul uw naam in."))
    # A walk: a husband who cares for his wife alone could say neither that he is her husband nor how he
    # is doing, but in "Wie helpt de persoon al?"; the mantelzorg page asks to tell how the carer is doing.
    relatie = text(
        _("Wat bent u van de persoon?"),
        required=False,
        max_length=LINE_MAX,
        help_text=_("Bijvoorbeeld: partner, dochter of buurman."),
    )
    organisatie = text(
        _("Naam van uw organisatie"),
        max_length=LINE_MAX,
        autocomplete="organization",
        required_message=_("Vul de naam van uw organisatie in."),
    )
    telefoon = phone_field(
        _("Uw telefoonnummer"),
        # A walk: a son read "als we vragen hebben", and did not know whether his mother would be called.
        help_text=_("Wij bellen u om het gesprek te plannen."),
        error_messages={"required": _("Vul uw telefoonnummer in.")},
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        required=False,
        max_length=LINE_MAX,
        help_text=_("Dan sturen we u een bevestiging van de melding."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": OPTIONAL_EMAIL_MESSAGE},
    )
    bewoner_toestemming = radio(
        _("Weet de persoon van deze melding, en is hij of zij het ermee eens?"), choices.TOESTEMMING
    )
    # Someone who cannot decide (dementia): the check page and the consulent's page said to ask who may
    # decide for the person, and the melding did not say who that is.
    wie_beslist = text(
        _("Wie mag voor de persoon beslissen?"),
        required=False,
        max_length=LINE_MAX,
        help_text=_(
            "Naam en telefoonnummer. Bijvoorbeeld: haar zoon, of een mentor. Bent u het zelf? Schrijf: ik."
        ),
    )
    hoe_gaat_het = text(
        _("Hoe gaat het met u als mantelzorger?"),
        required=False,
        textarea=True,
        max_length=TEXT_MAX,
        help_text=_("Bijvoorbeeld: ik zorg alleen en ben erg moe. Dan kijken wij ook naar steun voor u."),
    )
    conditional = ("wie_beslist",)
    shown_when = {"wie_beslist": ("bewoner_toestemming", "kan_niet_beslissen")}
    someone_else = Wording(
        labels={
            "relatie": _("Wat bent u van {persoon}?"),
            "bewoner_toestemming": _("Weet {persoon} van deze melding? En is {persoon} het ermee eens?"),
            "wie_beslist": _("Wie mag voor {persoon} beslissen?"),
        },
        # Said before the answer is chosen: an answer offered and then refused in red read as blame.
        help_texts={
            "bewoner_toestemming": _(
                "Is {persoon} het er niet mee eens? Dan kunt u deze melding niet doen. "
                "Wij helpen u dan op een andere manier."
            )
        },
        choices={"bewoner_toestemming": choices.TOESTEMMING_ANDER},
    )
    per_voor_wie = {
        "professional": Wording(
            help_texts={
                "bewoner_toestemming": _(
                    "Vraag het eerst aan {persoon}. Zonder toestemming mag u deze melding niet doen. Is "
                    "{persoon} het er niet mee eens? Dan helpen wij u op een andere manier."
                ),
                # Not "Bent u het zelf? Schrijf: ik.": a walk's nurse named herself.
                "wie_beslist": _("Naam en telefoonnummer. Bijvoorbeeld: een mentor, curator of familielid."),
            },
            choices={"bewoner_toestemming": choices.TOESTEMMING_PROFESSIONAL},
            messages={"wie_beslist": _("Schrijf wie voor {persoon} mag beslissen.")},
        )
    }
    # The start of its question, which the writer finds on the page (not a word the page does not use).
    short_labels = {"bewoner_toestemming": _("Weet {persoon} van deze melding")}
    # A melding for someone who does not want it may not be made (the information pages say so too); the
    # writer is told what can be done instead.
    messages = {
        # A statement, not the question again: after "Weet de persoon van deze melding:" in the error summary
        # "is de persoon het er niet mee eens?" read as a question back.
        "niet_akkoord": _(
            "{Persoon} is het er niet mee eens. Dan kunt u deze melding niet doen. "
            "Maakt u zich zorgen? Bel ons op %(telefoon)s. Dan kijken we samen wat wel kan."
        ),
        "wie_beslist": _("Schrijf wie voor {persoon} mag beslissen. Bent u het zelf? Schrijf dan: ik."),
        # Chosen again after it was typed: the consulent read "ja, en eens" and who decides, both.
        "beslist_zonder_reden": _(
            "U schreef wie voor {persoon} mag beslissen. Kan {persoon} dit zelf niet goed beslissen? "
            "Kies dat dan bij de vraag of {persoon} van deze melding weet. Kan {persoon} het wel zelf? "
            "Maak dit vak dan leeg."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.answers.by_professional:
            del self.fields["relatie"]  # a client's: said by the organisation
        else:
            del self.fields["organisatie"]  # only a professional makes a melding for an organisation
        if self.answers.voor_wie != "mantelzorger":
            del self.fields["hoe_gaat_het"]

    def clean(self):
        cleaned = super().clean()
        answer = cleaned.get("bewoner_toestemming")
        if answer and answer != "kan_niet_beslissen" and cleaned.get("wie_beslist"):
            self.add_error("wie_beslist", self.message("beslist_zonder_reden"))
        return cleaned

    def clean_wie_beslist(self):
        """ "ik", as the hint says to write, and its other forms ("Ik zelf", "mijzelf.") are one answer, which
        the summary shows as the writer (steps.py): a consulent read "Beslist voor de inwoner: ik"."""
        typed = self.cleaned_data["wie_beslist"]
        return SELF if " ".join(re.findall(r"\w+", typed.casefold())) in SELF_WORDS else typed

    def clean_bewoner_toestemming(self):
        answer = self.cleaned_data["bewoner_toestemming"]
        if answer == "niet_akkoord":
            raise forms.ValidationError(
                self.message("niet_akkoord") % {"telefoon": settings.MUNICIPALITY_PHONE}
            )
        return answer


class KeuzeForm(StepForm):
    title = _("Hoe wilt u de melding doen?")
    soort = radio(
        _("Kies wat u wilt"),
        choices.SOORT,
        help_text=_(
            "Bij allebei is de melding klaar na het versturen. Daarna maken we een afspraak voor een gesprek."
        ),
    )
    someone_else = Wording(
        title=_("Een korte of een uitgebreide melding?"),
        labels={"soort": _("Kies een manier")},
        choices={"soort": choices.SOORT_ANDER},
    )


class GegevensForm(StepForm):
    title = _("Uw gegevens")
    naam = text(
        _("Naam"),
        max_length=NAME_MAX,
        autocomplete="name",
        help_text=_("Voornaam en achternaam."),
        required_message=_("Vul de naam in."),
    )
    postcode = text(
        _("Postcode"),
        max_length=10,
        required_message=_("Vul de postcode in."),
        autocomplete="postal-code",
        help_text=_("Bijvoorbeeld 3911 AB."),
        **{"class": "input--short"},
    )
    huisnummer = text(
        _("Huisnummer"),
        max_length=10,
        required_message=_("Vul het huisnummer in."),
        **{"class": "input--short"},
    )
    toevoeging = text(
        _("Toevoeging"),
        required=False,
        max_length=6,
        help_text=_("Bijvoorbeeld A of 2 hoog."),
        **{"class": "input--short"},
    )
    straat = text(
        _("Straat"),
        max_length=LINE_MAX,
        autocomplete="address-line1",
        required_message=_("Vul de straat in."),
    )
    woonplaats = text(
        _("Woonplaats"),
        max_length=LINE_MAX,
        autocomplete="address-level2",
        required_message=_("Vul de woonplaats in."),
    )
    # The street of the postcode and house number that the writer was told of, beside another she typed
    # (_ask_once_about_another_street): sent with it again, her street is hers.
    straat_gezien = question_seen()
    telefoon = phone_field(
        _("Telefoonnummer"),
        help_text=_("Wij bellen u om een afspraak te maken."),
        error_messages={"required": _("Vul een telefoonnummer in.")},
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        max_length=LINE_MAX,
        help_text=_("Dan sturen we u een bevestiging."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": OPTIONAL_EMAIL_MESSAGE},
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
        max_length=len("september"),  # a number, or the month's name as many people write it
        inputmode="numeric",
        autocomplete="bday-month",
        **{"class": "input--month"},  # room for "maart", not only for "3"
    )
    geboortejaar = text(
        _("Jaar"),
        required=False,
        max_length=4,
        inputmode="numeric",
        autocomplete="bday-year",
        **{"class": "input--year"},
    )
    # A date's part is no text to shorten: "zeven" as the day was "3 tekens te lang" (a walk).
    geboortedag.too_long = lambda value: DAG_MET_CIJFERS
    geboortemaand.too_long = lambda value: _("Vul de maand in als getal of als woord, zoals 3 of maart.")
    geboortejaar.too_long = lambda value: JAAR_MET_CIJFERS

    DATE_FIELDS = ("geboortedag", "geboortemaand", "geboortejaar")
    not_stored = (*DATE_FIELDS, "straat_gezien")  # the date kept as one answer, geboortedatum
    groups = (
        Group(
            "meldingen/fieldsets/adres.html",
            parts={
                "lookup": ("postcode", "huisnummer", "toevoeging"),
                "filled": ("straat", "woonplaats"),
                "seen": ("straat_gezien",),
            },
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
        labels={"naam": _("Naam van {persoon}")},
        optional=("telefoon",),
        help_texts={
            "telefoon": _("Als {persoon} zelf gebeld kan worden."),
            "email": _("Als {persoon} zelf e-mail leest."),  # "Dit hoeft niet." said "(niet verplicht)" again
        },
        autocomplete_off=True,
    )
    per_voor_wie = {"professional": Wording(title=_("Gegevens van uw cliënt"))}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.address_status = None

    def clean_postcode(self):
        normal = normalise_postcode(self.cleaned_data["postcode"])
        if normal is None:
            raise forms.ValidationError(_("Vul een postcode in met 4 cijfers en 2 letters, zoals 3911 AB."))
        return normal

    def clean_toevoeging(self):
        # A house letter as "12a" gives it, and as the BAG writes it: "a" typed at Toevoeging read "12 a".
        value = self.cleaned_data["toevoeging"].strip()
        return value.upper() if len(value) == 1 and value.isalpha() else value

    def clean_huisnummer(self):
        number, suffix = split_house_number(self.cleaned_data["huisnummer"])
        if number is None:
            raise forms.ValidationError(
                _("Vul alleen het nummer in, zoals 12. Een letter kan bij Toevoeging.")
            )
        self.house_number_suffix = suffix
        return number

    def clean(self):
        cleaned = super().clean()
        self._clean_birth_date(cleaned)
        suffix = getattr(self, "house_number_suffix", "")
        if suffix and "toevoeging" not in self.errors and not cleaned.get("toevoeging"):
            cleaned["toevoeging"] = suffix  # "12a": the letter goes to Toevoeging
        if cleaned.get("postcode") and cleaned.get("huisnummer"):
            result = lookup_address(cleaned["postcode"], cleaned["huisnummer"], cleaned.get("toevoeging", ""))
            self.address_status = result.status
            if result.status == OUTSIDE:
                self.add_error("postcode", outside_message(self.answers.voor_wie))
                self._fill_in_the_address(cleaned)  # one error for one problem, not three
            elif result.status in (FOUND, NOT_FOUND):
                self._replace_an_earlier_address(cleaned, result)
            if result.status == FOUND:
                self._fill_in_the_address(cleaned, street=result.street, town=result.town)
                self._ask_once_about_another_street(cleaned, result)
            elif result.status in (NOT_FOUND, UNAVAILABLE):
                self._say_why_the_address_is_asked(result)
        elif {"postcode", "huisnummer"} & set(self.errors):
            self._fill_in_the_address(cleaned)  # once the postcode and house number are there
        return cleaned

    def _replace_an_earlier_address(self, cleaned, result) -> None:
        """A street and town kept from an earlier postcode or house number go with it: changed from the check
        page without "Zoek adres", "Kerkplein 5, 3912 AB" went out, an address that does not exist. The new
        address's street and town come instead, or, when it is not found, the street is asked again (the town
        stays: the postcode is ours). What the writer changed herself stays hers (the hint says she may)."""
        earlier = self.answers.step("gegevens")  # as typed on the step's last "Verder"
        if not earlier or self._same_place(earlier, cleaned):
            return
        # Only what the lookup filled in: a street typed beside a postcode outside the gemeente is the
        # writer's own, and a second typo in the postcode swapped it for the street of that one (a walk).
        earlier_found = lookup_address(
            earlier.text("postcode"), earlier.text("huisnummer"), earlier.text("toevoeging")
        )
        filled_in = {"straat": earlier_found.street, "woonplaats": earlier_found.town}
        instead = {"straat": result.street, "woonplaats": result.town} if result.found else {"straat": ""}
        for name, new in instead.items():
            kept = earlier.text(name).strip()
            if cleaned.get(name) and cleaned[name] == kept == filled_in[name] and cleaned[name] != new:
                cleaned[name] = new
                # In the data too: the wizard keeps the step's data, and checks it again before sending.
                self.data = self.data.copy()
                self.data[self.add_prefix(name)] = new
                if not new:
                    self.add_error(name, self.fields[name].error_messages["required"])

    @staticmethod
    def _same_place(earlier, cleaned) -> bool:
        earlier_place = (
            normalise_postcode(earlier.text("postcode")),
            split_house_number(earlier.text("huisnummer"))[0],
        )
        return earlier_place == (cleaned["postcode"], cleaned["huisnummer"])

    def _ask_once_about_another_street(self, cleaned, result) -> None:
        """A street typed that is not the one of the postcode and house number is asked about once: a typo in
        the postcode would send the consulent to another door. Sent again, it is the writer's: she may know
        her street better than the lookup does. Another postcode with yet another street asks again."""
        typed = cleaned.get("straat", "")
        if not typed or "straat" in self.errors or same_street(typed, result.street):
            return
        if cleaned.get("straat_gezien") == result.street:
            cleaned["straat_van_postcode"] = result.street  # kept: the consulent reads it beside hers
            return
        self.fields["straat_gezien"].sent_back = result.street  # the page sends it back, as a time to call
        message = _(
            "Bij postcode %(postcode)s en huisnummer %(huisnummer)s hoort de straat %(found)s. U schreef "
            "%(typed)s. Kijk of de postcode en het huisnummer goed zijn. Klopt alles? Kies dan nog een keer "
            "Verder."
        )
        said = {"postcode": cleaned["postcode"], "huisnummer": cleaned["huisnummer"], "typed": typed}
        self.add_error(
            "straat", forms.ValidationError(message % {**said, "found": result.street}, code=QUESTION)
        )

    def _say_why_the_address_is_asked(self, result) -> None:
        """A street and town left empty for an address not found: "Straat: vul de straat in." and "Woonplaats:
        vul de woonplaats in." did not say the postcode was not found (without "Zoek adres", or JavaScript).
        One message, at the street, says so, as "Zoek adres" does."""
        empty = [name for name in ("straat", "woonplaats") if name in self.errors and not self._typed(name)]
        if "straat" in empty:
            for name in empty:
                del self.errors[name]
            self.add_error("straat", address_message(result, self.answers.voor_wie))

    def _typed(self, name: str) -> str:
        return str(self.data.get(self.add_prefix(name), "")).strip()

    def _fill_in_the_address(self, cleaned, street: str = "", town: str = "") -> None:
        """The page says "Wij vullen de straat en woonplaats in": a street or town left empty is not the
        writer's error. It is filled in from the address found (on a page without scripts too), or waits for
        the postcode and house number, whose own errors the page shows."""
        found = {"straat": street, "woonplaats": town}
        for name, value in found.items():
            left_empty = not self._typed(name)
            if name in self.errors and left_empty and (value or not any(found.values())):
                del self.errors[name]
                if value:
                    cleaned[name] = value

    def _split_a_whole_date_in_the_day_box(self, cleaned) -> None:
        """A whole date typed in Dag, the month and year left empty, goes into the three boxes: "12-3-1952"
        got "Vul de dag in met cijfers, zoals 7.", which blamed the digits (a walk)."""
        day, month, year = self.DATE_FIELDS
        whole = WHOLE_DATE.match(self._typed(day))
        if not whole or self._typed(month) or self._typed(year):
            return
        self.errors.pop(day, None)
        self.data = self.data.copy()  # the page shows the date as it is read, should another part be wrong
        typed_day, typed_month, typed_year = whole.groups()
        parts = (typed_day, str(month_number(typed_month) or typed_month), typed_year)  # "mart": 3
        for name, part in zip(self.DATE_FIELDS, parts, strict=True):
            cleaned[name] = part
            self.data[self.add_prefix(name)] = part

    def _clean_birth_date(self, cleaned):
        self._split_a_whole_date_in_the_day_box(cleaned)
        parts = [cleaned.get(name, "") for name in self.DATE_FIELDS]
        if any(name in self.errors for name in self.DATE_FIELDS):
            return
        if not any(parts):
            cleaned["geboortedatum"] = None
            return
        # Each message stands with the part to change, where the summary's link leads: the first one left
        # empty, the year, the month, or the day.
        day, month, year = self.DATE_FIELDS
        empty = [name for name, part in zip(self.DATE_FIELDS, parts, strict=True) if not str(part).strip()]
        if empty:  # "1950" alone: not a date that does not exist
            self.add_error(empty[0], _("Vul de dag, de maand en het jaar in, zoals 7 3 1950."))
            return
        if not (parts[2].strip().isdecimal() and len(parts[2].strip()) == 4):  # "50", "l950"
            self.add_error(year, JAAR_MET_CIJFERS)
            return
        if not parts[0].strip().isdecimal():  # "ze": not a date that does not exist
            self.add_error(day, DAG_MET_CIJFERS)
            return
        try:
            born = date(int(parts[2]), month_number(parts[1]), int(parts[0]))
        except (ValueError, TypeError):
            message = _("Deze datum bestaat niet. Kijk of de dag en de maand kloppen, zoals 7 3 1950.")
            self.add_error(day if month_number(parts[1]) in range(1, 13) else month, message)
            return
        if born > date.today() or born.year < 1900:
            self.add_error(year, _("Vul een geboortedatum in het verleden in, na 1900."))
            return
        cleaned["geboortedatum"] = born.isoformat()


# A whole date, as forms elsewhere ask it: "12-3-1952", "12/03/1952", "12 maart 1952" (or "12-3-52", whose
# year then gets the year's own message).
WHOLE_DATE = re.compile(r"^\s*(\d{1,2})\s*[-/. ]\s*(\d{1,2}|[^\W\d_]+)\.?\s*[-/. ]\s*(\d{4}|\d{2})\s*$")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober")
MONTHS += ("november", "december")


def month_number(typed: str) -> int | None:
    """A month as typed: a number, or (the start of) its name ("maart", "mrt", "sept."); None if unknown."""
    text = typed.strip().lower().rstrip(".")
    if text.isdecimal():
        return int(text)
    if text == "mrt":
        return 3
    found = [number for number, name in enumerate(MONTHS, 1) if len(text) >= 3 and name.startswith(text)]
    if len(found) == 1:
        return found[0]
    if len(text) < 4:
        return None
    # A month spelled as it sounds: "mart" (also Turkish), "agustus". Got "Deze datum bestaat niet" (a walk).
    # Only one that is closest alone: "juil" is as close to juni as to juli.
    scores = sorted(
        (
            (difflib.SequenceMatcher(None, text, name).ratio(), number)
            for number, name in enumerate(MONTHS, 1)
        ),
        reverse=True,
    )
    (best, number), (second, _second) = scores[:2]
    return number if best >= 0.8 and best > second else None


# The found street and town said in the message: a walk with a screen reader heard only "gevonden", and
# went on to the boxes to hear which.
ADDRESS_FOUND = _(
    "Wij hebben het adres gevonden: %(street)s in %(town)s. "
    "Klopt het niet? Pas de straat en woonplaats dan aan."
)
ADDRESS_MESSAGES = {
    FOUND: _("Wij hebben het adres gevonden. Kijk of de straat en woonplaats kloppen."),  # one of them empty
    NOT_FOUND: _(
        "We vinden dit adres niet. Kijk of de postcode en het huisnummer kloppen, of vul de straat "
        "en woonplaats zelf in."
    ),
    UNAVAILABLE: _("Het adres opzoeken lukt nu niet. Vul de straat en woonplaats zelf in."),
    INVALID: _("Vul een postcode in zoals 3911 AB en een huisnummer zoals 12."),
}
# When one of the two is wrong, the message names it: "Vul een postcode in zoals 3911 AB en een huisnummer
# zoals 12" for the postcode "12" read as a correction of the house number.
WRONG_PART_MESSAGES = {
    ("postcode",): _(
        "Kijk of de postcode goed is. Een postcode heeft 4 cijfers en 2 letters, zoals 3911 AB."
    ),
    ("huisnummer",): _("Kijk of het huisnummer goed is. Vul een nummer in, zoals 12."),
}


def same_street(typed: str, found: str) -> bool:
    """Whether a typed street is the one found, written otherwise ("kerkplein", "Kerk plein") or with one typo
    ("Wiekestraat"). Anything more is asked about once: "Kade" and "Kadeweg", "Lange" and "Korte Nieuwstraat"
    are other streets (the review)."""
    typed, found = ("".join(filter(str.isalnum, name.casefold())) for name in (typed, found))
    return typed == found or (min(len(typed), len(found)) >= 5 and edit_distance(typed, found) <= 1)


def address_message(result, voor_wie: str = "zelf") -> str:
    """What the address lookup (an AddressResult) says, with and without JavaScript, to the person it
    speaks to."""
    if result.status == OUTSIDE:
        return outside_message(voor_wie)
    if result.status == FOUND and result.street and result.town:
        return ADDRESS_FOUND % {"street": result.street, "town": result.town}
    if result.status == INVALID and result.wrong in WRONG_PART_MESSAGES:
        return str(WRONG_PART_MESSAGES[result.wrong])
    return str(ADDRESS_MESSAGES.get(result.status, ""))


def outside_message(voor_wie: str = "zelf") -> str:
    # "onze gemeente", as the kaart and the signal say it ("ligt niet in Gemeente Lindewaard" read oddly).
    text = _(
        "Dit adres ligt niet in onze gemeente. Kijk of de postcode goed is. Woont {persoon} ergens anders? "
        "Doe de melding dan bij het Wmo-loket van die gemeente."
    )
    return speak(text, voor_wie)


def call_time(label) -> forms.CharField:
    """When the gemeente can best call, with the loket's hours: a walk's "Na 17.00 uur" asked for a call no
    one makes."""
    return text(
        label,
        required=False,
        max_length=LINE_MAX,
        help_text=format_lazy("{} {}", CALL_HOURS, _("Bijvoorbeeld: op dinsdag in de ochtend.")),
    )


class LanguageField(LimitedCharField):
    """A language as its name (language_name), before its checks: "ja ja" and "Nederlandse" are a yes and
    no language, as "ja" and "Nederlands" are."""

    def to_python(self, value):
        return language_name(super().to_python(value))


WHICH_LANGUAGE = _("Schrijf dan welke taal. Bijvoorbeeld: Turks. Wij zoeken een tolk voor het gesprek.")
NO_TOLK_NEEDED = _("Geen tolk nodig? Laat dit vak dan leeg.")


def interpreter() -> forms.CharField:
    """The language of a tolk for the gesprek. A walk's resident, who reads Dutch slowly, found nowhere to ask
    for one but the box for who else comes."""
    field = text(
        _("Is er een tolk nodig bij het gesprek?"),
        required=False,
        max_length=LINE_MAX,
        field_class=LanguageField,
        help_text=format_lazy("{} {}", WHICH_LANGUAGE, NO_TOLK_NEEDED),
    )
    field.validators.append(names_a_language)
    return field


# For someone else's melding: a walk's daughter, who speaks Dutch, could not tell whether the tolk was for her
# father or for her, and may have left the box empty to translate herself.
TOLK_FOR_SOMEONE_ELSE = format_lazy(
    "{} {} {} {}",
    _("Spreekt {persoon} niet goed Nederlands?"),
    WHICH_LANGUAGE,
    _("Dan hoeft de familie niet te vertalen."),
    NO_TOLK_NEEDED,
)
# In the error summary: "Is er een tolk nodig bij het gesprek: is er geen tolk nodig?" read as two questions.
TOLK = _("Tolk")
YES = frozenset({"ja", "jawel", "graag", "ja graag"})
NO_TOLK = frozenset({"nee", "neen", "geen", "niet", "niet nodig", "nvt", "n.v.t", "nederlands", "-"})


def names_a_language(value: str) -> None:
    """The box asks a yes-or-no question and wants a language: "Nee" became "U vroeg om een tolk: Nee." (a
    review). What was typed stays in the box, with what to do."""
    typed = " ".join(value.casefold().replace(",", " ").split()).rstrip(".!")
    if typed in YES:
        raise forms.ValidationError(_("Schrijf welke taal de tolk moet spreken. Bijvoorbeeld: Turks."))
    if typed in NO_TOLK:
        raise forms.ValidationError(_("Is er geen tolk nodig? Maak dit vak dan leeg."))


# A language's Dutch adjective and its name: "Turkse" "Turks", "Arabische" "Arabisch", "Chinese" "Chinees";
# "Friese" is "Fries".
ADJECTIVE_ENDINGS = (("sche", "sch"), ("ese", "ees"), ("se", "s"))
ADJECTIVES_OF_THEIR_OWN = {"friese": "fries"}


def language_name(typed: str) -> str:
    """The tolk's language as the consulent reads it and the confirmation says it: "ja turks" and "Turkse"
    stood as typed in "U vroeg om een tolk: ja turks." and in the backoffice (a walk of a daughter)."""
    words = typed.replace(",", " ").split()
    while len(words) > 1 and words[0].casefold().rstrip(".!?") in YES:
        words = words[1:]
    if len(words) == 1:
        words = [_as_name(words[0].rstrip(".!?"))]
    named = " ".join(words)
    return named[:1].upper() + named[1:]


def _as_name(word: str) -> str:
    """The language an adjective names ("Turkse": "turks"); any other word as typed ("NGT")."""
    lowered = word.casefold()
    if lowered in ADJECTIVES_OF_THEIR_OWN:
        return ADJECTIVES_OF_THEIR_OWN[lowered]
    for adjective, name in ADJECTIVE_ENDINGS:
        if lowered.endswith(adjective) and len(lowered) > len(adjective) + 2:
            return lowered[: -len(adjective)] + name
    return word


# Help with washing and dressing is the wijkverpleging's (the zorgverzekering's), not the gemeente's: a walk's
# daughter asked the gemeente for it, for her mother who had fallen while dressing, and nothing told her.
TOPICS_HELP = _(
    "Kies alles wat past. Voor hulp bij wassen, aankleden of medicijnen is er de wijkverpleging. "
    "Daarvoor is geen melding nodig: bel een organisatie voor wijkverpleging of de huisarts."
)


class HulpForm(StepForm):
    title = _("Waar wilt u hulp bij?")
    # A name, not an instruction: the error summary says "Soort hulp: kies minstens één antwoord."
    onderwerpen = checkboxes(_("Soort hulp"), choices.ONDERWERPEN, help_text=TOPICS_HELP)
    toelichting = text(
        _("Vertel in een paar woorden wat u nodig hebt"),
        required=False,
        textarea=True,
        max_length=TEXT_MAX,
        help_text=_("Alleen nodig bij Iets anders."),
    )
    conditional = ("toelichting",)
    shown_when = {"toelichting": ("onderwerpen", "anders")}
    messages = {"toelichting": _("U koos Iets anders. Vertel kort waar u hulp bij wilt.")}
    someone_else = Wording(
        title=_("Waar heeft {persoon} hulp bij nodig?"),
        labels={"toelichting": _("Vertel in een paar woorden wat {persoon} nodig heeft")},
        messages={
            "toelichting": _("Iets anders gekozen? Vertel dan kort waar {persoon} hulp bij nodig heeft.")
        },
    )


class WaaroverForm(AsksOnceAboutTheCallTime, StepForm):
    """The short melding's optional questions: what it is about, in topics and a few words, so the consulent
    can prepare, and when to call."""

    title = _("Waar gaat het over?")
    onderwerpen = checkboxes(_("Soort hulp"), choices.ONDERWERPEN, required=False, help_text=TOPICS_HELP)
    # "Iets anders" had nowhere to say what: "traplopen" could not be told.
    toelichting = text(
        _("Wilt u er iets over vertellen?"),
        required=False,
        textarea=True,
        max_length=TEXT_MAX,
        help_text=_("Bijvoorbeeld: traplopen lukt niet meer."),
    )
    # The short melding is a call, and the consulent called at any hour: "Gebeld, niet bereikt", again.
    bereikbaar = call_time(_("Wanneer kunnen wij u het best bellen?"))
    bereikbaar_gezien = question_seen()
    tolk = interpreter()
    short_labels = {"tolk": TOLK}
    not_stored = ("bereikbaar_gezien",)
    writer_fields = ("toelichting", "bereikbaar")  # the gemeente calls the writer (as the confirmation says)
    someone_else = Wording(help_texts={"tolk": TOLK_FOR_SOMEONE_ELSE})


class SituatieForm(StepForm):
    title = _("Uw situatie")
    someone_else = Wording(
        title=_("De situatie van {persoon}"),
        labels={
            "wat_lukt_niet": _("Wat lukt {persoon} niet meer?"),
            "wat_zelf": _("Wat doet {persoon} nu zelf?"),
            "wie_helpt": _("Wie helpt {persoon} al?"),
            "huidige_hulp": _("Welke hulp krijgt {persoon} nu al?"),
        },
        help_texts={
            "wat_lukt_niet": _("Bijvoorbeeld: zelf boodschappen doen."),
            "sinds_wanneer": _("Bijvoorbeeld: sinds een val in maart."),
            "wat_zelf": _("Bijvoorbeeld: {persoon} kookt nog zelf, maar stofzuigen lukt niet meer."),
        },
    )
    wat_lukt_niet = text(
        _("Wat lukt niet meer?"),
        textarea=True,
        required_message=_("Vertel wat niet meer lukt."),
        max_length=TEXT_MAX,
        help_text=_("Bijvoorbeeld: ik kan niet meer zelf boodschappen doen."),
    )
    sinds_wanneer = text(
        _("Sinds wanneer?"),
        required=False,
        max_length=LINE_MAX,
        help_text=_("Bijvoorbeeld: sinds mijn val in maart."),
    )
    # The one question without an example: "what do I do myself?" left the writer guessing what was meant.
    wat_zelf = text(
        _("Wat doet u nu zelf?"),
        required=False,
        textarea=True,
        max_length=TEXT_MAX,
        help_text=_("Bijvoorbeeld: ik kook nog zelf, maar stofzuigen lukt niet meer."),
    )
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


class GesprekForm(AsksOnceAboutTheCallTime, StepForm):
    title = _("Het gesprek")
    bereikbaar = call_time(_("Wanneer bent u goed te bereiken?"))
    bereikbaar_gezien = question_seen()
    plek = radio(_("Waar wilt u het gesprek?"), choices.PLEK)
    plek_anders = text(
        _("Waar dan?"), required=False, max_length=LINE_MAX, help_text=_("Alleen nodig bij Ergens anders.")
    )
    wie_erbij = checkboxes(
        _("Wie wilt u bij het gesprek?"),
        choices.WIE_ERBIJ,
        required=False,
        help_text=_(
            "Een onafhankelijke cliëntondersteuner helpt u gratis. Hij of zij hoort niet bij de gemeente. "
            "Kiest u er een? Dan brengen wij u met een cliëntondersteuner in contact. "
            "Wilt u niemand erbij? Kies dan niets."
        ),
    )
    # "Iemand anders" had nowhere to say who: the consulent could not know whom to invite.
    wie_anders = text(
        _("Wie is dat?"), required=False, max_length=LINE_MAX, help_text=_("Bijvoorbeeld: een buurvrouw.")
    )
    tolk = interpreter()
    short_labels = {"tolk": TOLK}
    not_stored = ("bereikbaar_gezien",)

    # Asked as "Waar dan?" is: a walk chose "Iemand anders" without a name, and the check page said no more.
    conditional = ("plek_anders", "wie_anders")
    shown_when = {"plek_anders": ("plek", "elders"), "wie_anders": ("wie_erbij", "anders")}
    # For someone else the gemeente calls the writer to plan the gesprek (as the confirmation says), and the
    # writer says who comes, maybe himself.
    writer_fields = ("bereikbaar", "wie_erbij")
    # A place or a person typed beside an answer that leaves them out: the check page said "Bij mij thuis: In
    # de bibliotheek", or did not show the name at all. The writer decides; nothing typed is dropped.
    messages = {
        "plek_anders": _("U koos Ergens anders. Vul in waar u het gesprek wilt."),
        "wie_anders": _("U koos Iemand anders. Vul in wie dat is."),
        "plek_zonder_elders": _(
            "U schreef een plek, maar u koos niet Ergens anders. Moet het gesprek daar zijn? Kies dan Ergens "
            "anders. Zo niet? Maak dit vak dan leeg."
        ),
        "wie_zonder_anders": _(
            "U schreef wie erbij komt, maar u koos niet Iemand anders. Komt deze persoon? Kies dan Iemand "
            "anders. Zo niet? Maak dit vak dan leeg."
        ),
    }
    someone_else = Wording(
        labels={
            "bereikbaar": _("Wanneer kunnen wij u het best bellen?"),
            "plek": _("Waar wil {persoon} het gesprek?"),
            "wie_erbij": _("Wie komen er bij het gesprek?"),
        },
        help_texts={
            "bereikbaar": format_lazy(
                _("Wij bellen u om het gesprek te plannen, {hours}. Bijvoorbeeld: op dinsdag in de ochtend."),
                hours=PHONE_HOURS,
            ),
            "tolk": TOLK_FOR_SOMEONE_ELSE,
            # A son who filled this in for his mother did not know whether to tick himself.
            "wie_erbij": _(
                "Een onafhankelijke cliëntondersteuner helpt {persoon} gratis. Hij of zij hoort niet bij de "
                "gemeente. Kiest u er een? Dan zoeken wij een cliëntondersteuner voor {persoon}. "
                "Wil {persoon} niemand erbij? Kies dan niets."
            ),
        },
        choices={"plek": choices.PLEK_ANDER, "wie_erbij": choices.WIE_ERBIJ_ANDER},
        messages={"plek_anders": _("Ergens anders gekozen? Vul dan in waar het gesprek kan zijn.")},
    )
    per_voor_wie = {"professional": Wording(choices={"wie_erbij": choices.WIE_ERBIJ_PROFESSIONAL})}

    def clean(self):
        cleaned = super().clean()  # "Ergens anders" without where: see StepForm.clean
        if cleaned.get("plek") and cleaned.get("plek") != "elders" and cleaned.get("plek_anders"):
            self.add_error("plek_anders", self.message("plek_zonder_elders"))
        if cleaned.get("wie_anders") and "anders" not in cleaned.get("wie_erbij", []):
            self.add_error("wie_anders", self.message("wie_zonder_anders"))
        return cleaned


class SpoedForm(StepForm):
    title = _("Is het dringend?")
    spoed = radio(
        _("Hebt u de hulp heel snel nodig?"),
        choices.JA_NEE,
        help_text=_(
            # A walk: a widower whose wife had cooked and shopped did not know she was his mantelzorger.
            "Bijvoorbeeld: iemand die voor u zorgt, zoals uw partner, valt plotseling weg, of kan het niet "
            "meer aan. U komt uit het ziekenhuis. Iemand gaat thuis sterven en de zorg moet snel geregeld "
            "worden. Een ouder die alleen voor de kinderen zorgt, moet plotseling naar het ziekenhuis."
        ),
    )
    toelichting = text(
        _("Waarom is het dringend?"),
        required=False,
        textarea=True,
        max_length=TEXT_MAX,
        help_text=_("Alleen als het antwoord Ja is."),
    )
    shown_when = {"toelichting": ("spoed", "ja")}
    # "Nee" with a reason why it is urgent: the check page said both, and a consulent reading "Nee" could
    # pass over an emergency. The writer decides; nothing typed is dropped.
    messages = {
        "nee_met_reden": _(
            "U koos Nee, maar u schreef waarom het dringend is. Is het dringend? Kies dan Ja. "
            "Is het niet dringend? Maak dit vak dan leeg."
        )
    }
    someone_else = Wording(
        labels={"spoed": _("Heeft {persoon} de hulp heel snel nodig?")},
        help_texts={
            "spoed": _(
                # A walk: a husband at the end of his strength did not know whether "Ja" was his answer.
                "Bijvoorbeeld: de mantelzorger valt plotseling weg, of kan het niet meer aan. {Persoon} komt "
                "uit het ziekenhuis. "
                "Iemand gaat thuis sterven en de zorg moet snel geregeld worden. Een ouder die alleen voor "
                "de kinderen zorgt, moet plotseling naar het ziekenhuis."
            )
        },
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("spoed") == "nee" and cleaned.get("toelichting"):
            self.add_error("toelichting", self.message("nee_met_reden"))
        return cleaned


class ControlerenForm(StepForm):
    title = _("Controleer uw melding")
    # The health data of someone else are theirs: the writer cannot consent for that person ("Ik geef
    # toestemming" was asked of a son whose mother cannot decide, by dementia). The writer says the gemeente
    # may use them for the help; the gemeente asks the person (or who decides for them) in the gesprek.
    someone_else = Wording(
        title=_("Controleer de melding"),
        labels={
            "toestemming": _(
                "Ik weet dat de gemeente de gegevens over de gezondheid van {persoon} gebruikt om te kijken "
                "welke hulp nodig is. In het gesprek vraagt de gemeente {persoon} zelf om toestemming."
            )
        },
        messages={"toestemming": _("Zet een vinkje om de melding te versturen.")},
    )
    messages = {"toestemming": _("Geef toestemming om de melding te versturen.")}
    # Not "Toestemming": for someone else the writer gives none (a walk's daughter was confused by it).
    short_labels = {"toestemming": _("Gegevens over gezondheid")}
    not_stored = ("website",)
    groups = (Group("components/honeypot.html", fields=("website",)),)
    toestemming = forms.BooleanField(
        label=_(
            "Ik geef toestemming. De gemeente mag de gegevens over gezondheid in deze melding gebruiken "
            "om te kijken welke hulp nodig is."
        ),
    )
    # Honeypot: hidden from people and screen readers; software that fills every field fills this one.
    website = forms.CharField(
        required=False,
        max_length=LINE_MAX,
        label=_("Laat dit veld leeg"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.answers.may_hold_health_data:
            del self.fields["toestemming"]
            return
        self.fields["toestemming"].error_messages["required"] = self.message("toestemming")
        if self.answers.step("melder").text("bewoner_toestemming") == "kan_niet_beslissen":
            # Who cannot decide is not asked: the gemeente asks who decides for the person.
            self.fields["toestemming"].label = self.speak(
                _(
                    "Ik weet dat de gemeente de gegevens over de gezondheid van {persoon} gebruikt om te "
                    "kijken welke hulp nodig is. In het gesprek vraagt de gemeente om toestemming aan wie "
                    "voor {persoon} mag beslissen."
                )
            )


class SaveForm(forms.Form):
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=LINE_MAX,
        help_text=_("We sturen u een link. Met die link gaat u verder waar u was. De link werkt 7 dagen."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            # It names the box, as every other line of a summary does (a walk with a screen reader).
            "invalid": _("Dit e-mailadres klopt niet. Schrijf het zo: naam@voorbeeld.nl."),
        },
    )
