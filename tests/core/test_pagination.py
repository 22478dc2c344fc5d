"""The shared pagination ({% pagination %}): links to the other pages that keep every other parameter of the
query, in its place, and the current page marked."""

import re

from django.core.paginator import Paginator
from django.template import engines
from django.test import RequestFactory


def draw(query: str, page: int, extra: str = "", items: int = 100) -> str:
    request = RequestFactory().get("/lijst/?" + query)
    page_obj = Paginator(range(items), 10).get_page(page)
    template = engines["django"].from_string("{% load components %}{% pagination page_obj" + extra + " %}")
    return template.render({"page_obj": page_obj, "request": request})


def links(html: str) -> list[str]:
    return [href.replace("&amp;", "&") for href in re.findall(r'href="\?([^"]*)"', html)]


def test_each_link_keeps_the_other_parameters_in_their_place():
    hrefs = links(draw("q=koffie&page=4&thema=a&thema=b", 4))
    assert hrefs[0] == "q=koffie&page=3&thema=a&thema=b"  # Vorige
    assert "q=koffie&page=1&thema=a&thema=b" in hrefs
    assert hrefs[-1] == "q=koffie&page=5&thema=a&thema=b"  # Volgende


def test_the_page_comes_last_when_the_query_had_none():
    hrefs = links(draw("q=koffie+%26+thee&sort=naam", 1))
    assert hrefs[0] == "q=koffie+%26+thee&sort=naam&page=1"
    assert hrefs[-1] == "q=koffie+%26+thee&sort=naam&page=2"


def test_the_current_page_is_marked_and_far_pages_are_elided():
    html = draw("p=5", 5, ' page_param="p" show_position=True')
    assert "Pagina 5 van 10" in html
    assert re.search(r'href="\?p=5" aria-current="page"', html)
    assert links(html) == [f"p={n}" for n in (4, 1, 2, 3, 4, 5, 6, 7, 10, 6)]  # Vorige, 1-7, …, 10, Volgende
    assert html.count("…") == 1


def test_one_page_draws_nothing():
    assert draw("", 1, items=5) == ""
