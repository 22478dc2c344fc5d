"""The steps of the melding, declared once.

Each step says its slug (the URL and the key its answers are stored under), its form, when it applies
(a condition on the answers so far), and how its answers read on the check page, in the PDF and for staff.
The wizard (pages, conditions, step count), the summary, storage and delivery all read this list.

A new question is a field on the step's form: the page draws it (form_layout), the melding stores it
(`StepForm.stored_answers`) and the check page shows it with the field's label, after the rows below.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

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

    def covers(self) -> set[str]:
        return {name for name in (self.field, *self.uses) if name}


@dataclass(frozen=True)
class Step:
    slug: str
    form: type[forms.StepForm]
    applies: Callable[[Answers], bool] | None = None  # None: always asked
    rows: tuple[Row, ...] = ()
    summary_title: str = ""  # the section's title; the form's title when empty
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

    def section_title(self, answers: Answers) -> str:
        if self.summary_title:
            return str(self.summary_title)
        wording = self.form.someone_else
        if answers.for_someone_else and wording and wording.title:
            return str(wording.title)
        return str(self.form.title)

    def summary_rows(self, answers: Answers) -> list[tuple[str, str]]:
        """(label, text) per answer given; empty answers are left out, so the list stays short."""
        step_answers = answers.step(self.slug)
        wording = self.form.someone_else if answers.for_someone_else else None
        # The labels as this person saw them; a form is only made when its wording differs.
        fields = self.form(answers=answers).fields if wording else self.form.base_fields
        pairs, covered = [], set()
        for row in self.rows:
            covered |= row.covers()
            if row.value is not None:
                value = row.value(step_answers)
            else:
                value = display(fields.get(row.field), step_answers.get(row.field))
            pairs.append((row.label, value))
        for name, field in fields.items():
            if name not in covered and name not in self.form.not_stored:
                pairs.append((field.label, display(field, step_answers.get(name))))
        return [(str(label), str(value)) for label, value in pairs if value not in (None, "", [])]

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


def gesprek_plek(gesprek: StepAnswers) -> str:
    plek = display(forms.GesprekForm.base_fields["plek"], gesprek.get("plek"))
    if gesprek.get("plek") == "elders" and gesprek.get("plek_anders"):
        return f"{plek}: {gesprek['plek_anders']}"
    return plek


STEPS = [
    Step(
        "voor-wie",
        forms.VoorWieForm,
        summary_title=_("Voor wie is de melding?"),
        rows=(Row(_("Voor wie"), "voor_wie"),),
    ),
    Step(
        "melder",
        forms.MelderForm,
        applies=for_someone_else,
        rows=(
            Row(_("Uw naam"), "naam"),
            Row(_("Organisatie"), "organisatie"),
            Row(_("Uw telefoonnummer"), "telefoon"),
            Row(_("Uw e-mailadres"), "email"),
            Row(_("Weet de persoon ervan?"), "bewoner_toestemming"),
        ),
    ),
    Step("keuze", forms.KeuzeForm, summary_title=_("Soort melding"), rows=(Row(_("Keuze"), "soort"),)),
    Step(
        "gegevens",
        forms.GegevensForm,
        derived=wijk_of_postcode,
        rows=(
            Row(_("Naam"), "naam"),
            Row(
                _("Adres"),
                value=format_address,
                uses=("straat", "huisnummer", "toevoeging", "postcode", "woonplaats"),
            ),
            Row(_("Wijk"), "wijk"),
            Row(_("Telefoonnummer"), "telefoon"),
            Row(_("E-mailadres"), "email"),
            Row(_("Geboortedatum"), value=lambda gegevens: format_date(gegevens.get("geboortedatum"))),
        ),
    ),
    Step(
        "hulp",
        forms.HulpForm,
        applies=uitgebreid,
        rows=(Row(_("Waar wilt u hulp bij?"), "onderwerpen"), Row(_("Toelichting"), "toelichting")),
    ),
    Step(
        "situatie",
        forms.SituatieForm,
        applies=uitgebreid,
        rows=(
            Row(_("Wat lukt niet meer?"), "wat_lukt_niet"),
            Row(_("Sinds wanneer?"), "sinds_wanneer"),
            Row(_("Wat doet u zelf?"), "wat_zelf"),
            Row(_("Wie helpt al?"), "wie_helpt"),
            Row(_("Welke hulp krijgt u nu?"), "huidige_hulp"),
        ),
    ),
    Step(
        "gesprek",
        forms.GesprekForm,
        applies=uitgebreid,
        rows=(
            Row(_("Wanneer bent u bereikbaar?"), "bereikbaar"),
            Row(_("Waar wilt u het gesprek?"), value=gesprek_plek, uses=("plek", "plek_anders")),
            Row(_("Wie is erbij?"), "wie_erbij"),
        ),
    ),
    Step(
        "spoed",
        forms.SpoedForm,
        summary_title=_("Spoed"),
        rows=(Row(_("Is het dringend?"), "spoed"), Row(_("Waarom is het dringend?"), "toelichting")),
    ),
    Step("controleren", forms.ControlerenForm, in_summary=False),
]
STEP_BY_SLUG = {step.slug: step for step in STEPS}
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
