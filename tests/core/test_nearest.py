from core import nearest as nearest_module
from core.nearest import is_near, nearest, nearest_in, words

THEMES = [
    ("vervoer", "Vervoer: taxi, regiotaxi en rolstoelbus"),
    ("ontmoeting", "Ontmoeting: koffieochtend, buurthuis en maaltijd samen"),
    ("maaltijden", "Maaltijden: maaltijdservice en koken aan huis"),
    ("wonen", "Wonen: woningaanpassing en klussendienst"),
]


def test_a_word_is_near_by_stem_by_part_of_a_compound_and_by_a_typing_error():
    assert is_near("maaltijden", "maaltijd")  # the same stem
    assert is_near("klussen", "klussendienst")  # part of a compound
    assert is_near("rolstoel", "rolstoelbus")
    assert is_near("regiotaxx", "regiotaxi")  # one letter wrong
    assert not is_near("taxi", "koffieochtend")
    assert not is_near("bus", "rolstoelbus")  # too short to count as a part


def test_themes_with_more_near_words_come_first_and_a_shared_word_counts_for_each():
    found, near = nearest("maaltijd koffie", THEMES)
    assert near
    assert found == ["ontmoeting", "maaltijden"]  # two near words before one
    found, _near = nearest("maaltijd", THEMES)
    assert found == ["ontmoeting", "maaltijden"]  # equal: in the given order


def test_nothing_near_gives_every_theme_in_order():
    assert nearest("xqzwv", THEMES) == (["vervoer", "ontmoeting", "maaltijden", "wonen"], False)
    assert nearest("", THEMES) == (["vervoer", "ontmoeting", "maaltijden", "wonen"], False)


def test_words_leave_out_short_words_numbers_and_little_words():
    assert words("Hulp bij de 3 klussen, 2024 en WMO") == {"hulp", "klussen", "wmo"}


def test_remembered_near_words_give_the_same_answer_and_spare_the_comparisons(monkeypatch):
    candidates = [(item, words(text)) for item, text in THEMES]
    queries = ["maaltijd koffie", "regiotaxx", "xqzwv", "maaltijd", "klussen maaltijd", "koffie"]
    remembered = {}
    assert [nearest_in(q, candidates, remembered=remembered) for q in queries] == [
        nearest(q, THEMES) for q in queries
    ]
    compared = []
    monkeypatch.setattr(nearest_module, "is_near", lambda typed, known: compared.append(typed) or False)
    assert nearest_in("koffie maaltijd", candidates, remembered=remembered)[0] == ["ontmoeting", "maaltijden"]
    assert compared == []  # both words were typed before
    nearest_in("rolstoel", candidates, remembered=remembered)
    assert set(compared) == {"rolstoel"}


def test_the_remembered_words_are_forgotten_past_their_limit(monkeypatch):
    monkeypatch.setattr(nearest_module, "REMEMBERED_WORDS", 2)
    candidates = [(item, words(text)) for item, text in THEMES]
    remembered = {}
    for query in ["taxi", "koffie", "maaltijd", "wonen"]:
        nearest_in(query, candidates, remembered=remembered)
        assert len(remembered) <= 3
    assert nearest_in("maaltijd", candidates, remembered=remembered) == nearest("maaltijd", THEMES)
