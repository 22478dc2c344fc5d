"""Shared fixtures of the sociale kaart tests: a small fictional kaart and every search backend."""

import copy
from datetime import timedelta

import pytest
from django.utils import timezone

from socialekaart.models import Capaciteit, Term, Voorziening
from socialekaart.search import BACKENDS, get_backend

from ..module_data import in_a_savepoint, made_once, module_tests, uses_the_database
from .factories import (
    CapaciteitFactory,
    LocatieFactory,
    OrganisatieFactory,
    TermFactory,
    VoorzieningFactory,
    VoorzieningOpLocatieFactory,
    WijkFactory,
    WijkPostcodeFactory,
)


# Elasticsearch's answers do not depend on the database engine, so its cases are slow tests: `make test` runs
# them once, in the SQLite suite.
@pytest.fixture(
    params=[
        pytest.param(name, marks=pytest.mark.slow) if name == "elasticsearch" else name
        for name in sorted(BACKENDS)
    ]
)
def search_backend(request, db):
    """Every registered backend; Elasticsearch is the test node (see `tests.conftest.elasticsearch`),
    skipped with the reason when there is none."""
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch")
    return get_backend(request.param)


class Kaart:
    """Handles to the objects of the `kaart` fixture, by a short name."""

    def __init__(self, **objects):
        self.__dict__.update(objects)


def _every_database_test_asks_for_the_kaart(request) -> bool:
    """Whether every test of this module that uses the database asks for `kaart`, each in a savepoint of its
    own: then they can share one kaart, made once, as no test then sees another test's changes, or a kaart
    it did not ask for."""
    database_tests = [item for item in module_tests(request) if uses_the_database(item)]
    return bool(database_tests) and all(
        "kaart" in item.fixturenames and in_a_savepoint(item) for item in database_tests
    )


@pytest.fixture(scope="module", autouse=True)
def _kaart_of_the_module(request, django_db_blocker):
    """The kaart made once for a module whose database tests all ask for it (see above): in a transaction
    around the module that is rolled back at its end, while each test runs in a savepoint inside it. Making
    the kaart costs some 60 saves; 300 tests ask for it. Other modules get None and a kaart per test."""
    if not _every_database_test_asks_for_the_kaart(request):
        yield None
        return
    request.getfixturevalue("django_db_setup")
    with made_once(django_db_blocker):
        yield make_kaart()


@pytest.fixture
def kaart(_kaart_of_the_module, db):
    """Three wijken, a few terms and seven voorzieningen (one gestopt) with known places: made for this test,
    or the module's (see `_kaart_of_the_module`) with handles of this test's own."""
    if _kaart_of_the_module is None:
        return make_kaart()
    from socialekaart.search import versions

    versions.bump()  # a new index token, as making a kaart gives: no view of the index built in another test
    return copy.deepcopy(_kaart_of_the_module)


def make_kaart():
    """Three wijken, a few terms and seven voorzieningen (one gestopt) with known places."""
    centrum = WijkFactory(
        name="Centrum", slug="centrum", cbs_code="WK990101", latitude=52.0912, longitude=5.1210
    )
    haven = WijkFactory(
        name="Oude Haven", slug="oude-haven", cbs_code="WK990102", latitude=52.0981, longitude=5.1327
    )
    beemden = WijkFactory(
        name="De Beemden", slug="de-beemden", cbs_code="WK990104", latitude=52.0772, longitude=5.1298
    )
    WijkPostcodeFactory(wijk=centrum, pc4="3911", latitude=52.0912, longitude=5.1210)
    WijkPostcodeFactory(wijk=haven, pc4="3913", latitude=52.0981, longitude=5.1327)
    WijkPostcodeFactory(wijk=beemden, pc4="3917", latitude=52.0772, longitude=5.1298)

    thema = {
        code: TermFactory(vocabulary=Term.Vocabulary.THEMA, code=code, name=name, sort_order=index)
        for index, (code, name) in enumerate(
            [
                ("huishouden", "Huishouden"),
                ("mantelzorg", "Mantelzorg"),
                ("ontmoeting", "Ontmoeting"),
                ("dagbesteding", "Dagbesteding"),
                ("vervoer", "Vervoer"),
            ]
        )
    }
    doelgroep = {
        code: TermFactory(vocabulary=Term.Vocabulary.DOELGROEP, code=code, name=name, sort_order=index)
        for index, (code, name) in enumerate(
            [("ouderen", "Ouderen"), ("mantelzorgers", "Mantelzorgers"), ("jongeren", "Jongeren")]
        )
    }
    zorg = OrganisatieFactory(name="Zorg Lindewaard", slug="zorg-lindewaard")
    welzijn = OrganisatieFactory(name="Welzijn Lindewaard", slug="welzijn-lindewaard")

    def at(voorziening, latitude, longitude, wijk):
        locatie = LocatieFactory(
            organisatie=voorziening.organisatie, latitude=latitude, longitude=longitude, wijk=wijk
        )
        VoorzieningOpLocatieFactory(voorziening=voorziening, locatie=locatie)

    huishouding = VoorzieningFactory(
        organisatie=zorg,
        name="Hulp in de huishouding",
        slug="hulp-in-de-huishouding",
        summary="Iemand komt bij u thuis schoonmaken.",
        toegang="beschikking",
        kosten="eigen_bijdrage",
        themas=[thema["huishouden"]],
        doelgroepen=[doelgroep["ouderen"]],
        wijken=[centrum],
    )
    at(huishouding, 52.0915, 5.1215, centrum)
    schoonmaak = VoorzieningFactory(
        organisatie=welzijn,
        name="Schoonmaakhulp aan huis",
        slug="schoonmaakhulp-aan-huis",
        summary="Een vrijwilliger maakt uw woning schoon.",
        toegang="vrij",
        kosten="bedrag",
        themas=[thema["huishouden"]],
        doelgroepen=[doelgroep["ouderen"]],
        hele_gemeente=True,
    )
    at(schoonmaak, 52.0775, 5.1300, beemden)
    cafe = VoorzieningFactory(
        organisatie=welzijn,
        name="Mantelzorgcafé De Linde",
        slug="mantelzorgcafe-de-linde",
        summary="Praat met andere mantelzorgers bij een kop koffie.",
        toegang="vrij",
        kosten="gratis",
        themas=[thema["mantelzorg"], thema["ontmoeting"]],
        doelgroepen=[doelgroep["mantelzorgers"]],
        wijken=[haven],
    )
    at(cafe, 52.0985, 5.1330, haven)
    jongeren = VoorzieningFactory(
        organisatie=welzijn,
        name="Jongerenwerk Oude Haven",
        slug="jongerenwerk-oude-haven",
        summary="Een plek om te chillen en te praten.",
        toegang="vrij",
        kosten="gratis",
        themas=[thema["ontmoeting"]],
        doelgroepen=[doelgroep["jongeren"]],
        wijken=[haven],
    )
    at(jongeren, 52.0990, 5.1340, haven)

    def dagbesteding_in_beemden(name, slug):
        return VoorzieningFactory(
            organisatie=zorg,
            name=name,
            slug=slug,
            summary="Samen iets doen overdag.",
            toegang="verwijzing",
            kosten="eigen_bijdrage",
            themas=[thema["dagbesteding"]],
            doelgroepen=[doelgroep["ouderen"]],
            wijken=[beemden],
            beperkte_plaatsen=True,
        )

    dagbesteding = dagbesteding_in_beemden("Dagbesteding De Molen", "dagbesteding-de-molen")
    dagbesteding_vers = dagbesteding_in_beemden("Dagbesteding Het Anker", "dagbesteding-het-anker")
    CapaciteitFactory(
        voorziening=dagbesteding,
        wijk=beemden,
        status=Capaciteit.Status.JA,
        bijgewerkt_op=timezone.now() - timedelta(days=30),
    )
    CapaciteitFactory(voorziening=dagbesteding_vers, wijk=beemden, status=Capaciteit.Status.BEPERKT)
    gestopt = VoorzieningFactory(
        organisatie=zorg,
        name="Huishoudelijke hulp Oud",
        slug="huishoudelijke-hulp-oud",
        summary="Hulp in de huishouding.",
        status=Voorziening.Status.GESTOPT,
        themas=[thema["huishouden"]],
        wijken=[centrum],
    )
    return Kaart(
        centrum=centrum,
        haven=haven,
        beemden=beemden,
        thema=thema,
        doelgroep=doelgroep,
        zorg=zorg,
        welzijn=welzijn,
        huishouding=huishouding,
        schoonmaak=schoonmaak,
        cafe=cafe,
        jongeren=jongeren,
        dagbesteding=dagbesteding,
        dagbesteding_vers=dagbesteding_vers,
        gestopt=gestopt,
    )


@pytest.fixture
def aanbieder(kaart):
    """A provider's login for "Zorg Lindewaard", in the Aanbieders group."""
    from socialekaart.permissions import ensure_groups

    from .factories import AanbiederAccountFactory, UserFactory

    _, aanbieders = ensure_groups()
    user = UserFactory(username="aanbieder-zorg-lindewaard")
    user.groups.add(aanbieders)
    AanbiederAccountFactory(user=user, organisatie=kaart.zorg)
    return user


@pytest.fixture
def redacteur(db):
    """An editor of the municipality, in the group "Redacteuren sociale kaart"."""
    from socialekaart.permissions import ensure_groups

    from .factories import UserFactory

    redacteuren, _ = ensure_groups()
    user = UserFactory(username="redacteur")
    user.groups.add(redacteuren)
    return user
