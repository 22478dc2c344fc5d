"""The melding speaks to the right person: about the person who needs help when someone else makes it,
in B1 on every step and error state, with error lines that name their field, and for staff about "de inwoner".
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from meldingen.answers import Answers
from meldingen.forms import person_words
from meldingen.models import Melding
from meldingen.steps import CHECK_STEP, STEPS, answers_as_typed
from meldingen.summary import summary_sections
from portal.taalcheck.report import default_known_terms

from .conftest import ANDER_UITGEBREID, ZELF_KORT

taalcheck = pytest.importorskip("portal.taalcheck", reason="the B1 taalcheck module is not in this tree")
pytestmark = pytest.mark.django_db

VOOR_WIE = ["zelf", "mantelzorger", "familie", "professional"]
SOMEONE_ELSE = VOOR_WIE[1:]
WRONG_PERSON = re.compile(r"\b(u|uw|mij|mijn|mezelf|uzelf)\b", re.I)
MELDER = dict(ANDER_UITGEBREID)["melder"]


def path(voor_wie: str, soort: str) -> list[tuple[str, dict]]:
    steps = dict(ANDER_UITGEBREID if soort == "uitgebreid" else ZELF_KORT)
    walk = [("voor-wie", {"voor_wie": voor_wie})]
    if voor_wie != "zelf":
        walk.append(
            ("melder", {**MELDER, "organisatie": "Wijkteam Noord"} if voor_wie == "professional" else MELDER)
        )
    walk.append(("keuze", {"soort": soort}))
    names = (
        ["waarover", "gegevens", "spoed"]
        if soort == "kort"
        else ["gegevens", "hulp", "situatie", "gesprek", "spoed"]
    )
    # When to call is the writer's own answer, in a section about the person (a review).
    when = {"bereikbaar": "Na 14 uur"}
    walk += [
        (name, {**steps[name], **when} if name in ("waarover", "gesprek") else steps[name]) for name in names
    ]
    if voor_wie == "zelf":  # one's own phone number is asked
        walk = [
            (name, {"telefoon": "0612345678", **data} if name == "gegevens" else data) for name, data in walk
        ]
    return walk


VARIANTS = [(voor_wie, soort) for voor_wie in VOOR_WIE for soort in ("kort", "uitgebreid")]


def main(html: str):
    return BeautifulSoup(html, "html.parser").find("main")


def pages_of(walker, voor_wie, soort):
    """(name, html) of every step as shown and in its error state, then the check page."""
    walker.start()
    pages = []
    for step, data in path(voor_wie, soort):
        pages.append((step, walker.client.get(f"/melding/{step}/").content.decode()))
        if step != "waarover":  # its questions may all stay empty: it has no error state
            error = walker.post(
                step, {"plek": "elders", "onderwerpen": ["anders"]} if step in ("gesprek", "hulp") else {}
            )
            assert "<title>Fout: " in error.content.decode(), step
            pages.append((f"{step} (fout)", error.content.decode()))
        assert walker.post(step, data).status_code == 302, step
    pages.append(("controleren", walker.client.get("/melding/controleren/").content.decode()))
    return pages


def about_the_person(html: str, voor_wie: str) -> str:
    """The page's text without what speaks to the writer on purpose (marked data-to-writer)."""
    tree = main(html)
    for element in tree.select("[data-to-writer], .back-link, .button-group, dd"):  # dd: what was typed
        element.decompose()
    text = tree.get_text(" ", strip=True)
    return text.replace(person_words(voor_wie)["persoon"], "de persoon").replace(
        person_words(voor_wie)["Persoon"], "De persoon"
    )


@pytest.mark.parametrize("voor_wie", SOMEONE_ELSE)
@pytest.mark.parametrize("soort", ["kort", "uitgebreid"])
def test_for_someone_else_no_step_calls_the_person_u_or_mij(walker, voor_wie, soort):
    for name, html in pages_of(walker, voor_wie, soort):
        if name.startswith(("voor-wie", "melder")):
            continue  # the writer's own pages
        text = about_the_person(html, voor_wie)
        found = WRONG_PERSON.findall(text)
        assert not found, (name, found, text)


def test_the_person_is_named_as_the_writer_knows_them(walker):
    pages = dict(pages_of(walker, "professional", "uitgebreid"))
    assert "Wat lukt uw cliënt niet meer?" in pages["situatie"]
    assert "Bij uw cliënt thuis" in pages["gesprek"]
    assert "Gegevens van uw cliënt" in pages["gegevens"]
    # Every question of the situation has an example; "Wat doet u nu zelf?" had none.
    assert "Bijvoorbeeld: uw cliënt kookt nog zelf, maar stofzuigen lukt niet meer." in pages["situatie"]
    pages = dict(pages_of(walker, "mantelzorger", "uitgebreid"))
    assert "Wat lukt de persoon niet meer?" in pages["situatie"]
    assert "Bij de persoon thuis" in pages["gesprek"] and "Bij mij thuis" not in pages["gesprek"]
    assert "Kort: alleen mijn naam" not in pages["keuze"]


# How the short choice names what the short route requires (sending it, with its consent, aside).
NAMED_AS = {
    "naam": "naam",
    "straat": "adres",
    "huisnummer": "adres",
    "postcode": "adres",
    "woonplaats": "adres",
    "telefoon": "telefoonnummer",
    "spoed": "dringend",
}


@pytest.mark.parametrize("voor_wie", ["zelf", "mantelzorger"])
def test_the_short_choice_names_every_answer_the_short_route_requires(walker, voor_wie):
    """It said "alleen naam, adres en telefoonnummer", and then the spoed question had to be answered."""
    keuze = dict(pages_of(walker, voor_wie, "kort"))["keuze"]
    [short] = [
        label.get_text(" ", strip=True) for label in main(keuze).select("label") if "Kort:" in label.text
    ]
    typed = {"voor-wie": {"voor-wie-voor_wie": voor_wie}, "keuze": {"keuze-soort": "kort"}}
    answers = answers_as_typed(typed)
    after_the_choice = STEPS[[step.slug for step in STEPS].index("keuze") + 1 :]
    for step in after_the_choice:
        if step.slug == CHECK_STEP or not step.applies_to(answers):
            continue
        # As the page asks them: for someone else the person's phone number is not required.
        for name, field in step.form(answers=answers).fields.items():
            if field.required:
                assert NAMED_AS[name] in short, (step.slug, name, short)


@pytest.mark.slow  # walks every variant; its texts do not depend on the database engine
def test_every_step_of_every_variant_passes_the_taalcheck(walker, capsys):
    figures = []
    for voor_wie, soort in VARIANTS:
        texts = []
        for name, html in pages_of(walker, voor_wie, soort):
            tree = main(html)
            for answer in tree.select(
                "dd"
            ):  # what the resident typed is not our text: an answer counts as one
                answer.string = "Antwoord."
            text = taalcheck.html_to_text(str(tree))
            # "Wijzig" is the check page's link word (NL Design System), explained in its first sentence.
            report = taalcheck.check_text(text, known_terms=[*default_known_terms(), "Wijzig"])
            assert report.passed, (voor_wie, soort, name, report.problems, report.rare_words)
            texts.append(text)
        whole = taalcheck.check_text("\n".join(texts))
        figures.append(
            f"{voor_wie}/{soort}: {whole.word_count} words, {whole.avg_sentence_length:.1f} per sentence, "
            f"Flesch-Douma {whole.flesch_douma:.0f}, LIX {whole.lix:.0f}, rare {whole.rare_word_share:.1%}"
        )
    with capsys.disabled():
        print("\ntaalcheck per variant:\n" + "\n".join(figures))


def test_error_summary_names_each_field(walker):
    walker.walk(ZELF_KORT[:3])
    html = walker.post("gegevens", {}).content.decode()
    summary = [
        li.get_text(strip=True) for li in BeautifulSoup(html, "html.parser").select(".error-summary li")
    ]
    assert "Postcode: vul de postcode in." in summary
    assert "Huisnummer: vul het huisnummer in." in summary
    assert "Naam: vul de naam in." in summary
    assert len(set(summary)) == len(summary)
    assert "Wmo-loket van die gemeente" not in html  # an empty postcode is not another municipality


@pytest.mark.parametrize("voor_wie", VOOR_WIE)
def test_every_error_line_is_the_fields_name_and_one_instruction(walker, voor_wie):
    """Each line like 'Toestemming: kies een antwoord.', never a whole question with an instruction glued on
    ('... het ermee eens: kies een antwoord.') or a colon within a colon."""
    lines = [
        (name, line.get_text(" ", strip=True))
        for name, html in pages_of(walker, voor_wie, "uitgebreid")
        for line in BeautifulSoup(html, "html.parser").select(".error-summary li")
    ]
    assert lines, "no error summary found"  # else the check below would pass on nothing
    for name, text in lines:
        field, _, instruction = text.partition(": ")
        assert instruction and ":" not in instruction and "?" not in field, (voor_wie, name, text)


@pytest.mark.parametrize(
    ("voor_wie", "start"), [("mantelzorger", "de persoon"), ("professional", "uw cliënt")]
)
def test_the_melder_steps_error_names_its_question_as_the_page_asks_it(walker, voor_wie, start):
    """The summary said "Toestemming: kies een antwoord." for the question "Weet de persoon van deze melding?
    En is de persoon het ermee eens?": no word on the page the writer could find."""
    walker.start()
    walker.post("voor-wie", {"voor_wie": voor_wie})
    summary = BeautifulSoup(walker.post("melder", {}).content.decode(), "html.parser").select_one(
        ".error-summary"
    )
    assert f"Weet {start} van deze melding: kies een antwoord." in summary.get_text(" ", strip=True)
    assert "Toestemming" not in summary.get_text()


def test_house_number_with_a_letter_or_suffix_is_accepted(walker):
    # A walk: "12-2" read "Kerkplein 12 2"; a number behind the number keeps its dash.
    # A walk: "12" with "a" at Toevoeging read "12 a", and "12a" read "12 A".
    for typed, toevoeging, written in (
        ("12a", "", "12 A"),
        ("12 A", "", "12 A"),
        ("12-2", "", "12-2"),
        ("12", "a", "12 A"),
        ("12", "hs", "12 hs"),
    ):
        walker.walk(ZELF_KORT[:3])
        data = dict(dict(ZELF_KORT)["gegevens"], huisnummer=typed, toevoeging=toevoeging)
        assert walker.post("gegevens", data).status_code == 302, typed
        walker.post("spoed", {"spoed": "nee"})
        check = walker.client.get("/melding/controleren/").content.decode()
        assert f"Kerkplein {written}," in check, (typed, check)


def test_a_two_digit_year_asks_for_four_digits(walker):
    walker.walk(ZELF_KORT[:3])
    data = dict(dict(ZELF_KORT)["gegevens"], geboortedag="7", geboortemaand="3", geboortejaar="50")
    html = walker.post("gegevens", data).content.decode()
    assert "Vul het jaar met 4 cijfers in, zoals 1950." in html


@pytest.mark.parametrize(
    ("dag", "maand", "jaar", "said"),
    [
        ("zeven", "maart", "negentienvijftig", ("Vul de dag in met cijfers, zoals 7.", "4 cijfers in")),
        ("ze", "3", "1950", ("Vul de dag in met cijfers, zoals 7.",)),
        ("7", "maartmaand", "1950", ("Vul de maand in als getal of als woord, zoals 3 of maart.",)),
    ],
)
def test_a_birth_date_in_words_asks_for_numbers_at_its_part(walker, dag, maand, jaar, said):
    """A walk typed "zeven maart negentienvijftig" and read "dit is 3 tekens te lang" and "dit is 12 tekens te
    lang" under "Geboortedatum": shortened, a word is still no day, and neither said which box."""
    walker.walk(ZELF_KORT[:3])
    data = dict(dict(ZELF_KORT)["gegevens"], geboortedag=dag, geboortemaand=maand, geboortejaar=jaar)
    html = walker.post("gegevens", data).content.decode()
    assert "te lang" not in html and all(message in html for message in said)
    assert f'value="{dag}"' in html and f'value="{jaar}"' in html  # what was typed stays


def test_too_long_text_says_how_much_and_the_browser_never_cuts_it(walker):
    walker.walk([(s, d) for s, d in ANDER_UITGEBREID if s != "situatie"][:5])
    page = walker.client.get("/melding/situatie/").content.decode()
    assert "maxlength" not in page and 'data-max-length="2000"' in page
    html = walker.post("situatie", {"wat_lukt_niet": "x" * 2003}).content.decode()
    assert "Dit is 3 tekens te lang." in html and "hoogstens" not in html


def test_optional_fields_are_never_required_and_conditional_ones_not_marked_optional(walker):
    walker.start()
    walker.post("voor-wie", {"voor_wie": "mantelzorger"})
    assert 'name="melder-organisatie"' not in walker.client.get("/melding/melder/").content.decode()
    walker.post("voor-wie", {"voor_wie": "professional"})
    html = walker.client.get("/melding/melder/").content.decode()
    label = main(html).find("label", attrs={"for": "id_melder-organisatie"}).get_text(" ", strip=True)
    assert label == "Naam van uw organisatie"
    assert (
        "Naam van uw organisatie: vul de naam van uw organisatie in."
        in walker.post("melder", MELDER).content.decode()
    )
    walker.walk(ANDER_UITGEBREID[:6])
    html = walker.client.get("/melding/gesprek/").content.decode()
    label = main(html).find("label", attrs={"for": "id_gesprek-plek_anders"}).get_text(" ", strip=True)
    assert label == "Waar dan?"


def test_the_short_melding_keeps_what_it_is_about_for_the_consulent(walker):
    walker.walk(ZELF_KORT)
    assert "Hulp bij het huishouden" in walker.client.get("/melding/controleren/").content.decode()
    walker.submit()
    melding = Melding.objects.get()
    assert melding.onderwerpen == ["huishouden"]
    staff = dict(summary_sections(melding.typed_answers, staff=True))
    assert dict(staff["Onderwerp en bellen"]) == {"Wil hulp bij": "Hulp bij het huishouden"}


def test_staff_read_the_answers_about_the_inwoner():
    answers = Answers.from_dict(
        {
            "voor_wie": {"voor_wie": "mantelzorger"},
            "keuze": {"soort": "uitgebreid"},
            "gesprek": {"plek": "thuis", "bereikbaar": "ochtend"},
        }
    )
    staff = {title: dict(rows) for title, rows in summary_sections(answers, staff=True)}
    assert staff["Gesprek"]["Gesprek"] == "bij de inwoner thuis"
    # A walk: "Bereikbaar: ochtend" under Gesprek read as the resident's time; the writer gave his own.
    assert staff["Gesprek"]["Melder bereikbaar"] == "ochtend" and "Bereikbaar" not in staff["Gesprek"]
    # A walk: "Inwoner wil: gebeld worden" sent the consulent to the resident; the writer waits for the call.
    assert staff["Soort melding"]["Melder wil"] == "nu al meer vertellen, en daarna een gesprek"
    kort = Answers.from_dict({"keuze": {"soort": "kort"}})
    assert dict(dict(summary_sections(kort, staff=True))["Soort melding"]) == {
        "Inwoner wil": "gebeld worden voor een gesprek"
    }
    for_a_client = Answers.from_dict({"voor_wie": {"voor_wie": "professional"}, "keuze": {"soort": "kort"}})
    assert dict(dict(summary_sections(for_a_client, staff=True))["Soort melding"]) == {
        "Melder wil": "gebeld worden voor een gesprek"
    }


@pytest.mark.parametrize(
    "steps,greeting", [(ZELF_KORT, "Beste Jan Jansen,"), (ANDER_UITGEBREID, "Beste Petra de Vries,")]
)
def test_the_confirmation_email_greets_the_writer_by_name(walker, steps, greeting):
    walker.walk(steps)
    walker.submit()
    body = mail.outbox[0].body
    assert body.startswith(greeting) and "melder" not in body
    report = taalcheck.check_text(body)
    assert report.passed, report.problems


def test_phone_links_have_no_spaces(client):
    html = client.get("/melding/").content.decode()
    assert 'href="tel:140599"' in html and not re.search(r'href="tel:[^"]* ', html)


def test_toch_nu_verdergaan_goes_back_to_where_the_resident_was(walker):
    walker.walk(ZELF_KORT[:3])
    walker.post("gegevens", dict(ZELF_KORT)["gegevens"], opslaan="1")
    html = walker.client.post("/melding/opslaan/", {"email": "jan@example.org"}, follow=True).content.decode()
    assert 'href="/melding/gegevens/">Toch nu verdergaan' in html
    assert mail.outbox[0].body.startswith("Beste Jan Jansen,")


def test_the_pdf_of_every_variant_passes_the_taalcheck(walker, capsys):
    """The PDF's own text, with each answer counted as one plain word: what the resident typed is not ours."""
    from meldingen.pdf import melding_pdf_html

    figures = []
    for voor_wie, soort in VARIANTS:
        walker.walk(path(voor_wie, soort))
        walker.submit()
        tree = BeautifulSoup(melding_pdf_html(Melding.objects.latest("created_at")), "html.parser")
        for answer in tree.select("td, .reference"):
            answer.string = "Antwoord."
        report = taalcheck.check_text(taalcheck.html_to_text(str(tree.body)))
        assert report.passed, (voor_wie, soort, report.problems, report.rare_words)
        figures.append(f"{voor_wie}/{soort}: Flesch-Douma {report.flesch_douma:.0f}, LIX {report.lix:.0f}")
    with capsys.disabled():
        print("\ntaalcheck of the melding PDF per variant:\n" + "\n".join(figures))


def test_the_saved_melding_email_passes_the_taalcheck(walker):
    walker.walk(ANDER_UITGEBREID[:4])
    walker.post("gegevens", dict(ANDER_UITGEBREID)["gegevens"], opslaan="1")
    walker.client.post("/melding/opslaan/", {"email": "petra@example.org"})
    body = mail.outbox[-1].body
    assert body.startswith("Beste Petra de Vries,")
    report = taalcheck.check_text(body)
    assert report.passed, report.problems


@pytest.mark.parametrize(
    ("voor_wie", "soort"), [("zelf", "kort"), ("familie", "kort"), ("zelf", "uitgebreid")]
)
def test_no_question_says_twice_that_it_may_stay_empty(walker, voor_wie, soort):
    """A walk: "(niet verplicht)" and then "Dit hoeft niet" or "U kunt dit ook leeg laten" under it; the
    short melding's page of optional questions says it once, at its top. Nor is whose details said twice."""
    for name, html in pages_of(walker, voor_wie, soort):
        text = " ".join(main(html).get_text(" ").split())
        assert "Dit hoeft niet" not in text and "leeg laten" not in text, name
        if name == "waarover":
            assert text.count("U hoeft deze vragen niet in te vullen.") == 1
        if name == "gegevens":  # its title said whose details, and the line under it said so again
            assert text.count("die hulp nodig heeft") <= 1


def test_the_persons_e_mail_hint_says_when_to_give_it_not_again_that_it_may_stay_empty(walker):
    """ "E-mailadres (niet verplicht)" above "Dit hoeft niet." said the same twice."""
    walker.walk(ANDER_UITGEBREID[:3])
    html = walker.client.get("/melding/gegevens/").content.decode()
    assert "Als de persoon zelf e-mail leest." in html and "Dit hoeft niet.<" not in html


def test_for_someone_else_the_call_to_plan_the_gesprek_is_asked_of_the_writer(walker):
    """ "Wanneer kunnen wij het best bellen?" did not say whom; the gemeente calls the writer, as the
    confirmation says ("belt een medewerker van de gemeente u")."""
    walker.walk(ANDER_UITGEBREID[:6])
    page = BeautifulSoup(walker.client.get("/melding/gesprek/").content.decode(), "html.parser")
    field = page.select_one("#id_gesprek-bereikbaar").find_parent(class_="form-field")
    assert field.has_attr("data-to-writer")
    assert "Wanneer kunnen wij u het best bellen?" in field.get_text(" ", strip=True)
    assert "Wij bellen u om het gesprek te plannen, op werkdagen van 8.30 tot 17.00 uur." in field.get_text(
        " ", strip=True
    )  # the loket's hours: "Na 17.00 uur" asked for a call no one makes
    # A walk: the writer's own number said "Wij bellen u als we vragen hebben", and a son did not know
    # whether the call to plan the gesprek went to him or to his mother.
    melder = walker.client.get("/melding/melder/").content.decode()
    assert "Wij bellen u om het gesprek te plannen." in melder and "als we vragen hebben" not in melder


def test_a_phone_number_too_long_gets_the_phone_message_its_hint_speaks_of(walker):
    """It said "Dit is 3 tekens te lang. Maak de tekst wat korter." under a hint about 10 digits."""
    walker.walk(ZELF_KORT[:3])
    data = dict(dict(ZELF_KORT)["gegevens"], telefoon="06 1234 5678 - 06 8765 4321")
    html = walker.post("gegevens", data).content.decode()
    assert "Vul een telefoonnummer in van 10 cijfers, zoals 06 12345678." in html
    assert "te lang" not in html
    assert "06 1234 5678 - 06 8765 4321" in html  # what was typed stays
    # With a word, too long or not, the message says to leave the words out (core.phone.phone_message).
    data["telefoon"] = "06 1234 5678 en 06 8765 4321"
    assert "zonder woorden of letters" in walker.post("gegevens", data).content.decode()


def test_a_choice_that_needs_more_says_so_without_calling_the_person_u(walker):
    """For someone else it read "Bij Ergens anders hoort een plek." and "Bij Iets anders hoort een korte
    uitleg."."""
    steps = path("mantelzorger", "uitgebreid")
    walker.walk(steps[: [name for name, _data in steps].index("hulp")])
    hulp = main(walker.post("hulp", {"onderwerpen": ["anders"]}).content.decode()).get_text(" ", strip=True)
    assert "Iets anders gekozen? Vertel dan kort waar de persoon hulp bij nodig heeft." in hulp
    for name, data in steps:
        if name in ("hulp", "situatie"):
            assert walker.post(name, data).status_code == 302, name
    gesprek = main(walker.post("gesprek", {"plek": "elders"}).content.decode()).get_text(" ", strip=True)
    assert "Ergens anders gekozen? Vul dan in waar het gesprek kan zijn." in gesprek


def test_the_help_question_is_named_in_the_error_summary(walker):
    steps = path("zelf", "uitgebreid")
    walker.walk(steps[: [name for name, _data in steps].index("hulp")])
    summary = main(walker.post("hulp", {}).content.decode()).select_one(".error-summary")
    assert "Soort hulp: kies minstens één antwoord." in summary.get_text(" ", strip=True)
