"""A provider's login changes its own organisation's data through the admin, and nothing else."""

import re

import pytest

from socialekaart.models import Capaciteit, Locatie, Voorziening, VoorzieningOpLocatie

from .admin_helpers import form_data, url
from .factories import CapaciteitFactory, LocatieFactory, OpeningstijdFactory, VoorzieningOpLocatieFactory

pytestmark = pytest.mark.django_db

BLOCKED = {302, 403, 404}


@pytest.fixture
def provider_client(client, aanbieder):
    client.force_login(aanbieder)
    return client


def test_the_listing_shows_only_the_own_organisations_voorzieningen(provider_client, kaart):
    response = provider_client.get(url("voorziening", "list"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Dagbesteding De Molen" in content  # Zorg Lindewaard
    assert "Mantelzorgcafé De Linde" not in content  # Welzijn Lindewaard


def test_a_provider_changes_its_own_voorziening(provider_client, kaart):
    edit = url("voorziening", "edit", kaart.dagbesteding.pk)
    data = form_data(provider_client, edit, name="Dagbesteding De Molen en De Wiek")
    response = provider_client.post(edit, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    kaart.dagbesteding.refresh_from_db()
    assert kaart.dagbesteding.name == "Dagbesteding De Molen en De Wiek"
    assert kaart.dagbesteding.organisatie == kaart.zorg
    assert kaart.dagbesteding.beperkte_plaatsen is True  # untouched fields keep their value


def test_a_provider_keeps_the_link_of_its_voorziening(provider_client, client, redacteur, kaart):
    """ "Korte naam in de link" was open to providers: one renamed it and broke every link to the page."""
    edit = url("voorziening", "edit", kaart.dagbesteding.pk)
    old_slug = kaart.dagbesteding.slug
    data = form_data(provider_client, edit, slug="nieuwe-link", name="Dagbesteding De Molen")
    assert provider_client.post(edit, data).status_code == 302
    kaart.dagbesteding.refresh_from_db()
    assert kaart.dagbesteding.slug == old_slug
    client.force_login(redacteur)  # the gemeente's editor still can, when it must
    assert "Dan gaan oude links vanzelf naar de nieuwe link." in client.get(edit).content.decode()
    assert client.post(edit, form_data(client, edit, slug="nieuwe-link")).status_code == 302
    kaart.dagbesteding.refresh_from_db()
    assert kaart.dagbesteding.slug == "nieuwe-link"
    # A walk: the old link gave a 404; it leads to the new one, also after a second change.
    client.logout()
    old = client.get(f"/sociale-kaart/{old_slug}/")
    assert (old.status_code, old["Location"]) == (301, "/sociale-kaart/nieuwe-link/")
    client.force_login(redacteur)
    assert client.post(edit, form_data(client, edit, slug=old_slug)).status_code == 302  # and back again
    client.logout()
    assert client.get(f"/sociale-kaart/{old_slug}/").status_code == 200
    assert client.get("/sociale-kaart/nieuwe-link/")["Location"] == f"/sociale-kaart/{old_slug}/"


def test_the_date_a_voorziening_was_checked_is_written_as_the_browser_writes_dates(provider_client, kaart):
    """ "Laatst gecontroleerd op 2026-06-03" in a text box, where every other staff page writes 3-6-2026. It
    is the browser's own date box now, which writes a date as the browser's language does (03-06-2026 in
    Dutch); a date typed as on the staff pages is read too."""
    from django.utils import timezone

    edit = url("voorziening", "edit", kaart.dagbesteding.pk)
    checked = kaart.dagbesteding.laatst_gecontroleerd
    html = provider_client.get(edit).content.decode()
    assert f'<input type="date" name="laatst_gecontroleerd" value="{checked:%Y-%m-%d}"' in html
    today = timezone.localdate()
    data = form_data(provider_client, edit, laatst_gecontroleerd=f"{today:%d-%m-%Y}")
    assert provider_client.post(edit, data).status_code == 302  # read back as written


def test_a_provider_cannot_open_or_change_another_organisations_voorziening(provider_client, kaart):
    edit = url("voorziening", "edit", kaart.cafe.pk)
    assert provider_client.get(edit).status_code in BLOCKED
    response = provider_client.post(edit, {"name": "Overgenomen", "organisatie": kaart.zorg.pk})
    assert response.status_code in BLOCKED
    kaart.cafe.refresh_from_db()
    assert kaart.cafe.name == "Mantelzorgcafé De Linde"
    assert kaart.cafe.organisatie == kaart.welzijn
    for view in ("history", "usage", "copy"):
        assert provider_client.get(url("voorziening", view, kaart.cafe.pk)).status_code in BLOCKED


def test_a_provider_cannot_delete_another_organisations_voorziening(provider_client, kaart):
    response = provider_client.post(url("voorziening", "delete", kaart.cafe.pk))
    assert response.status_code in BLOCKED
    assert Voorziening.objects.filter(pk=kaart.cafe.pk).exists()


def test_a_provider_cannot_move_its_voorziening_to_another_organisation(provider_client, kaart):
    edit = url("voorziening", "edit", kaart.dagbesteding.pk)
    data = form_data(provider_client, edit, organisatie=kaart.welzijn.pk)
    response = provider_client.post(edit, data)
    assert response.status_code == 200  # the form comes back with an error
    kaart.dagbesteding.refresh_from_db()
    assert kaart.dagbesteding.organisatie == kaart.zorg


def test_a_provider_creates_a_voorziening_only_for_its_own_organisation(provider_client, kaart):
    add = url("voorziening", "add")
    response = provider_client.get(add)
    assert response.status_code == 200
    assert "Welzijn Lindewaard" not in response.content.decode()
    data = form_data(
        provider_client,
        add,
        name="Maaltijden aan huis",
        slug="maaltijden-aan-huis",
        summary="Een warme maaltijd.",
    )
    data["organisatie"] = str(kaart.welzijn.pk)
    assert provider_client.post(add, data).status_code == 200
    assert not Voorziening.objects.filter(slug="maaltijden-aan-huis").exists()
    data["organisatie"] = str(kaart.zorg.pk)
    assert provider_client.post(add, data).status_code == 302
    assert Voorziening.objects.get(slug="maaltijden-aan-huis").organisatie == kaart.zorg


def test_a_new_voorziening_without_a_link_name_gets_one_from_its_name(provider_client, kaart):
    """A walk: a provider had to make up a "Korte naam in de link*" before it could add its help."""
    add = url("voorziening", "add")
    page = provider_client.get(add).content.decode()
    assert "Laat het leeg: dan maken wij het van de naam." in page
    data = form_data(provider_client, add, name="Koffie & meer", slug="", summary="Samen koffie drinken.")
    data["organisatie"] = str(kaart.zorg.pk)
    assert provider_client.post(add, data).status_code == 302
    assert provider_client.post(add, {**data.dict(), "name": "Koffie & Meer"}).status_code == 302
    slugs = set(Voorziening.objects.filter(name__iexact="koffie & meer").values_list("slug", flat=True))
    assert slugs == {"koffie-meer", "koffie-meer-2"}  # the second one's own, not the first one's


def test_a_provider_changes_its_own_locaties_only(provider_client, kaart):
    own = LocatieFactory(organisatie=kaart.zorg, name="Zorgcentrum De Linde")
    other = LocatieFactory(organisatie=kaart.welzijn, name="Buurthuis Het Anker")
    listing = provider_client.get(url("locatie", "list")).content.decode()
    assert "Zorgcentrum De Linde" in listing and "Buurthuis Het Anker" not in listing
    edit = url("locatie", "edit", own.pk)
    data = form_data(provider_client, edit, name="Zorgcentrum De Linde (ingang B)")
    assert provider_client.post(edit, data).status_code == 302
    own.refresh_from_db()
    assert own.name == "Zorgcentrum De Linde (ingang B)"
    other_edit = url("locatie", "edit", other.pk)
    assert provider_client.post(other_edit, {"name": "Van ons"}).status_code in BLOCKED
    assert provider_client.post(url("locatie", "delete", other.pk)).status_code in BLOCKED
    assert Locatie.objects.get(pk=other.pk).name == "Buurthuis Het Anker"


def test_a_provider_changes_opening_hours_of_its_own_voorzieningen_only(provider_client, kaart):
    own = OpeningstijdFactory(
        op_locatie=VoorzieningOpLocatieFactory(voorziening=kaart.dagbesteding), toelichting="Ochtend"
    ).op_locatie
    other = VoorzieningOpLocatie.objects.get(voorziening=kaart.cafe)
    edit = url("voorzieningoplocatie", "edit", own.pk)
    data = form_data(provider_client, edit, **{"openingstijden-0-open_tot": "13:00"})
    assert provider_client.post(edit, data).status_code == 302
    assert own.openingstijden.get().open_tot.hour == 13
    assert provider_client.get(url("voorzieningoplocatie", "edit", other.pk)).status_code in BLOCKED
    # Offering its voorziening at another organisation's location is not possible either.
    add = url("voorzieningoplocatie", "add")
    data = form_data(provider_client, add)
    data["voorziening"] = str(kaart.dagbesteding.pk)
    data["locatie"] = str(other.locatie_id)
    assert provider_client.post(add, data).status_code == 200
    assert not VoorzieningOpLocatie.objects.filter(
        locatie=other.locatie, voorziening=kaart.dagbesteding
    ).exists()


def test_a_provider_updates_capacity_of_its_own_voorzieningen_only(provider_client, aanbieder, kaart):
    own = Capaciteit.objects.get(voorziening=kaart.dagbesteding)
    assert own.is_verouderd
    edit = url("capaciteit", "edit", own.pk)
    data = form_data(provider_client, edit, status="nee", wachttijd_weken=6)
    assert provider_client.post(edit, data).status_code == 302
    own.refresh_from_db()
    assert (own.status, own.wachttijd_weken, own.bijgewerkt_door) == ("nee", 6, aanbieder)
    assert not own.is_verouderd
    other = CapaciteitFactory(voorziening__organisatie=kaart.welzijn, wijk=kaart.haven)
    assert provider_client.post(url("capaciteit", "edit", other.pk), {"status": "nee"}).status_code in BLOCKED
    other.refresh_from_db()
    assert other.status == "ja"
    listing = provider_client.get(url("capaciteit", "list")).content.decode()
    assert "Verouderd" not in listing or other.voorziening.name not in listing
    assert other.voorziening.name not in listing


@pytest.mark.parametrize("model_name", ["term", "wijk", "synoniemgroep", "aanbiederaccount"])
def test_a_provider_cannot_manage_the_municipalitys_lists(provider_client, model_name):
    assert provider_client.get(url(model_name, "list")).status_code in BLOCKED
    assert provider_client.get(url(model_name, "add")).status_code in BLOCKED


def test_a_provider_changes_its_organisations_phone_and_the_page_shows_it(provider_client, client, kaart):
    """A walk: a provider put a new number in her help, and the page showed her organisation's old number
    below it, which only the gemeente could change ("geen toegang")."""
    home = provider_client.get("/admin/").content.decode()
    edit = url("organisatie", "edit", kaart.zorg.pk)
    assert f'href="{edit}"' in home and "Telefoon, e-mail en website van Zorg Lindewaard" in home
    kaart.zorg.phone = "0599 111 222"
    kaart.zorg.save()
    Voorziening.objects.filter(pk=kaart.dagbesteding.pk).update(aanmelden_telefoon="0599-111222")
    data = form_data(provider_client, edit, phone="0599 123456", slug="andere-link")
    saved = provider_client.post(edit, data, follow=True).content.decode()
    # A walk: her help still said "Bel: " the old number, above the new one.
    assert "Het oude nummer 0599 111 222 staat nog bij uw hulp. Pas het daar ook aan." in saved
    assert f'href="{url("voorziening", "edit", kaart.dagbesteding.pk)}"' in saved
    kaart.zorg.refresh_from_db()
    # Its slug stays: an HSDS import finds the organisation by it.
    assert (kaart.zorg.phone, kaart.zorg.slug) == ("0599 123456", "zorg-lindewaard")
    assert 'href="tel:0599123456"' in client.get(kaart.dagbesteding.get_absolute_url()).content.decode()
    listing = provider_client.get(url("organisatie", "list")).content.decode()
    assert "Zorg Lindewaard" in listing and "Welzijn Lindewaard" not in listing
    other = url("organisatie", "edit", kaart.welzijn.pk)
    assert provider_client.get(other).status_code in BLOCKED
    assert provider_client.post(other, {"name": "Overgenomen", "phone": "0599 000000"}).status_code in BLOCKED
    assert provider_client.get(url("organisatie", "add")).status_code in BLOCKED  # the gemeente's
    assert provider_client.get(url("organisatie", "delete", kaart.zorg.pk)).status_code in BLOCKED
    kaart.welzijn.refresh_from_db()
    assert kaart.welzijn.name == "Welzijn Lindewaard"


def test_an_editor_manages_everything(client, redacteur, kaart):
    client.force_login(redacteur)
    listing = client.get(url("voorziening", "list")).content.decode()
    assert "Dagbesteding De Molen" in listing and "Mantelzorgcafé De Linde" in listing
    edit = url("voorziening", "edit", kaart.cafe.pk)
    data = form_data(client, edit, summary="Elke dinsdag koffie voor mantelzorgers.")
    assert client.post(edit, data).status_code == 302
    kaart.cafe.refresh_from_db()
    assert kaart.cafe.summary == "Elke dinsdag koffie voor mantelzorgers."
    term = kaart.thema["vervoer"]
    edit = url("term", "edit", term.pk)
    assert client.post(edit, form_data(client, edit, name="Vervoer en reizen")).status_code == 302
    term.refresh_from_db()
    assert term.name == "Vervoer en reizen"
    add = url("wijk", "add")
    data = form_data(
        client,
        add,
        name="Nieuwbouw",
        slug="nieuwbouw",
        cbs_code="WK990108",
        **{
            "postcodes-TOTAL_FORMS": 1,
            "postcodes-0-pc4": "3925",
            "postcodes-0-id": "",
            "postcodes-0-ORDER": 1,
        },
    )
    assert client.post(add, data).status_code == 302
    from socialekaart.models import Wijk

    assert Wijk.objects.for_postcode("3925 AA").slug == "nieuwbouw"


def test_anonymous_visitors_are_sent_to_the_login(client, kaart):
    response = client.get(url("voorziening", "edit", kaart.cafe.pk))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_a_provider_deletes_no_voorziening_and_is_told_how_to_stop_one(provider_client, kaart):
    """A walk: a provider deleted her help in two clicks (its plekken and hours with it, no undo), where
    "Gestopt" takes it off the kaart. Before, a bulk delete already skipped another organisation's."""
    from django.urls import reverse

    bulk = reverse("wagtail_bulk_action", args=("socialekaart", "voorziening", "delete"))
    provider_client.post(f"{bulk}?id={kaart.cafe.pk}&id={kaart.dagbesteding.pk}")
    provider_client.post(url("voorziening", "delete", kaart.dagbesteding.pk))
    assert Voorziening.objects.filter(pk__in=[kaart.cafe.pk, kaart.dagbesteding.pk]).count() == 2
    listing = provider_client.get(url("voorziening", "list")).content.decode()
    assert url("voorziening", "delete", kaart.dagbesteding.pk) not in listing
    assert bulk not in listing and "/admin/bulk/socialekaart/voorziening/sluiting/" in listing
    edit = provider_client.get(url("voorziening", "edit", kaart.dagbesteding.pk)).content.decode()
    assert "Stopt deze hulp? Kies dan Gestopt." in edit


def test_an_editor_of_the_kaart_still_deletes_in_bulk(client, redacteur, kaart):
    from django.urls import reverse

    client.force_login(redacteur)
    listing = client.get(url("voorziening", "list")).content.decode()
    assert reverse("wagtail_bulk_action", args=("socialekaart", "voorziening", "delete")) in listing


def test_a_providers_group_made_before_loses_the_right_to_delete_help(kaart):
    from django.contrib.auth.models import Permission

    from socialekaart.permissions import ensure_groups

    _, aanbieders = ensure_groups()
    aanbieders.permissions.add(Permission.objects.get(codename="delete_voorziening"))
    _, aanbieders = ensure_groups()
    codenames = set(aanbieders.permissions.values_list("codename", flat=True))
    assert "delete_voorziening" not in codenames and "delete_voorzieningoplocatie" in codenames


def test_an_organisation_is_linked_only_to_a_providers_login(client, redacteur, kaart):
    """A walk: the kaart's editor linked the login of a redacteur (and of a consulent) to a provider; that
    login then read the provider's complaints and edited its voorzieningen."""
    from django.contrib.auth.models import Group

    from socialekaart.models import AanbiederAccount
    from socialekaart.permissions import ensure_groups

    from .factories import UserFactory

    _, aanbieders = ensure_groups()
    provider = UserFactory(username="aanbieder-nieuw")
    provider.groups.add(aanbieders)
    consulent = UserFactory(username="consulent-centrum")
    consulent.groups.add(aanbieders, Group.objects.get_or_create(name="Consulent")[0])
    client.force_login(redacteur)
    add = url("aanbiederaccount", "add")
    form = client.get(add).content.decode()
    offered = re.findall(r'<option value="(\d+)"', form.split('name="user"')[1].split("</select>")[0])
    assert offered == [str(provider.pk)]
    for user in (redacteur, consulent):
        data = form_data(client, add, user=user.pk, organisatie=kaart.zorg.pk)
        response = client.post(add, data)
        assert response.status_code == 200 and not AanbiederAccount.objects.exists()
    data = form_data(client, add, user=provider.pk, organisatie=kaart.zorg.pk)
    assert client.post(add, data).status_code == 302
    assert AanbiederAccount.objects.get().user == provider
