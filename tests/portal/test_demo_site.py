"""The demo site as its readers find it: its pages link where they promise (the steunpunt mantelzorg in the
kaart, the providers' login) and say what a walk found missing. The demo's kaart and pages are loaded once for
the module (`demo_site`)."""

import re

import pytest
from django.conf import settings

from portal.demo import content

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


def _html(page: dict) -> str:
    return " ".join(value if isinstance(value, str) else str(value) for _kind, value in page["body"])


def test_the_mantelzorg_page_links_the_steunpunt_in_the_kaart_with_its_phone_number(client):
    from socialekaart.models import Voorziening

    html = _html(content.MANTELZORG)
    link = re.search(r'<a href="(/sociale-kaart/[^"]+/)">steunpunt mantelzorg</a>', html)
    phone = re.search(r'<a href="tel:(\d+)">([\d-]+)</a>', html)
    assert link and phone, "the steunpunt is named without a link or phone number"
    steunpunt = Voorziening.objects.get(slug=link.group(1).split("/")[2])
    assert steunpunt.name.startswith("Steunpunt mantelzorg")
    assert phone.group(2) == steunpunt.aanmelden_telefoon
    assert phone.group(1) == steunpunt.aanmelden_telefoon.replace("-", "")
    assert client.get(link.group(1)).status_code == 200


def test_a_mantelzorger_who_falls_ill_reads_which_number_to_call():
    """The answer said "Bel ons dan meteen" on a page that gives the steunpunt's number: the spoed is the
    gemeente's, so the answer names the Wmo-loket and its number."""
    [vragen] = [value for kind, value in content.MANTELZORG["body"] if kind == "vragen"]
    [answer] = [item["answer"] for item in vragen["items"] if "ziek" in item["question"]]
    phone = settings.MUNICIPALITY_PHONE
    assert f'het Wmo-loket van de gemeente: <a href="tel:{phone.replace(" ", "")}">{phone}</a>' in answer


def test_providers_are_sent_to_the_login_from_the_kaart_page_for_professionals(client):
    html = _html(content.PROFESSIONALS_KAART)
    assert '<a href="/admin/login/">Log in met uw account voor aanbieders</a>' in html
    assert client.get("/admin/login/").status_code == 200


def test_the_household_page_links_the_hht_it_recommends(client):

    link = re.search(r'<a href="([^"]+)">Lees meer over de HHT</a>', _html(content.HUISHOUDEN))
    assert link, "the HHT is recommended without a link"
    page = client.get(link.group(1))
    assert page.status_code == 200 and content.HHT["title"] in page.content.decode()


def test_the_spoed_page_finds_help_without_a_decision_as_it_promises(client):
    from bs4 import BeautifulSoup
    from wagtail.models import Page

    page = Page.objects.get(slug=content.SPOED["slug"])
    html = client.get(page.url).content.decode()
    link = re.search(r'<a[^>]*href="([^"]+)"[^>]*>\s*Zoek hulp die u snel en zonder besluit', html)
    assert link, "the link is missing"
    results = client.get(link.group(1).replace("&amp;", "&")).content.decode()
    cards = [
        card.get_text(" ", strip=True)
        for card in BeautifulSoup(results, "html.parser").select(".kaart-result")
    ]
    assert cards
    for card in cards:
        assert "beschikking" not in card and "Na verwijzing" not in card, card


def test_a_kaart_link_promises_no_wijk_it_cannot_know():
    """ "Zoek hulp in huis en klussen in uw wijk" opened the kaart for the whole municipality: a link does not
    know where the reader lives (the kaart asks a postcode for that)."""
    pages = [value for value in vars(content).values() if isinstance(value, dict) and "body" in value]
    links = [value["text"] for page in pages for kind, value in page["body"] if kind == "kaart_link"]
    assert len(links) >= 10
    assert not [text for text in links if "uw wijk" in text]


def test_the_loan_point_the_hulpmiddelen_page_sends_to_is_on_the_kaart(client):
    """It said "bij het uitleenpunt in uw wijk", and three wijken have none."""
    from bs4 import BeautifulSoup

    html = _html(content.HULPMIDDELEN)
    assert "uitleenpunt in uw wijk" not in html
    link = re.search(r'<a href="(/sociale-kaart/[^"]+)">Kijk op de sociale kaart waar er een is</a>', html)
    assert link, "the link is missing"
    results = BeautifulSoup(client.get(link.group(1)).content, "html.parser").select(".kaart-result")
    assert results and all("Uitleenpunt" in card.get_text() for card in results[:3])


def test_a_confirmation_is_promised_only_by_e_mail():
    """ "Wij sturen u een bevestiging." while a melding without an e-mail address gets none sent."""
    pages = [value for value in vars(content).values() if isinstance(value, dict) and "body" in value]
    sentences = [sentence for page in pages for sentence in re.split(r"(?<=[.?!])\s", _html(page))]
    promises = [sentence for sentence in sentences if "bevestiging" in sentence]
    assert promises and all("e-mail" in sentence for sentence in promises), promises


def test_the_complaint_forms_bezwaar_link_leads_to_the_information_page(client):
    html = client.get("/klacht/").content.decode()
    assert 'href="/melding-en-regels/klachten-en-bezwaar/">Lees hoe u bezwaar maakt</a>' in html


def test_the_complaints_page_links_the_complaint_form(client):
    """It said "Bel ons voor een klacht. Of stuur een e-mail." and never named the form at /klacht/."""
    assert '<a href="/klacht/">klachtformulier</a>' in _html(content.KLACHTEN)
    assert client.get("/klacht/").status_code == 200


def test_the_site_says_one_thing_about_complaining_in_the_words_the_taalcheck_asks_for(client):
    """A walk: the complaints page said "Praat er eerst over met uw hulp. Lukt dat niet? Dien dan een klacht
    in", the form "U hoeft dat niet eerst te doen", and the taalcheck marks "indienen" as a word to replace;
    the action had five names. Now it is "klacht doorgeven" everywhere, and talking first is advice."""
    pages = [value for value in vars(content).values() if isinstance(value, dict) and "body" in value]
    texts = [_html(page) for page in pages]
    texts += [client.get(url).content.decode() for url in ("/klacht/", "/zoeken/?q=klacht")]
    texts.append(client.get("/sociale-kaart/", {"q": "klacht over mijn hulp"}).content.decode())
    for text in texts:
        assert not re.search(r"\b(indienen|dien (dan )?een klacht in|klacht doen)\b", text, re.IGNORECASE)
    advice = "U hoeft dat niet eerst te doen."
    assert advice in _html(content.KLACHTEN) and "eerst over" not in _html(content.KLACHTEN)
    assert advice in texts[-3]  # the form says the same


def test_a_professional_reads_that_after_logging_in_the_kaart_shows_places_and_lands_there(client):
    """A walk: a praktijkondersteuner read that "de gemeente" sees which provider has places, never that he
    could, and the only login named was the providers'."""
    from django.contrib.auth.models import Group

    from tests.socialekaart.factories import UserFactory

    page = _html(content.PROFESSIONALS_KAART)
    assert '<a href="/admin/login/?next=/sociale-kaart/">Log dan in</a>' in page
    assert "of er plek is en hoe lang de wachttijd is" in page
    professional = UserFactory(username="poh")
    professional.set_password("een-lang-wachtwoord-2026")
    professional.save()
    professional.groups.add(Group.objects.get_or_create(name="Professionals")[0])
    login = {"username": "poh", "password": "een-lang-wachtwoord-2026"}
    assert client.post("/admin/login/?next=/sociale-kaart/", login)["Location"] == "/sociale-kaart/"


def test_the_gemeentes_own_help_on_the_kaart_is_asked_for_with_a_melding():
    """The gemeente's scootmobiel asked "Hebt u de beschikking van de gemeente?", sent to a form of its own,
    at hours other than the Wmo-loket's."""
    from socialekaart.demo.aanbod import GEMEENTE, LOKET, SOORTEN, VIA_DE_MELDING
    from socialekaart.models import Voorziening

    own = Voorziening.objects.filter(organisatie__name=GEMEENTE)
    assert own and all(v.aanmelden_toelichting == VIA_DE_MELDING and not v.aanmelden_url for v in own)
    assert all(soort.schedule == LOKET for soort in SOORTEN if soort.aanmelden == VIA_DE_MELDING)


def test_the_home_page_links_to_urgent_help_and_to_complaints_and_bezwaar(client):
    """A walk: the home page's cards showed four pages of each theme, and "Snel hulp nodig" and "Klachten en
    bezwaar" were fifth and sixth (the theme's intro asks "wat doet u als u het niet eens bent?")."""
    cards = client.get("/").content.decode().split('class="card-list home-tasks"', 1)[1]
    assert '<a href="/hulp-voor-mezelf/hulp-bij-spoed/">Snel hulp nodig</a>' in cards
    assert '<a href="/melding-en-regels/klachten-en-bezwaar/">Klachten en bezwaar</a>' in cards


def test_the_home_page_says_a_theme_has_more_pages_than_it_shows(client):
    """A walk: "Ik zoek hulp voor mezelf" showed 4 of its 7 pages, and nothing said there were more: a man
    looking for a douchestoel found the page on hulpmiddelen only through the search."""
    cards = client.get("/").content.decode().split('class="card-list home-tasks"', 1)[1]
    mezelf = cards.split('<a href="/hulp-voor-mezelf/">', 1)[1].split("</ul>", 1)[0]
    assert (
        mezelf.count("<li>") == 5 and '<li><a href="/hulp-voor-mezelf/">Nog 4 onderwerpen</a></li>' in mezelf
    )
    iemand = cards.split('<a href="/ik-zorg-voor-iemand/">', 1)[1].split("</ul>", 1)[0]
    assert "Nog" not in iemand  # all its pages show


def test_the_home_page_offers_the_melding_first(client):
    """A walk on a phone: "Melding doen" stood fifth of six cards, below "Ik werk met cliënten", some 2,000 px
    down the page."""
    cards = client.get("/").content.decode().split('class="card-list home-tasks"', 1)[1]
    first_card = cards.split('<li class="card', 2)[1]
    assert '<a href="/melding/">Melding doen</a>' in first_card


def test_the_eigen_bijdrage_explained_on_the_huishouden_page_says_something_new(client):
    """A walk: "eigen bijdrage" opened "Het is een vast bedrag per maand. Het CAK stuurt u de rekening.", and
    the page's next line said "Dat is een vast bedrag per maand. Het CAK stuurt u de rekening." """
    from bs4 import BeautifulSoup

    html = client.get("/hulp-voor-mezelf/hulp-bij-het-huishouden/").content.decode()
    main = BeautifulSoup(html, "html.parser").find("main")
    popup = next(p for p in main.select(".begrip__uitleg") if "zelf betaalt" in p.get_text()).extract()
    page_text = " ".join(main.get_text(" ").split())
    for sentence in popup.find("span").get_text(" ").split(". ")[1:]:
        assert sentence.strip().rstrip(".").removeprefix("Het ") not in page_text, sentence


def test_a_page_about_a_term_explains_it_itself_without_its_begrip(client):
    """A walk: on the HHT's own page the begrip HHT opened "U hebt er geen besluit van de gemeente voor
    nodig.", the page's own sentence; on "Het gesprek" the keukentafelgesprek's "Vaak bij u thuis"."""

    def explained(url: str) -> list[str]:
        html = client.get(url).content.decode()
        return re.findall(r'class="begrip__uitleg" id="uitleg-([\w-]+)"', html)

    assert "hht" not in explained("/ik-zorg-voor-iemand/huishoudelijke-hulp-toelage/")
    assert "keukentafelgesprek" not in explained("/melding-en-regels/het-gesprek/")
    assert "hht" in explained("/hulp-voor-mezelf/hulp-bij-het-huishouden/")  # elsewhere it is explained


def test_the_page_for_professionals_says_whom_the_gemeente_calls_as_the_melding_does(client):
    """A walk: the page said the consulent calls the client; the melding's confirmation (Answers.to_call) says
    the one who made it is called. And it said nothing of what to tell the client."""
    page = " ".join(client.get("/voor-professionals/verwijzen-en-melden/").content.decode().split())
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())  # "consulent" is a begrip, explained in place
    assert "Een consulent belt u om een gesprek met uw cliënt te plannen." in text
    assert 'Dat staat op de pagina <a href="/melding-en-regels/het-gesprek/">Het gesprek</a>' in page


def test_who_asks_what_help_costs_is_led_to_the_eigen_bijdrage(client):
    """A walk: "wat kost een scootmobiel" found only the page on hulpmiddelen, which says one "meestal" pays
    an eigen bijdrage; the page that says what it is was not among the results."""
    tip = '<a href="/melding-en-regels/eigen-bijdrage/">Lees wat u zelf betaalt</a>'
    for query in ("wat kost een scootmobiel", "is een scootmobiel gratis"):
        html = client.get("/zoeken/", {"q": query}).content.decode()
        assert tip in html and "Dat heet de eigen bijdrage." in html, query
    # Not where the page is among the results already, nor where nobody asks about money.
    for query in ("moet ik betalen voor een rolstoel", "scootmobiel"):
        assert tip not in client.get("/zoeken/", {"q": query}).content.decode(), query


def test_a_page_that_holds_every_group_of_words_best_comes_first(client):
    """A walk: on SQLite "eigen bijdrage kosten" put the page "Eigen bijdrage" last of eight (the order of a
    search for two groups of words was turned around; core/database_search.py)."""
    html = client.get("/zoeken/", {"q": "eigen bijdrage kosten"}).content.decode()
    first = re.search(r'search-results__title"><a href="([^"]+)"', html).group(1)
    assert first == "/melding-en-regels/eigen-bijdrage/"
