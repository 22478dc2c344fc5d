"""The Dutch stemming both searches share (core.search_text)."""

import pytest

from core import search_text
from core.search_text import stem


@pytest.mark.parametrize(
    ("plural", "singular"), [("maatjes", "maatje"), ("kopjes", "kopje"), ("huisjes", "huisje")]
)
def test_a_diminutives_plural_has_the_stem_of_its_singular(plural, singular):
    """Snowball keeps the s after a j: "maatjes" had the stem "maatjes", "maatje" the stem "maatj"."""
    assert stem(plural) == stem(singular)


def test_other_words_keep_snowballs_stem():
    assert [stem(word) for word in ("rolstoelen", "jes", "bijles", "wandelingen")] == [
        "rolstoel",
        "jes",
        "bijles",
        "wandel",
    ]


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("hulp voor mn moeder", ["hulp", "voor", "mijn", "moeder"]),
        ("ik zorg voor m'n moeder", ["ik", "zorg", "voor", "mijn", "moeder"]),
        ("Z’n vader", ["zijn", "vader"]),
        ("mnemonic zn", ["mnemonic", "zijn"]),
    ],
)
def test_chat_forms_of_mijn_and_zijn_are_read_as_those_words(typed, read):
    """A walk: a boy of 15 typed "hulp voor mn moeder" and found nothing; with "mijn" it finds help."""
    assert search_text.words(typed) == read
