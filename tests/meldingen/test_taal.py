"""The start page and every step's error state pass the portal's B1 taalcheck."""

import re

import pytest

from .conftest import ANDER_UITGEBREID

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
