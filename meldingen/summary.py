"""The answers of a melding as plain B1 sections: for the check page, the PDF and the backoffice.

The sections follow the steps (meldingen/steps.py): a step that does not apply to these answers has no
section, and a section without answers is left out.
"""

from collections.abc import Mapping

from .answers import Answers
from .steps import STEPS


def sections_with_steps(answers: Answers | Mapping) -> list[tuple[str, list[tuple[str, str]], str]]:
    """[(title, [(label, value)], step slug)] in the order of the form; empty sections are left out."""
    answers = Answers.of(answers)
    sections = []
    for step in STEPS:
        if step.in_summary and step.applies_to(answers):
            rows = step.summary_rows(answers)
            if rows:
                sections.append((step.section_title(answers), rows, step.slug))
    return sections


def summary_sections(answers: Answers | Mapping) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(title, [(label, value)])]: the shape the PDF and the backoffice show."""
    return [(title, rows) for title, rows, _step in sections_with_steps(answers)]
