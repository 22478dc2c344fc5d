"""The inbox query: scope to the user's meldingen, apply the filters, search, count per status, one page; and
the signals beside it: open, finished, or found by the same search."""

import re

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, F, Q, Window
from django.utils import timezone

from core.phone import digits_of
from core.reference import as_typed as reference_as_typed
from core.reference import is_possible
from meldingen.backoffice.models import AuditEntry, Behandeling, Nazorg, Signaal
from meldingen.backoffice.search_index import address_token, search_tokens
from meldingen.backoffice.workflow import Status

_REFERENCE = re.compile(r"^[A-Z]-?[A-Z0-9-]{2,}$")
NOBODY = "niemand"  # the consulent filter's value for the meldingen nobody has


# "3911 AB 12": a postcode with a house number finds the melding by its keyed address (search_index.py).
_ADDRESS = re.compile(r"^(\d{4}\s*[a-z]{2})[\s,]*(\d+)\s*[a-z]?$", re.IGNORECASE)


_POSTCODE = re.compile(r"^\d{4}\s*[a-z]{2}$", re.IGNORECASE)


def is_address(text: str) -> bool:
    """A postcode with a house number ("3911 AB 12"): a search by address, not by a name."""
    return bool(_ADDRESS.match(text.strip()))


def postcode_without_number(text: str) -> bool:
    """A postcode alone ("3911 AB") finds nothing: the address is kept as a keyed token of postcode and
    house number together."""
    return bool(_POSTCODE.match(text.strip()))


def searched_reference(text: str) -> str | None:
    """The melding reference `text` is, however typed ("m 7k3q xw9p"); None for a name ("Hendriks" has 8
    letters too) or a postcode with a house number."""
    text = text.strip()
    reference = reference_as_typed(text, "M")
    if reference is None or _ADDRESS.match(text) or not is_possible(reference):
        return None
    return reference


def search(queryset, text: str):
    text = text.strip()
    return queryset.filter(_found_by(text, "melding__reference", "M", "address_index")) if text else queryset


def _found_by(text: str, reference: str, prefix: str, address: str | None = None) -> Q:
    """What a search of the inbox finds, for meldingen and signals alike: the record whose `reference` field
    is the text (whole, in part, or read out without its dashes and its `prefix`), whose `address` field holds
    the keyed token of a postcode with a house number (a record without one finds nothing by an address: its
    letters are no name, "3911 AB 12" is not Ab), or whose blind name index holds every name word of it."""
    nothing = Q(pk__in=[])
    whole_reference = reference_as_typed(text, prefix)
    by_whole_reference = Q(**{reference: whole_reference}) if whole_reference else nothing
    postcode_and_number = _ADDRESS.match(text)
    if postcode_and_number:  # "6249TF3P" is also a reference read out without its dashes and its M
        token = address_token(*postcode_and_number.groups())
        return (Q(**{address: token}) if address else nothing) | by_whole_reference
    tokens = search_tokens(text)
    by_name = Q(*(Q(name_index__contains=f" {token} ") for token in tokens))
    if tokens and not (whole_reference or _REFERENCE.match(text.upper())):
        return by_name
    in_part = text.upper().replace(" ", "")
    typed = Q(**{f"{reference}__iexact": text}) | Q(**{f"{reference}__icontains": in_part})
    return typed | by_whole_reference | (by_name if tokens else nothing)


def _has_onderwerp(code: str) -> Q:
    """The melding's list of onderwerpen holds `code`. PostgreSQL asks the JSON list itself (@>), cheap for
    every row; SQLite, which cannot, matches the quoted code in the list's text."""
    if connection.features.supports_json_field_contains:
        return Q(melding__onderwerpen__contains=[code])
    return Q(melding__onderwerpen__icontains=f'"{code}"')


def filtered(user, data: dict):
    """`data` is a valid InboxFilterForm's cleaned_data."""
    queryset = Behandeling.objects.visible_to(user).select_related(
        "melding", "melding__wijk", "team", "consulent"
    )
    status = data.get("status")
    if status == "alle" or (not status and searched_reference(data.get("q") or "")):
        pass  # a whole reference finds its melding also when closed: a resident calls about an old one
    elif status:
        queryset = queryset.filter(status=status)
    else:
        queryset = queryset.open()
    if data.get("wijk"):
        queryset = queryset.filter(melding__wijk=data["wijk"])
    if data.get("onderwerp"):
        queryset = queryset.filter(_has_onderwerp(data["onderwerp"]))
    if data.get("spoed"):
        queryset = queryset.filter(melding__spoed=data["spoed"] == "ja")
    if data.get("soort"):
        queryset = queryset.filter(melding__soort=data["soort"])
    queryset = _by_deadline(queryset, data.get("over_termijn"), data.get("bijna_te_laat"))
    return search(_of_whom(queryset, user, data), data.get("q") or "").in_deadline_order()


def _of_whom(queryset, user, data: dict):
    """The inbox's filters on whose work it is (a team, mine, a consulent, nobody), for meldingen and signals
    alike: both have a team and a consulent."""
    if data.get("team"):
        queryset = queryset.filter(team=data["team"])
    if data.get("mijn"):
        queryset = queryset.filter(consulent=user)
    if data.get("consulent") == NOBODY:
        queryset = queryset.filter(consulent__isnull=True)
    elif data.get("consulent"):
        queryset = queryset.filter(consulent=data["consulent"])
    return queryset


def _by_deadline(queryset, late: bool, due_soon: bool):
    """Late, nearly late, or (both ticked) either, of meldingen or signals: a walk's consulent ticked both to
    see what needs action, and the two, each excluding the other, left the list empty."""
    today = timezone.localdate()
    if late and due_soon:
        return queryset.filter(queryset.late_q(today) | queryset.due_soon_q(today))
    if late:
        return queryset.filter(queryset.late_q(today))
    return queryset.filter(queryset.due_soon_q(today)) if due_soon else queryset


# The columns a row of the inbox (inbox_rows.html and its deadline tag) and of its CSV shows. The lists read
# only these: not each melding's encrypted answers or the name index, and they make lighter objects.
ROW_FIELDS = (
    *("status", "next_deadline", "contact_deadline", "onderzoek_deadline", "onderzoek_afgerond_at"),
    *("aanvraag_at", "beschikking_deadline", "closed_at", "gesprek_op"),
    *("melding__reference", "melding__created_at", "melding__soort", "melding__spoed", "melding__wijk__name"),
    "melding__onderwerpen",
    *("team__name", "consulent__username", "consulent__first_name", "consulent__last_name"),
)


def only_row_columns(queryset):
    """`queryset` (from filtered()) reading only what a row of the inbox shows."""
    return queryset.only(*ROW_FIELDS)


class InboxPaginator(Paginator):
    """Django's Paginator, but a page and the total come from one walk over the list. Django's counts the
    whole list and then walks it again for the page's rows; here the database counts the list beside the keys
    of the page's rows (COUNT(*) OVER ()), and only those rows are then read in full, by key."""

    def get_page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            number = 1
        if number >= 1:  # anything else, or a page past the end: Django's own answer (the last page)
            start = (number - 1) * self.per_page
            keys = list(
                self.object_list.annotate(total=Window(Count("*"))).values_list("pk", "total")[
                    start : start + self.per_page
                ]
            )
            if keys:
                self.count = keys[0][1]
                rows = self.object_list.in_bulk([pk for pk, _total in keys])
                return self._get_page([rows[pk] for pk, _total in keys if pk in rows], number, self)
        return super().get_page(number)


def calls_not_reached_per_melding(rows) -> dict[int, int]:
    """Per melding of `rows` that waits for its first contact: the calls nobody answered (one query, only for
    a page that has such rows). A colleague working from the list saw nothing of them."""
    waiting = [row.melding_id for row in rows if row.status == Status.ONTVANGEN]
    if not waiting:
        return {}
    calls = AuditEntry.objects.filter(melding__in=waiting, action=AuditEntry.Action.CONTACT_NOT_REACHED)
    return dict(calls.values_list("melding").annotate(total=Count("*")).order_by())


def status_counts(user) -> list[tuple[str, str, int]]:
    # COUNT(*) rather than of the pk: the (team, status) index alone answers it.
    counts = dict(
        Behandeling.objects.visible_to(user).values_list("status").annotate(total=Count("*")).order_by()
    )
    return [(value, label, counts.get(value, 0)) for value, label in Status.choices]


# The inbox's filters the open signals above it follow; the others (status, onderwerp, spoed, soort) are about
# meldingen only.
SIGNAL_FILTERS = ("team", "mijn", "consulent", "wijk", "over_termijn", "bijna_te_laat")


def filters_signals(data: dict) -> bool:
    return any(data.get(name) for name in SIGNAL_FILTERS)


SIGNALEN_SHOWN = 50  # above the inbox's filters and meldingen


def open_signalen(user, data: dict | None = None) -> tuple[list, int]:
    """The signals from providers and professionals the wijkteam has not finished, nearest term first; as the
    inbox's filters on whose work, which wijk and which terms choose them (a teamleider who followed "Bijna te
    laat" of one consulent in Werkverdeling read a signal of nobody's, with days to go, above her list).
    Returns the first SIGNALEN_SHOWN and how many there are."""
    data = data or {}
    found = _of_whom(Signaal.objects.visible_to(user).open(), user, data)
    if data.get("wijk"):
        found = found.filter(wijk=data["wijk"])
    return _first_shown(_by_deadline(found, data.get("over_termijn"), data.get("bijna_te_laat")))


def signalen_found(user, text: str) -> tuple[list, int]:
    """The signals, open or finished, that a search of the inbox finds as it finds meldingen (_found_by), the
    newest first: a client or a family member may call about a signal as about a melding. Returns the first
    SIGNALEN_SHOWN and how many there are."""
    text = text.strip()
    if not text:
        return [], 0
    found = Signaal.objects.visible_to(user).filter(_found_by(text, "reference", "S"))
    return _first_shown(found.order_by("-created_at", "-pk"))


def _first_shown(signalen) -> tuple[list, int]:
    # Counted only when the list is cut off: the heading said "50 signalen" of 73.
    shown = list(signalen.select_related("team", "wijk", "consulent")[:SIGNALEN_SHOWN])
    return shown, (signalen.count() if len(shown) == SIGNALEN_SHOWN else len(shown))


def open_at_the_same_address(user, behandeling) -> list:
    """The other open meldingen for the resident's address that the user may see, the oldest first: a mother's
    own melding and her son's for her were handled apart, and two consulenten could call her."""
    if not behandeling.address_index:
        return []
    others = Behandeling.objects.visible_to(user).open().filter(address_index=behandeling.address_index)
    others = others.exclude(pk=behandeling.pk).select_related("melding", "consulent")
    return list(others.order_by("melding__created_at"))


# A signal and a melding about the same person, so the team agrees who calls. A walk: a huisarts' signal and a
# daughter's melding for the same man stood side by side in the list, and neither page said so. The signal's
# client and the melding's resident are the same person when every word of the signal's name is in the
# resident's, two of them no tussenvoegsel ("de Vries" alone would link every De Vries in the wijk), in the
# same wijk; the words are compared by their keyed hashes, as the inbox's search does.
TUSSENVOEGSELS = "de den der het la le te ten ter van von"  # one-letter words are no name words at all
SAME_NAME_MIN_WORDS = 2


def _resident_words(melding) -> set[str]:
    return set(search_tokens(melding.resident_name)) if melding.encrypted_answers else set()


def _enough_words(words: set[str], tussenvoegsels: set[str]) -> bool:
    return len(words - tussenvoegsels) >= SAME_NAME_MIN_WORDS


def open_signalen_about(user, behandeling) -> list:
    """The open signals the user may see about this open melding's resident, the oldest first."""
    melding = behandeling.melding
    resident = _resident_words(melding)
    if behandeling.closed_at or melding.wijk_id is None or not resident:
        return []
    candidates = Signaal.objects.visible_to(user).open().filter(wijk_id=melding.wijk_id)
    tussenvoegsels = set(search_tokens(TUSSENVOEGSELS))
    return [
        signaal
        for signaal in candidates.order_by("created_at", "pk")
        if _enough_words(words := set(signaal.name_index.split()), tussenvoegsels) and words <= resident
    ]


def open_meldingen_about(user, signaal) -> list:
    """The open meldingen the user may see whose resident is this open signal's client, the oldest first."""
    words = set(signaal.name_index.split())
    enough = _enough_words(words, set(search_tokens(TUSSENVOEGSELS)))
    if signaal.status == Signaal.Status.AFGEROND or signaal.wijk_id is None or not enough:
        return []
    found = Behandeling.objects.visible_to(user).open().filter(melding__wijk_id=signaal.wijk_id)
    for word in words:  # every word in the melding's index (its resident's and maker's): the few to compare
        found = found.filter(name_index__contains=f" {word} ")
    found = found.select_related("melding", "consulent").order_by("melding__created_at", "pk")
    return [behandeling for behandeling in found if words <= _resident_words(behandeling.melding)]


def _named_enough(melding) -> bool:
    return _enough_words(_resident_words(melding), set(search_tokens(TUSSENVOEGSELS)))


def same_name_in_the_wijk(melding, other) -> bool:
    """Whether two meldingen name the same resident, two words or more besides tussenvoegsels, in one wijk: a
    walk's son made a second melding for his mother with a typo in her postcode, so their addresses differ."""
    return (
        melding.wijk_id is not None
        and other.wijk_id == melding.wijk_id
        and _named_enough(melding)
        and _resident_words(other) == _resident_words(melding)
    )


def same_resident_elsewhere(melding, other) -> bool:
    """The same name in the same wijk, and a phone number or birth date they share: a name alone ("Anna de
    Vries") may be two people, and a double closes one melding for good."""
    if not same_name_in_the_wijk(melding, other):
        return False
    one, two = melding.typed_answers, other.typed_answers
    shares_a_number = bool(_phone_numbers(one) & _phone_numbers(two))
    born = one.resident.text("geboortedatum")
    return shares_a_number or (bool(born) and born == two.resident.text("geboortedatum"))


def _phone_numbers(answers) -> set[str]:
    """The resident's and the writer's numbers, as digits."""
    typed = (answers.resident.text("telefoon"), answers.step(answers.writer_step).text("telefoon"))
    return {digits for number in typed if (digits := digits_of(number))}


def open_with_the_same_name(user, behandeling, besides=()) -> list:
    """The other open meldingen the user may see for a resident of the same name in the same wijk
    (same_name_in_the_wijk), at another address than `besides` (open_at_the_same_address's), oldest first."""
    melding = behandeling.melding
    if behandeling.closed_at or melding.wijk_id is None or not _named_enough(melding):
        return []
    resident = _resident_words(melding)
    found = Behandeling.objects.visible_to(user).open().filter(melding__wijk_id=melding.wijk_id)
    for word in resident:  # every word in the other's index (its resident's and maker's): the few to compare
        found = found.filter(name_index__contains=f" {word} ")
    found = found.exclude(pk__in=[behandeling.pk, *(other.pk for other in besides)])
    found = found.select_related("melding", "consulent").order_by("melding__created_at", "pk")
    return [other for other in found if same_name_in_the_wijk(melding, other.melding)]


def finished_signalen(user):
    """The signals the wijkteam finished, the last finished first: a sender may call about one later."""
    return (
        Signaal.objects.visible_to(user)
        .filter(status=Signaal.Status.AFGEROND)
        .select_related("team", "wijk", "consulent")
        .order_by("-closed_at", "-pk")
    )


# The oldest few, each with its form, above the meldingen: the list is a to-do list worked from the top (the
# next call shows once one is recorded), and 50 forms put the filters and the meldingen thousands of pixels
# down the page.
NAZORG_SHOWN = 5


def nazorg_due(user, today=None) -> tuple[list, bool]:
    """The nazorg calls that are due and not made yet, the earliest first, as rows (pk, behandeling_id,
    reference, due_date, in_time_until, niet_bereikt_op): the first NAZORG_SHOWN, and whether there are
    more. One more row says so; counting them all would make the database check the team of every call due,
    of every team, on each visit."""
    rows = (
        Nazorg.objects.visible_to(user)
        .due(today or timezone.localdate())
        .annotate(reference=F("behandeling__melding__reference"))
        .values_list(
            "pk", "behandeling_id", "reference", "due_date", "in_time_until", "niet_bereikt_op", named=True
        )
    )
    calls = list(rows[: NAZORG_SHOWN + 1])
    return calls[:NAZORG_SHOWN], len(calls) > NAZORG_SHOWN
