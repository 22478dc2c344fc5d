"""What keeps a question page cheap: no session write when nothing changed, a fixed number of queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from formtools.wizard.forms import ManagementForm

from meldingen.wizard import SESSION_KEY, WIZARD_PREFIX
from meldingen.workdays import add_working_days

from .conftest import ANDER_UITGEBREID, ZELF_KORT

pytestmark = pytest.mark.django_db


def session_writes(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if q["sql"].startswith(("UPDATE", "INSERT")) and "django_session" in q["sql"]
    ]


def test_the_page_after_a_step_does_not_write_the_session_again(walker):
    walker.walk(ZELF_KORT[:3])  # the next page is gegevens
    with CaptureQueriesContext(connection) as queries:
        response = walker.client.get("/melding/gegevens/")
    assert response.status_code == 200
    assert session_writes(queries.captured_queries) == []


def test_reloading_a_page_keeps_the_answers_and_writes_nothing(walker):
    walker.walk(ZELF_KORT)
    walker.client.get("/melding/keuze/")
    stored = walker.client.session[SESSION_KEY]
    with CaptureQueriesContext(connection) as queries:
        response = walker.client.get("/melding/keuze/")
    assert session_writes(queries.captured_queries) == []
    assert walker.client.session[SESSION_KEY] == stored
    assert 'id="id_keuze-soort_0" checked>' in response.content.decode()


def test_a_changed_answer_is_still_written(walker):
    walker.walk(ZELF_KORT)
    with CaptureQueriesContext(connection) as queries:
        walker.post("keuze", {"soort": "uitgebreid"})
    assert len(session_writes(queries.captured_queries)) == 1
    assert walker.client.get("/melding/hulp/").status_code == 200  # the long route now applies


def test_going_back_a_step_is_remembered(walker):
    """The wizard remembers where the user was: a step that does not apply sends them back there."""
    walker.walk(ZELF_KORT[:3])
    walker.client.get("/melding/voor-wie/")
    response = walker.client.get("/melding/hulp/")  # not part of a short melding
    assert response["Location"] == "/melding/voor-wie/"


def test_the_management_field_is_what_formtools_renders(walker):
    walker.start()
    content = walker.client.get("/melding/voor-wie/").content.decode()
    expected = str(ManagementForm(prefix=WIZARD_PREFIX, initial={"current_step": "voor-wie"}))
    assert expected in content


@pytest.mark.parametrize("steps", [ZELF_KORT[:1], ANDER_UITGEBREID], ids=["one answer", "all answers"])
def test_a_question_page_costs_the_same_queries_however_many_answers(walker, steps):
    walker.walk(steps)
    walker.client.get("/melding/spoed/")
    with CaptureQueriesContext(connection) as queries:
        walker.client.get("/melding/spoed/")
    # The session, and what the site's layout needs (the site for the menu); nothing per answer.
    assert len(queries.captured_queries) <= 2


def test_working_days_skip_weekends_and_holidays_every_time():
    # Friday 24 April 2026, Koningsdag is Monday 27 April: two working days later is Wednesday 29 April.
    assert add_working_days(date(2026, 4, 24), 2) == date(2026, 4, 29)
    assert add_working_days(date(2026, 4, 24), 2) == date(2026, 4, 29)
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 28)  # Christmas and the weekend


def test_the_first_page_after_a_new_start_writes_nothing(walker):
    walker.client.get("/melding/voor-wie/?reset=1")
    with CaptureQueriesContext(connection) as queries:
        response = walker.client.get("/melding/voor-wie/")
    assert response.status_code == 200
    assert session_writes(queries.captured_queries) == []


def test_showing_the_check_page_writes_nothing(walker):
    walker.walk(ZELF_KORT)
    with CaptureQueriesContext(connection) as queries:
        response = walker.client.get("/melding/controleren/")
    assert response.status_code == 200
    assert session_writes(queries.captured_queries) == []


def test_two_sends_of_the_same_answers_at_once_store_one_melding(walker):
    """Both requests read the session before either had stored the melding: the same submission token."""
    from django.contrib.sessions.models import Session

    from meldingen.models import Melding

    walker.walk(ZELF_KORT)
    walker.client.get("/melding/controleren/")
    session = Session.objects.get()
    before_the_first = session.session_data
    assert walker.submit()["Location"] == "/melding/bevestiging/"
    Session.objects.filter(pk=session.pk).update(session_data=before_the_first)
    assert walker.submit()["Location"] == "/melding/bevestiging/"
    assert Melding.objects.count() == 1
