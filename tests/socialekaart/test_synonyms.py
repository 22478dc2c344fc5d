"""Synonyms and every other change reach the search through the task queue, without a restart."""

import contextlib
from unittest import mock

import pytest
from django.db import transaction

from socialekaart.models import Synoniemgroep
from socialekaart.search import SearchQuery, get_backend

from .admin_helpers import form_data, url
from .factories import CapaciteitFactory, LocatieFactory, VoorzieningFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def backend(kaart):
    backend = get_backend("database")
    backend.rebuild()
    return backend


def test_an_editor_adds_synonyms_in_the_admin_and_search_uses_them_at_once(
    client, redacteur, backend, kaart, django_capture_on_commit_callbacks
):
    assert backend.search(SearchQuery(text="HbH")).total == 0
    client.force_login(redacteur)
    add = url("synoniemgroep", "add")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            add, form_data(client, add, termen="HbH, schoonmaakhulp, hulp bij het huishouden")
        )
    assert response.status_code == 302
    found = backend.search(SearchQuery(text="HbH")).ids
    assert kaart.schoonmaak.pk in found and kaart.huishouding.pk in found
    assert "HbH" in backend.autocomplete("hb")


def test_a_changed_synonym_applies_to_the_next_search(backend, kaart, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        group = Synoniemgroep.objects.create(termen="poetsen, schoonmaakhulp")
    assert kaart.schoonmaak.pk in backend.search(SearchQuery(text="poetsen")).ids
    with django_capture_on_commit_callbacks(execute=True):
        group.termen = "poetsen, mantelzorgcafé"
        group.save()
    assert backend.search(SearchQuery(text="poetsen")).ids == [kaart.cafe.pk]


def test_a_compound_no_voorziening_holds_finds_what_its_part_finds(
    backend, kaart, django_capture_on_commit_callbacks
):
    """A walk: "klusjesdienst" and "oppasdienst" found nothing, where "oppas" (a synonym of the help that
    takes over the care) finds it. A compound that some text holds is searched as it is."""
    with django_capture_on_commit_callbacks(execute=True):
        Synoniemgroep.objects.create(termen="schoonmaakhulp, poets")
    poets = backend.search(SearchQuery(text="poets")).ids
    assert kaart.schoonmaak.pk in poets
    assert backend.search(SearchQuery(text="poetsdienst")).ids == poets


def test_a_new_voorziening_is_found_after_the_commit(backend, kaart, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        nieuw = VoorzieningFactory(
            organisatie=kaart.zorg, name="Klussendienst voor ouderen", slug="klussendienst"
        )
        nieuw.themas.set([kaart.thema["huishouden"]])
    results = backend.search(SearchQuery(text="klussendienst"))
    assert results.ids == [nieuw.pk]
    assert backend.search(SearchQuery(thema=("huishouden",))).total == 3


def test_related_changes_update_the_index(backend, kaart, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        kaart.welzijn.name = "Buurtkracht Lindewaard"
        kaart.welzijn.save()
    assert kaart.cafe.pk in backend.search(SearchQuery(text="buurtkracht")).ids
    locatie = kaart.cafe.op_locaties.get().locatie
    with django_capture_on_commit_callbacks(execute=True):
        locatie.latitude, locatie.longitude = 52.0772, 5.1298  # moves next to the De Beemden centre
        locatie.save()
    near = backend.search(SearchQuery(postcode="3917", sort="distance"))
    located = [hit for hit in near.hits if hit.distance_km is not None]  # after what comes to the resident
    assert located[0].id in {kaart.cafe.pk, kaart.schoonmaak.pk}
    assert next(hit for hit in near.hits if hit.id == kaart.cafe.pk).distance_km < 0.1
    with django_capture_on_commit_callbacks(execute=True):
        kaart.cafe.wijken.add(kaart.centrum)
    assert kaart.cafe.pk in backend.search(SearchQuery(wijk=("centrum",))).ids
    with django_capture_on_commit_callbacks(execute=True):
        kaart.thema["vervoer"].name = "Vervoer en reizen"
        kaart.thema["vervoer"].save()
    labels = {option.value: option.label for option in backend.search(SearchQuery()).facets["thema"]}
    assert labels["vervoer"] == "Vervoer en reizen"
    with django_capture_on_commit_callbacks(execute=True):
        kaart.cafe.delete()
    assert backend.search(SearchQuery(text="mantelzorgcafe")).total == 0


def test_one_transaction_enqueues_one_index_task(kaart, django_capture_on_commit_callbacks):
    with (
        mock.patch("socialekaart.tasks.index_voorzieningen") as index_task,
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        kaart.cafe.name = "Mantelzorgcafé"
        kaart.cafe.save()
        kaart.cafe.themas.add(kaart.thema["huishouden"])
        CapaciteitFactory(voorziening=kaart.cafe, wijk=kaart.haven)
        LocatieFactory(organisatie=kaart.welzijn).save()
    assert index_task.enqueue.call_count == 1
    assert str(kaart.cafe.pk) in index_task.enqueue.call_args.args[0]


def test_a_rolled_back_change_enqueues_nothing(kaart, django_capture_on_commit_callbacks):
    with (
        mock.patch("socialekaart.tasks.index_voorzieningen") as index_task,
        django_capture_on_commit_callbacks(execute=True),
        contextlib.suppress(RuntimeError),
        transaction.atomic(),
    ):
        kaart.cafe.name = "Wordt niet bewaard"
        kaart.cafe.save()
        raise RuntimeError
    index_task.enqueue.assert_not_called()


def test_a_word_already_in_a_group_or_a_group_of_one_word_is_refused(db):
    """A walk added "zwaar, zwaar tillen, tillen" while "zwaar" was in the overbelast group: "tillen" then
    found the steunpunt mantelzorg."""
    from django.core.exceptions import ValidationError

    Synoniemgroep.objects.create(termen="overbelast, opgebrand, zwaar")
    with pytest.raises(ValidationError) as refused:
        Synoniemgroep(termen="Zwaar, zwaar tillen, tillen").clean()
    assert refused.value.message_dict == {
        "termen": ["'Zwaar' staat al in de groep 'overbelast, opgebrand, zwaar'. Zet het woord in één groep."]
    }
    with pytest.raises(ValidationError) as alone:
        Synoniemgroep(termen="traplift").clean()
    assert alone.value.message_dict == {"termen": ["Vul minstens twee woorden in, met een komma ertussen."]}
    Synoniemgroep(termen="zwaar tillen, tillen").clean()
    with pytest.raises(ValidationError) as common:  # a walk: "op" made a search with it find 2 of 158
        Synoniemgroep(termen="ophalen, op, halen").clean()
    assert common.value.message_dict == {
        "termen": ["'op' staat in bijna elke zoekvraag. Daar zoeken wij niet op. Haal het weg."]
    }
    Synoniemgroep(termen="op stap, uitje").clean()  # a word of substance beside it is fine
    group = Synoniemgroep.objects.get()
    group.termen += ", uitgeput"
    group.clean()  # its own words are no duplicates
    Synoniemgroep.objects.create(termen="tillen, optillen")
    with pytest.raises(ValidationError) as both:  # a walk: one word per save, the next one after that
        Synoniemgroep(termen="Zwaar, zwaar tillen, tillen").clean()
    assert len(both.value.message_dict["termen"]) == 2 and "'tillen' staat al" in both.value.messages[1]


def test_the_starting_synonyms_pass_the_editors_checks(db):
    from socialekaart.demo.taxonomy import starting_synonyms

    groups = [Synoniemgroep.objects.create(termen=line) for line in starting_synonyms()]
    for group in groups:
        group.clean()
