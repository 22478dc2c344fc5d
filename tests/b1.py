"""The B1 taalcheck on pages that are not Wagtail pages (the backoffice, forms, e-mails): render the page as
its reader sees it, take the part to judge, and fail with the taalcheck's explanation when it is not B1."""

import re

from portal.taalcheck import check_text, html_to_text


def backoffice_text(html: str, section: str | None = None) -> str:
    """The text of the backoffice's content, or of one `<section aria-labelledby="section">` in it."""
    content = html.split('id="backoffice-content"', 1)[1]
    if section is not None:
        found = re.search(rf'<section[^>]*aria-labelledby="{section}".*?</section>', content, re.S)
        assert found, f"no section {section} on the page"
        content = found.group(0)
    return html_to_text(content)


def assert_b1(text: str, where: str = "", data=()) -> None:
    """`data`: what others wrote (names of voorzieningen and organisations, a resident's words): not ours
    to rewrite, so it is taken out before the text is judged."""
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, "")
    report = check_text(text)
    assert report.passed, (
        where,
        report.problems,
        [(sentence.sentence, sentence.reasons) for sentence in report.hardest_sentences],
        report.rare_words,
        report.replacements,
    )
