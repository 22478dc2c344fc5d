"""A provider's login sees in the admin's choosers and reports only what it may edit: no list of other
providers' user names, no other organisation's records or capacity, no site history of others' edits."""

import pytest
from django.urls import reverse
from wagtail.log_actions import log

from socialekaart.permissions import ensure_groups

from .factories import AanbiederAccountFactory, CapaciteitFactory, UserFactory

pytestmark = pytest.mark.django_db

OTHER_USERNAME = "aanbieder-welzijn-anders"


@pytest.fixture
def other_provider(kaart):
    """A provider of Welzijn Lindewaard, who edited the mantelzorgcafé and reported capacity."""
    _, aanbieders = ensure_groups()
    user = UserFactory(username=OTHER_USERNAME)
    user.groups.add(aanbieders)
    AanbiederAccountFactory(user=user, organisatie=kaart.welzijn)
    log(kaart.cafe, "wagtail.edit", user=user)
    kaart.cafe.beperkte_plaatsen = True
    kaart.cafe.save()
    CapaciteitFactory(voorziening=kaart.cafe, wijk=kaart.haven, wachttijd_weken=37)
    return user


@pytest.fixture
def provider(client, aanbieder, other_provider):
    client.force_login(aanbieder)
    return client


def chooser(model: str, view: str = "choose", *args) -> str:
    return reverse(f"wagtailsnippetchoosers_socialekaart_{model}:{view}", args=args)


OTHERS = (OTHER_USERNAME, "Welzijn Lindewaard", "Mantelzorgcaf", "Schoonmaakhulp")


def shows_nothing_of_others(response):
    assert response.status_code == 200
    body = response.content.decode()
    assert not [word for word in OTHERS if word in body]


@pytest.mark.parametrize(
    "model",
    ["voorziening", "locatie", "voorzieningoplocatie", "capaciteit", "organisatie", "aanbiederaccount"],
)
def test_a_providers_choosers_show_nothing_of_other_organisations(provider, model):
    shows_nothing_of_others(provider.get(chooser(model)))
    shows_nothing_of_others(provider.get(chooser(model, "choose_results"), {"q": "Lindewaard"}))


def test_a_provider_cannot_read_another_organisations_record_through_chosen(provider, kaart, other_provider):
    from socialekaart.models import AanbiederAccount, Capaciteit

    other_account = AanbiederAccount.objects.get(user=other_provider)
    other_capacity = Capaciteit.objects.get(voorziening=kaart.cafe)
    for model, pk in [
        ("voorziening", kaart.cafe.pk),
        ("organisatie", kaart.welzijn.pk),
        ("aanbiederaccount", other_account.pk),
        ("capaciteit", other_capacity.pk),
    ]:
        assert provider.get(chooser(model, "chosen", pk)).status_code == 404, model
    assert provider.get(chooser("voorziening", "chosen", "geen-id")).status_code == 404
    several = provider.get(chooser("voorziening", "chosen_multiple"), {"id": [kaart.cafe.pk]})
    shows_nothing_of_others(several)


def test_a_providers_chooser_still_offers_its_own_records_and_the_wijken(provider, kaart):
    own = provider.get(chooser("voorziening")).content.decode()
    assert "Dagbesteding De Molen" in own
    assert provider.get(chooser("voorziening", "chosen", kaart.dagbesteding.pk)).status_code == 200
    wijken = provider.get(chooser("wijk")).content.decode()
    assert "Oude Haven" in wijken and "De Beemden" in wijken


def test_an_editor_of_the_kaart_still_chooses_from_everything(client, redacteur, other_provider):
    client.force_login(redacteur)
    body = client.get(chooser("aanbiederaccount")).content.decode()
    assert OTHER_USERNAME in body


@pytest.mark.parametrize("name", ["site_history", "site_history_results"])
def test_a_provider_gets_no_site_history_of_others_edits(provider, name):
    response = provider.get(reverse(f"wagtailadmin_reports:{name}"))
    assert response.status_code == 403
    assert OTHER_USERNAME not in response.content.decode()


def test_a_providers_own_history_shows_only_its_own_records(provider, kaart):
    from .admin_helpers import url

    assert provider.get(url("voorziening", "history", kaart.cafe.pk)).status_code in (302, 403, 404)
    assert provider.get(url("voorziening", "history", kaart.dagbesteding.pk)).status_code == 200


@pytest.mark.parametrize(
    "name",
    [
        "wagtailadmin_reports:locked_pages",
        "wagtailadmin_reports:aging_pages",
        "wagtailadmin_reports:workflow",
        "wagtailadmin_reports:workflow_tasks",
        "wagtailadmin_reports:page_types_usage",
        "portal_feedback_report",
        "portal_feedback_report_results",
    ],
)
def test_a_provider_gets_no_report_about_the_pages(provider, name):
    response = provider.get(reverse(name))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"


def test_the_reports_menu_offers_a_provider_nothing(provider):
    body = provider.get("/admin/").content.decode()
    for path in ("/admin/reports/site-history/", "/admin/reports/nuttig/", "/admin/reports/aging-pages/"):
        assert path not in body


def test_a_record_deleted_since_is_not_found_rather_than_forbidden(provider, kaart):
    """A walk: the provider opened the plek she had deleted and read "Sorry, u hebt geen toegang tot dit
    deel", and the editor, through a change's link, "Error 404" and "Ga naar de Wagtail admin"."""
    from .admin_helpers import url

    plek = kaart.huishouding.op_locaties.get()  # Zorg Lindewaard's
    edit = url("voorzieningoplocatie", "edit", plek.pk)
    plek.delete()
    response = provider.get(edit)
    assert response.status_code == 404
    page = response.content.decode()
    assert "Dit bestaat niet (meer). Misschien is het verwijderd" in page
    assert "Error 404" not in page and "Wagtail admin" not in page
    others = url("voorziening", "edit", kaart.cafe.pk)  # Welzijn Lindewaard's: forbidden, as before
    assert provider.get(others).status_code in {302, 403}
