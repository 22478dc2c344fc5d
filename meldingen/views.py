"""The pages around the question pages: start, confirmation and PDF, save-and-continue, address lookup."""

from datetime import datetime

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from . import confirmation, drafts, ratelimit
from .address import lookup_address
from .crypto import InvalidToken, decrypt_json, encrypt_json
from .dates import contact_working_days
from .emails import send_draft_link, writer_name
from .forms import SaveForm, address_message
from .pdf import melding_pdf
from .steps import STEP_BY_SLUG, STEPS
from .wizard import SESSION_KEY, answers_from_session
from .wizard_storage import read_wizard_data, write_wizard_data

SAVED_KEY = "melding_bewaard"  # the "bewaard" page's e-mail address and date, encrypted in the session


def start(request):
    wizard_data = read_wizard_data(request.session, SESSION_KEY) or {}
    # "Ga verder" goes to the page the resident was on (it sends them back to an earlier one still to do):
    # it started again at step 1, and three pages had to be passed again.
    step = wizard_data.get("step")
    return render(
        request,
        "meldingen/start.html",
        {
            "in_progress": bool(wizard_data.get("step_data")),
            "continue_step": step if step in STEP_BY_SLUG else STEPS[0].slug,
            "contact_days": settings.MELDINGEN_CONTACT_WORKING_DAYS,
            "spoed_days": contact_working_days(spoed=True),
            "onderzoek_weeks": settings.MELDINGEN_ONDERZOEK_WEEKS,
        },
    )


def bevestiging(request):
    melding = confirmation.confirmed_melding(request)
    if melding is None:
        return redirect("meldingen:start")
    return render(
        request,
        "meldingen/bevestiging.html",
        {
            "melding": melding,
            **confirmation.what_happens_next(melding),
            "email": melding.contact_email,
        },
    )


def bevestiging_pdf(request):
    melding = confirmation.confirmed_melding(request)
    if melding is None:
        return redirect("meldingen:start")
    response = HttpResponse(melding_pdf(melding), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="melding-{melding.reference}.pdf"'
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
            drafts.remember_email(data, form.cleaned_data["email"])
            try:
                token, expires_at = drafts.save_draft(data)
            except drafts.AlreadySent as sent:
                write_wizard_data(request.session, SESSION_KEY, {})
                return drafts.render_sent(request, sent.melding)
            write_wizard_data(request.session, SESSION_KEY, data)  # it now knows its draft
            url = settings.SITE_URL + reverse("meldingen:verder", kwargs={"token": token})
            name = writer_name(answers_from_session(data))
            send_draft_link(form.cleaned_data["email"], url, timezone.localtime(expires_at), name=name)
            saved = {"email": form.cleaned_data["email"], "expires_at": expires_at.isoformat()}
            request.session[SAVED_KEY] = encrypt_json(saved)
            # A page of its own: a reload or the back button sends no second e-mail, whose new link would
            # make the first one stop working.
            return redirect("meldingen:bewaard")
    else:
        form = SaveForm(initial={"email": answers_from_session(data).contact_email})
    back_url = reverse("meldingen:stap", kwargs={"step": data.get("step") or "voor-wie"})
    return render(request, "meldingen/opslaan.html", {"form": form, "back_url": back_url})


def bewaard(request):
    """Where the link went and until when it works, as saved last in this browser."""
    try:
        saved = decrypt_json(request.session.get(SAVED_KEY, ""))
    except (InvalidToken, ValueError, TypeError):
        return redirect("meldingen:start")
    data = read_wizard_data(request.session, SESSION_KEY) or {}
    return render(
        request,
        "meldingen/bewaard.html",
        {
            "email": saved["email"],
            "expires_at": timezone.localtime(datetime.fromisoformat(saved["expires_at"])),
            "step": data.get("step") or "voor-wie",  # "Toch nu verdergaan": where the resident was
        },
    )


@require_http_methods(["GET", "POST"])
def verder(request, token):
    """The link from the e-mail. GET only asks; POST restores (mail scanners follow links with GET)."""
    state = drafts.link_state(token)
    if state.status == drafts.SENT:
        return drafts.render_sent(request, state.melding)
    if state.status == drafts.USED:
        if request.method == "POST" and "nieuwe_link" in request.POST:
            return _send_a_new_link(request, state.draft)
        return _link_used(request, state.draft)
    if state.status == drafts.REPLACED:
        return _link_replaced(request, state.draft)
    if state.status == drafts.GONE:
        return _link_gone(request)
    if request.method == "POST":
        if step := _step_in_this_browser(request, state.draft):
            drafts.redeem(state.draft)  # used; this browser keeps what was typed after the save
            return redirect("meldingen:stap", step=step)
        wizard = drafts.redeem(state.draft)
        if wizard is None:  # another browser was just faster, or saved under a key since removed
            if drafts.link_state(token).status == drafts.USED:
                return _link_used(request, state.draft)
            return _link_gone(request)
        write_wizard_data(request.session, SESSION_KEY, wizard)
        confirmation.forget(request)
        return redirect("meldingen:stap", step=wizard.get("step") or "voor-wie")
    return render(
        request, "meldingen/verder.html", {"expires_at": timezone.localtime(state.draft.expires_at)}
    )


def _step_in_this_browser(request, draft) -> str | None:
    """Where this browser is in the draft's answers, when it holds them (it saved them, or used a link)."""
    here = read_wizard_data(request.session, SESSION_KEY) or {}
    if here.get("step_data") and here.get("extra_data", {}).get(drafts.DRAFT_KEY) == draft.key:
        return here.get("step") or "voor-wie"
    return None


def _link_used(request, draft):
    """The link works once; opened again in the browser that holds the draft's answers, it goes on there."""
    if step := _step_in_this_browser(request, draft):
        return redirect("meldingen:stap", step=step)
    context = {"can_send": bool(drafts.saved_email(draft))}  # saved before the address was kept: no
    return render(request, "meldingen/link_gebruikt.html", context, status=410)


def _link_replaced(request, draft):
    """A newer link went out (saved again, or asked for anew): in the browser that holds the answers this one
    still goes on there; elsewhere it says to use the newest e-mail. A second click on "Stuur mij een nieuwe
    link" lands here too, and sends nothing more."""
    if step := _step_in_this_browser(request, draft):
        return redirect("meldingen:stap", step=step)
    if request.method == "POST" and "nieuwe_link" in request.POST:
        return redirect("meldingen:nieuwe_link")
    return render(request, "meldingen/link_vervangen.html", status=410)


def _send_a_new_link(request, draft):
    """The link was used in a browser that may be closed since, its answers with it (a walk: a phone's mail
    app opened it, and the answers were out of reach). A new link goes to the address the first one went to,
    never to another (the page does not name it), with the answers as they were saved."""
    email = drafts.saved_email(draft)
    if not email:
        return _link_gone(request)
    if not ratelimit.hit(request, "save"):
        return render(request, "meldingen/te_vaak.html", status=429)
    token = drafts.new_link(draft)
    if token:  # else a parallel click sent it
        url = settings.SITE_URL + reverse("meldingen:verder", kwargs={"token": token})
        name = writer_name(answers_from_session(draft.data.get("wizard") or {}))
        send_draft_link(email, url, timezone.localtime(draft.expires_at), name=name)
    return redirect("meldingen:nieuwe_link")  # a reload sends no second e-mail, which would stop this link


def nieuwe_link(request):
    return render(request, "meldingen/nieuwe_link.html")


def _link_gone(request):
    return render(
        request, "meldingen/link_verlopen.html", {"draft_days": settings.MELDINGEN_DRAFT_DAYS}, status=410
    )


def _voor_wie(request) -> str:
    """Who the melding in this session is for, as typed so far: the address messages speak to them."""
    return answers_from_session(read_wizard_data(request.session, SESSION_KEY)).voor_wie


@require_POST
def adres(request):
    """JSON for the enhanced address fields; the form works the same without it. The address comes in the
    body of a POST: a query string would put it in every access log."""
    result = lookup_address(
        request.POST.get("postcode", "")[:20],
        request.POST.get("huisnummer", "")[:10],
        request.POST.get("toevoeging", "")[:10],
    )
    response = JsonResponse(
        {
            "status": result.status,
            "straat": result.street,
            "woonplaats": result.town,
            "message": address_message(result, _voor_wie(request)),
        }
    )
    return response
