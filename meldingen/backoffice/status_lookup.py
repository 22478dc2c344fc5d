""" "Waar staat mijn melding?": a resident looks up the status of a melding with its reference number and the
postcode and house number it was made for.

The page shows only the status, the date of the last change and the next step with its date: no names, no
answers. The address is compared through its keyed hash (`Behandeling.address_index`), never decrypted.
A wrong reference, a wrong address and a melding whose personal data was removed give the same answer, so
the page tells nobody whether a reference exists. Look-ups that find nothing are limited per IP address and
per reference (`MELDINGEN_STATUS_LOOKUP_LIMIT` each per `MELDINGEN_RATE_LIMIT_WINDOW_SECONDS`), so guessing
addresses for one reference from many addresses fails too. A look-up that finds the melding does not count:
on a shared computer (a library, the loket) the residents who look up their own melding used up the limit,
and the next one was refused with her right number.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django import forms
from django.conf import settings
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from core.components import named_error_lines
from core.postcode import normalise_postcode
from core.posted import keep_posted, take_posted
from core.ratelimit import attempts_so_far, client_ip, count_attempt
from core.reference import as_typed
from meldingen.address import split_house_number
from meldingen.backoffice.models import Behandeling
from meldingen.backoffice.search_index import address_token
from meldingen.backoffice.workflow import CLOSED_STATUSES, GesprekPlaats, Status
from meldingen.forms import speak

# The lookup as posted, encrypted in the session until the page after its redirect shows it.
LOOKUP_KEY = "melding_status_lookup"


class StatusLookupForm(forms.Form):
    reference = forms.CharField(
        label=_("Meldingsnummer"),
        max_length=20,
        # A walk: a resident of 78 without e-mail had closed that page long ago; her printed PDF has it too.
        help_text=_(
            "Dit nummer staat in de e-mail of op de pagina die u kreeg na het versturen. "
            "Ook staat het op de PDF van uw melding, als u die bewaarde."
        ),
        error_messages={"required": _("Vul uw meldingsnummer in.")},
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=10,
        help_text=_("De postcode van de persoon voor wie de melding is, zoals 3911 AB."),
        error_messages={"required": _("Vul de postcode in.")},
    )
    huisnummer = forms.CharField(
        label=_("Huisnummer"),
        max_length=10,
        error_messages={"required": _("Vul het huisnummer in.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reference"].widget.attrs.update(autocomplete="off", spellcheck="false")
        # Not the browser's own postcode: the melding may be for someone else (a walk's son typed his own).
        self.fields["postcode"].widget.attrs.update(autocomplete="off", **{"class": "input--short"})
        self.fields["huisnummer"].widget.attrs.update(**{"class": "input--short"})  # "12a" too: no number pad

    def error_lines(self) -> list[tuple[str, str]]:
        return named_error_lines(self)  # "Postcode: vul de postcode in.", as the melding's own pages say

    def clean_reference(self):
        typed = self.cleaned_data["reference"]
        reference = as_typed(typed, "M", read_off=True)
        if reference is None and as_typed(typed, "K", read_off=True) is not None:
            # A walk: a complaint's number was told what a melding's looks like, and went nowhere.
            raise forms.ValidationError(
                _(
                    "Dit is het nummer van een klacht. Hier ziet u alleen meldingen. Wilt u weten hoe het "
                    "met uw klacht gaat? Bel ons dan op %(phone)s en noem dit nummer."
                )
                % {"phone": settings.MUNICIPALITY_PHONE}
            )
        if reference is None:
            raise forms.ValidationError(
                _(
                    "Een meldingsnummer heeft eerst de letter M en dan 8 letters en cijfers. "
                    "Bijvoorbeeld: M-7K3Q-XW9P."
                )
            )
        return reference

    def clean_postcode(self):
        normal = normalise_postcode(self.cleaned_data["postcode"].strip())
        if normal is None:
            raise forms.ValidationError(_("Vul een postcode in met 4 cijfers en 2 letters, zoals 3911 AB."))
        return normal

    def clean_huisnummer(self):
        # As the melding reads it: "12a" and "12-2" are number 12, and the address is known by its number.
        number, _suffix = split_house_number(self.cleaned_data["huisnummer"])
        if number is None:
            raise forms.ValidationError(_("Vul het huisnummer in, zoals 12 of 12a."))
        return number


# What each status means for the resident, and what comes next (B1).
STATUS_TEXT = {
    Status.ONTVANGEN: _("Wij hebben uw melding ontvangen."),
    Status.CONTACT_OPGENOMEN: _("Wij hebben contact met u gehad."),
    Status.GESPREK_GEPLAND: _("Er is een gesprek met u gepland."),
    Status.ONDERZOEK_AFGEROND: _("Het onderzoek is klaar."),
    Status.AANVRAAG_ONTVANGEN: _("Wij hebben uw aanvraag ontvangen."),
    Status.AFGEHANDELD: _("Uw melding is afgehandeld."),
    Status.INGETROKKEN: _("Uw melding is gestopt."),
    Status.DUBBEL: _("Wij kregen twee meldingen over dezelfde vraag."),
}
NEXT_STEP_TEXT = {
    Status.ONTVANGEN: _("Een medewerker neemt contact met u op."),
    Status.CONTACT_OPGENOMEN: _(
        "Wij praten met u over wat u nodig hebt. Daarna zoeken wij uit welke hulp past. "
        "Dan is het onderzoek klaar."
    ),
    Status.GESPREK_GEPLAND: _("Na het gesprek zoeken wij uit welke hulp past. Dan is het onderzoek klaar."),
    Status.ONDERZOEK_AFGEROND: _(
        "Wij hebben u een verslag gestuurd. Wilt u de hulp? Dan doet u een aanvraag. "
        "In het verslag staat hoe dat gaat."
    ),
    Status.AANVRAAG_ONTVANGEN: _(
        "Binnen 2 weken krijgt u een brief. Daarin staat of u de hulp krijgt. Die brief heet de beschikking."
    ),
    Status.AFGEHANDELD: _("Wij zijn klaar met deze melding. Hebt u later weer hulp nodig?"),  # + the link
    Status.INGETROKKEN: _("Wij doen niets meer met deze melding. Wilt u toch hulp?"),  # + a link to /melding/
    Status.DUBBEL: _("Wij gaan verder met een andere melding over dezelfde vraag. U hoeft niets te doen."),
}
# Afgehandeld after an aanvraag: the beschikking went out, and the resident may object to it (Awb art. 6:7).
# Its uitkomst is not told here: whoever knows the reference and the address may look.
DECIDED_TEXT = _(
    "Wij hebben u een brief gestuurd met ons besluit. Die brief heet de beschikking. "
    "Bent u het niet eens met het besluit? Dan kunt u binnen 6 weken bezwaar maken. "
    "In de brief staat hoe dat gaat."
)
SOMEONE_ELSE_DECIDED_TEXT = _(
    "Wij hebben {persoon} een brief gestuurd met ons besluit. Die brief heet de beschikking. "
    "Is {persoon} het niet eens met het besluit? Dan kan {persoon} binnen 6 weken bezwaar maken. "
    "In de brief staat hoe dat gaat."
)
# A melding made for someone else is looked up by its maker (a son, a mantelzorger, a professional). The
# gemeente calls the maker (as the confirmation says), but the gesprek, the help, the report and the aanvraag
# are the person's: "met u gepland" and "wat u nodig hebt" were about the wrong one.
SOMEONE_ELSE_STATUS_TEXT = {
    Status.GESPREK_GEPLAND: _("Er is een gesprek gepland."),
    Status.AANVRAAG_ONTVANGEN: _("Wij hebben de aanvraag ontvangen."),
}
SOMEONE_ELSE_NEXT_STEP_TEXT = {
    Status.CONTACT_OPGENOMEN: _(
        "Wij praten over de hulp die {persoon} nodig heeft. Daarna zoeken wij uit welke hulp past. "
        "Dan is het onderzoek klaar."
    ),
    Status.ONDERZOEK_AFGEROND: _(
        "Wij hebben {persoon} een verslag gestuurd. Wil {persoon} de hulp? Dan doet {persoon} een aanvraag. "
        "In het verslag staat hoe dat gaat."
    ),
    Status.AANVRAAG_ONTVANGEN: _(
        "Binnen 2 weken krijgt {persoon} een brief. Daarin staat of {persoon} de hulp krijgt. "
        "Die brief heet de beschikking."
    ),
    Status.AFGEHANDELD: _("Wij zijn klaar met deze melding. Is er later weer hulp nodig?"),
    Status.INGETROKKEN: _("Wij doen niets meer met deze melding. Is er toch hulp nodig?"),
}

# A planned gesprek whose moment has passed, the onderzoek not yet finished: it was. "Er is een gesprek met u
# gepland. Op maandag 26 oktober" read in December as one still to come.
HAD_GESPREK_TEXT = {Status.GESPREK_GEPLAND: _("U hebt een gesprek met ons gehad.")}
SOMEONE_ELSE_HAD_GESPREK_TEXT = {Status.GESPREK_GEPLAND: _("Het gesprek is geweest.")}

# Where the planned gesprek is, when the consulent chose it ("ergens anders" tells the resident nothing).
GESPREK_PLAATS_TEXT = {
    GesprekPlaats.THUIS: _("Bij u thuis."),
    GesprekPlaats.GEMEENTEHUIS: _("In het gemeentehuis."),
    GesprekPlaats.TELEFOON: _("Aan de telefoon. Wij bellen u."),
}
SOMEONE_ELSE_GESPREK_PLAATS_TEXT = {
    GesprekPlaats.THUIS: _("Bij {persoon} thuis."),
    GesprekPlaats.TELEFOON: _("Aan de telefoon."),
}


def _text(texts: dict, someone_else_texts: dict, key: str, voor_wie: str) -> str:
    """The text for `key` (a status, a place) as the person who made the melding reads it."""
    if voor_wie != "zelf" and key in someone_else_texts:
        return speak(someone_else_texts[key], voor_wie)
    return str(texts.get(key, ""))


# A double: the work goes on with the other melding, whoever made it. Its number is not told: whoever knows
# this melding's number and address would follow the other one, maybe of another flat at that house number.
DOUBLE_DONE_TEXT = _(
    "Wij zijn klaar met de andere melding over dezelfde vraag. Hebt u later weer hulp nodig?"
)


def _next_step(behandeling) -> str:
    status, voor_wie = behandeling.status, behandeling.melding.voor_wie
    if status == Status.DUBBEL and _other_closed(behandeling):
        return str(DOUBLE_DONE_TEXT)
    if status == Status.AFGEHANDELD and behandeling.aanvraag_at:
        return _text({status: DECIDED_TEXT}, {status: SOMEONE_ELSE_DECIDED_TEXT}, status, voor_wie)
    return _text(NEXT_STEP_TEXT, SOMEONE_ELSE_NEXT_STEP_TEXT, status, voor_wie)


def _other_closed(double) -> bool:
    """The melding a double went on with is closed (or gone): the work is over there too."""
    other = double.dubbel_van
    return other is None or other.status in CLOSED_STATUSES


ONDERZOEK_RUNNING = (Status.ONTVANGEN, Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND)


@dataclass(frozen=True)
class StatusView:
    reference: str
    status: str
    status_text: str
    changed_on: date
    next_step: str
    next_date: date | None
    late: bool = False  # the next step's day is past
    gesprek_op: datetime | None = None  # while the gesprek is planned
    gesprek_plaats: str = ""  # and where, in words, when it is known
    for_someone_else: bool = False
    offers_new_melding: bool = (
        False  # the melding is over without a beschikking: "Doe dan een nieuwe melding."
    )
    # The onderzoek is not finished within its term (Wmo 2015 art. 2.3.2): the resident may apply at once.
    onderzoek_late: bool = False
    # The beschikking is not given within its term: the resident may give notice of default (Awb art. 4:17).
    beschikking_late: bool = False


def find_status(reference: str, postcode: str, huisnummer: str) -> StatusView | None:
    """The status of the melding with this reference and address, or None (for any mismatch alike)."""
    token = address_token(postcode, huisnummer)
    if not token:
        return None
    behandeling = (
        Behandeling.objects.filter(
            melding__reference=reference,
            melding__personal_data_removed_at__isnull=True,
            address_index=token,
        )
        .select_related("melding")
        .first()
    )
    if behandeling is None:
        return None
    last_change = behandeling.statuswijzigingen.order_by("-at").values_list("at", flat=True).first()
    status, voor_wie = behandeling.status, behandeling.melding.voor_wie
    planned = status == Status.GESPREK_GEPLAND
    plaats = behandeling.gesprek_plaats if planned else ""
    next_date = behandeling.next_deadline
    changed_on = timezone.localdate(last_change or behandeling.melding.created_at)
    gesprek_day = timezone.localdate(behandeling.gesprek_op) if planned and behandeling.gesprek_op else None
    if next_date and gesprek_day and changed_on <= next_date < gesprek_day:
        # Planned before the term was over for a day after it (the consulent wrote why): the gesprek's day is
        # the next one. Planned once the term was over, the page goes on saying it is late.
        next_date = None
    had_gesprek = behandeling.gesprek_was  # and the onderzoek is not finished yet
    return StatusView(
        reference=behandeling.melding.reference,
        status=status,
        status_text=_text(
            HAD_GESPREK_TEXT if had_gesprek else STATUS_TEXT,
            SOMEONE_ELSE_HAD_GESPREK_TEXT if had_gesprek else SOMEONE_ELSE_STATUS_TEXT,
            status,
            voor_wie,
        ),
        changed_on=changed_on,
        next_step=_next_step(behandeling),
        next_date=next_date,
        late=next_date is not None and next_date < timezone.localdate(),
        gesprek_op=behandeling.gesprek_op if planned else None,
        gesprek_plaats=_text(GESPREK_PLAATS_TEXT, SOMEONE_ELSE_GESPREK_PLAATS_TEXT, plaats, voor_wie),
        for_someone_else=voor_wie != "zelf",
        offers_new_melding=status == Status.INGETROKKEN
        or (status == Status.AFGEHANDELD and not behandeling.aanvraag_at)
        or (status == Status.DUBBEL and _other_closed(behandeling)),
        onderzoek_late=status in ONDERZOEK_RUNNING and behandeling.onderzoek_deadline < timezone.localdate(),
        beschikking_late=status == Status.AANVRAAG_ONTVANGEN
        and behandeling.beschikking_deadline < timezone.localdate(),
    )


def _failed_too_often(request, reference: str) -> bool:
    limit = settings.MELDINGEN_STATUS_LOOKUP_LIMIT
    by_ip = attempts_so_far("melding-status", client_ip(request))
    by_reference = attempts_so_far("melding-status-reference", reference)
    return by_ip >= limit or by_reference >= limit


def _count_failure(request, reference: str) -> None:
    window = settings.MELDINGEN_RATE_LIMIT_WINDOW_SECONDS
    count_attempt("melding-status", client_ip(request), window)
    count_attempt("melding-status-reference", reference, window)


@never_cache
def melding_status(request):
    """The form is posted, so no address ever appears in a URL or an access log. Its answer is the page after
    a redirect, shown once: the back button and a reload never send the form again, and the back button on a
    shared computer does not show the status to the next person."""
    if request.method == "POST":
        form = StatusLookupForm(request.POST)
        if form.is_valid() and _failed_too_often(request, form.cleaned_data["reference"]):
            return render(request, "meldingen/status_te_vaak.html", status=429)
        keep_posted(request, LOOKUP_KEY, form)
        return redirect("melding_status")
    context = {"not_found": False, "result": None, "form": StatusLookupForm()}
    typed = take_posted(request, LOOKUP_KEY)
    if typed is not None:
        context["form"] = form = StatusLookupForm(typed)
        if form.is_valid():
            data = form.cleaned_data
            context["result"] = find_status(data["reference"], data["postcode"], data["huisnummer"])
            context["not_found"] = context["result"] is None
            if context["not_found"]:
                _count_failure(request, data["reference"])
    return render(request, "meldingen/status.html", context)
