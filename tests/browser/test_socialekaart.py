"""The sociale kaart in a real browser: axe, keyboard only, without JavaScript, small screens, the map."""

import copy
import io
import threading
from datetime import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from socialekaart.models import Openingstijd, Voorziening, VoorzieningOpLocatie
from socialekaart.search import get_backend
from tests.browser.conftest import assert_no_horizontal_scroll, axe_violations, enlarge_text
from tests.module_data import in_a_savepoint, made_once, module_tests
from tests.socialekaart.conftest import make_kaart

# Each test in a savepoint of the module's kaart, which the live server sees (`live_server_in_a_savepoint`).
pytestmark = pytest.mark.django_db

SEARCH = "/sociale-kaart/"


@pytest.fixture(scope="module")
def _indexed_kaart_of_the_module(request, django_db_setup, django_db_blocker):
    """The small fictional kaart of the sociale kaart tests and its search index, made once for the module (a
    kaart and an index per test cost some 0.6 s): every test asks for it through `kaart`, in a savepoint."""
    shared = all("kaart" in item.fixturenames and in_a_savepoint(item) for item in module_tests(request))
    assert shared, "every test of the module asks for the kaart, in a savepoint (not a transactional test)"
    with made_once(django_db_blocker):
        kaart = make_kaart()
        get_backend().rebuild()
        yield kaart


@pytest.fixture
def kaart(_indexed_kaart_of_the_module, db):
    return copy.deepcopy(_indexed_kaart_of_the_module)  # handles of this test's own


@pytest.fixture
def kaart_server(live_server_in_a_savepoint, kaart, settings):
    settings.MAP_TILE_URL = ""
    return live_server_in_a_savepoint


def record_requests(page) -> list[str]:
    """Start recording every URL the page asks for; the list fills as the page runs."""
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def assert_all_local(urls):
    local = {"127.0.0.1", "localhost"}  # the live server answers as localhost, the tile server on 127.0.0.1
    outside = [url for url in urls if not url.startswith("data:") and urlsplit(url).hostname not in local]
    assert not outside, f"requests outside 127.0.0.1: {outside}"


@pytest.mark.parametrize(
    "query",
    [
        "",  # with results
        "?q=zzzqqqxxyy",  # nothing found
        "?thema=huishouden&doelgroep=ouderen&postcode=3911AB&sort=afstand",  # with filters
        "?thema=onbekend&postcode=hallo",  # with errors
    ],
)
def test_search_page_has_no_axe_violations(page, kaart_server, query):
    page.goto(kaart_server.url + SEARCH + query)
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []


def test_detail_page_has_no_axe_violations(page, kaart_server):
    page.goto(kaart_server.url + "/sociale-kaart/dagbesteding-de-molen/")
    assert page.locator("h1").inner_text() == "Dagbesteding De Molen"
    assert axe_violations(page) == []


def tab_to(page, description: str, matches: str, limit: int = 120):
    """Press Tab until the focused element matches the JavaScript test `matches` (given `el`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return Boolean({matches}); }})()"):
            return
    raise AssertionError(f"Tab never reached {description}")


def search_by_keyboard(page, base_url):
    page.goto(base_url + SEARCH)
    tab_to(page, "the search box", "el.id === 'id_q'")
    page.keyboard.type("hulp")
    tab_to(
        page, "the Filters button", "el.tagName === 'SUMMARY' && el.textContent.trim().startsWith('Filters')"
    )
    if not page.evaluate("document.querySelector('[data-kaart-filters]').open"):
        page.keyboard.press("Enter")  # on a small screen or without JavaScript the filters start closed
    tab_to(
        page,
        "the Onderwerp filter",
        "el.tagName === 'SUMMARY' && el.textContent.trim().startsWith('Onderwerp')",
    )
    page.keyboard.press("Enter")  # opens the filter
    tab_to(page, "the Huishouden checkbox", "el.id === 'id_thema_0'")
    page.keyboard.press("Space")
    tab_to(page, "the apply button", "el.textContent.trim() === 'Filters toepassen'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sociale-kaart/?*thema=huishouden*")


def test_search_with_filters_by_keyboard_alone(page, kaart_server):
    search_by_keyboard(page, kaart_server.url)
    assert "q=hulp" in page.url
    assert page.locator("#id_thema_0").is_checked()
    titles = page.locator(".kaart-result__title a").all_inner_texts()
    assert titles and all(title in {"Hulp in de huishouding", "Schoonmaakhulp aan huis"} for title in titles)


def test_search_with_filters_without_javascript(page_without_js, kaart_server):
    page = page_without_js
    search_by_keyboard(page, kaart_server.url)
    assert page.locator("[data-kaart-map]").is_hidden()
    assert page.locator("#id_q").get_attribute("role") is None  # no combobox without the script
    assert page.locator(".kaart-result").count() >= 1
    page.locator(".kaart-filters__toggle").click()  # after a search the postcode waits under "Filters"
    page.locator("#id_postcode").fill("3913 AA")
    page.locator("#id_sort").select_option("afstand")
    page.get_by_role("button", name="Sorteren").click()
    page.wait_for_url("**sort=afstand*")
    assert "In de buurt van postcode 3913 AA" in page.content()


@pytest.mark.parametrize(
    "path", [SEARCH + "?thema=huishouden&postcode=3911AB", "/sociale-kaart/dagbesteding-de-molen/"]
)
def test_no_horizontal_scroll_at_320px(page, kaart_server, path):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(kaart_server.url + path)
    page.wait_for_load_state("networkidle")
    assert_no_horizontal_scroll(page)


def test_on_a_phone_the_themes_offered_after_finding_nothing_are_tall_enough_to_tap(page, kaart_server):
    """A walk: a resident of 81 found the list of themes after "0 resultaten" hard to tap (21 px tall)."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(kaart_server.url + SEARCH + "?q=xyzzy")
    themes = page.locator(".kaart-empty__themas a")
    assert themes.count() > 3
    assert all(themes.nth(index).bounding_box()["height"] >= 32 for index in range(themes.count()))


def test_no_horizontal_scroll_with_text_twice_as_large_on_a_phone(page_for_large_text, kaart_server, kaart):
    """A walk: with the text at 200% at 390 px the results' sort box, a title with a long word
    ("cliëntondersteuning"), a filter's label and a table of opening hours stood out to 604 px."""
    op_locatie = VoorzieningOpLocatie.objects.filter(voorziening=kaart.cafe).first()
    for weekdag in range(1, 6):
        Openingstijd.objects.create(
            op_locatie=op_locatie, weekdag=weekdag, open_van=time(9), open_tot=time(17)
        )
    Voorziening.objects.filter(pk=kaart.cafe.pk).update(name="Onafhankelijke cliëntondersteuning Centrum")
    get_backend().rebuild()
    page = page_for_large_text
    for path in [
        SEARCH + "?q=mantelzorg",
        SEARCH + "?thema=huishouden&postcode=3911AB",
        kaart.cafe.get_absolute_url(),
    ]:
        page.goto(kaart_server.url + path)
        enlarge_text(page)
        assert_no_horizontal_scroll(page)


def test_with_text_twice_as_large_each_day_stands_above_its_opening_hours(
    page_for_large_text, kaart_server, kaart
):
    """A walk: with the text at 200% at 390 px the opening hours stood one word a line, cut off at the edge
    of a box that scrolled sideways. At the usual size day and hours stay side by side."""
    op_locatie = VoorzieningOpLocatie.objects.filter(voorziening=kaart.cafe).first()
    Openingstijd.objects.create(op_locatie=op_locatie, weekdag=1, open_van=time(13), open_tot=time(17))
    page = page_for_large_text

    def day_and_hours():
        day = page.locator(".kaart-hours tbody th").first.bounding_box()
        return day, page.locator(".kaart-hours tbody td").first.bounding_box()

    page.goto(kaart_server.url + kaart.cafe.get_absolute_url())
    day, hours = day_and_hours()
    assert abs(hours["y"] - day["y"]) < 2 and hours["x"] > day["x"]
    enlarge_text(page)
    day, hours = day_and_hours()
    assert hours["y"] >= day["y"] + day["height"] - 1
    # A walk at 150%: the table's title stood one letter a line, some 2,700 px high, above the days.
    caption = page.locator(".kaart-hours caption").first.bounding_box()
    assert caption["width"] >= page.locator(".kaart-hours-box").first.bounding_box()["width"] - 1
    beyond = page.locator(".kaart-hours-box").first.evaluate(
        """box => [...box.querySelectorAll("*")]
            .filter(e => e.getBoundingClientRect().right > box.getBoundingClientRect().right + 1).length"""
    )
    assert beyond == 0


def test_on_a_phone_a_link_at_the_top_leads_to_the_map_under_the_list(page, kaart_server):
    """A walk: at 390 px the map stood after every result, some 5,300 px down, and nothing said so."""
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(kaart_server.url + SEARCH + "?postcode=3911AB")
    page.locator("[data-kaart-map] svg").wait_for()
    link = page.get_by_role("link", name="Bekijk deze resultaten op de kaart")
    assert link.is_visible()
    link.click()
    page.wait_for_url("**#kaart-op-de-kaart")
    assert page.locator("#kaart-op-de-kaart").bounding_box()["y"] < 800
    page.set_viewport_size({"width": 1280, "height": 800})  # there the map stands above the list
    assert not link.is_visible()


def test_map_fallback_draws_without_tiles(page, kaart_server):
    requests = record_requests(page)
    page.goto(kaart_server.url + SEARCH + "?postcode=3911AB")
    svg = page.locator("[data-kaart-map] svg[data-kaart-mode=fallback]")
    svg.wait_for()
    assert marked_results(page) == located_results(page) > 0
    assert page.locator(".kaart-map__wijk").count() == 3
    assert page.locator(".kaart-map__origin").count() == 1
    assert page.locator(".kaart-map__tile").count() == 0
    on_page = page.locator(".kaart-result").count()
    assert located_results(page) < on_page  # the fixture's dagbestedingen have no place
    label = f"Kaart met {located_results(page)} van de {on_page} resultaten op deze pagina."
    assert svg.get_attribute("aria-label") == f"{label} Dezelfde informatie staat in de lijst."
    assert "De rode ruit is uw postcode." in page.locator(".kaart-map__caption").inner_text()
    # Markers that would overlap share one ("3+"); the caption says what that means only when there is one.
    shared = page.locator(".kaart-map__point--group").count()
    assert page.locator("[data-kaart-map-groups]").is_visible() == (shared > 0)
    assert_all_local(requests)


MARKERS_UNDER_THE_POSTCODE = """() => {
    const origin = document.querySelector('.kaart-map__origin').getBoundingClientRect();
    return [...document.querySelectorAll('.kaart-map__point')].map(point => {
        const box = point.querySelector('circle').getBoundingClientRect();
        const x = box.left + box.width / 2, y = box.top + box.height / 2;
        const inside = x > origin.left && x < origin.right && y > origin.top && y < origin.bottom;
        const onTop = point.contains(document.elementFromPoint(x, y));
        const around = origin.width > box.width && origin.height > box.height;
        return {inside, onTop, around};
    }).filter(marker => marker.inside);
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_postcode_under_a_marker_leaves_its_number_readable(page, kaart_server, width):
    """A walk: the red diamond of the postcode covered the number of the nearest help ("1+"), which is often
    at the same spot. The diamond now lies behind it, larger, so both show."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(kaart_server.url + SEARCH + "?postcode=3911AB")
    page.locator("[data-kaart-map] svg").wait_for()
    page.locator("#kaart-op-de-kaart").scroll_into_view_if_needed()
    under = page.evaluate(MARKERS_UNDER_THE_POSTCODE)
    assert under, "the kaart of the tests has help right at postcode 3911"
    assert all(marker["onTop"] and marker["around"] for marker in under), under


def marked_results(page) -> int:
    """How many results the map's markers stand for: markers that would overlap share one, whose title
    names each of them ("1. Name; 2. Name")."""
    titles = page.locator(".kaart-map__point > title").all_text_contents()
    return sum(len(title.split("; ")) for title in titles)


def _apart(a: dict, b: dict) -> bool:
    return (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize(
    "width, search",
    [(390, "?postcode=3911AB"), (390, "?q=huishouden"), (390, ""), (1280, "?postcode=3911AB")],
)
def test_map_markers_and_wijk_names_never_cover_each_other(page, kaart_server, width, search):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(kaart_server.url + SEARCH + search)
    page.locator("[data-kaart-map] svg").wait_for()
    markers = [marker.bounding_box() for marker in page.locator(".kaart-map__marker").all()]
    labels = [label.bounding_box() for label in page.locator(".kaart-map__wijk-label").all()]
    for i, a in enumerate(markers):
        assert all(_apart(a, b) for b in markers[i + 1 :]), "two map markers cover each other"
    for i, a in enumerate(labels):
        assert all(_apart(a, b) for b in labels[i + 1 :]), "two wijk names cover each other"
        assert all(_apart(a, marker) for marker in markers), "a marker covers a wijk name"
    assert_names_on_no_other_circle(page)


def test_wijk_names_stand_on_no_other_wijks_circle_where_wijken_lie_close(page, kaart_server):
    """A walk read "Centrum" on Oude Haven's circle and "Molenwijk" on Centrum's: the demo's seven wijken."""
    from socialekaart.models import Wijk

    for code, (name, latitude, longitude) in enumerate(
        (
            ("Lindehof", 52.0841, 5.1073),
            ("Molenwijk", 52.1043, 5.1119),
            ("Waterkant", 52.089, 5.1472),
            ("Dorpen Ellekoot en Raveld", 52.0655, 5.088),
        )
    ):
        where = {"latitude": latitude, "longitude": longitude}
        slug = name.lower().replace(" ", "-")
        Wijk.objects.create(name=name, slug=slug, cbs_code=f"WK99020{code}", **where)
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(kaart_server.url + SEARCH)
        page.locator("[data-kaart-map] svg").wait_for()
        assert page.locator(".kaart-map__wijk").count() == 7
        assert_names_on_no_other_circle(page)
    assert page.locator(".kaart-map__wijk-label").count() == 7  # at 1280 px there is room for every name


def assert_names_on_no_other_circle(page):
    circles = page.evaluate(ALL_CIRCLES)
    for label in page.locator(".kaart-map__wijk-label").all():
        box, name = label.bounding_box(), label.text_content()
        covered = [circle["name"] for circle in circles if _box_meets_circle(box, circle)]
        assert covered in ([], [name]), f"{name} stands on the circle of {covered}"


ALL_CIRCLES = """() => Array.from(document.querySelectorAll('.kaart-map__wijk')).map(circle => {
    const box = circle.getBoundingClientRect();
    return {name: circle.dataset.wijk, x: box.x + box.width / 2, y: box.y + box.height / 2, r: box.width / 2};
})"""


def _box_meets_circle(box: dict, circle: dict) -> bool:
    dx = max(box["x"] - circle["x"], 0, circle["x"] - box["x"] - box["width"])
    dy = max(box["y"] - circle["y"], 0, circle["y"] - box["y"] - box["height"])
    return dx * dx + dy * dy < circle["r"] ** 2 - 1  # touching is not covering


def located_results(page) -> int:
    """How many results on the page have a location (the two dagbestedingen in the fixture have none)."""
    return len(page.evaluate("JSON.parse(document.getElementById('kaart-map-data').textContent).points"))


class TileServer:
    """A tiny local tile server: every /z/x/y.png is the same grey PNG; it remembers what was asked."""

    def __init__(self):
        from PIL import Image

        buffer = io.BytesIO()
        Image.new("RGB", (256, 256), (200, 210, 220)).save(buffer, "PNG")
        png, asked = buffer.getvalue(), []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                asked.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(png)))
                self.end_headers()
                self.wfile.write(png)

            def log_message(self, *args):
                pass

        self.asked = asked
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def tile_server():
    server = TileServer()
    yield server
    server.close()


def test_map_draws_tiles_from_the_configured_url(page, kaart_server, tile_server, settings):
    settings.MAP_TILE_URL = tile_server.url + "/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "Kaart: testtegels"
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["img-src"] = [*policy["DIRECTIVES"]["img-src"], tile_server.url]
    settings.CONTENT_SECURITY_POLICY = policy
    requests = record_requests(page)
    page.goto(kaart_server.url + SEARCH + "?postcode=3911AB")
    page.locator("[data-kaart-map] svg[data-kaart-mode=tiles]").wait_for()
    page.wait_for_load_state("networkidle")
    assert page.locator(".kaart-map__tile").count() >= 1
    assert marked_results(page) == located_results(page) > 0
    assert tile_server.asked and all(
        path.endswith(".png") and path.count("/") == 3 for path in tile_server.asked
    )
    assert page.get_by_text("Kaart: testtegels").is_visible()
    assert_all_local(requests)


def test_list_works_when_tiles_fail(page, kaart_server, settings):
    settings.MAP_TILE_URL = "http://127.0.0.1:9/{z}/{x}/{y}.png"  # nothing listens there
    page.goto(kaart_server.url + SEARCH)
    assert page.locator(".kaart-result").count() == 6
    assert page.locator(".kaart-result__title a").first.is_visible()


def test_suggestions_combobox(page, kaart_server):
    page.goto(kaart_server.url + SEARCH)
    box = page.locator("#id_q")
    assert box.get_attribute("role") == "combobox"
    box.click()
    page.keyboard.type("mantel")
    page.locator("#id_q-suggesties [role=option]").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    chosen = page.locator("#id_q-suggesties [aria-selected=true]").inner_text()
    assert box.get_attribute("aria-activedescendant") == "id_q-suggesties-0"
    page.keyboard.press("Enter")  # takes the suggestion, does not send the form yet
    assert box.input_value() == chosen
    assert box.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_url("**q=*")
    assert page.locator(".kaart-result").count() >= 1


def test_at_400_percent_zoom_the_chosen_suggestion_comes_into_sight(page, kaart_server):
    """A walk at 400% zoom (320 x 256 px) by keyboard: the suggestions opened below the screen's edge, and
    ArrowDown chose one he could not see."""
    page.set_viewport_size({"width": 320, "height": 256})
    page.goto(kaart_server.url + SEARCH)
    page.locator("#id_q").click()
    page.keyboard.type("mantel")
    page.locator("#id_q-suggesties [role=option]").first.wait_for()
    # Before any key: a later walk typed and saw nothing happen, the list below the screen's edge.
    first = page.locator("#id_q-suggesties [role=option]").first.bounding_box()
    box = page.locator("#id_q").bounding_box()
    assert first["y"] + first["height"] <= 256 + 1 and box["y"] >= 0, (first, box)
    page.keyboard.press("ArrowDown")
    chosen = page.locator("#id_q-suggesties [aria-selected=true]").bounding_box()
    assert chosen["y"] >= 0 and chosen["y"] + chosen["height"] <= 256 + 1  # to the pixel, rounded


@pytest.fixture
def as_professional(page, kaart_server, kaart):  # noqa: F811
    """The browser logged in as a member of the Professionals group, with contacts and capacity to see."""
    from django.contrib.auth.models import Group
    from django.test import Client

    from tests.socialekaart.factories import ContactFactory, UserFactory

    ContactFactory(voorziening=kaart.dagbesteding, name="Planner Visser", voor_professionals=True)
    user = UserFactory(username="consulent")
    user.groups.add(Group.objects.get_or_create(name="Professionals")[0])
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": kaart_server.url}]
    )
    return page


@pytest.mark.parametrize("path", [SEARCH + "?thema=dagbesteding", "/sociale-kaart/dagbesteding-de-molen/"])
def test_professional_pages_are_accessible_and_fit_320px(as_professional, kaart_server, path):
    page = as_professional
    page.goto(kaart_server.url + path)
    # The list's tag gives the date, the page's stands beside its date column.
    old_places = "niet bijgewerkt sinds" if "?" in path else "Ouder dan 7 dagen"
    assert page.get_by_text(old_places).first.is_visible()
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    assert_no_horizontal_scroll(page)


def test_on_a_phone_the_capacity_per_wijk_shows_its_date_without_scrolling(as_professional, kaart_server):
    """A walk: at 390 px the table's "Bijgewerkt" column was cut off ("Bij", "5 d"), with nothing to show it
    scrolled; that date says whether to trust "Ja, er is plaats"."""
    page = as_professional
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(kaart_server.url + "/sociale-kaart/dagbesteding-de-molen/")
    dates = page.locator('.kaart-capacity td[data-label="Bijgewerkt"]')
    assert dates.count() >= 1
    for index in range(dates.count()):
        box = dates.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert axe_violations(page) == []


def test_a_printed_list_for_a_client_leaves_out_what_only_professionals_see(as_professional, kaart_server):
    page = as_professional
    page.goto(kaart_server.url + SEARCH + "?thema=dagbesteding")
    assert page.locator(".kaart-capacity-short").first.is_visible()
    page.emulate_media(media="print")
    assert page.locator(".kaart-capacity-short").first.is_hidden()
    # And a detail page: its part for professionals, the complaints' lights and other help stay off the paper.
    from socialekaart.models import Organisatie

    organisatie = Organisatie.objects.get(voorzieningen__slug="dagbesteding-de-molen")
    organisatie.website = "https://zorg.example"
    organisatie.save()
    page.emulate_media(media="screen")
    page.goto(kaart_server.url + "/sociale-kaart/dagbesteding-de-molen/")
    parts = [page.locator(css) for css in (".kaart-professionals", ".kaart-stoplicht", ".kaart-related")]
    assert all(part.is_visible() for part in parts)
    page.emulate_media(media="print")
    assert all(part.is_hidden() for part in parts)
    assert page.locator("#contact").is_visible()
    # The website, whose text is its address, printed it twice: "https://x (https://x)".
    website = page.locator("a.link--address")
    assert website.count() == 1
    assert website.evaluate("link => getComputedStyle(link, '::after').content") in ("none", "normal")


def test_printed_pages_show_content_not_controls(page, kaart_server):
    page.emulate_media(media="print")
    page.goto(kaart_server.url + SEARCH + "?thema=huishouden")
    assert page.locator(".kaart-result").first.is_visible()
    page.goto(kaart_server.url + SEARCH + "?q=hulp")
    prompt = page.get_by_text("Wilt u zien wat dicht bij u is?")
    assert prompt.count() == 1 and prompt.is_hidden()  # a prompt for the screen
    page.goto(kaart_server.url + SEARCH + "?thema=huishouden")
    assert page.locator(".kaart-layout__filters").is_hidden()
    assert page.locator("#kaart-zoeken").is_hidden()
    assert page.locator("[data-kaart-map]").is_hidden()
    # A walk: "(/sociale-kaart/hulp-in-de-huishouding/?terug=thema%3D...)" after every result, on paper.
    title_link = page.locator(".kaart-result__title a").first
    assert title_link.evaluate("link => getComputedStyle(link, '::after').content") in ("none", "normal")
    page.goto(kaart_server.url + "/sociale-kaart/dagbesteding-de-molen/")
    assert page.locator("h1").is_visible()
    assert page.locator(".breadcrumbs").is_hidden()


PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize(
    "query", ["?q=hulp", "?q=hulp&postcode=3911AB", "?q=schoonmaken&thema=huishouden&doelgroep=ouderen"]
)
def test_on_a_phone_the_first_result_is_on_the_first_screen(request, kaart_server, query, javascript):
    page = request.getfixturevalue("page" if javascript else "page_without_js")
    page.set_viewport_size(PHONE)
    page.goto(kaart_server.url + SEARCH + query)
    assert page.evaluate("window.scrollY") == 0
    assert page.locator("[data-kaart-filters]").evaluate("el => el.open") is False
    assert page.locator("#id_postcode").is_hidden()  # after a search it waits under "Filters"
    first = page.locator(".kaart-result").first.bounding_box()
    print(f"{query}: first result at y={first['y']:.0f} px on a 390 x 844 screen")
    assert first["y"] < PHONE["height"]  # it was 2,100-3,100 px down, then 1,184


def test_on_a_phone_a_professional_sees_the_first_result_on_the_first_screen(as_professional, kaart_server):
    page = as_professional
    page.set_viewport_size(PHONE)
    page.goto(kaart_server.url + SEARCH + "?q=dagbesteding&postcode=3917AA")
    assert page.get_by_text("PDF downloaden").is_visible()
    first = page.locator(".kaart-result").first.bounding_box()
    print(f"professional: first result at y={first['y']:.0f} px on a 390 x 844 screen")
    assert first["y"] < PHONE["height"]


def test_on_a_phone_the_filters_button_counts_the_chosen_filters(page, kaart_server):
    page.set_viewport_size(PHONE)
    page.goto(kaart_server.url + SEARCH + "?thema=huishouden&doelgroep=ouderen&postcode=3911AB")
    assert "Filters (2 aan)" in page.locator(".kaart-filters__toggle").inner_text()
    page.locator(".kaart-filters__toggle").click()
    assert page.locator("#id_postcode").input_value() == "3911AB"
    assert page.locator("#id_thema_0").is_visible()


@pytest.mark.parametrize("javascript", [True, False])
def test_on_a_phone_a_search_without_a_postcode_says_where_to_give_one(request, kaart_server, javascript):
    """After a search the postcode moves into the closed "Filters", and nothing said it was there: who wanted
    to see what is near could not find where to give her postcode."""
    page = request.getfixturevalue("page" if javascript else "page_without_js")
    page.set_viewport_size(PHONE)
    page.goto(kaart_server.url + SEARCH + "?q=hulp")
    assert page.locator("#id_postcode").is_hidden()
    page.get_by_role("link", name="Vul dan uw postcode in").click()
    assert page.locator("#id_postcode").is_visible()
    assert page.locator("label[for='id_postcode']").bounding_box()["y"] >= 0  # its label in view, above it
    page.locator("#id_postcode").fill("3911 AB")
    # Its own button right below it: "Filters toepassen" stands below every filter, some 1,300 px down.
    button = page.get_by_role("button", name="Zoeken met deze postcode")
    assert 0 < button.bounding_box()["y"] < PHONE["height"] - button.bounding_box()["height"]
    button.click()
    assert "In de buurt van postcode 3911 AB" in page.locator(".kaart-results__head").inner_text()
    assert page.get_by_role("link", name="Vul dan uw postcode in").count() == 0
    # And to change it, one tap: the field was in the closed "Filters" again, out of sight.
    page.get_by_role("link", name="Andere postcode").click()
    assert page.locator("#id_postcode").is_visible() and page.input_value("#id_postcode") == "3911 AB"


def test_on_a_wide_screen_the_postcode_stands_beside_the_results(page, kaart_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(kaart_server.url + SEARCH + "?q=hulp&postcode=3911AB")
    postcode = page.locator("#id_postcode")
    assert postcode.is_visible()  # kaart.js opens the filters on a wide screen
    results = page.locator(".kaart-layout__results").bounding_box()
    assert postcode.bounding_box()["x"] + postcode.bounding_box()["width"] < results["x"]
    assert page.locator(".kaart-form__search #id_q").is_visible()
    assert_no_horizontal_scroll(page)


@pytest.mark.parametrize("open_filters", [False, True])
def test_on_a_phone_the_search_page_has_no_axe_violations_with_filters_open_or_closed(
    page, kaart_server, open_filters
):
    page.set_viewport_size(PHONE)
    page.goto(kaart_server.url + SEARCH + "?q=hulp&thema=huishouden")
    page.wait_for_load_state("networkidle")
    if open_filters:
        page.locator(".kaart-filters__toggle").click()
        assert page.locator("#id_thema_0").is_visible()
    assert axe_violations(page) == []
    assert_no_horizontal_scroll(page)


def test_zoeken_lands_on_the_result_count_with_the_focus(page, kaart_server):
    page.set_viewport_size(PHONE)
    page.goto(kaart_server.url + SEARCH)
    page.locator("#id_q").fill("maaltijd")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    page.wait_for_url("**#resultaten")
    assert page.evaluate("document.activeElement.id") == "resultaten"
    # The site's dark ring with its yellow halo: a keyboard walk with weak eyes saw the yellow alone faintly.
    ring = page.evaluate("() => getComputedStyle(document.activeElement).outlineColor")
    assert ring == "rgb(26, 26, 26)", ring
    # Read out once, with the focus: no live region says it again (a screen reader walk heard it twice).
    page.wait_for_timeout(600)
    live = page.locator("[role=status], [role=alert], [aria-live]").all_text_contents()
    assert not any("resulta" in text for text in live), live
    count = page.locator("#resultaten").bounding_box()
    assert -2 <= count["y"] < PHONE["height"] / 2


def test_a_mistake_in_the_search_gets_the_focus_instead_of_the_results(page, kaart_server):
    page.set_viewport_size(PHONE)
    page.goto(kaart_server.url + SEARCH)
    page.locator("#id_q").fill("maaltijd")
    page.locator("#id_mijn_wijk").check()  # without a postcode: which wijk is "mijn wijk"?
    page.get_by_role("button", name="Zoeken", exact=True).click()
    page.wait_for_url("**#resultaten")
    assert page.evaluate("document.activeElement.matches('[data-error-summary]')")
    summary = page.locator("[data-error-summary]").bounding_box()
    assert -2 <= summary["y"] < PHONE["height"] / 2
    assert "Vul uw postcode in" in page.locator("[data-error-summary]").inner_text()


def test_suggestions_that_come_after_the_visitor_moved_on_open_nothing(page, kaart_server):
    """Typed a word and went on to the postcode at once: a late answer does not cover that field."""
    held = []
    page.route("**/sociale-kaart/suggesties/**", lambda route: held.append(route))
    page.goto(kaart_server.url + SEARCH)
    page.locator("#id_q").click()
    with page.expect_request("**/sociale-kaart/suggesties/**"):
        page.keyboard.type("mantel")
    page.keyboard.press("Tab")  # on to the next field while the answer is under way
    assert page.evaluate("() => document.activeElement.id") != "id_q"
    with page.expect_response("**/sociale-kaart/suggesties/**"):
        held[0].continue_()
    page.evaluate("() => new Promise((done) => setTimeout(done, 50))")  # the answer's handlers have run
    assert page.locator("#id_q-suggesties").is_hidden()
    assert page.locator("#id_q").get_attribute("aria-expanded") == "false"


def test_the_browsers_back_from_a_result_lands_on_that_result(page, kaart_server):
    """A keyboard walk: after a search, Back from the third result put the focus on the count far above it
    (the page loaded anew), and the next Tab started at the top again."""
    page.set_viewport_size(PHONE)
    page.goto(kaart_server.url + SEARCH + "?sort=naam#resultaten")
    third = page.locator(".kaart-result__title a").nth(2)
    name = third.inner_text()
    third.focus()
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Terug naar de resultaten").first.wait_for()  # the result's own page
    page.go_back()
    page.wait_for_function("() => document.activeElement && document.activeElement.closest('h3') !== null")
    assert page.evaluate("() => document.activeElement.innerText") == name
    assert "#resultaat-" in page.url


def test_back_from_a_result_the_focus_is_on_that_result(page, kaart_server):
    """A walk came back at the top of the list, not at the help he had opened; by keyboard the focus stands on
    the result's link, where the page scrolled to."""
    page.set_viewport_size(PHONE)
    page.goto(kaart_server.url + SEARCH + "?sort=naam")
    links = page.locator(".kaart-result__title a")
    assert links.count() >= 3
    third = links.nth(2)
    name = third.inner_text()
    third.click()
    page.get_by_role("link", name="Terug naar de resultaten").first.click()
    page.wait_for_url("**#resultaat-*")  # right after the click the address may still be the result's
    # Once the page has loaded: right after the click the new document may have no element in focus yet.
    page.wait_for_function("document.activeElement && document.activeElement.closest('h3') !== null")
    assert page.evaluate("document.activeElement.innerText") == name
    assert 0 <= links.nth(2).bounding_box()["y"] < PHONE["height"]
