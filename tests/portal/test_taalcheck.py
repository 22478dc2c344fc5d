"""The B1 taalcheck: its numbers, sentence splitting, officialese, thresholds, and the demo texts."""

import time

import pytest
from django.test import override_settings
from textstat.textstat import textstatistics

from core.templatetags.core_tags import MONTHS
from portal.demo import all_pages, page_text
from portal.demo.begrippen import BEGRIPPEN
from portal.taalcheck import check_text, html_to_text, split_sentences, words
from portal.taalcheck.passive import find_passive
from portal.taalcheck.wollig import WOLLIG, find_wollig

# A realistic paragraph in the style of municipal letters about the Wmo.
AMBTELIJK = (
    "Indien u woonachtig bent in de gemeente Lindewaard en u beschikt over onvoldoende mogelijkheden om "
    "zelfstandig uw huishouden te voeren, kunt u middels het daartoe bestemde formulier een melding doen "
    "teneinde in aanmerking te komen voor een maatwerkvoorziening. Het college neemt uw melding in "
    "behandeling en verricht binnen zes weken een onderzoek naar uw ondersteuningsbehoefte, waarbij tevens "
    "wordt bezien in hoeverre uw sociale netwerk en voorliggende voorzieningen een bijdrage kunnen leveren "
    "aan uw zelfredzaamheid. Derhalve verzoeken wij u om alle benodigde bescheiden, alsmede een eventueel "
    "persoonlijk plan, tijdig aan het college te verstrekken."
)
# The same message, rewritten at B1 level.
B1_HERSCHREVEN = (
    "Woont u in Lindewaard? En lukt het huishouden niet meer alleen? Dan kunt u hulp vragen bij de "
    "gemeente. Dat heet een melding. U kunt bellen of een formulier invullen. Binnen zes weken praten we "
    "met u. We kijken samen wat u nodig hebt. Wat kunt u zelf? Wie kan u helpen? Familie, vrienden of "
    "buren misschien? En is er hulp in de buurt? Wilt u zelf een plan schrijven? Dat mag. Stuur het ons "
    "dan binnen 7 dagen."
)


# --- Numbers on known texts ---------------------------------------------------------------------------


def test_numbers_of_a_short_text_match_a_hand_count():
    # De(1) hulp(1) komt(1) op(1) dinsdag(2). U(1) betaalt(2) zelf(1) een(1) deel(1) van(1) de(1) kosten(2).
    # 13 words, 2 sentences, 16 syllables; long words (more than 6 letters): dinsdag, betaalt.
    report = check_text("De hulp komt op dinsdag. U betaalt zelf een deel van de kosten.")
    assert report.word_count == 13
    assert report.sentence_count == 2
    assert report.avg_sentence_length == 6.5
    # 206.835 - 0.77 * (16 / 13 * 100) - 0.93 * 6.5 = 106.02
    assert report.flesch_douma == pytest.approx(106.0, abs=0.05)
    # 6.5 + 100 * 2 / 13 = 21.88
    assert report.lix == pytest.approx(21.9, abs=0.05)
    assert report.long_sentence_share == 0
    assert report.rare_word_share == 0


def test_flesch_douma_agrees_with_textstat_dutch_where_textstat_splits_sentences_right():
    text = "De hulp komt op dinsdag. U betaalt zelf een deel van de kosten."
    textstat = textstatistics()
    textstat.set_lang("nl")
    assert check_text(text).flesch_douma == pytest.approx(textstat.flesch_reading_ease(text), abs=0.05)
    assert check_text(text).lix == pytest.approx(textstat.lix(text), abs=0.05)


def test_textstat_alone_would_miscount_dutch_abbreviations():
    text = "Bel bijv. de gemeente. Of kom langs."
    textstat = textstatistics()
    textstat.set_lang("nl")
    assert textstat.sentence_count(text) == 1  # why we count sentences ourselves
    assert check_text(text).sentence_count == 2


def test_long_sentence_share_counts_sentences_over_twenty_words():
    long_sentence = " ".join(["woord"] * 21) + "."
    report = check_text(f"{long_sentence} Kort. Ook kort. Nog een korte zin.")
    assert report.sentence_count == 4
    assert report.long_sentence_share == 0.25


def test_rare_words_skip_numbers_names_begrippen_and_compounds_of_common_words():
    report = check_text(
        "Mevrouw Jansen krijgt 3 uur respijtzorg in de week. Zij heeft een traplift. "
        "Over de hardheidsclausule beslist de gemeente."
    )
    assert report.rare_words == ["hardheidsclausule"]  # Jansen: name; 3: number; respijtzorg: begrip
    assert report.rare_word_share == pytest.approx(1 / report.word_count, abs=0.001)


def test_words_of_daily_life_are_not_hard_though_written_dutch_has_them_rarely():
    """ "stofzuigen en dweilen" and "het bed verschonen" were the hardest sentences of the household page: the
    words a resident uses, under wordfreq's threshold. Jargon still counts."""
    report = check_text(
        "De hulp kan stofzuigen en dweilen. Zij kan ook het bed verschonen. U krijgt een tillift. "
        "Wij halen de drempels weg."  # a walk: "drempels" was rare, "drempel" not
        " Bel het loket."  # a walk: "loket" was rare, on every page that says whom to call
    )
    assert report.rare_words == ["tillift"]


@pytest.mark.parametrize("month", MONTHS)
def test_a_date_with_its_month_written_short_is_plain(month):
    """In March every staff page with a date failed the taalcheck: "mrt." was a rare word."""
    report = check_text(f"Het gesprek is op 28 {month} 2027. Kom dan naar het gemeentehuis.")
    assert report.rare_words == []


# --- Sentence splitting -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bel bijv. de gemeente. Of kom langs.", ["Bel bijv. de gemeente.", "Of kom langs."]),
        (
            "Hulp bij o.a. schoonmaken en koken. Dat is fijn.",
            ["Hulp bij o.a. schoonmaken en koken.", "Dat is fijn."],
        ),
        ("Een pgb, d.w.z. een budget. Dat kan.", ["Een pgb, d.w.z. een budget.", "Dat kan."]),
        ("U betaalt € 7,50 per uur. Dat is alles.", ["U betaalt € 7,50 per uur.", "Dat is alles."]),
        ("Wij zijn open vanaf 8.30 uur. Kom gerust.", ["Wij zijn open vanaf 8.30 uur.", "Kom gerust."]),
        ("Koken, wassen enz. Daarna gaan we.", ["Koken, wassen enz.", "Daarna gaan we."]),
        ("Koken, wassen enz. en nog meer.", ["Koken, wassen enz. en nog meer."]),
        ("Vraag het J. de Vries. Hij weet het.", ["Vraag het J. de Vries.", "Hij weet het."]),
        ("Is het spoed? Bel ons! Wij helpen.", ["Is het spoed?", "Bel ons!", "Wij helpen."]),
        ('Hij zei: "Kom maar." Toen ging ik.', ['Hij zei: "Kom maar."', "Toen ging ik."]),
        ("Dat was in 2017. Daarna niet meer.", ["Dat was in 2017.", "Daarna niet meer."]),
        (
            "Hulp bij het huishouden\nEen hulp komt bij u thuis",
            ["Hulp bij het huishouden", "Een hulp komt bij u thuis"],
        ),
        ("1. Doe een melding\n2. Het gesprek", ["Doe een melding", "Het gesprek"]),
    ],
)
def test_sentence_splitting(text, expected):
    assert split_sentences(text) == expected


def test_html_blocks_are_sentences_of_their_own():
    html = (
        "<h2>Wat doet de hulp?</h2><p>De hulp doet het werk in huis.</p>"
        "<ul><li>stofzuigen</li><li>de was doen</li></ul><p>Bel&nbsp;ons &amp; vraag het.</p>"
        "<script>var x = 1;</script>"
    )
    text = html_to_text(html)
    assert (
        text
        == "Wat doet de hulp?\nDe hulp doet het werk in huis.\nstofzuigen\nde was doen\nBel ons & vraag het."
    )
    assert split_sentences(text) == [
        "Wat doet de hulp?",
        "De hulp doet het werk in huis.",
        "stofzuigen",
        "de was doen",
        "Bel ons & vraag het.",
    ]


def test_words_keep_hyphenated_words_and_numbers_together():
    assert words("De Wmo-melding kost € 7,50 om 8.30 uur, 's avonds.") == [
        "De",
        "Wmo-melding",
        "kost",
        "7,50",
        "om",
        "8.30",
        "uur",
        "'s",
        "avonds",
    ]


def test_e_mail_and_web_addresses_are_not_words():
    assert words("Mail naar wmo@lindewaard.example of kijk op https://www.lindewaard.example/hulp.") == [
        "Mail",
        "naar",
        "of",
        "kijk",
        "op",
    ]
    assert words("Zie www.lindewaard.example.") == ["Zie"]


# --- Officialese --------------------------------------------------------------------------------------


def test_the_list_has_at_least_80_entries():
    assert len(WOLLIG) >= 80


def _first_alternative(form: str) -> str:
    return next(alternative for forms, alternative in WOLLIG if form in forms)


@pytest.mark.parametrize("form", sorted({form for forms, _ in WOLLIG for form in forms}))
def test_each_officialese_form_is_found_with_its_alternative(form):
    found = find_wollig(f"Zo staat het er: {form}, en verder niets.")
    assert (form, _first_alternative(form), 1) in found


def test_officialese_matches_whole_words_and_phrases_in_any_case():
    assert find_wollig("Indien nodig. INDIEN mogelijk.") == [("indien", "als", 2)]
    assert find_wollig("De middelste deur, tevensook.") == []
    assert find_wollig("U beschikt\nover een auto.") == [("beschikt over", "hebben", 1)]
    in_te_dienen = [("in te dienen", "te sturen, te geven", 1)]  # a walk: "dienen (beter: moeten)"
    assert find_wollig("Vergeet niet de aanvraag in te dienen.") == in_te_dienen
    assert find_wollig("Wij komen teneinde te helpen.") == [("teneinde te", "om te", 1)]


def test_a_decision_letters_bezwaar_paragraph_is_officialese():
    """A walk: an editor pasted it into a page, and the check called it almost B1, with only "indien" and
    "dient" found."""
    letter = (
        "Indien u het niet eens bent met dit besluit, dient u binnen zes weken na de dagtekening een "
        "bezwaarschrift te sturen aan het college van burgemeester en wethouders. Als belanghebbende kunt "
        "u ook uw zienswijze kenbaar te maken."
    )
    found = {form for form, _alternative, _count in find_wollig(letter)}
    assert found == {
        "indien", "dient", "dagtekening", "bezwaarschrift", "college van burgemeester en wethouders",
        "belanghebbende", "zienswijze", "kenbaar te maken",
    }  # fmt: skip


def test_a_verb_gets_its_plain_word_in_the_same_form():
    """ "dient (beter: moeten)" for "dient u zich te wenden": the editor who follows it writes "moeten u"."""
    assert find_wollig("Dan dient u te bellen.") == [("dient", "moet", 1)]
    assert find_wollig("Zij dienen te bellen.") == [("dienen", "moeten", 1)]
    assert find_wollig("De gemeente ontvangt uw melding.") == [("ontvangt", "krijgt", 1)]


# --- The officialese paragraph and its B1 rewrite -----------------------------------------------------


def test_a_past_participle_gets_its_plain_word_in_the_same_form():
    """A walk: "wordt verstrekt (beter: geven)", "toegekend (beter: geven)": "wordt geven" is no Dutch."""
    text = (
        "De hulp wordt verstrekt door de gemeente. De hulp is toegekend. De brief is verzonden. "
        "Hebt u de brief ontvangen? De hulp wordt beëindigd."
    )
    replacements = {word: alternative for word, alternative, _ in check_text(text).replacements}
    assert replacements == {
        "verstrekt": "geeft, gegeven",
        "toegekend": "gegeven",
        "verzonden": "gestuurd",
        "ontvangen": "krijgen, gekregen",
        "beëindigd": "gestopt",
    }


def test_an_officialese_paragraph_is_flagged_with_its_numbers():
    report = check_text(AMBTELIJK)
    assert not report.passed
    assert report.sentence_count == 3
    assert report.word_count == 93
    assert report.avg_sentence_length == 31.0
    assert report.long_sentence_share == pytest.approx(0.667, abs=0.001)
    assert report.flesch_douma == pytest.approx(20.7, abs=0.05)
    assert report.lix == pytest.approx(74.0, abs=0.05)
    replacements = {word: alternative for word, alternative, _ in report.replacements}
    assert replacements["indien"] == "als"
    assert replacements["woonachtig"] == "wonen"
    assert replacements["beschikt over"] == "hebben"
    assert replacements["middels"] == "met"
    assert replacements["teneinde"] == "om"
    assert replacements["maatwerkvoorziening"] == "hulp die bij u past"
    assert replacements["derhalve"] == "daarom"
    assert replacements["alsmede"] == "en"
    assert replacements["tijdig"] == "op tijd"  # a walk: the check was silent on it
    assert replacements["verricht"] == "doet, gedaan"
    assert replacements["benodigde bescheiden"] == "de papieren"  # an editor's walk: silent on it too
    assert len(report.replacements) == 18  # "benodigde bescheiden" is one
    assert report.rare_words == ["bestemde", "voorliggende", "zelfredzaamheid"]
    assert report.rare_word_share == pytest.approx(3 / 93, abs=0.001)
    assert len(report.problems) == 6  # every threshold is missed
    assert report.problems[0].startswith("De zinnen zijn gemiddeld 31,0 woorden lang.")
    assert any("Flesch-Douma-score is 20,7" in problem for problem in report.problems)
    assert any("LIX-score is 74,0" in problem for problem in report.problems)
    assert any("18 ambtelijke woorden" in problem for problem in report.problems)
    # 3.2% read "3% ... Dat mag hoogstens 3% zijn.": above its limit a share is rounded up to a tenth.
    assert any(
        "3,2% van de woorden is weinig bekend. Dat mag hoogstens 3% zijn." in problem
        for problem in report.problems
    )
    # "verricht" (the college's onderzoek) puts the second sentence first now
    assert report.hardest_sentences[0].sentence.startswith("Het college neemt uw melding in behandeling")
    indien = report.hardest_sentences[1]
    assert indien.sentence.startswith("Indien u woonachtig bent") and indien.words == 38
    assert "38 woorden: dat is te lang. Maak er twee zinnen van." in indien.reasons


def test_its_b1_rewrite_passes():
    report = check_text(B1_HERSCHREVEN)
    assert report.passed, report.problems
    assert report.problems == []
    assert report.avg_sentence_length == pytest.approx(5.6, abs=0.05)
    assert report.flesch_douma == pytest.approx(96.3, abs=0.05)
    assert report.lix == pytest.approx(18.3, abs=0.05)
    assert report.replacements == []


# --- Thresholds and short texts -----------------------------------------------------------------------


def test_thresholds_come_from_settings():
    with override_settings(TAALCHECK={"MAX_AVG_SENTENCE_LENGTH": 5}):
        report = check_text(B1_HERSCHREVEN)
    assert not report.passed
    assert report.problems == [
        "De zinnen zijn gemiddeld 5,6 woorden lang. Dat mag hoogstens 5 zijn. Maak de zinnen korter."
    ]


def test_an_empty_text_passes_with_zeros():
    report = check_text("")
    assert report.passed and report.word_count == 0 and report.sentence_count == 0


def test_a_short_text_is_judged_on_sentence_length_not_on_formulas():
    short = check_text("Bel ons over de huishoudelijke ondersteuningsmogelijkheden.")
    assert short.short_text
    assert short.lix > 38  # the formula says "hard", but on 6 words it says little
    assert short.passed
    too_long = check_text(" ".join(["woord"] * 25) + ".")
    assert too_long.short_text and not too_long.passed


def test_a_short_text_full_of_officialese_fails():
    report = check_text("Indien u dat wenst, belt u ons middels de telefoon.")
    assert report.short_text
    assert not report.passed
    assert report.problems == [
        "De tekst heeft 3 ambtelijke woorden. Kies de gewone woorden uit de lijst hieronder."
    ]
    assert report.as_dict()["replacements"][0] == {"word": "indien", "alternative": "als", "count": 1}


PLAIN_PAGE = " ".join(["Een hulp komt bij u thuis. Zij maakt het huis schoon."] * 40)


def test_one_very_long_sentence_is_never_b1_however_plain_the_page():
    """A 52-word sentence in a long plain page was "bijna op B1-niveau": the page's averages hid it."""
    very_long = " ".join(["woord"] * 45) + "."
    report = check_text(f"{PLAIN_PAGE} {very_long}")
    assert report.longest_sentence == 45 and not report.passed
    assert report.problems == [
        "Er staat een zin van 45 woorden in. Een zin van meer dan 40 woorden is nooit B1. Maak er korte "
        "zinnen van. Hieronder staat welke zin het is."
    ]
    assert check_text(f"{PLAIN_PAGE} {' '.join(['woord'] * 40)}.").passed


def test_a_sentence_full_of_officialese_is_never_b1_however_plain_the_page():
    report = check_text(
        f"{PLAIN_PAGE} Indien u dat wenst, belt u ons middels de telefoon, teneinde een afspraak."
    )
    assert report.officialese_share < report.limits["MAX_OFFICIALESE_SHARE"] and not report.passed
    assert report.problems == [
        "Er staat een zin met 4 ambtelijke woorden in. Kies de gewone woorden uit de lijst hieronder."
    ]
    assert check_text(f"{PLAIN_PAGE} Indien u dat wilt, belt u ons middels de telefoon.").passed


def test_the_hardest_sentences_come_worst_first_and_say_why():
    report = check_text(
        "Dit is kort. "
        + " ".join(["lange"] * 22)
        + " zin. Indien het lukt, komen wij morgen bij u langs thuis."
    )
    sentences = [sentence for sentence, _ in report.hardest_sentences]
    assert sentences[0].startswith("lange lange")
    assert report.hardest_sentences[0].words == 23
    assert sentences[1].startswith("Indien")
    assert report.hardest_sentences[1].reasons == ["Ambtelijke woorden: indien (beter: als)."]
    assert "Dit is kort." not in sentences


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Uw aanvraag wordt door de consulent binnen zes weken beoordeeld.", ["wordt … beoordeeld"]),
        ("Als de hulp betaald wordt, krijgt u een brief.", ["betaald wordt"]),
        ("De kosten worden vergoed en de hulp wordt erkend.", ["worden vergoed", "wordt erkend"]),
        ("Er wordt niets gedaan.", ["wordt … gedaan"]),
        ("Soms kan uw huis worden aangepast.", ["worden aangepast"]),
        ("Er worden gesprekken gevoerd met bewoners.", ["worden … gevoerd"]),
        # "worden" without a participle, a participle without "worden", and words only shaped like one
        ("Uw moeder wordt ouder.", []),
        ("Mijn moeder is ziek geworden.", []),
        ("Wij bellen u binnen vijf dagen.", []),
        ("Het wordt geen probleem voor de gemeente.", []),
        ("Het wordt vervelend.", []),
        ("Er worden verbeteringen besproken.", ["worden … besproken"]),
        # A walk: "afgeeft" was the participle, and "aangetekend" was left out as a long word on -end.
        (
            "De gemeente geeft een besluit af waartegen bezwaar kan worden aangetekend.",
            ["worden aangetekend"],
        ),
        ("De kosten worden later uitgerekend.", ["worden … uitgerekend"]),
        # A review: a participle misspelt is a passive still; a present participle after ge- is none.
        ("Uw aanvraag wordt behandelt.", ["wordt behandelt"]),
        ("Het wordt geruststellend.", []),
    ],
)
def test_the_passive_voice_is_found_with_its_participle(sentence, expected):
    assert find_passive(sentence) == expected


def test_a_passive_sentence_gets_a_hint_but_does_not_fail_the_page():
    """B1 guidance: say who does it. A hint on the sentence, as a passive is sometimes the plainest way."""
    text = "Wij helpen u graag. Uw aanvraag wordt door ons bekeken. Daarna bellen wij u op."
    report = check_text(text)
    assert report.passed
    [hard] = report.hardest_sentences
    assert hard.sentence == "Uw aanvraag wordt door ons bekeken."
    assert hard.reasons[0].startswith("Lijdende vorm: wordt … bekeken. Schrijf liever wie het doet")
    assert (
        check_text("Wij helpen u graag. Wij bekijken uw aanvraag. Daarna bellen wij u op.").hardest_sentences
        == []
    )


def test_a_page_is_checked_fast_enough_for_every_edit():
    text = page_text(all_pages()[2])
    check_text(text)  # loads the word lists once
    start = time.perf_counter()
    for _ in range(5):
        check_text(text + " Nog een zin.")
    assert (time.perf_counter() - start) / 5 < 0.25


# --- The demo texts -----------------------------------------------------------------------------------


@pytest.mark.parametrize("page", all_pages(), ids=lambda page: page["slug"])
def test_every_demo_text_passes(page):
    report = check_text(page_text(page))
    assert report.passed, (report.problems, report.hardest_sentences, report.replacements)
    assert report.word_count > 0


def test_the_begrippen_are_short_and_b1():
    required = {
        "Wmo",
        "melding",
        "aanvraag",
        "beschikking",
        "maatwerkvoorziening",
        "algemene voorziening",
        "keukentafelgesprek",
        "cliëntondersteuner",
        "mantelzorger",
        "pgb",
        "zorg in natura",
        "eigen bijdrage",
        "HHT",
        "respijtzorg",
        "wijkteam",
        "indicatie",
        "persoonlijk plan",
        "CAK",
        "bezwaar",
        "sociale kaart",
    }
    names = {begrip["term"] for begrip in BEGRIPPEN} | {v for begrip in BEGRIPPEN for v in begrip["variants"]}
    assert required <= names
    for begrip in BEGRIPPEN:
        report = check_text(begrip["uitleg"])
        assert report.passed, (begrip["term"], report.problems)
        assert report.avg_sentence_length <= 12


def test_a_report_survives_pickling():
    import pickle

    report = check_text(AMBTELIJK)
    copy = pickle.loads(pickle.dumps(report))  # noqa: S301 (our own data)
    assert copy.hardest_sentences[0].reasons == report.hardest_sentences[0].reasons
    assert copy.hardest_sentences[0] == report.hardest_sentences[0]


# --- The demo content's format ------------------------------------------------------------------------

THEMA_CODES = {
    "huishouden",
    "begeleiding",
    "dagbesteding",
    "mantelzorg",
    "ontmoeting",
    "vervoer",
    "wonen",
    "hulpmiddelen",
    "geld",
    "maaltijden",
    "clientondersteuning",
    "gezondheid",
    "opvoeden",
    "vrijwilligerswerk",
}
DOELGROEP_CODES = {
    "ouderen",
    "mantelzorgers",
    "jongeren",
    "volwassenen",
    "beperking",
    "ggz",
    "gezinnen",
    "nieuwkomers",
}
BLOCK_TYPES = {"text", "goed_om_te_weten", "stappen", "vragen", "contact", "kaart_link", "melding_cta"}


def test_the_demo_content_has_the_agreed_shape():
    from portal.demo.content import HOME, PLAIN_PAGES, THEMES

    assert HOME["title"] and HOME["intro"]
    assert [theme["slug"] for theme in THEMES] == [
        "hulp-voor-mezelf",
        "ik-zorg-voor-iemand",
        "melding-en-regels",
        "voor-professionals",
    ]
    assert [page["slug"] for page in PLAIN_PAGES] == ["privacy", "toegankelijkheid"]
    pages = [page for theme in THEMES for page in theme["pages"]]
    slugs = [page["slug"] for page in pages]
    assert len(slugs) == len(set(slugs))
    used = set()
    for page in pages:
        assert page["title"] and page["intro"], page["slug"]
        types = [block_type for block_type, _ in page["body"]]
        used |= set(types)
        assert set(types) <= BLOCK_TYPES, page["slug"]
        links = [value for block_type, value in page["body"] if block_type == "kaart_link"]
        assert links, page["slug"]  # one per subject of the page: eten, and boodschappen
        for link in links:
            assert set(link["thema"]) <= THEMA_CODES and set(link["doelgroep"]) <= DOELGROEP_CODES
    assert used == BLOCK_TYPES


def test_the_demo_covers_every_subject():
    text = "\n".join(page_text(page) for page in all_pages()).lower()
    for subject in [
        "hulp bij het huishouden",
        "begeleiding",
        "dagbesteding",
        "hulpmiddel",
        "vervoer",
        "respijtzorg",
        "€ 7,50 per uur",
        "eigen bijdrage",
        "laag inkomen",
        "pgb",
        "zorg in natura",
        "cliëntondersteuner",
        "binnen 6 weken na de melding",
        "7 dagen na de melding",
        "binnen 2 weken na de aanvraag",
        "keukentafelgesprek",
        "binnen 2 werkdagen",
        "bezwaar",
        "binnen 6 weken nadat wij u de brief stuurden",
        "vervanger",
        "sociale kaart",
        "per wijk",
        "toestemming",
    ]:
        assert subject in text, subject


def test_the_advice_for_a_long_sentence_fits_its_length():
    """A walk: "Maak er twee zinnen van" for 73 words (two halves are still far too long), and "een lange zin"
    for 16 words, where only more than 20 count as long."""
    very_long = " ".join(["De gemeente helpt mensen die thuis hulp nodig hebben"] * 8) + "."
    report = check_text(very_long)
    (reasons,) = [sentence.reasons for sentence in report.hardest_sentences]
    assert "72 woorden: dat is te lang. Maak er 6 korte zinnen van." in reasons
    rather_long = check_text(
        "De gemeente helpt mensen die thuis hulp nodig hebben en zij doet dat elke week graag."
    )
    assert "16 woorden. Kan het korter? Een zin heeft gemiddeld hoogstens 12 woorden." in (
        rather_long.hardest_sentences[0].reasons
    )


def test_what_the_report_shows_adds_up_to_its_verdict():
    """A walk's editor read a table all within its limits under "nog niet op B1-niveau" (one sentence of 75
    words), "Weinig bekende woorden 0%" above the three words it listed, and "een zin met 8 ambtelijke
    woorden" beside seven of them."""
    from django.template.loader import render_to_string

    very_long = " ".join(["woord"] * 45) + "."
    report = check_text(f"{PLAIN_PAGE} {very_long} Wij doen dat conform de regels.")
    html = " ".join(render_to_string("portal/admin/taalcheck_report.html", {"report": report}).split())
    assert '<th scope="row">Woorden in de langste zin</th><td>45</td><td>40 of minder</td>' in html
    assert '<th scope="row">Meeste ambtelijke woorden in één zin</th><td>1</td><td>2 of minder</td>' in html
    rare = check_text(f"{PLAIN_PAGE} Wij helpen met continuïteit.")
    assert rare.rare_words == ["continuïteit"] and rare.rare_word_percent == "0,2%"
    assert check_text(PLAIN_PAGE).rare_word_percent == "0%"
    one_in_200 = check_text(" ".join(["Een hulp komt bij u."] * 39) + " Wij helpen echt met continuïteit.")
    assert one_in_200.rare_word_share == 0.005 and one_in_200.rare_word_percent == "0,5%"  # not "0%"
    twice = check_text("Indien u wilt en indien het kan, belt u middels de telefoon.")
    assert twice.hardest_sentences[0].reasons == [
        "Ambtelijke woorden: indien (2×, beter: als), middels (beter: met)."
    ]
    assert twice.most_officialese_in_a_sentence == 3


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("Dit wordt door de zorgaanbieder zorggedragen.", "zorggedragen"),
        ("De hulp verricht het werk.", "verricht"),
        ("Wij waarborgen uw privacy.", "waarborgen"),
    ],
)
def test_officialese_a_walk_found_unflagged_is_flagged(sentence, word):
    assert word in [found for found, _alternative, _count in find_wollig(sentence)]


def test_bescheiden_is_officialese_only_as_the_documents():
    assert find_wollig("Stuur ons uw bescheiden.") == [("uw bescheiden", "de papieren", 1)]
    assert find_wollig("U betaalt een bescheiden bedrag.") == []
