"""The answers of a melding as one typed object.

Stored (encrypted) as a dict of steps, each a dict of its cleaned answers:
``{"voor_wie": {"voor_wie": "zelf"}, "keuze": {"soort": "kort"}, "gegevens": {...}, ...}``.
`Answers.from_dict` reads that shape and `to_dict` writes it back unchanged, so every stored melding and
delivery payload keeps its shape. This is the one place that says who the melding is for and which kind
it is; the wizard, the summary, storage and the model all ask it.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from core.call_time import outside_the_loket_hours

from . import choices

VOOR_WIE_CODES = frozenset(code for code, _label in choices.VOOR_WIE)
SOORT_CODES = frozenset(code for code, _label in choices.SOORT)


def answer_key(slug: str) -> str:
    """The key under which a step's answers are stored: "voor-wie" → "voor_wie"."""
    return slug.replace("-", "_")


class StepAnswers(Mapping):
    """The answers of one step (read only). A step that was not asked has no answers."""

    def __init__(self, values: Mapping | None = None):
        self._values = dict(values or {})

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:  # never the values: a repr may end up in a log
        return f"<StepAnswers {sorted(self._values)}>"

    def text(self, name: str) -> str:
        """A single answer as text; "" when not given."""
        value = self._values.get(name)
        return value if isinstance(value, str) else ""

    def codes(self, name: str) -> list[str]:
        """The codes of a multiple-choice answer; [] when not given."""
        value = self._values.get(name)
        return [code for code in value if isinstance(code, str)] if isinstance(value, list | tuple) else []


@dataclass(frozen=True)
class Answers:
    steps: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping | None) -> "Answers":
        return cls({key: dict(value) for key, value in (data or {}).items() if isinstance(value, Mapping)})

    @classmethod
    def of(cls, answers: "Answers | Mapping | None") -> "Answers":
        """Answers as they come: typed already, or the stored dict."""
        return answers if isinstance(answers, Answers) else cls.from_dict(answers)

    def to_dict(self) -> dict:
        return {key: dict(value) for key, value in self.steps.items()}

    def __repr__(self) -> str:
        return f"<Answers {sorted(self.steps)}>"

    def step(self, slug: str) -> StepAnswers:
        """The answers of one step, by its slug ("voor-wie") or its key ("voor_wie")."""
        return StepAnswers(self.steps.get(answer_key(slug)))

    def has(self, slug: str) -> bool:
        return answer_key(slug) in self.steps

    # --- who the melding is for, and which kind: decided here only ------------------------------------

    @property
    def voor_wie(self) -> str:
        value = self.step("voor-wie").text("voor_wie")
        return value if value in VOOR_WIE_CODES else "zelf"

    @property
    def for_someone_else(self) -> bool:
        return self.voor_wie != "zelf"

    @property
    def by_professional(self) -> bool:
        return self.voor_wie == "professional"

    @property
    def soort(self) -> str:
        return "uitgebreid" if self.step("keuze").text("soort") == "uitgebreid" else "kort"

    @property
    def uitgebreid(self) -> bool:
        return self.soort == "uitgebreid"

    @property
    def path_known(self) -> bool:
        """Who it is for and which kind are chosen (a page kept with errors may hold neither)."""
        chosen_for = self.step("voor-wie").text("voor_wie")
        return chosen_for in VOOR_WIE_CODES and self.step("keuze").text("soort") in SOORT_CODES

    # --- what routing, storage and delivery need -------------------------------------------------------

    @property
    def spoed(self) -> bool:
        return self.step("spoed").text("spoed") == "ja"

    @property
    def may_hold_health_data(self) -> bool:
        """Whether what is sent may say something about someone's health, for which the check page asks
        consent: all but a short melding for oneself with only name, address and phone number (a walk's
        resident of 74 was asked to consent to "gegevens over gezondheid" she never gave). Any words typed
        may: a call time "niet op dinsdag, dan heb ik dialyse", a tolk for "gebarentaal"."""
        if self.for_someone_else or self.uitgebreid or self.spoed:
            return True
        waarover = self.step("waarover")
        typed = (waarover.text(name).strip() for name in ("toelichting", "bereikbaar", "tolk"))
        return bool(waarover.codes("onderwerpen")) or any(typed)

    @property
    def health_consent_given(self) -> bool:
        """Whether the resident, making the melding for herself, consented on the check page to the use of her
        health data. A melding kept without the check page's answers (the demo's) counts as consenting, as
        the check page asked every such melding; one that held none was not asked: the gesprek asks."""
        if self.for_someone_else:
            return False  # the writer's tick is no consent of the person's
        return not self.has("controleren") or self.step("controleren").get("toestemming") is True

    @property
    def onderwerpen(self) -> list[str]:
        """The topics: a long melding asks them, a short one may give them (step "waarover")."""
        return self.step("hulp" if self.uitgebreid else "waarover").codes("onderwerpen")

    @property
    def resident(self) -> StepAnswers:
        """The person who needs help (the resident's own answers, also when someone else makes it)."""
        return self.step("gegevens")

    @property
    def resident_name(self) -> str:
        return self.resident.text("naam")

    @property
    def names_to_find_by(self) -> str:
        """The names the backoffice finds the melding by: the resident's, and the maker's when someone else
        made it (a son who calls about the melding he made for his mother gives his own name)."""
        maker = self.step("melder").text("naam") if self.for_someone_else else ""
        return f"{self.resident_name} {maker}".strip()

    @property
    def postcode(self) -> str:
        return self.resident.text("postcode")

    def age(self, on: date) -> int | None:
        """The resident's age in whole years on a day; None when no birth date was given (a short melding)."""
        try:
            born = date.fromisoformat(self.resident.text("geboortedatum"))
        except ValueError:
            return None
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))

    @property
    def writer_step(self) -> str:
        """The step with the writer's own details: the maker's for someone else, else the resident's."""
        return "melder" if self.for_someone_else else "gegevens"

    @property
    def to_call(self) -> dict[str, str]:
        """Whom the gemeente calls to plan the gesprek, and when they said it suits: the writer for someone
        else (as the confirmation tells the writer), else the resident. Keys: naam, organisatie (a
        professional's), relatie (what the writer is of the resident), telefoon, bereikbaar."""
        who = self.step(self.writer_step)
        return {
            "naam": who.text("naam"),
            "organisatie": who.text("organisatie") if self.for_someone_else else "",
            "relatie": who.text("relatie") if self.for_someone_else else "",
            "telefoon": who.text("telefoon"),
            "bereikbaar": self.about_the_gesprek.text("bereikbaar"),
        }

    @property
    def call_time_outside_hours(self) -> str:
        """The time to call given (to_call's), when the loket does not call then (core/call_time.py); else "".
        The confirmation, its PDF and e-mail, and the consulent's page say so."""
        typed = self.to_call["bereikbaar"]
        return typed if outside_the_loket_hours(typed) else ""

    @property
    def about_the_gesprek(self) -> StepAnswers:
        """The step asking when to call and for a tolk: "gesprek" (long route) or "waarover" (short)."""
        return self.step("gesprek" if self.uitgebreid else "waarover")

    @property
    def tolk(self) -> str:
        """The language of the tolk asked for the gesprek; "" when none was asked."""
        return self.about_the_gesprek.text("tolk")

    @property
    def needs_in_words(self) -> str:
        """What the writer wrote about the help needed: the short melding's "Waar gaat het over?", the long
        one's words beside the onderwerpen and "Wat lukt niet meer?" (not what still goes well)."""
        if not self.uitgebreid:
            return self.step("waarover").text("toelichting")
        parts = (self.step("hulp").text("toelichting"), self.step("situatie").text("wat_lukt_niet"))
        return "\n".join(part for part in parts if part)

    @property
    def hoe_gaat_het(self) -> str:
        """What a mantelzorger wrote about how he is doing himself; "" when nothing (or not asked)."""
        return self.step(self.writer_step).text("hoe_gaat_het")

    @property
    def clientondersteuner(self) -> bool:
        """Whether a cliëntondersteuner was asked for at the gesprek (the long route asks who comes)."""
        return "clientondersteuner" in self._wie_erbij

    @property
    def writer_comes(self) -> bool:
        """Whether who made the melding for someone else comes to the gesprek too ("Ik kom zelf ook")."""
        return "melder" in self._wie_erbij

    @property
    def _wie_erbij(self) -> list:
        return self.step("gesprek").get("wie_erbij") or []

    @property
    def contact_email(self) -> str:
        """Where the confirmation goes: the maker's address for someone else, else the resident's."""
        return self.step(self.writer_step).text("email") or self.resident.text("email")
