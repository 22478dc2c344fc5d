"""Compounds are split on the shared word list (core.vocabulary), never on a word that only ends another."""

from core.vocabulary import Decompounder

WORD_LIST = ["rolstoel", "taxi", "geslagen", "slaan", "zorgen", "maatje", "geweld"]


def test_a_compound_is_split_into_the_words_it_holds():
    decompounder = Decompounder(WORD_LIST)
    assert decompounder.parts("rolstoeltaxi") == ["rolstoel", "taxi"]
    assert decompounder.parts("automaatje") == ["maatje"]


def test_a_verb_with_a_prefix_is_no_compound():
    """ "ik word geslagen" found the Privacy page, whose text says "opgeslagen"; "eten bezorgen" found the
    pages for mantelzorgers ("zorgen")."""
    decompounder = Decompounder(WORD_LIST)
    for word in ("opgeslagen", "aangeslagen", "opslaan", "bezorgen", "verzorgen", "geldzorgen"):
        assert decompounder.parts(word) == [], word
    assert decompounder.parts("huisgeweld") == ["geweld"]
