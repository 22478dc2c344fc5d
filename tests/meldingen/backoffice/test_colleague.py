"""The backoffice as a consulent meets it: Dutch dates, taking a melding into their own hands, a status
list that starts empty with only the next steps, and no avatars fetched from outside."""

import re
from datetime import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from core.workdays import add_working_days
from meldingen.backoffice.models import AuditEntry
from meldingen.backoffice.workflow import Status

from .fixtures import assert_refused, store

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_url(two_meldingen):
    return reverse("backoffice:melding", args=[two_meldingen["centrum"].behandeling.pk])


def test_dates_in_the_backoffice_read_as_7_okt_2026(staff, client, teams):
    melding = store(created_at=timezone.make_aware(datetime(2026, 10, 7, 9, 30)), name="Anna de Vries")
    client.force_login(staff["consulent"])
    page = client.get(reverse("backoffice:melding", args=[melding.behandeling.pk])).content.decode()
    assert "7 okt. 2026, 09:30" in page  # ontvangen, and in the timeline
    contact = melding.behandeling.contact_deadline
    assert f"{contact.day} okt. 2026" in page  # the first contact's term
    assert "October" not in page and "7 oktober 2026" not in page
    inbox = client.get(reverse("backoffice:inbox")).content.decode()
    assert "7 okt. 2026" in inbox


def _status_options(html: str) -> list[tuple[str, str]]:
    select = re.search(r'<select name="status"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)


def test_new_status_starts_empty_and_offers_only_the_next_steps(staff, client, page_url):
    client.force_login(staff["consulent"])
    options = _status_options(client.get(page_url).content.decode())
    assert options == [
        ("", "Kies een status"),
        ("contact_opgenomen", "Contact opgenomen"),
        ("ingetrokken", "Ingetrokken"),
        ("dubbel", "Dubbele melding"),
    ]


def test_saving_without_choosing_a_status_asks_for_one(staff, client, page_url, two_meldingen):
    client.force_login(staff["consulent"])
    response = client.post(page_url + "status/", {"status": ""})
    assert response.status_code == 400
    assert "Kies een nieuwe status." in response.content.decode()
    two_meldingen["centrum"].behandeling.refresh_from_db()
    assert two_meldingen["centrum"].behandeling.status == Status.ONTVANGEN


def test_a_consulent_takes_a_melding_into_their_own_hands(staff, client, page_url, two_meldingen):
    """The timeline named her by her login alone ("consulent-centrum"), not as her colleagues know her."""
    staff["consulent"].first_name, staff["consulent"].last_name = "Sanne", "de Vries"
    staff["consulent"].save()
    client.force_login(staff["consulent"])
    assert "Neem in behandeling" in client.get(page_url).content.decode()
    response = client.post(page_url + "in-behandeling/")
    assert response.status_code == 302
    behandeling = two_meldingen["centrum"].behandeling
    behandeling.refresh_from_db()
    assert behandeling.consulent == staff["consulent"]
    entry = AuditEntry.objects.get(action=AuditEntry.Action.ASSIGNED)
    assert entry.user == staff["consulent"]
    assert (
        entry.detail == "Wijkteam: Wijkteam Centrum. Consulent: Sanne de Vries (consulent-centrum). "
        "Zelf in behandeling genomen."
    )
    html = client.get(page_url).content.decode()
    assert "U behandelt deze melding nu." in html and "Neem in behandeling" not in html
    taken = BeautifulSoup(html, "html.parser").select_one(".bo-timeline__item--assigned")
    assert taken is not None and "Zelf in behandeling genomen." in taken.get_text()


def test_a_page_shown_before_a_colleagues_change_says_what_changed(staff, client, page_url, two_meldingen):
    """A walk with two tabs: "Contact opgenomen" set in one, then chosen in the other, said "Kies een status
    uit de lijst."; and "Neem in behandeling" on a melding the teamleider had just given her said "U kunt
    deze melding niet zelf in behandeling nemen." """
    client.force_login(staff["consulent"])
    behandeling = two_meldingen["centrum"].behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["teamleider"])
    html = client.post(page_url + "status/", {"status": Status.CONTACT_OPGENOMEN}).content.decode()
    assert "De status is intussen al veranderd in &#x27;Contact opgenomen&#x27;." in html
    behandeling.change_status(
        Status.GESPREK_GEPLAND, staff["teamleider"]
    )  # named as it is, not "verplaatsen"
    html = client.post(page_url + "status/", {"status": Status.CONTACT_OPGENOMEN}).content.decode()
    assert "De status is intussen al veranderd in &#x27;Gesprek gepland&#x27;." in html
    behandeling.consulent = staff["consulent"]
    behandeling.save()
    taken = client.post(page_url + "in-behandeling/", follow=True).content.decode()
    assert "U behandelt deze melding al." in taken and "niet zelf in behandeling nemen" not in taken


def test_a_consulent_who_takes_a_step_with_a_melding_nobody_has_has_it(
    staff, client, page_url, two_meldingen
):
    """A walk: the consulent recorded the contact and planned the gesprek; "Consulent: Niemand" stayed on the
    melding and in the inbox. A teamleider's step assigns nobody: she assigns."""
    behandeling = two_meldingen["centrum"].behandeling
    client.force_login(staff["teamleider"])
    client.post(page_url + "status/", {"status": Status.CONTACT_OPGENOMEN})
    behandeling.refresh_from_db()
    assert behandeling.status == Status.CONTACT_OPGENOMEN and behandeling.consulent is None
    client.force_login(staff["consulent"])
    day = add_working_days(timezone.localdate(), 5).strftime("%d-%m-%Y")
    plan = {"status": Status.GESPREK_GEPLAND, "gesprek_datum": day, "gesprek_tijd": "10:00"}
    html = client.post(page_url + "status/", plan, follow=True).content.decode()
    assert "De status is nu: Gesprek gepland, op " in html and "10:00. U behandelt deze melding nu." in html
    behandeling.refresh_from_db()
    assert behandeling.consulent == staff["consulent"]
    assert AuditEntry.objects.get(action=AuditEntry.Action.ASSIGNED).detail.endswith(
        "Zelf in behandeling genomen."
    )


def test_a_consulent_of_another_team_cannot_take_the_melding(staff, client, page_url, two_meldingen):
    client.force_login(staff["consulent_haven"])
    assert_refused(client.post(page_url + "in-behandeling/"))
    two_meldingen["centrum"].behandeling.refresh_from_db()
    assert two_meldingen["centrum"].behandeling.consulent is None


def test_a_teamleider_assigns_but_is_not_offered_to_take_it(staff, client, page_url):
    client.force_login(staff["teamleider"])
    html = client.get(page_url).content.decode()
    assert "Neem in behandeling" not in html and "Toewijzen" in html
    # Each consulent under her team: one of another team is refused, and the names alone did not say whose.
    select = BeautifulSoup(html, "html.parser").find("select", {"name": "consulent"})
    chosen = [option for option in select("option") if option["value"]]
    assert chosen and all(option.parent.name == "optgroup" for option in chosen)
    assert all(group["label"].startswith("Wijkteam") for group in select("optgroup"))


def test_no_admin_page_fetches_avatars_from_outside(settings, staff, client, page_url):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    client.force_login(staff["teamleider"])
    for url in ["/admin/", reverse("backoffice:inbox"), page_url, "/admin/account/"]:
        html = client.get(url).content.decode()
        assert "gravatar" not in html.lower(), url


def test_the_teamleider_reaches_toewijzen_from_the_top_of_the_page(staff, client, page_url):
    """Toewijzen stands under the melding, its status and the nazorg: some 1,100 px down at 1280 px. The
    overview at the top links to it; a consulent, who does not assign, gets no such link."""
    client.force_login(staff["teamleider"])
    soup = BeautifulSoup(client.get(page_url).content.decode(), "html.parser")
    link = soup.select_one('section[aria-labelledby="case-heading"] a[href="#assign-heading"]')
    assert link is not None and link.get_text() == "Toewijzen aan een consulent of wijkteam"
    assert soup.select_one("#assign-heading").get("tabindex") == "-1"  # the link moves the focus there too
    client.force_login(staff["consulent"])
    html = client.get(page_url).content.decode()
    assert 'href="#assign-heading"' not in html and "Neem in behandeling" in html


def test_the_toelichting_says_when_it_is_needed_for_the_steps_offered(staff, client, page_url, two_meldingen):
    """A walk: "Alleen nodig als u 'Ingetrokken' kiest, of het onderzoek afrondt voor het geplande gesprek"
    stood under every status, also where no gesprek was planned."""
    client.force_login(staff["consulent"])
    html = client.get(page_url).content.decode().replace("&#39;", "'")
    assert "Alleen nodig als u 'Ingetrokken' kiest. Schrijf hier geen medische gegevens." in html
    assert "afrondt voor het geplande gesprek" not in html
    behandeling = two_meldingen["centrum"].behandeling
    behandeling.status = Status.GESPREK_GEPLAND
    behandeling.save()
    planned = client.get(page_url).content.decode().replace("&#39;", "'")
    assert (
        "Alleen nodig als u 'Ingetrokken' kiest, een gesprek plant na de termijn van het onderzoek of op een "
        "dag die geen werkdag is, "
        "het onderzoek afrondt voor het geplande gesprek of het persoonlijk plan, "
        "er geen verslag of geen toestemming van de inwoner is vastgelegd, "
        "of een aanvraag vastlegt waarvan de termijn al voorbij is." in planned
    )
