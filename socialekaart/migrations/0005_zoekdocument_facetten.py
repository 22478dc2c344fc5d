"""The search index keeps every facet's codes in one column, so a new facet needs no column of its own.

The old columns are copied here and dropped in the next migration (a separate transaction)."""

from django.db import migrations, models

COLUMNS = {
    "wijk": "wijken",
    "thema": "themas",
    "doelgroep": "doelgroepen",
    "toegang": "toegang",
    "kosten": "kosten",
}


def fill(apps, schema_editor):
    ZoekDocument = apps.get_model("socialekaart", "ZoekDocument")
    documents = list(ZoekDocument.objects.only("pk", *COLUMNS.values()))
    for document in documents:
        document.facetten = {facet: getattr(document, column).split() for facet, column in COLUMNS.items()}
    ZoekDocument.objects.bulk_update(documents, ["facetten"], batch_size=1000)


def unfill(apps, schema_editor):
    ZoekDocument = apps.get_model("socialekaart", "ZoekDocument")
    documents = list(ZoekDocument.objects.only("pk", "facetten"))
    for document in documents:
        for facet, column in COLUMNS.items():
            setattr(document, column, " ".join(document.facetten.get(facet, [])))
    ZoekDocument.objects.bulk_update(documents, list(COLUMNS.values()), batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("socialekaart", "0004_voorziening_name_index")]

    operations = [
        migrations.AddField(
            model_name="zoekdocument",
            name="facetten",
            field=models.JSONField(default=dict),
        ),
        migrations.RunPython(fill, unfill),
    ]
