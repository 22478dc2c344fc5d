"""The Dutch stemming both searches share (core.search_text)."""

import pytest

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
