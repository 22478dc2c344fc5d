"""The portal's pages in Chromium: axe-core, keyboard, JavaScript off, 320 px and paper."""

import pytest

from tests.browser.conftest import assert_no_horizontal_scroll, axe_violations, enlarge_text

INFO = "/hulp-voor-mezelf/hulp-bij-het-huishouden/"
# The demo's pages, loaded once for the module (tests/conftest.py), each test in a savepoint of its own.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]
PAGES = [
    "/",
    INFO,
    "/hulp-voor-mezelf/",
    "/begrippen/",
    "/zoeken/?q=huishoudn",
    "/bestaat-niet/",
    "/privacy/",
]


@pytest.fixture
def site(live_server_in_a_savepoint):
    return live_server_in_a_savepoint.url


def test_axe_finds_no_violations(site, page):
    for path in PAGES:
        page.goto(site + path)
        assert axe_violations(page) == [], path
    # Also with an explanation of a term opened.
    page.goto(site + INFO)
    page.locator(".begrip__term").first.click()
    assert axe_violations(page) == []


def test_no_horizontal_scroll_at_320_px(site, page):
    page.set_viewport_size({"width": 320, "height": 800})
    for path in PAGES:
        page.goto(site + path)
        assert_no_horizontal_scroll(page)


def test_no_horizontal_scroll_with_text_twice_as_large_on_a_phone(site, page_for_large_text):
    """A walk (WCAG 1.4.4 and 1.4.10): with the text at 200% at 390 px every page scrolled sideways by 154 px,
    through the footer's columns of at least 16rem."""
    for path in PAGES:
        page_for_large_text.goto(site + path)
        enlarge_text(page_for_large_text)
        assert_no_horizontal_scroll(page_for_large_text)


def test_the_search_box_shows_what_was_typed_with_text_twice_as_large_on_a_phone(site, page_for_large_text):
    """A walk: beside "Zoek" the box was 120 px wide, and "ik kan niet meer zelf schoonmaken" read "ken"."""
    page = page_for_large_text
    for path, box in (("/", "#home-search-q"), ("/zoeken/?q=schoonmaken", ".search-form input[name=q]")):
        page.goto(site + path)
        enlarge_text(page)
        assert page.locator(box).bounding_box()["width"] >= 300, path


def _tab_to(page, predicate, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return
    raise AssertionError(f"never reached by Tab: {predicate}")


def test_main_menu_works_by_keyboard(site, page):
    page.goto(site + "/")
    _tab_to(page, "document.activeElement.textContent.trim() === 'Ik zorg voor iemand'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ik-zorg-voor-iemand/")
    assert page.locator("h1").inner_text() == "Ik zorg voor iemand"


# The contrast of the focused element's text on its own background (the focus style gives links one).
FOCUSED_CONTRAST = """() => {
  const rgb = (value) => value.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const light = (channels) => {
    const [r, g, b] = channels.map((c) => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const style = getComputedStyle(document.activeElement);
  const [a, b] = [light(rgb(style.color)), light(rgb(style.backgroundColor))].sort((x, y) => y - x);
  return [document.activeElement.textContent.trim(), (a + 0.05) / (b + 0.05)];
}"""


@pytest.mark.parametrize("width", [1280, 390])
def test_every_focused_link_stays_readable(site, page, width):
    """A walk by keyboard: the focused menu link was white on the yellow of the focus, 1.64 to 1."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + INFO)
    if width < 800:
        page.locator(".site-menu__button").click()
    seen = 0
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('a[href]')"):
            text, ratio = page.evaluate(FOCUSED_CONTRAST)
            assert ratio >= 4.5, (text, round(ratio, 2))
            seen += 1
    assert seen >= 10


def test_search_works_by_keyboard(site, page):
    page.goto(site + "/")
    _tab_to(page, "document.activeElement.id === 'site-search-q'")
    page.keyboard.type("mantelzorgrs")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=mantelzorgrs")
    suggestion = page.locator(".search-suggestion a")
    assert suggestion.inner_text() == "mantelzorgers"
    _tab_to(page, "document.activeElement.closest('.search-suggestion') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=mantelzorgers")
    assert page.locator(".search-results__item").count() >= 1


def test_term_explanation_by_keyboard(site, page):
    page.goto(site + INFO)
    explanation = page.locator(".begrip__uitleg").first
    assert not explanation.is_visible()
    _tab_to(page, "document.activeElement.classList.contains('begrip__term')")
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    page.keyboard.press("Enter")
    assert explanation.is_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"
    page.keyboard.press("Escape")
    assert not explanation.is_visible()


def test_pages_work_without_javascript(site, page_without_js):
    page = page_without_js
    page.goto(site + INFO)
    # A term's explanation opens through its link (:target) and closes again.
    explanation = page.locator(".begrip__uitleg").first
    page.locator(".begrip__term").first.click()
    assert explanation.is_visible()
    assert explanation.locator(".begrip__sluit").bounding_box()["height"] >= 44  # it was 19 px
    explanation.locator(".begrip__sluit").click()
    assert not explanation.is_visible()
    # A question opens.
    faq = page.locator("details.faq").first
    faq.locator("summary").click()
    assert faq.get_attribute("open") is not None
    # Feedback: an error first, then thanks (each a new page: wait for it before reading it).
    with page.expect_navigation():
        page.locator("#feedback button[type=submit]").click()
    assert page.title().startswith("Fout: ")
    # The summary takes the focus (the form sent to #feedback, and a page opened there skipped autofocus).
    page.wait_for_function("() => document.activeElement.matches('#feedback [data-error-summary]')")
    page.locator("label[for=feedback-useful_0]").click()
    page.locator("#feedback-remark").fill("Duidelijk, dank u.")
    with page.expect_navigation():
        page.locator("#feedback button[type=submit]").click()
    assert "Bedankt voor uw reactie" in page.locator("#feedback").inner_text()
    page.wait_for_function("() => document.activeElement.matches('.feedback__thanks')")
    # Search from the header.
    page.locator("#site-search-q").fill("huishouden")
    page.locator("#site-search-q").press("Enter")
    page.wait_for_url("**/zoeken/?q=huishouden")
    assert page.locator(".search-results__item").count() >= 1


def test_information_page_prints_well(site, page):
    page.goto(site + INFO)
    page.emulate_media(media="print")
    assert not page.locator("#feedback").is_visible()
    assert not page.locator(".main-nav").is_visible()
    assert page.locator(".begrip__uitleg").first.is_visible()
    answer = page.locator("details.faq .faq__answer").first
    assert answer.is_visible()


def test_the_page_editor_has_no_axe_violations(site, page, django_user_model):
    """A walk: axe-core found the rich text blocks' editors without a name (aria-input-field-name), six on
    an information page; each takes its block's name."""
    from portal.models import InformatiePagina

    django_user_model.objects.create_superuser("redacteur", "r@example.org", "wachtwoord-lang-genoeg")
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", "redacteur")
    page.fill("#id_password", "wachtwoord-lang-genoeg")
    page.click("button[type=submit]")
    page.wait_for_url(f"{site}/admin/")
    page.goto(f"{site}/admin/pages/{InformatiePagina.objects.get(slug='hulp-bij-het-huishouden').pk}/edit/")
    page.locator(".public-DraftEditor-content[aria-label='Tekst']").first.wait_for()
    assert axe_violations(page) == []
