"""The pages around the question pages: start, confirmation and PDF, save-and-continue, address lookup."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from . import ratelimit
from .address import FOUND, INVALID, NOT_FOUND, OUTSIDE, UNAVAILABLE, lookup_address
from .crypto import InvalidToken
from .dates import next_steps
from .emails import send_draft_link
from .forms import SaveForm, outside_message
from .models import Melding, MeldingDraft, hash_token
from .pdf import melding_pdf
from .wizard import CONFIRMED_KEY, SESSION_KEY, answers_from_session
from .wizard_storage import read_wizard_data, write_wizard_data


def start(request):
    in_progress = bool((read_wizard_data(request.session, SESSION_KEY) or {}).get("step_data"))
    return render(
        request,
        "meldingen/start.html",
        {
            "in_progress": in_progress,
            "contact_days": settings.MELDINGEN_CONTACT_WORKING_DAYS,
            "onderzoek_weeks": settings.MELDINGEN_ONDERZOEK_WEEKS,
        },
    )


def _confirmed_melding(request):
    confirmed = request.session.get(CONFIRMED_KEY)
    if not isinstance(confirmed, dict):
        return None
    return Melding.objects.filter(pk=confirmed.get("pk"), reference=confirmed.get("reference")).first()


def bevestiging(request):
    melding = _confirmed_melding(request)
    if melding is None:
        return redirect("meldingen:start")
    return render(
        request,
        "meldingen/bevestiging.html",
        {
            "melding": melding,
            "next": next_steps(melding),
            "email": melding.contact_email,
            "spoed_phone": settings.MELDINGEN_SPOED_PHONE,
        },
    )


def bevestiging_pdf(request):
    melding = _confirmed_melding(request)
    if melding is None:
        return redirect("meldingen:start")
    response = HttpResponse(melding_pdf(melding), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="melding-{melding.reference}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
def opslaan(request):
    """Save and continue later: the answers so far go into an encrypted draft; the link goes by e-mail."""
    data = read_wizard_data(request.session, SESSION_KEY)
    if not data or not data.get("step_data"):
        return render(request, "meldingen/sessie_verlopen.html")
    if request.method == "POST":
        form = SaveForm(request.POST)
        if form.is_valid():
            if not ratelimit.hit(request, "save"):
                return render(request, "meldingen/te_vaak.html", status=429)
            token = secrets.token_urlsafe(32)
            expires_at = timezone.now() + timedelta(days=settings.MELDINGEN_DRAFT_DAYS)
            draft = MeldingDraft(token_hash=hash_token(token), expires_at=expires_at)
            draft.data = {"wizard": data}
            draft.save()
            url = settings.SITE_URL + reverse("meldingen:verder", kwargs={"token": token})
            send_draft_link(form.cleaned_data["email"], url, timezone.localtime(expires_at))
            return render(
                request,
                "meldingen/bewaard.html",
                {"email": form.cleaned_data["email"], "expires_at": timezone.localtime(expires_at)},
            )
    else:
        form = SaveForm(initial={"email": answers_from_session(data).contact_email})
    back_url = reverse("meldingen:stap", kwargs={"step": data.get("step") or "voor-wie"})
    return render(request, "meldingen/opslaan.html", {"form": form, "back_url": back_url})


@require_http_methods(["GET", "POST"])
def verder(request, token):
    """The link from the e-mail. GET only asks; POST restores (mail scanners follow links with GET)."""
    draft = MeldingDraft.objects.for_token(token)
    if draft is None:
        return render(
            request, "meldingen/link_verlopen.html", {"draft_days": settings.MELDINGEN_DRAFT_DAYS}, status=410
        )
    if request.method == "POST":
        try:
            wizard = draft.data.get("wizard") or {}
        except InvalidToken:  # saved under a key that has since been removed
            return render(
                request,
                "meldingen/link_verlopen.html",
                {"draft_days": settings.MELDINGEN_DRAFT_DAYS},
                status=410,
            )
        wizard.setdefault("extra_data", {})["draft_id"] = draft.pk
        write_wizard_data(request.session, SESSION_KEY, wizard)
        request.session.pop(CONFIRMED_KEY, None)
        return redirect("meldingen:stap", step=wizard.get("step") or "voor-wie")
    return render(request, "meldingen/verder.html", {"expires_at": timezone.localtime(draft.expires_at)})


ADDRESS_MESSAGES = {
    FOUND: _("Wij hebben het adres gevonden. Kijk of de straat en woonplaats kloppen."),
    OUTSIDE: None,  # filled in per request: it names the municipality
    NOT_FOUND: _(
        "We vinden dit adres niet. Kijk of de postcode en het huisnummer kloppen, of vul de straat "
        "en woonplaats zelf in."
    ),
    UNAVAILABLE: _("Het adres opzoeken lukt nu niet. Vul de straat en woonplaats zelf in."),
    INVALID: _("Vul een postcode in zoals 3911 AB en een huisnummer zoals 12."),
}


def address_message(status: str) -> str:
    if status == OUTSIDE:
        return str(outside_message())
    return str(ADDRESS_MESSAGES.get(status, ""))


@require_GET
def adres(request):
    """JSON for the enhanced address fields; the form works the same without it."""
    result = lookup_address(
        request.GET.get("postcode", "")[:20],
        request.GET.get("huisnummer", "")[:10],
        request.GET.get("toevoeging", "")[:10],
    )
    response = JsonResponse(
        {
            "status": result.status,
            "straat": result.street,
            "woonplaats": result.town,
            "message": address_message(result.status),
        }
    )
    response["Cache-Control"] = "no-store"
    return response
