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
    "die naar de inwoner. Kies daarna 'Nieuwe brief verstuurd'."
)

FIRST_SENT_WITH_THE_STATUS = _lazy("Leg het versturen vast bij Status wijzigen: kies 'Onderzoek afgerond'.")


@post_only(melding_page)
@meldingen_view
@says_out_of_reach
def write(request, pk):
    behandeling = behandeling_for(request, pk)
    form = VerslagForm(request.POST)
    if not form.is_valid():  # what was typed comes back with the message, never cut off
        return render_detail(request, behandeling, verslag_form=form, status=400)
    saved = verslag.latest(behandeling)
    if not behandeling.melding.encrypted_answers:
        messages.error(request, _("De gegevens van deze melding zijn verwijderd. Er kan geen verslag bij."))
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
    """ "Nieuwe brief verstuurd": the latest version went to the resident, after an earlier one did (the first
    is recorded with "Onderzoek afgerond"); audited, and in the timeline."""
    behandeling = behandeling_for(request, pk)
    with transaction.atomic():
        saved = behandeling.verslagen.select_for_update().order_by("created_at", "pk").last()
        if saved is not None and saved.sent_at is not None:
            messages.info(request, _("Dit was al vastgelegd."))  # a second click
        elif saved is None or verslag.sent_before(behandeling, saved) is None:
            messages.error(
                request, _("Leg het versturen vast bij Status wijzigen: kies 'Onderzoek afgerond'.")
            )
        else:
            Verslag.objects.filter(pk=saved.pk).update(sent_at=timezone.now())
            AuditEntry.record(request.user, behandeling.melding, AuditEntry.Action.REPORT_SENT)
            messages.success(request, _("Vastgelegd: de inwoner kreeg de nieuwe brief."))
    return redirect(reverse("backoffice:melding", args=[behandeling.pk]) + "#verslag-heading")


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
