"""`manage.py load_demo_pages` with the real demo texts: the whole site, and a second run changes nothing."""

import io
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

pytestmark = pytest.mark.django_db


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


def test_the_home_page_links_to_urgent_help_and_to_complaints_and_bezwaar(client):
    """A walk: the home page's cards showed four pages of each theme, and "Snel hulp nodig" and "Klachten en
    bezwaar" were fifth and sixth (the theme's intro asks "wat doet u als u het niet eens bent?")."""
    call_command("load_demo_pages", stdout=open("/dev/null", "w"))  # noqa: SIM115
    cards = client.get("/").content.decode().split('class="card-list home-tasks"', 1)[1]
    assert '<a href="/hulp-voor-mezelf/hulp-bij-spoed/">Snel hulp nodig</a>' in cards
    assert '<a href="/melding-en-regels/klachten-en-bezwaar/">Klachten en bezwaar</a>' in cards


def test_the_home_page_says_a_theme_has_more_pages_than_it_shows(client):
    """A walk: "Ik zoek hulp voor mezelf" showed 4 of its 7 pages, and nothing said there were more: a man
    looking for a douchestoel found the page on hulpmiddelen only through the search."""
    call_command("load_demo_pages", stdout=open("/dev/null", "w"))  # noqa: SIM115
    cards = client.get("/").content.decode().split('class="card-list home-tasks"', 1)[1]
    mezelf = cards.split('<a href="/hulp-voor-mezelf/">', 1)[1].split("</ul>", 1)[0]
    assert (
        mezelf.count("<li>") == 5 and '<li><a href="/hulp-voor-mezelf/">Nog 3 onderwerpen</a></li>' in mezelf
    )
    iemand = cards.split('<a href="/ik-zorg-voor-iemand/">', 1)[1].split("</ul>", 1)[0]
    assert "Nog" not in iemand  # all its pages show


def test_the_home_page_offers_the_melding_first(client):
    """A walk on a phone: "Melding doen" stood fifth of six cards, below "Ik werk met cliënten", some 2,000 px
    down the page."""
    call_command("load_demo_pages", stdout=open("/dev/null", "w"))  # noqa: SIM115
    cards = client.get("/").content.decode().split('class="card-list home-tasks"', 1)[1]
    first_card = cards.split('<li class="card', 2)[1]
    assert '<a href="/melding/">Melding doen</a>' in first_card


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


@pytest.mark.slow  # loads the whole demo again: the engine makes no difference
def test_load_demo_makes_accounts_with_known_passwords_only_with_debug_or_the_accounts_flag(db, settings):
    settings.DEBUG = False
    call_command("load_demo", stdout=io.StringIO())
    assert not _demo_password_users()

    call_command("load_demo", "--accounts", stdout=io.StringIO())
    made = _demo_password_users()
    assert {"redacteur", "teamleider", "beheerder", "redacteur-kaart", "aanbieder-welzijn-lindewaard"} <= made


def test_the_eigen_bijdrage_explained_on_the_huishouden_page_says_something_new(client):
    """A walk: "eigen bijdrage" opened "Het is een vast bedrag per maand. Het CAK stuurt u de rekening.", and
    the page's next line said "Dat is een vast bedrag per maand. Het CAK stuurt u de rekening." """
    from bs4 import BeautifulSoup

    call_command("load_demo_pages", stdout=open("/dev/null", "w"))  # noqa: SIM115
    html = client.get("/hulp-voor-mezelf/hulp-bij-het-huishouden/").content.decode()
    main = BeautifulSoup(html, "html.parser").find("main")
    popup = next(p for p in main.select(".begrip__uitleg") if "zelf betaalt" in p.get_text()).extract()
    page_text = " ".join(main.get_text(" ").split())
    for sentence in popup.find("span").get_text(" ").split(". ")[1:]:
        assert sentence.strip().rstrip(".").removeprefix("Het ") not in page_text, sentence


def test_a_page_about_a_term_explains_it_itself_without_its_begrip(client):
    """A walk: on the HHT's own page the begrip HHT opened "U hebt er geen besluit van de gemeente voor
    nodig.", the page's own sentence; on "Het gesprek" the keukentafelgesprek's "Vaak bij u thuis"."""
    call_command("load_demo_pages", stdout=open("/dev/null", "w"))  # noqa: SIM115

    def explained(url: str) -> list[str]:
        html = client.get(url).content.decode()
        return re.findall(r'class="begrip__uitleg" id="uitleg-([\w-]+)"', html)

    assert "hht" not in explained("/ik-zorg-voor-iemand/huishoudelijke-hulp-toelage/")
    assert "keukentafelgesprek" not in explained("/melding-en-regels/het-gesprek/")
    assert "hht" in explained("/hulp-voor-mezelf/hulp-bij-het-huishouden/")  # elsewhere it is explained


def test_the_page_for_professionals_says_whom_the_gemeente_calls_as_the_melding_does(client):
    """A walk: the page said the consulent calls the client; the melding's confirmation (Answers.to_call) says
    the one who made it is called. And it said nothing of what to tell the client."""
    call_command("load_demo_pages", stdout=open("/dev/null", "w"))  # noqa: SIM115
    page = " ".join(client.get("/voor-professionals/verwijzen-en-melden/").content.decode().split())
    assert "Een consulent belt u om een gesprek met uw cliënt te plannen." in page
    assert 'Dat staat op de pagina <a href="/melding-en-regels/het-gesprek/">Het gesprek</a>' in page
