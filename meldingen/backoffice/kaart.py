"""The kaart in the gesprek: which voorliggende voorzieningen fit a melding, and recording the ones the
consulent discussed or referred to. The kaart is asked only through socialekaart/public.py.

`ONDERWERP_THEMAS` is the one place that maps the melding's onderwerpen (meldingen/choices.py) to the kaart's
thema codes (socialekaart/demo/taxonomy.py); a new onderwerp needs an entry here (a test checks that).
"""

import itertools

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meldingen.backoffice.models import AuditEntry, Verwijzing
from meldingen.backoffice.routing import wijk_for
from meldingen.choices import ONDERWERPEN
from socialekaart import public as kaart
from socialekaart.public import SearchUnavailable

ONDERWERP_THEMAS: dict[str, tuple[str, ...]] = {
    "huishouden": ("huishouden", "maaltijden"),
    "eten": ("maaltijden", "huishouden"),
    "begeleiding": ("begeleiding", "clientondersteuning"),
    "dagbesteding": ("dagbesteding", "ontmoeting"),
    "vervoer": ("vervoer",),
    "woning": ("wonen",),
    "hulpmiddel": ("hulpmiddelen",),
    "mantelzorg": ("mantelzorg",),
    "ontmoeting": ("ontmoeting", "maaltijden"),
    "anders": ("clientondersteuning", "ontmoeting"),
}
CLIENTONDERSTEUNING = "clientondersteuning"
# A short melding has no onderwerpen yet: the gesprek starts with these.
WITHOUT_ONDERWERPEN = (CLIENTONDERSTEUNING, "ontmoeting", "mantelzorg")

# The kaart's doelgroepen (socialekaart/demo/taxonomy.py) of an age, with its ages, and those a melding does
# not ask about. Help meant only for such groups, or for another age, comes after the rest (help for the
# resident's age, for mantelzorgers, for everyone, or for a group not named here): a walk's consulent was
# offered the GGZ inloop before the places to meet for a forgetful woman of 82.
AGE_DOELGROEPEN = {"jongeren": (0, 22), "volwassenen": (18, 64), "ouderen": (65, 150)}
NOT_ASKED = frozenset({"ggz", "beperking", "gezinnen", "nieuwkomers"})

SUGGESTIONS = 10
BY_WORDS = 5  # found for the resident's own words, above the rest
RECORDABLE = 1000  # every fitting voorziening may be recorded, also one below the first ten
NO_THEMA = _("Geen thema")


def themes_for(onderwerpen) -> list[str]:
    """The kaart's themes for the onderwerpen: each onderwerp's own thema first, then the others. A referral
    is counted under the first one its voorziening has: the steunpunt mantelzorg (cliëntondersteuning and
    mantelzorg), for "begeleiding" and "Rust voor de mantelzorger", was counted under cliëntondersteuning."""
    codes = [code for code in onderwerpen or () if code in ONDERWERP_THEMAS]
    own = [ONDERWERP_THEMAS[code][0] for code in codes]
    others = [theme for code in codes for theme in ONDERWERP_THEMAS[code][1:]]
    return list(dict.fromkeys(own + others)) or list(WITHOUT_ONDERWERPEN)


def _themes(melding) -> list[str]:
    """themes_for the onderwerpen, and cliëntondersteuning when the resident asked for it: last, so a referral
    still counts under an onderwerp's own thema first (`record`)."""
    themes = themes_for(melding.onderwerpen)
    asked = melding.asks_for_clientondersteuner and CLIENTONDERSTEUNING not in themes
    return [*themes, CLIENTONDERSTEUNING] if asked else themes


def _fitting(melding) -> list[kaart.KaartVoorziening]:
    """Every voorziening that fits the melding, nearest first; with the resident's age, help meant only for
    groups the melding does not ask about or for another age after the rest (NOT_ASKED, AGE_DOELGROEPEN)."""
    about = _about(melding)
    found = kaart.voorzieningen_for(_themes(melding), wijk_for(melding), limit=RECORDABLE, **about)
    if about.get("age") is None:
        return found
    for_others = NOT_ASKED | {
        code for code, (youngest, oldest) in AGE_DOELGROEPEN.items() if not youngest <= about["age"] <= oldest
    }
    return sorted(found, key=lambda item: bool(item.doelgroepen) and for_others.issuperset(item.doelgroepen))


def _by_words(melding) -> list[kaart.KaartVoorziening]:
    """What the kaart's search finds for the melding's own words about what is needed ("Mijn moeder valt vaak
    en vergeet haar pillen"): a walk's consulent was offered cliëntondersteuning and places to meet for them,
    and not the course against falling; another's long melding, whose onderwerpen were eten and begeleiding,
    said "Ze valt soms" under "Wat lukt niet meer?", and the personenalarmering was not offered. Help of the
    onderwerpen's own themes stands in their own parts."""
    if not melding.encrypted_answers:
        return []
    # The onderwerpen's themes only: a short melding's cliëntondersteuning too left the casemanager dementie
    # found for "vergeetachtig" out here, and below it came after twelve nearer ones (the review).
    own = tuple(_onderwerp_themes(melding))
    about = {**_about(melding), "limit": BY_WORDS, "other_than": own}
    words = melding.typed_answers.needs_in_words
    return kaart.voorzieningen_for_words(words, wijk_for(melding), **about)


def suggestions(melding, limit: int = SUGGESTIONS, found=None) -> list[kaart.KaartVoorziening]:
    """The voorzieningen that fit the melding's onderwerpen and the resident's age in the resident's wijk
    (a resident born in 1944 was offered the jongerencoach, 12 to 23 years). Those of an onderwerp's own
    thema come first, each part nearest first: for "woning" and "dagbesteding" the many places to meet
    (dagbesteding's second thema) filled the list, and the woningaanpassing was not on it. Each onderwerp
    has its turn in what is chosen: for five onderwerpen the ten nearest places to meet and to eat filled the
    list, and the dagbesteding asked for, 300 m further, was not on it. `found`: _fitting's, if at hand."""
    found = _fitting(melding) if found is None else found
    order = _own_theme_order(melding)
    nearest = {item.id: position for position, item in enumerate(found)}
    chosen = _each_thema_in_turn(found, order)[:limit]
    return sorted(chosen, key=lambda item: (not set(order).intersection(item.themes), nearest[item.id]))


def _each_thema_in_turn(found, order: list[str]) -> list:
    """`found` (nearest first) as the nearest of each own thema of `order`, then the second nearest of each,
    and so on; then the rest, nearest first. A voorziening counts for the first of its themes in `order`."""
    per_thema = {thema: [] for thema in order}
    rest = []
    for item in found:
        thema = next((thema for thema in order if thema in item.themes), None)
        (per_thema[thema] if thema else rest).append(item)
    in_turn = [item for row in itertools.zip_longest(*per_thema.values()) for item in row if item]
    return in_turn + rest


def suggestions_in_parts(melding) -> tuple[list, list, list, list[str]]:
    """The suggestions as the melding's page shows them: those found for the melding's own words
    (_by_words), those of an onderwerp's own thema, then the others (a walk's consulent read "first ...,
    then ..." above one list and could not see where the first ended), none twice; and the onderwerpen the
    kaart has no help of their own thema for (a walk's consulent could not tell whether "Dagbesteding" was
    left out: in Oude Haven all of it needs a beschikking)."""
    try:
        by_words = _by_words(melding)
    except SearchUnavailable:
        by_words = []  # the page goes on without them
    fitting = _fitting(melding)
    shown = {item.id for item in by_words}
    below = [item for item in fitting if item.id not in shown]  # each once, and still ten below
    found, own = suggestions(melding, found=below), set(_own_theme_order(melding))
    first = [item for item in found if own.intersection(item.themes)]
    held = {theme for item in fitting for theme in item.themes}
    labels = dict(ONDERWERPEN)
    nothing_for = [
        str(labels[code])
        for code in melding.onderwerpen or ()
        if code in ONDERWERP_THEMAS and ONDERWERP_THEMAS[code][0] not in held
    ]
    return by_words, first, [item for item in found if item not in first], nothing_for


def in_the_tolks_language(melding, items) -> dict[str, str]:
    """Per item of `items` that helps in a language the melding asks a tolk for, that language ("Turks"): a
    walk's consulent read of a father who speaks Turkish only, and could not see which help speaks it."""
    typed = melding.typed_answers.tolk if melding.encrypted_answers else ""
    spoken = {item.id: kaart.spoken_of(item, typed) for item in items} if typed else {}
    return {pk: " en ".join(names) for pk, names in spoken.items() if names}


def onderwerpen_answered(melding, items) -> dict[str, str]:
    """For each of `items` the melding's onderwerpen whose own thema it has ("Huishouden, Eten"), and the
    cliëntondersteuning asked for, when there is more than one: a walk's consulent saw ten rows under "Bij de
    onderwerpen van de melding" and could not tell which answered the dagbesteding asked for."""
    own = _own_theme_order(melding)
    if len(own) < 2:
        return {}
    chosen = melding.onderwerpen or ()
    labels = {ONDERWERP_THEMAS[code][0]: str(label) for code, label in ONDERWERPEN if code in chosen}
    if melding.asks_for_clientondersteuner:
        labels[CLIENTONDERSTEUNING] = str(_("Cliëntondersteuning, gevraagd"))
    # "; " between them: a label holds commas itself ("Eten, koken of boodschappen").
    answered = {item.id: "; ".join(labels[thema] for thema in own if thema in item.themes) for item in items}
    return {pk: names for pk, names in answered.items() if names}


def _own_theme_order(melding) -> list[str]:
    """The own thema of each of the melding's onderwerpen, in their order; cliëntondersteuning first when the
    resident asked for it (a walk's consulent read "Breng de inwoner met een cliëntondersteuner in contact"
    above a kaart without one), and for a short melding, which has no onderwerpen yet."""
    own = _onderwerp_themes(melding)
    if not own or melding.asks_for_clientondersteuner:
        own.insert(0, CLIENTONDERSTEUNING)
    return list(dict.fromkeys(own))


def _onderwerp_themes(melding) -> list[str]:
    """The own thema of each of the melding's onderwerpen, in their order."""
    return [ONDERWERP_THEMAS[code][0] for code in melding.onderwerpen or () if code in ONDERWERP_THEMAS]


def _about(melding) -> dict:
    """Where the resident lives and how old they are, from the answers (gone once the data is removed)."""
    if not melding.encrypted_answers:
        return {}
    return {"near": melding.typed_answers.postcode, "age": resident_age(melding)}


def resident_age(melding) -> int | None:
    """The resident's age when the melding came in; None without a birth date (or answers)."""
    if not melding.encrypted_answers:
        return None
    return melding.typed_answers.age(timezone.localdate(melding.created_at))


class NotASuggestion(Exception):
    """The voorziening is not (or no longer) one that fits this melding."""


class AlreadyRecorded(Exception):  # noqa: N818 (an answer, not a failure)
    """The voorziening was already recorded with this soort for this melding (a second click)."""

    def __init__(self, verwijzing: Verwijzing):
        super().__init__(verwijzing.pk)
        self.verwijzing = verwijzing


def record(melding, user, voorziening_id: str, soort: str) -> Verwijzing:
    """Record a suggested voorziening as discussed or referred to, with a snapshot of its name, thema and
    wijk; audited. Only a voorziening that fits the melding can be recorded, and each once per soort
    (AlreadyRecorded): a second click would count one referral twice in the dashboard. One found for the
    melding's words is looked for again: SearchUnavailable when the search does not answer now."""
    themes = _themes(melding)
    wijk = wijk_for(melding)
    item = _suggested(voorziening_id, _fitting(melding)) or _suggested(voorziening_id, _by_words(melding))
    if item is None:
        raise NotASuggestion(voorziening_id)
    with transaction.atomic():
        # The melding's row is locked while its verwijzingen are checked: two clicks at once record once.
        type(melding).objects.select_for_update().filter(pk=melding.pk).exists()
        earlier = Verwijzing.objects.filter(melding=melding, voorziening_id=item.id, soort=soort).first()
        if earlier is not None:
            raise AlreadyRecorded(earlier)
        verwijzing = Verwijzing.objects.create(
            melding=melding,
            voorziening_id=item.id,
            voorziening_name=item.name,
            voorziening_url=item.url,
            # Found for the resident's words, it may have none of the melding's themes: then its own first.
            thema=next((theme for theme in themes if theme in item.themes), (*item.themes, themes[0])[0]),
            wijk=wijk.name if wijk else "",
            soort=soort,
            user=user,
        )
        AuditEntry.record(user, melding, AuditEntry.Action.REFERRAL_ADDED, f"{soort}: {item.name}"[:300])
        transaction.on_commit(lambda: _send_to_zaak(melding))
    return verwijzing


def _suggested(voorziening_id, items):
    return next((item for item in items if item.id == str(voorziening_id)), None)


def remove(melding, user, verwijzing_pk: int) -> Verwijzing:
    """Take away a verwijzing recorded by mistake (Besproken for Verwezen, or the wrong voorziening); audited,
    and taken from the zaak too (its zaakobject, see delivery/kinds/zgw.py). Raises Verwijzing.DoesNotExist
    for one that is not (or no longer) on this melding."""
    with transaction.atomic():
        verwijzing = Verwijzing.objects.select_for_update().get(melding=melding, pk=verwijzing_pk)
        verwijzing.delete()
        detail = f"{verwijzing.get_soort_display()}: {verwijzing.voorziening_name}"[:300]  # as it stood
        AuditEntry.record(user, melding, AuditEntry.Action.REFERRAL_REMOVED, detail)
        transaction.on_commit(lambda: _send_to_zaak(melding))
    return verwijzing


def _send_to_zaak(melding) -> None:
    from meldingen.delivery.tasks import send_additions

    send_additions(melding)


def thema_names() -> dict[str, str]:
    return kaart.thema_names()
