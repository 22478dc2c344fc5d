"""Whether the time to call that a writer gave lies wholly outside the hours the loket calls
(MUNICIPALITY_PHONE_HOURS, "op werkdagen van 8.30 tot 17.00 uur"), and the forms that ask about such a time
once (the melding's steps, the complaint form). A walk's "na 18.00 uur" and "zaterdag" asked for a call no
one makes, and the step said nothing.

Only what is plainly said is read: a clock time with "uur" or its minutes, with the word that says on which
side ("na 18 uur", "voor 8.00", "tussen 18 en 20 uur", "om 19.30"); a part of the day ("'s avonds",
"overdag"); a day ("zaterdag", "in het weekend"). A text with "niet", "ook" or "eerder" in it, or with no
time at all ("bel eerst mijn dochter"), is never asked about: a wrong question costs more than a call
planned by hand.
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
_LOKET = re.compile(rf"van {_CLOCK} tot {_CLOCK}")
_WEEKDAYS_ONLY = re.compile(r"werkdag|maandag (?:tot en met|t/m) vrijdag")

# "niet 's avonds", "na 17 uur, of eerder", "ook in het weekend": the text names more than one side of time.
_NOT_ONLY = re.compile(r"\b(?:niet|geen|behalve|nooit|ook|eerder|anders|altijd)\b")
_WEEKDAY = re.compile(
    r"\b(?:(?:maan|dins|woens|donder|vrij|werk)dag|doordeweeks|door de week|elke dag|iedere dag)"
)
_WEEKEND = re.compile(r"\b(?:zaterdag|zondag|weekend)")
_MORNING = re.compile(r"ochtend|'s morgens|voormiddag")  # not "morgen": tomorrow

# "18-20 uur", "tussen 18 en 20 uur", "van 18.00 tot 20.00": "uur" after the second time covers both.
_RANGE = re.compile(rf"(?:tussen |van )?{_CLOCK}\s*(?:-|en|tot)\s*{_CLOCK}\s*(uur|u\b)?")
# A single time, with the word before it that says on which side; "uur" or minutes make a number a time
# ("na 7 december" is no time).
_TIME = re.compile(
    rf"(?:\b(na|vanaf|later dan|voor|tot|uiterlijk|eerder dan|om|rond|omstreeks) )?{_CLOCK}\s*(uur|u\b)?"
)
_AFTER, _BEFORE = {"na", "vanaf", "later dan"}, {"voor", "tot", "uiterlijk", "eerder dan"}

_PARTS_OF_THE_DAY = [
    (_MORNING, (6 * 60, 12 * 60)),
    (re.compile(r"middag|lunch"), (12 * 60, 18 * 60)),
    (re.compile(r"avond"), (18 * 60, DAY)),
    (re.compile(r"nacht"), (0, 6 * 60)),
]
_OFFICE = re.compile(r"(?:(na|buiten) )?(?:de )?(?:werktijd|kantoortijd|kantooruren|werkuren|overdag)")


@dataclass(frozen=True)
class Hours:
    """The loket's calling hours: minutes after midnight, and whether only on working days."""

    opens: int
    closes: int
    weekdays_only: bool

    def open_during(self, start: int, end: int) -> bool:
        return start < self.closes and self.opens < max(end, start + 1)


def loket_hours(text: str) -> Hours | None:
    """The hours in MUNICIPALITY_PHONE_HOURS's words; None when they do not say "van ... tot ..."."""
    match = _LOKET.search(text.lower())
    if not match:
        return None
    opens, closes = _minutes(match[1], match[2]), _minutes(match[3], match[4])
    if opens is None or closes is None or closes <= opens:
        return None
    return Hours(opens, closes, bool(_WEEKDAYS_ONLY.search(text.lower())))


def outside_the_hours(typed: str, hours: Hours | None) -> bool:
    """True when every moment the text names is one the loket does not call at."""
    text = typed.lower().replace("’", "'").replace("‘", "'")
    if hours is None or _NOT_ONLY.search(text):
        return False
    pm = not _MORNING.search(text)  # "na 6 uur" is six in the evening, unless the morning is named
    windows = [*_clock_windows(text, pm), *_day_part_windows(text, hours)]
    if windows and not any(hours.open_during(start, end) for start, end in windows):
        return True
    weekend_only = _WEEKEND.search(text) and not _WEEKDAY.search(text)
    return bool(hours.weekdays_only and weekend_only)


def _clock_windows(text: str, pm: bool):
    for match in _RANGE.finditer(text):
        start, end = _minutes(match[1], match[2], pm), _minutes(match[3], match[4], pm)
        said_as_times = match[5] or (match[2] and match[4])
        if said_as_times and start is not None and end is not None:
            yield start, end
    text = _RANGE.sub(" ", text)
    for match in _TIME.finditer(text):
        side, hour, minute, uur = match.groups()
        moment = _minutes(hour, minute, pm)
        if moment is None or not (minute or uur):
            continue
        if side in _AFTER:
            yield moment, DAY
        elif side in _BEFORE:
            yield 0, moment
        else:
            yield moment, moment


def _day_part_windows(text: str, hours: Hours):
    for match in _OFFICE.finditer(text):
        yield (hours.closes, DAY) if match[1] else (hours.opens, hours.closes)
    text = _OFFICE.sub(" ", text)
    for pattern, window in _PARTS_OF_THE_DAY:
        if pattern.search(text):
            yield window


def _minutes(hour: str, minute: str | None, pm: bool = False) -> int | None:
    """Minutes after midnight; an hour from 1 to 7 is in the afternoon or evening when `pm`."""
    hour_value, minute_value = int(hour), int(minute or 0)
    if hour_value > 24 or minute_value > 59:
        return None
    if pm and 1 <= hour_value <= 7:
        hour_value += 12
    return hour_value * 60 + minute_value


class AsksOnceAboutTheCallTime:
    """A form with a time to call (`call_time_field`) and its hidden `<field>_gezien` (call_time_seen): a time
    the loket does not call at is asked about once. Sent again, it is the writer's: who calls reads it and
    plans the call. Another such time asks again. An empty `call_time_field` asks nothing (staff type what
    the resident said)."""

    call_time_field = "bereikbaar"
    # The hours first, as the summary at the top shows this line alone; then what to do, and what happens.
    ASKED = _(
        "U schreef: “%(typed)s”. Kunnen wij u ook op een ander moment bellen? Schrijf dat dan in dit vak. "
        "Kunt u alleen op dit moment? Kies dan nog een keer %(button)s. De medewerker leest wat u schreef."
    )
    button = _("Verder")

    def clean(self):
        cleaned = super().clean()
        name = self.call_time_field
        typed = cleaned.get(name, "") if name else ""
        if not typed or name in self.errors or typed == cleaned.get(f"{name}_gezien"):
            return cleaned
        if outside_the_hours(typed, loket_hours(settings.MUNICIPALITY_PHONE_HOURS)):
            # The page sends it back in the hidden field, so the next click goes on. Not in the data: a page
            # with the question may be drawn again from the data as posted (the melding's, after a redirect).
            self.fields[f"{name}_gezien"].sent_back = typed
            asked = self.ASKED % {"typed": typed, "button": self.button}
            self.add_error(name, forms.ValidationError(f"{CALL_HOURS} {asked}", code=QUESTION))
        return cleaned


def call_time_seen() -> forms.CharField:
    """The time to call the writer was asked about (AsksOnceAboutTheCallTime), kept in the page."""
    return forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
