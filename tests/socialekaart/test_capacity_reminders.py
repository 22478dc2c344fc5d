"""Capacity stays fresh: reminders by e-mail, the provider's dashboard panel, the professionals' filter."""

import html
import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.http import QueryDict
from django.utils import timezone

from socialekaart.capacity_reminders import send_reminders
from socialekaart.models import Capaciteit, Organisatie, Voorziening, Wijk
from socialekaart.permissions import ensure_professionals_group
from socialekaart.search import get_backend
from socialekaart.tasks import remind_capacity

from .factories import UserFactory


@pytest.fixture
def provider_with_email(aanbieder):
    aanbieder.email = "planning@zorg-lindewaard.example"
    aanbieder.save()
    return aanbieder


def test_a_provider_with_capacity_older_than_seven_days_gets_one_reminder_a_week(kaart, provider_with_email):
    assert remind_capacity.enqueue().return_value == 1  # through the task queue
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Werk uw beschikbaarheid bij"
    assert message.to == ["planning@zorg-lindewaard.example"]
    assert "Zorg Lindewaard" in message.body
    assert send_reminders() == 0  # not again within the week
    assert send_reminders(now=timezone.now() + timedelta(days=8)) == 1
    assert len(mail.outbox) == 2


def test_no_reminder_when_all_capacity_is_fresh(kaart, provider_with_email):
    Capaciteit.objects.update(bijgewerkt_op=timezone.now() - timedelta(days=2))
    assert send_reminders() == 0
    assert mail.outbox == []
    assert Organisatie.objects.get(pk=kaart.zorg.pk).capaciteit_herinnerd_op is None


def test_the_providers_dashboard_opens_on_werk_uw_beschikbaarheid_bij(client, kaart, aanbieder):
    client.force_login(aanbieder)
    page = client.get("/admin/").content.decode()
    assert "Werk uw beschikbaarheid bij" in page
    oldest = Capaciteit.objects.filter(voorziening__organisatie=kaart.zorg).order_by("bijgewerkt_op").first()
    assert f"bijgewerkt op {timezone.localtime(oldest.bijgewerkt_op):%-d}" in page
    assert "Langer dan een week niet bijgewerkt:" in page


def test_the_button_and_the_list_it_opens_have_one_name(client, kaart, aanbieder):
    """A walk: "Beschikbaarheid bijwerken" opened "Capaciteit per wijk", with "1 capaciteit" under it."""
    client.force_login(aanbieder)
    page = client.get("/admin/").content.decode()
    link = BeautifulSoup(page, "html.parser").find("a", string="Beschikbaarheid per wijk bijwerken")
    listing = client.get(link["href"]).content.decode()
    assert "Beschikbaarheid per wijk" in BeautifulSoup(listing, "html.parser").find("h1").get_text()
    assert "apaciteit" not in BeautifulSoup(listing, "html.parser").find("main").get_text()


def test_editors_get_no_capacity_panel(client, kaart, redacteur):
    client.force_login(redacteur)
    assert "Werk uw beschikbaarheid bij" not in client.get("/admin/").content.decode()


def test_professionals_can_filter_on_a_free_place_updated_this_week(client, kaart):
    get_backend().rebuild()
    user = UserFactory(username="consulent")
    user.groups.add(ensure_professionals_group())
    client.force_login(user)
    everything = client.get("/sociale-kaart/", {"thema": "dagbesteding"}).content.decode()
    assert "Dagbesteding De Molen" in everything and "Dagbesteding Het Anker" in everything
    fresh = client.get("/sociale-kaart/", {"thema": "dagbesteding", "plek_vrij": "on"}).content.decode()
    assert "Alleen met plek vrij, bijgewerkt in de laatste 7 dagen" in fresh
    assert "Dagbesteding Het Anker" in fresh  # beperkt, updated today
    assert "Dagbesteding De Molen" not in fresh  # ja, but 30 days ago
    assert "1 resultaat" in fresh


def test_help_closed_for_now_has_no_free_place(client, kaart):
    """A walk: "Tijdelijk gesloten" help came first under "Alleen met plek vrij", in the list and in the PDF
    for the client."""
    Voorziening.objects.filter(slug="dagbesteding-het-anker").update(
        status=Voorziening.Status.TIJDELIJK_GESLOTEN
    )
    get_backend().rebuild()
    user = UserFactory(username="consulent")
    user.groups.add(ensure_professionals_group())
    client.force_login(user)
    page = client.get("/sociale-kaart/", {"thema": "dagbesteding", "plek_vrij": "on"}).content.decode()
    assert "Dagbesteding Het Anker" not in page
    # A walk after the change: its card and its page still said its places, beside "Tijdelijk gesloten".
    card = client.get("/sociale-kaart/", {"q": "Het Anker"}).content.decode()
    assert "Dagbesteding Het Anker" in card and "kaart-capacity-short" not in card
    detail = client.get("/sociale-kaart/dagbesteding-het-anker/").content.decode()
    assert "Deze hulp is tijdelijk gesloten. Er is nu geen plaats voor nieuwe cliënten." in detail
    assert "kaart-capacity" not in detail


def test_a_free_place_counts_in_the_wijk_the_search_is_about(client, kaart):
    """Het Anker works in Centrum too, but has room only in De Beemden."""
    anker = Voorziening.objects.get(slug="dagbesteding-het-anker")
    anker.wijken.add(Wijk.objects.get(slug="centrum"))
    get_backend().rebuild()
    user = UserFactory(username="consulent")
    user.groups.add(ensure_professionals_group())
    client.force_login(user)

    def found(**params):
        page = client.get("/sociale-kaart/", {"thema": "dagbesteding", "plek_vrij": "on", **params})
        return "Dagbesteding Het Anker" in page.content.decode()

    assert found() and found(wijk="de-beemden") and found(postcode="3917 AA", mijn_wijk="on")
    assert not found(wijk="centrum") and not found(postcode="3911 AB", mijn_wijk="on")
    # A client's postcode alone: room where the client lives (a walk was shown room in another wijk).
    assert found(postcode="3917 AA") and found(postcode="3917") and not found(postcode="3911 AB")
    assert found(postcode="3911 AB", wijk="de-beemden")  # the wijken chosen go first


def test_plek_vrij_counts_as_a_filter_and_an_empty_result_offers_to_search_without_it(client, kaart):
    """A walk: with a wijk and "plek vrij" chosen the button said "Filters (1 aan)", and 0 results advised to
    check the spelling, not that help with an old count may have room."""
    get_backend().rebuild()
    user = UserFactory(username="consulent")
    user.groups.add(ensure_professionals_group())
    client.force_login(user)
    params = {"thema": "dagbesteding", "wijk": "centrum", "plek_vrij": "on"}
    page = client.get("/sociale-kaart/", params).content.decode()
    assert "0 resultaten" in page and "(3 aan)" in page  # thema, wijk, plek vrij
    assert (
        "Misschien is er wel plaats bij hulp waarvan de aanbieder dat niet doorgeeft, "
        "of niet in de laatste 7 dagen."
    ) in page
    without = re.search(r"""<a href="\?([^"]*)#resultaten">Zoek zonder 'Alleen met plek vrij'</a>""", page)
    query = QueryDict(html.unescape(without.group(1)))
    assert (query["thema"], query["wijk"], query["plek_vrij"]) == ("dagbesteding", "centrum", "")


def test_the_public_never_gets_the_capacity_filter(client, kaart):
    get_backend().rebuild()
    page = client.get("/sociale-kaart/", {"thema": "dagbesteding", "plek_vrij": "on"}).content.decode()
    assert "Alleen met plek vrij" not in page
    assert "Dagbesteding De Molen" in page
