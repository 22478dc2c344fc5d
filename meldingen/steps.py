"""The steps of the melding, declared once.

Each step says its slug (the URL and the key its answers are stored under), its form, when it applies
(a condition on the answers so far), and how its answers read on the check page, in the PDF and for staff.
The wizard (pages, conditions, step count), the summary, storage and delivery all read this list.

A new question is a field on the step's form: the page draws it (form_layout), the melding stores it
(`StepForm.stored_answers`) and the check page shows it with the field's label, after the rows below.
"""

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from core.phone import digits_of

from . import forms
from .answers import Answers, StepAnswers, answer_key
from .formatting import display, format_address, format_date


@dataclass(frozen=True)
class Row:
    """One line of a step's summary: an answer by field name, or a value made from the step's answers."""

    label: str
    field: str = ""
    value: Callable[[StepAnswers], Any] | None = None
    uses: tuple[str, ...] = ()  # the answers a made value reads; they get no line of their own
    detail: str = ""  # a text answer shown after the choice ("Ergens anders: bij mijn dochter")
    someone_else: str = ""  # the label for someone else; may say {persoon}
    staff: str = ""  # the label for staff, who read about the resident ("Inwoner wil")
    staff_someone_else: str = ""  # the label for staff when the writer made the melding for someone else
    staff_values: dict = dataclasses.field(default_factory=dict, hash=False)  # code -> text for staff
    values: dict = dataclasses.field(default_factory=dict, hash=False)  # code -> text for the writer
    note: Callable[[Answers, bool], str] | None = None  # after the value, from all answers (and staff?)

    def covers(self) -> set[str]:
        return {name for name in (self.field, *self.uses, self.detail) if name}

    def label_for(self, answers: Answers, staff: bool) -> str:
        if staff and answers.for_someone_else and self.staff_someone_else:
            return str(self.staff_someone_else)
        if staff and self.staff:
            return str(self.staff)
        if answers.for_someone_else and self.someone_else:
            return forms.speak(self.someone_else, answers.voor_wie)
        return str(self.label)

    def value_for(self, step_answers: StepAnswers, fields, staff: bool):
        if self.value is not None:
            return self.value(step_answers)
        code = step_answers.get(self.field)
        texts = self.staff_values if staff else self.values
        if isinstance(code, str) and code in texts:
            value = str(texts[code])
        elif isinstance(code, list) and texts:  # several choices: each in its own words where it has them
            field = fields.get(self.field)
            value = ", ".join(str(texts[one]) if one in texts else display(field, [one]) for one in code)
        else:
            value = display(fields.get(self.field), code)
        extra = step_answers.text(self.detail) if self.detail else ""
        return f"{value}: {extra}" if value and extra else value


def the_writers_own_number(answers: Answers, staff: bool) -> str:
    """The person's number, when it is the writer's own: a walk's son gave his, and the consulent might take
    it for his mother's. The check page and the consulent's page say so; nothing is refused."""
    digits = [digits_of(step.text("telefoon")) for step in (answers.resident, answers.step("melder"))]
    if not answers.for_someone_else or not digits[0] or digits[0] != digits[1]:
        return ""
    return str(_("(hetzelfde nummer als de melder)") if staff else _("(uw eigen nummer)"))


def the_postcodes_own_street(answers: Answers, staff: bool) -> str:
    """For staff, beside an address whose street the writer kept after the question (forms.GegevensForm), the
    street the lookup gives for its postcode and house number: one of the two has a typo, and the consulent
    who goes there should know which door to check."""
    found = answers.step("gegevens").text("straat_van_postcode")
    if not staff or not found:
        return ""
    return str(_("(bij deze postcode en dit huisnummer hoort de straat %(straat)s)") % {"straat": found})


def outside_the_calling_hours(answers: Answers, staff: bool) -> str:
    """For staff, beside a time to call that the loket does not call at (Answers.call_time_outside_hours),
    that it is: a walk's resident waited for an evening call, and the consulent read "'s avonds" as any
    other time."""
    if not staff or not answers.call_time_outside_hours:
        return ""
    return str(_("(buiten de beltijden van het loket)"))


@dataclass(frozen=True)
class Step:
    slug: str
    form: type[forms.StepForm]
    applies: Callable[[Answers], bool] | None = None  # None: always asked
    rows: tuple[Row, ...] = ()
    summary_title: str = ""  # the section's title; the form's title when empty
    staff_title: str = ""  # the section's title for staff; summary_title when empty
    derived: Callable[[dict], dict] | None = None  # values stored beside the answers
    in_summary: bool = True

    @property
    def key(self) -> str:
        return answer_key(self.slug)

    @property
    def template(self) -> str:
        return f"meldingen/steps/{self.slug}.html"

    def applies_to(self, answers: Answers) -> bool:
        return self.applies is None or self.applies(answers)

    @property
    def to_writer(self) -> bool:
        """The step's answers are the writer's own (a section that may say "uw")."""
        return self.form.writer_page

    def section_title(self, answers: Answers, staff: bool = False) -> str:
        if staff and (self.staff_title or self.summary_title):
            return str(self.staff_title or self.summary_title)
        if self.summary_title:
            return str(self.summary_title)
        wording = self.form.wording_for(answers.voor_wie)
        if wording and wording.title:
            return forms.speak(wording.title, answers.voor_wie)
        return str(self.form.title)

    def summary_rows(self, answers: Answers, staff: bool = False) -> list[tuple[str, str]]:
        """(label, text) per answer given; empty answers are left out, so the list stays short.

        For the resident (check page, PDF) in the words the resident saw; for `staff` about the resident.
        """
        step_answers = answers.step(self.slug)
        wording = self.form.wording_for(answers.voor_wie)
        # The labels as this person saw them; a form is only made when its wording differs.
        worded = wording or self.form.writer_page
        fields = self.form(answers=answers).fields if worded else self.form.base_fields
        pairs, covered = [], set()
        for row in self.rows:
            covered |= row.covers()
            value = row.value_for(step_answers, fields, staff)
            if value and row.note:
                value = " ".join(part for part in (str(value), row.note(answers, staff)) if part)
            pairs.append((row.label_for(answers, staff), value))
        for name, field in fields.items():
            if name not in covered and name not in self.form.not_stored:
                pairs.append((field.label, display(field, step_answers.get(name))))
        return [(str(label), str(value)) for label, value in pairs if value not in (None, "", [])]

    def writer_labels(self, answers: Answers) -> set[str]:
        """The labels of the answers that are the writer's own (the form's `writer_fields`, such as when to
        call): for someone else the check page marks their rows as spoken to the writer."""
        return {
            str(row.label_for(answers, staff=False))
            for row in self.rows
            if row.field in self.form.writer_fields
        }

    def stored(self, form: forms.StepForm) -> dict:
        values = form.stored_answers()
        if self.derived:
            values.update(self.derived(values))
        return values


def for_someone_else(answers: Answers) -> bool:
    return answers.for_someone_else


def uitgebreid(answers: Answers) -> bool:
    return answers.uitgebreid


def wijk_of_postcode(gegevens: dict) -> dict:
    """The resident's wijk, by name, beside the address (routing and staff read it)."""
    from socialekaart import public as kaart

    wijk = kaart.wijk_for_postcode(gegevens.get("postcode", ""))
    return {"wijk": wijk.name if wijk else ""}


def kort(answers: Answers) -> bool:
    return not answers.uitgebreid


# Both routes ask for a tolk where they ask when to call: on "waarover" and on "gesprek".
TOLK = Row(_("Tolk bij het gesprek"), "tolk", staff=_("Tolk nodig"))

STEPS = [
    Step(
        "voor-wie",
        forms.VoorWieForm,
        summary_title=_("Voor wie is de melding?"),
        staff_title=_("Voor wie"),
        rows=(
            Row(
                _("Voor wie"),
                "voor_wie",
                staff=_("Melding gedaan door"),
                staff_values={
                    "zelf": _("de inwoner zelf"),
                    "mantelzorger": _("een mantelzorger"),
                    "familie": _("een familielid"),
                    "professional": _("een professional, voor zijn of haar werk"),
                },
            ),
        ),
    ),
    Step(
        "melder",
        forms.MelderForm,
        applies=for_someone_else,
        staff_title=_("Melder"),
        rows=(
            Row(_("Uw naam"), "naam", staff=_("Naam melder")),
            Row(
                _("Wat bent u van de persoon?"),
                "relatie",
                someone_else=_("Wat bent u van {persoon}?"),
                staff=_("Melder is"),
            ),
            Row(_("Organisatie"), "organisatie"),
            Row(_("Uw telefoonnummer"), "telefoon", staff=_("Telefoon melder")),
            Row(_("Uw e-mailadres"), "email", staff=_("E-mail melder")),
            Row(
                _("Weet de persoon ervan?"),
                "bewoner_toestemming",
                someone_else=_("Weet {persoon} ervan?"),
                staff=_("Weet de inwoner ervan?"),
                staff_values={
                    "akkoord": _("ja, en de inwoner is het ermee eens"),
                    "niet_akkoord": _("ja, maar de inwoner is het er niet mee eens"),
                    "weet_niet": _("nee, nog niet"),
                    "kan_niet_beslissen": _("de inwoner kan dit zelf niet goed beslissen"),
                },
            ),
            Row(
                _("Wie mag voor de persoon beslissen?"),
                "wie_beslist",
                someone_else=_("Wie mag voor {persoon} beslissen?"),
                staff=_("Beslist voor de inwoner"),
                values={forms.SELF: _("U zelf")},
                staff_values={forms.SELF: _("de melder zelf")},
            ),
            Row(
                _("Hoe gaat het met u als mantelzorger?"),
                "hoe_gaat_het",
                staff=_("Hoe gaat het met de mantelzorger"),
            ),
        ),
    ),
    Step(
        "keuze",
        forms.KeuzeForm,
        summary_title=_("Soort melding"),
        rows=(
            Row(
                _("Soort"),
                "soort",
                # The choice's own words ("... Zo kan de gemeente het gesprek goed voorbereiden.") persuade;
                # the summary says what was chosen.
                values={
                    "kort": _("Kort: de gemeente belt voor een gesprek"),
                    "uitgebreid": _("Uitgebreid: nu al meer vertellen, en daarna een gesprek"),
                },
                staff=_("Inwoner wil"),
                # The gemeente calls the writer (as the writer's confirmation says): "Inwoner wil: gebeld
                # worden" sent the consulent to the resident, while a wijkverpleegkundige waited for the call.
                staff_someone_else=_("Melder wil"),
                staff_values={
                    "kort": _("gebeld worden voor een gesprek"),
                    "uitgebreid": _("nu al meer vertellen, en daarna een gesprek"),
                },
            ),
        ),
    ),
    Step(
        "waarover",
        forms.WaaroverForm,
        applies=kort,
        # A walk: "Onderwerp" over only "Bereikbaar", when the short melding names no onderwerp.
        staff_title=_("Onderwerp en bellen"),
        # Not the question again under the section that asks it ("Waar gaat het over?" twice).
        rows=(
            Row(_("Onderwerpen"), "onderwerpen", staff=_("Wil hulp bij")),
            Row(_("Toelichting"), "toelichting"),
            Row(
                _("Wanneer kunnen wij u het best bellen?"),
                "bereikbaar",
                staff=_("Bereikbaar"),
                staff_someone_else=_("Melder bereikbaar"),
                note=outside_the_calling_hours,
            ),
            TOLK,
        ),
    ),
    Step(
        "gegevens",
        forms.GegevensForm,
        derived=wijk_of_postcode,
        staff_title=_("Gegevens van de inwoner"),
        rows=(
            Row(_("Naam"), "naam"),
            Row(
                _("Adres"),
                value=format_address,
                uses=("straat", "huisnummer", "toevoeging", "postcode", "woonplaats", "straat_van_postcode"),
                note=the_postcodes_own_street,
            ),
            Row(_("Wijk"), "wijk"),
            Row(_("Telefoonnummer"), "telefoon", note=the_writers_own_number),
            Row(_("E-mailadres"), "email"),
            Row(_("Geboortedatum"), value=lambda gegevens: format_date(gegevens.get("geboortedatum"))),
        ),
    ),
    Step(
        "hulp",
        forms.HulpForm,
        applies=uitgebreid,
        staff_title=_("Hulp"),
        rows=(
            Row(
                _("Waar wilt u hulp bij?"),
                "onderwerpen",
                someone_else=_("Waar is hulp bij nodig?"),
                staff=_("Wil hulp bij"),
            ),
            Row(_("Toelichting"), "toelichting"),
        ),
    ),
    Step(
        "situatie",
        forms.SituatieForm,
        applies=uitgebreid,
        staff_title=_("Situatie"),
        rows=(
            Row(_("Wat lukt niet meer?"), "wat_lukt_niet", staff=_("Lukt niet meer")),
            Row(_("Sinds wanneer?"), "sinds_wanneer"),
            Row(
                _("Wat doet u zelf?"),
                "wat_zelf",
                someone_else=_("Wat doet {persoon} zelf?"),
                staff=_("Doet zelf"),
            ),
            Row(_("Wie helpt al?"), "wie_helpt", staff=_("Helpt al")),
            Row(
                _("Welke hulp krijgt u nu?"),
                "huidige_hulp",
                someone_else=_("Welke hulp krijgt {persoon} nu?"),
                staff=_("Hulp nu"),
            ),
        ),
    ),
    Step(
        "gesprek",
        forms.GesprekForm,
        applies=uitgebreid,
        staff_title=_("Gesprek"),
        rows=(
            Row(
                _("Wanneer bent u bereikbaar?"),
                "bereikbaar",
                someone_else=_("Wanneer kunnen wij u het best bellen?"),  # as the question asked it
                staff=_("Bereikbaar"),
                # A walk: "Bereikbaar: ochtend" under Gesprek read as the resident's time; it is the writer's.
                staff_someone_else=_("Melder bereikbaar"),
                note=outside_the_calling_hours,
            ),
            Row(
                _("Waar wilt u het gesprek?"),
                "plek",
                detail="plek_anders",
                someone_else=_("Waar wil {persoon} het gesprek?"),
                staff=_("Gesprek"),
                staff_values={
                    "thuis": _("bij de inwoner thuis"),
                    "telefoon": _("aan de telefoon"),
                    "elders": _("ergens anders"),
                },
            ),
            Row(
                _("Wie is erbij?"),
                "wie_erbij",
                detail="wie_anders",
                staff=_("Erbij"),
                staff_values={"melder": _("De melder")},
            ),
            TOLK,
        ),
    ),
    Step(
        "spoed",
        forms.SpoedForm,
        summary_title=_("Spoed"),
        rows=(
            Row(_("Is het dringend?"), "spoed", staff=_("Dringend")),
            Row(_("Waarom is het dringend?"), "toelichting", staff=_("Waarom dringend")),
        ),
    ),
    Step("controleren", forms.ControlerenForm, in_summary=False),
]
STEP_BY_SLUG = {step.slug: step for step in STEPS}
# The short route asks what it is about and when to call on "waarover"; the long route asks the topics on
# "hulp" (with a few words for "Iets anders"), what no longer works on "situatie" and when to call on
# "gesprek". After a switch with "Wijzig", a page not answered yet starts with what the other route's pages
# hold: {step: {field: [(other step, its field)]}}. The short route's few words went into the long route's
# "Iets anders" box; "Wat lukt niet meer?" stayed empty.
CARRIED_OVER = {
    "hulp": {"onderwerpen": [("waarover", "onderwerpen")]},
    "situatie": {"wat_lukt_niet": [("waarover", "toelichting")]},
    "gesprek": {
        "bereikbaar": [("waarover", "bereikbaar")],
        "bereikbaar_gezien": [("waarover", "bereikbaar_gezien")],  # asked about once, on either page
        "tolk": [("waarover", "tolk")],
    },
    "waarover": {
        "onderwerpen": [("hulp", "onderwerpen")],
        "toelichting": [("hulp", "toelichting"), ("situatie", "wat_lukt_niet")],
        "bereikbaar": [("gesprek", "bereikbaar")],
        "bereikbaar_gezien": [("gesprek", "bereikbaar_gezien")],
        "tolk": [("gesprek", "tolk")],
    },
}


def carried_over(step: str, typed: Answers) -> dict:
    """What the other route's pages hold for this page's fields (see CARRIED_OVER); texts from two pages
    one after the other."""
    carried = {}
    for name, sources in CARRIED_OVER.get(step, {}).items():
        values = [typed.step(source).get(field) for source, field in sources]
        values = [value for value in values if value]
        if values:
            carried[name] = values[0] if len(values) == 1 else "\n\n".join(values)
    return carried


CHECK_STEP = "controleren"


def answers_from_forms(form_dict: Mapping[str, forms.StepForm]) -> Answers:
    """The valid forms of the steps asked, as the answers the melding keeps."""
    return Answers(
        {STEP_BY_SLUG[slug].key: STEP_BY_SLUG[slug].stored(form) for slug, form in form_dict.items()}
    )


def answers_as_typed(step_data: Mapping | None) -> Answers:
    """The answers as typed so far, not validated, from the wizard's stored step data.

    The conditions read these: validating a step to decide which steps apply would recurse.
    """
    steps = {}
    for step in STEPS:
        data = (step_data or {}).get(step.slug)
        if not isinstance(data, Mapping):
            continue
        values = {}
        for name, field in step.form.base_fields.items():
            raw = data.get(f"{step.slug}-{name}")
            typed = [value for value in (raw if isinstance(raw, list) else [raw]) if isinstance(value, str)]
            if typed:
                values[name] = typed if getattr(field.widget, "allow_multiple_selected", False) else typed[-1]
        steps[step.key] = values
    return Answers(steps)
