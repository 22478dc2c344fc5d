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


def test_slecht_is_too_general_to_stand_for_a_compound():
    """A walk: "ik hoor slecht" and "slechthorend" found the wheelchairs for who is "slecht ter been"."""
    decompounder = Decompounder([*WORD_LIST, "slecht", "horend"])
    assert decompounder.parts("slechthorend") == ["horend"]


def test_goed_is_too_general_to_stand_for_a_compound():
    """A walk: "hulp bij de was" (a synonym of "wasgoed") found "Bewegen voor ouderen", whose text says
    "goed voor uw spieren"."""
    decompounder = Decompounder([*WORD_LIST, "goed", "wassen", "lang", "even"])
    assert decompounder.parts("wasgoed") == []
    assert decompounder.parts("langdurig") == [] and decompounder.parts("evenwicht") == []


def test_a_word_across_the_seam_of_two_parts_is_no_part():
    """A walk: "woningaanpassing" found "Mensen ontmoeten" and two more pages through "gaan", in
    woninG|AANpassing."""
    decompounder = Decompounder([*WORD_LIST, "woning", "aanpassing", "gaan", "passing"])
    assert decompounder.parts("woningaanpassing") == ["woning", "aanpassing", "passing"]
    assert decompounder.parts("rolstoeltaxi") == ["rolstoel", "taxi"]
    # "gaan" is too general to be a part at all; "erop" lies across kinder|opvang and meets "vang".
    kinderopvang = Decompounder(["kinder", "opvang", "erop", "vang"])
    assert kinderopvang.parts("kinderopvang") == ["kinder", "opvang", "vang"]
    # A review: a part that ends (or begins) the word stays, though a longer list word crosses it.
    coaching = Decompounder(["budget", "budgetcoach", "coach", "coaching"])
    assert coaching.parts("budgetcoaching") == ["budget", "budgetcoach", "coach", "coaching"]


def test_a_compound_is_made_wholly_of_parts_a_typing_error_only_begins_with_one():
    """A walk: "mantelzorgrs" got no "Bedoelde u: mantelzorgers?" on the site search once the kaart's word
    list held "mantelzorg": a word that began with a list word counted as a compound, so as no typing
    error."""
    decompounder = Decompounder([*WORD_LIST, "mantelzorg", "stoel", "matter"])
    assert not decompounder.is_compound("mantelzorgrs")
    assert not decompounder.is_compound("rolstoeltax")
    assert decompounder.is_compound("rolstoeltaxi")
    assert decompounder.is_compound("stoelenmatter")  # a linking -en- between two parts
    assert decompounder.is_compound("rolstoelen") and decompounder.is_compound("mantelzorghulp")
    assert not decompounder.is_compound("rolstoel")  # the word itself is a list word, not a compound
    # A review: a list word with any Dutch word is a compound too, though that word is on no list.
    assert decompounder.is_compound("rolstoelfiets") and decompounder.is_compound("fietsrolstoel")


def test_a_compound_written_apart_is_found_as_the_whole_word_it_is():
    """A walk: "regio taxi" found nothing, "regiotaxi" 17; people often write a Dutch compound in parts."""
    from core.search_text import Phrases, join_written_apart, written_apart

    known = {"regiotaxi", "schoonmaken", "keukentafelgesprek"}.__contains__
    assert written_apart(["regio", "taxi"], 0, known) == 2
    assert written_apart(["huis", "schoon", "maken"], 1, known) == 2
    assert written_apart(["keuken", "tafel", "gesprek"], 0, known) == 3
    assert written_apart(["hulp", "bij"], 0, known) == 0
    assert written_apart(["12", "3"], 0, {"123"}.__contains__) == 0  # numbers are not words
    assert written_apart(["a", "fasie"], 0, {"afasie"}.__contains__) == 0  # a letter alone is no part
    none = Phrases()
    joined = join_written_apart(["ik", "zoek", "hulp", "middelen", "regio", "taxi"], known, none)
    assert joined == ["ik", "zoek", "hulp", "middelen", "regiotaxi"]
    assert join_written_apart(["hulp", "middelen"], {"hulpmiddelen"}.__contains__, none) == ["hulpmiddelen"]
    # A review: "ouder en kind" became "ouderen"; "burn out", an editors' synonym, became "burnout".
    ouder_en_kind = ["ouder", "en", "kind"]
    assert join_written_apart(ouder_en_kind, {"ouderen"}.__contains__, none) == ouder_en_kind
    burn_out = Phrases([["burn-out", "overbelast"]])
    assert join_written_apart(["burn", "out"], {"burnout"}.__contains__, burn_out) == ["burn", "out"]


def test_a_word_that_only_lies_inside_another_is_no_part():
    """A walk: "mijn man is overleden" (a synonym of "rouw") found five places in the Brouwersgracht, a youth
    coach first; a part inside a compound meets another part ("coach" in budget|coach|ing)."""
    decompounder = Decompounder([*WORD_LIST, "rouw", "budget", "coach", "stoel", "matter"])
    assert decompounder.parts("brouwersgracht") == []
    # A review: a general word (huis, werk) is a part too for this: klus stands between two.
    assert Decompounder(["klus"]).parts("huiskluswerk") == ["klus"]
    assert decompounder.parts("rouwgroep") == ["rouw"]
    assert decompounder.parts("budgetcoaching") == ["budget", "coach"]
    assert decompounder.parts("stoelenmatter") == ["stoel", "matter"]
    assert decompounder.parts("oudstoelsmattertje") == ["stoel", "matter"]


def test_a_word_inside_a_general_word_is_no_part():
    """A review: "cent" (of the synonym "geen cent") was a part of zorg|cent|rum and of "centrum", which are
    about a building, not money; it still is one of "centjes"."""
    decompounder = Decompounder([*WORD_LIST, "cent", "klus"])
    assert decompounder.parts("zorgcentrum") == [] and decompounder.parts("centrum") == []
    assert decompounder.parts("wijkcentrumklus") == ["klus"]
    assert decompounder.parts("centjes") == ["cent"]
