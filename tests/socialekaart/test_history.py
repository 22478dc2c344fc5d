"""Every change in the admin is kept: who made it, when, and what it changed."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.log_actions import registry as log_registry

from .admin_helpers import form_data, url

pytestmark = pytest.mark.django_db


def test_a_providers_change_is_kept_with_who_when_and_what(client, aanbieder, kaart):
    client.force_login(aanbieder)
    edit = url("voorziening", "edit", kaart.dagbesteding.pk)
    before = timezone.now()
    client.post(edit, form_data(client, edit, summary="Samen koken en wandelen, overdag."))
    client.post(edit, form_data(client, edit, summary="Samen koken, wandelen en tuinieren."))

    entries = list(log_registry.get_logs_for_instance(kaart.dagbesteding).order_by("timestamp", "pk"))
    assert [entry.action for entry in entries] == ["wagtail.edit", "wagtail.edit"]
    latest = entries[-1]
    assert latest.user == aanbieder
    assert before - timedelta(seconds=1) <= latest.timestamp <= timezone.now()
    # What: each entry points at a full revision of the voorziening as it was saved.
    assert entries[0].revision.content["summary"] == "Samen koken en wandelen, overdag."
    assert latest.revision.content["summary"] == "Samen koken, wandelen en tuinieren."
    assert latest.revision.user == aanbieder

    history = client.get(url("voorziening", "history", kaart.dagbesteding.pk))
    assert history.status_code == 200
    assert aanbieder.get_username() in history.content.decode() or "aanbieder" in history.content.decode()

    compare = client.get(
        url(
            "voorziening",
            "revisions_compare",
            kaart.dagbesteding.pk,
            entries[0].revision_id,
            latest.revision_id,
        )
    )
    assert compare.status_code == 200
    content = compare.content.decode()
    assert "overdag" in content and "tuinieren" in content


def test_the_compare_view_names_the_languages(client, aanbieder, kaart):
    """A walk: the editor checking a provider's change read "Talen: ['nl']['nl', 'pl']"."""
    client.force_login(aanbieder)
    edit = url("voorziening", "edit", kaart.dagbesteding.pk)
    client.post(edit, form_data(client, edit, talen="Nederlands"))
    client.post(edit, form_data(client, edit, talen="Nederlands, Pools"))
    first, latest = log_registry.get_logs_for_instance(kaart.dagbesteding).order_by("timestamp", "pk")
    compare = url(
        "voorziening", "revisions_compare", kaart.dagbesteding.pk, first.revision_id, latest.revision_id
    )
    content = " ".join(client.get(compare).content.decode().split())
    assert "Nederlands" in content and "Pools" in content and "[&#x27;nl&#x27;]" not in content
    assert "[" not in content.split("Talen", 1)[1].split("</tr>", 1)[0]


def test_capacity_updates_are_kept_per_record(client, aanbieder, kaart):
    from socialekaart.models import Capaciteit

    client.force_login(aanbieder)
    capaciteit = Capaciteit.objects.get(voorziening=kaart.dagbesteding)
    edit = url("capaciteit", "edit", capaciteit.pk)
    client.post(edit, form_data(client, edit, status="beperkt", wachttijd_weken=2))
    client.post(edit, form_data(client, edit, status="nee", wachttijd_weken=8))
    entries = list(log_registry.get_logs_for_instance(capaciteit).order_by("timestamp", "pk"))
    assert [
        (entry.revision.content["status"], entry.revision.content["wachttijd_weken"]) for entry in entries
    ] == [("beperkt", 2), ("nee", 8)]
    assert {entry.user for entry in entries} == {aanbieder}


def test_deleting_is_logged_too(client, redacteur, kaart):
    from wagtail.models import ModelLogEntry

    from .factories import LocatieFactory

    client.force_login(redacteur)
    client.post(url("locatie", "delete", LocatieFactory(organisatie=kaart.cafe.organisatie).pk))
    entry = ModelLogEntry.objects.filter(action="wagtail.delete").latest("timestamp")
    assert entry.user == redacteur
    assert "Buurthuis" in entry.label


def test_the_delete_page_counts_references_not_plekken(client, redacteur, kaart):
    """A provider's walk read "Dit (voorziening) wordt op 0 plekken gebruikt" as: none of its plekken (its
    places with opening hours) goes with it."""
    client.force_login(redacteur)
    page = " ".join(client.get(url("voorziening", "delete", kaart.cafe.pk)).content.decode().split())
    assert re.search(r"Er wordt \d+ keer hiernaar verwezen\.", page) and "plekken gebruikt" not in page
    # What goes with it, which the count does not know (the review).
    assert "Met deze hulp verdwijnen ook haar plekken met openingstijden" in page


def test_a_location_with_plekken_is_not_deleted_alone_or_in_bulk(client, redacteur, kaart):
    """A walk: "Dit (locatie) wordt op 1 plek gebruikt" (Wagtail's reference index, which does not know the
    plekken written in bulk), and "Ja, verwijderen" took the addresses and hours of four voorzieningen; a
    review: the bulk action deleted them too."""
    from wagtail.models import ReferenceIndex

    from socialekaart.models import Locatie, VoorzieningOpLocatie

    locatie = kaart.cafe.op_locaties.get().locatie
    ReferenceIndex.objects.all().delete()  # as after an import or the demo
    client.force_login(redacteur)
    bulk = f"/admin/bulk/socialekaart/locatie/delete/?id={locatie.pk}"
    for attempt in (lambda: client.post(url("locatie", "delete", locatie.pk)), lambda: client.post(bulk)):
        response = attempt()
        assert response.status_code == 302
        page = " ".join(client.get(response["Location"]).content.decode().split())
        assert f"{locatie.name} is niet verwijderd. Daar staat nog deze hulp: {kaart.cafe.name}." in page
        assert Locatie.objects.filter(pk=locatie.pk).exists()
        assert VoorzieningOpLocatie.objects.filter(locatie=locatie).exists()
