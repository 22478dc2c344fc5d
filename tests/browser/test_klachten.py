"""The complaint form, its confirmation, the stoplicht explanation, "Waar staat mijn melding?" and the
complaints in the backoffice in a real browser: axe-core finds nothing, in every form state."""

import pytest
from django.contrib.auth import get_user_model

from tests.browser.conftest import assert_no_horizontal_scroll, axe_violations
from tests.meldingen.backoffice.fixtures import PASSWORD, store
from tests.roles import restore_roles, role

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def data():
    from klachten.models import Contractteam, Klacht
    from socialekaart.models import AanbiederAccount, Organisatie, Term, Wijk, WijkPostcode

    restore_roles()  # a transactional test empties the tables, the groups the migrations made too
    wijk = Wijk.objects.create(name="Centrum", slug="centrum", cbs_code="WK990101")
    WijkPostcode.objects.create(wijk=wijk, pc4="3911")
    organisatie = Organisatie.objects.create(name="Zorg Thuis Lindewaard", slug="zorg-thuis")
    Term.objects.create(vocabulary="thema", code="huishouden", name="Huishouden")
    team = Contractteam.objects.create(name="Contractteam Wmo")
    team.organisaties.add(organisatie)
    User = get_user_model()
    behandelaar = User.objects.create_user("klachtbehandelaar", "k@lindewaard.example", PASSWORD)
    behandelaar.groups.add(role("Klachtbehandelaar"))
    team.members.add(behandelaar)
    aanbieder = User.objects.create_user("aanbieder-zorg", "a@lindewaard.example", PASSWORD)
    aanbieder.groups.add(role("Aanbieders"))
    AanbiederAccount.objects.create(user=aanbieder, organisatie=organisatie)
    klacht = Klacht(organisatie=organisatie)
    klacht.gegevens = {"wat": "De hulp kwam niet.", "contact": "nee"}
    klacht.save()
    return {"klacht": klacht, "melding": store(postcode="3911 AB")}


def _login(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def _check(page, results, name):
    results[name] = axe_violations(page)


def test_public_pages_and_their_states_have_no_axe_violations(page, live_server, data):
    results = {}
    page.goto(f"{live_server.url}/klacht/")
    _check(page, results, "complaint form")
    with page.expect_navigation():
        page.click("text=Verstuur de klacht")
    assert page.title().startswith("Fout: ")
    # the page has no script: the summary takes the focus by itself, as the melding's script gives it
    page.wait_for_function("() => document.activeElement.matches('[data-error-summary]')")
    _check(page, results, "complaint form with errors")
    page.select_option("#id_organisatie", label="Zorg Thuis Lindewaard")
    page.fill("#id_wat", "De hulp kwam drie keer niet.")
    page.check("#id_contact_1")
    with page.expect_navigation():
        page.click("text=Verstuur de klacht")
    assert "Wij hebben uw klacht ontvangen" in page.content()
    _check(page, results, "complaint sent")
    page.goto(f"{live_server.url}/klacht/stoplicht/")
    _check(page, results, "stoplicht explanation")

    page.goto(f"{live_server.url}/melding/status/")
    _check(page, results, "status look-up")
    with page.expect_navigation():
        page.click("text=Zoek mijn melding")
    _check(page, results, "status look-up with errors")
    page.fill("#id_reference", "M-0000-0000")
    page.fill("#id_postcode", "3911 AB")
    page.fill("#id_huisnummer", "1")
    with page.expect_navigation():
        page.click("text=Zoek mijn melding")
    assert "Wij vinden geen melding" in page.content()
    _check(page, results, "status look-up, not found")
    page.fill("#id_reference", data["melding"].reference)
    with page.expect_navigation():
        page.click("text=Zoek mijn melding")
    assert "Wij hebben uw melding ontvangen." in page.content()
    # The answer is said: the title names the melding, and its heading has the focus (a screen reader walk).
    reference = data["melding"].reference
    assert page.title().startswith(f"Melding {reference}: Waar staat mijn melding?")
    page.wait_for_function("() => document.activeElement.id === 'status-title'")
    _check(page, results, "status look-up, found")
    assert results == {name: [] for name in results}


def test_backoffice_complaint_pages_have_no_axe_violations(page, live_server, data):
    results = {}
    base = f"{live_server.url}/admin/klachten"
    _login(page, live_server, "klachtbehandelaar")
    for name, url in (
        ("admin home with the klachten panel", f"{live_server.url}/admin/"),
        ("list", f"{base}/"),
        ("complaint", f"{base}/{data['klacht'].pk}/"),
        ("new", f"{base}/nieuw/"),
    ):
        page.goto(url)
        _check(page, results, f"klachtbehandelaar: {name}")
    with page.expect_navigation():
        page.click("text=Registreer de klacht")
    _check(page, results, "klachtbehandelaar: new with errors")
    page.goto(f"{base}/{data['klacht'].pk}/")
    with page.expect_navigation():
        page.click("text=Stel de termijn uit")
    assert page.title().startswith("Fout: ")
    # Its lines read as links to the fields (a walk: in the admin they were plain red text).
    line = page.locator(".error-summary a").first
    assert line.evaluate("link => getComputedStyle(link).textDecorationLine") == "underline"
    _check(page, results, "klachtbehandelaar: postponement with errors")
    page.select_option("#id_weken", "2")
    page.fill("#id_reden", "De aanbieder zoekt het dossier nog op.")
    with page.expect_navigation():
        page.click("text=Stel de termijn uit")
    assert "Dat mag maar één keer" in page.content()
    _check(page, results, "klachtbehandelaar: postponed")
    page.context.clear_cookies()
    _login(page, live_server, "aanbieder-zorg")
    for name, url in (("complaint", f"{base}/{data['klacht'].pk}/"), ("clients", f"{base}/clienten/")):
        page.goto(url)
        _check(page, results, f"provider: {name}")
    assert results == {name: [] for name in results}


def test_a_typed_summary_is_not_lost_silently_when_the_term_is_postponed(page, live_server, data):
    """A summary typed for the provider came back as the stored one after "Stel de termijn uit" (with an
    error) left the page: the browser now asks first, as on a melding's page."""
    _login(page, live_server, "klachtbehandelaar")
    page.add_init_script(
        "for (const name of ['watch-edits', 'add']) document.addEventListener('w-unsaved:' + name, "
        "() => { window['unsaved_' + name.replace('-', '_')] = true; });"
    )
    page.goto(f"{live_server.url}/admin/klachten/{data['klacht'].pk}/")
    page.wait_for_function("() => window.unsaved_watch_edits")
    page.fill("#id_samenvatting_aanbieder", "De hulp kwam drie keer niet.")
    page.wait_for_function("() => window.unsaved_add")
    with page.expect_event("dialog") as asked:
        page.click("text=Stel de termijn uit", no_wait_after=True)
    assert asked.value.type == "beforeunload"
    asked.value.dismiss()
    assert page.input_value("#id_samenvatting_aanbieder") == "De hulp kwam drie keer niet."


def test_the_complaint_form_fits_a_phone(page, live_server, data):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/klacht/")
    assert_no_horizontal_scroll(page)
    with page.expect_navigation():
        page.click("text=Verstuur de klacht")  # with its error messages
    assert_no_horizontal_scroll(page)


def test_back_after_sending_the_page_opens_at_the_sent_notice(page, live_server, data):
    """On a phone the browser's back button opened the form (filled in again by the browser) at its button,
    with "Uw klacht is verstuurd" above the screen."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/klacht/")
    page.select_option("#id_organisatie", label="Zorg Thuis Lindewaard")
    page.fill("#id_wat", "De hulp kwam drie keer niet.")
    page.check("#id_contact_1")
    page.locator("text=Verstuur de klacht").scroll_into_view_if_needed()
    with page.expect_navigation():
        page.click("text=Verstuur de klacht")
    page.go_back()
    page.wait_for_load_state()
    notice = page.locator(".note", has_text="Uw klacht is verstuurd")
    assert 0 <= notice.bounding_box()["y"] < 844
    assert page.evaluate("() => document.activeElement.matches('.note[data-notice-first]')")


def test_what_was_typed_comes_back_after_a_reload_until_the_complaint_is_sent(page, live_server, data):
    """A walk: a reload of the form lost "Wat ging er mis?" and the organisation chosen."""
    page.goto(f"{live_server.url}/klacht/")
    page.select_option("#id_organisatie", label="Zorg Thuis Lindewaard")
    page.fill("#id_wat", "De hulp kwam drie keer niet.")
    page.reload()
    assert page.input_value("#id_wat") == "De hulp kwam drie keer niet."
    assert page.locator("#id_organisatie option:checked").inner_text() == "Zorg Thuis Lindewaard"
    with page.expect_navigation():  # a review: the page with errors shows the post once; a reload lost it
        page.click("text=Verstuur de klacht")  # "may we contact you" is not answered yet
    page.reload()
    assert page.input_value("#id_wat") == "De hulp kwam drie keer niet."
    page.check("#id_contact_1")
    with page.expect_navigation():
        page.click("text=Verstuur de klacht")
    assert page.url.endswith("/klacht/verstuurd/")
    page.goto(f"{live_server.url}/klacht/")
    assert page.input_value("#id_wat") == ""


def test_on_a_phone_the_complaints_list_shows_status_and_term(page, live_server, data):
    """At 390 px the list scrolled sideways inside its box: status, "Antwoord uiterlijk" and "Te laat" were
    out of sight. Now each row is a card with every value beside its column's name."""
    page.set_viewport_size({"width": 390, "height": 844})
    _login(page, live_server, "klachtbehandelaar")
    page.goto(f"{live_server.url}/admin/klachten/")
    wrap = page.locator(".bo-table-wrap")
    assert wrap.evaluate("element => element.scrollWidth <= element.clientWidth")
    term = page.locator("td[data-label='Antwoord uiterlijk']").first
    label = term.evaluate("cell => getComputedStyle(cell, '::before').content")
    box = term.bounding_box()
    assert label == '"Antwoord uiterlijk"' and box["x"] + box["width"] <= 390
    assert axe_violations(page) == []


def test_the_complaint_says_how_much_room_is_left_while_typing(page, live_server, data):
    """A walk: "Wat ging er mis?" showed no count, and only after sending said "dit is 300 tekens te lang"."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/klacht/")
    limit = int(page.get_attribute("#id_wat", "data-max-length"))
    page.fill("#id_wat", "De hulp kwam drie keer niet.")
    assert page.text_content("#id_wat_count") == f"U kunt nog {limit - 28} tekens gebruiken."
    assert "id_wat_count" in page.get_attribute("#id_wat", "aria-describedby").split()
    page.fill("#id_wat", "x" * (limit + 300))
    assert page.text_content("#id_wat_count") == "Dit is 300 tekens te lang."
