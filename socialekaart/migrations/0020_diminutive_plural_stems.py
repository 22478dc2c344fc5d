"""The stem of a diminutive's plural ("maatjes") is the singular's now (core.search_text.stem): the stored
stems of the database search index are made again where a word ends in -jes. Snowball left such a word as it
was, so its stored stem is the word itself, and stemming it again gives its new stem."""

import uuid

from django.db import migrations
from django.db.models import Q

from core.search_text import stem


def _again(stems: str) -> str:
    return " ".join(stem(token) if token.endswith("jes") else token for token in stems.split())


def restem(apps, schema_editor):
    ZoekDocument = apps.get_model("socialekaart", "ZoekDocument")
    ZoekWoord = apps.get_model("socialekaart", "ZoekWoord")
    ZoekIndexVersie = apps.get_model("socialekaart", "ZoekIndexVersie")
    documents = list(
        ZoekDocument.objects.filter(Q(name_stems__contains="jes") | Q(body_stems__contains="jes")).only(
            "name_stems", "body_stems"
        )
    )
    for document in documents:
        document.name_stems, document.body_stems = _again(document.name_stems), _again(document.body_stems)
    ZoekDocument.objects.bulk_update(documents, ["name_stems", "body_stems"], batch_size=500)
    words = list(ZoekWoord.objects.filter(word__endswith="jes"))
    for word in words:
        word.stem = stem(word.word)[:100]
    ZoekWoord.objects.bulk_update(words, ["stem"], batch_size=1000)
    # Every process's cached view of the index is stale now (socialekaart/search/versions.py).
    ZoekIndexVersie.objects.update(token=uuid.uuid4().hex)


class Migration(migrations.Migration):
    dependencies = [("socialekaart", "0019_planned_closures")]

    operations = [migrations.RunPython(restem, migrations.RunPython.noop)]
