"""Full-text matching in the database, one class per vendor.

PostgreSQL: a tsvector with the `dutch` configuration (Snowball stemming, Dutch stop words) and pg_trgm
for typos. SQLite: an FTS5 table holding the same Snowball stems, made in Python on both sides.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db import connection

from ..models import ZoekDocument
from . import text
from .query import Group
from .snapshot import Snapshot, rank_corrections

MAX_WORDS = 12


def wanted_corrections(words: Iterable[str], snapshot: Snapshot) -> list[str]:
    """Words that may be typing errors: not a synonym, not a stop word, not a compound of the word list."""
    synonym_words = {word for phrase in snapshot.synonyms for word in phrase}
    decompounder = snapshot.search_vocabulary.decompounder if snapshot.search_vocabulary else None
    return [
        word
        for word in dict.fromkeys(words)
        if len(word) >= 3
        and not word.isdigit()
        and word not in synonym_words
        and word not in text.STOPWORDS
        and not (decompounder and decompounder.parts(word))
    ][:MAX_WORDS]


class PostgresFullText:
    """match() returns ZoekDocument primary keys (integers hash and compare faster than UUIDs)."""

    vendor = "postgresql"

    def corrections(self, words: list[str], snapshot: Snapshot) -> dict[str, list[str]]:
        """Known words (checked in memory) need no query; pg_trgm proposes close words for the rest."""
        unknown = [
            word for word in wanted_corrections(words, snapshot) if not snapshot.vocabulary.known(word)
        ]
        if not unknown:
            return {}
        sql = (
            "SELECT q.w, z.word FROM unnest(%s::text[]) AS q(w) CROSS JOIN LATERAL ("
            "  SELECT word FROM socialekaart_zoekwoord WHERE word %% q.w"
            "  ORDER BY similarity(word, q.w) DESC LIMIT 12) AS z"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [unknown])
            rows = cursor.fetchall()
        near: dict[str, list[str]] = {}
        for typed, candidate in rows:
            near.setdefault(typed, []).append(candidate)
        return {word: rank_corrections(word, near.get(word, []))[:3] for word in unknown}

    def match(self, groups: list[Group]) -> dict:
        expression = " & ".join(
            "(" + " | ".join("(" + " & ".join(alternative) + ")" for alternative in group) + ")"
            for group in groups
        )
        # ts_rank (weights and word frequency, like SQLite's bm25) rather than ts_rank_cd: cover density
        # reads word positions and costs three times as much on a broad search with thousands of matches.
        sql = (
            "SELECT id, ts_rank(search_vector, q, 1) "
            "FROM socialekaart_zoekdocument, to_tsquery('dutch', %s) AS q WHERE search_vector @@ q"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [expression])
            return {pk: float(rank) for pk, rank in cursor.fetchall()}

    def write(self, documents: list[ZoekDocument]) -> None:
        ZoekDocument.objects.filter(pk__in=[document.pk for document in documents]).update(
            search_vector=SearchVector("text_name", weight="A", config="dutch")
            + SearchVector("text_body", weight="C", config="dutch")
        )

    def delete(self, document_pks: list[int]) -> None:
        """The tsvector lives in the document row itself: nothing else to remove."""

    def clear(self) -> None:
        """As `delete`."""


class SqliteFullText:
    """match() returns ZoekDocument primary keys (the FTS rowid)."""

    vendor = "sqlite"
    table = "socialekaart_zoekdocument_fts"

    def corrections(self, words: list[str], snapshot: Snapshot) -> dict[str, list[str]]:
        vocabulary = snapshot.vocabulary
        return {
            word: vocabulary.corrections(word)
            for word in wanted_corrections(words, snapshot)
            if not vocabulary.known(word)
        }

    def match(self, groups: list[Group]) -> dict:
        expression = " AND ".join(
            "("
            + " OR ".join(
                "(" + " AND ".join(f'"{text.stem(word)}"' for word in alternative) + ")"
                for alternative in group
            )
            + ")"
            for group in groups
        )
        sql = f"SELECT rowid, bm25({self.table}, 10.0, 1.0) FROM {self.table} WHERE {self.table} MATCH %s"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [expression])
            return {row[0]: -float(row[1]) for row in cursor.fetchall()}

    def write(self, documents: list[ZoekDocument]) -> None:
        self.delete([document.pk for document in documents])
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {self.table} (rowid, name, body) VALUES (%s, %s, %s)",  # noqa: S608
                [
                    (
                        document.pk,
                        text.stemmed_text(document.text_name),
                        text.stemmed_text(document.text_body),
                    )
                    for document in documents
                ],
            )

    def delete(self, document_pks: list[int]) -> None:
        with connection.cursor() as cursor:
            for start in range(0, len(document_pks), 500):
                chunk = document_pks[start : start + 500]
                placeholders = ", ".join(["%s"] * len(chunk))
                cursor.execute(f"DELETE FROM {self.table} WHERE rowid IN ({placeholders})", chunk)  # noqa: S608

    def remove_orphans(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {self.table} WHERE rowid NOT IN (SELECT id FROM socialekaart_zoekdocument)"  # noqa: S608
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {self.table}")  # noqa: S608


def for_connection():
    if connection.vendor == "postgresql":
        return PostgresFullText()
    if connection.vendor == "sqlite":
        return SqliteFullText()
    raise NotImplementedError(f"No full-text search for the {connection.vendor} database")
