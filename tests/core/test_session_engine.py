"""The session engine (core/session_engine.py) behaves as Django's database sessions: the same rows, expired
sessions unread, and a session removed meanwhile not written back. The behaviour tests run on both stores,
so they show Django's behaviour beside ours."""

from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.contrib.sessions.backends import db as django_db_sessions
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.db import connection, transaction
from django.utils import timezone

from core.session_engine import SessionStore

pytestmark = pytest.mark.django_db


def stored(data) -> str:
    session = SessionStore()
    session.update(data)
    session.create()
    session.save()
    return session.session_key


def test_the_site_uses_it(client):
    assert type(client.session) is SessionStore


def test_reads_and_writes_the_rows_of_djangos_store():
    theirs = django_db_sessions.SessionStore()
    theirs["stap"] = "keuze"
    theirs.create()
    theirs.save()

    ours = SessionStore(theirs.session_key)
    assert ours["stap"] == "keuze"
    ours["stap"] = "gegevens"
    ours.save()

    assert django_db_sessions.SessionStore(theirs.session_key)["stap"] == "gegevens"
    assert Session.objects.count() == 1


def test_a_write_moves_the_expiry_on():
    key = stored({"stap": "keuze"})
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() + timedelta(minutes=1))
    session = SessionStore(key)
    session["stap"] = "gegevens"
    session.save()
    expiry = Session.objects.get(session_key=key).expire_date
    assert expiry > timezone.now() + timedelta(days=1)


@pytest.mark.parametrize("store", [SessionStore, django_db_sessions.SessionStore])
@pytest.mark.parametrize(("minutes", "read"), [(1, True), (-1, False)])
def test_a_session_is_read_until_it_expires(store, minutes, read):
    key = stored({"stap": "keuze"})
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() + timedelta(minutes=minutes))
    session = store(key)
    assert session.get("stap") == ("keuze" if read else None)
    assert (session.session_key == key) is read


@pytest.mark.parametrize("store", [SessionStore, django_db_sessions.SessionStore])
def test_an_expired_session_starts_anew_under_a_new_key(store):
    key = stored({"stap": "keuze"})
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    session = store(key)
    session["stap"] = "voor-wie"
    session.save()
    assert session.session_key != key
    assert SessionStore(session.session_key)["stap"] == "voor-wie"
    assert "stap" not in SessionStore(key)


@pytest.mark.parametrize("store", [SessionStore, django_db_sessions.SessionStore])
def test_an_unknown_key_reads_as_an_empty_session(store):
    session = store("x" * 32)
    assert dict(session.items()) == {}
    assert session.session_key is None


@pytest.mark.parametrize("store", [SessionStore, django_db_sessions.SessionStore])
def test_a_session_removed_meanwhile_is_not_written_back(store):
    key = stored({"stap": "keuze"})
    session = store(key)
    assert session["stap"] == "keuze"
    Session.objects.filter(session_key=key).delete()  # a logout in another tab
    session["stap"] = "gegevens"
    with pytest.raises(UpdateError):
        session.save()
    assert not Session.objects.exists()


@contextmanager
def refused_writes():
    """Inside the block the session table is gone, so the database refuses a write (UpdateError)."""
    table = Session._meta.db_table
    Session._meta.db_table = "geen_sessietabel"
    try:
        with pytest.raises(UpdateError):
            yield
    finally:
        Session._meta.db_table = table


@pytest.mark.parametrize("store", [SessionStore, django_db_sessions.SessionStore])
def test_a_failed_write_leaves_the_callers_transaction_usable(store):
    key = stored({"stap": "keuze"})
    session = store(key)
    session["stap"] = "gegevens"
    with transaction.atomic():
        with refused_writes():
            session.save()
        assert SessionStore(key)["stap"] == "keuze"  # PostgreSQL answers only if the failure was contained


@pytest.mark.django_db(transaction=True, available_apps=["django.contrib.sessions"])  # empties only its table
@pytest.mark.parametrize("store", [SessionStore, django_db_sessions.SessionStore])
def test_outside_a_transaction_a_write_is_committed_at_once(store):
    key = stored({"stap": "keuze"})
    session = store(key)
    session["stap"] = "gegevens"
    session.save()
    connection.close()  # what was not committed is gone with the connection
    assert SessionStore(key)["stap"] == "gegevens"

    session["stap"] = "spoed"
    with refused_writes():
        session.save()
    assert SessionStore(key)["stap"] == "gegevens"
