"""The demo pages link where they promise: the steunpunt mantelzorg in the kaart, the providers' login."""

import re

import pytest
from django.conf import settings

from portal.demo import content

pytestmark = pytest.mark.django_db


def _html(page: dict) -> str:
    return " ".join(value if isinstance(value, str) else str(value) for _kind, value in page["body"])


def test_the_mantelzorg_page_links_the_steunpunt_in_the_kaart_with_its_phone_number(client):
    from socialekaart.demo.loader import load
    from socialekaart.models import Voorziening

    html = _html(content.MANTELZORG)
    link = re.search(r'<a href="(/sociale-kaart/[^"]+/)">steunpunt mantelzorg</a>', html)
    phone = re.search(r'<a href="tel:(\d+)">([\d-]+)</a>', html)
    assert link and phone, "the steunpunt is named without a link or phone number"
    load(stdout=open("/dev/null", "w"))  # noqa: SIM115
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
    from django.core.management import call_command

    link = re.search(r'<a href="([^"]+)">Lees meer over de HHT</a>', _html(content.HUISHOUDEN))
    assert link, "the HHT is recommended without a link"
    call_command("load_demo_pages", stdout=open("/dev/null", "w"))  # noqa: SIM115
    page = client.get(link.group(1))
    assert page.status_code == 200 and content.HHT["title"] in page.content.decode()


def test_the_spoed_page_finds_help_without_a_decision_as_it_promises(client):
    from bs4 import BeautifulSoup
    from django.core.management import call_command
    from wagtail.models import Page

    call_command("load_demo_kaart", stdout=open("/dev/null", "w"))  # noqa: SIM115 (with its search index)
    call_command("load_demo_pages", stdout=open("/dev/null", "w"))  # noqa: SIM115
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
    from django.core.management import call_command

    call_command("load_demo_kaart", stdout=open("/dev/null", "w"))  # noqa: SIM115 (with its search index)
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


def test_the_complaints_page_links_the_complaint_form(client):
    """It said "Bel ons voor een klacht. Of stuur een e-mail." and never named the form at /klacht/."""
    assert '<a href="/klacht/">klachtformulier</a>' in _html(content.KLACHTEN)
    assert client.get("/klacht/").status_code == 200


def test_the_gemeentes_own_help_on_the_kaart_is_asked_for_with_a_melding():
    """The gemeente's scootmobiel asked "Hebt u de beschikking van de gemeente?", sent to a form of its own,
    at hours other than the Wmo-loket's."""
    from socialekaart.demo.aanbod import GEMEENTE, LOKET, SOORTEN, VIA_DE_MELDING
    from socialekaart.demo.loader import load
    from socialekaart.models import Voorziening

    load(stdout=open("/dev/null", "w"))  # noqa: SIM115
    own = Voorziening.objects.filter(organisatie__name=GEMEENTE)
    assert own and all(v.aanmelden_toelichting == VIA_DE_MELDING and not v.aanmelden_url for v in own)
    assert all(soort.schedule == LOKET for soort in SOORTEN if soort.aanmelden == VIA_DE_MELDING)
