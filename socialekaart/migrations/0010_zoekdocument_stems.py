"""The kaart's text search moves into the process (search/textindex.py): a document keeps the Dutch stems
of its text; PostgreSQL's tsvector, the trigram index and SQLite's FTS5 table are no longer read."""

from django.db import migrations, models

from core.search_text import stemmed_text

POSTGRES_DROP = ["DROP INDEX IF EXISTS socialekaart_zoekwoord_trgm"]  # the tsvector's index goes with its column
SQLITE_DROP = ["DROP TABLE IF EXISTS socialekaart_zoekdocument_fts"]


def drop_database_text_search(apps, schema_editor):
    statements = {"postgresql": POSTGRES_DROP, "sqlite": SQLITE_DROP}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def fill_stems(apps, schema_editor):
    ZoekDocument = apps.get_model("socialekaart", "ZoekDocument")
    documents = list(ZoekDocument.objects.only("text_name", "text_body"))
    for document in documents:
        document.name_stems = stemmed_text(document.text_name)
        document.body_stems = stemmed_text(document.text_body)
    ZoekDocument.objects.bulk_update(documents, ["name_stems", "body_stems"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("socialekaart", "0009_organisatie_capaciteit_herinnerd_op")]

    operations = [
        migrations.AddField("zoekdocument", "name_stems", models.TextField(blank=True)),
        migrations.AddField("zoekdocument", "body_stems", models.TextField(blank=True)),
        migrations.RunPython(fill_stems, migrations.RunPython.noop),
        migrations.RemoveField("zoekdocument", "text_name"),
        migrations.RemoveField("zoekdocument", "text_body"),
        migrations.RemoveField("zoekdocument", "search_vector"),
        migrations.RunPython(drop_database_text_search, migrations.RunPython.noop),
    ]
