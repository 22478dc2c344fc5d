"""The gesprek's own actions on a melding's page: record a voorziening of the kaart as discussed or referred
to (or take one recorded by mistake away), and record the outcome of the nazorg call in one click."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages as admin_messages

from core.posted import post_only
from core.templatetags.core_tags import datum
from meldingen.backoffice import kaart
from meldingen.backoffice.access import meldingen_view
from meldingen.backoffice.forms import NIET_BEREIKT, NazorgForm, VerwijzingForm
from meldingen.backoffice.models import Nazorg, Verwijzing
from meldingen.backoffice.views import (
    OutOfReach,
    behandeling_for,
    melding_page,
    render_detail,
    says_out_of_reach,
)


def _back(request, behandeling):
    """Back to where the click came from: the inbox (nazorg due) or the melding's page."""
    if request.POST.get("terug") == "inbox":
        return redirect("backoffice:inbox")
    return redirect("backoffice:melding", pk=behandeling.pk)


def _to_the_kaart(behandeling):
    """Back to the kaart's section of the melding's page, where what was recorded now stands: at the page's
    top, a consulent on a phone scrolled past the whole melding again for the next one."""
    return redirect(reverse("backoffice:melding", args=[behandeling.pk]) + "#kaart-heading")


@post_only(melding_page)
@meldingen_view
@says_out_of_reach
def add_verwijzing(request, pk):
    behandeling = behandeling_for(request, pk)
    form = VerwijzingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Dat ging niet goed. Kies een voorziening uit de lijst."))
        return _to_the_kaart(behandeling)
    try:
        verwijzing = kaart.record(
            behandeling.melding,
            request.user,
            str(form.cleaned_data["voorziening"]),
            form.cleaned_data["soort"],
        )
    except kaart.NotASuggestion:
        messages.error(request, _("Deze voorziening past niet bij deze melding. Kies er een uit de lijst."))
        return _to_the_kaart(behandeling)
    except kaart.SearchUnavailable:
        # Not "past niet": a suggestion just shown was refused while the search did not answer (a review).
        messages.error(
            request,
            _(
                "Dit is nog niet vastgelegd: de sociale kaart kan nu niet zoeken. "
                "Probeer het over een paar minuten opnieuw."
            ),
        )
        return _to_the_kaart(behandeling)
    except kaart.AlreadyRecorded as recorded:
        messages.info(
            request,
            _("Dit was al vastgelegd: %(soort)s %(name)s.")
            % {
                "soort": recorded.verwijzing.get_soort_display().lower(),
                "name": recorded.verwijzing.voorziening_name,
            },
        )
        return _to_the_kaart(behandeling)
    messages.success(
        request,
        _("Vastgelegd: %(soort)s %(name)s.")
        % {"soort": verwijzing.get_soort_display().lower(), "name": verwijzing.voorziening_name},
    )
    return _to_the_kaart(behandeling)


@post_only(melding_page)
@meldingen_view
@says_out_of_reach
def remove_verwijzing(request, pk, verwijzing_pk):
    behandeling = behandeling_for(request, pk)
    try:
        verwijzing = kaart.remove(behandeling.melding, request.user, verwijzing_pk)
    except Verwijzing.DoesNotExist:
        messages.info(request, _("Dit was al weggehaald."))
    else:
        messages.success(
            request,
            _("Weggehaald: %(soort)s %(name)s. Klopt dat niet? Leg het dan opnieuw vast.")
            % {"soort": verwijzing.get_soort_display().lower(), "name": verwijzing.voorziening_name},
        )
    return _to_the_kaart(behandeling)


def _too_soon(nazorg) -> str:
    if not nazorg.help_started:
        return _("De hulp start pas op %(datum)s. Leg het nazorggesprek vast als u na die dag belt.") % {
            "datum": datum(nazorg.start_ondersteuning)
        }
    return _(
        "Het nazorggesprek is op %(due)s. Dan weet de inwoner of de hulp goed gaat. "
        "U kunt het vastleggen vanaf %(from)s."
    ) % {"due": datum(nazorg.due_date), "from": datum(nazorg.call_from)}


# Opened, to the inbox, where the calls due stand too: finding the call's melding would read the call before
# the access check.
@post_only(lambda pk: reverse("backoffice:inbox"))
@meldingen_view
@says_out_of_reach
def record_nazorg(request, pk):
    nazorg = (
        Nazorg.objects.visible_to(request.user).select_related("behandeling__melding").filter(pk=pk).first()
    )
    if nazorg is None:  # the audit log names the melding of a nazorg outside the user's reach
        raise OutOfReach(Nazorg.objects.filter(pk=pk).values_list("behandeling_id", flat=True).first())
    form = NazorgForm(request.POST)
    # Too long, or a BSN: the melding's page with the note as typed, never cut off.
    if "notitie" in form.errors:
        note = (request.POST.get("notitie", ""), " ".join(form.errors["notitie"]))
        return render_detail(request, nazorg.behandeling, nazorg_note=note, status=400)
    if not form.is_valid():
        messages.error(request, _("Kies tevreden of niet tevreden."))
        return _back(request, nazorg.behandeling)
    if nazorg.done_at is not None:
        messages.info(request, _("Het nazorggesprek was al vastgelegd."))
        return _back(request, nazorg.behandeling)
    if not nazorg.may_be_called:
        messages.error(request, _too_soon(nazorg))
        return _back(request, nazorg.behandeling)
    if form.cleaned_data["uitkomst"] == NIET_BEREIKT:
        nazorg.record_not_reached(request.user, form.cleaned_data["notitie"])
        messages.info(
            request,
            _(
                "Vastgelegd: %(reference)s niet bereikt. "
                "Het nazorggesprek blijft bij de gesprekken om te bellen."
            )
            % {"reference": nazorg.behandeling.melding.reference},
        )
        return _back(request, nazorg.behandeling)
    nazorg.record(request.user, form.cleaned_data["uitkomst"], form.cleaned_data["notitie"])
    recorded = _("Nazorg vastgelegd bij %(reference)s: %(uitkomst)s.") % {
        "reference": nazorg.behandeling.melding.reference,
        "uitkomst": nazorg.get_uitkomst_display().lower(),
    }
    buttons = None
    if request.POST.get("terug") == "inbox":  # the call leaves the list: where a wrong button is put right
        recorded += " " + _("Verkeerde knop gekozen? Verbeter het op de melding.")
        melding_url = reverse("backoffice:melding", args=[nazorg.behandeling_id])
        buttons = [admin_messages.button(melding_url, _("Naar de melding"), new_window=False)]
    admin_messages.success(request, recorded, buttons=buttons)
    return _back(request, nazorg.behandeling)
