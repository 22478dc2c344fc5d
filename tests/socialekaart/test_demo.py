"""The demo kaart of the fictional municipality Lindewaard."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from socialekaart.demo import gemeente
from socialekaart.demo.taxonomy import DOELGROEPEN, THEMAS
from socialekaart.models import (
    AanbiederAccount,
    Capaciteit,
    Contact,
    Openingstijd,
    Organisatie,
    Term,
    Voorziening,
    Wijk,
)
from socialekaart.permissions import AANBIEDERS_GROUP
from socialekaart.search import SearchQuery, get_backend

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo kaart, loaded once for this module; each test runs in a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_kaart", "--accounts", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def test_the_demo_covers_every_thema_and_wijk(demo):
    assert Wijk.objects.count() == len(gemeente.WIJKEN) >= 6
    assert Organisatie.objects.count() >= 40
    assert Voorziening.objects.count() >= 150
    for code, *_ in THEMAS:
        assert Voorziening.objects.filter(themas__code=code).exists(), code
    for code, *_ in DOELGROEPEN:
        assert Term.objects.filter(vocabulary="doelgroep", code=code).exists()
    results = get_backend().search(SearchQuery())
    assert all(option.count > 0 for option in results.facets["wijk"])
    assert all(option.count > 0 for option in results.facets["thema"])
    assert not Organisatie.objects.filter(voorzieningen__isnull=True).exists()
    assert not Voorziening.objects.filter(hele_gemeente=False, wijken__isnull=True).exists()
    assert not Voorziening.objects.filter(themas__isnull=True).exists()


def test_the_gemeentes_own_voorzieningen_give_the_wmo_loket(demo, settings):
    """A walk: the rolstoel, the scootmobiel and the woningaanpassing of the gemeente gave three addresses
    and a number and e-mail address the rest of the site does not give (14 0599, wmo@lindewaard.example)."""
    from socialekaart.demo.aanbod import GEMEENTE

    voorzieningen = Voorziening.objects.filter(organisatie__name=GEMEENTE)
    assert voorzieningen.count() == 3
    for voorziening in voorzieningen:
        assert (voorziening.aanmelden_telefoon, voorziening.aanmelden_email) == (
            settings.MUNICIPALITY_PHONE,
            settings.MUNICIPALITY_EMAIL,
        )
        assert {contact.telefoon for contact in voorziening.contacten.filter(voor_professionals=False)} == {
            settings.MUNICIPALITY_PHONE
        }
    addresses = {
        (link.locatie.straat, link.locatie.huisnummer)
        for voorziening in voorzieningen
        for link in voorziening.op_locaties.select_related("locatie")
    }
    assert addresses == {("Raadhuisplein", "1")}


def test_under_clientondersteuning_the_kaart_shows_no_team_of_the_gemeente(demo, client):
    """The site says "Het wijkteam is van de gemeente" and "De cliëntondersteuner werkt niet voor de
    gemeente"; the melding's start links "Zoek een cliëntondersteuner" to this thema, and the consulent's
    kaart offers it to a resident who asked for an onafhankelijke cliëntondersteuner. Seven wijkteams stood
    there beside the three independent ones."""
    from socialekaart.demo.aanbod import GEMEENTE

    offered = Voorziening.objects.filter(themas__code="clientondersteuning")
    assert offered.filter(name__startswith="Onafhankelijke cliëntondersteuning").count() == 3
    assert not offered.filter(name__startswith="Wijkteam").exists()
    assert not offered.filter(organisatie__name__in=[GEMEENTE, "Sociaal Wijkteam Lindewaard"]).exists()
    page = client.get("/sociale-kaart/", {"thema": "clientondersteuning"}).content.decode()
    assert "Onafhankelijke cliëntondersteuning" in page and "Wijkteam" not in page


def test_every_postcode_has_a_wijk_and_a_centre(demo):
    for demo_wijk in gemeente.WIJKEN:
        for postcode in demo_wijk.streets:
            wijk = Wijk.objects.for_postcode(postcode)
            assert wijk.name == demo_wijk.name
        assert not wijk.postcodes.filter(latitude__isnull=True).exists()


def test_the_demo_has_places_hours_contacts_and_capacity(demo):
    located = Voorziening.objects.filter(op_locaties__locatie__latitude__isnull=False).distinct().count()
    assert located >= 130
    assert Openingstijd.objects.count() >= 200
    phone_lines = Voorziening.objects.filter(slug="veilig-thuis")  # no balie
    assert Contact.objects.voor_inwoners().count() == Voorziening.objects.exclude(pk__in=phone_lines).count()
    assert Contact.objects.voor_professionals().count() == Voorziening.objects.count()
    capaciteit = list(Capaciteit.objects.all())
    assert len(capaciteit) >= 20
    outdated = sum(record.is_verouderd for record in capaciteit)
    assert 0 < outdated < len(capaciteit)  # both fresh and outdated records
    assert {record.status for record in capaciteit} == {"ja", "beperkt", "nee"}
    assert all(record.bijgewerkt_op <= timezone.now() for record in capaciteit)


def test_demo_accounts_for_every_organisation(demo, client, settings):
    assert AanbiederAccount.objects.count() == Organisatie.objects.count()
    user = get_user_model().objects.get(username="aanbieder-welzijn-lindewaard")
    assert user.groups.filter(name=AANBIEDERS_GROUP).exists()
    assert client.login(username=user.username, password=settings.SOCIALEKAART_DEMO_PASSWORD)
    assert client.get("/admin/").status_code == 200


@pytest.mark.slow  # loads the whole demo again: the engine makes no difference
def test_with_debug_the_demo_accounts_are_made(db, settings):
    settings.DEBUG = True
    call_command("load_demo_kaart", stdout=io.StringIO())
    assert AanbiederAccount.objects.count() == Organisatie.objects.count()


def test_loading_twice_changes_nothing(demo):
    counts = [
        model.objects.count() for model in (Voorziening, Organisatie, Contact, Openingstijd, Capaciteit)
    ]
    ids = set(Voorziening.objects.values_list("pk", flat=True))
    call_command("load_demo_kaart", "--accounts", stdout=io.StringIO())
    assert [
        model.objects.count() for model in (Voorziening, Organisatie, Contact, Openingstijd, Capaciteit)
    ] == counts
    assert set(Voorziening.objects.values_list("pk", flat=True)) == ids


def test_loading_again_puts_back_what_was_changed_and_keeps_the_rest(demo):
    voorziening = Voorziening.objects.filter(wijken__isnull=False, op_locaties__isnull=False).first()
    wijken, themas = set(voorziening.wijken.all()), set(voorziening.themas.all())
    op_locatie = voorziening.op_locaties.get()
    hours = set(op_locatie.openingstijden.values_list("weekdag", "open_van", "open_tot"))
    voorziening.wijken.clear()
    voorziening.themas.add(Term.objects.exclude(pk__in=[t.pk for t in themas]).filter(vocabulary="thema")[0])
    op_locatie.openingstijden.first().delete()
    Openingstijd.objects.create(op_locatie=op_locatie, weekdag=7, open_van="06:00", open_tot="07:00")
    Voorziening.objects.filter(pk=voorziening.pk).update(name="Iets anders", created_at=timezone.now())
    created_at = Voorziening.objects.get(pk=voorziening.pk).created_at
    call_command("load_demo_kaart", "--accounts", stdout=io.StringIO())
    voorziening.refresh_from_db()
    assert set(voorziening.wijken.all()) == wijken and set(voorziening.themas.all()) == themas
    assert set(op_locatie.openingstijden.values_list("weekdag", "open_van", "open_tot")) == hours
    assert voorziening.name != "Iets anders"
    assert voorziening.created_at == created_at  # kept, as a save keeps it


def test_the_demo_is_searchable_right_after_loading(demo):
    results = get_backend().search(SearchQuery(text="buurthuis", postcode="3911 AB", sort="distance"))
    assert results.total >= 3
    assert results.origin.wijk_name == "Centrum"
    assert any(hit.distance_km is not None for hit in results.hits)
    # Help that comes to the home in her wijk is nearest (Voorziening.aan_huis), its office no place to go to.
    at_home = get_backend().search(
        SearchQuery(text="huishoudelijke hulp", postcode="3911 AB", sort="distance")
    )
    first = Voorziening.objects.get(pk=at_home.hits[0].id)
    assert first.aan_huis and at_home.hits[0].distance_km is None


def test_generate_voorzieningen_adds_up_to_the_count(demo):
    call_command("generate_voorzieningen", count=400, stdout=io.StringIO(), stderr=io.StringIO())
    assert Voorziening.objects.count() == 400
    assert get_backend().search(SearchQuery(per_page=1)).total >= 390  # the gestopte demo ones are not found
    call_command("generate_voorzieningen", count=400, stdout=io.StringIO(), stderr=io.StringIO())
    assert Voorziening.objects.count() == 400


def test_veilig_thuis_gives_one_number_the_national_one(demo):
    """ "huiselijk geweld" found only the woonadvies; on the Veilig Thuis page a walk then read a second,
    made-up number beside 0800-2000."""
    veilig_thuis = Voorziening.objects.get(slug="veilig-thuis")
    numbers = {veilig_thuis.aanmelden_telefoon, veilig_thuis.organisatie.phone}
    numbers |= set(veilig_thuis.contacten.voor_inwoners().values_list("telefoon", flat=True))
    assert numbers == {"0800-2000"}
    assert veilig_thuis.aanmelden_toelichting.startswith("Bel 0800-2000.")


def test_veilig_thuis_is_a_phone_line_without_an_office_to_visit(demo, client):
    """Its office's address block said "Open: elke dag, dag en nacht.": the phone line answers day and
    night, nobody should go to the office at night."""
    veilig_thuis = Voorziening.objects.get(slug="veilig-thuis")
    assert not veilig_thuis.op_locaties.exists()
    page = client.get(veilig_thuis.get_absolute_url()).content.decode()
    assert 'id="waar"' not in page and "Open: elke dag" not in page
    assert "Dag en nacht." in page and "Dat kan elke dag, ook" in page
    sign_up = page.split('id="aanmelden"', 1)[1].split("</section>", 1)[0]
    assert "zelf aanmelden" not in sign_up and '<a href="tel:112">112</a>' in sign_up
    assert "Balie" not in page  # a leftover of the offices of the other help


def test_veilig_thuis_is_not_listed_beside_help_about_other_things(demo, client):
    """Its page said "Onderwerp: Gezondheid, Opvoeden" and offered the jongerencoach and the
    ouder-en-kindgroep as "andere hulp over hetzelfde onderwerp"."""
    veilig_thuis = Voorziening.objects.get(slug="veilig-thuis")
    # "Geweld thuis": a walk for a mother who falls read "Veiligheid thuis" as safety against falls.
    assert [thema.name for thema in veilig_thuis.themas.all()] == ["Geweld thuis"]
    page = client.get(veilig_thuis.get_absolute_url()).content.decode()
    assert "Jongerencoach" not in page and "Ouder-en-kindgroep" not in page
    # Its numbers can be called with one tap from its first lines, 112 too (a phone showed them as text,
    # and the first link some 1,400 px down).
    description = page.split('<p class="lead">', 1)[1].split("</section>", 1)[0]
    assert (
        '<a href="tel:08002000">0800-2000</a>' in description and '<a href="tel:112">112</a>' in description
    )


def test_walk_in_help_asks_for_no_sign_up_form(demo):
    """ "U hoeft zich niet aan te melden", and under it "Vul het formulier in op: .../aanmelden"."""
    walk_in = Voorziening.objects.filter(aanmelden_inloop=True)
    assert walk_in.exists() and not walk_in.exclude(aanmelden_url="").exists()
