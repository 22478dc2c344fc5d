"""The backoffice pages inside the Wagtail admin: inbox, a melding's page and its actions, deliveries."""

from collections.abc import Callable
from datetime import datetime, time
from functools import wraps
from typing import NamedTuple

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.fragments import jinja2_fragment
from core.out_of_reach import out_of_reach_page
from core.posted import post_only
from core.spreadsheet import Sheet, sheet_download
from core.templatetags.core_tags import datum
from meldingen.backoffice import kaart
from meldingen.backoffice.access import delivery_view, meldingen_view
from meldingen.backoffice.forms import (
    AssignForm,
    ExtensionForm,
    InboxFilterForm,
    NazorgCorrectionForm,
    NoteForm,
    StatusForm,
    keeps_spoed,
)
from meldingen.backoffice.inbox import (
    InboxPaginator,
    calls_not_reached_per_melding,
    filtered,
    filters_signals,
    finished_signalen,
    is_address,
    nazorg_due,
    only_row_columns,
    open_at_the_same_address,
    open_signalen,
    open_signalen_about,
    open_with_the_same_name,
    postcode_without_number,
    searched_reference,
    signalen_found,
    status_counts,
)
from meldingen.backoffice.models import AuditEntry, Behandeling, Nazorg, Verwijzing, when_and_where
from meldingen.backoffice.roles import display_name, may_take
from meldingen.backoffice.routing import wijk_for
from meldingen.backoffice.timeline import timeline
from meldingen.backoffice.verslag import verslag_context
from meldingen.backoffice.workflow import CLOSED_STATUSES, OtherMeldingBusy, Status, TransitionNotAllowed
from meldingen.choices import ONDERWERPEN
from meldingen.dates import next_steps
from meldingen.delivery.models import DeliveryJob
from meldingen.delivery.tasks import retry_now

PER_PAGE = 25


# The text searched for (often a resident's name) is posted and kept in the session, never in the URL:
# access logs keep query strings. "?zoek=1" says the list is filtered on it.
SEARCH_SESSION_KEY = "backoffice_inbox_search"
# The inbox's filters as last used (codes only, no searched text): a melding's page leads back to them.
LIST_SESSION_KEY = "backoffice_inbox_query"
RESULTS_ANCHOR = "#results-heading"  # the list's heading in backoffice/inbox.html ("12 meldingen gevonden")


def _filter_data(request):
    data = request.GET.copy()
    data.pop("q", None)
    if data.pop("zoek", None):
        data["q"] = request.session.get(SEARCH_SESSION_KEY, "")
    return data


def _search_posted(request):
    """The filter form, posted: remember the search text and show the list with the filters in the URL."""
    text = (request.POST.get("q") or "")[:100].strip()
    query = QueryDict(mutable=True)
    for name in InboxFilterForm.base_fields:
        if name != "q" and request.POST.get(name):
            query[name] = request.POST[name][:100]
    if text:
        request.session[SEARCH_SESSION_KEY] = text
        query["zoek"] = "1"
    else:
        request.session.pop(SEARCH_SESSION_KEY, None)
    # To the list itself: on a phone the filters above it fill the first 1,400 px.
    query_part = f"?{query.urlencode()}" if query else ""
    return redirect(f"{reverse('backoffice:inbox')}{query_part}{RESULTS_ANCHOR}")


def _inbox_queryset(request):
    """The filtered inbox; a filter with a bad value is left out (the form says so), never a 500."""
    data = _filter_data(request)
    form = InboxFilterForm(data or None, user=request.user)
    if form.is_bound:
        form.is_valid()
    return form, filtered(request.user, getattr(form, "cleaned_data", {}))


@meldingen_view
def inbox(request):
    if request.method == "POST":
        return _search_posted(request)
    form, queryset = _inbox_queryset(request)
    page = InboxPaginator(only_row_columns(queryset), PER_PAGE).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    query.pop("q", None)
    query_string = query.urlencode()
    if request.session.get(LIST_SESSION_KEY, "") != query_string:  # written only when it changes
        request.session[LIST_SESSION_KEY] = query_string
    today = timezone.localdate()
    filters, searched = getattr(form, "cleaned_data", {}), _searched_text(form)
    signalen, signalen_total = open_signalen(request.user, filters)
    found_signalen, found_total = signalen_found(request.user, searched)
    # A whole reference, with no other filter, searched all of the user's meldingen (inbox.filtered).
    reference = None if form.active_filters else searched_reference(searched)
    search_closed_too = "" if reference else _search_closed_too(form, query)
    return TemplateResponse(
        request,
        "backoffice/inbox.html",
        {
            "form": form,
            "page_obj": page,
            "counts": status_counts(request.user),
            "signalen": signalen,
            "signalen_total": signalen_total,
            "signalen_filtered": filters_signals(filters),
            # The link to the finished signals: asked of the database only when no signal is open.
            "has_finished_signalen": not signalen and finished_signalen(request.user).exists(),
            "signalen_found": found_signalen,
            "signalen_found_total": found_total,
            # The lists with a form or a row per item are Jinja2 fragments, see core/fragments.py.
            "nazorg_due_html": _nazorg_due_html(request, today),
            "rows_html": jinja2_fragment(
                "backoffice/inbox_rows.html",
                # The status of each row from one dict, not through the model field's choices each time.
                {
                    "page_obj": page,
                    "not_reached": calls_not_reached_per_melding(page),
                    "today": today,
                    "now": timezone.now(),  # a gesprek weeks past read as to come: the row says it was
                    "status_labels": dict(Status.choices),
                    "onderwerp_labels": dict(ONDERWERPEN),
                },
                request,
            ),
            "query_string": query_string,
            "searched_reference": reference,
            "postcode_without_number": postcode_without_number(searched),
            "searched_address": is_address(searched),
            "sees_every_team": request.user.has_perm("backoffice.view_all_meldingen"),
            "search_closed_too": search_closed_too,
            "closed_found": _closed_found(request.user, form, page) if search_closed_too else 0,
            "found_without_filters": _found_without_filters(request.user, form, page),
            "page_title": _("Meldingen"),
            "header_icon": "mail",
        },
    )


def _searched_text(form) -> str:
    return getattr(form, "cleaned_data", {}).get("q") or ""


def _closed_found(user, form, page) -> int:
    """How many closed meldingen a search of the open ones finds too: "jansen" of a closed melding was told
    to type a whole name, which it was; and a resident's closed melding stood nowhere beside her open one."""
    return filtered(user, {**form.cleaned_data, "status": "alle"}).count() - page.paginator.count


def _found_without_filters(user, form, page) -> str:
    """A search that finds nothing beside other filters: the same search without them, when that finds
    one. A walk's teamleider searched "de Vries" with "Alleen te laat" still on, and read that a part of a
    name finds nothing."""
    searched = _searched_text(form)
    if page.paginator.count or not searched or not form.active_filters:
        return ""
    # The text searched stays in the session ("zoek"): a name never stands in a URL.
    return f"?zoek=1{RESULTS_ANCHOR}" if filtered(user, {"q": searched}).exists() else ""


def _search_closed_too(form, query) -> str:
    """A text searched in the open meldingen: the link that searches the closed ones too (a reference read out
    on the phone is often of one that is closed, a resident's history stands there); empty otherwise."""
    data = getattr(form, "cleaned_data", {})
    if not data.get("q") or data.get("status"):
        return ""
    query = query.copy()
    query["status"] = "alle"
    return "?" + query.urlencode()


def _nazorg_due_html(request, today):
    calls, more = nazorg_due(request.user, today)
    context = {"nazorg_due": calls, "more": more, "today": today}
    return jinja2_fragment("backoffice/nazorg_due.html", context, request)


@meldingen_view
def inbox_csv(request):
    """The filtered list without the residents' names, addresses or answers: reference, soort and onderwerpen
    (as the list shows them), team and consulent, status, deadlines."""
    _form, queryset = _inbox_queryset(request)
    sheet = Sheet(
        [
            "kenmerk",
            "ontvangen",
            "soort",
            "onderwerpen",
            "spoed",
            "wijk",
            "wijkteam",
            "consulent",
            "status",
            "termijn",
            "termijn voor",
            "te laat",
            "onderzoek afgerond op",
        ]
    )
    today, onderwerpen = timezone.localdate(), dict(ONDERWERPEN)
    AuditEntry.record(
        request.user, None, AuditEntry.Action.EXPORTED, f"lijst als CSV, {queryset.count()} meldingen"
    )
    for item in only_row_columns(queryset):
        sheet.row(
            [
                item.melding.reference,
                _local_date(item.melding.created_at),
                item.melding.soort,
                # As the list shows them (a walk's teamleider missed them in the export).
                # "; ": a label holds commas ("Eten, koken of boodschappen").
                "; ".join(str(onderwerpen.get(code, code)) for code in item.melding.onderwerpen or ()),
                "ja" if item.melding.spoed else "nee",
                item.melding.wijk.name if item.melding.wijk_id else "",
                item.team.name if item.team_id else "",
                display_name(item.consulent) if item.consulent_id else "",
                item.get_status_display(),
                *_term_columns(item, today),
                _local_date(item.onderzoek_afgerond_at),
            ]
        )
    return sheet_download(sheet, "meldingen.csv")


def _local_date(moment) -> str:
    return timezone.localtime(moment).date().isoformat() if moment else ""


def _term_columns(item, today) -> list[str]:
    """The term as the inbox shows it: the running one, or once no term runs the beschikking's or else the
    onderzoek's (late when it was given or finished after its term); none for a melding withdrawn before
    that."""
    if item.next_deadline is not None:
        kind = {"contact": "eerste contact"}.get(item.deadline_kind, item.deadline_kind)
        return [item.next_deadline.isoformat(), kind, "ja" if item.is_overdue(today) else "nee"]
    days_late = item.beschikking_days_late
    if days_late is not None:
        return [item.beschikking_deadline.isoformat(), "beschikking (gegeven)", "ja" if days_late else "nee"]
    days_late = item.onderzoek_days_late
    if days_late is None:
        return ["", "", "nee"]
    return [item.onderzoek_deadline.isoformat(), "onderzoek (afgerond)", "ja" if days_late else "nee"]


def melding_page(pk, **_others) -> str:
    """Where the forms on a melding's page go back to when their address is opened (core.posted.post_only)."""
    return reverse("backoffice:melding", args=[pk])


class OutOfReach(Http404):
    """The melding is not among the user's: not there, or moved to another team while its page was open."""

    def __init__(self, behandeling_pk=None):
        super().__init__()
        self.behandeling_pk = behandeling_pk


# The free texts of the melding page's forms: kept on the page that says the melding is out of reach.
TYPED_FIELDS = ("text", "toelichting", "reden", "notitie")


def behandeling_for(request, pk, for_update: bool = False):
    queryset = Behandeling.objects.visible_to(request.user).select_related(
        "melding", "melding__wijk", "team", "consulent"
    )
    if for_update:  # the case's own row only: a melding without a team or consulent joins empty rows
        queryset = queryset.select_for_update(of=("self",))
    try:
        return queryset.get(pk=pk)
    except Behandeling.DoesNotExist:
        raise OutOfReach(pk) from None


def _log_refused(user, pk) -> None:
    """A melding that exists but is not the user's, asked for anyway: the audit log says who tried (a walk's
    teamleider found a consulent's attempt on another team's melding nowhere). Written after the view's own
    transaction was rolled back, so it stays."""
    refused = Behandeling.objects.filter(pk=pk).select_related("melding").first() if pk else None
    if refused is not None:
        AuditEntry.record(user, refused.melding, AuditEntry.Action.ACCESS_REFUSED)


def says_out_of_reach(view):
    """A melding out of reach gets a page that says why, with what was typed: moved to another team while a
    consulent typed a note, the note was lost on Wagtail's "Error 404"."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except OutOfReach as refused:
            _log_refused(request.user, refused.behandeling_pk)
            return out_of_reach_page(
                request,
                TYPED_FIELDS,
                title=_("Melding niet gevonden"),
                message=_(
                    "Deze melding kunt u niet openen. Misschien hoort ze nu bij een ander wijkteam. "
                    "Vraag het dan uw teamleider."
                ),
                back=(_inbox_url(request), _("Terug naar de lijst")),
            )

    return wrapper


@meldingen_view
@says_out_of_reach
def melding_detail(request, pk):
    behandeling = behandeling_for(request, pk)
    return render_detail(request, behandeling)


def _inbox_url(request) -> str:
    """The inbox with the filters the consulent last used."""
    query = request.session.get(LIST_SESSION_KEY, "")
    return f"{reverse('backoffice:inbox')}?{query}" if query else reverse("backoffice:inbox")


def render_detail(
    request,
    behandeling,
    status_form=None,
    assign_form=None,
    note_form=None,
    nazorg_form=None,
    withdrawal=None,
    status=200,
    nazorg_note=None,
    extension_form=None,
    verslag_form=None,
):
    """The melding's page; `withdrawal`: the toelichting of a withdrawal to confirm; `nazorg_form`: a
    correction of the nazorg call (NazorgCorrectionForm); `nazorg_note`: a nazorg call's note refused, as
    (text, error), shown in its form again."""
    melding = behandeling.melding
    nazorg = getattr(behandeling, "nazorg", None)
    typed_note, note_error = nazorg_note or ("", "")
    answers = melding.typed_answers if melding.encrypted_answers else None  # None once retention removed them
    sections = melding.summary_sections(staff=True) if answers else []
    AuditEntry.record(request.user, melding, AuditEntry.Action.VIEWED)
    can_assign = request.user.has_perm("backoffice.assign_meldingen")
    verwijzingen = list(melding.verwijzingen.select_related("user"))
    thema_names = kaart.thema_names()
    # A double's work went on at the other melding, which its page links to: nobody to agree on who calls.
    same_address = [] if behandeling.dubbel_van else open_at_the_same_address(request.user, behandeling)
    given = (status_form, assign_form, note_form, nazorg_form, extension_form, verslag_form)
    forms = [form for form in given if form is not None and form.errors]
    recorded = behandeling.recorded_once(RECORDED_ONCE_ACTIONS)
    today = timezone.localdate()
    context = {
        "behandeling": behandeling,
        "melding": melding,
        "sections": sections,
        # At the top, for the call that comes first: it stood in three sections, far down on a phone.
        "to_call": answers.to_call if answers else None,
        # Beside it, as among the answers: a walk's consulent read "'s avonds" where she calls from.
        "to_call_outside_hours": bool(answers) and bool(answers.call_time_outside_hours),
        # Made by someone else: who the help is for stood only far down, in the answers (a walk).
        "resident": (answers.resident_name, answers.age(today))
        if answers and answers.for_someone_else
        else None,
        "spoed_reden": answers.step("spoed").text("toelichting") if answers else "",
        "tolk": answers.tolk if answers else "",  # for the first call as well as for the gesprek
        "clientondersteuner": melding.asks_for_clientondersteuner,
        # Someone else made it, or the resident's own short melding held no health data: the gesprek asks.
        "ask_health_consent": bool(answers) and not answers.health_consent_given,
        "timeline": timeline(behandeling, verwijzingen, thema_names),
        "jobs": behandeling.melding.delivery_jobs.select_related("target").prefetch_related("attempt_log"),
        "status_form": status_form or _status_form(request, behandeling, melding, same_address, recorded),
        "assign_form": (
            assign_form or AssignForm(initial={"team": behandeling.team, "consulent": behandeling.consulent})
        )
        if can_assign
        else None,
        "note_form": note_form or NoteForm(),
        **verslag_context(behandeling, verslag_form),
        "extension_form": extension_form or ExtensionForm(behandeling=behandeling),
        **_kaart_parts(melding),
        "thema_names": thema_names,
        "verwijzingen": verwijzingen,
        "recorded": _recorded_soorten(verwijzingen),
        "verwijzing_soorten": Verwijzing.Soort.choices,
        "nazorg": nazorg,
        "nazorg_form_html": jinja2_fragment(
            "backoffice/nazorg_form.html",
            {"item": nazorg, "terug": "melding", "typed": typed_note, "error": note_error},
            request,
        )
        if nazorg is not None and nazorg.done_at is None and nazorg.may_be_called
        else "",
        "nazorg_correction_form": (nazorg_form or NazorgCorrectionForm(current=nazorg.uitkomst))
        if nazorg is not None and nazorg.done_at is not None
        else None,
        "withdrawal": withdrawal,
        "has_errors": bool(forms),
        "error_forms": forms,
        "can_retry": request.user.has_perm("backoffice.manage_delivery"),
        "can_take": _can_take(request.user, behandeling),
        "same_address": same_address,
        "same_name": []
        if behandeling.dubbel_van
        else open_with_the_same_name(request.user, behandeling, same_address),
        "signalen_about": open_signalen_about(request.user, behandeling),
        "doubles": list(
            Behandeling.objects.visible_to(request.user)
            .filter(dubbel_van=behandeling)
            .select_related("melding")
        ),
        "calls_not_reached": list(behandeling.calls_not_reached()),
        "recorded_once": {name: recorded.get(step.action) for name, step in RECORDED_ONCE.items()},
        "once_open": {name: not _why_not(step, behandeling) for name, step in RECORDED_ONCE.items()},
        "persoonlijk_plan_by": next_steps(melding).persoonlijk_plan_by,
        "today": today,
        "inbox_url": _inbox_url(request),
        "page_title": _("Melding"),
        "page_subtitle": melding.reference,  # kept whole on its line, see backoffice.css
        "header_icon": "doc-full",
    }
    return TemplateResponse(request, "backoffice/melding.html", context, status=status)


def _status_form(request, behandeling, melding, same_address, recorded) -> StatusForm:
    """The status form as the page first shows it: a double is most often of the one other open melding for
    the same address, which stands above it."""
    other = same_address[0] if len(same_address) == 1 else None
    if other and not keeps_spoed(behandeling, other):
        other = None  # refused as the one a spoed melding goes on with
    double_of = {"andere_melding": other.melding.reference} if other else None
    return StatusForm(initial=double_of, **_status_form_kwargs(request, behandeling, melding, recorded))


def _status_form_kwargs(request, behandeling, melding=None, recorded=None) -> dict:
    """With the melding whose answers the page shows, a gesprek not yet planned starts at the place the
    resident asked for ("Waar wilt u het gesprek?"). A double is one of the other meldingen the user sees."""
    wish = melding.typed_answers.step("gesprek").text("plek") if melding and melding.encrypted_answers else ""
    return {
        "current": behandeling.status,
        "received_at": behandeling.melding.created_at,
        "term": behandeling.onderzoek_deadline,
        "gesprek_op": behandeling.gesprek_op,
        "gesprek_plaats": behandeling.gesprek_plaats or wish,
        "plan_until": _plan_may_still_come(behandeling, recorded),
        "uitkomst": behandeling.uitkomst,
        "aanvraag": behandeling.aanvraag_at is not None,
        "last_step": behandeling.statuswijzigingen.select_related("user").order_by("-pk").first(),
        "this": behandeling,
        "others": Behandeling.objects.visible_to(request.user).exclude(pk=behandeling.pk),
    }


@post_only(melding_page)
@meldingen_view
@says_out_of_reach
def change_status(request, pk):
    # One save at a time per melding: its case row (Behandeling) stays locked from reading the last step (the
    # form's check of what the page showed, "gezien") to writing the new one, so of two colleagues who save
    # at once the second is told what the first did. Both passed the check before, and both steps were kept.
    with transaction.atomic():
        behandeling = behandeling_for(request, pk, for_update=True)
        outcome = _change_status(request, behandeling)
    # The page again (a refusal, or a withdrawal to confirm) is made once the row is let go.
    return render_detail(request, behandeling, **outcome) if isinstance(outcome, dict) else outcome


def _kaart_parts(melding) -> dict:
    """The kaart's suggestions on the melding's page (kaart.suggestions_in_parts), and whether they are of a
    wijk (else of the whole municipality); none without answers."""
    if not melding.encrypted_answers:
        return {"suggestion_parts": [], "kaart_nothing_for": []}
    by_words, first, second, nothing_for = kaart.suggestions_in_parts(melding)
    about = bool(melding.onderwerpen)
    headings = (
        _("Bij wat de melder schreef"),
        _("Bij de onderwerpen van de melding") if about else _("Cliëntondersteuning"),
        _("Andere hulp die erbij past") if about else _("Andere hulp in de wijk"),
    )
    parts = zip(headings, (by_words, first, second), strict=True)
    return {
        "suggestion_parts": [(heading, items) for heading, items in parts if items],
        "kaart_by_words": bool(by_words),
        "kaart_answers": kaart.onderwerpen_answered(melding, first),
        "kaart_in_tolk_language": kaart.in_the_tolks_language(melding, [*by_words, *first, *second]),
        "kaart_nothing_for": nothing_for,
        "kaart_in_wijk": wijk_for(melding) is not None,
        # A walk's consulent read "Wat het dichtst bij is, staat bovenaan" above the Voedselbank at 1.3 km
        # after help at 2.3 km: help only for other groups or ages comes after the rest (kaart._fitting).
        "kaart_age_known": kaart.resident_age(melding) is not None,
    }


def _plan_may_still_come(behandeling, recorded=None):
    """The last day the resident may still send a persoonlijk plan; None once that day is past or it came in.
    `recorded`: the steps recorded once, when the page read them already (Behandeling.recorded_once)."""
    until = next_steps(behandeling.melding).persoonlijk_plan_by
    if recorded is None:
        recorded = behandeling.recorded_once((AuditEntry.Action.PLAN_RECEIVED,))
    return None if until < timezone.localdate() or AuditEntry.Action.PLAN_RECEIVED in recorded else until


def _change_status(request, behandeling):
    """The redirect after a step taken, or what the melding's page shows again (render_detail's arguments)."""
    consent = RECORDED_ONCE["toestemming_gezondheid"]
    consent_given = bool(request.POST.get(StatusForm.CONSENT_AND_SAVE)) and not _why_not(consent, behandeling)
    form = StatusForm(request.POST, consent_given=consent_given, **_status_form_kwargs(request, behandeling))
    if not form.is_valid():
        return {"status_form": form, "status": 400}
    if form.withdraws_unconfirmed():  # it cannot be undone: asked once more, at the top of the page
        return {"withdrawal": form.cleaned_data["toelichting"]}
    happened = _moment_it_happened(behandeling, form.day_it_happened())
    try:
        change = behandeling.change_status(
            form.cleaned_data["status"],
            request.user,
            form.cleaned_data["toelichting"],
            at=happened,
            recorded_at=timezone.now() if happened else None,
            uitkomst=form.cleaned_data.get("uitkomst", ""),
            start_ondersteuning=form.cleaned_data.get("start_ondersteuning"),
            gesprek_op=form.cleaned_data.get("gesprek_op"),
            gesprek_plaats=form.cleaned_data.get("gesprek_plaats", ""),
            verslag_verstuurd=form.cleaned_data.get("verslag_verstuurd", False),
            dubbel_van=form.cleaned_data.get("dubbel_van"),
        )
    except TransitionNotAllowed:
        form.add_error("status", _("Deze stap is nu niet mogelijk. Kies een status uit de lijst."))
        return {"status_form": form, "status": 400}
    except OtherMeldingBusy:
        busy = _("Een collega slaat melding %(reference)s op dit moment op. Probeer het zo nog een keer.")
        form.add_error(
            "andere_melding", busy % {"reference": form.cleaned_data["dubbel_van"].melding.reference}
        )
        return {"status_form": form, "status": 409}
    if change.moves_gesprek:
        done = _("Het gesprek is verplaatst naar %(moment)s.") % {"moment": change.gesprek_when_and_where()}
    elif change.corrects_uitkomst:
        done = _("De uitkomst is nu: %(uitkomst)s.") % {"uitkomst": change.get_uitkomst_display()}
    elif behandeling.dubbel_van:
        done = _("De status is nu: %(status)s. Het werk gaat verder bij %(reference)s.") % {
            "status": Status(behandeling.status).label,
            "reference": behandeling.dubbel_van.melding.reference,
        }
    elif change.gesprek_op:
        done = _("De status is nu: %(status)s, op %(moment)s.") % {
            "status": Status(behandeling.status).label,
            "moment": change.gesprek_when_and_where(),
        }
    else:
        done = _("De status is nu: %(status)s.") % {"status": Status(behandeling.status).label}
    if consent_given:  # with the status it was given for, not when the status is refused
        behandeling.record_once(request.user, consent.action)
        done = f"{done} {_('De toestemming van de inwoner is vastgelegd.')}"
    if behandeling.consulent_id is None and _can_take(request.user, behandeling):
        # Whoever takes a step with a melding nobody has, has it: "Consulent: Niemand" stayed after a contact.
        _take_into_hands(request.user, behandeling)
        done = f"{done} {_('U behandelt deze melding nu.')}"
    messages.success(request, done)
    if _gesprek_left_planned(behandeling, change):
        # A walk finished the onderzoek before a planned home visit, and nothing said to call it off. Not a
        # question whether the resident knows: another's gesprek had been earlier, as she had just written.
        moment = when_and_where(behandeling.gesprek_op, behandeling.gesprek_plaats)
        cancel = _(
            "Het gesprek op %(moment)s staat niet meer gepland. "
            "Was het gesprek nog niet? Laat de inwoner dan weten dat het niet doorgaat."
        )
        messages.warning(request, cancel % {"moment": moment})
    return redirect("backoffice:melding", pk=behandeling.pk)


def _gesprek_left_planned(behandeling, change) -> bool:
    """The step ended the melding's wait for a gesprek still to come: the onderzoek finished, or the melding
    closed, before it."""
    left = change.from_status == Status.GESPREK_GEPLAND != change.to_status
    return left and behandeling.gesprek_op is not None and behandeling.gesprek_op > timezone.now()


def _moment_it_happened(behandeling, day):
    """A contact, onderzoek or aanvraag on an earlier day counts on that day: at noon, or at the melding's
    receipt on its own day, so the timeline keeps its order. None (now) when it happened today."""
    if day is None:
        return None
    noon = timezone.make_aware(datetime.combine(day, time(12)))
    return max(noon, behandeling.melding.created_at)


@post_only(melding_page)
@meldingen_view
@says_out_of_reach
def assign(request, pk):
    if not request.user.has_perm("backoffice.assign_meldingen"):
        raise PermissionDenied
    behandeling = behandeling_for(request, pk)
    form = AssignForm(request.POST)
    if not form.is_valid():
        return render_detail(request, behandeling, assign_form=form, status=400)
    if (form.cleaned_data["team"], form.cleaned_data["consulent"]) == (
        behandeling.team,
        behandeling.consulent,
    ):
        # A walk: the same choice again stood twice in the timeline and the audit log.
        messages.info(request, _("Er is niets veranderd: de melding stond al zo."))
        return redirect("backoffice:melding", pk=behandeling.pk)
    with transaction.atomic():
        behandeling.team = form.cleaned_data["team"]
        behandeling.consulent = form.cleaned_data["consulent"]
        behandeling.save(update_fields=["team", "consulent", "updated_at"])
        AuditEntry.record(
            request.user, behandeling.melding, AuditEntry.Action.ASSIGNED, _assignment(behandeling)
        )
    messages.success(request, _("De melding is toegewezen."))
    return redirect("backoffice:melding", pk=behandeling.pk)


def _assignment(behandeling, taken: bool = False) -> str:
    """The audit log's words for an assignment, as a teamleider reads them."""
    who = _person(behandeling.consulent) if behandeling.consulent else _("niemand")
    text = _("Wijkteam: %(team)s. Consulent: %(who)s.") % {"team": behandeling.team or _("geen"), "who": who}
    return f"{text} {_('Zelf in behandeling genomen.')}" if taken else text


def _person(user) -> str:
    """ "Sanne de Vries (consulent-centrum)": the name colleagues know, and the login that stays the same."""
    name = user.get_full_name()
    return f"{name} ({user.get_username()})" if name else user.get_username()


def _can_take(user, behandeling) -> bool:
    """A consulent may take an open melding of their own team (or one without a team) into their hands."""
    return behandeling.status not in CLOSED_STATUSES and may_take(user, behandeling)


@post_only(melding_page)
@meldingen_view
@says_out_of_reach
def take(request, pk):
    """ "Neem in behandeling": the consulent assigns the melding to themselves, logged like any assignment."""
    behandeling = behandeling_for(request, pk)
    if behandeling.consulent_id == request.user.pk:  # given to them meanwhile, or a second click
        messages.success(request, _("U behandelt deze melding al."))
        return redirect("backoffice:melding", pk=behandeling.pk)
    if not _can_take(request.user, behandeling):
        messages.error(request, _("U kunt deze melding niet zelf in behandeling nemen."))
        return redirect("backoffice:melding", pk=behandeling.pk)
    _take_into_hands(request.user, behandeling)
    messages.success(request, _("U behandelt deze melding nu."))
    return redirect("backoffice:melding", pk=behandeling.pk)


def _take_into_hands(user, behandeling) -> None:
    with transaction.atomic():
        behandeling.consulent = user
        behandeling.save(update_fields=["consulent", "updated_at"])
        AuditEntry.record(
            user, behandeling.melding, AuditEntry.Action.ASSIGNED, _assignment(behandeling, taken=True)
        )


@post_only(melding_page)
@meldingen_view
@says_out_of_reach
def add_note(request, pk):
    behandeling = behandeling_for(request, pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return render_detail(request, behandeling, note_form=form, status=400)
    from meldingen.backoffice.models import Notitie

    Notitie.add(behandeling, request.user, form.cleaned_data["text"])
    messages.success(request, _("De notitie is opgeslagen."))
    return redirect("backoffice:melding", pk=behandeling.pk)


@post_only(melding_page)
@meldingen_view
@says_out_of_reach
def extend_term(request, pk):
    """The onderzoek takes longer, with the resident's consent (Behandeling.extend_onderzoek)."""
    with transaction.atomic():
        behandeling = behandeling_for(request, pk, for_update=True)
        form = ExtensionForm(request.POST, behandeling=behandeling)
        if form.has_error("tot", "already"):
            messages.info(request, form.errors["tot"][0])
            return redirect("backoffice:melding", pk=behandeling.pk)
        if not behandeling.can_extend_onderzoek:
            messages.error(request, behandeling.why_not_extendable)
            return redirect("backoffice:melding", pk=behandeling.pk)
        if form.is_valid():
            behandeling.extend_onderzoek(request.user, form.cleaned_data["tot"], form.cleaned_data["reden"])
    if not form.is_valid():
        return render_detail(request, behandeling, extension_form=form, status=400)
    messages.success(
        request,
        _("Het onderzoek moet nu uiterlijk op %(tot)s klaar zijn.")
        % {"tot": datum(behandeling.onderzoek_deadline)},
    )
    return redirect("backoffice:melding", pk=behandeling.pk)


@post_only(melding_page)
@meldingen_view
@says_out_of_reach
def not_reached(request, pk):
    """A walk: a first call nobody answered could only be a note, and the inbox did not show it was tried."""
    behandeling = behandeling_for(request, pk)
    if behandeling.status != Status.ONTVANGEN:  # contact made, or the melding closed without it
        messages.error(request, _("Dit kan alleen voor het eerste contact. Schrijf het in een notitie."))
    elif behandeling.record_not_reached(request.user):
        messages.success(
            request,
            _("Vastgelegd: u belde en bereikte niemand. %(next)s") % {"next": _call_again(behandeling)},
        )
    else:
        messages.info(request, _("Dit was al vastgelegd."))  # a second click within a minute
    return redirect("backoffice:melding", pk=behandeling.pk)


def _call_again(behandeling) -> str:
    """What to do after a call nobody answered: a walk's consulent read "Bel later nog eens." of a son who
    wrote he could only be called after 18.00, outside the loket's hours."""
    melding = behandeling.melding
    if not melding.encrypted_answers or not melding.typed_answers.call_time_outside_hours:
        return str(_("Bel later nog eens."))
    # Not the words nor the address themselves: a message may travel in a cookie, signed but readable.
    said = _("De melder kan alleen buiten de beltijden van het loket gebeld worden. Kijk bij Bereikbaar.")
    if melding.contact_email:
        return f"{said} " + _("Mail de melder om een moment af te spreken.")
    return f"{said} " + _("Spreek met uw team af wie op die tijd belt, of stuur een brief.")


class OnceStep(NamedTuple):
    """A step the consulent records once: its audit action, what the page then says, why it cannot be
    recorded for a melding now ("" when it can; the page offers its button only then), and the path of its
    button (urls.py; "<path>/terugdraaien/" takes it back)."""

    action: str
    done: str
    refusal: Callable
    path: str


def _why_not(once: OnceStep, behandeling) -> str:
    """Why the step cannot be recorded for this melding now; "" when it can."""
    if behandeling.status in CLOSED_STATUSES:
        return _("Deze melding is gesloten. Schrijf het in een notitie.")
    return once.refusal(behandeling)


def _plan_refusal(behandeling) -> str:
    # A walk: after the onderzoek the row still waited for the plan, with its button.
    return (
        _("Het onderzoek is al afgerond. Schrijf het in een notitie.")
        if behandeling.onderzoek_afgerond_at
        else ""
    )


def _clientondersteuner_refusal(behandeling) -> str:
    if behandeling.melding.asks_for_clientondersteuner:
        return ""
    return _("In deze melding is niet om een cliëntondersteuner gevraagd.")


def _consent_refusal(behandeling) -> str:
    melding = behandeling.melding
    if melding.encrypted_answers and melding.typed_answers.health_consent_given:
        return _("De inwoner deed deze melding zelf en gaf daarbij toestemming.")
    if behandeling.status == Status.ONTVANGEN:  # a walk recorded it before anyone spoke to the resident
        return _("Spreek eerst met de inwoner. Leg daarna de toestemming vast.")
    return ""


def _temporary_help_refusal(behandeling) -> str:
    if not behandeling.melding.spoed:
        return _("Deze melding is geen spoed.")
    if behandeling.onderzoek_afgerond_at:
        return _("Het onderzoek is al afgerond. Schrijf het in een notitie.")
    return ""


# The steps recorded once (Behandeling.record_once), by the name their URL gives them.
RECORDED_ONCE = {
    # A walk: a consulent could not tell before the gesprek whether the resident had sent a persoonlijk plan,
    # which the confirmation asks for within 7 days and the gesprek is to discuss.
    "persoonlijk_plan": OnceStep(
        AuditEntry.Action.PLAN_RECEIVED,
        _lazy("Vastgelegd: het persoonlijk plan is ontvangen. Bespreek het in het gesprek."),
        _plan_refusal,
        "persoonlijk-plan",
    ),
    # A walk: the confirmation promises to put the resident in touch with one; nobody could see it was done.
    "clientondersteuner": OnceStep(
        AuditEntry.Action.SUPPORT_ARRANGED,
        _lazy("Vastgelegd: de inwoner is in contact met een cliëntondersteuner."),
        _clientondersteuner_refusal,
        "clientondersteuner",
    ),
    # A walk: the page asks the consulent to ask the resident's own consent for the health data of a melding
    # someone else made, and nothing recorded that it was given.
    "toestemming_gezondheid": OnceStep(
        AuditEntry.Action.HEALTH_CONSENT,
        _lazy("Vastgelegd: de inwoner gaf toestemming voor de gegevens over de gezondheid."),
        _consent_refusal,
        "toestemming-gezondheid",
    ),
    # A walk: the resident who says it is urgent reads "Dan regelen wij tijdelijke hulp", the law asks it
    # while the onderzoek runs (Wmo 2015 art. 2.3.3), and the page neither said so nor recorded it.
    "tijdelijke_hulp": OnceStep(
        AuditEntry.Action.TEMPORARY_HELP,
        _lazy("Vastgelegd: er is tijdelijke hulp geregeld."),
        _temporary_help_refusal,
        "tijdelijke-hulp",
    ),
}
RECORDED_ONCE_ACTIONS = tuple(step.action for step in RECORDED_ONCE.values())


@post_only(melding_page)
@meldingen_view
@says_out_of_reach
def record_once(request, pk, step):
    once = RECORDED_ONCE[step]
    with transaction.atomic():  # the case's row locked: two clicks, or two colleagues, record it once
        behandeling = behandeling_for(request, pk, for_update=True)
        if refusal := _why_not(once, behandeling):
            messages.error(request, refusal)
        elif behandeling.record_once(request.user, once.action):
            messages.success(request, once.done)
        else:
            messages.info(request, _("Dit was al vastgelegd."))  # a second click, or a colleague before
    return redirect("backoffice:melding", pk=behandeling.pk)


@post_only(melding_page)
@meldingen_view
@says_out_of_reach
def undo_once(request, pk, step):
    once = RECORDED_ONCE[step]
    with transaction.atomic():
        behandeling = behandeling_for(request, pk, for_update=True)
        # Only what could be recorded again: a persoonlijk plan taken back after the onderzoek stayed gone.
        if refusal := _why_not(once, behandeling):
            messages.error(request, refusal)
        elif behandeling.undo_once(request.user, once.action):
            messages.success(request, _("Teruggedraaid: het staat niet meer vastgelegd."))
        else:
            messages.info(request, _("Dit stond al niet meer vastgelegd."))  # a second click, or a colleague
    return redirect("backoffice:melding", pk=behandeling.pk)


def _recorded_soorten(verwijzingen) -> dict[str, set[str]]:
    """Per suggested voorziening (its id as the kaart gives it) the soorten recorded for it, which its row
    shows instead of their buttons."""
    recorded: dict[str, set[str]] = {}
    for verwijzing in verwijzingen:
        recorded.setdefault(str(verwijzing.voorziening_id), set()).add(verwijzing.soort)
    return recorded


@post_only(melding_page)
@meldingen_view
@says_out_of_reach
def correct_nazorg(request, pk):
    behandeling = behandeling_for(request, pk)
    nazorg = get_object_or_404(Nazorg, behandeling=behandeling, done_at__isnull=False)
    form = NazorgCorrectionForm(request.POST, current=nazorg.uitkomst)
    if not form.is_valid():
        return render_detail(request, behandeling, nazorg_form=form, status=400)
    nazorg.correct(request.user, form.new_uitkomst(), form.cleaned_data["reden"])
    if nazorg.done_at is not None:
        said = _("Nazorg verbeterd: %(uitkomst)s.") % {"uitkomst": nazorg.get_uitkomst_display().lower()}
    elif nazorg.is_due():
        said = _("Nazorg verbeterd: het gesprek staat weer bij de gesprekken om te bellen.")
    else:  # not due yet: it is not in the inbox's list until its day
        said = _("Nazorg verbeterd: het gesprek staat weer open. Bellen op %(datum)s.") % {
            "datum": datum(nazorg.due_date)
        }
    messages.success(request, said)
    return redirect("backoffice:melding", pk=behandeling.pk)


@delivery_view
def deliveries(request):
    state = request.GET.get("state", "")
    jobs = DeliveryJob.objects.select_related("melding", "target").order_by("-created_at")
    if state in DeliveryJob.State.values:
        jobs = jobs.filter(state=state)
    else:
        jobs = jobs.undelivered()
        state = ""
    page = Paginator(jobs, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "backoffice/deliveries.html",
        {
            "page_obj": page,
            "state": state,
            "states": DeliveryJob.State.choices,
            "query_string": f"state={state}" if state else "",
            "page_title": _("Bezorging van meldingen"),
            "header_icon": "resubmit",
        },
    )


@post_only(lambda job_pk: reverse("backoffice:deliveries"))
@delivery_view
def retry_delivery(request, job_pk):
    job = get_object_or_404(DeliveryJob.objects.select_related("melding"), pk=job_pk)
    if job.state == DeliveryJob.State.DELIVERED:
        messages.info(request, _("Deze melding is al bezorgd."))
    else:
        retry_now(job)
        AuditEntry.record(request.user, job.melding, AuditEntry.Action.DELIVERY_RETRIED, job.target.name)
        messages.success(request, _("We proberen het nu opnieuw."))
    next_url = request.POST.get("next", "")
    if next_url.startswith("/admin/") and "//" not in next_url:
        return redirect(next_url)
    return redirect("backoffice:deliveries")
