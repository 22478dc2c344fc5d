"""The answers of a melding as plain B1 sections: for the check page, the PDF and the backoffice.

The sections follow the steps (meldingen/steps.py): a step that does not apply to these answers has no
section, and a section without answers is left out.
"""

from collections.abc import Mapping

from .answers import Answers
from .steps import CARRIED_OVER, STEPS


def sections_with_steps(
    answers: Answers | Mapping, staff: bool = False, keep_empty: bool = False
) -> list[tuple[str, list[tuple[str, str]], str]]:
    """[(title, [(label, value)], step slug)] in the order of the form; empty sections are left out, unless
    `keep_empty` (the check page: a page of questions that need no answer can still be changed there).

    For the resident in the words of the form (about the person, for someone else); for `staff` about
    "de inwoner", as a colleague writes it.
    """
    answers = Answers.of(answers)
    sections = []
    for step in STEPS:
        if step.in_summary and step.applies_to(answers):
            rows = step.summary_rows(answers, staff=staff)
            if rows or keep_empty:
                sections.append((step.section_title(answers, staff=staff), rows, step.slug))
    return sections


def typed_but_not_sent(typed: Answers) -> list[str]:
    """A long melding made short with "Wijzig": the titles of the long melding's steps with answers typed.
    The short melding goes without them, and the check page says so; not for an answer its own page holds
    the same (see CARRIED_OVER: the topics and a few words go over)."""
    if typed.uitgebreid:
        return []
    as_long = Answers.from_dict({**typed.to_dict(), "keuze": {"soort": "uitgebreid"}})

    def not_sent(step, name, value) -> bool:
        answered = [
            typed.step(target).get(target_name)
            for target, fields in CARRIED_OVER.items()
            for target_name, sources in fields.items()
            if (step.slug, name) in sources
        ]
        carried = any(value == answer or (isinstance(answer, str) and value in answer) for answer in answered)
        return _given(value) and not carried

    return [
        step.section_title(typed)
        for step in STEPS
        if step.applies_to(as_long)
        and not step.applies_to(typed)
        and any(not_sent(step, name, value) for name, value in typed.step(step.slug).items())
    ]


def _given(value) -> bool:
    return any(_given(item) for item in value) if isinstance(value, list) else bool(str(value).strip())


def summary_sections(answers: Answers | Mapping, staff: bool = False) -> list[tuple[str, list]]:
    """[(title, [(label, value)])]: the shape the PDF (resident) and the backoffice (`staff`) show."""
    return [(title, rows) for title, rows, _step in sections_with_steps(answers, staff=staff)]
