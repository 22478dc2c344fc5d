"""Signals: the form and "Mijn signalen" for providers and professionals, the page for the wijkteam."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.posted import post_only
from meldingen.backoffice import signalen
from meldingen.backoffice.access import meldingen_view, require_role
from meldingen.backoffice.forms import NoteForm, SignaalForm, SignaalStatusForm
from meldingen.backoffice.inbox import finished_signalen, open_meldingen_about
from meldingen.backoffice.models import AuditEntry, Signaal, SignaalNotitie
from meldingen.backoffice.roles import can_send_signaal, display_name

signaal_sender_view = require_role(can_send_signaal)


def _given_before(user, organisation: str) -> dict:
    """The sender's own number, and the organisation unless the kaart knows it, from their last signal."""
    initial = {"afzender_telefoon": signalen.phone_given_before(user)}
    if not organisation:
        initial["organisatie"] = signalen.organisation_given_before(user)
    return initial


@signaal_sender_view
def new(request):
    organisation = signalen.sender_organisation(request.user)
    form = SignaalForm(
        request.POST or None,
        ask_organisation=not organisation,
        initial=None if request.method == "POST" else _given_before(request.user, organisation),
    )
    if request.method == "POST" and form.is_valid():
        signaal = signalen.send(request.user, form.cleaned_data)
        sent = _(
            "Uw signaal is verstuurd. Het kenmerk is %(reference)s. "
            "Zet het kenmerk in het dossier van de cliënt."
        ) % {"reference": signaal.reference}
        by = {"datum": date_format(signaal.contact_deadline, "j F Y")}
        if form.cleaned_data.get("telefoon"):
            next_step = _("Het wijkteam belt de cliënt uiterlijk %(datum)s.") % by
        else:  # "belt de cliënt" promised a call to a number the team does not have
            next_step = _("Het wijkteam vraagt u uiterlijk %(datum)s hoe het de cliënt kan bereiken.") % by
        messages.success(request, f"{sent} {next_step}")
        return redirect("backoffice:signalen_verstuurd")
    return TemplateResponse(
        request,
        "backoffice/signaal_nieuw.html",
        {
            "form": form,
            "error_forms": [form] if form.errors else [],
            "has_errors": bool(form.errors),
            "working_days": Signaal.contact_deadline_for(timezone.localdate()),
            "organisation": organisation,
            "page_title": _("Signaal over een cliënt"),
            "header_icon": "warning",
        },
        status=400 if form.errors else 200,
    )


@signaal_sender_view
def sent(request):
    """The sender's own signals, with the status only: no names, no notes of the wijkteam. What the sender
    said plays tells them apart (a kenmerk alone did not), and the wijkteam it went to, with its e-mail
    address: a walk's praktijkondersteuner could not tell whom to ask about one."""
    fields = (
        "reference",
        "status",
        "consulent",
        "contact_deadline",
        "contacted_at",
        "created_at",
        "updated_at",
        "onderwerpen",
        "team__name",
        "team__mailbox",
    )
    queryset = Signaal.objects.sent_by(request.user).select_related("team").only(*fields)
    page = Paginator(queryset.order_by("-created_at"), 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "backoffice/signalen_verstuurd.html",
        {
            "page_obj": page,
            "query_string": "",
            "page_title": _("Mijn signalen"),
            "header_icon": "list-ul",
        },
    )


@meldingen_view
def finished(request):
    """The wijkteam's finished signals, which the inbox no longer lists."""
    page = Paginator(finished_signalen(request.user), 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "backoffice/signalen_afgerond.html",
        {"page_obj": page, "page_title": _("Afgeronde signalen"), "header_icon": "list-ul"},
    )


def _signaal_for(request, pk):
    return get_object_or_404(
        Signaal.objects.visible_to(request.user).select_related("team", "wijk", "sender", "consulent"), pk=pk
    )


@meldingen_view
def detail(request, pk):
    return _render_detail(request, _signaal_for(request, pk))


def _render_detail(request, signaal, form=None, status=200, note_form=None):
    """The signal's page; `form` (the status) and `note_form` as posted when they were refused."""
    form = form or SignaalStatusForm(initial={"status": signaal.status})
    AuditEntry.record(request.user, None, AuditEntry.Action.SIGNAAL_VIEWED, reference=signaal.reference)
    return TemplateResponse(
        request,
        "backoffice/signaal.html",
        {
            "signaal": signaal,
            "data": signaal.data,
            "onderwerpen": signalen.onderwerp_labels(signaal),
            "history": signalen.history(signaal),
            "form": form,
            "note_form": note_form or NoteForm(),
            "can_take": signalen.can_take(request.user, signaal),
            "meldingen_about": open_meldingen_about(request.user, signaal),
            "error_forms": [each for each in (form, note_form) if each and each.errors],
            "has_errors": bool(form.errors or (note_form and note_form.errors)),
            "today": timezone.localdate(),
            "page_title": _("Signaal"),
            "page_subtitle": signaal.reference,
            "header_icon": "warning",
        },
        status=status,
    )


def signaal_page(pk) -> str:
    return reverse("backoffice:signaal", args=[pk])


@post_only(signaal_page)
@meldingen_view
def change_status(request, pk):
    signaal = _signaal_for(request, pk)
    form = SignaalStatusForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, signaal, form, status=400)
    changed = signalen.change_status(signaal, request.user, form.cleaned_data["status"])
    status = {"status": signaal.get_status_display()}
    if changed:
        messages.success(request, _("De status is nu: %(status)s.") % status)
    else:
        messages.info(request, _("De status was al: %(status)s.") % status)
    return redirect("backoffice:signaal", pk=signaal.pk)


@post_only(signaal_page)
@meldingen_view
def take(request, pk):
    """ "Neem in behandeling": a walk found no way to say who calls the client, so two colleagues could."""
    signaal = _signaal_for(request, pk)
    if signaal.consulent_id == request.user.pk:  # a second click
        messages.success(request, _("U behandelt dit signaal al."))
    elif not signalen.can_take(request.user, signaal):
        messages.error(request, _("U kunt dit signaal niet zelf in behandeling nemen."))
    elif signalen.take(signaal, request.user):
        messages.success(request, _("U behandelt dit signaal nu."))
    else:
        who = display_name(signaal.consulent) if signaal.consulent else _("niemand")
        messages.error(request, _("Het signaal is net genomen door %(who)s.") % {"who": who})
    return redirect("backoffice:signaal", pk=signaal.pk)


@post_only(signaal_page)
@meldingen_view
def add_note(request, pk):
    """A note of the wijkteam on the signal; refused (and kept as typed) when empty or too long."""
    signaal = _signaal_for(request, pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, signaal, status=400, note_form=form)
    SignaalNotitie.add(signaal, request.user, form.cleaned_data["text"])
    messages.success(request, _("De notitie is opgeslagen."))
    return redirect("backoffice:signaal", pk=signaal.pk)
