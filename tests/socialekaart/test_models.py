"""The sociale kaart's models: what other parts of the site rely on."""

import uuid

import pytest

from socialekaart.models import Contact, Wijk
from socialekaart.search.documents import voorziening_document

from .factories import ContactFactory

pytestmark = pytest.mark.django_db


def test_hsds_objects_have_stable_uuids(kaart):
    assert isinstance(kaart.cafe.pk, uuid.UUID)
    assert isinstance(kaart.zorg.pk, uuid.UUID)
    assert isinstance(kaart.thema["huishouden"].pk, uuid.UUID)


def test_a_postcode_gives_its_wijk(kaart):
    assert Wijk.objects.for_postcode("3913 AB") == kaart.haven
    assert Wijk.objects.for_postcode("3913") == kaart.haven
    assert Wijk.objects.for_postcode("1012 AB") is None
    assert Wijk.objects.for_postcode("onzin") is None


def test_contacts_for_residents_exclude_those_for_professionals(kaart):
    ContactFactory(voorziening=kaart.cafe, name="Balie")
    ContactFactory(voorziening=kaart.cafe, name="Coördinator", voor_professionals=True)
    assert [c.name for c in kaart.cafe.contacten.voor_inwoners()] == ["Balie"]
    assert [c.name for c in Contact.objects.voor_professionals()] == ["Coördinator"]


def test_detail_url(kaart):
    assert kaart.cafe.get_absolute_url() == "/sociale-kaart/mantelzorgcafe-de-linde/"


def test_the_flat_search_document(kaart):
    document = voorziening_document(kaart.schoonmaak)
    assert document["id"] == str(kaart.schoonmaak.pk)
    assert document["themas"] == ["huishouden"]
    assert document["hele_gemeente"] is True
    assert sorted(document["wijken"]) == ["centrum", "de-beemden", "oude-haven"]  # the whole municipality
    assert document["locaties"] == [{"latitude": 52.0775, "longitude": 5.13, "wijk": "de-beemden"}]
    assert document["organisatie_name"] == "Welzijn Lindewaard"
    dagbesteding = voorziening_document(kaart.dagbesteding)
    assert dagbesteding["beperkte_plaatsen"] is True
    assert dagbesteding["capaciteit_bijgewerkt"] is not None
