"""Who sees what of the kaart: the public, a provider, a professional (consulent) and an editor.

Professionals see capacity, waiting times and professionals' contacts of every provider and may export.
A provider sees those of its own organisation only, every other provider as the public does, and cannot
export."""

import re

import pytest
from django.contrib.auth.models import Group

from socialekaart.permissions import ensure_professionals_group
from socialekaart.search import get_backend
from socialekaart.views.access import is_professional

from .factories import AanbiederAccountFactory, ContactFactory, UserFactory

SEARCH = "/sociale-kaart/"
DETAIL = "/sociale-kaart/dagbesteding-de-molen/"  # of "Zorg Lindewaard", with capacity
EXPORTS = ["/sociale-kaart/lijst.csv", "/sociale-kaart/lijst.pdf"]


@pytest.fixture
def indexed(kaart):
    get_backend().rebuild()
    ContactFactory(voorziening=kaart.dagbesteding, name="Zorgcoördinator Jansen", voor_professionals=True)
    return kaart


@pytest.fixture
def consulent(db):
    user = UserFactory(username="consulent-centrum")
    user.groups.add(ensure_professionals_group())
    return user


@pytest.fixture
def ander_aanbieder(indexed):
    """A provider's login for "Welzijn Lindewaard", which does not run the dagbesteding."""
    from socialekaart.permissions import ensure_groups

    _, aanbieders = ensure_groups()
    user = UserFactory(username="aanbieder-welzijn")
    user.groups.add(aanbieders)
    AanbiederAccountFactory(user=user, organisatie=indexed.welzijn)
    return user


def _page(client, user, url, params=None):
    if user is not None:
        client.force_login(user)
    response = client.get(url, params or {})
    assert response.status_code == 200
    return response.content.decode()


def test_the_migration_makes_the_professionals_group(db):
    from importlib import import_module

    from django.apps import apps

    Group.objects.filter(name="Professionals").delete()
    import_module("socialekaart.migrations.0008_professionals_group").create_group(apps, None)
    assert Group.objects.filter(name="Professionals").exists()


def test_anonymous_visitor_sees_no_capacity_no_professional_contacts_and_no_export(client, indexed):
    search = _page(client, None, SEARCH, {"thema": "dagbesteding"})
    assert "Plaats voor nieuwe cliënten" not in search
    assert "lijst.csv" not in search
    detail = _page(client, None, DETAIL)
    assert "Zorgcoördinator Jansen" not in detail
    assert "Plaats voor nieuwe cliënten per wijk" not in detail


@pytest.mark.parametrize("role", ["consulent", "redacteur"])
def test_professional_and_editor_see_capacity_contacts_and_export_of_every_provider(
    client, indexed, role, request
):
    user = request.getfixturevalue(role)
    search = _page(client, user, SEARCH, {"thema": "dagbesteding"})
    assert "Plaats voor nieuwe cliënten" in search
    assert "lijst.csv" in search and "lijst.pdf" in search
    detail = _page(client, user, DETAIL)
    assert "Zorgcoördinator Jansen" in detail
    assert "Plaats voor nieuwe cliënten per wijk" in detail
    # On a phone each wijk is a card with each value after its column's name (a walk: scrolled sideways, the
    # date was cut off, and nothing showed there was more).
    assert '<table class="kaart-capacity" aria-labelledby="plaats-per-wijk">' in detail
    assert 'class="table-scroll"' not in detail and '<td data-label="Bijgewerkt">' in detail
    # "Ja, er is plaats" has no waiting time (the form refuses one): it read "Niet bekend".
    assert '<td data-label="Wachttijd">Geen</td>' in detail and "Niet bekend" not in detail
    for url in EXPORTS:
        assert client.get(url, {"thema": "dagbesteding"}).status_code == 200


def test_provider_sees_other_providers_as_the_public_does_and_cannot_export(client, ander_aanbieder):
    search = _page(client, ander_aanbieder, SEARCH, {"thema": "dagbesteding"})
    assert "Plaats voor nieuwe cliënten" not in search
    assert "lijst.csv" not in search
    detail = _page(client, ander_aanbieder, DETAIL)
    assert "Zorgcoördinator Jansen" not in detail
    assert "Plaats voor nieuwe cliënten per wijk" not in detail
    for url in EXPORTS:
        assert client.get(url, {"thema": "dagbesteding"}).status_code == 403


def test_provider_sees_its_own_capacity_and_contacts_but_cannot_export(client, indexed, aanbieder):
    detail = _page(client, aanbieder, DETAIL)
    assert "Zorgcoördinator Jansen" in detail
    assert "Plaats voor nieuwe cliënten per wijk" in detail
    assert "uw eigen organisatie" in detail
    assert "lijst.csv" not in _page(client, aanbieder, SEARCH, {"thema": "dagbesteding"})
    for url in EXPORTS:
        assert client.get(url, {"thema": "dagbesteding"}).status_code == 403


def test_demo_load_puts_a_professional_in_the_professionals_group(db):
    from socialekaart.demo.loader import PROFESSIONAL_USERNAME, _accounts

    _accounts({})
    user = Group.objects.get(name="Professionals").user_set.get()
    assert user.username == PROFESSIONAL_USERNAME


@pytest.mark.parametrize(
    ("attributes", "expected"),
    [({"is_staff": True}, True), ({}, False), ({"is_active": False, "is_staff": True}, False)],
)
def test_who_is_a_professional(db, attributes, expected):
    assert is_professional(UserFactory(username="iemand", **attributes)) is expected


@pytest.mark.parametrize("role", [None, "consulent"])
def test_each_part_of_a_detail_page_has_a_name_of_its_own(client, indexed, role, request):
    """A screen reader lists the page's regions by name: the provider's "Contact" and the footer's contact
    with the municipality are two names (axe: landmark-unique)."""
    page = _page(client, request.getfixturevalue(role) if role else None, DETAIL)
    names = []
    for labelled_by in re.findall(r'<section[^>]* aria-labelledby="([^"]+)"', page):
        heading = re.search(rf'id="{labelled_by}"[^>]*>(.*?)</h', page, re.S)
        names.append(re.sub(r"<[^>]+>|\s+", " ", heading.group(1)).strip())
    assert "Contact" in names and "Contact met de gemeente" in names
    assert len(names) == len(set(names)), names
