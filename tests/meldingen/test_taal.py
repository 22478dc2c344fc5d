"""The start page and every step's error state pass the portal's B1 taalcheck."""

import re

import pytest

from .conftest import ANDER_UITGEBREID, ZELF_KORT

taalcheck = pytest.importorskip("portal.taalcheck", reason="the B1 taalcheck module is not in this tree")
pytestmark = pytest.mark.django_db


def main_text(html: str) -> str:
    return taalcheck.html_to_text(re.search(r"<main.*?</main>", html, re.S).group(0))


def test_start_page_is_b1(client):
    report = taalcheck.check_text(main_text(client.get("/melding/").content.decode()))
    assert report.passed, report.problems


def test_every_error_state_is_b1(walker):
    walker.start()
    for step, data in ANDER_UITGEBREID:
        response = walker.post(step, {})
        assert "<title>Fout: " in response.content.decode()
        report = taalcheck.check_text(main_text(response.content.decode()))
        assert report.passed, (step, report.problems)
        walker.post(step, data)


def test_check_page_and_confirmation_are_b1(walker):
    check_page = walker.client.get(walker.walk(ZELF_KORT)["Location"])
    confirmation = walker.client.get(walker.submit()["Location"])
    for response in (check_page, confirmation):
        report = taalcheck.check_text(main_text(response.content.decode()))
        assert report.passed, (response.request["PATH_INFO"], report.problems, report.rare_words)
