"""The status workflow: every allowed edge works, every other edge raises, closing sets Melding.closed_at."""

import itertools

import pytest

from meldingen.backoffice.models import AuditEntry, Behandeling, Statuswijziging
from meldingen.backoffice.workflow import CLOSED_STATUSES, TRANSITIONS, Status, TransitionNotAllowed
from meldingen.models import Melding

from .fixtures import store

ALLOWED = {
    (Status.ONTVANGEN, Status.CONTACT_OPGENOMEN),
    (Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND),
    (Status.GESPREK_GEPLAND, Status.GESPREK_GEPLAND),  # planned again: the gesprek moves
    (Status.GESPREK_GEPLAND, Status.ONDERZOEK_AFGEROND),
    (Status.ONDERZOEK_AFGEROND, Status.AANVRAAG_ONTVANGEN),
    (Status.CONTACT_OPGENOMEN, Status.AANVRAAG_ONTVANGEN),  # the resident applies before the onderzoek ends
    (Status.GESPREK_GEPLAND, Status.AANVRAAG_ONTVANGEN),
    (Status.ONDERZOEK_AFGEROND, Status.AFGEHANDELD),  # no aanvraag: the resident wants none
    (Status.AANVRAAG_ONTVANGEN, Status.AFGEHANDELD),
    (Status.AFGEHANDELD, Status.AFGEHANDELD),  # again: the uitkomst is corrected
    (Status.ONTVANGEN, Status.INGETROKKEN),
    (Status.CONTACT_OPGENOMEN, Status.INGETROKKEN),
    (Status.GESPREK_GEPLAND, Status.INGETROKKEN),
    (Status.ONDERZOEK_AFGEROND, Status.INGETROKKEN),
    (Status.AANVRAAG_ONTVANGEN, Status.INGETROKKEN),
    # the same question came in twice: this one stops, the other goes on (seen before a gesprek is planned)
    (Status.ONTVANGEN, Status.DUBBEL),
    (Status.CONTACT_OPGENOMEN, Status.DUBBEL),
}
ALL_EDGES = list(itertools.product(Status.values, Status.values))


def test_the_transition_table_is_exactly_the_workflow():
    table = {(source, target) for source, targets in TRANSITIONS.items() for target in targets}
    assert table == ALLOWED


def _in_status(status, teams):
    behandeling = store().behandeling
    Behandeling.objects.filter(pk=behandeling.pk).update(status=status)
    behandeling.refresh_from_db()
    return behandeling


@pytest.mark.parametrize(("source", "target"), ALL_EDGES)
def test_every_edge(source, target, teams, staff):
    behandeling = _in_status(source, teams)
    if (source, target) in ALLOWED:
        other = {"dubbel_van": store().behandeling} if target == Status.DUBBEL else {}
        behandeling.change_status(target, staff["teamleider"], **other)
        behandeling.refresh_from_db()
        assert behandeling.status == target
        assert Statuswijziging.objects.filter(
            behandeling=behandeling, from_status=source, to_status=target
        ).exists()
        closed_at = Melding.objects.get(pk=behandeling.melding_id).closed_at
        if source not in CLOSED_STATUSES:  # a correction of a closed melding closes nothing anew
            assert (closed_at is not None) == (target in CLOSED_STATUSES)
    else:
        with pytest.raises(TransitionNotAllowed):
            behandeling.change_status(target, staff["teamleider"])
        behandeling.refresh_from_db()
        assert behandeling.status == source
        assert not Statuswijziging.objects.filter(behandeling=behandeling).exists()


def test_walking_the_whole_workflow_moves_the_deadline_and_logs_it(teams, staff):
    behandeling = store().behandeling
    assert behandeling.next_deadline == behandeling.contact_deadline
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    assert behandeling.next_deadline == behandeling.onderzoek_deadline and behandeling.contacted_at
    behandeling.change_status(Status.GESPREK_GEPLAND, staff["consulent"])
    behandeling.change_status(Status.ONDERZOEK_AFGEROND, staff["consulent"])
    assert behandeling.next_deadline is None and behandeling.onderzoek_on_time is True
    behandeling.change_status(Status.AFGEHANDELD, staff["consulent"], toelichting="Beschikking verstuurd")
    assert (
        behandeling.melding.__class__.objects.get(pk=behandeling.melding_id).closed_at
        == behandeling.closed_at
    )
    assert (
        AuditEntry.objects.filter(reference=behandeling.melding.reference, action="status_changed").count()
        == 4
    )
