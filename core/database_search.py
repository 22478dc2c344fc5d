"""Wagtail's search in the database: modelsearch's backend for the database in use, with one correction on
SQLite. There a page that holds every group of words of an And query ranks by the sum of its groups' BM25
scores. modelsearch multiplies (1 + score) over the groups, while SQLite's bm25() is negative (lower is
better), so with two groups the product turned the order around: "eigen bijdrage kosten" put the page "Eigen
bijdrage" last of eight, where PostgreSQL put it first."""

from modelsearch.backends import database
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.query import And
from modelsearch.utils import ADD


class SQLiteSearchQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, And):
            parts = query.subqueries
            return ADD(self.build_tsrank(vector, part, config=config, boost=boost) for part in parts)
        return super().build_tsrank(vector, query, config=config, boost=boost)


class SQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = SQLiteSearchQueryCompiler


def SearchBackend(params):  # noqa: N802  (the name Wagtail looks for in a backend's module)
    backend = database.SearchBackend(params)
    return SQLiteSearchBackend(params) if isinstance(backend, sqlite.SQLiteSearchBackend) else backend
