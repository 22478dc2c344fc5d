"""Writing the verslag of the onderzoek on a melding's page, and its letter as a PDF to send the resident."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_safe

from core.posted import post_only
from meldingen.backoffice import verslag
from meldingen.backoffice.access import meldingen_view
from meldingen.backoffice.forms import VerslagForm
from meldingen.backoffice.models import AuditEntry, Verslag
from meldingen.backoffice.views import behandeling_for, melding_page, render_detail, says_out_of_reach

SAVED = _lazy("Het verslag is opgeslagen. Maak de brief en stuur die naar de inwoner.")
SAVED_AFTER_SENDING = _lazy(
    "Het verslag is veranderd. De versie die de inwoner kreeg, blijft bewaard. Maak de nieuwe brief en stuur "
    "die naar de inwoner. Kies daarna 'Brief verstuurd'."
)
FIRST_SENT_WITH_THE_STATUS = _lazy("Leg het versturen vast bij Status wijzigen: kies 'Onderzoek afgerond'.")
NEWER_VERSION = _lazy("Er is intussen een nieuwere versie van het verslag. Maak daarvan de brief.")


@post_only(melding_page)
@meldingen_view
@says_out_of_reach
def write(request, pk):
    form = VerslagForm(request.POST)
    if not form.is_valid():  # what was typed comes back with the message, never cut off
        return render_detail(request, behandeling_for(request, pk), verslag_form=form, status=400)
    with transaction.atomic():  # the case's row locked: "Brief verstuurd" waits for a version being written
        behandeling = behandeling_for(request, pk, for_update=True)
        saved = verslag.latest(behandeling)
        if not behandeling.melding.encrypted_answers:
            messages.error(
                request, _("De gegevens van deze melding zijn verwijderd. Er kan geen verslag bij.")
            )
        elif saved is not None and saved.encrypted_text and saved.text == form.cleaned_data["verslag"]:
            messages.info(request, _("Dit verslag was al opgeslagen."))  # a second click keeps one version
        else:
            Verslag.add(behandeling, request.user, form.cleaned_data["verslag"])
            sent = saved is not None and (saved.sent_at or verslag.sent_before(behandeling, saved))
            messages.success(request, SAVED_AFTER_SENDING if sent else SAVED)
    return redirect(reverse("backoffice:melding", args=[behandeling.pk]) + "#verslag-heading")


@post_only(melding_page)
@meldingen_view
@says_out_of_reach
def sent(request, pk):
    """ "Brief verstuurd": the version the page showed (posted as `versie`) went to the resident; audited, and
    in the timeline. Refused when another version was saved since: the consulent sent the letter she made."""
    with transaction.atomic():  # the case's row locked, as `write` locks it
        behandeling = behandeling_for(request, pk, for_update=True)
        shown = behandeling.verslagen.filter(pk=_int_or_none(request.POST.get("versie"))).first()
        newest = verslag.latest(behandeling)
        if shown is not None and shown.sent_at is not None:
            messages.info(request, _("Dit was al vastgelegd."))  # a second click
        elif behandeling.onderzoek_afgerond_at is None:
            messages.error(request, FIRST_SENT_WITH_THE_STATUS)
        elif shown is None or shown != newest or not verslag.may_record_sent(behandeling, shown):
            messages.error(request, NEWER_VERSION)
        else:
            Verslag.objects.filter(pk=shown.pk).update(sent_at=timezone.now())
            AuditEntry.record(request.user, behandeling.melding, AuditEntry.Action.REPORT_SENT)
            messages.success(request, _("Vastgelegd: de inwoner kreeg de brief met dit verslag."))
    return redirect(reverse("backoffice:melding", args=[behandeling.pk]) + "#verslag-heading")


def _int_or_none(value) -> int | None:
    return int(value) if str(value or "").isdigit() else None


@require_safe
@meldingen_view
@says_out_of_reach
def letter(request, pk):
    behandeling = behandeling_for(request, pk)
    latest = verslag.latest(behandeling)
    if latest is None or not latest.encrypted_text or not behandeling.melding.encrypted_answers:
        raise Http404("no verslag")
    AuditEntry.record(request.user, behandeling.melding, AuditEntry.Action.EXPORTED, _("Verslag als brief"))
    response = HttpResponse(verslag.letter_pdf(behandeling, latest), content_type="application/pdf")
    name = f"verslag-{behandeling.melding.reference}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
