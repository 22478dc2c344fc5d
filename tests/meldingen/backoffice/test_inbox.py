"""The inbox: filters, search by reference or name, counts per status, deadline order, pagination."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meldingen.backoffice.models import Behandeling
from meldingen.backoffice.workflow import Status

from .fixtures import store


@pytest.fixture
def leider(staff, client):
    client.force_login(staff["teamleider"])
    return client


def _references(client, **params):
    response = client.get(reverse("backoffice:inbox"), params)
    assert response.status_code == 200
    return [item.melding.reference for item in response.context["page_obj"]]


def test_filters(leider, teams):
    now = timezone.now()
    kort = store(soort="kort", postcode="3913 AC")
    spoed = store(spoed=True, onderwerpen=("vervoer",))
    late = store(created_at=now - timedelta(days=30))
    closed = store()
    closed.behandeling.change_status(Status.INGETROKKEN)
    assert set(_references(leider)) == {kort.reference, spoed.reference, late.reference}
    assert _references(leider, soort="kort") == [kort.reference]
    assert _references(leider, spoed="ja") == [spoed.reference]
    assert set(_references(leider, spoed="nee")) == {kort.reference, late.reference}
    assert _references(leider, onderwerp="vervoer") == [spoed.reference]
    assert _references(leider, team=teams["haven"].pk) == [kort.reference]
    assert _references(leider, wijk="oude-haven") == [kort.reference]
    assert _references(leider, over_termijn="on") == [late.reference]
    assert _references(leider, status="ingetrokken") == [closed.reference]
    assert len(_references(leider, status="alle")) == 4


def test_sorted_spoed_first_then_by_deadline(leider, teams):
    now = timezone.now()
    newer = store(created_at=now - timedelta(days=1))
    older = store(created_at=now - timedelta(days=10))
    spoed = store(spoed=True)
    assert _references(leider) == [spoed.reference, older.reference, newer.reference]


def test_search_by_reference_and_by_name_words(leider, teams):
    anna = store(name="Anna de Vries")
    bert = store(name="Bert Jansen-Öztürk")
    assert _references(leider, q=anna.reference) == [anna.reference]
    assert _references(leider, q=anna.reference.lower()) == [anna.reference]
    assert _references(leider, q="vries") == [anna.reference]
    assert _references(leider, q="ANNA DE VRIES") == [anna.reference]
    assert _references(leider, q="ozturk") == [bert.reference]
    assert _references(leider, q="Anna Jansen") == []  # every word must match
    assert _references(leider, q="Vri") == []  # whole words only: the index holds no prefixes


def test_counts_per_status(leider, teams):
    store()
    store().behandeling.change_status(Status.CONTACT_OPGENOMEN)
    counts = {
        value: count for value, _label, count in leider.get(reverse("backoffice:inbox")).context["counts"]
    }
    assert counts["ontvangen"] == 1 and counts["contact_opgenomen"] == 1 and counts["afgehandeld"] == 0


def test_pagination(leider, teams, monkeypatch):
    monkeypatch.setattr("meldingen.backoffice.views.PER_PAGE", 2)
    for _ in range(5):
        store()
    first = leider.get(reverse("backoffice:inbox"))
    assert len(first.context["page_obj"]) == 2 and "Pagina 1 van 3" in first.content.decode()
    assert len(leider.get(reverse("backoffice:inbox"), {"p": 3}).context["page_obj"]) == 1
    assert leider.get(reverse("backoffice:inbox"), {"p": "999"}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"status": "bestaat-niet"},
        {"team": "abc"},
        {"wijk": "<script>"},
        {"p": "-1"},
        {"spoed": "misschien"},
        {"q": "x" * 500},
        {"onderwerp": "'; drop table"},
    ],
)
def test_bad_filter_values_never_break_the_page(leider, teams, params):
    store()
    response = leider.get(reverse("backoffice:inbox"), params)
    assert response.status_code == 200


def test_remaining_days_and_overdue_are_shown(leider, teams):
    store(created_at=timezone.now() - timedelta(days=30))
    html = leider.get(reverse("backoffice:inbox")).content.decode()
    assert "te laat" in html


def test_deadline_moves_to_the_onderzoek_after_contact(teams):
    behandeling = store().behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN)
    assert Behandeling.objects.get(pk=behandeling.pk).next_deadline == behandeling.onderzoek_deadline


def test_inbox_and_melding_page_use_a_fixed_number_of_queries(leider, teams, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert leider.get(url).status_code == 200
        return len(captured)

    first = store()
    small = (
        queries(reverse("backoffice:inbox")),
        queries(reverse("backoffice:melding", args=[first.behandeling.pk])),
    )
    for _ in range(6):
        store(spoed=True, postcode="3913 AC")
    first.behandeling.change_status(Status.CONTACT_OPGENOMEN)
    large = (
        queries(reverse("backoffice:inbox")),
        queries(reverse("backoffice:melding", args=[first.behandeling.pk])),
    )
    assert large == small
