"""`manage.py load_demo_pages` with the real demo texts: the whole site, and a second run changes nothing."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

# Each loads the demo pages anew, some 3 s (5 on PostgreSQL), and the loader does not depend on the engine
# (the demo site other modules share is loaded on both): slow tests, run once, in make test's SQLite run.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_load_demo_pages_builds_the_site_and_is_idempotent(client):
    from portal.demo import begrippen, content
    from portal.models import HomePage, InformatiePagina

    call_command("load_demo_pages", stdout=open("/dev/null", "w"))  # noqa: SIM115
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    expected = sum(len(theme["pages"]) for theme in content.THEMES)
    assert InformatiePagina.objects.live().count() == expected
    for url in ["/", "/privacy/", "/toegankelijkheid/", "/begrippen/", f"/{content.THEMES[0]['slug']}/"]:
        assert client.get(url).status_code == 200, url
    assert begrippen.BEGRIPPEN[0]["term"] in client.get("/begrippen/").content.decode()
    assert "gevonden" in client.get("/zoeken/", {"q": "mantelzorg"}).content.decode()
    assert "0 pagina" not in client.get("/zoeken/", {"q": "mantelzorg"}).content.decode()

    revisions, pages = Revision.objects.count(), Page.objects.count()
    call_command("load_demo_pages", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Revision.objects.count(), Page.objects.count()) == (revisions, pages)


def test_the_demo_site_has_the_address_it_runs_at_so_wagtails_e_mails_link_to_it(settings):
    """A walk: "U kunt de pagina hier bekijken: http://localhost/hulp-voor-mezelf/..." in the e-mail of an
    approved page, while the demo ran at 127.0.0.1:8874. A site set up by hand keeps its address."""
    settings.SITE_URL = "http://127.0.0.1:8874"
    call_command("load_demo_pages", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8874)
    assert site.root_page.full_url == "http://127.0.0.1:8874/"
    Site.objects.filter(pk=site.pk).update(hostname="wmo.lindewaard.example", port=443)
    call_command("load_demo_pages", stdout=io.StringIO())
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("wmo.lindewaard.example", 443)


def test_load_demo_pages_leaves_no_task_that_fails(settings):
    """Every task the demo queues finds its page, so the worker of `make run` reports no failures
    (renaming Wagtail's welcome page with save() queued tasks for a page the demo then deletes)."""
    from django_tasks_db.models import DBTaskResult

    assert Page.objects.filter(depth=2, slug="home").exists()  # Wagtail's welcome page, from its migration
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("load_demo_pages", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert DBTaskResult.objects.exists()
    failures = []
    for queued in DBTaskResult.objects.all():  # as the worker runs them, inside the test's transaction
        try:
            queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])
        except Exception as exc:  # noqa: BLE001 - every failure is listed below
            failures.append((queued.task_path, repr(exc)))
    assert failures == []


def _demo_password_users():
    from django.contrib.auth import get_user_model

    from meldingen.backoffice.management.commands.load_demo_meldingen import DEMO_PASSWORD

    return {
        user.username
        for user in get_user_model().objects.all()
        if user.check_password(DEMO_PASSWORD) or user.check_password(settings.SOCIALEKAART_DEMO_PASSWORD)
    }


def test_load_demo_makes_accounts_with_known_passwords_only_with_debug_or_the_accounts_flag(db, settings):
    settings.DEBUG = False
    call_command("load_demo", stdout=io.StringIO())
    assert not _demo_password_users()

    call_command("load_demo", "--accounts", stdout=io.StringIO())
    made = _demo_password_users()
    assert {"redacteur", "teamleider", "beheerder", "redacteur-kaart", "aanbieder-welzijn-lindewaard"} <= made
