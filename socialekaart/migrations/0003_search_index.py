"""Database-specific parts of the search index: PostgreSQL full text and trigram indexes, SQLite FTS5."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

POSTGRES_SQL = [
    "CREATE INDEX IF NOT EXISTS socialekaart_zoekdocument_vector ON socialekaart_zoekdocument USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS socialekaart_zoekwoord_trgm ON socialekaart_zoekwoord USING gin (word gin_trgm_ops)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS socialekaart_zoekdocument_vector",
    "DROP INDEX IF EXISTS socialekaart_zoekwoord_trgm",
]
# The FTS5 table holds Dutch stems (made in Python) of the name and the other text; rowid = ZoekDocument.id.
SQLITE_SQL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS socialekaart_zoekdocument_fts USING fts5("
    "name, body, tokenize = 'unicode61 remove_diacritics 2')",
]
SQLITE_REVERSE = ["DROP TABLE IF EXISTS socialekaart_zoekdocument_fts"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("socialekaart", "0002_kaart_models")]

    operations = [
        TrigramExtension(),  # does nothing on other databases than PostgreSQL
        migrations.RunPython(
            _run({"postgresql": POSTGRES_SQL, "sqlite": SQLITE_SQL}),
            _run({"postgresql": POSTGRES_REVERSE, "sqlite": SQLITE_REVERSE}),
        ),
    ]
