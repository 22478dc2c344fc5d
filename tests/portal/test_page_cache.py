"""Whole pages from the cache for anonymous visitors: fast, never stale, never someone else's."""

import re

import pytest
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.db.models.deletion import Collector
from django.test import Client, RequestFactory
from wagtail.models import PageViewRestriction

from core.page_cache import store
from portal.feedback import Feedback
from portal.models import HomePage, InformatiePagina, pages_generation
from socialekaart.models import Contact

from .conftest import INFO_URL

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def page_cache_middleware(settings):
    """The middleware that answers before Wagtail's routing, right after the CSRF middleware."""
    middleware = [name for name in settings.MIDDLEWARE if name != "core.page_cache.PageCacheMiddleware"]
    middleware.insert(
        middleware.index("django.middleware.csrf.CsrfViewMiddleware") + 1,
        "core.page_cache.PageCacheMiddleware",
    )
    settings.MIDDLEWARE = middleware


def without_token(html: str) -> str:
    return TOKEN.sub("", html)


def test_second_visit_to_the_home_page_needs_no_database(
    client, portal_site, page_cache_middleware, django_assert_num_queries
):
    first = client.get("/")
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == "text/html; charset=utf-8"
    # No personal content: a reverse proxy may keep it briefly, browsers ask again each time.
    assert set(second["Cache-Control"].split(", ")) == {"public", "max-age=0", "s-maxage=30"}


def test_second_visit_to_an_information_page_needs_no_database_and_gets_its_own_token(
    portal_site, page_cache_middleware, django_assert_num_queries
):
    visitor = Client(enforce_csrf_checks=True)
    first = visitor.get(INFO_URL).content.decode()
    other_visitor = Client(enforce_csrf_checks=True)
    with django_assert_num_queries(0):
        second = other_visitor.get(INFO_URL)
    html = second.content.decode()
    assert without_token(html) == without_token(first)
    assert "Hulp bij het huishouden" in html and "Was deze informatie nuttig?" in html
    assert "csrftoken" in second.cookies
    assert "private" in second["Cache-Control"]
    # The token in the stored page works for this visitor.
    token = TOKEN.search(html).group(1)
    response = other_visitor.post(INFO_URL, {"useful": "ja", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Feedback.objects.get().useful is True


def test_without_the_middleware_the_page_is_not_rendered_again(client, portal_site):
    client.get(INFO_URL)
    second = client.get(INFO_URL)
    assert second.status_code == 200
    assert not second.templates
    assert "<h1>Hulp bij het huishouden</h1>" in second.content.decode()


def test_head_is_answered_from_the_cache(
    client, portal_site, page_cache_middleware, django_assert_num_queries
):
    client.get("/")
    with django_assert_num_queries(0):
        assert client.head("/").status_code == 200


def test_a_published_change_shows_at_once(client, portal_site, page_cache_middleware):
    assert "<h1>Hulp bij het huishouden</h1>" in client.get(INFO_URL).content.decode()
    client.get("/")
    portal_site.title = "Hulp in huis"
    portal_site.save_revision().publish()
    assert "<h1>Hulp in huis</h1>" in client.get(INFO_URL).content.decode()
    # The home page lists the page by its new title too.
    assert ">Hulp in huis</a>" in client.get("/").content.decode()


def test_an_unpublished_page_is_gone_at_once_and_the_404_is_not_stored(
    client, portal_site, page_cache_middleware
):
    client.get(INFO_URL)
    portal_site.unpublish()
    assert client.get(INFO_URL).status_code == 404
    assert client.get(INFO_URL).status_code == 404
    assert client.get("/bestaat-niet/").status_code == 404
    assert client.get("/bestaat-niet/").status_code == 404


def test_a_deleted_page_is_gone_at_once(client, portal_site, page_cache_middleware):
    client.get(INFO_URL)
    portal_site.delete()
    assert client.get(INFO_URL).status_code == 404


def test_deleting_other_rows_leaves_the_stored_pages_and_needs_no_fetch_first(portal_site):
    """Only a page's delete ends the stored pages: a listener on every model's deletes would make Django
    read each row before deleting it (no fast delete), as for the thousands an import replaces."""
    Feedback.objects.create(page=portal_site, useful=True)
    before = pages_generation()
    Feedback.objects.all().delete()
    assert pages_generation() == before
    assert Collector(using="default", origin=None).can_fast_delete(Contact.objects.all())


def test_a_draft_does_not_reach_visitors_and_the_preview_shows_it(client, portal_site, page_cache_middleware):
    client.get(INFO_URL)
    draft = InformatiePagina.objects.get(pk=portal_site.pk)
    draft.title = "Nog niet klaar"
    draft.save_revision()
    preview = draft.make_preview_request()
    assert "<h1>Nog niet klaar</h1>" in preview.content.decode()
    html = client.get(INFO_URL).content.decode()
    assert "<h1>Hulp bij het huishouden</h1>" in html and "Nog niet klaar" not in html


def test_logged_in_users_get_a_fresh_page_that_is_not_stored(
    client, portal_site, django_user_model, page_cache_middleware, django_assert_num_queries
):
    client.get(INFO_URL)
    editor = django_user_model.objects.create_superuser(
        "redacteur", "r@example.org", "wachtwoord-lang-genoeg"
    )
    client.force_login(editor)
    response = client.get(INFO_URL)
    assert response.templates, "rendered for the editor, not taken from the cache"
    assert "private" in response["Cache-Control"]
    anonymous = Client()
    anonymous.get("/")
    with django_assert_num_queries(0):
        anonymous.get("/")


def test_a_view_restriction_ends_the_stored_copy_at_once(client, portal_site, page_cache_middleware):
    assert client.get(INFO_URL).status_code == 200
    PageViewRestriction.objects.create(page=portal_site, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(INFO_URL)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert client.get(INFO_URL).status_code == 302


def test_a_query_string_is_never_answered_from_the_cache(client, portal_site, page_cache_middleware):
    client.get(INFO_URL)
    assert "Bedankt voor uw reactie" in client.get(INFO_URL + "?feedback=bedankt").content.decode()
    assert "Bedankt voor uw reactie" not in client.get(INFO_URL).content.decode()


def test_feedback_with_errors_shows_what_was_typed_and_is_not_stored(
    client, portal_site, page_cache_middleware
):
    client.get(INFO_URL)
    response = client.post(INFO_URL, {"remark": "Mijn opmerking"})
    html = response.content.decode()
    assert "<title>Fout: Hulp bij het huishouden" in html and "Mijn opmerking</textarea>" in html
    assert "private" in response["Cache-Control"]
    html = client.get(INFO_URL).content.decode()
    assert "Fout:" not in html and "Mijn opmerking" not in html
    assert client.post(INFO_URL, {"useful": "nee", "remark": "Goed"}).status_code == 302
    assert Feedback.objects.get().remark == "Goed"


@pytest.mark.parametrize("sets_cookie", [False, True])
def test_a_response_that_sets_a_cookie_is_not_stored(portal_site, sets_cookie):
    home = HomePage.objects.get()
    request = RequestFactory().get("/")
    request.session = SessionStore()
    response = home.serve(request)
    if sets_cookie:
        response.set_cookie("tracker", "1")
    assert store(request, home, response) is not sets_cookie
