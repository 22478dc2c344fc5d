"""The complaint form (B1, for residents and for staff who register a phone call or letter) and the small
forms of the backoffice."""

import re

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.call_time import AsksOnceAboutTheCallTime
from core.components import ChoiceButtons, named_error_lines, question_seen
from core.limited_text import LimitedCharField
from core.phone import CALL_HOURS, phone_field
from core.reference import as_typed, is_possible
from core.templatetags.core_tags import tel
from socialekaart import public

from .models import Contractteam
from .workflow import Horen, Kanaal, Oordeel, Status

_WORD = re.compile(r"[^\W\d_]+")  # a word of letters
A_FEW_WORDS = _("Vertel iets meer over wat er misging. Een paar woorden is genoeg.")

JA_NEE = [("ja", _("Ja")), ("nee", _("Nee"))]


class ChoiceOnTheKaart(forms.ModelChoiceField):
    """A choice among the kaart's rows (UUID ids): anything else is "choose one", not a UUID error."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError as exc:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice") from exc


class KlachtForm(AsksOnceAboutTheCallTime, forms.Form):
    name_required = _("Vul uw naam in. Dan weten wij wie u bent.")
    a_few_words = A_FEW_WORDS
    organisatie = ChoiceOnTheKaart(
        label=_("Over wie gaat uw klacht?"),
        queryset=public.organisaties(),
        # Short enough to stand whole beside the box's arrow on a phone (the gemeente is the first choice).
        empty_label=_("Maak een keuze"),
        error_messages={
            "required": _("Kies de organisatie of de gemeente."),
            "invalid_choice": _("Kies de organisatie of de gemeente."),
        },
    )
    thema = ChoiceOnTheKaart(
        label=_("Over welke hulp gaat het?"),
        queryset=public.themas(),
        required=False,
        empty_label=_("Weet ik niet"),
        error_messages={"invalid_choice": _("Kies de soort hulp, of kies: Weet ik niet.")},
    )
    # A walk: a son's complaint about the help his father gets could not be traced to his father.
    client_naam = forms.CharField(
        label=_("Naam van wie de hulp krijgt"),
        max_length=200,
        required=False,
        help_text=_(
            "Alleen als de hulp voor iemand anders is, bijvoorbeeld voor uw vader of moeder. "
            "Dan weten wij over wie het gaat. Alleen de gemeente ziet deze naam."
        ),
    )
    # A walk: a resident unhappy with how her melding went typed its number into her story, where the
    # complaint's handler had to find it.
    melding = forms.CharField(
        label=_("Nummer van uw melding"),
        max_length=30,
        required=False,
        help_text=_(
            "Gaat uw klacht over een melding bij de gemeente? Het nummer staat in de bevestiging. "
            "Bijvoorbeeld: M-7K3Q-XW9P."
        ),
    )
    wat = LimitedCharField(
        label=_("Wat ging er mis?"),
        help_text=_(
            "Vertel wat er gebeurde en wanneer. Schrijf liever geen dingen over uw gezondheid. "
            "U kunt 3000 tekens gebruiken, ongeveer een A4."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=3000,
        error_messages={"required": _("Vertel wat er misging.")},
    )
    contact = forms.ChoiceField(
        label=_("Mogen wij contact met u opnemen over uw klacht?"),
        choices=JA_NEE,
        widget=ChoiceButtons,
        # Named: the summary lists it among the others, where "Kies ja of nee." says not about what.
        error_messages={"required": _("Kies of wij contact met u mogen opnemen.")},
    )
    naam = forms.CharField(label=_("Uw naam"), max_length=200, required=False)
    telefoon = phone_field(_("Telefoonnummer"), required=False, help_text=_("Dan bellen wij u."))
    # A walk: "06-12345678 (na 10 uur)" was refused, and the wish had nowhere else to go.
    bellen = LimitedCharField(
        label=_("Wanneer kunnen wij u het best bellen?"),
        max_length=200,
        required=False,
        help_text=format_lazy("{} {}", CALL_HOURS, _("Bijvoorbeeld: na 10 uur, of op dinsdag.")),
    )
    bellen_gezien = question_seen()
    call_time_field = "bellen"
    button = _("'Verstuur de klacht'")  # in quotes: a name of several words
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=200,
        required=False,
        help_text=_("Dan mailen wij u."),
        error_messages={"invalid": _("Vul een e-mailadres in, zoals naam@voorbeeld.nl.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Needed after "Ja" only: their label says neither "(niet verplicht)" nor required, the group's hint
        # says when (the form-field component reads `conditional`).
        for name in self.CONTACT_FIELDS:
            self.fields[name].conditional = True
        # The list holds the kaart's organisations by name; who knows only "de thuiszorg" gets a way on.
        phone = settings.MUNICIPALITY_PHONE  # a link: on a phone it is called with one tap
        self.fields["organisatie"].help_text = format_html(
            _(
                "De gemeente staat bovenaan. Weet u niet welke organisatie het is? Bel de gemeente: {}. "
                "Wij zoeken het met u uit."
            ),
            format_html('<a href="tel:{}">{}</a>', tel(phone), phone),
        )
        self.fields["naam"].widget.attrs["autocomplete"] = "name"
        # Not the writer's own name, which a browser would fill in for a field called "naam".
        self.fields["client_naam"].widget.attrs["autocomplete"] = "off"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["melding"].widget.attrs.update(autocomplete="off", spellcheck="false")

    def error_lines(self) -> list[tuple[str, str]]:
        """The summary names each field ("Telefoonnummer: typ alleen het telefoonnummer ..."), as the
        melding's and the signal's do: a walk read a message about a number without which number."""
        return named_error_lines(self)

    def clean_melding(self):
        typed = self.cleaned_data["melding"]
        if not typed.strip():
            return ""
        reference = as_typed(typed, "M", read_off=True)
        if reference is None or not is_possible(reference):
            raise forms.ValidationError(
                _(
                    "Een meldingsnummer begint met de letter M, met daarna 8 letters en cijfers. "
                    "Er staat nooit een 0, 1, I, L of O in. Bijvoorbeeld: M-7K3Q-XW9P. "
                    "Weet u het nummer niet? Laat dit dan leeg."
                )
            )
        return reference

    def clean_wat(self):
        # "x" was taken as a complaint, with a term of six weeks for nothing to look into; "Te laat" says what
        # went wrong (a minimum of ten characters refused it, with "Een paar woorden is genoeg.").
        wat = self.cleaned_data["wat"]
        if len(_WORD.findall(wat)) < 2:
            raise forms.ValidationError(self.a_few_words)
        return wat

    CONTACT_FIELDS = ("naam", "telefoon", "bellen", "email")

    def will_call(self, cleaned: dict) -> bool:
        # Who gave only an e-mail address is mailed: a time to call asks nothing (a walk).
        return bool(cleaned.get("telefoon"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contact") == "nee":
            # Not kept without consent (gegevens), so not checked: a walk's resident chose "Nee" and was held
            # up by an e-mail address she had half typed, below "Alleen nodig als u Ja kiest".
            for name in self.CONTACT_FIELDS:
                self.errors.pop(name, None)
        if cleaned.get("contact") == "ja":
            if not cleaned.get("naam", "").strip():
                self.add_error("naam", self.name_required)
            unreachable = not cleaned.get("telefoon") and not cleaned.get("email")
            if unreachable and "telefoon" not in self.errors and "email" not in self.errors:
                self.add_error("telefoon", _("Vul een telefoonnummer of een e-mailadres in."))
        return cleaned

    def gegevens(self) -> dict:
        """What is stored encrypted: the resident's words and, only with consent, how to reach them."""
        data = self.cleaned_data
        gegevens = {"wat": data["wat"], "contact": data["contact"]}
        for name in ("client_naam", "melding"):
            if data[name]:
                gegevens[name] = data[name]
        if data["contact"] == "ja":
            gegevens.update(
                {name: data[name] for name in ("telefoon", "bellen", "email")}, naam=data["naam"].strip()
            )
        return gegevens


class StaffKlachtForm(KlachtForm):
    """A complaint that came in by phone, letter or at the desk: the same questions, plus how and when."""

    call_time_field, bellen_gezien = "", None  # staff write down what the resident said

    kanaal = forms.ChoiceField(
        label=_("Binnengekomen via"), choices=[c for c in Kanaal.choices if c[0] != Kanaal.WEBSITE]
    )
    ontvangen_op = forms.DateField(
        label=_("Ontvangen op"),
        help_text=_("De dag dat de klacht binnenkwam, zoals 31-01-2026. De termijn telt vanaf die dag."),
        input_formats=["%d-%m-%Y", "%Y-%m-%d"],
        initial=timezone.localdate,
        error_messages={"invalid": _("Vul een datum in, zoals 31-01-2026.")},
    )

    # Staff type what the resident said: the questions speak about the resident, not to them. (label, help
    # text: None keeps the resident's, "" drops it)
    STAFF_WORDING = {
        "organisatie": (_("Over wie gaat de klacht?"), ""),
        "wat": (
            _("Wat ging er mis?"),
            _("Wat de inwoner vertelt of schreef. Schrijf geen dingen over de gezondheid."),
        ),
        "melding": (_("Nummer van de melding"), _("Als de klacht over een melding gaat.")),
        "client_naam": (
            _("Naam van wie de hulp krijgt"),
            _("Alleen als de inwoner belt of schrijft over de hulp voor iemand anders."),
        ),
        "contact": (_("Wil de inwoner dat wij contact opnemen over de klacht?"), None),
        "naam": (_("Naam van de inwoner"), _("Nodig als de inwoner contact wil.")),
        "telefoon": (
            _("Telefoonnummer van de inwoner"),
            _("Wil de inwoner contact? Vul dan een telefoonnummer of een e-mailadres in."),
        ),
        "bellen": (_("Wanneer kunnen wij de inwoner het best bellen?"), _("Bijvoorbeeld: na 10 uur.")),
        "email": (_("E-mailadres van de inwoner"), ""),
    }

    name_required = _("Vul de naam van de inwoner in.")
    a_few_words = _("Schrijf iets meer op over wat er misging. Een paar woorden is genoeg.")
    STAFF_ERRORS = {
        "wat": _("Schrijf op wat er misging."),
        "contact": _("Kies of de inwoner contact wil."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (label, help_text) in self.STAFF_WORDING.items():
            self.fields[name].label = label
            if help_text is not None:
                self.fields[name].help_text = help_text
        for name, required in self.STAFF_ERRORS.items():
            self.fields[name].error_messages = {**self.fields[name].error_messages, "required": required}

    def clean_ontvangen_op(self):
        value = self.cleaned_data["ontvangen_op"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Deze datum ligt in de toekomst."))
        return value


OORDEEL_CHOICES = [("", "—"), *Oordeel.choices]
ANTWOORD_REQUIRED = _("Schrijf op wat u de inwoner hebt geantwoord.")
# A resident who wanted no contact gets no answer: then what was found is written down, for whoever reads
# the complaint later.
FOUND_REQUIRED = _("Schrijf kort op wat u vond en waarom.")


def antwoord_field(label, help_text, required: bool = True) -> forms.CharField:
    """What the resident was answered (Awb 9:12): asked when closing a complaint or correcting its oordeel."""
    return LimitedCharField(
        label=label,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=3000,
        required=required,
        error_messages={"required": ANTWOORD_REQUIRED},
    )


def without_answer(field: forms.CharField, label, help_text) -> None:
    """The answer's field of a complaint whose resident wanted no contact: asks what was found instead."""
    field.label, field.help_text = label, help_text
    field.error_messages = {**field.error_messages, "required": FOUND_REQUIRED}


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nieuwe status"))
    # Required only with afgehandeld (see clean), so the labels say when.
    horen = forms.ChoiceField(
        label=_("Is de inwoner gehoord? (bij afgehandeld)"),
        help_text=_(
            "Voordat u een oordeel geeft, vraagt u de inwoner om de klacht te vertellen (Awb 9:10). "
            "Alleen in deze gevallen hoeft dat niet."
        ),
        choices=[("", "—"), *[choice for choice in Horen.choices if choice[0] != Horen.GEEN_CONTACT]],
        required=False,
    )
    # A walk: only correcting an oordeel said what it does on the kaart.
    oordeel = forms.ChoiceField(
        label=_("Oordeel (bij afgehandeld)"),
        choices=OORDEEL_CHOICES,
        required=False,
        # Not for a complaint about the gemeente itself, nor one without a soort hulp (stoplicht.standen).
        help_text=_(
            "Gaat de klacht over een aanbieder en een soort hulp? Dan telt hij mee in het stoplicht op de "
            "sociale kaart, behalve bij Ongegrond."
        ),
    )
    antwoord = antwoord_field(
        _("Wat hebt u de inwoner geantwoord? (bij afgehandeld)"),
        _("Schrijf kort op wat u hebt onderzocht, wat uw oordeel is en waarom. Dit blijft bij de klacht."),
        required=False,
    )
    # Awb 9:12: the resident is told in writing what was found, the oordeel and why. A walk closed a complaint
    # with the answer written down here, and nothing asked whether the resident got it.
    antwoord_verstuurd = forms.BooleanField(
        label=_("Het antwoord is schriftelijk naar de inwoner gestuurd (bij afgehandeld)"),
        help_text=_("Per brief of e-mail, met uw oordeel en waarom. Dat moet volgens de wet (Awb 9:12)."),
        required=False,
    )

    def __init__(self, *args, targets=(), answer_wanted: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = targets
        self.answer_wanted = answer_wanted
        if Status.AFGEHANDELD not in dict(targets):  # on a new complaint an answer typed here was never kept
            del self.fields["horen"], self.fields["oordeel"], self.fields["antwoord"]
            del self.fields["antwoord_verstuurd"]
        elif not answer_wanted:
            del self.fields["horen"]  # who wanted no contact is not heard: the form says so, not asks
            del self.fields["antwoord_verstuurd"]  # nor sent an answer
            without_answer(
                self.fields["antwoord"],
                _("Wat hebt u gevonden? (bij afgehandeld)"),
                _(
                    "De inwoner wilde geen contact en krijgt geen antwoord. Schrijf kort op wat u "
                    "onderzocht, wat uw oordeel is en waarom. Dit blijft bij de klacht."
                ),
            )

    def clean(self):
        cleaned = super().clean()
        closing = cleaned.get("status") == "afgehandeld"
        if closing and "horen" in self.fields and not cleaned.get("horen"):
            self.add_error("horen", _("Kies of de inwoner gehoord is."))
        if closing and not self.answer_wanted:
            cleaned["horen"] = Horen.GEEN_CONTACT
        if cleaned.get("horen") == Horen.KENNELIJK_ONGEGROND and cleaned.get("oordeel") not in (
            "",
            None,
            "ongegrond",
        ):
            # The law's exception is for a complaint that is plainly unfounded: not one judged founded.
            self.add_error("horen", _("Een klacht die duidelijk ongegrond is, heeft als oordeel: Ongegrond."))
        if cleaned.get("status") == "afgehandeld" and not cleaned.get("oordeel"):
            self.add_error("oordeel", _("Kies een oordeel voordat u de klacht afhandelt."))
        if cleaned.get("status") == "afgehandeld" and not cleaned.get("antwoord"):
            self.add_error("antwoord", self.fields["antwoord"].error_messages["required"])
        if closing and "antwoord_verstuurd" in self.fields and not cleaned.get("antwoord_verstuurd"):
            self.add_error(
                "antwoord_verstuurd",
                _("Stuur de inwoner eerst het antwoord, per brief of e-mail. Zet daarna hier een vinkje."),
            )
        return cleaned


# What a corrected oordeel can say of the hearing, once "duidelijk ongegrond" no longer holds.
HEARD_AGAIN = (Horen.GEHOORD, Horen.WIL_NIET, Horen.GEEN_REACTIE)


class OordeelForm(forms.Form):
    """A closed complaint's judgement corrected (the wrong one was chosen): the resident is told again."""

    oordeel = forms.ChoiceField(
        label=_("Nieuw oordeel"),
        choices=OORDEEL_CHOICES,
        error_messages={"required": _("Kies het nieuwe oordeel.")},
    )
    antwoord = antwoord_field(
        _("Wat hebt u de inwoner nu geantwoord?"),
        _("Het oordeel verandert. Schrijf op wat u de inwoner daarover schreef, en waarom."),
    )

    def __init__(
        self,
        *args,
        current: str = "",
        answered: str = "",
        answer_wanted: bool = True,
        horen: str = "",
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.current, self.answered = current, answered
        if horen == Horen.KENNELIJK_ONGEGROND:
            # Not heard because plainly unfounded: any other oordeel takes that exception away (Awb 9:10).
            self.fields["horen"] = forms.ChoiceField(
                label=_("Is de inwoner gehoord?"),
                help_text=_(
                    "De inwoner is niet gehoord, omdat de klacht duidelijk ongegrond was. Met een ander "
                    "oordeel geldt dat niet meer. Vraag de inwoner eerst om de klacht te vertellen."
                ),
                choices=[("", "—"), *[choice for choice in Horen.choices if choice[0] in HEARD_AGAIN]],
                error_messages={
                    "required": _("Kies of de inwoner gehoord is."),
                    "invalid_choice": _("Kies een antwoord uit de lijst."),
                },
            )
            self.order_fields(["oordeel", "horen", "antwoord"])  # as the page shows them, errors too
        self.same_text = _(
            "Dit antwoord stond er al. Schrijf wat u de inwoner over het nieuwe oordeel schreef."
        )
        if not answer_wanted:
            self.same_text = _("Deze tekst stond er al. Schrijf op wat u nu vond, en waarom.")
            without_answer(
                self.fields["antwoord"],
                _("Wat hebt u nu gevonden?"),
                _(
                    "Het oordeel verandert. De inwoner wilde geen contact. "
                    "Schrijf op wat u nu vond, en waarom."
                ),
            )

    def clean_oordeel(self):
        oordeel = self.cleaned_data["oordeel"]
        if oordeel == self.current:
            raise forms.ValidationError(_("Dit is het oordeel al. Kies een ander oordeel."))
        return oordeel

    def clean_antwoord(self):
        """The history names no reason (it outlives retention): the new answer is where the reason stays."""
        antwoord = self.cleaned_data["antwoord"]
        if antwoord == self.answered.strip():
            raise forms.ValidationError(self.same_text)
        return antwoord


class TeamForm(forms.Form):
    """A teamleider routes a complaint by hand: to the contract team of a provider no team buys from yet."""

    team = forms.ModelChoiceField(
        label=_("Contractteam"),
        queryset=Contractteam.objects.order_by("name"),
        empty_label=_("Kies een team"),
        error_messages={"required": _("Kies een team."), "invalid_choice": _("Kies een team uit de lijst.")},
    )


class ThemaForm(forms.Form):
    """The kind of help, chosen by staff when the resident did not know it: the stoplicht counts a complaint
    per provider and kind of help, so one without it never counted."""

    thema = ChoiceOnTheKaart(
        label=_("Over welke hulp gaat het?"),
        queryset=public.themas(),
        empty_label=_("Kies een soort hulp"),
        error_messages={
            "required": _("Kies de soort hulp."),
            "invalid_choice": _("Kies de soort hulp uit de lijst."),
        },
    )


class VerdagingForm(forms.Form):
    """Awb 9:11 lid 2: more time, once, at most 4 weeks; the reason is required."""

    weken = forms.TypedChoiceField(
        label=_("Hoeveel weken later?"),
        coerce=int,
        choices=[(4, _("4 weken")), (3, _("3 weken")), (2, _("2 weken")), (1, _("1 week"))],
        initial=4,
        error_messages={"required": _("Kies het aantal weken."), "invalid_choice": _("Kies 1 tot 4 weken.")},
    )
    reden = LimitedCharField(
        label=_("Waarom hebt u meer tijd nodig?"),
        help_text=_("Dit blijft bij de klacht. De inwoner hoort alleen de nieuwe datum."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": _("Schrijf waarom u meer tijd nodig hebt.")},
    )


class SamenvattingForm(forms.Form):
    samenvatting_aanbieder = LimitedCharField(
        label=_("Samenvatting voor de aanbieder"),
        help_text=_("De aanbieder ziet alleen deze tekst. Zet er geen naam, adres of gezondheid in."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
    )


class ReactieForm(forms.Form):
    reactie_aanbieder = LimitedCharField(
        label=_("Uw reactie"),
        help_text=_(
            "Schrijf geen naam, adres of iets over de gezondheid van de inwoner. "
            "Past u uw reactie aan? Dan komt die in de plaats van de vorige."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
        error_messages={"required": _("Schrijf uw reactie.")},
    )


class ClientaantallenForm(forms.Form):
    """One number per thema: how many clients the provider has for it now."""

    def __init__(self, *args, themas=(), initial_counts=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_counts = initial_counts or {}
        for thema in themas:
            self.fields[f"thema_{thema.pk}"] = forms.IntegerField(
                label=thema.name,
                min_value=0,
                max_value=1_000_000,
                required=False,
                initial=initial_counts.get(thema.pk),
                # A text field: a browser's number field sends "120 cliënten" as nothing: nothing is saved.
                widget=forms.TextInput(attrs={"inputmode": "numeric"}),
                error_messages={
                    "invalid": _("Vul alleen een getal in, zoals 12. Zonder woorden erbij."),
                    "min_value": _("Vul 0 of meer in."),
                },
            )
        self.themas = list(themas)

    def counts(self) -> dict:
        return {thema.pk: self.cleaned_data.get(f"thema_{thema.pk}") for thema in self.themas}
