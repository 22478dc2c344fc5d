"""The gesprek's new pages in a real browser, axe-core on every page and form state: the melding with the
kaart's voorzieningen, verwijzingen and nazorg, the inbox with a signal and nazorg due, the dashboard, and
the provider's signal form (empty, with errors) and list."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from meldingen.backoffice import roles
from meldingen.backoffice.workflow import Status, Uitkomst
from tests.browser.conftest import axe_violations
from tests.meldingen.backoffice.fixtures import PASSWORD, store

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def data():
    from meldingen.backoffice.models import Wijkteam
    from socialekaart.models import AanbiederAccount, Capaciteit, Wijk, WijkPostcode
    from tests.socialekaart.factories import (
        LocatieFactory,
        TermFactory,
        VoorzieningFactory,
        VoorzieningOpLocatieFactory,
    )

    roles.ensure_roles()
    wijk = Wijk.objects.create(name="Centrum", slug="centrum", cbs_code="WK990101")
    WijkPostcode.objects.create(wijk=wijk, pc4="3911", latitude=52.0, longitude=5.0)
    team = Wijkteam.objects.create(name="Wijkteam Centrum", mailbox="centrum@lindewaard.example")
    team.wijken.add(wijk)
    users = get_user_model().objects
    teamleider = users.create_user("teamleider", "tl@lindewaard.example", PASSWORD, first_name="Tess")
    teamleider.groups.add(Group.objects.get(name=roles.TEAMLEIDER))
    aanbieder = users.create_user("aanbieder", "a@lindewaard.example", PASSWORD)
    aanbieder.groups.add(Group.objects.get(name="Aanbieders"))
    professional = users.create_user("huisarts", "h@lindewaard.example", PASSWORD)
    professional.groups.add(Group.objects.get(name="Professionals"))
    voorziening = VoorzieningFactory(
        name="Klussendienst", themas=[TermFactory(code="huishouden")], wijken=[wijk]
    )
    locatie = LocatieFactory(organisatie=voorziening.organisatie, latitude=52.01, longitude=5.0)
    VoorzieningOpLocatieFactory(voorziening=voorziening, locatie=locatie)
    AanbiederAccount.objects.create(user=aanbieder, organisatie=voorziening.organisatie)
    Capaciteit.objects.create(voorziening=voorziening, wijk=wijk, status="ja")
    melding = store(onderwerpen=("huishouden",))
    behandeling = melding.behandeling
    for status in (Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND, Status.ONDERZOEK_AFGEROND):
        behandeling.change_status(status, teamleider)
    behandeling.change_status(
        Status.AFGEHANDELD,
        teamleider,
        uitkomst=Uitkomst.TOEGEKEND,
        start_ondersteuning=timezone.localdate() - timedelta(weeks=7),
    )
    from meldingen.backoffice import kaart, signalen

    kaart.record(melding, teamleider, str(voorziening.id), "verwezen")
    signalen.send(
        aanbieder,
        {
            "naam": "Carla Smit",
            "postcode": "3911 AB",
            "telefoon": "",
            "onderwerpen": ["eenzaamheid"],
            "toelichting": "Zij is veel alleen.",
            "toestemming_door": "client",
        },
    )
    open_melding = store(onderwerpen=("huishouden",), name="Bert Jansen")
    return {"behandeling": behandeling, "open": open_melding.behandeling}


def _login(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def _violations(page, url=None):
    if url:
        page.goto(url)
    return axe_violations(page)


def test_the_gesprek_pages_of_the_backoffice_have_no_axe_violations(page, live_server, data):
    from meldingen.backoffice.models import Signaal

    _login(page, live_server, "teamleider")
    base = f"{live_server.url}/admin/backoffice"
    results = {
        "inbox with a signal and nazorg due": _violations(page, f"{base}/"),
        "melding with kaart, verwijzingen and nazorg": _violations(
            page, f"{base}/meldingen/{data['behandeling'].pk}/"
        ),
        "open melding with the kaart": _violations(page, f"{base}/meldingen/{data['open'].pk}/"),
        "signal": _violations(page, f"{base}/signalen/{Signaal.objects.get().pk}/"),
        "finished signals, none yet": _violations(page, f"{base}/signalen/afgerond/"),
        "dashboard with verwijzingen and nazorg": _violations(page, f"{base}/overzicht/"),
    }
    page.goto(f"{base}/meldingen/{data['open'].pk}/")
    with page.expect_navigation():
        page.click("button:has-text('Besproken')")
    results["melding after recording a verwijzing"] = _violations(page)
    assert "Vastgelegd" in page.content()
    page.goto(f"{base}/")
    with page.expect_navigation():
        page.click("button:has-text('Tevreden')")
    results["inbox after recording nazorg"] = _violations(page)
    assert "Nazorg vastgelegd" in page.content()
    Signaal.objects.update(status=Signaal.Status.AFGEROND)
    results["finished signals"] = _violations(page, f"{base}/signalen/afgerond/")
    assert "Signaal" in page.content() and "Afgerond" in page.content()
    assert results == {name: [] for name in results}


def test_the_signal_pages_for_providers_have_no_axe_violations(page, live_server, data):
    _login(page, live_server, "aanbieder")
    base = f"{live_server.url}/admin/backoffice/signalen"
    results = {"form": _violations(page, f"{base}/nieuw/")}
    with page.expect_navigation():
        page.click("text=Signaal versturen")
    assert page.title().startswith("Fout: ")
    results["form with errors"] = _violations(page)
    page.fill("#id_afzender_telefoon", "030 234 5678")
    page.fill("#id_naam", "Piet Klaassen")
    page.fill("#id_postcode", "3911 AB")
    page.check("#id_onderwerpen_0")
    page.fill("#id_toelichting", "Hij heeft veel post die hij niet opent.")
    # "Hooguit 1000 tekens" had no count: the public forms' counter works here too.
    assert page.text_content("#id_toelichting_count") == f"U kunt nog {1000 - 39} tekens gebruiken."
    page.check("#id_toestemming")
    page.select_option("#id_toestemming_door", "client")
    with page.expect_navigation():
        page.click("text=Signaal versturen")
    results["my signals after sending"] = _violations(page)
    assert "Uw signaal is verstuurd" in page.content()
    # A walk at 1280 px: the team's mailbox made the table wider than its box ("Laatst gewijzig").
    page.set_viewport_size({"width": 1280, "height": 800})
    assert page.locator(".bo-table-wrap").first.evaluate("wrap => wrap.scrollWidth <= wrap.clientWidth")
    # A walk at 390 px: the table's last change stood out of sight to the right, the kenmerk broke at a dash.
    page.set_viewport_size({"width": 390, "height": 844})
    changed = page.locator("td[data-label='Laatst gewijzigd']").first.bounding_box()
    assert changed["x"] + changed["width"] <= 390
    assert page.locator("td .bo-kenmerk").first.evaluate("kenmerk => kenmerk.getClientRects().length") == 1
    results["my signals at 390 px"] = _violations(page)
    assert results == {name: [] for name in results}


def test_a_professional_names_the_organisation_and_the_form_stays_clean(page, live_server, data):
    _login(page, live_server, "huisarts")
    base = f"{live_server.url}/admin/backoffice/signalen"
    results = {"form": _violations(page, f"{base}/nieuw/")}
    with page.expect_navigation():
        page.click("text=Signaal versturen")
    assert "Vul de naam van uw organisatie of praktijk in." in page.content()
    results["form with errors"] = _violations(page)
    assert results == {name: [] for name in results}


def test_the_providers_home_lists_its_voorzieningen_apart_enough_to_tap(page, live_server, data):
    """axe-core's target-size: the home panel's links to a provider's voorzieningen stood too close."""
    from socialekaart.models import AanbiederAccount
    from tests.socialekaart.factories import VoorzieningFactory

    organisatie = AanbiederAccount.objects.get(user__username="aanbieder").organisatie
    VoorzieningFactory.create_batch(2, organisatie=organisatie)
    _login(page, live_server, "aanbieder")
    assert _violations(page, f"{live_server.url}/admin/") == []
    assert page.locator("#socialekaart-aanbieder-content li a").count() == 3


def test_the_providers_edit_pages_have_no_axe_violations_on_a_phone(page, live_server, data):
    """At 390 px Wagtail's minimap toggle (20 px) was too small to tap on the capacity and opening-hours
    pages. And the page that plans one closure for several voorzieningen."""
    from socialekaart.models import Capaciteit, VoorzieningOpLocatie

    page.set_viewport_size({"width": 390, "height": 844})
    _login(page, live_server, "aanbieder")
    base = f"{live_server.url}/admin/snippets/socialekaart"
    plek = VoorzieningOpLocatie.objects.get()
    pages = {
        "capaciteit": f"{base}/capaciteit/edit/{Capaciteit.objects.get().pk}/",
        "openingstijden": f"{base}/voorzieningoplocatie/edit/{plek.pk}/",
        "sluiting plannen": f"{live_server.url}/admin/bulk/socialekaart/voorziening/sluiting/"
        f"?id={plek.voorziening_id}",
    }
    results = {name: _violations(page, url) for name, url in pages.items()}
    assert results == {name: [] for name in results}


@pytest.mark.parametrize("width", [390, 1280])
def test_the_voorziening_form_with_its_places_has_no_axe_violations(page, live_server, data, width):
    """A walk: the link to a place's opening hours on the voorziening's form was too small to tap (axe-core's
    target-size)."""
    from socialekaart.models import VoorzieningOpLocatie

    page.set_viewport_size({"width": width, "height": 900})
    _login(page, live_server, "aanbieder")
    plek = VoorzieningOpLocatie.objects.select_related("voorziening").get()
    url = f"{live_server.url}/admin/snippets/socialekaart/voorziening/edit/{plek.voorziening.pk}/"
    assert _violations(page, url) == []
    assert page.get_by_role("link", name=plek.locatie.name).is_visible()


def test_on_a_phone_a_provider_sees_whether_their_availability_is_up_to_date(page, live_server, data):
    """A walk at 390 px: Wagtail's listing was cut off at the screen's edge, with "Bijgewerkt op" and
    "Actueel" out of reach; now it scrolls, and whether it is up to date is the third column."""
    page.set_viewport_size({"width": 390, "height": 844})
    _login(page, live_server, "aanbieder")
    page.goto(f"{live_server.url}/admin/snippets/socialekaart/capaciteit/")
    table = page.locator("table.listing")
    headers = [text.strip() for text in table.locator("thead th").all_inner_texts() if text.strip()]
    assert headers[:3] == ["Voorziening", "Wijk", "Bijgewerkt in de laatste 7 dagen?"], headers
    wrap = table.locator("xpath=..")
    assert wrap.evaluate("element => getComputedStyle(element).overflowX") == "auto"
    assert wrap.evaluate("element => { element.scrollLeft = 10000; return element.scrollLeft > 0; }")
    assert table.locator("thead th").last.bounding_box()["x"] < 390  # scrolled into reach


def test_on_a_phone_a_message_of_several_lines_stands_beside_the_menu_button(page, live_server, data):
    """Two walks at 390 px: Wagtail puts its menu button 82 px down while a message shows, and a message of
    three lines ran under it ("... uiterlijk 11 december 2026" read "ember 2026")."""
    from socialekaart.models import VoorzieningOpLocatie

    page.set_viewport_size({"width": 390, "height": 844})
    _login(page, live_server, "aanbieder")
    voorziening = VoorzieningOpLocatie.objects.select_related("voorziening").get().voorziening
    voorziening.name = "Klussendienst voor ouderen en voor mensen met een beperking"  # a message of lines
    voorziening.save()
    page.goto(f"{live_server.url}/admin/snippets/socialekaart/voorziening/edit/{voorziening.pk}/")
    with page.expect_navigation():
        page.locator("footer button[type=submit]").first.click()
    page.evaluate("window.scrollTo(0, 0)")  # as the page opens: the form's save may leave it scrolled down
    message = page.locator(".messages li").first
    assert message.bounding_box()["height"] > 120  # the case: taller than Wagtail reckons with
    covered = message.evaluate(
        """(item, button) => {
            const menu = button.getBoundingClientRect(), covered = [];
            const under = (box) => !(box.right <= menu.left || box.left >= menu.right
                || box.bottom <= menu.top || box.top >= menu.bottom);
            const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const range = document.createRange(), text = walker.currentNode.data.trim();
                range.selectNodeContents(walker.currentNode);
                if (text && [...range.getClientRects()].some(under)) covered.push(text);
            }
            for (const control of item.querySelectorAll("a, button")) {
                if (under(control.getBoundingClientRect())) covered.push(control.textContent.trim());
            }
            return covered;
        }""",
        page.locator(".sidebar-nav-toggle").element_handle(),
    )
    assert covered == []


def test_on_a_phone_a_name_in_wagtails_listings_breaks_between_words(page, live_server, data):
    """A walk at 390 px: the list of voorzieningen squeezed the names to a few letters a line ("Begel", "eid",
    "wone", "n Centrum"); the table scrolls sideways, so a name can keep its words whole."""
    page.set_viewport_size({"width": 390, "height": 844})
    _login(page, live_server, "aanbieder")
    page.goto(f"{live_server.url}/admin/snippets/socialekaart/voorziening/")
    name = page.locator("table.listing td.title a").first
    assert name.inner_text().strip() == "Klussendienst"
    broken = name.evaluate(
        """element => {
            const words = [], walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const node = walker.currentNode;
                for (const match of node.data.matchAll(/\\S+/g)) {
                    const range = document.createRange();
                    range.setStart(node, match.index);
                    range.setEnd(node, match.index + match[0].length);
                    const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
                    if (lines.size > 1) words.push(match[0]);
                }
            }
            return words;
        }"""
    )
    assert broken == []


def test_on_a_phone_the_kaart_on_a_melding_has_buttons_to_tap_apart(page, live_server, data):
    """A walk at 390 px: "Besproken" and "Verwezen" were about 90 x 24 px, 1 px apart, in a table that
    scrolled sideways under Wagtail's menu button; one tap records a verwijzing at once."""
    page.set_viewport_size({"width": 390, "height": 844})
    _login(page, live_server, "teamleider")
    page.goto(f"{live_server.url}/admin/backoffice/meldingen/{data['open'].pk}/")
    kaart = page.locator("section[aria-labelledby='kaart-heading']")
    wrap = kaart.locator(".bo-table-wrap").first
    assert wrap.evaluate("element => element.scrollWidth <= element.clientWidth")
    besproken, verwezen = (box.bounding_box() for box in kaart.locator(".bo-inline-form .button").all()[:2])
    assert besproken["height"] >= 44 and verwezen["height"] >= 44
    assert verwezen["x"] - (besproken["x"] + besproken["width"]) >= 8  # apart, on one line
    # So is the button beside the persoonlijk plan at the top (24 px tall at first).
    assert page.get_by_role("button", name="Persoonlijk plan ontvangen").bounding_box()["height"] >= 44
    assert _violations(page) == []
    # Recorded, the page comes back at the kaart with the focus there: a keyboard walk found it on <body>.
    with page.expect_navigation():
        kaart.locator(".bo-inline-form .button").first.press("Enter")
    page.wait_for_load_state()
    assert page.evaluate("() => document.activeElement.id") == "kaart-heading"
