"""The session engine (SESSION_ENGINE): Django's database sessions, with the row read and written in one plain
SQL statement each.

Every page of the melding reads its visitor's session and every answer writes it. Django's own store builds
both statements with the ORM on every request (a `get()`, and a forced-update `save()` of a model instance):
reading the row cost 0.6 ms of CPU, of which the database's own part was less than 0.1 ms. The statements
here are the ones the ORM sends; the rows, their encoding and everything else (creating a session, its key,
expiry, logout, `clearsessions`) are Django's, so sessions stored by either store are read by the other.
"""

from contextlib import nullcontext

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import UpdateError
from django.db import DatabaseError, connections, router, transaction
from django.utils import timezone


class SessionStore(db.SessionStore):
    def load(self) -> dict:
        session_data = self._read_session_data()
        if session_data is None:
            self._session_key = None  # as in Django's store: a missing or expired session starts anew
            return {}
        return self.decode(session_data)

    def save(self, must_create: bool = False) -> None:
        if must_create or self.session_key is None:
            super().save(must_create)  # a new row: Django's insert, which retries on a taken key
            return
        alias = router.db_for_write(self.model)
        session_data = self.encode(self._get_session())
        connection = connections[alias]
        table = self._table(alias)
        sql = f"UPDATE {table} SET session_data = %s, expire_date = %s WHERE session_key = %s"  # noqa: S608
        params = [session_data, self._datetime_param(self.get_expiry_date(), alias), self.session_key]
        # One statement is a transaction of its own: Django's store adds a BEGIN and a COMMIT around it, two
        # more trips to the database on every answer. Inside a caller's transaction a savepoint keeps a
        # failed write from breaking that transaction, as in Django's store.
        guard = transaction.atomic(using=alias) if connection.in_atomic_block else nullcontext()
        try:
            with guard, connection.cursor() as cursor:
                cursor.execute(sql, params)
                updated = cursor.rowcount
        except DatabaseError as error:
            raise UpdateError from error
        if updated != 1:
            raise UpdateError  # the row was removed meanwhile (a logout elsewhere): as Django's store

    def _read_session_data(self) -> str | None:
        if self.session_key is None:
            return None
        alias = router.db_for_read(self.model)
        table = self._table(alias)
        sql = f"SELECT session_data FROM {table} WHERE session_key = %s AND expire_date > %s"  # noqa: S608
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, [self.session_key, self._datetime_param(timezone.now(), alias)])
            row = cursor.fetchone()
        return None if row is None else row[0]

    def _table(self, alias: str) -> str:
        """The model's table name, quoted: the only part of the SQL not sent as a parameter."""
        return connections[alias].ops.quote_name(self.model._meta.db_table)

    def _datetime_param(self, value, alias: str):
        """The value as the ORM would send it for `expire_date` (SQLite compares text, in UTC)."""
        return self.model._meta.get_field("expire_date").get_db_prep_value(value, connections[alias])
