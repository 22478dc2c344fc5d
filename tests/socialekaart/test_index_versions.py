"""The index token (socialekaart/search/versions.py): every change gives a new one, every process reads it,
and within one request it is read once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from socialekaart.models import ZoekIndexVersie
from socialekaart.search import versions

pytestmark = pytest.mark.django_db


def test_no_token_before_the_first_change():
    ZoekIndexVersie.objects.all().delete()
    assert versions.current_token() is None


def test_each_change_gives_a_new_token_that_is_read_back():
    versions.bump()
    first = versions.current_token()
    versions.bump()
    second = versions.current_token()
    assert first != second
    assert second == ZoekIndexVersie.objects.get().token
    ZoekIndexVersie.objects.update(token="by-another-process")
    assert versions.current_token() == "by-another-process"


def test_a_search_page_reads_the_token_once(kaart, client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sociale-kaart/?q=koffie&wijk=centrum")
    assert response.status_code == 200
    token_reads = [query for query in queries if ZoekIndexVersie._meta.db_table in query["sql"]]
    assert len(token_reads) == 1
