"""The audit log can be added to, never changed or deleted, and has no edit views."""

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from meldingen.backoffice.models import AuditEntry, ImmutableError, Nazorg
from meldingen.backoffice.workflow import Status


def test_audit_entries_cannot_be_changed_or_deleted(staff, two_meldingen):
    entry = AuditEntry.record(staff["teamleider"], two_meldingen["centrum"], AuditEntry.Action.VIEWED)
    entry.detail = "gewijzigd"
    with pytest.raises(ImmutableError):
        entry.save()
    with pytest.raises(ImmutableError):
        entry.delete()
    with pytest.raises(ImmutableError):
        AuditEntry.objects.filter(pk=entry.pk).update(detail="gewijzigd")
    with pytest.raises(ImmutableError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).detail == ""


def test_the_log_survives_a_deleted_user(staff, two_meldingen):
    AuditEntry.record(staff["consulent"], two_meldingen["centrum"], AuditEntry.Action.VIEWED)
    staff["consulent"].delete()
    entry = AuditEntry.objects.get()
    assert entry.username == "consulent-centrum"


def test_there_is_no_edit_view_for_the_log():
    for name in (
        "backoffice:audit_edit",
        "backoffice:audit_delete",
        "wagtailsnippets_backoffice_auditentry:edit",
    ):
        with pytest.raises(NoReverseMatch):
            reverse(name, args=[1])


def test_the_log_can_be_read_by_teamleider_and_beheerder_only(staff, two_meldingen, client):
    from .fixtures import assert_refused

    reference = two_meldingen["centrum"].reference
    client.force_login(staff["consulent"])
    client.get(reverse("backoffice:melding", args=[two_meldingen["centrum"].behandeling.pk]))
    assert_refused(client.get(reverse("backoffice:audit")))
    for role in ("teamleider", "beheerder"):
        client.force_login(staff[role])
        html = client.get(reverse("backoffice:audit"), {"kenmerk": reference.lower()}).content.decode()
        assert "consulent-centrum" in html and "Gegevens bekeken" in html and reference in html
        assert "Anna" not in html
        assert client.post(reverse("backoffice:audit")).status_code == 405
    assert AuditEntry.objects.count() == 1


def test_the_log_finds_a_user_by_the_name_staff_know_her_by(staff, two_meldingen, client):
    """The timeline says "Sanne Bakker"; the filter wanted the exact login name "consulent-centrum"."""
    staff["consulent"].first_name, staff["consulent"].last_name = "Sanne", "Bakker"
    staff["consulent"].save()
    client.force_login(staff["consulent"])
    client.get(reverse("backoffice:melding", args=[two_meldingen["centrum"].behandeling.pk]))
    client.force_login(staff["teamleider"])
    for typed in ("Sanne Bakker", "bakker", "Consulent-Centrum"):
        html = client.get(reverse("backoffice:audit"), {"gebruiker": typed}).content.decode()
        assert "Gegevens bekeken" in html, typed
    html = client.get(reverse("backoffice:audit"), {"gebruiker": "Jansen"}).content.decode()
    assert "Gegevens bekeken" not in html
    # A walk: the log's "Wie" named only the login, where the timeline names Sanne Bakker.
    html = client.get(reverse("backoffice:audit")).content.decode()
    assert "<td>Sanne Bakker (consulent-centrum)</td>" in html


def test_the_log_says_status_changes_and_outcomes_in_words(staff, two_meldingen):
    behandeling = two_meldingen["centrum"].behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    entry = AuditEntry.objects.get(action=AuditEntry.Action.STATUS_CHANGED)
    assert entry.detail == "Ontvangen → Contact opgenomen"


def test_a_melding_asked_for_outside_ones_reach_is_logged(staff, two_meldingen, client):
    """A walk: a consulent of Oude Haven opened a Centrum melding, got "Melding niet gevonden", and the audit
    log said nothing of the attempt. A post that locks the melding (a status change) is logged as well."""
    behandeling = two_meldingen["centrum"].behandeling
    client.force_login(staff["consulent_haven"])
    page = client.get(reverse("backoffice:melding", args=[behandeling.pk]))
    assert page.status_code == 404 and "Deze melding kunt u niet openen." in page.content.decode()
    client.post(reverse("backoffice:change_status", args=[behandeling.pk]), {"status": "contact_opgenomen"})

    def refused():  # read anew each time: a queryset once listed counts its cached rows
        entries = AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS_REFUSED)
        return [(entry.username, entry.reference) for entry in entries]

    assert refused() == [("consulent-haven", behandeling.melding.reference)] * 2
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.VIEWED).exists()
    client.get(reverse("backoffice:melding", args=[behandeling.pk + 1000]))  # no such melding: nothing to log
    assert len(refused()) == 2
    nazorg = Nazorg.schedule(behandeling, timezone.localdate())  # and its nazorg call, named by its own key
    client.post(reverse("backoffice:record_nazorg", args=[nazorg.pk]), {"uitkomst": "tevreden"})
    assert len(refused()) == 3
