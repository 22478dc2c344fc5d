"""The demo kaart agrees with itself: opening times match what a description says about days, access
fields match what a location says about its entrance, and the words are current and consistent."""

import re
from decimal import Decimal

import pytest

from socialekaart.demo import aanbod, loader
from socialekaart.templatetags.kaart_tags import TOEGANG_UITLEG, kosten_in_words

DAYS = {"maandag": 1, "dinsdag": 2, "woensdag": 3, "donderdag": 4, "vrijdag": 5, "zaterdag": 6, "zondag": 7}
TIMES_WORDS = re.compile(r"\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)")


def _texts(soort) -> str:
    return f"{soort.summary} {soort.description}".lower()


def _days(soort) -> set[int]:
    return {day for day, _start, _end in soort.schedule}


@pytest.mark.parametrize("soort", aanbod.SOORTEN, ids=lambda soort: soort.key)
def test_opening_times_agree_with_the_description(soort):
    text = _texts(soort)
    days = _days(soort)
    if "per maand" in text or "keer per maand" in text:
        assert not days, f"{soort.key}: 'per maand' but open every week on {sorted(days)}"
    if "van maandag tot en met vrijdag" in text:
        assert days == {1, 2, 3, 4, 5}, (
            f"{soort.key}: 'maandag tot en met vrijdag' but open on {sorted(days)}"
        )
    elif "elke dag" in text and soort.schedule:
        assert days == set(range(1, 8)), f"{soort.key}: 'elke dag' but open on {sorted(days)}"
    else:
        named = {DAYS[word] for word in TIMES_WORDS.findall(text)}
        assert named <= days, f"{soort.key}: names {sorted(named)} but open on {sorted(days)}"


def test_the_checks_would_catch_the_old_contradictions():
    monthly = aanbod.Soort(
        "x", "X", "", "Een keer per maand praten wij.", (), (), schedule=((4, "19:30", "21:30"),)
    )
    with pytest.raises(AssertionError):
        test_opening_times_agree_with_the_description(monthly)
    daily = aanbod.Soort(
        "y", "Y", "", "Er is elke dag iets te doen.", (), (), schedule=((1, "09:00", "17:00"),)
    )
    with pytest.raises(AssertionError):
        test_opening_times_agree_with_the_description(daily)


@pytest.mark.parametrize("n", range(4))
def test_access_fields_agree_with_the_description_of_the_entrance(n):
    access = loader.accessibility(n)
    text = access["toegankelijkheid"].lower()
    barrier = any(word in text for word in ("trap", "treden", "drempel", "niet zelf binnen"))
    assert access["rolstoeltoegankelijk"] is not barrier
    assert text, "a location without a description reads as 'we do not know' beside nothing"


def _demo_sentences() -> list[str]:
    sentences = []
    for soort in aanbod.SOORTEN:
        sentences += [soort.summary, soort.description, soort.kosten_toelichting]
    sentences += [loader.accessibility(n)["toegankelijkheid"] for n in range(4)]
    return sentences


def test_demo_texts_use_current_words_and_say_u_hebt():
    text = " ".join(_demo_sentences()).lower()
    assert "invalide" not in text
    assert not re.search(r"\bheeft u\b|\bu heeft\b|\bu\b[^.?!]*\bheeft\b", text)


def test_a_location_with_stairs_does_not_also_say_we_do_not_know(client, kaart):
    locatie = kaart.huishouding.op_locaties.first().locatie
    locatie.rolstoeltoegankelijk = False
    locatie.toegankelijkheid = "Er is een trap van drie treden bij de ingang."
    locatie.save()
    page = client.get(kaart.huishouding.get_absolute_url()).content.decode()
    assert "Er is een trap van drie treden bij de ingang." in page
    assert "Wij weten niet of u hier met een rolstoel naar binnen kunt" not in page


@pytest.mark.parametrize("soort", aanbod.SOORTEN, ids=lambda soort: soort.key)
def test_how_to_sign_up_fits_the_access_and_the_walk_in(soort):
    text = loader.aanmelden_uitleg(soort)
    other_access = {"beschikking", "verwijzing"} - {soort.toegang}
    assert not [word for word in other_access if word in text], f"{soort.key} ({soort.toegang}): {text}"
    if soort.toegang != "vrij":
        assert soort.toegang in text, f"{soort.key}: {text}"
    if soort.inloop:  # who may walk in is not told to wait a week for a call back
        assert "terug" not in text, f"{soort.key}: {text}"
    for sentence in str(TOEGANG_UITLEG[soort.toegang]).split(". "):
        assert sentence.rstrip(".") not in text, f"{soort.key} repeats the kaart's own words: {sentence}"


@pytest.mark.parametrize("soort", [s for s in aanbod.SOORTEN if s.aan_huis], ids=lambda s: s.key)
def test_help_that_comes_to_the_home_is_not_told_to_be_visited(soort):
    assert "naartoe" not in str(TOEGANG_UITLEG[soort.toegang]), soort.key


def test_help_at_home_without_an_address_is_marked_as_coming_to_the_home():
    """The review: the demo's list of help without a place held burenhulp, which was not marked aan_huis."""
    marked = {soort.key for soort in aanbod.SOORTEN if soort.aan_huis}
    assert loader.THUIS_ZONDER_ADRES.issubset(marked)


@pytest.mark.parametrize("soort", aanbod.SOORTEN, ids=lambda soort: soort.key)
def test_an_amount_says_what_it_is_for(soort):
    """The results list shows the explanation when it names the amount (kosten_in_words); "€ 7,50" alone
    did not say it was per tas."""
    if soort.kosten == "bedrag":
        shown = kosten_in_words(soort.kosten, Decimal(soort.kosten_bedrag), soort.kosten_toelichting, "")
        assert shown == soort.kosten_toelichting, f"{soort.key}: the list says {shown!r}"


def test_an_amount_is_named_as_people_write_it():
    assert kosten_in_words("bedrag", Decimal("2.00"), "Een rit kost € 2.", "") == "Een rit kost € 2."
    assert kosten_in_words("bedrag", Decimal("2.00"), "U betaalt € 25 per maand.", "") == "€ 2,00"
    assert kosten_in_words("bedrag", Decimal("7.50"), "U betaalt per tas.", "") == "€ 7,50"


def test_a_rolstoel_has_no_eigen_bijdrage_as_the_pages_say():
    """The pages say "Voor een rolstoel betaalt u geen eigen bijdrage" (Wmo 2015, art. 2.1.4); the kaart's
    "Scootmobiel en rolstoel via de Wmo" said "Eigen bijdrage"."""
    rolstoel = [soort for soort in aanbod.SOORTEN if "rolstoel" in soort.name.lower()]
    assert rolstoel and all(soort.kosten != "eigen_bijdrage" for soort in rolstoel)


SIGNING_UP = ("meld u", "bel ons", "mail ons")


@pytest.mark.parametrize("soort", aanbod.SOORTEN, ids=lambda soort: soort.key)
def test_a_description_that_says_how_to_sign_up_has_its_own_words_for_it(soort):
    """A walk: "Meld u een dag van tevoren." in the description of Samen eten stood above the default "Bel of
    mail ons. Wij bellen u binnen een week terug." under "Hoe meldt u zich aan?"."""
    said = [words for words in SIGNING_UP if words in soort.description.lower()]
    assert not said or soort.aanmelden, f"{soort.key}: says {said} beside the default way to sign up"
