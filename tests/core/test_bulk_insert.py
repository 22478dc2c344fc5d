"""insert_new writes the rows bulk_create writes: through COPY on PostgreSQL, by bulk_create elsewhere."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from core.bulk_insert import insert_new
from socialekaart.models import Voorziening
from tests.socialekaart.factories import OrganisatieFactory, TermFactory, VoorzieningFactory

pytestmark = pytest.mark.django_db


def _unsaved(organisatie, name: str) -> Voorziening:
    return Voorziening(
        organisatie=organisatie,
        name=name,
        slug=name.lower().replace(" ", "-"),
        summary='Hulp bij de boodschappen; ook "s avonds" en met een tab\there.',
        description="Twee regels.\nDe tweede met een backslash \\ en een emoji 🙂.",
        talen=["nl", "ar"],
        kosten=Voorziening.Kosten.BEDRAG,
        kosten_bedrag=Decimal("12.50"),
        leeftijd_min=18,
        laatst_gecontroleerd=date(2026, 1, 31),
    )


def test_the_rows_are_those_bulk_create_writes():
    organisatie = OrganisatieFactory()
    copied, created = _unsaved(organisatie, "Via insert"), _unsaved(organisatie, "Via bulk create")
    before = timezone.now()
    insert_new([copied])
    Voorziening.objects.bulk_create([created])
    rows = {row["name"]: row for row in Voorziening.objects.values()}
    mine, theirs = rows["Via insert"], rows["Via bulk create"]
    differ = {key for key in mine if mine[key] != theirs[key]}
    assert differ == {"id", "name", "slug", "created_at", "updated_at"}
    assert mine["id"] == copied.pk and mine["leeftijd_max"] is None
    assert mine["talen"] == ["nl", "ar"] and mine["kosten_bedrag"] == Decimal("12.50")
    assert mine["description"] == copied.description
    for moment in (mine["created_at"], mine["updated_at"]):  # auto_now(_add), as a save sets them
        assert before <= moment <= before + timedelta(minutes=1)
    assert not copied._state.adding  # saved, as bulk_create leaves it


def test_a_primary_key_the_database_makes_is_left_to_it_unless_one_is_given():
    voorziening, made, given = VoorzieningFactory(), TermFactory(), TermFactory()
    link = Voorziening.themas.through
    insert_new(
        [
            link(voorziening_id=voorziening.pk, term_id=made.pk),
            # Below every key the database makes: 999 could be one already, made by an earlier test.
            link(id=-1, voorziening_id=voorziening.pk, term_id=given.pk),
        ]
    )
    assert set(voorziening.themas.all()) == {made, given}
    assert link.objects.get(term=given).pk == -1 and link.objects.get(term=made).pk > 0


def test_nothing_to_insert_asks_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        insert_new([])
