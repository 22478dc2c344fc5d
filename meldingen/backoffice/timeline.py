"""What happened to a melding, oldest first: received, status changes, notes, delivery attempts."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from meldingen.backoffice.workflow import Status
from meldingen.delivery.models import DeliveryAttempt


@dataclass
class Event:
    at: datetime
    kind: str  # "received" | "status" | "note" | "delivery"
    title: str
    text: str = ""
    who: str = ""
    success: bool | None = None


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def timeline(behandeling) -> list[Event]:
    melding = behandeling.melding
    events = [Event(melding.created_at, "received", _("Melding ontvangen"))]
    for change in behandeling.statuswijzigingen.select_related("user"):
        events.append(
            Event(
                change.at,
                "status",
                _("Status: %(status)s") % {"status": Status(change.to_status).label},
                change.toelichting,
                _name(change.user),
            )
        )
    for note in behandeling.notities.select_related("author"):
        events.append(Event(note.created_at, "note", _("Notitie"), note.text, _name(note.author)))
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
