"""The taalcheck in the editor: a tab on the edit view and a preview mode for the unsaved draft."""

import json
import re

import pytest
from django.test import RequestFactory

pytestmark = pytest.mark.django_db

OFFICIALESE = (
    "<p>Indien u in aanmerking wenst te komen voor een maatwerkvoorziening dient u zich middels het daartoe "
    "bestemde aanvraagformulier te wenden tot het college van burgemeester en wethouders, teneinde een "
    "zorgvuldige afweging van uw persoonlijke omstandigheden te bewerkstelligen.</p>"
)


def test_edit_view_shows_score_hard_sentences_and_words_to_replace(editor_client, portal_site):
    from portal.management.commands.load_demo_pages import stream_value
    from portal.models import InformatiePagina

    portal_site.body = stream_value(InformatiePagina, [("text", OFFICIALESE)])
    portal_site.save_revision()  # a draft: the edit view checks the latest revision
    html = editor_client.get(f"/admin/pages/{portal_site.pk}/edit/").content.decode()
    assert "Deze tekst is nog niet op B1-niveau." in html
    assert "Flesch-Douma" in html and "De moeilijkste zinnen" in html
    assert "Indien u in aanmerking wenst te komen" in html
    assert "Woorden om te vervangen" in html


def test_the_report_names_every_little_known_word_it_counts():
    """A walk: "7,1% van de woorden is weinig bekend", while the words named were only those in the five
    hardest sentences ("indicatiestelling" was counted and never shown); and "Woningaanpassing (1
    woorden)"."""
    from django.template.loader import render_to_string

    from portal.taalcheck import check_text

    hard = " ".join(
        f"Dit is zin nummer {n} met een heel erg lange uitleg over niets bijzonders." for n in range(7)
    )
    report = check_text(f"Woningaanpassing. {hard} U krijgt een indicatiestelling.")
    html = " ".join(render_to_string("portal/admin/taalcheck_report.html", {"report": report}).split())
    assert "Weinig bekende woorden</h3>" in html and "indicatiestelling" in html
    assert "(1 woord)" in html and "(1 woorden)" not in html


def test_the_table_gives_a_share_as_the_problem_above_it_says_it():
    """A walk: "14,3% van de zinnen heeft meer dan 20 woorden" above a table that said 14%."""
    from django.template.loader import render_to_string

    from portal.taalcheck import check_text

    long = (
        "Dit is een hele lange zin met heel veel woorden die maar doorgaat en doorgaat en nooit stopt, "
        "ook hier niet."
    )
    report = check_text(" ".join([long] + ["Dit is kort."] * 6))
    assert report.long_sentence_share == pytest.approx(1 / 7, abs=0.001)
    html = " ".join(render_to_string("portal/admin/taalcheck_report.html", {"report": report}).split())
    assert "<li>14,3% van de zinnen heeft meer dan 20 woorden." in html
    assert "<td>14,3%</td>" in html and "<td>14%</td>" not in html


def test_the_tab_names_the_buttons_as_wagtail_shows_them(editor_client, portal_site):
    """ "Kies bij Voorbeeld de weergave Taalcheck" named no button of the edit view, and did not say that what
    was typed since saving does not count: an editor took her new officialese sentence to have passed."""
    from django.utils.translation import gettext, override

    html = " ".join(editor_client.get(f"/admin/pages/{portal_site.pk}/edit/").content.decode().split())
    with override("nl"):
        save, preview, mode = gettext("Save draft"), gettext("Preview"), gettext("Preview mode")
    assert "Wat u daarna typte, telt nog niet mee," in html
    assert f"Klik op '{save}'" in html and f"open rechtsboven '{preview}'" in html
    assert f"kies bij {mode} 'Taalcheck'" in html


def test_one_long_officialese_sentence_in_a_plain_page_is_not_called_b1(editor_client, portal_site):
    """The whole page's figures passed, so "Deze tekst is op B1-niveau." stood above a 28-word sentence with
    "teneinde" and "dient": the editor took it as done."""
    from portal.management.commands.load_demo_pages import stream_value
    from portal.models import InformatiePagina

    plain = "<p>" + " ".join(["Een hulp komt bij u thuis. Zij maakt het huis schoon."] * 40) + "</p>"
    long = (
        "<p>Teneinde in aanmerking te komen voor hulp dient u zich te wenden tot het Wmo-loket, alwaar een "
        "onderzoek naar uw persoonlijke omstandigheden zal worden gedaan door een medewerker.</p>"
    )
    portal_site.body = stream_value(InformatiePagina, [("text", plain + long)])
    portal_site.save_revision()
    html = " ".join(editor_client.get(f"/admin/pages/{portal_site.pk}/edit/").content.decode().split())
    assert "Deze tekst is bijna op B1-niveau." in html and "Deze tekst is op B1-niveau." not in html
    advice = html.split("Teneinde in aanmerking", 1)[1].split("</li>", 1)[0]
    assert "Maak er twee zinnen van." in advice and "<small>" not in advice  # what to do, in the text's size
    portal_site.body = stream_value(InformatiePagina, [("text", plain)])
    portal_site.save_revision()
    html = " ".join(editor_client.get(f"/admin/pages/{portal_site.pk}/edit/").content.decode().split())
    assert "Deze tekst is op B1-niveau." in html and "bijna" not in html


def test_the_taalcheck_says_what_b1_asks_beside_each_figure(editor_client, portal_site, settings):
    """ "Flesch-Douma 88,9" and "LIX 22,3" stood without what they mean or what B1 asks."""
    settings.TAALCHECK = {"MIN_FLESCH_DOUMA": 60}
    html = " ".join(editor_client.get(f"/admin/pages/{portal_site.pk}/edit/").content.decode().split())
    assert '<th scope="col">Voor B1</th>' in html
    assert "60 of meer. Hoe hoger, hoe makkelijker de tekst." in html
    assert "38 of minder. Hoe lager, hoe makkelijker de tekst." in html
    assert "12 of minder" in html and "3% of minder" in html and "10% of minder" in html


def test_taalcheck_is_a_preview_mode_for_the_unsaved_draft(portal_site, django_user_model):
    from portal.management.commands.load_demo_pages import stream_value
    from portal.models import InformatiePagina

    assert ("taalcheck", "Taalcheck") in [(name, str(label)) for name, label in portal_site.preview_modes]
    portal_site.body = stream_value(InformatiePagina, [("text", OFFICIALESE)])  # not saved
    request = RequestFactory().get("/")
    request.user = django_user_model(is_superuser=True)
    response = portal_site.serve_preview(request, "taalcheck")
    response.render()
    html = response.content.decode()
    assert "Deze tekst is nog niet op B1-niveau." in html
    assert "teneinde" in html


def test_preview_of_the_page_itself_still_works(portal_site):
    request = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = portal_site.serve_preview(request, "")
    response.render()
    assert "<h1>Hulp bij het huishouden</h1>" in response.content.decode()


def _frame_ancestors(response) -> str:
    directives = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    return directives["frame-ancestors"]


@pytest.mark.parametrize("mode", ["", "taalcheck"])
def test_the_editor_may_frame_the_preview_of_the_page(editor_client, portal_site, mode, django_user_model):
    """The preview panel stayed empty: Wagtail sends the preview through the middleware for the page's own
    URL, which got the site's "frame-ancestors 'none'", and the browser refused the frame."""
    request = RequestFactory().get(f"/admin/pages/{portal_site.pk}/edit/preview/")
    request.user = django_user_model(is_superuser=True)
    preview = portal_site.make_preview_request(request, mode)
    assert preview.status_code == 200 and portal_site.title in preview.content.decode()
    assert _frame_ancestors(preview) == "'self'"
    assert _frame_ancestors(editor_client.get(portal_site.url)) == "'none'"  # the page itself: never framed


def test_the_editor_sends_a_page_to_de_redactie(editor_client, portal_site):
    """The button read "Stuur door naar Moderators approval": Wagtail's default workflow, named in English."""
    html = editor_client.get(f"/admin/pages/{portal_site.pk}/edit/").content.decode()
    assert "Stuur door naar de redactie" in html and "Moderators approval" not in html


def test_the_editors_and_the_eindredactie_keep_the_begrippenlijst(client, django_user_model):
    """A walk: the taalcheck told the redacteur to explain a word, and neither she nor the eindredacteur could
    open the begrippenlijst ("Sorry, u hebt geen toegang tot dit deel.")."""
    from django.contrib.auth.models import Group

    from portal.begrippen import Begrip

    before = Begrip.objects.count()
    for group in ("Editors", "Moderators"):
        user = django_user_model.objects.create_user(f"lid-{group}", password="x")
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        assert "Begrippenlijst" in client.get("/admin/").content.decode(), group
        added = client.post(
            "/admin/snippets/portal/begrip/add/",
            {"term": f"Indicatie {group}", "uitleg": "Het besluit over de hulp die u krijgt."},
        )
        assert added.status_code == 302, (group, added.content.decode()[:3000])
    assert Begrip.objects.count() == before + 2


def test_wagtails_guides_are_offered_to_page_editors_only(editor_client, django_user_model):
    """A consulent or a provider got a Help menu marked "2 nieuwe items" and a link to "Wagtail 8.0.1
    gebruikershandleiding" on the dashboard: guides to editing pages, which they do not do."""
    from django.contrib.auth.models import Permission

    editor = editor_client.get("/admin/").content.decode()
    consulent = django_user_model.objects.create_user("consulent-guides", password="x")
    consulent.user_permissions.add(Permission.objects.get(codename="access_admin"))
    editor_client.force_login(consulent)
    for html, shown in ((editor, True), (editor_client.get("/admin/").content.decode(), False)):
        assert ("editor-guide" in html) is shown  # the Help menu, in the sidebar's props
        assert ("Handleiding voor redacteuren van Wagtail" in html) is shown  # on the dashboard
        assert "whats-new-in-wagtail" not in html  # Wagtail's release notes, in English: for nobody here
    # Wagtail's guide is in English, which its Dutch label did not say ("Editor Guide", untranslated).
    assert "Handleiding voor redacteuren (Engels)" in editor


def test_comparing_two_versions_shows_only_what_changed_in_a_kaart_link(editor_client, portal_site):
    """The eindredacteur's comparison marked "Zoekwoorden: None" and "NoneFalse" as changes nobody made (a
    version saved before those fields were filled has None), and showed "['huishouden']" for the theme."""
    from portal.management.commands.load_demo_pages import stream_value
    from portal.models import InformatiePagina
    from socialekaart.models import Term

    Term.objects.create(vocabulary="thema", code="huishouden", name="Huishouden")  # its name, from the kaart
    link = {"text": "Zoek hulp in huis", "thema": ["huishouden"], "doelgroep": ["ouderen"]}
    portal_site.body = stream_value(InformatiePagina, [("kaart_link", link)])
    before = portal_site.save_revision()
    stored = json.loads(before.content["body"])
    stored[0]["value"].update(zoekwoorden=None, vrij=None)  # as an older version has them
    before.content["body"] = json.dumps(stored)
    before.save()
    body = [("text", "<p>Een nieuwe alinea.</p>"), ("kaart_link", {**link, "zoekwoorden": "", "vrij": False})]
    portal_site.body = stream_value(InformatiePagina, body)
    after = portal_site.save_revision()
    html = editor_client.get(
        f"/admin/pages/{portal_site.pk}/revisions/compare/{before.pk}...{after.pk}/"
    ).content.decode()
    compared = html.split('<td class="comparison"', 1)[1].split("</td>", 1)[0]
    assert "Een nieuwe alinea." in compared
    assert "None" not in compared and "[&#x27;huishouden&#x27;]" not in compared
    assert "Huishouden" in compared and "Nee" in compared


def test_a_begrip_the_editor_adds_is_no_rare_word_for_the_taalcheck(editor_client, portal_site):
    """A walk: the taalcheck said to explain "consulent" in the begrippenlijst; after the editor did, the
    panel went on counting it as a little-known word (it read only the demo's list)."""
    from portal.begrippen import Begrip, check_with_the_begrippen
    from portal.management.commands.load_demo_pages import stream_value
    from portal.models import InformatiePagina
    from portal.taalcheck import check_text

    text = "Een consulent belt u. De consulent komt bij u thuis. Samen kijkt u wat u nodig hebt."
    assert "consulent" in check_text(text, known_terms=[]).rare_words
    Begrip.objects.create(term="consulent", slug="consulent", uitleg="Iemand van de gemeente die u helpt.")
    assert "consulent" not in check_with_the_begrippen(text).rare_words
    portal_site.body = stream_value(InformatiePagina, [("text", f"<p>{text}</p>")])
    portal_site.save_revision().publish()
    html = editor_client.get(f"/admin/pages/{portal_site.pk}/edit/").content.decode()
    rare = re.findall(r'class="taalcheck-report__rare">([^<]*)<', html)
    assert "Samen kijkt u" in html and all("consulent" not in words for words in rare)


def test_a_page_sent_on_below_b1_warns_the_editor_at_once(portal_site, rf):
    """A walk: "Stuur door naar de redactie" sent a page the taalcheck called "bijna op B1-niveau" without a
    word; only the eindredacteur could find it, in a tab."""
    from django.contrib.messages import get_messages
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from wagtail import hooks

    from portal.management.commands.load_demo_pages import stream_value
    from portal.models import InformatiePagina
    from portal.wagtail_hooks import warn_when_saved_below_b1

    assert warn_when_saved_below_b1 in hooks.get_hooks("after_edit_page")
    # a walk: a new page sent on before it was ever saved went without a word
    assert warn_when_saved_below_b1 in hooks.get_hooks("after_create_page")

    def warnings_after(action: str, accept: str = "text/html") -> list[str]:
        request = rf.post("/", {action: "1"} if action else {}, HTTP_ACCEPT=accept)
        request.session = SessionStore()
        request._messages = FallbackStorage(request)
        warn_when_saved_below_b1(request, portal_site)
        return [str(message) for message in get_messages(request)]

    portal_site.body = stream_value(InformatiePagina, [("text", OFFICIALESE)])
    [warning] = warnings_after("action-submit")
    assert warning.startswith("Let op: volgens de taalcheck is deze tekst nog niet op B1-niveau.")
    # A walk: "Open de pagina en kijk ... wat beter kan" led to a page only the reviewers could change; then
    # "Vraag de eindredactie om een wijzigingsverzoek", while the editor may take it back himself.
    # Another: after sending he stands in the list of pages, which has no such menu.
    assert "Open de pagina en kies onder aan de pagina, naast de grote knop: Workflow annuleren." in warning
    assert f'href="/admin/pages/{portal_site.pk}/edit/"' in warning and "Open de pagina</a>" in warning
    assert warnings_after("action-publish") == []  # publishing is the eindredactie's, with its tab
    assert warnings_after("action-workflow-action") == []
    # A walk saved a sentence of 75 words as a draft and read only "Pagina ... is gewijzigd."
    [warning] = warnings_after("")  # "Bewaar concept" posts no action
    # Wagtail's autosave, every half second while typing (JSON), piled up one warning each.
    assert warnings_after("", accept="application/json") == []
    assert warning.strip() == (
        "Let op: volgens de taalcheck is deze tekst nog niet op B1-niveau. Bij het tabblad Taalcheck ziet u "
        "wat beter kan."
    )
    portal_site.body = stream_value(InformatiePagina, [("text", "<p>Een hulp komt bij u thuis.</p>")])
    assert warnings_after("action-submit") == [] and warnings_after("") == []


def test_approving_the_last_step_says_the_page_is_published(portal_site, rf):
    """A walk: after "Goedkeuren en publiceren" the eindredacteur read only "Pagina ... is gewijzigd.", as
    after saving a draft, and did not know the page was online."""
    from django.contrib.messages import get_messages
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from wagtail import hooks

    from portal.wagtail_hooks import say_when_approval_published

    assert say_when_approval_published in hooks.get_hooks("after_edit_page")

    def messages_after(**posted) -> list[str]:
        request = rf.post("/", posted)
        request.session = SessionStore()
        request._messages = FallbackStorage(request)
        say_when_approval_published(request, portal_site)
        return [str(message) for message in get_messages(request)]

    approve = {"action-workflow-action": "1", "workflow-action-name": "approve"}
    assert portal_site.live and not portal_site.has_unpublished_changes
    [said] = messages_after(**approve)
    assert said.startswith(f"Pagina &#x27;{portal_site.title}&#x27; is gepubliceerd.")
    assert "Bekijk live</a>" in said
    assert messages_after(**{**approve, "workflow-action-name": "reject"}) == []
    # A workflow with a step still to go: the page is not published yet.
    type(portal_site).objects.filter(pk=portal_site.pk).update(has_unpublished_changes=True)
    assert messages_after(**approve) == []


@pytest.mark.parametrize("html", [False, True])
def test_the_redacteur_gets_the_comment_the_eindredactie_approved_with(
    portal_site, django_user_model, settings, html
):
    """A walk: "Goedkeuren met opmerking en publiceren" ("Kun je 'consulent' nog uitleggen?"): the e-mail said
    only that the page was approved; the comment was in the page's history alone."""
    from django.core import mail
    from wagtail.models import Workflow

    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = html
    redacteur = django_user_model.objects.create_user("red", "red@example.org", "wachtwoord-lang-genoeg")
    eindredacteur = django_user_model.objects.create_superuser("eind", "eind@example.org", "lang-genoeg-ook")
    workflow = Workflow.objects.get(name="de redactie")
    state = workflow.start(portal_site, user=redacteur)
    task_state = state.current_task_state
    mail.outbox.clear()
    comment = "Kun je 'consulent' nog uitleggen?"
    task_state.task.specific.on_action(task_state, eindredacteur, "approve", comment=comment)
    [approved] = [message for message in mail.outbox if message.to == ["red@example.org"]]
    assert comment in approved.body
    if html:
        assert "Kun je &#x27;consulent&#x27; nog uitleggen?" in approved.alternatives[0][0]


@pytest.mark.django_db
def test_a_kaart_link_offers_the_kaarts_own_themes_and_target_groups():
    """The block kept a list of its own: it lacked the theme "Veiligheid thuis" and named a target group
    otherwise than the kaart."""
    from portal.blocks import KaartLinkBlock
    from socialekaart.models import Term

    Term.objects.create(vocabulary="thema", code="veiligheid", name="Veiligheid thuis")
    Term.objects.create(vocabulary="doelgroep", code="ggz", name="Mensen met psychische klachten")
    block = KaartLinkBlock()
    assert list(block.child_blocks["thema"].field.choices) == [("veiligheid", "Veiligheid thuis")]
    assert list(block.child_blocks["doelgroep"].field.choices) == [("ggz", "Mensen met psychische klachten")]
    # A walk: a list to Ctrl-click, where a plain click dropped the choices scrolled out of sight.
    for name in ("thema", "doelgroep"):
        widget = block.child_blocks[name].field.widget
        assert 'type="checkbox"' in widget.render(name, ["veiligheid"], {"id": f"id_{name}"})


def test_the_reviewer_hears_the_taalcheck_when_she_opens_a_page_to_approve(editor_client, portal_site):
    """A walk: the eindredacteur published a page below B1 without a sign of it; only its Taalcheck tab said
    so."""
    from django.contrib.auth import get_user_model

    from portal.management.commands.load_demo_pages import stream_value
    from portal.models import InformatiePagina

    warning = "Volgens de taalcheck is deze tekst nog niet op B1-niveau."
    url = f"/admin/pages/{portal_site.pk}/edit/"
    portal_site.body = stream_value(InformatiePagina, [("text", OFFICIALESE)])
    portal_site.save_revision()
    assert warning not in editor_client.get(url).content.decode()  # not waiting for approval
    submitter = get_user_model().objects.get(username="redacteur")
    portal_site.get_workflow().start(portal_site, submitter)
    assert warning in editor_client.get(url).content.decode()
    portal_site.body = stream_value(InformatiePagina, [("text", "<p>Een hulp komt bij u thuis.</p>")])
    portal_site.save_revision()
    assert warning not in editor_client.get(url).content.decode()


def test_the_page_types_say_what_each_is_for(editor_client, portal_site):
    """Choosing a new page's type, an editor read only "Pagina's van het type 'Gewone pagina'" beside each."""
    from portal.models import HomePage

    html = editor_client.get(f"/admin/pages/{HomePage.objects.get().pk}/add_subpage/").content.decode()
    assert "Uitleg over één soort hulp, met stappen" in html
    assert "Een pagina over de website zelf, zoals Privacy of Toegankelijkheid." in html


def test_a_new_page_has_the_taalcheck_tab_and_says_how_to_get_the_check(editor_client, portal_site):
    """A walk: a new page had only the tabs Inhoud and Promoten; the Taalcheck tab came after the first save,
    and nothing said so."""
    html = editor_client.get(f"/admin/pages/add/portal/informatiepagina/{portal_site.get_parent().pk}/")
    html = html.content.decode().replace("&#x27;", "'")
    assert ">Taalcheck<" in html
    assert (
        "De pagina is nog niet opgeslagen. Klik op 'Bewaar concept': dan ziet u hier wat de taalcheck" in html
    )
    # A walk: after Wagtail's autosave the tab spoke of "de laatst opgeslagen versie", with the old check.
    edit = editor_client.get(f"/admin/pages/{portal_site.pk}/edit/").content.decode().replace("&#x27;", "'")
    assert "Deze check gaat over de tekst van het moment dat u deze pagina opende." in edit
    assert "ook niet als het vanzelf is opgeslagen" in edit


def test_a_page_sent_back_opens_with_what_the_eindredactie_asked(
    editor_client, portal_site, django_user_model
):
    """A walk: the eindredacteur asked for changes with a comment; the editor opening the page saw no sign of
    it, only "Wijzigingsverzoek" on her home, and the comment behind the info icon, "Bekijk details"."""
    from django.contrib.auth import get_user_model

    redacteur = get_user_model().objects.get(username="redacteur")
    eindredacteur = django_user_model.objects.create_superuser(
        "eind", "eind@example.org", "lang-genoeg-ook", first_name="Peter", last_name="Smit"
    )
    url = f"/admin/pages/{portal_site.pk}/edit/"
    state = portal_site.get_workflow().start(portal_site, redacteur)
    task_state = state.current_task_state
    comment = "De inleiding is weer ambtelijk. Kijk naar de taalcheck."
    task_state.task.specific.on_action(task_state, eindredacteur, "reject", comment=comment)
    page = " ".join(editor_client.get(url).content.decode().split())
    assert f"Peter Smit vroeg om wijzigingen: {comment}" in page
    state.refresh_from_db()
    state.resume(redacteur)  # sent on again: the request is answered
    assert "vroeg om wijzigingen" not in editor_client.get(url).content.decode()


def test_a_colleague_who_has_the_page_open_is_named_to_a_screen_reader(
    editor_client, portal_site, django_user_model
):
    """A walk: with two editors on one page, each saw the other's avatar, a button a screen reader read as
    "button" and nothing more (axe: button-name); its name stood in a hidden tooltip."""
    from django.contrib.contenttypes.models import ContentType
    from django.urls import reverse
    from django.utils import timezone
    from wagtail.admin.models import EditingSession
    from wagtail.models import Page

    colleague = django_user_model.objects.create_superuser(
        "collega", "c@example.org", "wachtwoord-lang-genoeg", first_name="Sanne", last_name="Bakker"
    )
    EditingSession.objects.create(
        user=colleague,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(portal_site.pk),
        last_seen_at=timezone.now(),
    )
    # What the edit view asks the server every few seconds: who else has the page open.
    ping = reverse("wagtailadmin_editing_sessions:ping", args=("wagtailcore", "page", portal_site.pk, 0))
    html = editor_client.post(ping).json()["html"]
    button = re.search(r'<button class="w-editing-sessions__session"[^>]*>', html).group(0)
    assert 'aria-label="Sanne Bakker - Momenteel actief"' in button


def test_the_dialog_for_asking_changes_lists_its_fields_and_says_who_reads_the_comment(
    editor_client, portal_site
):
    """A walk: the eindredacteur's "Wijzigingsverzoek" showed a bare "Opmerking" box, and axe found its field
    straight in a list, not in a list item ("list")."""
    from django.contrib.auth import get_user_model

    redacteur = get_user_model().objects.get(username="redacteur")
    task_state = portal_site.get_workflow().start(portal_site, redacteur).current_task_state
    url = f"/admin/pages/workflow/action/{portal_site.pk}/reject/{task_state.pk}/"
    dialog = editor_client.get(url).json()["html"]
    assert "De redacteur leest uw opmerking bij de pagina." in dialog
    assert _children_of_lists(dialog) == {"li"}


def _children_of_lists(html: str) -> set[str]:
    """The tags that stand directly in a <ul> or <ol> of `html`."""
    from html.parser import HTMLParser

    class Children(HTMLParser):
        def __init__(self):
            super().__init__()
            self.open, self.found = [], set()

        def handle_starttag(self, tag, attrs):
            if self.open and self.open[-1] in ("ul", "ol"):
                self.found.add(tag)
            if tag not in ("input", "br", "img", "meta", "link", "hr"):  # void: never closed
                self.open.append(tag)

        def handle_endtag(self, tag):
            if tag in self.open:
                del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

    parser = Children()
    parser.feed(html)
    return parser.found
