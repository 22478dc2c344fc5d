"""The sociale kaart's own words (help, hints, error messages, notices) pass the B1 taalcheck."""

import re

import pytest

from portal.taalcheck import check_text, html_to_text
from socialekaart.search import SearchUnavailable, get_backend

SEARCH = "/sociale-kaart/"


def section(page: str, css_class: str) -> str:
    """The HTML of the first element whose class list starts with css_class (up to its closing tag)."""
    match = re.search(rf'<(\w+) class="{css_class}[^"]*"[^>]*>', page)
    assert match, css_class
    tag = match.group(1)
    return page[match.start() : page.index(f"</{tag}>", match.end()) + len(tag) + 3]


def assert_b1(html: str):
    report = check_text(html_to_text(html))
    assert report.passed, (report.problems, report.hardest_sentences[:3])


@pytest.fixture
def indexed(kaart):
    get_backend().rebuild()
    return kaart


def test_help_when_nothing_is_found_is_b1(client, indexed):
    page = client.get(SEARCH, {"q": "zzzqqqxxyy", "thema": "vervoer"}).content.decode()
    assert_b1(section(page, "kaart-empty"))


def test_error_messages_and_hints_are_b1(client, indexed):
    page = client.get(
        SEARCH, {"postcode": "hallo", "thema": "onbekend", "sort": "x", "q": "hulp " * 60}
    ).content.decode()
    summary = section(page, "error-summary")
    hints = " ".join(re.findall(r'<p class="form-field__hint"[^>]*>(.*?)</p>', page))
    assert_b1(summary + "<p>" + hints + "</p>")


def test_notice_when_search_is_down_is_b1(client, db, monkeypatch):
    class Down:
        def search(self, query):
            raise SearchUnavailable("down")

    monkeypatch.setattr("socialekaart.views.search_page.get_backend", lambda name=None: Down())
    page = client.get(SEARCH).content.decode()
    assert_b1(section(page, "note note--warning"))
