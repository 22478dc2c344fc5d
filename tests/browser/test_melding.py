"""The melding in Chromium: both paths, for oneself and for someone else, errors on every step,
by keyboard alone (with JavaScript) and by mouse without JavaScript; axe-core on every page and error
state; no sideways scrolling at 320 px. One walk per case keeps the run short."""

import re

import pytest

from tests.browser.conftest import assert_no_horizontal_scroll, axe_violations
from tests.meldingen.conftest import ANDER_UITGEBREID, ZELF_KORT

pytestmark = pytest.mark.django_db(transaction=True)


def tab_to(page, selector: str, limit: int = 120):
    """Press Tab until the element matching `selector` has focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def fill_by_keyboard(page, step, data):
    for field, value in data.items():
        name = f"{step}-{field}"
        kind = page.get_attribute(f"[name='{name}']", "type") or "textarea"
        if kind == "radio":
            tab_to(page, f"input[name='{name}']")
            for _ in range(8):
                if page.evaluate("() => document.activeElement.value") == value:
                    break
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Space")
        elif kind == "checkbox":
            for item in value:
                tab_to(page, f"input[name='{name}'][value='{item}']")
                page.keyboard.press("Space")
        else:
            tab_to(page, f"[name='{name}']")
            page.keyboard.press("Control+A")
            page.keyboard.type(value)


def fill_by_mouse(page, step, data):
    for field, value in data.items():
        name = f"{step}-{field}"
        kind = page.get_attribute(f"[name='{name}']", "type") or "textarea"
        if kind == "radio":
            page.check(f"input[name='{name}'][value='{value}']")
        elif kind == "checkbox":
            for item in value:
                page.check(f"input[name='{name}'][value='{item}']")
        else:
            page.fill(f"[name='{name}']", value)


def press_verder(page, keyboard):
    if keyboard:
        tab_to(page, "form#melding-form .button-group button[type=submit]:not([name])")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    else:
        with page.expect_navigation():
            page.click("form#melding-form .button-group button[type=submit]:not([name])")


def assert_accessible(page, run_axe, what):
    if run_axe:
        assert axe_violations(page) == [], what
    assert_no_horizontal_scroll(page)


CASES = [
    pytest.param(ZELF_KORT, True, 320, id="zelf-kort-keyboard-320px"),
    pytest.param(ANDER_UITGEBREID, True, 1024, id="ander-uitgebreid-keyboard"),
    pytest.param(ANDER_UITGEBREID, False, 320, id="ander-uitgebreid-zonder-javascript-320px"),
    pytest.param(ZELF_KORT, False, 1024, id="zelf-kort-zonder-javascript"),
]


@pytest.mark.parametrize("steps,javascript,width", CASES)
def test_whole_melding(request, live_server, steps, javascript, width):
    page = request.getfixturevalue("page" if javascript else "page_without_js")
    page.set_viewport_size({"width": width, "height": 800})
    keyboard = javascript
    page.goto(f"{live_server.url}/melding/")
    assert_accessible(page, javascript, "start")
    if keyboard:
        tab_to(page, "a.button")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    else:
        with page.expect_navigation():
            page.click("a.button")

    total = len(steps) + 1
    for number, (step, data) in enumerate(steps, start=1):
        assert page.url.endswith(f"/melding/{step}/"), page.url
        # The total shows once the path is known (who it is for, short or long), so it never jumps; before,
        # the fewest and the most steps.
        before = dict(steps[: number - 1])
        fewest, most = {None: (6, 9), "zelf": (6, 8)}.get(before.get("voor-wie", {}).get("voor_wie"), (7, 9))
        ranged = f"Stap {number}. Er zijn {fewest} tot {most} stappen."
        expected = f"Stap {number} van {total}" if "keuze" in before else ranged
        assert f"{expected} –" in page.title()
        assert page.locator(".step-count").inner_text() == expected
        assert_accessible(page, javascript, step)
        if step == "waarover":  # its one question may stay empty: it has no error state
            (fill_by_keyboard if keyboard else fill_by_mouse)(page, step, data)
            press_verder(page, keyboard)
            continue
        press_verder(page, keyboard)  # nothing filled in: the error state
        assert page.title().startswith("Fout: "), step
        assert page.locator(".error-summary a").count() >= 1
        if javascript:
            assert page.evaluate("() => document.activeElement.matches('[data-error-summary]')")
        assert_accessible(page, javascript, f"{step} with errors")
        (fill_by_keyboard if keyboard else fill_by_mouse)(page, step, data)
        if step == "gegevens" and javascript:
            # The enhancement fills in street and town from postcode + house number.
            page.wait_for_function("() => document.querySelector(\"[name='gegevens-straat']\").value !== ''")
        press_verder(page, keyboard)

    assert page.url.endswith("/melding/controleren/")
    assert f"Stap {total} van {total}" in page.title()
    assert_accessible(page, javascript, "check page")
    press_verder(page, keyboard)
    assert page.title().startswith("Fout: ")
    assert_accessible(page, javascript, "check page with errors")
    if keyboard:
        tab_to(page, "input[name='controleren-toestemming']")
        page.keyboard.press("Space")
        tab_to(page, "form#melding-form .button-group button[type=submit]:not([name])")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    else:
        page.check("input[name='controleren-toestemming']")
        with page.expect_navigation():
            page.click("form#melding-form .button-group button[type=submit]:not([name])")

    assert page.url.endswith("/melding/bevestiging/")
    assert re.search(r"M-[2-9A-Z]{4}-[2-9A-Z]{4}", page.locator(".reference").inner_text())
    assert_accessible(page, javascript, "confirmation")


def test_wijzig_and_back_link_keep_input(live_server, page):
    """The back link (enhanced) keeps half-typed input; Wijzig returns to the check page."""
    page.goto(f"{live_server.url}/melding/voor-wie/?reset=1")
    for step, data in ZELF_KORT:
        if step == "gegevens":
            page.fill("[name='gegevens-naam']", "Half")
            page.click(".back-link")
            page.wait_for_url("**/melding/waarover/")
            page.click("form#melding-form .button-group button[type=submit]:not([name])")
            page.wait_for_url("**/melding/gegevens/")
            assert page.input_value("[name='gegevens-naam']") == "Half"
        fill_by_mouse(page, step, data)
        page.click("form#melding-form .button-group button[type=submit]:not([name])")
    page.wait_for_url("**/melding/controleren/")
    page.click("a[href='/melding/gegevens/?terug=controleren']")
    page.fill("[name='gegevens-naam']", "Jan de Boer")
    page.click("form#melding-form .button-group button[type=submit]:not([name])")
    # At the part just changed: a keyboard walk landed at the top and tabbed past every "Wijzig" again.
    page.wait_for_url("**/melding/controleren/#controleren-gegevens")
    assert "Jan de Boer" in page.content()
    page.keyboard.press("Tab")
    assert (
        page.evaluate("() => document.activeElement.getAttribute('href')")
        == "/melding/gegevens/?terug=controleren"
    )


def walk_to(page, live_server, target, steps=ZELF_KORT):
    """The melding by mouse up to the page `target` (a short melding for oneself, unless `steps` say)."""
    page.goto(f"{live_server.url}/melding/voor-wie/?reset=1")
    for step, data in steps:
        if step == target:
            break
        fill_by_mouse(page, step, data)
        page.click("form#melding-form .button-group button[type=submit]:not([name])")
    page.wait_for_url(f"**/melding/{target}/")


def to_gegevens(page, live_server):
    """A short melding for oneself, by mouse, up to the page with the address."""
    walk_to(page, live_server, "gegevens")


def to_the_check_page(page, live_server):
    """A short melding for oneself, by mouse, up to the check page."""
    to_gegevens(page, live_server)
    for step, data in ZELF_KORT[3:]:
        fill_by_mouse(page, step, data)
        page.click("form#melding-form .button-group button[type=submit]:not([name])")


def test_a_street_corrected_by_hand_stays_when_the_lookup_runs_again(live_server, page):
    """The enhancement fills in the street, but what the user typed there wins, as on the server."""
    to_gegevens(page, live_server)
    street = "[name='gegevens-straat']"
    page.fill("[name='gegevens-postcode']", "3911 AB")
    page.fill("[name='gegevens-huisnummer']", "12")
    page.press("[name='gegevens-huisnummer']", "Tab")
    page.wait_for_function(f"() => document.querySelector(\"{street}\").value !== ''")
    page.fill(street, "Molenstraat")
    # The lookup runs again for the new address; its message comes in the same step as the filling in.
    page.evaluate("() => { document.querySelector('[data-address-status]').textContent = ''; }")
    page.fill("[name='gegevens-toevoeging']", "A")
    page.press("[name='gegevens-toevoeging']", "Tab")
    page.wait_for_selector("[data-address-status] p")
    assert page.input_value(street) == "Molenstraat"
    page.click("[data-address-button]")  # asked for: the lookup's answer
    page.wait_for_function(f"() => document.querySelector(\"{street}\").value !== 'Molenstraat'")


def test_a_new_postcode_brings_its_own_street_and_enter_looks_it_up(live_server, page):
    """Back from a later step, a new postcode kept the street of the one before ("Kerkplein 12, 3913 AA", an
    address that does not exist); Enter in the house number moved the page on instead of looking it up."""
    to_gegevens(page, live_server)
    street = "[name='gegevens-straat']"
    page.fill("[name='gegevens-naam']", "Ans de Boer")
    page.fill("[name='gegevens-telefoon']", "0612345678")
    page.fill("[name='gegevens-postcode']", "3911 AB")
    page.fill("[name='gegevens-huisnummer']", "12")
    page.press("[name='gegevens-huisnummer']", "Enter")
    page.wait_for_function(f"() => document.querySelector(\"{street}\").value === 'Kerkplein'")
    assert page.url.endswith("/melding/gegevens/") and not page.locator("[data-error-summary]").count()
    page.click("form#melding-form .button-group button[type=submit]:not([name])")
    page.wait_for_url("**/melding/spoed/")
    page.goto(f"{live_server.url}/melding/gegevens/")
    page.fill("[name='gegevens-postcode']", "3913 AA")
    page.press("[name='gegevens-postcode']", "Tab")
    page.wait_for_function(f"() => document.querySelector(\"{street}\").value === 'Kadeweg'")
    page.goto(f"{live_server.url}/melding/gegevens/")  # Kerkplein still: the page was not sent
    page.fill("[name='gegevens-postcode']", "9999 ZZ")  # found nowhere: the street is asked again
    page.press("[name='gegevens-postcode']", "Tab")
    page.wait_for_function(f"() => document.querySelector(\"{street}\").value === ''")


def test_the_answer_of_enter_in_the_house_number_is_brought_into_sight(live_server, page):
    """A walk at 200%: after Enter in the house number, "Kijk of de postcode goed is" stood below the
    screen."""
    page.set_viewport_size({"width": 390, "height": 450})
    to_gegevens(page, live_server)
    page.fill("[name='gegevens-postcode']", "1234 AB")
    page.fill("[name='gegevens-huisnummer']", "12")
    page.locator("[name='gegevens-huisnummer']").evaluate("box => box.scrollIntoView({block: 'end'})")
    page.press("[name='gegevens-huisnummer']", "Enter")
    answer = page.locator("[data-address-status] .note")
    answer.wait_for()
    page.wait_for_function(
        "() => document.querySelector('[data-address-status] .note').getBoundingClientRect().bottom"
        " <= window.innerHeight + 1"  # a fraction of a pixel
    )
    assert answer.is_visible()


def test_zoek_adres_right_after_the_house_number_asks_the_server_once(live_server, page):
    """A walk: each look-up was sent twice, the house number's change event on leaving the box and then the
    click on "Zoek adres"."""
    asked = []
    page.on("request", lambda request: "/melding/adres/" in request.url and asked.append(request.url))
    to_gegevens(page, live_server)
    page.fill("[name='gegevens-postcode']", "3911 AB")
    page.fill("[name='gegevens-huisnummer']", "12")
    page.get_by_role("button", name="Zoek adres").click()
    page.wait_for_function("() => document.querySelector(\"[name='gegevens-straat']\").value === 'Kerkplein'")
    page.wait_for_timeout(300)
    assert len(asked) == 1


def test_the_lookup_does_not_write_in_the_street_while_she_types_it(live_server, page):
    """Straight from the house number into the street: the lookup's answer came while she was in it, and
    what she typed went after it, "EssenpleinEssenplein". It now waits until she leaves the street."""
    to_gegevens(page, live_server)
    street, town, status = "[name='gegevens-straat']", "[name='gegevens-woonplaats']", "[data-address-status]"
    page.fill("[name='gegevens-postcode']", "3911 AB")
    page.fill("[name='gegevens-huisnummer']", "12")
    page.click(street)
    page.wait_for_selector(f"{status} p")
    assert page.input_value(street) == ""
    assert page.input_value(town)  # a field she is not in is filled at once
    page.press(street, "Tab")  # left empty: the lookup's street comes now
    assert page.input_value(street)

    page.fill(street, "")
    page.evaluate(f"() => {{ document.querySelector('{status}').textContent = ''; }}")
    page.fill("[name='gegevens-huisnummer']", "14")
    page.click(street)
    page.wait_for_selector(f"{status} p")
    page.keyboard.type("Molenstraat")
    page.click(town)
    assert page.input_value(street) == "Molenstraat"


def test_a_postcode_that_finds_no_address_takes_back_the_street_of_the_last_one(live_server, page):
    """A street found for the first postcode stayed beside a new postcode that found nothing, and the melding
    was sent with the old street."""
    to_gegevens(page, live_server)
    street, town = "[name='gegevens-straat']", "[name='gegevens-woonplaats']"
    page.fill("[name='gegevens-postcode']", "3911 AB")
    page.fill("[name='gegevens-huisnummer']", "12")
    page.press("[name='gegevens-huisnummer']", "Tab")
    page.wait_for_function(f"() => document.querySelector(\"{street}\").value !== ''")
    page.evaluate("() => { document.querySelector('[data-address-status]').textContent = ''; }")
    page.fill("[name='gegevens-postcode']", "9999 ZZ")
    page.press("[name='gegevens-postcode']", "Tab")
    page.wait_for_selector("[data-address-status] p")
    assert page.input_value(street) == page.input_value(town) == ""


def test_the_address_boxes_on_one_line_line_up_with_and_without_errors(live_server, page):
    """Postcode and Toevoeging have a hint and Huisnummer none: boxes whose labels share a line still sit at
    the same height (a long error may move a field to the next line)."""
    page.set_viewport_size({"width": 1280, "height": 800})
    to_gegevens(page, live_server)

    def box_tops_per_line():
        lines = {}
        for name in ("postcode", "huisnummer", "toevoeging"):
            label = page.locator(f"label[for='id_gegevens-{name}']").bounding_box()["y"]
            box = page.locator(f"[name='gegevens-{name}']").bounding_box()["y"]
            lines.setdefault(round(label), set()).add(round(box))
        return lines

    assert [len(tops) for tops in box_tops_per_line().values()] == [1]
    page.click("form#melding-form .button-group button[type=submit]:not([name])")  # all empty: errors
    page.wait_for_selector("[data-error-summary]")
    assert all(len(tops) == 1 for tops in box_tops_per_line().values())


def test_zoek_adres_says_what_is_missing(live_server, page):
    to_gegevens(page, live_server)
    page.fill("[name='gegevens-postcode']", "12345")
    page.click("[data-address-button]")
    page.wait_for_selector("[data-address-status] p")
    assert "Vul een postcode in zoals 3911 AB" in page.inner_text("[data-address-status]")


ONE_LINE = """() => {
    const reference = document.querySelector('.reference');
    return reference.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(reference).lineHeight);
}"""


def test_the_meldingsnummer_stays_on_one_line_on_a_phone(live_server, page):
    """People write the number down: on a 390 px screen it never breaks at its dashes."""
    page.set_viewport_size({"width": 390, "height": 800})
    to_the_check_page(page, live_server)
    page.check("input[name='controleren-toestemming']")
    with page.expect_navigation():
        page.click("form#melding-form .button-group button[type=submit]:not([name])")
    assert page.url.endswith("/melding/bevestiging/")
    assert page.evaluate(ONE_LINE)
    # With the text at 200% the number ran off the screen, white on white, and "verstuurd" broke in two.
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert page.evaluate("() => document.querySelector('.reference').getBoundingClientRect().right") <= 390
    heading = "() => document.querySelector('.confirmation-panel h1').getClientRects()[0].width"
    assert page.evaluate(heading) <= 390
    page.go_back()  # to the check page: it says the melding was sent, with its number
    page.wait_for_selector(".reference")
    assert "al verstuurd" in page.inner_text("main")
    assert page.evaluate(ONE_LINE)
    # It opens at that message: the browser put back the check page's scroll position, and the message was
    # above the screen, with only "Nieuwe melding maken" in view.
    page.wait_for_load_state()
    assert page.evaluate("() => document.querySelector('h1').getBoundingClientRect().top") >= 0
    assert page.evaluate("() => document.activeElement.matches('h1[data-notice-first]')")


def test_with_large_text_on_a_phone_the_error_summary_breaks_no_word(live_server, page):
    """A walk at 150%: the summary read "Telefoonnumme" and "r: vul een telefoonnumme" and "r in."."""
    page.set_viewport_size({"width": 390, "height": 800})
    to_gegevens(page, live_server)
    data = dict(ZELF_KORT[3][1], telefoon="")
    fill_by_mouse(page, "gegevens", data)
    page.click("form#melding-form .button-group button[type=submit]:not([name])")
    assert page.inner_text(".error-summary__list a").startswith("Telefoonnummer:")
    page.evaluate("() => { document.documentElement.style.fontSize = '150%'; }")
    lines = page.evaluate(
        """() => { const range = document.createRange();
            range.selectNodeContents(document.querySelector('.error-summary__list a'));
            return [...range.getClientRects()].length; }"""
    )
    first_word = page.evaluate(
        """() => { const text = document.querySelector('.error-summary__list a').firstChild;
            const range = document.createRange();
            range.setStart(text, 0);
            range.setEnd(text, text.data.indexOf(' '));
            return range.getClientRects().length; }"""
    )
    assert lines > 1 and first_word == 1


def test_the_counter_counts_as_the_server_does(live_server, page):
    """New lines, an emoji and spaces at the end: the page says as much too long as the server then does."""
    walk_to(page, live_server, "situatie", ANDER_UITGEBREID)
    page.fill("[name='situatie-wat_lukt_niet']", "x" * 1996 + "\n\nOké 😀  \n")
    on_the_page = page.text_content("#id_situatie-wat_lukt_niet_count")
    assert on_the_page == "Dit is 3 tekens te lang.", on_the_page  # 1,996 + 2 new lines + "Oké 😀" (5)
    with page.expect_navigation():
        page.click("form#melding-form .button-group button[type=submit]:not([name])")
    assert "Dit is 3 tekens te lang." in page.text_content("main")


def test_the_counter_is_read_with_its_box_and_spoken_when_the_room_runs_short(live_server, page):
    """Walks with a screen reader: the count was a live region that spoke after every key, then after every
    pause in typing ("U kunt nog 1988 tekens gebruiken." over the letters typed)."""
    walk_to(page, live_server, "situatie", ANDER_UITGEBREID)
    box, counter = "[name='situatie-wat_lukt_niet']", "#id_situatie-wat_lukt_niet_count"
    assert "id_situatie-wat_lukt_niet_count" in page.get_attribute(box, "aria-describedby").split()
    assert page.get_attribute(counter, "aria-live") is None
    spoken = page.locator(f"{counter} + [aria-live='polite']")
    assert spoken.text_content() == ""  # the first count is read with the box, not on its own
    page.type(box, "Koken lukt niet")
    page.wait_for_timeout(1500)  # a pause in typing, longer than the count waits for
    assert spoken.text_content() == ""  # 1,985 characters left: no news
    page.fill(box, "Koken lukt niet. " * 106)  # 1,802 characters
    page.type(box, "x")
    page.wait_for_function(
        "([counter, spoken]) => document.querySelector(spoken).textContent === "
        "document.querySelector(counter).textContent",
        arg=[counter, f"{counter} + [aria-live='polite']"],
    )
    assert spoken.text_content() == "U kunt nog 197 tekens gebruiken."


def test_after_a_summary_link_the_next_summary_gets_the_focus(live_server, page):
    """A walk by keyboard: after the link "Naam: vul de naam in." the address ended in #id_gegevens-naam, the
    page was sent from there with another mistake, and opened at the name: the new summary out of sight and
    not read. The next steps opened at their first field too."""
    to_gegevens(page, live_server)
    press_verder(page, keyboard=False)
    page.click(".error-summary a[href='#id_gegevens-naam']")
    assert page.url.endswith("#id_gegevens-naam")
    page.fill("[name='gegevens-naam']", "Fatma Yilmaz")
    press_verder(page, keyboard=False)
    assert page.title().startswith("Fout: ") and "#" not in page.url
    assert page.evaluate("() => document.activeElement.matches('[data-error-summary]')")


def test_at_400_percent_zoom_a_summary_link_shows_the_question_with_its_field(live_server, page):
    """A walk at 400% zoom (320 x 256 px): the link "Postcode: ..." put the field at the top of the screen,
    its label "Postcode" out of sight above it."""
    to_gegevens(page, live_server)
    page.set_viewport_size({"width": 320, "height": 256})
    fill_by_mouse(page, "gegevens", dict(dict(ZELF_KORT)["gegevens"], postcode="12AB"))
    press_verder(page, keyboard=False)
    page.click(".error-summary a[href='#id_gegevens-postcode']")
    page.wait_for_function("() => document.activeElement.id === 'id_gegevens-postcode'")
    label = page.locator("label[for='id_gegevens-postcode']").bounding_box()
    field = page.locator("#id_gegevens-postcode").bounding_box()
    assert label["y"] >= 0 and field["y"] + field["height"] <= 256
    assert page.url.endswith("#id_gegevens-postcode")


def test_the_focused_error_summary_has_the_sites_dark_focus_ring(live_server, page):
    """A keyboard walk with weak eyes: the summary's focus was a yellow outline alone, 1.6:1 on white."""
    to_gegevens(page, live_server)
    press_verder(page, keyboard=False)
    page.wait_for_function("() => document.activeElement.matches('[data-error-summary]')")
    ring = page.evaluate(
        "() => { const style = getComputedStyle(document.activeElement);"
        " return [style.outlineStyle, style.outlineColor, style.boxShadow]; }"
    )
    assert ring[0] == "solid" and ring[1] == "rgb(26, 26, 26)" and "rgb(255, 191, 71)" in ring[2], ring


def test_after_a_summary_link_the_wrong_answer_is_ready_to_mend(live_server, page):
    """A walk by keyboard: after the link the cursor stood before "06 1234"; Backspace deleted nothing and the
    right number was typed in front of the wrong one. The line is selected, as Tab selects it."""
    to_gegevens(page, live_server)
    fill_by_mouse(page, "gegevens", dict(dict(ZELF_KORT)["gegevens"], telefoon="06 1234"))
    press_verder(page, keyboard=False)
    page.focus(".error-summary a[href='#id_gegevens-telefoon']")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'id_gegevens-telefoon'")
    page.keyboard.type("06 12345678")
    assert page.input_value("#id_gegevens-telefoon") == "06 12345678"


def test_a_summary_link_to_the_consent_shows_its_error(live_server, page):
    """A walk on a phone: the link to the consent put the box at the top of the screen, its error above it."""
    page.set_viewport_size({"width": 390, "height": 844})
    to_the_check_page(page, live_server)
    press_verder(page, keyboard=False)
    page.click(".error-summary a[href='#id_controleren-toestemming']")
    page.wait_for_function("() => document.activeElement.id === 'id_controleren-toestemming'")
    assert page.locator("#id_controleren-toestemming_error").bounding_box()["y"] >= -1  # a fraction of a px


def correct_a_postcode_and_move_on(page, live_server):
    """The address page sent with the postcode "12", corrected on its page with errors, and sent again."""
    to_gegevens(page, live_server)
    verder = "form#melding-form .button-group button[type=submit]:not([name])"
    fill_by_mouse(page, "gegevens", dict(dict(ZELF_KORT)["gegevens"], postcode="12"))
    page.click(verder)
    page.wait_for_selector(".error-summary")
    page.fill("[name='gegevens-postcode']", "3911 AB")
    page.click(verder)
    page.wait_for_url("**/melding/spoed/")


def test_back_to_a_page_that_had_errors_shows_it_without_sending_the_form_again(live_server, page):
    """A page with errors is the answer of a redirect, so the back button finds a page, not Chromium's
    "Bevestig het opnieuw indienen van het formulier" (ERR_CACHE_MISS: the pages are not stored)."""
    correct_a_postcode_and_move_on(page, live_server)
    response = page.go_back()
    assert response is not None and response.ok and response.request.method == "GET"
    assert page.url.endswith("/melding/gegevens/")
    assert page.input_value("[name='gegevens-postcode']") == "3911 AB"


def test_back_twice_shows_the_corrected_answer_not_the_wrong_one_before_it(live_server, page):
    """Each page with errors is an entry in the browser's history, and the browser puts back what its fields
    held when it was left: the postcode "12", corrected since, and "Verder" stored it again."""
    correct_a_postcode_and_move_on(page, live_server)
    page.go_back()
    page.go_back()
    assert page.url.endswith("/melding/gegevens/")
    assert page.input_value("[name='gegevens-postcode']") == "3911 AB"


def test_back_and_forward_to_a_page_not_yet_sent_keeps_what_was_typed(live_server, page):
    """Only a page with stored answers shows them again: on a page never sent, what the browser kept is all
    there is of what she typed."""
    to_gegevens(page, live_server)
    page.fill("[name='gegevens-naam']", "Half getypt")
    page.go_back()
    page.wait_for_url("**/melding/waarover/")
    page.go_forward()
    assert page.url.endswith("/melding/gegevens/")
    assert page.input_value("[name='gegevens-naam']") == "Half getypt"


def test_a_page_not_yet_sent_comes_back_as_typed_after_back_and_verder_or_a_reload(live_server, page):
    """A walk: on a phone she pressed Back on "Uw gegevens", then "Verder" (or the page reloaded): everything
    she had typed there was gone."""
    to_gegevens(page, live_server)
    page.fill("[name='gegevens-naam']", "Half getypt")
    page.fill("[name='gegevens-telefoon']", "06 12345678")
    page.go_back()
    page.wait_for_url("**/melding/waarover/")
    page.click("form#melding-form .button-group button[type=submit]:not([name])")
    page.wait_for_url("**/melding/gegevens/")
    assert page.input_value("[name='gegevens-naam']") == "Half getypt"
    assert page.input_value("[name='gegevens-telefoon']") == "06 12345678"
    page.fill("[name='gegevens-naam']", "Anders getypt")
    page.reload()
    assert page.input_value("[name='gegevens-naam']") == "Anders getypt"


def test_what_was_typed_never_fills_a_new_melding_nor_covers_a_stored_answer(live_server, page):
    to_gegevens(page, live_server)
    page.fill("[name='gegevens-naam']", "Half getypt")
    to_gegevens(page, live_server)  # "Opnieuw beginnen": a new melding
    assert page.input_value("[name='gegevens-naam']") == ""
    kept = page.evaluate("() => Object.keys(sessionStorage).filter(k => k.startsWith('concept:'))")
    assert len({key.split(":")[2] for key in kept}) == 1  # only this melding's: the earlier one's went
    fill_by_mouse(page, "gegevens", dict(ZELF_KORT)["gegevens"])
    page.click("form#melding-form .button-group button[type=submit]:not([name])")
    page.wait_for_url("**/melding/spoed/")
    page.go_back()
    page.wait_for_url("**/melding/gegevens/")
    stored = page.input_value("[name='gegevens-naam']")
    assert stored == dict(ZELF_KORT)["gegevens"]["naam"]
    page.fill("[name='gegevens-naam']", "")
    page.reload()  # the stored answer, not the text typed before it
    assert page.input_value("[name='gegevens-naam']") == stored


def send_with_errors_and_look_up(page, live_server, **wrong):
    """The address page sent with the postcode "12" (and `wrong` answers), then the postcode corrected: the
    lookup finds the address."""
    to_gegevens(page, live_server)
    fill_by_mouse(page, "gegevens", dict(dict(ZELF_KORT)["gegevens"], postcode="12", **wrong))
    page.click("form#melding-form .button-group button[type=submit]:not([name])")
    page.wait_for_selector(".error-summary")
    assert "Postcode: vul een postcode in" in page.inner_text(".error-summary")
    assert page.get_attribute(".error-summary", "role") == "alert"
    page.fill("[name='gegevens-postcode']", "3911 AB")
    page.press("[name='gegevens-postcode']", "Tab")
    page.wait_for_selector("[data-address-status] p")
    found = "Wij hebben het adres gevonden: Kerkplein in Lindewaard."
    assert found in page.inner_text("[data-address-status]")


def test_a_found_address_takes_away_the_errors_it_answers(live_server, page):
    """The page said what was wrong with the postcode; the lookup for the corrected one found the address,
    and "vul een postcode in" stayed beside it and at the top."""
    send_with_errors_and_look_up(page, live_server, naam="")
    postcode = "[name='gegevens-postcode']"
    assert page.locator("#id_gegevens-postcode_error").count() == 0
    assert page.get_attribute(postcode, "aria-invalid") is None
    assert page.get_attribute(postcode, "aria-describedby") == "id_gegevens-postcode_helptext"
    assert page.locator(".error-summary li").all_inner_texts() == ["Naam: vul de naam in."]
    assert page.title().startswith("Fout: ")  # the name is still wrong
    # Read out when the page opened, not again for the line that went (a walk with a screen reader).
    assert page.get_attribute(".error-summary", "role") == "group"


def test_a_found_address_that_answers_every_error_takes_away_the_summary(live_server, page):
    send_with_errors_and_look_up(page, live_server)
    assert page.locator(".error-summary, .form-field--invalid").count() == 0
    assert page.title().startswith("Uw gegevens")


def test_an_error_that_asks_for_an_answer_goes_once_one_is_typed(live_server, page):
    """A walk: the lookup took the address errors away, and "Vul de naam in." stayed beside the name typed
    since. An error about what was typed (the phone number) stays until "Verder"."""
    send_with_errors_and_look_up(page, live_server, naam="", telefoon="12")
    assert page.locator("#id_gegevens-naam_error[data-error-required]").count() == 1
    page.fill("[name='gegevens-naam']", "Ans de Vries")
    assert page.locator("#id_gegevens-naam_error").count() == 0
    assert page.get_attribute("[name='gegevens-naam']", "aria-invalid") is None
    summary = page.locator(".error-summary li").all_inner_texts()
    assert len(summary) == 1 and summary[0].startswith("Telefoonnummer")
    page.fill("[name='gegevens-telefoon']", "0612345678")
    assert page.locator("#id_gegevens-telefoon_error").count() == 1


def test_a_choice_made_takes_away_the_error_that_asked_for_it(live_server, page):
    """A walk: "Kies een antwoord." stayed beside the choice made, while a box's error went as she typed."""
    page.goto(f"{live_server.url}/melding/voor-wie/?reset=1")
    page.click("form#melding-form .button-group button[type=submit]:not([name])")
    page.wait_for_selector(".error-summary")
    fieldset = page.locator("fieldset.form-field--invalid")
    error_id = fieldset.get_attribute("aria-describedby").split()[-1]
    assert page.locator(f"#{error_id}[data-error-required]").count() == 1
    page.locator("input[name='voor-wie-voor_wie']").first.check()
    assert page.locator(f"#{error_id}").count() == 0
    assert page.locator(".error-summary, .form-field--invalid").count() == 0
    assert not page.title().startswith("Fout: ")


def _heights(page, selector: str) -> list[float]:
    return [element.bounding_box()["height"] for element in page.locator(selector).all()]


def test_on_a_phone_every_choice_and_link_of_the_melding_is_tall_enough_to_tap(live_server, page):
    """A walk at 390 px: a choice's row was 29 px high, "Wijzig" and "Terug" 29 px, "Opslaan en later verder"
    23 px; for a hand that shakes, 44."""
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}/melding/voor-wie/?reset=1")
    choices = _heights(page, ".choices__item label")
    assert len(choices) >= 3 and min(choices) >= 44, choices
    assert min(_heights(page, "button[name='opslaan']")) >= 44
    fill_by_mouse(page, "voor-wie", ZELF_KORT[0][1])
    page.click("form#melding-form .button-group button[type=submit]:not([name])")
    page.wait_for_url("**/melding/keuze/")
    assert min(_heights(page, ".back-link")) >= 44
    walk_to(page, live_server, "controleren")
    changes = _heights(page, ".check-section__header a")
    assert changes and min(changes) >= 44, changes


def test_the_red_bar_of_a_question_with_choices_starts_at_the_question(live_server, page):
    """A walk: with an error the red bar of "Voor wie is de hulp?" started below the question, which stood
    outside the marked part."""
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}/melding/voor-wie/?reset=1")
    page.click("form#melding-form .button-group button[type=submit]:not([name])")
    fieldset = page.locator("fieldset.form-field--invalid").first
    legend = fieldset.locator("legend")
    assert legend.bounding_box()["y"] >= fieldset.bounding_box()["y"]
    assert legend.bounding_box()["x"] > fieldset.bounding_box()["x"]  # inside the bar, not on it


def test_a_question_for_one_answer_shows_once_that_answer_is_chosen(live_server, page):
    """A walk: "Waar dan?" stood under "Bij mij thuis" too, and "Waarom is het dringend?" under "Nee". They
    show once the answer they belong to is chosen, and stay while they hold text or an error."""
    waar_dan = page.locator("[data-shown-when='gesprek-plek=elders']")
    walk_to(page, live_server, "gesprek", steps=ANDER_UITGEBREID)
    assert waar_dan.is_hidden()
    wie = page.locator("[data-shown-when='gesprek-wie_erbij=anders']")
    assert wie.is_hidden()
    page.check("input[name='gesprek-wie_erbij'][value='anders']")
    assert wie.is_visible()
    page.check("input[name='gesprek-plek'][value='elders']")
    assert waar_dan.is_visible()
    page.fill("[name='gesprek-plek_anders']", "Bij mijn dochter")
    page.check("input[name='gesprek-plek'][value='thuis']")
    assert waar_dan.is_visible()  # it holds what she typed
    page.fill("[name='gesprek-plek_anders']", "")
    page.check("input[name='gesprek-plek'][value='elders']")
    page.click("form#melding-form .button-group button[type=submit]:not([name])")
    page.wait_for_url("**/melding/gesprek/")
    assert waar_dan.is_visible() and "Vul dan in waar het gesprek kan zijn." in waar_dan.inner_text()
    assert wie.is_visible() and "U koos Iemand anders. Vul in wie dat is." in wie.inner_text()

    page.fill("[name='gesprek-plek_anders']", "Bij mijn dochter")
    page.fill("[name='gesprek-wie_anders']", "Mijn dochter")
    page.click("form#melding-form .button-group button[type=submit]:not([name])")
    page.wait_for_url("**/melding/spoed/")
    waarom = page.locator("[data-shown-when='spoed-spoed=ja']")
    assert waarom.is_hidden()
    page.check("input[name='spoed-spoed'][value='ja']")
    assert waarom.is_visible()
    page.check("input[name='spoed-spoed'][value='nee']")
    assert waarom.is_hidden()


def test_without_javascript_every_question_stays_in_sight(live_server, page_without_js):
    walk_to(page_without_js, live_server, "gesprek", steps=ANDER_UITGEBREID)
    assert page_without_js.locator("[name='gesprek-plek_anders']").is_visible()
