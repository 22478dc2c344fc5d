"""The portal in the Wagtail admin: the begrippenlijst as snippets, the report of readers' feedback, and what
an editor is told when a page goes to the eindredactie or is published."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Q
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.page_cache import serve_from_page_cache
from portal.begrippen import Begrip, check_with_the_begrippen
from portal.models import PortalPage
from socialekaart.models import Voorziening

# Whole pages for anonymous visitors from the cache. Order 1: inside Wagtail's own check of view
# restrictions, which must come first.
hooks.register("on_serve_page", serve_from_page_cache, order=1)


class BegripViewSet(SnippetViewSet):
    model = Begrip
    icon = "openquote"
    menu_label = _("Begrippenlijst")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["term", "uitleg"]
    search_fields = ["term", "uitleg"]


register_snippet(BegripViewSet)


def can_read_feedback(user) -> bool:
    """Readers' feedback is for those who write the pages: not for providers, consulenten or others."""
    return user.has_perm("wagtailadmin.access_admin") and user_has_any_page_permission(user)


class _FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return can_read_feedback(request.user)


class FeedbackReportView(ReportView):
    """Per page: how many readers found it useful or not, and their latest remark."""

    page_title = _("Was deze informatie nuttig?")
    header_icon = "help"
    index_url_name = "portal_feedback_report"
    index_results_url_name = "portal_feedback_report_results"
    list_export = ["title", "ja", "nee", "remarks"]
    export_headings = {"title": _("Pagina"), "ja": _("Ja"), "nee": _("Nee"), "remarks": _("Opmerkingen")}
    columns = [
        TitleColumn(
            "title",
            label=_("Pagina"),
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
        ),
        NumberColumn("ja", label=_("Ja")),
        NumberColumn("nee", label=_("Nee")),
        NumberColumn("remarks", label=_("Opmerkingen")),
        Column("last_feedback", label=_("Laatste reactie")),
    ]

    def get_queryset(self):
        return (
            Page.objects.filter(portal_feedback__isnull=False)
            .annotate(
                ja=Count("portal_feedback", filter=Q(portal_feedback__useful=True)),
                nee=Count("portal_feedback", filter=Q(portal_feedback__useful=False)),
                remarks=Count("portal_feedback", filter=~Q(portal_feedback__remark="")),
                last_feedback=Max("portal_feedback__created_at"),
            )
            .order_by("-nee", "-ja")
        )

    def dispatch(self, request, *args, **kwargs):
        if not can_read_feedback(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


@hooks.register("register_admin_urls")
def feedback_report_urls():
    return [
        path("reports/nuttig/", FeedbackReportView.as_view(), name="portal_feedback_report"),
        path(
            "reports/nuttig/results/",
            FeedbackReportView.as_view(results_only=True),
            name="portal_feedback_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def feedback_report_menu_item():
    return _FeedbackMenuItem(
        _("Was deze informatie nuttig?"), reverse("portal_feedback_report"), icon_name="help", order=1000
    )


# Wagtail's guides are about editing pages. A consulent or a provider got a Help menu marked "2 nieuwe items"
# with "Wat is nieuw in Wagtail 8.0" and the editor's guide, about a tool they do not use. Wagtail's release
# notes, in English, are for nobody who edits this site (a walk's editor read them as the site's news).
RELEASE_NOTES = "whats-new-in-wagtail-"
WAGTAIL_GUIDES = ("editor-guide", RELEASE_NOTES)


@hooks.register("construct_help_menu")
def wagtails_guide_for_page_editors_only(request, menu_items):
    hidden = RELEASE_NOTES if user_has_any_page_permission(request.user) else WAGTAIL_GUIDES
    menu_items[:] = [item for item in menu_items if not item.name.startswith(hidden)]


@hooks.register("after_edit_page")
@hooks.register("after_create_page")  # a new page sent on before it was ever saved went without a word
def warn_when_saved_below_b1(request, page):
    """A page sent to the eindredactie (Wagtail's "action-submit"), or saved as a draft, while the taalcheck
    finds it not yet B1: the editor hears it at once, not only the eindredacteur later, nor only who opens
    the Taalcheck tab (a walk saved a sentence of 75 words and read "Pagina ... is gewijzigd."). Publishing
    and the review's own steps are the eindredactie's, which the Taalcheck tab serves. The check advises; it
    stops nothing."""
    if not request.accepts("text/html"):  # Wagtail's autosave, every half second while typing
        return
    specific = page.specific
    sent_on = bool(request.POST.get("action-submit"))
    draft = not any(key.startswith("action-") for key in request.POST)
    if not (sent_on or draft) or not isinstance(specific, PortalPage):
        return
    if check_with_the_begrippen(specific.taalcheck_text()).at_b1:
        return
    if draft:
        admin_messages.warning(
            request,
            _(
                "Let op: volgens de taalcheck is deze tekst nog niet op B1-niveau. Bij het tabblad Taalcheck "
                "ziet u wat beter kan."
            ),
        )
        return
    admin_messages.warning(
        request,
        _(
            # Sent on, the page waits for its review and only the reviewers may change it: "Open de
            # pagina en kijk wat beter kan" sent the editor to a page he could not edit. Who sent it may
            # take it back (Wagtail's "Workflow annuleren", in the menu beside the main button), on the
            # page: after sending he stands in the list of pages, which has no such menu.
            "Let op: volgens de taalcheck is deze tekst nog niet op B1-niveau. De pagina is wel "
            "doorgestuurd. U kunt hem nu niet aanpassen. Wilt u hem eerst verbeteren? Open de pagina en "
            "kies onder aan de pagina, naast de grote knop: Workflow annuleren. Bij het tabblad "
            "Taalcheck ziet u wat beter kan."
        ),
        buttons=[
            admin_messages.button(reverse("wagtailadmin_pages:edit", args=[page.pk]), _("Open de pagina"))
        ],
    )


VOORZIENING_TEXTS = ("summary", "description", "aanmelden_toelichting")  # what residents read


def _worth_saying(report) -> bool:
    """Not B1 for a reason a provider can act on. One rare word in a text of two sentences is over the share
    ("stofzuigt", "dweilt"): only two or more are said."""
    if report.at_b1:
        return False
    return bool(report.replacements) or _long_sentences(report) or len(set(report.rare_words)) >= 2


def _long_sentences(report) -> bool:
    limits = report.limits
    too_long = report.long_sentence_share > limits["MAX_LONG_SENTENCE_SHARE"]
    return (
        too_long or report.avg_sentence_length > limits["MAX_AVG_SENTENCE_LENGTH"] or report.still_to_improve
    )


@hooks.register("after_edit_snippet")
@hooks.register("after_create_snippet")
def warn_about_a_voorziening_below_b1(request, instance):
    """After saving a voorziening, what the taalcheck finds in the texts residents read: a walk's summary "Ter
    ondersteuning van mantelzorgers in het kader van respijtzorg faciliteren wij ..." was saved without a
    word, under a hint that asks for "eenvoudige taal". The check advises; it stops nothing."""
    if not isinstance(instance, Voorziening):
        return
    reports = {}
    for name in VOORZIENING_TEXTS:
        text = getattr(instance, name)
        if text:
            reports[Voorziening._meta.get_field(name).verbose_name] = check_with_the_begrippen(text)
    below = {field: report for field, report in reports.items() if _worth_saying(report)}
    if below:
        messages.warning(request, b1_advice(below))


def b1_advice(below: dict) -> str:
    """What to change, for a provider: which texts, which words, and shorter sentences; not the measures."""
    fields = ", ".join(str(field).capitalize() for field in below)
    verdict = gettext("Let op: de taalcheck vindt deze tekst nog niet makkelijk genoeg (B1): %(fields)s.")
    advice = [verdict % {"fields": fields}]
    reports = list(below.values())
    plain = dict.fromkeys(
        f"'{word}' wordt '{instead}'" for report in reports for word, instead, _count in report.replacements
    )
    if plain:
        advice.append(gettext("Kies gewone woorden: %(words)s.") % {"words": "; ".join(plain)})
    rare = dict.fromkeys(word for report in reports for word in report.rare_words)
    if rare:
        words = ", ".join(list(rare)[:8])
        advice.append(
            gettext("Veel mensen kennen deze woorden niet: %(words)s. Kies een gewoner woord.")
            % {"words": words}
        )
    if any(_long_sentences(report) for report in reports):
        advice.append(gettext("Maak lange zinnen korter."))
        longest = _longest_sentence(reports)
        if longest:  # a walk: the provider could not tell which of her sentences was meant
            begin = " ".join(longest.sentence.split()[:6])
            advice.append(
                gettext("Zoals de zin van %(count)s woorden die begint met '%(begin)s ...'.")
                % {"count": longest.words, "begin": begin}
            )
    return " ".join(advice)


def _longest_sentence(reports):
    """The longest of the hardest sentences over the limit for long sentences, if any."""
    long = [
        hard
        for report in reports
        for hard in report.hardest_sentences
        if hard.words > report.limits["LONG_SENTENCE_WORDS"]
    ]
    return max(long, key=lambda hard: hard.words, default=None)


@hooks.register("before_edit_page")
def warn_the_reviewer_below_b1(request, page):
    """The eindredacteur who opens a page waiting for her approval hears what the taalcheck says of it: she
    published a page below B1 without a sign of it, which only the Taalcheck tab held."""
    if request.method != "GET" or not isinstance(page.specific, PortalPage):
        return
    task = page.current_workflow_task
    if task is None or not task.specific.get_actions(page, request.user):
        return  # nothing waits for her approval
    report = check_with_the_begrippen(page.get_latest_revision_as_object().taalcheck_text())
    if not report.at_b1:
        messages.warning(
            request,
            _(
                "Volgens de taalcheck is deze tekst nog niet op B1-niveau. Kijk bij het tabblad Taalcheck "
                "voordat u de pagina goedkeurt."
            ),
        )


@hooks.register("before_edit_page")
def say_what_the_eindredactie_asked(request, page):
    """A page sent back ("Wijzigingsverzoek") opens with who asked for changes and what they wrote: a walk's
    editor found the comment only behind the info icon, "Bekijk details"."""
    if request.method != "GET":
        return
    state = page.current_workflow_state
    if state is None or state.status != state.STATUS_NEEDS_CHANGES:
        return
    asked = state.current_task_state
    if asked is None or not asked.comment.strip():
        return
    reviewer = asked.finished_by
    who = (reviewer.get_full_name() or reviewer.get_username()) if reviewer else _("De eindredactie")
    messages.warning(
        request, _("%(who)s vroeg om wijzigingen: %(comment)s") % {"who": who, "comment": asked.comment}
    )


@hooks.register("after_edit_page")
def say_when_approval_published(request, page):
    """After "Goedkeuren en publiceren" Wagtail says only "Pagina ... is gewijzigd.", as after saving a draft:
    the eindredacteur was not told the page is online now. Said here as Wagtail says it after "Publiceren"."""
    action = request.POST.get("workflow-action-name")
    if not request.POST.get("action-workflow-action") or action != "approve":
        return
    page.refresh_from_db(fields=["live", "has_unpublished_changes"])
    if page.live and not page.has_unpublished_changes:  # the last step of the workflow: it published
        title = page.get_admin_display_title()
        admin_messages.success(
            request,
            gettext("Page '%(page_title)s' has been published.") % {"page_title": title},
            buttons=[admin_messages.button(page.url, gettext("View live"), new_window=False)],
        )
