"""Capacity per wijk: its freshness, and how professionals and the public see it."""

import re
from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from socialekaart.models import Capaciteit

from .factories import CapaciteitFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("age", "outdated"),
    [(timedelta(0), False), (timedelta(days=6, hours=23), False), (timedelta(days=7, minutes=1), True)],
)
def test_capacity_is_outdated_after_seven_days(age, outdated):
    record = CapaciteitFactory(bijgewerkt_op=timezone.now() - age)
    assert record.is_verouderd is outdated
    assert record.versheid() == ("Nee, ouder dan 7 dagen" if outdated else "Ja")


def test_one_record_per_voorziening_and_wijk(kaart):
    with pytest.raises(IntegrityError):
        Capaciteit.objects.create(voorziening=kaart.dagbesteding, wijk=kaart.beemden, status="ja")


def test_the_admin_listing_shows_freshness(client, redacteur, kaart):
    client.force_login(redacteur)
    content = " ".join(client.get("/admin/snippets/socialekaart/capaciteit/").content.decode().split())
    assert "Bijgewerkt in de laatste 7 dagen?" in content
    assert "Nee, ouder dan 7 dagen" in content  # Dagbesteding De Molen, 30 days old
    assert "<td > Ja </td>" in content  # Dagbesteding Het Anker
    # A walk read "2 beschikbaarheid per wijk" under the list.
    count = Capaciteit.objects.count()
    assert f'<div class="pagination__end"> {count} rijen </div>' in content


def test_a_provider_can_only_report_capacity_for_voorzieningen_with_limited_places(client, aanbieder, kaart):
    from .admin_helpers import form_data, url

    client.force_login(aanbieder)
    add = url("capaciteit", "add")
    page = client.get(add).content.decode()
    assert "Dagbesteding De Molen" in page
    assert "Hulp in de huishouding" not in page  # Zorg Lindewaard's, but no limited places
    data = form_data(client, add, status="ja")
    data["voorziening"] = str(kaart.huishouding.pk)
    data["wijk"] = str(kaart.centrum.pk)
    assert client.post(add, data).status_code == 200
    assert not Capaciteit.objects.filter(voorziening=kaart.huishouding).exists()


def test_capacity_is_reported_only_for_a_wijk_the_voorziening_works_in(client, aanbieder, kaart):
    from .admin_helpers import form_data, url

    client.force_login(aanbieder)
    add = url("capaciteit", "add")
    Capaciteit.objects.filter(voorziening=kaart.dagbesteding).delete()
    kaart.dagbesteding_vers.wijken.set([kaart.centrum])
    page = client.get(add).content.decode()
    offered = re.findall(
        r'<option value="[^"]+"[^>]*>([^<]+)</option>', page.split('name="wijk"', 1)[1].split("</select>")[0]
    )
    assert offered == ["Centrum", "De Beemden"]  # where its voorzieningen work, not every wijk
    data = form_data(client, add, status="ja")
    data["voorziening"] = str(kaart.dagbesteding.pk)  # works in De Beemden only
    data["wijk"] = str(kaart.centrum.pk)
    response = client.post(add, data)
    assert response.status_code == 200
    expected = (
        "Dagbesteding De Molen werkt niet in Centrum. Kies een wijk waar de voorziening werkt: De Beemden."
    )
    assert expected in response.content.decode()
    data["wijk"] = str(kaart.beemden.pk)
    assert client.post(add, data).status_code == 302
    assert Capaciteit.objects.get(voorziening=kaart.dagbesteding).wijk == kaart.beemden


def test_a_second_row_for_the_same_wijk_says_what_to_do(client, aanbieder, kaart):
    """ "Capaciteit met deze Voorziening en Wijk bestaat al.": Django's words, with the model's name."""
    from .admin_helpers import form_data, url

    client.force_login(aanbieder)
    add = url("capaciteit", "add")
    data = form_data(client, add, status="ja")
    data["voorziening"] = str(kaart.dagbesteding.pk)  # it has a row for De Beemden already
    data["wijk"] = str(kaart.beemden.pk)
    html = client.post(add, data).content.decode()
    assert "Voor deze wijk staat er al een regel bij deze voorziening. Pas die regel aan in de lijst." in html
    assert "bestaat al" not in html


def test_room_for_new_clients_has_no_waiting_time(client, aanbieder, kaart):
    """ "Ja, er is plaats" with 6 weeks of waiting told a consulent both; the form asks which one holds."""
    from .admin_helpers import form_data, url

    client.force_login(aanbieder)
    add = url("capaciteit", "add")
    Capaciteit.objects.filter(voorziening=kaart.dagbesteding).delete()
    page = client.get(add).content.decode()
    assert "Staat uw voorziening er niet bij? Zet dan eerst bij de voorziening" in page
    data = form_data(client, add, status="ja", wachttijd_weken="6")
    data["voorziening"], data["wijk"] = str(kaart.dagbesteding.pk), str(kaart.beemden.pk)
    response = client.post(add, data)
    assert response.status_code == 200
    assert "Er is plaats, dan is er geen wachttijd." in response.content.decode()
    assert not Capaciteit.objects.filter(voorziening=kaart.dagbesteding).exists()
    data["status"] = "beperkt"
    assert client.post(add, data).status_code == 302
    assert Capaciteit.objects.get(voorziening=kaart.dagbesteding).wachttijd_weken == 6


def test_a_form_with_errors_is_titled_with_what_is_stored(client, aanbieder, kaart):
    """A walk: after a refused save the page's title and breadcrumb said "Ja, er is plaats", which was not
    saved; a provider took it as saved."""
    from .admin_helpers import form_data, url

    client.force_login(aanbieder)
    capaciteit = Capaciteit.objects.filter(voorziening=kaart.dagbesteding).first()
    capaciteit.status, capaciteit.wachttijd_weken = "nee", 7
    capaciteit.save()
    edit = url("capaciteit", "edit", capaciteit.pk)
    stored = str(capaciteit)
    response = client.post(edit, form_data(client, edit, status="ja", wachttijd_weken="300"))
    html = response.content.decode()
    assert response.status_code == 200 and "Er is plaats, dan is er geen wachttijd." in html
    assert stored in re.search(r"<title>(.*?)</title>", html, re.S)[1]
    assert "Ja, er is plaats" not in re.search(r"<header.*?</header>", html, re.S)[0]


def test_a_waiting_time_of_years_on_end_is_a_typing_error(client, aanbieder, kaart):
    """70000 weeks was saved and shown to consulenten."""
    from .admin_helpers import form_data, url

    client.force_login(aanbieder)
    add = url("capaciteit", "add")
    Capaciteit.objects.filter(voorziening=kaart.dagbesteding).delete()
    data = form_data(client, add, status="beperkt", wachttijd_weken="70000")
    data["voorziening"], data["wijk"] = str(kaart.dagbesteding.pk), str(kaart.beemden.pk)
    page = client.post(add, data).content.decode()
    assert "Een wachttijd van meer dan 5 jaar (260 weken) kan niet kloppen. Kijk het getal na." in page
    assert 'value="70000"' in page and not Capaciteit.objects.filter(voorziening=kaart.dagbesteding).exists()
    data["wachttijd_weken"] = "-2"  # a walk: Django's "Zorg ervoor dat deze waarde minstens 0 is."
    assert "Vul 0 of meer weken in." in client.post(add, data).content.decode()
    data["wachttijd_weken"] = "260"
    assert client.post(add, data).status_code == 302
