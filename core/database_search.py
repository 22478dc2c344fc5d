"""Wagtail's search in the database: modelsearch's backend for the database in use, with one correction on
SQLite's full-text search. There pages rank by SQLite's bm25() (lower is better), and modelsearch combines
the groups of words of an And query as the product of (1 + score): with negative scores two groups turned the
order around ("eigen bijdrage kosten" put the page "Eigen bijdrage" last of eight, where PostgreSQL put it
first). Here the groups' scores are added, which keeps bm25's order. SQLite's backend module is loaded only
on SQLite: its models exist only there."""

import functools

from django.db import connection
from modelsearch.backends import database
from modelsearch.query import And
from modelsearch.utils import ADD


def SearchBackend(params):  # noqa: N802  (the name Wagtail looks for in a backend's module)
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        return _sqlite_backend()(params)
    return backend


@functools.cache
def _sqlite_backend():
    from modelsearch.backends.database.sqlite import sqlite

    class SQLiteSearchQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
        def build_tsrank(self, vector, query, config=None, boost=1.0):
            if isinstance(query, And):
                parts = query.subqueries
                return ADD(self.build_tsrank(vector, part, config=config, boost=boost) for part in parts)
            return super().build_tsrank(vector, query, config=config, boost=boost)

    class SQLiteSearchBackend(sqlite.SQLiteSearchBackend):
        query_compiler_class = SQLiteSearchQueryCompiler

    return SQLiteSearchBackend
