"""The backoffice in a real browser: axe-core on the inbox, a melding's page and the dashboard."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from meldingen.backoffice import roles
from meldingen.backoffice.workflow import Status
from meldingen.models import Melding
from tests.browser.conftest import axe_violations
from tests.meldingen.backoffice.fixtures import PASSWORD, store

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def data():
    from meldingen.backoffice.models import Wijkteam
    from socialekaart.models import Wijk, WijkPostcode

    roles.ensure_roles()
    wijk = Wijk.objects.create(name="Centrum", slug="centrum", cbs_code="WK990101")
    WijkPostcode.objects.create(wijk=wijk, pc4="3911")
    team = Wijkteam.objects.create(name="Wijkteam Centrum", mailbox="centrum@lindewaard.example")
    team.wijken.add(wijk)
    user = get_user_model().objects.create_user(
        "teamleider", "tl@lindewaard.example", PASSWORD, first_name="Tess"
    )
    user.groups.add(Group.objects.get(name=roles.TEAMLEIDER))
    spoed = store(spoed=True)
    store(soort="kort", name="Bert Jansen")
    spoed.behandeling.change_status(Status.CONTACT_OPGENOMEN, user, toelichting="Gebeld met de dochter")
    return spoed.behandeling


def _login(page, live_server, username="teamleider"):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def _violations(page, url):
    page.goto(url)
    return axe_violations(page)


def test_backoffice_pages_have_no_axe_violations(page, live_server, data):
    from meldingen.backoffice.models import AuditEntry, Verslag

    _login(page, live_server)
    base = f"{live_server.url}/admin/backoffice"
    kort = Melding.objects.get(soort="kort").behandeling
    leider = get_user_model().objects.get(username="teamleider")
    Verslag.add(kort, leider, "We spraken af dat u de boodschappenbus probeert.")
    kort.record_once(leider, AuditEntry.Action.PLAN_RECEIVED)  # with its "Vergist? Draai terug"
    results = {
        "melding with a verslag and a step to take back": _violations(page, f"{base}/meldingen/{kort.pk}/"),
        "werkverdeling": _violations(page, f"{base}/werkverdeling/"),
        "admin home with the meldingen panel": _violations(page, f"{live_server.url}/admin/"),
        "inbox": _violations(page, f"{base}/"),
        "inbox with filters": _violations(page, f"{base}/?status=alle&spoed=ja&q=Anna"),
        "melding": _violations(page, f"{base}/meldingen/{data.pk}/"),
        "dashboard": _violations(page, f"{base}/overzicht/"),
        "audit log": _violations(page, f"{base}/auditlog/"),
        "two-factor set-up": _violations(page, f"{base}/twee-stappen/instellen/"),
    }
    assert results == {name: [] for name in results}


def test_melding_page_error_state_has_no_axe_violations(page, live_server, data):
    _login(page, live_server)
    page.goto(f"{live_server.url}/admin/backoffice/meldingen/{data.pk}/")
    with page.expect_navigation():
        page.click("text=Notitie opslaan")
    assert page.title().startswith("Fout: ")
    page.wait_for_function("() => document.activeElement.matches('[data-error-summary]')")
    assert axe_violations(page) == []


def test_status_change_works_without_javascript(page_without_js, live_server, data):
    page = page_without_js
    _login(page, live_server)
    page.goto(f"{live_server.url}/admin/backoffice/meldingen/{data.pk}/")
    page.select_option("#id_status", Status.GESPREK_GEPLAND)
    page.fill("#id_gesprek_datum", "8-12-2099")
    page.fill("#id_gesprek_tijd", "10:00")
    page.fill("#id_toelichting", "De inwoner wil het zo.")  # after the onderzoek's term: why is asked
    with page.expect_navigation():
        page.click("text=Status opslaan")
    assert "Status: Gesprek gepland. Op 8 dec. 2099, 10:00" in page.content()


def test_deliveries_page_has_no_axe_violations(page, live_server, data):
    from meldingen.delivery.models import DeliveryJob, DeliveryTarget

    target = DeliveryTarget.objects.create_approved(
        name="Zaaksysteem", kind="webhook", options={"url": "http://127.0.0.1:9/x"}, secrets={"hmac_key": "s"}
    )
    DeliveryJob.objects.create(
        melding=data.melding, target=target, state="failed", attempts=10, last_error="HTTP 503"
    )
    user = get_user_model().objects.create_user("beheerder", "fb@lindewaard.example", PASSWORD)
    user.groups.add(Group.objects.get(name=roles.FUNCTIONEEL_BEHEERDER))
    _login(page, live_server, "beheerder")
    assert _violations(page, f"{live_server.url}/admin/backoffice/bezorging/") == []
    with page.expect_navigation():
        page.click("text=Nu opnieuw proberen")
    assert "We proberen het nu opnieuw." in page.content()
    assert DeliveryJob.objects.get().attempts == 1  # a fresh round started (and failed once: nothing listens)


def test_a_typed_note_is_not_lost_silently_when_the_status_is_saved(page, live_server, data):
    """Text typed in one form and not saved makes the browser ask before another form leaves the page."""
    _login(page, live_server)
    # Wagtail's check notes a form's state shortly after the page loads, then looks for edits twice a second;
    # its events say when each has happened.
    page.add_init_script(
        "for (const name of ['watch-edits', 'add']) document.addEventListener('w-unsaved:' + name, "
        "() => { window['unsaved_' + name.replace('-', '_')] = true; });"
    )
    page.goto(f"{live_server.url}/admin/backoffice/meldingen/{data.pk}/")
    page.wait_for_function("() => window.unsaved_watch_edits")
    page.fill("#id_text", "Dochter belt terug op maandag")
    page.wait_for_function("() => window.unsaved_add")
    page.select_option("#id_status", Status.GESPREK_GEPLAND)
    with page.expect_event("dialog") as asked:
        page.click("text=Status opslaan", no_wait_after=True)
    assert asked.value.type == "beforeunload"
    asked.value.dismiss()  # the consulent stays, and the note is still there
    assert page.input_value("#id_text") == "Dochter belt terug op maandag"
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    with page.expect_navigation():
        page.click("text=Notitie opslaan")  # saving the note itself asks nothing
    assert dialogs == [] and "Dochter belt terug op maandag" in page.content()


def test_on_a_phone_the_inbox_shows_every_column_and_withdrawing_asks_first(page, live_server, data):
    """At 390 px the inbox's table kept its status, consulent and term out of sight to the right; a
    withdrawal, which cannot be undone, is asked once more where the eye lands."""
    page.set_viewport_size({"width": 390, "height": 844})
    _login(page, live_server)
    page.goto(f"{live_server.url}/admin/backoffice/")
    wrap = page.locator(".bo-table-wrap").last
    assert wrap.evaluate("element => element.scrollWidth <= element.clientWidth")
    term = page.locator("td[data-label='Termijn']").first
    label = term.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"Termijn"' and term.bounding_box()["x"] + term.bounding_box()["width"] <= 390
    # A walk: a column's name beside a date kept whole ("Wijkteam belt uiterlijk") ran over the date.
    received = page.locator("td.bo-date").first
    assert received.evaluate("cell => getComputedStyle(cell, '::before').whiteSpace") == "normal"
    assert axe_violations(page) == []
    # The filters besides the search are folded away: the list begins on the first screen, not 1,400 px down.
    assert page.evaluate("document.querySelector('details.bo-filters__more').open") is False
    assert page.locator("#results-heading").bounding_box()["y"] < 844
    # A walk: a melding's kenmerk was a link 15 px tall to tap; WCAG 2.5.8 asks 24 px.
    assert page.locator("td .bo-kenmerk").first.bounding_box()["height"] >= 24

    page.goto(f"{live_server.url}/admin/backoffice/meldingen/{data.pk}/")
    # A walk: "Status wijzigen" stood 5 screens down, under every answer, and "Terug naar alle meldingen" was
    # 15 px tall to tap.
    assert page.get_by_role("link", name="Terug naar de lijst").bounding_box()["height"] >= 24
    to_status = page.get_by_role("link", name="Naar Status wijzigen")
    assert to_status.bounding_box()["y"] < 844 and to_status.bounding_box()["height"] >= 24
    to_status.click()
    assert page.evaluate("document.activeElement.id") == "status-heading"
    # A keyboard walk: the kaart was 28 Tabs away, the timeline more than 50.
    for name, heading in (
        ("Naar Notitie toevoegen", "note-heading"),
        ("Naar Sociale kaart", "kaart-heading"),
        ("Naar Tijdlijn", "timeline-heading"),
    ):
        page.get_by_role("link", name=name).click()
        assert page.evaluate("document.activeElement.id") == heading
    # The kenmerk in the heading stays whole: it broke after "M-", a reference no one can read or type.
    assert page.locator("h1 .w-header__subtitle").evaluate("kenmerk => kenmerk.getClientRects().length") == 1
    page.select_option("#id_status", Status.INGETROKKEN)
    page.fill("#id_toelichting", "Dubbele melding")
    page.get_by_role("button", name="Status opslaan").click()
    question = page.get_by_role("heading", name="Weet u zeker dat u deze melding wilt stoppen?")
    question.wait_for()
    assert page.evaluate("document.activeElement.getAttribute('aria-labelledby')") == "withdraw-heading"
    assert axe_violations(page) == []
    page.get_by_role("button", name="Ja, stop deze melding").click()
    page.get_by_text("De status is nu: Ingetrokken.").wait_for()


def test_on_a_wide_screen_the_first_melding_is_in_sight_below_a_signal(page, live_server, data):
    """At 1280 x 900 the unfolded filters pushed the first melding below the first screen, with one signal
    above them: a consulent opened her inbox and saw no melding."""
    from meldingen.backoffice import signalen
    from meldingen.backoffice.models import Signaal, Wijkteam

    client = {"naam": "Carla Smit", "postcode": "3911 AC", "telefoon": "0611111111", "toelichting": "Alleen."}
    client |= {"onderwerpen": ["eenzaamheid"], "toestemming_door": "client"}
    signaal = signalen.send(get_user_model().objects.get(username="teamleider"), client)
    # The widest references there are: a random one made the columns, and so the rows, narrower or wider (a
    # signal's wrapped its row onto a third line in one run of three).
    # Its dates fixed too: their width moved with the day the test ran (a review).
    received = datetime(2026, 9, 28, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
    Signaal.objects.filter(pk=signaal.pk).update(
        reference="S-WWWW-WWWW", created_at=received, contact_deadline=date(2026, 9, 30)
    )
    Wijkteam.objects.filter(pk=signaal.team_id).update(name="Wijkteam Dorpen Ellekoot en Raveld")
    Melding.objects.filter(spoed=False).update(reference="M-WWWW-WWWW")
    Melding.objects.filter(spoed=True).update(reference="M-MMMM-MMMM")
    page.set_viewport_size({"width": 1280, "height": 900})
    _login(page, live_server)
    page.goto(f"{live_server.url}/admin/backoffice/")
    assert page.locator("#signalen-heading").is_visible()
    # Its number, the first line of its row, is in sight (the whole row's last pixel decided by a random
    # reference's width, and failed one run in three).
    first = page.locator("#results-heading ~ .bo-table-wrap tbody tr").first.locator(".bo-kenmerk")
    assert first.bounding_box()["y"] + first.bounding_box()["height"] <= 900
    for kenmerk in page.locator(".bo-kenmerk").all():  # whole, not "M-HTU3-" above "CQPV"
        assert kenmerk.evaluate("link => link.getClientRects().length") == 1
    # Every column of the signal in sight, its term's last: with a long team name kept on one line, the table
    # outgrew its box, and "te laat" stood behind a sideways scroll (a walk).
    wrap = page.locator("#signalen-heading ~ .bo-table-wrap")
    assert wrap.evaluate("box => box.scrollWidth <= box.clientWidth")


def test_the_status_form_shows_the_fields_of_the_status_chosen(page, live_server, data):
    """A walk: with "Onderzoek afgerond" chosen, "Nieuwe datum van het gesprek" stood beside it, as did every
    other status's fields, also before a status was chosen."""
    from datetime import timedelta

    from django.utils import timezone

    data.change_status(Status.GESPREK_GEPLAND, gesprek_op=timezone.now() + timedelta(days=3))
    _login(page, live_server)
    page.goto(f"{live_server.url}/admin/backoffice/meldingen/{data.pk}/")
    gesprek, afgerond = page.locator("#id_gesprek_datum"), page.locator("#id_afgerond_datum")
    assert not gesprek.is_visible() and not afgerond.is_visible()  # no status chosen yet: none of them
    page.select_option("#id_status", Status.ONDERZOEK_AFGEROND)
    assert afgerond.is_visible() and not gesprek.is_visible()
    assert page.locator("#id_toelichting").is_visible()
    page.select_option("#id_status", Status.GESPREK_GEPLAND)  # "Gesprek verplaatsen"
    assert gesprek.is_visible() and not afgerond.is_visible()
