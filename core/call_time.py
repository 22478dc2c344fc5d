"""Whether the time to call that a writer gave lies wholly outside the hours the loket calls
(MUNICIPALITY_PHONE_HOURS, "op werkdagen van 8.30 tot 17.00 uur"), and the forms that ask about such a time
once (the melding's steps, the complaint form). A walk's "na 18.00 uur" and "zaterdag" asked for a call no
one makes, and the step said nothing.

The setting's hours are read where it says "van 8.30 tot 17.00" (each such part: "van 8.30 tot 12.00 en van
13.00 tot 17.00"), or "8.30-17.00"; "werkdagen" or "maandag tot (en met) vrijdag" keeps them to working days.
Hours said otherwise are not read, and nothing is asked.

Of the writer's text only what is plainly said is read: a clock time with "uur" or its minutes, with the word
that says on which side ("na 18 uur", "voor 8.00", "tussen 18 en 20 uur", "om 19.30"); a part of the day
("'s avonds", "overdag"); a day ("zaterdag", "in het weekend"); an hour said in words ("na vijven", "half
zes"). An hour from 1 to 6 is in the afternoon or evening ("na 5 uur"), 7 either, unless the morning or the
evening is named ("na half acht 's avonds"); the two hours of a range may also be both in the morning or both
in the afternoon ("tussen 6 en 8 uur"). A text with "niet", "ook" or "eerder" in it, or with no time at all
("bel eerst mijn dochter"), is never asked about: a wrong question costs more than a call planned by hand.
A part with "werk" or "dienst" says when the writer cannot be called ("ik werk 's avonds"): the rest is read.
"""

import re
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .components import QUESTION
from .phone import CALL_HOURS

DAY = 24 * 60
_CLOCK = r"(\d{1,2})(?:[.:](\d{2}))?"
# "18-20 uur", "tussen 18 en 20 uur", "van 18.00 uur tot 20.00": "uur" after the second time covers both.
_RANGE = re.compile(rf"(?:tussen |van )?{_CLOCK}(?:\s*uur)?\s*(?:-|en|tot)\s*{_CLOCK}\s*(uur|u\b)?")
_WEEKDAYS_ONLY = re.compile(r"werkdag|maandag (?:tot en met|t/m|tot) vrijdag|ma(?:andag)? ?(?:-|t/m) ?vr")

# "niet 's avonds", "na 17 uur, of eerder", "ook in het weekend": the text names more than one side of time.
_NOT_ONLY = re.compile(r"\b(?:niet|geen|behalve|nooit|ook|eerder|anders|altijd|slaap)\b")
# "ik werk 's avonds", "avonddienst": a part that says when the writer cannot be called is not read; the rest
# is ("'s avonds na 18 uur, ik werk overdag" asks: a walk's son heard nothing of it).
_AT_WORK = re.compile(r"\b(?:werk|werkt|werken)\b|dienst")
_PARTS = re.compile(r"[,;!?]|\.(?!\d)|\b(?:want|omdat|maar)\b")  # not the dot in "18.00"
_WEEKDAY = re.compile(
    r"\b(?:(?:maan|dins|woens|donder|vrij|werk)dag|doordeweeks|door de week|elke dag|iedere dag)"
)
_WEEKEND = re.compile(r"\b(?:zaterdag|zondag|weekend)")
_MORNING = re.compile(r"ochtend|'s morgens|voormiddag")  # not "morgen": tomorrow

# A single time, with the word before it that says on which side; "uur" or minutes make a number a time
# ("na 7 december" is no time).
_TIME = re.compile(rf"(?:\b(na|vanaf|later dan|voor|tot|uiterlijk|om|rond|omstreeks) )?{_CLOCK}\s*(uur|u\b)?")
_AFTER, _BEFORE = {"na", "vanaf", "later dan"}, {"voor", "tot", "uiterlijk"}

# Hours as people say them: "na vijven", "half zes", "kwart over 5", "om zes uur" (read as "na 5 uur", "5.30
# uur", "5.15 uur", "om 6 uur"). "een" alone is the article ("na een uur"), so only "enen" and "half een".
_NUMBERS = ["een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"]
_PLURALS = [
    "enen",
    "tweeën",
    "drieën",
    "vieren",
    "vijven",
    "zessen",
    "zevenen",
    "achten",
    "negenen",
    "tienen",
    "elven",
    "twaalven",
]
_HOURS_SAID = {word: hour for words in (_NUMBERS, _PLURALS) for hour, word in enumerate(words, start=1)}
_HOUR_SAID = rf"(\d{{1,2}}|{'|'.join(_HOURS_SAID)})"
_PAST_OR_TO = re.compile(rf"\b(half|kwart over|kwart voor) {_HOUR_SAID}\b(?:\s*uur)?")
# "na vijven", "tussen vieren en zessen"; not "dan vieren we" (a feast).
_PLURAL_HOUR = re.compile(rf"\b(na|voor|om|rond|tegen|vanaf|tot|tussen|en) ({'|'.join(_PLURALS)})\b")
# "vijf uur", and the first of "tussen twee en vijf uur" ("uur" after the second covers both).
_WORD_HOUR = re.compile(rf"\b({'|'.join(_NUMBERS[1:])})(?= uur\b| en | tot |\s*-)")

_PARTS_OF_THE_DAY = [
    (_MORNING, (6 * 60, 12 * 60)),
    (re.compile(r"middag|lunch"), (12 * 60, 18 * 60)),
    (re.compile(r"avond"), (18 * 60, DAY)),
    (re.compile(r"nacht"), (0, 6 * 60)),
]
_OFFICE = re.compile(r"(?:(na|buiten) )?(?:de )?(?:werktijd|kantoortijd|kantooruren|werkuren|overdag)")


@dataclass(frozen=True)
class Hours:
    """The loket's hours: (opens, closes) in minutes, and whether on working days only."""

    windows: tuple[tuple[int, int], ...]
    weekdays_only: bool

    def open_during(self, start: int, end: int) -> bool:
        return any(start < closes and opens < max(end, start + 1) for opens, closes in self.windows)

    @property
    def opens(self) -> int:
        return min(opens for opens, _closes in self.windows)

    @property
    def closes(self) -> int:
        return max(closes for _opens, closes in self.windows)


def loket_hours(text: str) -> Hours | None:
    """The hours in MUNICIPALITY_PHONE_HOURS's words; None when they do not say them as times."""
    said = text.lower()
    windows = []
    for match in _RANGE.finditer(said):
        opens, closes = _minutes(match[1], match[2]), _minutes(match[3], match[4])
        if opens is None or closes is None or closes <= opens:
            return None  # not read for certain: nothing is asked
        windows.append((opens, closes))
    return Hours(tuple(windows), bool(_WEEKDAYS_ONLY.search(said))) if windows else None


def outside_the_loket_hours(typed: str) -> bool:
    """outside_the_hours of the setting's hours."""
    return outside_the_hours(typed, loket_hours(settings.MUNICIPALITY_PHONE_HOURS))


def outside_the_hours(typed: str, hours: Hours | None) -> bool:
    """True when every moment the text names is one the loket does not call at."""
    text = _as_clock_times(typed.lower().replace("’", "'").replace("‘", "'"))
    if hours is None or _NOT_ONLY.search(text):
        return False
    text = " ".join(part for part in _PARTS.split(text) if not _AT_WORK.search(part))
    # The part of the day named says which an hour is: "na half acht 's avonds" is 19.30.
    part_of_day = "morning" if _MORNING.search(text) else "evening" if "avond" in text else ""
    windows = [*_clock_windows(text, part_of_day), *_day_part_windows(text, hours)]
    if windows and not any(hours.open_during(start, end) for start, end in windows):
        return True
    weekend_only = _WEEKEND.search(text) and not _WEEKDAY.search(text)
    return bool(hours.weekdays_only and weekend_only)


def _as_clock_times(text: str) -> str:
    """The hours said in words written as clock times: "half zes" is "5.30 uur", "na vijven" "na 5 uur"."""

    def hour(said: str) -> int:
        return int(said) if said.isdigit() else _HOURS_SAID[said]

    def past_or_to(match) -> str:
        said = hour(match[2])
        if match[1] == "kwart over":
            return f"{said}.15 uur"
        earlier = said - 1 or 12  # "half een" is 12.30
        return f"{earlier}.{30 if match[1] == 'half' else 45} uur"

    text = _PAST_OR_TO.sub(past_or_to, text)
    text = _PLURAL_HOUR.sub(lambda match: f"{match[1]} {hour(match[2])} uur", text)
    return _WORD_HOUR.sub(lambda match: str(hour(match[1])), text)


def _clock_windows(text: str, part_of_day: str):
    """Each time's windows, in each way it may be meant ("tussen 7 en 9 uur" in the morning or evening)."""
    for match in _RANGE.finditer(text):
        if not (match[5] or (match[2] and match[4])):
            continue  # "7-12" may be a date
        yield from _range_readings(match, part_of_day)
    text = _RANGE.sub(" ", text)
    for match in _TIME.finditer(text):
        side, hour, minute, uur = match.groups()
        if not (minute or uur):
            continue
        for moment in _readings(hour, minute, part_of_day):
            if side in _AFTER:
                yield moment, DAY
            elif side in _BEFORE:
                yield 0, moment
            else:
                yield moment, moment


def _range_readings(match, part_of_day: str):
    """Each hour's own readings, and without a part of the day named both hours in the same half of it:
    "tussen 6 en 8 uur" is 6.00 to 8.00 or 18.00 to 20.00 (6 alone is 18.00, 8 alone 8.00: no range was read,
    and nothing asked)."""
    for start in _readings(match[1], match[2], part_of_day):
        yield from ((start, end) for end in _readings(match[3], match[4], part_of_day) if start < end)
    start, end = _minutes(match[1], match[2]), _minutes(match[3], match[4])
    if not part_of_day and start is not None and end is not None and 60 <= start < end <= 12 * 60:
        yield start, end
        yield start + 12 * 60, end + 12 * 60


def _day_part_windows(text: str, hours: Hours):
    for match in _OFFICE.finditer(text):
        yield (hours.closes, DAY) if match[1] else (hours.opens, hours.closes)
    text = _OFFICE.sub(" ", text)
    for pattern, window in _PARTS_OF_THE_DAY:
        if pattern.search(text):
            yield window


def _readings(hour: str, minute: str | None, part_of_day: str) -> list[int]:
    """The moments an hour may mean, in minutes after midnight: with the morning named as it is, with the
    evening named 1 to 11 in the evening; else 1 to 6 in the afternoon or evening, 7 both; none for no time
    of day."""
    moment = _minutes(hour, minute)
    if moment is None:
        return []
    if part_of_day == "evening" and 1 <= int(hour) <= 11:
        return [moment + 12 * 60]
    if part_of_day == "morning" or not 1 <= int(hour) <= 7:
        return [moment]
    return [moment + 12 * 60] if int(hour) < 7 else [moment, moment + 12 * 60]


def _minutes(hour: str, minute: str | None) -> int | None:
    hour_value, minute_value = int(hour), int(minute or 0)
    if hour_value > 24 or minute_value > 59:
        return None
    return hour_value * 60 + minute_value


class AsksOnceAboutTheCallTime:
    """A form with a time to call (`call_time_field`) and its hidden `<field>_gezien` (question_seen): a
    time the loket does not call at is asked about once. Sent again, it is the writer's: who calls reads it
    and plans the call. Another such time asks again. An empty `call_time_field` asks nothing (staff type
    what the resident said)."""

    call_time_field = "bereikbaar"
    # Beside the box, after the hours: what was written, what to do, and what happens.
    ASKED = _(
        "U schreef: “%(typed)s”. Kunnen wij u ook op een ander moment bellen? Schrijf dat dan in dit vak. "
        "Kan het alleen op die tijd? Kies dan nog een keer %(button)s. De medewerker leest wat u schreef."
    )
    button = _("Verder")

    def will_call(self, cleaned: dict) -> bool:
        """Whether the answers ask for a call at all (a form with the number beside the time says so)."""
        return True

    def clean(self):
        cleaned = super().clean()
        name = self.call_time_field
        typed = cleaned.get(name, "") if name else ""
        if not typed or name in self.errors or typed == cleaned.get(f"{name}_gezien"):
            return cleaned
        if not self.will_call(cleaned):
            return cleaned
        if outside_the_loket_hours(typed):
            # The page sends it back in the hidden field, so the next click goes on. Not in the data: a page
            # with the question may be drawn again from the data as posted (the melding's, after a redirect).
            self.fields[f"{name}_gezien"].sent_back = typed
            asked = self.ASKED % {"typed": typed, "button": self.button}
            self.add_error(name, forms.ValidationError(f"{CALL_HOURS} {asked}", code=QUESTION))
        return cleaned
