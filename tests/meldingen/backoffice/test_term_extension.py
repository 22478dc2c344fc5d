"""A longer term for the onderzoek, with the resident's consent: a walk's consulent planned the gesprek the
resident wanted after the term, wrote why, and the melding would still count as late from the next day on."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.templatetags.core_tags import datum
from meldingen.backoffice.models import AuditEntry, Behandeling
from meldingen.backoffice.workflow import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def behandeling(staff, two_meldingen, client):
    behandeling = two_meldingen["centrum"].behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    client.force_login(staff["consulent"])
    return behandeling


def _extend_data(until) -> dict:
    return {"tot": f"{until.day}-{until.month}-{until.year}", "reden": "Na de vakantie", "instemming": "on"}


def _extend(client, behandeling, days: int, **fields):
    until = behandeling.onderzoek_deadline + timedelta(days=days)
    url = reverse("backoffice:extend_term", args=[behandeling.pk])
    return client.post(url, {**_extend_data(until), **fields}), until


def test_the_term_moves_with_the_residents_consent_and_the_first_is_kept(client, behandeling):
    first = behandeling.onderzoek_deadline
    response, until = _extend(client, behandeling, 14, reden="De inwoner wil het gesprek na de vakantie.")
    assert response.status_code == 302
    behandeling.refresh_from_db()
    assert (behandeling.onderzoek_deadline, behandeling.onderzoek_deadline_eerst) == (until, first)
    assert behandeling.next_deadline == until
    assert not behandeling.is_overdue(
        today=first + timedelta(days=1)
    )  # not late the day after the first term
    page = " ".join(client.get(response["Location"]).content.decode().split())
    assert f"Het onderzoek moet nu uiterlijk op {datum(until)} klaar zijn." in page
    assert f"verlengd met instemming van de inwoner; de wettelijke termijn was {datum(first)}" in page
    assert "Termijn onderzoek verlengd" in page and "De inwoner wil het gesprek na de vakantie." in page
    # A walk: its heading in the timeline was "Notitie".
    timeline = page[page.index('id="timeline-heading"') :]
    assert (
        "<strong>Termijn onderzoek verlengd</strong>" in timeline
        and "<strong>Notitie</strong>" not in timeline
    )
    # Why, which may tell of the resident's health, is an encrypted note; the audit log, kept for ever, says
    # only from when to when.
    entry = AuditEntry.objects.get(action=AuditEntry.Action.TERM_EXTENDED)
    assert entry.detail == f"Van {datum(first)} tot {datum(until)}, met instemming van de inwoner."
    assert "vakantie" in behandeling.notities.get().text
    # A second click sends the same again: it is said to be done, not refused.
    again = client.post(response.request["PATH_INFO"], _extend_data(until), follow=True).content.decode()
    assert "De termijn is al verlengd tot deze datum." in again
    assert AuditEntry.objects.filter(action=AuditEntry.Action.TERM_EXTENDED).count() == 1
    # Again: the law's term stays the first one, and the six weeks count from it.
    _extend(client, behandeling, 7)
    behandeling.refresh_from_db()
    assert behandeling.onderzoek_deadline_eerst == first
    assert behandeling.latest_extension == first + timedelta(weeks=6)


@pytest.mark.parametrize(
    ("days", "fields", "message"),
    [
        (14, {"instemming": ""}, "Verleng alleen als de inwoner ermee instemt. Zet dan een vinkje."),
        (0, {}, "Kies een datum na"),
        (43, {}, "Verleng tot hoogstens"),
        (14, {"reden": ""}, "Schrijf waarom het onderzoek langer duurt."),
        (14, {"tot": "31-2-2027"}, "Deze datum bestaat niet."),
    ],
)
def test_an_extension_without_consent_or_beyond_bounds_is_refused_and_what_was_typed_stays(
    client, behandeling, days, fields, message
):
    first = behandeling.onderzoek_deadline
    response, _until = _extend(client, behandeling, days, **fields)
    page = response.content.decode()
    assert response.status_code == 400 and message in page
    if fields.get("reden") != "":
        assert 'value="Na de vakantie"' in page
    assert Behandeling.objects.get(pk=behandeling.pk).onderzoek_deadline == first
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.TERM_EXTENDED).exists()


def test_the_example_is_a_day_the_term_can_move_to_and_the_messages_give_the_same(client, behandeling):
    """The hint said "Bijvoorbeeld 21-1-2027" whatever the term, the error "zo: 3-2-2026": neither a day the
    term could move to, and two of them."""
    day = behandeling.onderzoek_deadline + timedelta(weeks=2)
    example = f"{day.day}-{day.month}-{day.year}"
    for typed, message in (
        ("over twee weken", f"Schrijf de datum met cijfers, zo: {example}."),
        ("", f"Vul de nieuwe datum in, zo: {example}."),
    ):
        response, _until = _extend(client, behandeling, 14, tot=typed)
        page = response.content.decode()
        assert response.status_code == 400 and message in page, typed
        assert f"Bijvoorbeeld {example}." in page
    assert (
        f"Bijvoorbeeld {example}."
        in client.get(reverse("backoffice:melding", args=[behandeling.pk])).content.decode()
    )


def test_six_weeks_after_the_legal_term_is_the_last_day_an_extension_gives(client, behandeling):
    response, until = _extend(client, behandeling, 42)
    assert response.status_code == 302
    assert Behandeling.objects.get(pk=behandeling.pk).onderzoek_deadline == until
    page = client.get(response["Location"]).content.decode()
    assert "Termijn van het onderzoek verlengen" not in page  # no later date is allowed


def test_before_the_first_contact_the_term_cannot_be_extended(staff, two_meldingen, client):
    behandeling = two_meldingen["centrum"].behandeling
    client.force_login(staff["consulent"])
    page = client.get(reverse("backoffice:melding", args=[behandeling.pk])).content.decode()
    assert "Termijn van het onderzoek verlengen" not in page
    response, _until = _extend(client, behandeling, 14)
    said = client.get(response["Location"]).content.decode()
    assert "De termijn kan alleen langer tijdens het onderzoek, na het eerste contact." in said
    assert Behandeling.objects.get(pk=behandeling.pk).onderzoek_deadline_eerst is None


def test_a_term_that_passed_is_not_made_good_afterwards(client, behandeling):
    """A review: consent after the term does not undo that it was late, and the melding counted so."""
    Behandeling.objects.filter(pk=behandeling.pk).update(
        onderzoek_deadline=timezone.localdate() - timedelta(days=3)
    )
    behandeling.refresh_from_db()
    assert (
        "Termijn van het onderzoek verlengen"
        not in client.get(reverse("backoffice:melding", args=[behandeling.pk])).content.decode()
    )
    response, _until = _extend(client, behandeling, 20)
    assert (
        "De termijn is al voorbij. Die kan niet meer langer."
        in client.get(response["Location"]).content.decode()
    )
    assert Behandeling.objects.get(pk=behandeling.pk).onderzoek_deadline_eerst is None


def test_a_consulent_of_another_team_cannot_extend(staff, behandeling, client):
    client.force_login(staff["consulent_haven"])
    response, _until = _extend(client, behandeling, 14)
    assert Behandeling.objects.get(pk=behandeling.pk).onderzoek_deadline_eerst is None
    assert "Deze melding kunt u niet openen." in response.content.decode()


def test_extension_notes_written_before_notes_had_a_title_are_named_after_the_extension(
    client, behandeling, staff
):
    from importlib import import_module

    from django.apps import apps

    from meldingen.backoffice.models import Notitie

    migration = import_module("meldingen.backoffice.migrations.0048_extension_notes_titel")
    Notitie.add(behandeling, staff["consulent"], "Belt eerst met haar dochter.")  # a note of its own
    _extend(client, behandeling, 14)
    extension = behandeling.notities.get(titel="Termijn onderzoek verlengd")
    Notitie.objects.update(titel="")  # as they were before the field
    migration.name_extension_notes(apps, None)
    titles = dict(behandeling.notities.values_list("pk", "titel"))
    assert titles.pop(extension.pk) == "Termijn onderzoek verlengd"
    assert list(titles.values()) == [""]
