"""Closures planned in advance: a provider says the help is closed in the Christmas holidays; residents read
it on the page before, and on the first day the voorziening is "Tijdelijk gesloten" until after the last."""

import re
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.db import transaction
from django.utils import timezone

from socialekaart import closures
from socialekaart.models import Sluiting, Voorziening

from .admin_helpers import form_data, url

Status = Voorziening.Status


def _closure_fields(van, tot, reden=""):
    return {
        "sluitingen-TOTAL_FORMS": "1",
        "sluitingen-0-van": van.strftime("%Y-%m-%d"),
        "sluitingen-0-tot_en_met": tot.strftime("%Y-%m-%d"),
        "sluitingen-0-reden": reden,
    }


def _page(client, voorziening) -> str:
    """The page's words, without its tags."""
    html = client.get(voorziening.get_absolute_url()).content.decode()
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def test_a_provider_plans_a_closure_and_residents_read_it_before(client, kaart, aanbieder):
    """A walk: a provider wanted to say her place is closed from 24 December to 1 January, and could only set
    "Tijdelijk gesloten" on the day itself, without saying until when."""
    today = timezone.localdate()
    van, tot = today + timedelta(days=10), today + timedelta(days=18)
    client.force_login(aanbieder)
    edit = url("voorziening", "edit", kaart.dagbesteding.pk)
    assert "Gesloten op vaste dagen" in client.get(edit).content.decode()
    fields = _closure_fields(van, tot, "kerstvakantie")
    assert client.post(edit, form_data(client, edit, **fields)).status_code == 302
    kaart.dagbesteding.refresh_from_db()
    assert kaart.dagbesteding.status == Status.ACTIEF  # not yet
    assert Sluiting.objects.filter(voorziening=kaart.dagbesteding).count() == 1
    everything = client.get("/admin/bulk/socialekaart/voorziening/sluiting/?id=all").content.decode()
    assert kaart.dagbesteding.name in everything and kaart.cafe.name not in everything  # another's
    client.logout()
    page = _page(client, kaart.dagbesteding)
    van_text, tot_text = (f"{day.day} {_month(day)} {day.year}" for day in (van, tot))
    assert f"Let op. Gesloten van {van_text} tot en met {tot_text}: kerstvakantie." in page
    assert "Tijdelijk gesloten." not in page


def test_a_provider_plans_one_closure_for_several_voorzieningen_at_once(client, kaart, aanbieder):
    """A walk: a provider with seven voorzieningen in one building would enter the same Christmas closure
    seven times. Another organisation's voorziening among the chosen gets none."""
    today = timezone.localdate()
    van, tot = today + timedelta(days=10), today + timedelta(days=18)
    client.force_login(aanbieder)
    listing = client.get(url("voorziening", "list")).content.decode()
    assert "Sluiting plannen" in listing
    chosen = (kaart.dagbesteding, kaart.huishouding, kaart.cafe)  # the café is Welzijn Lindewaard's
    bulk = "/admin/bulk/socialekaart/voorziening/sluiting/?" + "&".join(f"id={v.pk}" for v in chosen)
    page = client.get(bulk).content.decode()
    assert kaart.dagbesteding.name in page and "Daar komt de sluiting niet bij" in page
    assert re.search(r'<input type="date" name="van"', page)  # the browser's own date box
    typed = {"van": van.isoformat(), "tot_en_met": (van - timedelta(days=1)).isoformat(), "reden": "kerst"}
    refused = client.post(bulk, typed)
    assert refused.status_code == 200 and "Deze dag ligt voor" in refused.content.decode()
    assert not Sluiting.objects.exists()
    back = f"&next={url('voorziening', 'list')}"  # as the list's bulk bar sends it
    saved = client.post(bulk + back, {**typed, "tot_en_met": tot.isoformat()}, follow=True).content.decode()
    assert "De sluiting staat bij 2 voorzieningen." in saved
    closed = set(
        Sluiting.objects.filter(van=van, tot_en_met=tot, reden="kerst").values_list("voorziening", flat=True)
    )
    assert closed == {kaart.dagbesteding.pk, kaart.huishouding.pk}
    history = client.get(url("voorziening", "history", kaart.dagbesteding.pk)).content.decode()
    assert f"Sluiting gepland: {van:%d-%m-%Y} – {tot:%d-%m-%Y}" in history
    client.post(bulk, {**typed, "tot_en_met": tot.isoformat()})  # the same days again: no second closure
    assert Sluiting.objects.filter(voorziening=kaart.dagbesteding).count() == 1
    everything = client.get("/admin/bulk/socialekaart/voorziening/sluiting/?id=all").content.decode()
    assert kaart.dagbesteding.name in everything and kaart.cafe.name not in everything  # another's


def test_a_closure_that_starts_today_closes_at_once_and_says_until_when(
    client, kaart, redacteur, monkeypatch
):
    # As outside a test's transaction: the form's save commits, and what waits for the commit runs, before the
    # message is made.
    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
    today = timezone.localdate()
    Voorziening.objects.filter(pk=kaart.cafe.pk).update(aanmelden_inloop=True)  # a walk-in place
    client.force_login(redacteur)
    edit = url("voorziening", "edit", kaart.cafe.pk)
    response = client.post(edit, form_data(client, edit, **_closure_fields(today, today)), follow=True)
    until = f"{today.day} {_month(today)} {today.year}"
    # A walk read only "bijgewerkt", and then "Tijdelijk gesloten" in the form without a word why.
    assert (
        f"De hulp staat nu op &#x27;Tijdelijk gesloten&#x27;, tot en met {until}."
        in response.content.decode()
    )
    kaart.cafe.refresh_from_db()
    assert kaart.cafe.status == Status.TIJDELIJK_GESLOTEN
    client.logout()
    page = _page(client, kaart.cafe)
    assert f"Tijdelijk gesloten. Gesloten op {today.day} {_month(today)} {today.year}." in page
    assert "Bel of mail om te vragen wanneer het weer kan." not in page  # it says when
    assert "Kom zonder afspraak langs" not in page  # a walk stood at a closed door


@pytest.mark.parametrize(
    ("van", "tot", "message"),
    [
        (3, 1, "Deze dag ligt voor &#x27;gesloten vanaf&#x27;. Kijk de data na."),
        (-5, -2, "Deze dag is al voorbij. Kijk de data na."),
    ],
)
def test_days_that_cannot_be_are_refused_and_what_was_typed_stays(
    client, kaart, aanbieder, van, tot, message
):
    today = timezone.localdate()
    client.force_login(aanbieder)
    edit = url("voorziening", "edit", kaart.dagbesteding.pk)
    fields = _closure_fields(today + timedelta(days=van), today + timedelta(days=tot), "verhuizing")
    response = client.post(edit, form_data(client, edit, **fields))
    html = response.content.decode()
    assert response.status_code == 200 and message in html
    assert 'value="verhuizing"' in html
    assert not Sluiting.objects.exists()


def test_the_closure_closes_on_its_first_day_and_opens_after_its_last(kaart):
    first = timezone.localdate() + timedelta(days=5)
    cafe = kaart.cafe
    Sluiting.objects.create(voorziening=cafe, van=first, tot_en_met=first + timedelta(days=2))
    for day, status, closures_left in [
        (first - timedelta(days=1), Status.ACTIEF, 1),
        (first, Status.TIJDELIJK_GESLOTEN, 1),
        (first + timedelta(days=2), Status.TIJDELIJK_GESLOTEN, 1),
        (first + timedelta(days=3), Status.ACTIEF, 0),  # and the closure that ended is gone
    ]:
        closures.apply(day)
        closures.apply(day)  # again the same day: nothing more happens
        cafe.refresh_from_db()
        assert (cafe.status, Sluiting.objects.count()) == (status, closures_left), day


def test_what_was_closed_or_opened_by_hand_stays_so(kaart):
    first = timezone.localdate() + timedelta(days=5)
    after = first + timedelta(days=2)
    stopped, opened_early = kaart.cafe, kaart.dagbesteding
    Voorziening.objects.filter(pk=stopped.pk).update(status=Status.GESTOPT)
    for voorziening in (stopped, opened_early):
        Sluiting.objects.create(voorziening=voorziening, van=first, tot_en_met=first + timedelta(days=1))
    closures.apply(first)
    Voorziening.objects.filter(pk=opened_early.pk).update(status=Status.ACTIEF)  # the provider opens early
    closures.apply(first + timedelta(days=1))
    assert Voorziening.objects.get(pk=opened_early.pk).status == Status.ACTIEF  # not closed again
    closures.apply(after)
    assert Voorziening.objects.get(pk=stopped.pk).status == Status.GESTOPT  # never opened by a closure


def test_back_to_back_closures_keep_it_closed_and_a_closure_taken_away_opens_it(kaart):
    first = timezone.localdate() + timedelta(days=5)
    cafe, one_day = kaart.cafe, timedelta(days=1)
    Sluiting.objects.create(voorziening=cafe, van=first, tot_en_met=first)
    second = Sluiting.objects.create(voorziening=cafe, van=first + one_day, tot_en_met=first + 5 * one_day)
    closures.apply(first)
    closures.apply(first + timedelta(days=1))
    cafe.refresh_from_db()
    assert cafe.status == Status.TIJDELIJK_GESLOTEN
    second.delete()  # the provider takes the closure away
    closures.apply(first + timedelta(days=1))
    cafe.refresh_from_db()
    assert (cafe.status, cafe.gesloten_door_sluiting) == (Status.ACTIEF, False)


def test_the_search_shows_a_closed_voorziening_as_closed_on_the_closures_first_day(
    client, kaart, django_capture_on_commit_callbacks
):
    from socialekaart.search import get_backend

    get_backend().rebuild()
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):  # the closure's save applies it; the index follows
        Sluiting.objects.create(voorziening=kaart.cafe, van=today, tot_en_met=today + timedelta(days=1))
    Voorziening.objects.filter(pk=kaart.dagbesteding.pk).update(status=Status.TIJDELIJK_GESLOTEN)  # by hand
    get_backend().rebuild()
    page = client.get("/sociale-kaart/").content.decode()
    # A walk: the result said "Tijdelijk gesloten", and only its page said until when.
    until = today + timedelta(days=1)
    until_text = f"{until.day} {_month(until)} {until.year}"
    assert f"Tijdelijk gesloten, tot en met {until_text}" in _card(page, kaart.cafe)
    assert "Tijdelijk gesloten</span>" in _card(page, kaart.dagbesteding)  # closed by hand: no day known


def test_the_search_announces_a_closure_that_starts_within_four_weeks(
    client, kaart, django_capture_on_commit_callbacks
):
    """A provider's walk: the Christmas closure showed on the voorziening's page, and not in the search
    results until its first day. One further away stays on the page only."""
    from socialekaart.search import get_backend

    get_backend().rebuild()
    today = timezone.localdate()
    client.get("/sociale-kaart/")  # the results' columns are remembered: the closure must renew them
    soon, later = today + timedelta(days=10), today + timedelta(days=60)
    with django_capture_on_commit_callbacks(execute=True):
        Sluiting.objects.create(voorziening=kaart.cafe, van=soon, tot_en_met=soon + timedelta(days=8))
        Sluiting.objects.create(voorziening=kaart.dagbesteding, van=later, tot_en_met=later)
    page = client.get("/sociale-kaart/").content.decode()
    end = soon + timedelta(days=8)
    said = f"Gesloten van {soon.day} {_month(soon)} {soon.year} tot en met {end.day} {_month(end)} {end.year}"
    assert said in _card(page, kaart.cafe)
    assert "Gesloten" not in _card(page, kaart.dagbesteding)


def _card(page: str, voorziening) -> str:
    card = page[page.index(f">{voorziening.name}<") :]
    return card[: card.index("</li>")]


# Now, and the nights summer time begins and ends (02:00 and 03:00 local), before the change.
NIGHTS = [None, datetime(2027, 3, 28, 0, 40, tzinfo=UTC), datetime(2027, 10, 31, 0, 40, tzinfo=UTC)]


@pytest.mark.parametrize("moment", NIGHTS, ids=str)
def test_the_task_runs_again_just_after_the_next_midnight(settings, db, moment):
    """On the night summer time began the run came at 01:01, and on the night it ended at 23:01 the evening
    before: the wait was the difference of two clock times."""
    from django_tasks_db.models import DBTaskResult

    from socialekaart.tasks import apply_closures, schedule_closures

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    moment = moment or timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=moment):
        schedule_closures()
        schedule_closures()  # one run waits, not two
    waiting = DBTaskResult.objects.get(task_path=apply_closures.module_path)
    run_at = timezone.localtime(waiting.run_after)
    assert run_at.date() == timezone.localdate(moment) + timedelta(days=1)
    assert (run_at.hour, run_at.minute) == (0, 1)


MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober"]
MONTHS += ["november", "december"]


def _month(day) -> str:
    return MONTHS[day.month - 1]


def test_a_closure_that_ended_does_not_stop_the_form_from_saving(client, kaart, aanbieder):
    """A walk: a closure of last week, not yet removed by the nightly run (a stopped worker), refused every
    save of the voorziening with "Deze dag is al voorbij", on a closure the provider did not touch."""
    today = timezone.localdate()
    Sluiting.objects.create(
        voorziening=kaart.dagbesteding, van=today - timedelta(days=6), tot_en_met=today - timedelta(days=2)
    )
    client.force_login(aanbieder)
    edit = url("voorziening", "edit", kaart.dagbesteding.pk)
    assert client.post(edit, form_data(client, edit, summary="Samen iets doen overdag.")).status_code == 302


def test_a_reason_typed_as_a_sentence_ends_in_one_full_stop(client, kaart):
    first = timezone.localdate() + timedelta(days=3)
    reden = "Wij verhuizen naar de Wilgenstraat."
    Sluiting.objects.create(voorziening=kaart.cafe, van=first, tot_en_met=first, reden=reden)
    assert f"Gesloten op {first.day} {_month(first)} {first.year}: {reden}" in _page(client, kaart.cafe)
    assert f"{reden}." not in _page(client, kaart.cafe)
