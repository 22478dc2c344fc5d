"""The migration that makes the stored stems of a diminutive's plural again (socialekaart 0020)."""

import importlib

from django.apps import apps

from socialekaart.models import ZoekDocument, ZoekIndexVersie, ZoekWoord
from socialekaart.search import versions


def test_the_stems_stored_before_are_made_again(kaart):
    """A database search index made before the change keeps "maatjes" as the stem: the migration makes it
    "maatj", in the documents and in the vocabulary, and tells every process its view of the index is old."""
    versions.bump()
    document = ZoekDocument.objects.create(
        voorziening=kaart.cafe,
        name="Maatjes",
        sort_key="maatjes",
        status="actief",
        organisatie_id=kaart.cafe.organisatie_id,
        updated_at=kaart.cafe.updated_at,
        name_stems="maatjes",
        body_stems="maatjes komt bezoek huisjes",
    )
    ZoekWoord.objects.create(word="maatjes", stem="maatjes")
    token = ZoekIndexVersie.objects.get().token
    migration = importlib.import_module("socialekaart.migrations.0020_diminutive_plural_stems")
    migration.restem(apps, None)
    document.refresh_from_db()
    assert (document.name_stems, document.body_stems) == ("maatj", "maatj komt bezoek huisj")
    assert ZoekWoord.objects.get(word="maatjes").stem == "maatj"
    assert ZoekIndexVersie.objects.get().token != token
