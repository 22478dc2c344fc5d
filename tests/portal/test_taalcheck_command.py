"""`manage.py taalcheck` over the live pages that can give their text."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from tests.portal.test_taalcheck import AMBTELIJK, B1_HERSCHREVEN

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_texts(monkeypatch):
    """Gives Wagtail's own pages a taalcheck_text(): the text set per page id, B1 by default."""
    texts: dict[int, str] = {}
    monkeypatch.setattr(
        Page, "taalcheck_text", lambda self: texts.get(self.id, B1_HERSCHREVEN), raising=False
    )
    return texts


def _run(*args) -> str:
    out = StringIO()
    call_command("taalcheck", *args, stdout=out)
    return out.getvalue()


def _some_live_page() -> Page:
    return Page.objects.live().filter(depth__gt=1).first() or Page.objects.live().first()


def test_passes_when_every_page_is_b1(page_texts):
    pages = Page.objects.live().count()
    output = _run()
    assert f"{pages} of {pages} pages pass the B1 taalcheck." in output
    assert "avg sentence length 5,6" in output
    assert "Flesch-Douma 96,3" in output


def test_fails_on_a_page_that_is_not_b1_and_says_why(page_texts):
    page = _some_live_page()
    page_texts[page.id] = AMBTELIJK
    out = StringIO()
    with pytest.raises(CommandError, match=rf"1 page\(s\) are not B1: .*\(id {page.id}\)"):
        call_command("taalcheck", stdout=out)
    output = out.getvalue()
    assert f"FAIL {page.title} (id {page.id}" in output
    assert "avg sentence length 31,0" in output and "LIX 74,0" in output
    assert "De zinnen zijn gemiddeld 31,0 woorden lang." in output
    assert "Hardest sentences:" in output and "Indien u woonachtig bent" in output
    assert "indien -> als (1x)" in output
    assert "maatwerkvoorziening -> hulp die bij u past (1x)" in output


def test_page_option_checks_only_that_page(page_texts):
    page = _some_live_page()
    other = Page.objects.live().exclude(id=page.id).first()
    if other is not None:
        page_texts[other.id] = AMBTELIJK  # would fail, but is not checked
    output = _run("--page", str(page.id))
    assert "1 of 1 pages pass" in output


def test_an_unknown_page_is_an_error(page_texts):
    with pytest.raises(CommandError, match="No live page with id 987654"):
        _run("--page", "987654")


def test_verbose_shows_details_of_passing_pages(page_texts):
    page = _some_live_page()
    page_texts[page.id] = B1_HERSCHREVEN + " Indien u vragen hebt, bel ons."
    output = _run("--page", str(page.id), "--verbose")
    assert "PASS" in output
    assert "indien -> als (1x)" in output


def test_the_demo_content_passes_and_an_officialese_page_fails():
    from portal.demo import all_pages
    from portal.models import InformatiePagina

    call_command("load_demo_pages", stdout=StringIO())
    demo_pages = len(all_pages())
    assert f"{demo_pages} of {demo_pages} pages pass the B1 taalcheck." in _run()

    page = InformatiePagina.objects.live().get(slug="hulp-bij-het-huishouden")
    page.intro = AMBTELIJK
    page.save_revision().publish()
    out = StringIO()
    with pytest.raises(CommandError, match=r"1 page\(s\) are not B1: Hulp bij het huishouden"):
        call_command("taalcheck", stdout=out)
    assert "Indien u woonachtig bent" in out.getvalue()
    assert "indien -> als (1x)" in out.getvalue()
