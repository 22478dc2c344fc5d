"""Closures planned in advance (models.Sluiting) made true on their days: on the first day a voorziening is
set to "Tijdelijk gesloten", after the last day to "Actief" again. The status stays the one place that says a
voorziening is closed, so the search, the HSDS API and the exports need to know nothing of closures.

`apply` runs after every change to a closure (signals.py, through tasks.apply_closures_now) and in the
recurring task `apply_closures` (tasks.py), just after each midnight; it is idempotent. Only a voorziening
a closure closed is opened again (`Voorziening.gesloten_door_sluiting`): one closed or stopped by hand stays
so, and one opened by hand during its closure is not closed again by it.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from .models import Sluiting, Voorziening

Status = Voorziening.Status


def apply(today: date | None = None) -> tuple[int, int]:
    """Close what a closure covers today, open what a closure closed and none covers now; forget closures
    that ended. Returns how many voorzieningen were closed and opened."""
    today = today or timezone.localdate()
    covered = Sluiting.objects.filter(van__lte=today, tot_en_met__gte=today).values("voorziening_id")
    closed = opened = 0
    with transaction.atomic():
        for voorziening in Voorziening.objects.filter(Q(pk__in=covered) | Q(gesloten_door_sluiting=True)):
            if voorziening.sluitingen.filter(van__lte=today, tot_en_met__gte=today).exists():
                closed += _close(voorziening)
            else:
                opened += _open(voorziening)
        Sluiting.objects.filter(tot_en_met__lt=today).delete()
    return closed, opened


def _close(voorziening: Voorziening) -> int:
    if voorziening.gesloten_door_sluiting or voorziening.status != Status.ACTIEF:
        return 0
    voorziening.status, voorziening.gesloten_door_sluiting = Status.TIJDELIJK_GESLOTEN, True
    voorziening.save(update_fields=["status", "gesloten_door_sluiting", "updated_at"])  # signals reindex it
    return 1


def _open(voorziening: Voorziening) -> int:
    opens = voorziening.status == Status.TIJDELIJK_GESLOTEN
    if opens:
        voorziening.status = Status.ACTIEF
    voorziening.gesloten_door_sluiting = False
    voorziening.save(update_fields=["status", "gesloten_door_sluiting", "updated_at"])
    return int(opens)


def announced(voorziening: Voorziening, today: date | None = None) -> tuple[Sluiting | None, list[Sluiting]]:
    """What a resident should know: the closure that closes the voorziening now (None when it is open, also
    when opened by hand), and the closures to come, the first first."""
    today = today or timezone.localdate()
    current, coming = None, []
    for sluiting in voorziening.sluitingen.all():
        if not is_announced(sluiting, voorziening.status, today):
            continue
        if sluiting.van > today:
            coming.append(sluiting)
        else:
            current = current or sluiting
    return current, coming


def is_announced(sluiting, status: str, today: date) -> bool:
    """A closure to come, or one that closes the voorziening now: not one it was opened during by hand."""
    return sluiting.van > today or (sluiting.tot_en_met >= today and status == Status.TIJDELIJK_GESLOTEN)


def last_days(voorziening_ids, today: date | None = None) -> dict:
    """The last day of the closure that covers today, per voorziening of `voorziening_ids` that has one: a
    search result says until when it is closed, as its page does."""
    today = today or timezone.localdate()
    covering = Sluiting.objects.filter(
        voorziening_id__in=voorziening_ids, van__lte=today, tot_en_met__gte=today
    )
    return dict(
        covering.values("voorziening_id")
        .annotate(last=Max("tot_en_met"))
        .values_list("voorziening_id", "last")
    )


def first_coming(voorziening_ids, today: date | None = None) -> dict:
    """The first closure to come, as (van, tot_en_met), per voorziening of `voorziening_ids` that has one: a
    search result announces it, as its page does (a provider's walk: Christmas showed only on the page)."""
    today = today or timezone.localdate()
    coming = Sluiting.objects.filter(voorziening_id__in=voorziening_ids, van__gt=today).order_by("-van")
    # Latest first, so each voorziening's first closure is the one left in the dict.
    return {pk: (van, tot) for pk, van, tot in coming.values_list("voorziening_id", "van", "tot_en_met")}
