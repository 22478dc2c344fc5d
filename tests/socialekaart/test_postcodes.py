"""The postcode areas (socialekaart/postcodes.py): read once per index token, so a change counts at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from socialekaart import postcodes
from socialekaart.models import WijkPostcode
from socialekaart.public import wijk_for_postcode

from .factories import WijkPostcodeFactory

pytestmark = pytest.mark.django_db


def test_a_postcode_gives_its_wijk(kaart):
    assert wijk_for_postcode("3913 AB") == kaart.haven
    assert wijk_for_postcode("3913") == kaart.haven
    assert wijk_for_postcode(" 3911ab ") == kaart.centrum
    for outside in ("1012 AB", "onzin", "39", "", None):
        assert wijk_for_postcode(outside) is None, outside


def test_the_areas_are_read_once_while_nothing_changes(kaart):
    assert postcodes.area("3911").wijk == kaart.centrum
    with CaptureQueriesContext(connection) as queries:
        assert postcodes.area("3913").wijk == kaart.haven
        assert postcodes.area("3917").latitude == pytest.approx(52.0772)
        assert postcodes.area("1012") is None
    assert [query for query in queries if WijkPostcode._meta.db_table in query["sql"]] == []


def test_a_moved_new_or_removed_postcode_counts_at_once(kaart):
    assert wijk_for_postcode("3913") == kaart.haven
    moved = WijkPostcode.objects.get(pc4="3913")
    moved.wijk = kaart.centrum
    moved.save()
    assert wijk_for_postcode("3913") == kaart.centrum
    WijkPostcodeFactory(wijk=kaart.beemden, pc4="3999")
    assert wijk_for_postcode("3999 ZZ") == kaart.beemden
    WijkPostcode.objects.get(pc4="3999").delete()
    assert wijk_for_postcode("3999") is None
