"""The B1 taalcheck: scores Dutch text for plain language (begrijpelijke taal, level B1).

    from portal.taalcheck import check_text, html_to_text
    report = check_text(html_to_text(page_html))
    report.passed, report.problems, report.hardest_sentences, report.replacements

Thresholds come from `settings.TAALCHECK` (defaults in `report.DEFAULTS`).
"""

from .report import DEFAULTS, HardSentence, Report, check_text, thresholds
from .text import blocks, html_to_text, split_block, split_sentences, words

__all__ = [
    "DEFAULTS",
    "HardSentence",
    "Report",
    "blocks",
    "check_text",
    "html_to_text",
    "split_block",
    "split_sentences",
    "thresholds",
    "words",
]
