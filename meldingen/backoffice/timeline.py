"""What happened to a melding, oldest first: received, assignments, status changes, notes, verwijzingen,
nazorg, delivery attempts."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from meldingen.backoffice.models import AuditEntry
from meldingen.backoffice.roles import display_name
from meldingen.backoffice.workflow import Status, Uitkomst
from meldingen.delivery.models import DeliveryAttempt


@dataclass
class Event:
    at: datetime
    kind: str  # "received" | "assigned" | "status" | "note" | "verwijzing" | "nazorg" | "delivery"
    title: str
    text: str = ""
    who: str = ""
    success: bool | None = None
    recorded_at: datetime | None = None  # written down later: `at` is a day's, its time nobody gave


def _name(user) -> str:
    return display_name(user) if user else ""


def _nazorg_after_correction(before: str, after: str, nazorg) -> str:
    """What a corrected uitkomst did to the nazorg call (Behandeling._plan_nazorg): its block comes or goes
    on the page, and the timeline says why. A call already made stays."""
    if nazorg is not None and nazorg.done_at is not None:
        return ""
    if before == Uitkomst.TOEGEKEND and after != Uitkomst.TOEGEKEND:
        return ". " + _("Het nazorggesprek vervalt.")
    if after == Uitkomst.TOEGEKEND and before != Uitkomst.TOEGEKEND:
        return ". " + _("Het nazorggesprek is gepland.")
    return ""


def timeline(behandeling, verwijzingen, thema_names: dict[str, str]) -> list[Event]:
    """The melding's events, oldest first; `verwijzingen` (with their users) and the kaart's `thema_names` as
    the melding's page read them for itself."""
    melding = behandeling.melding
    events = [Event(melding.created_at, "received", _("Melding ontvangen"))]
    nazorg = getattr(behandeling, "nazorg", None)
    uitkomst = ""  # the uitkomst so far, for what a correction did to the nazorg call
    for change in behandeling.statuswijzigingen.select_related("user"):
        title = _("Status: %(status)s") % {"status": Status(change.to_status).label}
        if change.moves_gesprek:
            title = _("Gesprek verplaatst")
        if change.gesprek_op:  # each planning with the moment planned then
            title = _("%(status)s. Op %(moment)s") % {
                "status": title,
                "moment": change.gesprek_when_and_where(),
            }
        if change.corrects_uitkomst:
            title = _("Uitkomst gecorrigeerd: %(uitkomst)s") % {"uitkomst": change.get_uitkomst_display()}
            title += _nazorg_after_correction(uitkomst, change.uitkomst, nazorg)
        elif change.verslag_verstuurd:
            title = _("%(status)s. Verslag naar de inwoner gestuurd") % {"status": title}
        elif change.uitkomst:  # the uitkomst given then, though corrected later
            title = _("%(status)s. Uitkomst: %(uitkomst)s") % {
                "status": title,
                "uitkomst": change.get_uitkomst_display(),
            }
        events.append(
            Event(
                change.at,
                "status",
                title,
                change.toelichting,
                _name(change.user),
                recorded_at=change.recorded_at,
            )
        )
        uitkomst = change.uitkomst or uitkomst
    # Who has the melding in hand, as the audit log recorded each assignment (by a teamleider, or taken), and
    # each call (first or nazorg) that did not reach the resident, each verwijzing taken away and each step
    # recorded once (the persoonlijk plan came in, a cliëntondersteuner was arranged, the resident consented).
    # A correction of the nazorg call is told by its note (from what to what, and why); here it only marks the
    # call. A longer term for the onderzoek is told by its note only (from when to when, and why).
    logged = {
        AuditEntry.Action.ASSIGNED: "assigned",
        AuditEntry.Action.NAZORG_NOT_REACHED: "nazorg",
        AuditEntry.Action.CONTACT_NOT_REACHED: "status",
        AuditEntry.Action.REFERRAL_REMOVED: "verwijzing",
        AuditEntry.Action.PLAN_RECEIVED: "status",
        AuditEntry.Action.SUPPORT_ARRANGED: "status",
        AuditEntry.Action.HEALTH_CONSENT: "status",
        AuditEntry.Action.TEMPORARY_HELP: "status",
        AuditEntry.Action.REPORT_WRITTEN: "status",
        AuditEntry.Action.REPORT_SENT: "status",
        AuditEntry.Action.STEP_UNDONE: "status",
    }
    corrected = AuditEntry.Action.NAZORG_CORRECTED
    entries = AuditEntry.objects.filter(melding=melding, action__in=[*logged, corrected])
    nazorg_corrected = False
    for entry in entries.select_related("user"):
        if entry.action == corrected:
            nazorg_corrected = True
            continue
        who = _name(entry.user) or entry.username
        events.append(
            Event(entry.at, logged[entry.action], entry.get_action_display(), entry.shown_detail, who)
        )
    for note in behandeling.notities.select_related("author"):
        events.append(
            Event(note.created_at, "note", note.titel or _("Notitie"), note.text, _name(note.author))
        )
    for verwijzing in verwijzingen:
        events.append(
            Event(
                verwijzing.created_at,
                "verwijzing",
                _("%(soort)s: %(name)s")
                % {"soort": verwijzing.get_soort_display(), "name": verwijzing.voorziening_name},
                _("Thema %(thema)s, wijk %(wijk)s")
                % {
                    "thema": thema_names.get(verwijzing.thema, verwijzing.thema),
                    "wijk": verwijzing.wijk or "-",
                },
                _name(verwijzing.user),
            )
        )
    if nazorg is not None and nazorg.done_at is not None:
        title = _("Nazorg: %(uitkomst)s (later verbeterd)") if nazorg_corrected else _("Nazorg: %(uitkomst)s")
        events.append(
            Event(
                nazorg.done_at,
                "nazorg",
                title % {"uitkomst": nazorg.get_uitkomst_display()},
                nazorg.note,
                _name(nazorg.done_by),
            )
        )
    attempts = DeliveryAttempt.objects.filter(job__melding=melding).select_related("job__target")
    for attempt in attempts:
        title = _("Bezorgd bij %(target)s") if attempt.success else _("Bezorgen bij %(target)s mislukt")
        events.append(
            Event(
                attempt.finished_at,
                "delivery",
                title % {"target": attempt.job.target.name},
                attempt.result if attempt.success else f"{attempt.result} {attempt.error}".strip(),
                success=attempt.success,
            )
        )
    return sorted(events, key=lambda event: event.at)
