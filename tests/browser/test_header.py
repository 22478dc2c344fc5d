"""The header on a phone and on a wide screen: the name, the logo, a "Menu" that opens without JavaScript,
the search one tap away."""

import pytest

from tests.browser.conftest import assert_no_horizontal_scroll, axe_violations
from tests.portal.conftest import load_sample

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def site(live_server):
    load_sample()
    return live_server.url


def header_height(page) -> float:
    return page.locator(".site-header").bounding_box()["height"]


def test_on_a_phone_the_header_takes_at_most_120_px_and_the_menu_opens(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site + "/")
    height = header_height(page)
    assert height <= 120, f"the header takes {height}px"
    assert page.locator(".site-header__name").is_visible()
    assert page.locator(".site-header__logo-image").is_visible()
    assert not page.locator("#site-search-q").is_visible()
    assert axe_violations(page) == []
    # One tap on "Menu" and the search and the menu are there.
    page.get_by_text("Menu", exact=True).click()
    assert page.locator("#site-search-q").is_visible()
    assert page.locator(".main-nav").get_by_role("link", name="Ik zorg voor iemand").is_visible()
    assert axe_violations(page) == []
    page.locator("#site-search-q").fill("huishouden")
    page.locator("#site-search-q").press("Enter")
    page.wait_for_url("**/zoeken/?q=huishouden")


def test_escape_closes_the_phone_menu_and_returns_to_menu(site, page):
    """Two walks: Escape in the open menu left it open."""
    page.set_viewport_size(PHONE)
    page.goto(site + "/")
    menu = page.get_by_text("Menu", exact=True)
    menu.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # into the search box
    assert page.locator("#site-search-q").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator("#site-search-q").is_visible()
    assert page.evaluate("() => document.activeElement.matches('.site-menu__button')")


def test_the_menu_opens_without_javascript(site, page_without_js):
    page = page_without_js
    page.set_viewport_size(PHONE)
    page.goto(site + "/")
    assert not page.locator(".main-nav").get_by_role("link", name="Ik zorg voor iemand").is_visible()
    page.get_by_text("Menu", exact=True).click()
    page.locator(".main-nav").get_by_role("link", name="Ik zorg voor iemand").click()
    page.wait_for_url("**/ik-zorg-voor-iemand/")


def test_no_horizontal_scroll_at_320_px_with_the_menu_open(site, page):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(site + "/hulp-voor-mezelf/hulp-bij-het-huishouden/")
    assert_no_horizontal_scroll(page)
    page.get_by_text("Menu", exact=True).click()
    assert_no_horizontal_scroll(page)


def test_on_a_wide_screen_search_and_menu_show_without_a_menu_button(site, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site + "/")
    assert page.locator("#site-search-q").is_visible()
    assert page.locator(".main-nav").get_by_role("link", name="Ik zorg voor iemand").is_visible()
    assert not page.get_by_text("Menu", exact=True).is_visible()
    assert axe_violations(page) == []


def test_on_a_phone_the_footer_links_are_tall_enough_to_tap(site, page):
    """A walk: the footer's links were 21 px high on a phone, one right under the other."""
    page.set_viewport_size(PHONE)
    page.goto(site + "/")
    heights = [link.bounding_box()["height"] for link in page.locator(".site-footer__links a").all()]
    assert len(heights) == 5 and min(heights) >= 44, heights


def test_on_a_phone_the_home_pages_links_and_the_breadcrumbs_are_tall_enough_to_tap(site, page):
    """A walk: the links in the home page's cards were 21 px high, the breadcrumbs 19 px."""
    page.set_viewport_size(PHONE)
    page.goto(site + "/")
    heights = [link.bounding_box()["height"] for link in page.locator(".home-tasks__pages a").all()]
    assert heights and min(heights) >= 44, heights
    page.locator(".home-tasks__pages a").first.click()
    crumbs = [link.bounding_box()["height"] for link in page.locator(".breadcrumbs a").all()]
    assert crumbs and min(crumbs) >= 44, crumbs
    assert axe_violations(page) == []
