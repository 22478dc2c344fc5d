import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from tests.roles import role

PASSWORD = "correct-horse-battery-9"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def make_user(username, group=None):
    user = get_user_model().objects.create_user(username, f"{username}@lindewaard.example", PASSWORD)
    if group:
        user.groups.add(role(group))
    return user


@pytest.fixture
def kaart(db):
    from socialekaart.models import Organisatie, Term

    return {
        "zorg": Organisatie.objects.create(name="Zorg Thuis Lindewaard", slug="zorg-thuis"),
        "hulp": Organisatie.objects.create(name="Hulp aan Huis", slug="hulp-aan-huis"),
        "huishouden": Term.objects.create(vocabulary="thema", code="huishouden", name="Huishouden"),
        "begeleiding": Term.objects.create(vocabulary="thema", code="begeleiding", name="Begeleiding"),
    }


@pytest.fixture
def people(kaart):
    from klachten.models import Contractteam
    from socialekaart.models import AanbiederAccount

    team = Contractteam.objects.create(name="Contractteam Zorg")
    team.organisaties.add(kaart["zorg"])
    behandelaar = make_user("klachtbehandelaar", "Klachtbehandelaar")
    team.members.add(behandelaar)
    aanbieder = make_user("aanbieder-zorg", "Aanbieders")
    AanbiederAccount.objects.create(user=aanbieder, organisatie=kaart["zorg"])
    ander = make_user("aanbieder-hulp", "Aanbieders")
    AanbiederAccount.objects.create(user=ander, organisatie=kaart["hulp"])
    return {
        "team": team,
        "klachtbehandelaar": behandelaar,
        "buiten_team": make_user("klachtbehandelaar-2", "Klachtbehandelaar"),
        "teamleider": make_user("teamleider", "Teamleider"),
        "consulent": make_user("consulent", "Consulent"),
        "redacteur": make_user("redacteur", "Redacteur"),
        "beheerder": make_user("beheerder", "Functioneel beheerder"),
        "aanbieder": aanbieder,
        "andere_aanbieder": ander,
    }


def klacht_maken(organisatie, thema=None, ontvangen_op=None, **gegevens):
    from klachten.models import Klacht

    klacht = Klacht(organisatie=organisatie, thema=thema)
    if ontvangen_op:
        klacht.ontvangen_op = ontvangen_op
    klacht.gegevens = {"wat": "De hulp kwam niet.", "contact": "ja", "naam": "Anna de Vries", **gegevens}
    klacht.save()
    return klacht
