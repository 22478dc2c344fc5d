"""Browser tests: Playwright drives Debian's chromium-headless-shell against pytest-django's live server."""

import os
import shutil
import sys
import threading
import traceback

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.handlers.wsgi import get_path_info
from django.db import connections
from pytest_django.live_server_helper import LiveServer

# Playwright's sync API runs an event loop in this thread; the ORM calls in the tests are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Chromium's headless shell: the same engine as the desktop browser, for 30% less CPU per test.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium-headless-shell")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


# The tests' SQLite database lives in memory, and the live server hands its one connection to every request
# thread. Two threads on it at once fail by chance ("database table is locked", a session that cannot be
# saved: a 400 or 500 page), and a browser sends two requests at once whenever a script fetches while a form
# is sent, as the address lookup does when Enter submits the gegevens step. Django's documentation asks that
# no two threads query the shared connection at the same time: they take turns. A request's turn covers making
# its whole answer and closing it (Django's request_finished); sending it happens after the turn, so how fast
# a browser reads keeps no other request waiting. The test's own queries take the turn one by one
# (re-entrant: a request's queries run in the thread that holds it).
TURN = threading.RLock()


class OneRequestAtATime(StaticFilesHandler):
    """The live server's handler: one request at a time reaches Django; static files need no turn."""

    def __call__(self, environ, start_response):
        if self._should_handle(get_path_info(environ)):
            return super().__call__(environ, start_response)
        with TURN:
            answer = super().__call__(environ, start_response)
            try:
                body = b"".join(answer)  # a streamed answer runs its queries here, in the turn
            finally:
                answer.close()
        return [body]


def _query_in_turn(execute, sql, params, many, context):
    with TURN:
        return execute(sql, params, many, context)


@pytest.fixture(scope="session")
def _browser_server(django_db_setup, browser):
    """pytest-django's live server on localhost, where requests and the test's queries take turns (TURN). With
    the tests' database in memory the server shares the tests' connection to it, so it is made once they have
    theirs: after the database, and after the browser (once Playwright's event loop runs, asgiref gives this
    thread's code other connections than before)."""
    server = LiveServer("localhost", start=False)
    server.thread.static_handler = OneRequestAtATime
    shared = list(server.thread.connections_override.values())
    for connection in shared:
        connection.execute_wrappers.append(_query_in_turn)
    server.start()
    yield server
    server.stop()
    for connection in shared:
        connection.execute_wrappers.remove(_query_in_turn)


@pytest.fixture(scope="session")
def live_server(_browser_server):
    """The server for a test whose data it must see committed: pytest-django makes such a test transactional
    (its tables emptied after it)."""
    return _browser_server


@pytest.fixture
def live_server_in_a_savepoint(_browser_server, db):
    """The same server for a test in a savepoint (the `db` fixture), so a module can share data made once, as
    `demo_site`: the tests' SQLite database lives in memory and the server uses the test's own connection,
    so it sees what the test's transaction holds, uncommitted."""
    if not all(c.vendor == "sqlite" and c.is_in_memory_db() for c in connections.all()):
        pytest.fail("a live server in a savepoint needs the tests' in-memory SQLite (make test-browser)")
    # What pytest-django's own helper does around each live-server test (its ALLOWED_HOSTS for the server).
    _browser_server._live_server_modified_settings.enable()
    yield _browser_server
    _browser_server._live_server_modified_settings.disable()


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.skip(f"no chromium at {CHROMIUM}: run `make browser-deps`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-gpu",
            ],
        )
        yield browser
        browser.close()


# How long a page may take to load or an element to appear: Playwright's own default, as CI runs this suite
# beside the two database suites on two cores. A failing wait still fails, only later.
TIMEOUT_MS = 30_000


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


# What the checks read is in place: on an admin page Wagtail's scripts have started (its body is "ready") and
# the icons it fetches once loaded (icons.js) are in; and no transition runs (Wagtail's messages slide in, and
# axe measures a half-faded text's contrast as too low). Animations may run on: a badge pings for 25 s.
READY = """() => {
    const sprite = document.querySelector("[data-sprite]");  // only on admin pages
    const adminReady = !sprite || (sprite.querySelector("svg") && document.body.classList.contains("ready"));
    const moving = document.getAnimations().filter((animation) => animation instanceof CSSTransition);
    return adminReady && moving.every((transition) => transition.playState !== "running");
}"""


def wait_until_ready(page):
    """Wait until the page has loaded and is READY. Not for an idle network, which Playwright advises against
    in tests. A page that never gets ready fails with where each thread of the live server was, for a
    request that does not end."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    try:
        page.wait_for_load_state("load")
        page.wait_for_function(READY)
    except PlaywrightTimeoutError:
        pytest.fail(f"{page.url} was not ready within {TIMEOUT_MS} ms. Threads:\n{_other_threads()}")


def _other_threads() -> str:
    frames = sys._current_frames()
    return "\n".join(
        f"{thread.name}:\n{''.join(traceback.format_stack(frames[thread.ident], limit=8))}"
        for thread in threading.enumerate()
        if thread is not threading.current_thread() and thread.ident in frames
    )


def axe_violations(page) -> list[str]:
    """Run axe-core on the page once it is ready; return one line per violation (empty when clean)."""
    wait_until_ready(page)
    from axe_playwright_python.sync_playwright import Axe

    # Only the violations are read: axe need not gather and send the nodes of every rule that passed.
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    return [
        f"{violation['id']}: {violation['help']} at {[node['target'] for node in violation['nodes']]}"
        for violation in results.response["violations"]
    ]


@pytest.fixture
def page_for_large_text(browser):
    """A phone (390 px) whose owner set the text twice as large: `enlarge_text(page)` after each page load
    (the page's CSP refuses the style otherwise, hence bypass_csp)."""
    context = browser.new_context(locale="nl-NL", bypass_csp=True, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


def enlarge_text(page):
    page.add_style_tag(content="html { font-size: 200%; }")


def assert_no_horizontal_scroll(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page scrolls sideways by {overflow}px"
