"""The inbox query: scope to the user's meldingen, apply the filters, search, count per status."""

import re

from django.db.models import Count, Q
from django.utils import timezone

from meldingen.backoffice.models import Behandeling, Nazorg, Signaal
from meldingen.backoffice.search_index import search_tokens
from meldingen.backoffice.workflow import Status

_REFERENCE = re.compile(r"^[A-Z]-?[A-Z0-9-]{2,}$")


def search(queryset, text: str):
    text = text.strip()
    if not text:
        return queryset
    condition = Q(melding__reference__iexact=text) | Q(
        melding__reference__icontains=text.upper().replace(" ", "")
    )
    tokens = search_tokens(text)
    if tokens:
        by_name = Q()
        for token in tokens:
            by_name &= Q(name_index__contains=f" {token} ")
        if not _REFERENCE.match(text.upper()):
            return queryset.filter(by_name)
        condition |= by_name
    return queryset.filter(condition)


def filtered(user, data: dict):
    """`data` is a valid InboxFilterForm's cleaned_data."""
    queryset = Behandeling.objects.visible_to(user).select_related(
        "melding", "melding__wijk", "team", "consulent"
    )
    status = data.get("status")
    if status == "alle":
        pass
    elif status:
        queryset = queryset.filter(status=status)
    else:
        queryset = queryset.open()
    if data.get("team"):
        queryset = queryset.filter(team=data["team"])
    if data.get("wijk"):
        queryset = queryset.filter(melding__wijk=data["wijk"])
    if data.get("onderwerp"):
        # JSON list contains: portable across SQLite and PostgreSQL by matching the quoted code.
        queryset = queryset.filter(melding__onderwerpen__icontains=f'"{data["onderwerp"]}"')
    if data.get("spoed"):
        queryset = queryset.filter(melding__spoed=data["spoed"] == "ja")
    if data.get("soort"):
        queryset = queryset.filter(melding__soort=data["soort"])
    if data.get("over_termijn"):
        queryset = queryset.filter(next_deadline__lt=timezone.localdate())
    return search(queryset, data.get("q") or "").in_deadline_order()


def status_counts(user) -> list[tuple[str, str, int]]:
    # COUNT(*) rather than of the pk: the (team, status) index alone answers it.
    counts = dict(
        Behandeling.objects.visible_to(user).values_list("status").annotate(total=Count("*")).order_by()
    )
    return [(value, label, counts.get(value, 0)) for value, label in Status.choices]


def open_signalen(user):
    """The signals from providers and professionals the wijkteam has not finished, nearest term first."""
    return list(Signaal.objects.visible_to(user).open().select_related("team", "wijk")[:50])


def nazorg_due(user, today=None):
    """The nazorg calls that are due and not made yet."""
    return list(
        Nazorg.objects.visible_to(user)
        .due(today or timezone.localdate())
        .select_related("behandeling__melding")[:50]
    )
