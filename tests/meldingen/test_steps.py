"""Every question page: its B1 errors, the error summary, "Fout: " in the title, and nothing typed lost."""

import re

import pytest
from bs4 import BeautifulSoup

from meldingen.models import Melding

from .conftest import ANDER_UITGEBREID, ZELF_KORT, step_data

pytestmark = pytest.mark.django_db


def reach(walker, steps, upto):
    """Walk the given path until (not including) the step `upto`."""
    walker.start()
    for step, data in steps:
        if step == upto:
            return
        assert walker.post(step, data).status_code == 302, step


BORN = {"naam": "Jan", "postcode": "3911AB", "huisnummer": "1", "telefoon": "0612345678"}
INVALID = [
    # (path, step, posted data, field with the error, message part, typed text that must come back)
    (ZELF_KORT, "voor-wie", {}, "voor_wie", "Kies een antwoord", None),
    (ZELF_KORT, "voor-wie", {"voor_wie": "iedereen"}, "voor_wie", "Kies een van de antwoorden", None),
    (ANDER_UITGEBREID, "melder", {"naam": "Petra", "telefoon": "12"}, "telefoon", "10 cijfers", "Petra"),
    (
        ANDER_UITGEBREID,
        "melder",
        {"naam": "Petra", "telefoon": "06-1234567890"},
        "telefoon",
        "10 cijfers",
        "Petra",
    ),
    # A walk: too long for the field, it was told it needs 10 digits (it has 10, and words).
    (
        ZELF_KORT,
        "gegevens",
        {"naam": "Jan", "postcode": "3911AB", "huisnummer": "1", "telefoon": "06 1234 5678 bel na 10 uur"},
        "telefoon",
        "Typ alleen het telefoonnummer, zonder woorden of letters.",
        "06 1234 5678 bel na 10 uur",
    ),
    (ZELF_KORT, "keuze", {}, "soort", "Kies een antwoord", None),
    (
        ZELF_KORT,
        "gegevens",
        {"naam": "Jan", "postcode": "ABCD 12", "huisnummer": "1"},
        "postcode",
        "4 cijfers en 2 letters",
        "ABCD 12",
    ),
    (
        ZELF_KORT,
        "gegevens",
        {"naam": "", "postcode": "3911AB", "huisnummer": "twaalf", "telefoon": "0612345678"},
        "huisnummer",
        "alleen het nummer",
        "twaalf",
    ),
    (
        ZELF_KORT,
        "gegevens",
        {
            "naam": "Jan",
            "postcode": "3911AB",
            "huisnummer": "1",
            "telefoon": "0612345678",
            "geboortedag": "31",
            "geboortemaand": "2",
            "geboortejaar": "1950",
        },
        "geboortedag",
        "Deze datum bestaat niet.",
        "1950",
    ),
    # A walk: every date error linked to the day, "Vul het jaar met 4 cijfers in" too.
    (
        ZELF_KORT,
        "gegevens",
        {**BORN, "geboortedag": "7", "geboortemaand": "3", "geboortejaar": "50"},
        "geboortejaar",
        "Vul het jaar met 4 cijfers in",
        "50",
    ),
    (
        ZELF_KORT,
        "gegevens",
        {**BORN, "geboortedag": "7", "geboortemaand": "3", "geboortejaar": "l950"},  # a letter l for the 1
        "geboortejaar",
        "Vul het jaar met 4 cijfers in",
        "l950",
    ),
    (
        ZELF_KORT,
        "gegevens",
        {**BORN, "geboortedag": "7", "geboortemaand": "13", "geboortejaar": "1950"},
        "geboortemaand",
        "Deze datum bestaat niet.",
        "13",
    ),
    (
        ZELF_KORT,
        "gegevens",
        {**BORN, "geboortedag": "7", "geboortemaand": "3", "geboortejaar": ""},
        "geboortejaar",
        "Vul de dag, de maand en het jaar in",
        None,
    ),
    (
        ZELF_KORT,
        "gegevens",
        {"naam": "Jan", "postcode": "3911AB", "huisnummer": "1", "telefoon": "0612345678", "email": "jan@@x"},
        "email",
        "naam@voorbeeld.nl. Of laat dit vak leeg.",
        "jan@@x",
    ),
    (ANDER_UITGEBREID, "hulp", {"onderwerpen": ["anders"]}, "toelichting", "Iets anders", None),
    (ANDER_UITGEBREID, "hulp", {}, "onderwerpen", "minstens één", None),
    (
        ANDER_UITGEBREID,
        "situatie",
        {"sinds_wanneer": "sinds maart"},
        "wat_lukt_niet",
        "Vertel wat niet meer lukt",
        "sinds maart",
    ),
    (ANDER_UITGEBREID, "gesprek", {"plek": "elders"}, "plek_anders", "Ergens anders", None),
    (ZELF_KORT, "spoed", {"toelichting": "mijn buurvrouw"}, "spoed", "Kies een antwoord", "mijn buurvrouw"),
    # A walk: "Nee" with a reason why it is urgent; the check page then said both.
    (
        ZELF_KORT,
        "spoed",
        {"spoed": "nee", "toelichting": "Moeder is gisteren gevallen."},
        "toelichting",
        "U koos Nee, maar u schreef waarom het dringend is.",
        "Moeder is gisteren gevallen.",
    ),
]


@pytest.mark.parametrize(
    "path,step,data,field,message,typed", INVALID, ids=[f"{case[1]}-{case[3]}" for case in INVALID]
)
def test_errors_on_every_step(walker, path, step, data, field, message, typed):
    reach(walker, path, step)
    response = walker.post(step, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Fout: " in html
    assert 'class="error-summary"' in html
    # Something to fix, not a failure of the site: "Er ging iets mis" is what the error page says (500.html).
    assert "Er klopt nog iets niet. Kijk naar deze punten:" in html and "Er ging iets mis" not in html
    # The summary links to the field, or to the first of its radio buttons or checkboxes: a link to the
    # list only scrolls, as the list cannot take the focus.
    target = re.search(rf'href="#(id_{step}-{field}(?:_0)?)"', html)
    assert target, html
    assert re.search(rf'<(input|select|textarea)\b[^>]*id="{target.group(1)}"', html)
    # Every field points at texts that are there (the date's day pointed at a message "<id>_error" nowhere).
    for described in re.findall(r'aria-describedby="([^"]+)"', html):
        assert all(f'id="{text_id}"' in html for text_id in described.split()), described
    assert message in html
    if typed:
        assert typed in html


def test_for_someone_else_the_writer_is_not_asked_to_consent_for_the_person(walker):
    """A walk: a son whose mother cannot decide (dementia) was to tick "Ik geef toestemming" for her health
    data; they are hers. He says he knows what the gemeente does with them; she is asked in the gesprek."""
    from .conftest import ANDER_UITGEBREID

    walker.walk(ANDER_UITGEBREID)
    page = " ".join(walker.client.get("/melding/controleren/").content.decode().split())
    assert "Ik geef toestemming" not in page
    assert "In het gesprek vraagt de gemeente de persoon zelf om toestemming." in page
    assert "Kan de persoon dat niet zelf beslissen? Dan vragen wij het aan wie dat voor de persoon" in page
    html = walker.post("controleren", {}, **walker.seen()).content.decode()
    assert "Zet een vinkje om de melding te versturen." in html and "Geef toestemming" not in html
    # Named "Toestemming" in the error summary, it confused a daughter who gives none for her mother.
    assert "Gegevens over gezondheid: zet een vinkje om de melding te versturen.</a>" in html


@pytest.mark.parametrize(
    ("steps", "said"),
    [
        (ZELF_KORT, "Kort: de gemeente belt voor een gesprek"),
        (ANDER_UITGEBREID, "Uitgebreid: nu al meer vertellen, en daarna een gesprek"),
    ],
)
def test_the_check_page_says_which_melding_was_chosen_in_few_words(walker, steps, said):
    """A walk: "Gekozen: Uitgebreid: ik vertel nu al meer over mijn situatie. Zo kan de gemeente het gesprek
    goed voorbereiden." stood in the summary, the choice's own words that persuade."""
    walker.walk(steps)
    page = BeautifulSoup(walker.client.get("/melding/controleren/").content, "html.parser")
    text = " ".join(page.get_text(" ").split())
    assert f"Soort {said}" in text
    assert "Gekozen" not in text and "goed voorbereiden" not in text


def test_check_page_needs_consent(walker):
    walker.walk(ZELF_KORT)
    response = walker.post("controleren", {})
    html = response.content.decode()
    assert response.status_code == 200 and "<title>Fout: " in html
    assert "Geef toestemming" in html and 'href="#id_controleren-toestemming"' in html
    # A walk: who does not want to give it had no way on.
    assert 'Geen toestemming? Bel dan het Wmo-loket op <a href="tel:140599">14 0599</a>.' in html


def test_going_back_shows_what_was_typed_without_old_errors(walker):
    reach(walker, ZELF_KORT, "spoed")
    html = walker.client.get("/melding/gegevens/").content.decode()
    assert 'value="Jan Jansen"' in html and 'value="3911 AB"' in html
    assert "error-summary" not in html and "<title>Fout" not in html


def test_a_page_with_errors_is_a_redirect_so_back_and_reload_never_send_the_form_again(walker):
    """Answered with a page, a POST with errors left an entry in the browser's history that the back button
    (from the next page) and a reload can only show by sending the form again: Chromium asks first."""
    reach(walker, ZELF_KORT, "gegevens")
    typed = {"naam": "Jan Jansen", "postcode": "12", "huisnummer": "12", "telefoon": "0612345678"}
    response = walker.client.post("/melding/gegevens/", step_data("gegevens", typed))
    assert response.status_code == 302 and response["Location"] == "/melding/gegevens/"
    html = walker.client.get("/melding/gegevens/").content.decode()
    assert "<title>Fout: " in html and "Vul een postcode in" in html and 'value="Jan Jansen"' in html
    again = walker.client.get("/melding/gegevens/").content.decode()
    assert "error-summary" not in again and 'value="Jan Jansen"' in again


def test_an_earlier_page_no_longer_valid_at_sending_shows_what_to_fix(walker):
    walker.walk(ZELF_KORT)
    walker.post("gegevens", {"naam": "Jan Jansen"}, wizard_goto_step="controleren")  # kept as typed
    response = walker.client.post("/melding/controleren/", step_data("controleren", {"toestemming": "on"}))
    assert response["Location"] == "/melding/gegevens/"
    html = walker.client.get("/melding/gegevens/").content.decode()
    assert "<title>Fout: " in html and 'href="#id_gegevens-postcode"' in html


def test_the_check_page_never_leaves_out_a_page_left_with_errors(walker):
    """Wijzig, the name emptied, then the browser's back button to the check page: it showed the melding
    without the person's details, and "Verstuur de melding" then went to them."""
    walker.walk(ZELF_KORT)
    walker.client.get("/melding/gegevens/?terug=controleren")
    walker.post("gegevens", dict(dict(ZELF_KORT)["gegevens"], naam=""))
    assert walker.client.get("/melding/controleren/")["Location"] == "/melding/gegevens/"
    html = walker.client.get("/melding/gegevens/").content.decode()
    assert "<title>Fout: " in html and 'href="#id_gegevens-naam"' in html


def test_the_check_page_first_asks_a_question_not_yet_answered(walker):
    walker.walk(ZELF_KORT[:4])
    assert walker.client.get("/melding/controleren/")["Location"] == "/melding/spoed/"
    assert "error-summary" not in walker.client.get("/melding/spoed/").content.decode()


def test_back_through_the_form_keeps_unsent_input(walker):
    """The enhanced back link posts the page: what was typed (even half) is there when the user returns."""
    reach(walker, ZELF_KORT, "gegevens")
    response = walker.post("gegevens", {"naam": "Half ingevu"}, wizard_goto_step="keuze")
    assert response["Location"] == "/melding/keuze/"
    assert 'value="Half ingevu"' in walker.client.get("/melding/gegevens/").content.decode()


def test_wijzig_comes_back_to_the_check_page(walker):
    walker.walk(ZELF_KORT)
    check = walker.client.get("/melding/controleren/").content.decode()
    assert 'href="/melding/gegevens/?terug=controleren"' in check
    page = walker.client.get("/melding/gegevens/?terug=controleren").content.decode()
    assert 'class="back-link" href="/melding/controleren/"' in page
    changed = dict(dict(ZELF_KORT)["gegevens"], naam="Jan de Boer")
    response = walker.post("gegevens", changed)
    # At the part just changed: a keyboard walk landed at the page's top and tabbed past every "Wijzig" again.
    assert response["Location"] == "/melding/controleren/#controleren-gegevens"
    check = walker.client.get("/melding/controleren/").content.decode()
    assert "Jan de Boer" in check and 'id="controleren-gegevens"' in check


def test_back_from_a_wijzig_page_goes_to_the_check_page_with_what_was_typed(walker):
    """The back link and the page melding.js posts when it is clicked both lead to the check page, not to
    the question before (here "Waar gaat het over?")."""
    walker.walk(ZELF_KORT)
    page = walker.client.get("/melding/gegevens/?terug=controleren").content.decode()
    assert 'data-previous-step="controleren"' in page
    # As the browser posts the page: with the street and town that the address lookup filled in.
    shown = dict(dict(ZELF_KORT)["gegevens"], straat="Kerkplein", woonplaats="Lindewaard")
    response = walker.post("gegevens", dict(shown, naam="Jan de Boer"), wizard_goto_step="controleren")
    assert response["Location"] == "/melding/controleren/"
    assert "Jan de Boer" in walker.client.get("/melding/controleren/").content.decode()


def test_wijzig_to_someone_else_asks_the_new_questions_first(walker):
    walker.walk(ZELF_KORT)
    walker.client.get("/melding/voor-wie/?terug=controleren")
    response = walker.post("voor-wie", {"voor_wie": "familie"})
    assert response["Location"] == "/melding/melder/"
    response = walker.post("melder", ANDER_UITGEBREID[1][1])
    assert response["Location"] == "/melding/controleren/#controleren-voor-wie"  # the part changed
    html = walker.client.get("/melding/controleren/").content.decode()
    assert "Stap 7 van 7" in html and "Petra de Vries" in html


def test_wijzig_to_uitgebreid_walks_the_three_extra_pages(walker):
    walker.walk(ZELF_KORT)
    walker.client.get("/melding/keuze/?terug=controleren")
    assert walker.post("keuze", {"soort": "uitgebreid"})["Location"] == "/melding/hulp/"
    assert walker.post("hulp", {"onderwerpen": ["vervoer"]})["Location"] == "/melding/situatie/"
    assert walker.post("situatie", {"wat_lukt_niet": "Fietsen"})["Location"] == "/melding/gesprek/"
    assert (
        walker.post("gesprek", {"plek": "telefoon"})["Location"]
        == "/melding/controleren/#controleren-keuze"  # where its "Wijzig" was followed
    )


def test_spoed_page_shows_the_number_to_call(walker):
    reach(walker, ZELF_KORT, "spoed")
    html = walker.client.get("/melding/spoed/").content.decode()
    assert 'href="tel:140599"' in html  # no spaces in a telephone link
    said = "iemand die voor u zorgt, zoals uw partner, valt plotseling weg, of kan het niet meer aan"
    assert said in " ".join(html.split()) and "ziekenhuis" in html


@pytest.mark.parametrize(("steps", "step"), [(ZELF_KORT, "waarover"), (ANDER_UITGEBREID, "hulp")])
def test_the_topics_say_washing_and_dressing_is_the_wijkverplegings(walker, steps, step):
    """A walk: a daughter asked the gemeente for help with washing and dressing for her mother, who had
    fallen while dressing; nothing told her the wijkverpleging gives it, without a melding."""
    reach(walker, steps, step)
    text = BeautifulSoup(walker.client.get(f"/melding/{step}/").content, "html.parser").get_text(" ")
    assert "Voor hulp bij wassen, aankleden of medicijnen is er de wijkverpleging." in " ".join(text.split())


def test_professional_must_name_the_organisation(walker):
    walker.start()
    walker.post("voor-wie", {"voor_wie": "professional"})
    response = walker.post(
        "melder", {"naam": "Anna", "telefoon": "0301234567", "bewoner_toestemming": "akkoord"}
    )
    html = response.content.decode()
    assert "Vul de naam van uw organisatie in" in html


def test_someone_else_resident_phone_is_optional(walker):
    reach(walker, ANDER_UITGEBREID, "gegevens")
    response = walker.post("gegevens", {"naam": "Gerrit", "postcode": "3915AA", "huisnummer": "3"})
    assert response.status_code == 302


def test_unknown_step_redirects_and_skipped_step_is_not_shown(walker):
    walker.start()
    assert walker.client.get("/melding/bestaat-niet/").status_code == 302
    walker.post("voor-wie", {"voor_wie": "zelf"})
    assert walker.client.get("/melding/melder/")["Location"] != "/melding/melder/"


def test_tampered_management_form_is_no_500(walker):
    reach(walker, ZELF_KORT, "keuze")
    response = walker.client.post(
        "/melding/keuze/", {"melding_wizard-current_step": "../../etc", "keuze-soort": "kort"}
    )
    assert response.status_code in (200, 302)


@pytest.mark.parametrize(
    ("typed", "month"),
    [("3", 3), ("maart", 3), ("Mrt.", 3), ("sept", 9), ("mei", 5), ("mart", 3), ("agustus", 8)],
)
def test_the_birth_month_may_be_a_word(walker, typed, month):
    from meldingen.models import Melding

    gegevens = dict(ZELF_KORT)["gegevens"]
    walker.walk(
        [
            *ZELF_KORT[:3],
            ("gegevens", {**gegevens, "geboortedag": "7", "geboortemaand": typed, "geboortejaar": "1950"}),
            ZELF_KORT[4],
        ]
    )
    walker.submit()
    assert Melding.objects.get().answers["gegevens"]["geboortedatum"] == f"1950-{month:02}-07"


@pytest.mark.parametrize(
    ("typed", "born"),
    [
        ("12-3-1952", "1952-03-12"),
        ("12/03/1952", "1952-03-12"),
        ("12 maart 1952", "1952-03-12"),
        ("12 mart 1952", "1952-03-12"),
        ("12 septembere 1952", "1952-09-12"),  # a month's word longer than its box: its number goes in
    ],
)
def test_a_whole_date_in_the_day_box_is_read_as_the_date(walker, typed, born):
    """A walk typed "12-3-1952" in Dag and read "Vul de dag in met cijfers, zoals 7."."""
    from meldingen.models import Melding

    gegevens = dict(ZELF_KORT)["gegevens"]
    walker.walk([*ZELF_KORT[:3], ("gegevens", {**gegevens, "geboortedag": typed}), ZELF_KORT[4]])
    walker.submit()
    assert Melding.objects.get().answers["gegevens"]["geboortedatum"] == born


def test_a_whole_date_with_a_short_year_asks_for_the_year(walker):
    gegevens = {**dict(ZELF_KORT)["gegevens"], "geboortedag": "12-3-52"}
    walker.walk(ZELF_KORT[:3])
    page = walker.post("gegevens", gegevens).content.decode()
    assert "Vul het jaar met 4 cijfers in, zoals 1950." in page and "Vul de dag in met cijfers" not in page


def test_a_whole_date_in_the_day_box_that_does_not_exist_is_shown_in_its_three_boxes(walker):
    gegevens = {**dict(ZELF_KORT)["gegevens"], "geboortedag": "31-2-1952"}
    walker.walk(ZELF_KORT[:3])
    form = BeautifulSoup(walker.post("gegevens", gegevens).content, "html.parser")
    assert "Deze datum bestaat niet." in form.get_text()
    typed = [
        form.find("input", {"name": f"gegevens-{name}"})["value"]
        for name in ("geboortedag", "geboortemaand", "geboortejaar")
    ]
    assert typed == ["31", "2", "1952"]


@pytest.mark.parametrize("typed", ["ma", "maand", "13", "juil", "jani"])
def test_an_unknown_birth_month_gets_the_date_message(walker, typed):
    gegevens = {
        **dict(ZELF_KORT)["gegevens"],
        "geboortedag": "7",
        "geboortemaand": typed,
        "geboortejaar": "1950",
    }
    walker.walk(ZELF_KORT[:3])
    html = walker.post("gegevens", gegevens).content.decode()
    assert "Deze datum bestaat niet. Kijk of de dag en de maand kloppen, zoals 7 3 1950." in html
    assert "te lang" not in html


@pytest.mark.parametrize(("dag", "maand", "jaar"), [("", "", "1950"), ("7", "", "1950"), ("7", "3", "")])
def test_a_birth_date_with_a_part_missing_asks_for_every_part(walker, dag, maand, jaar):
    """The year alone got "Vul een bestaande datum in", as if the date did not exist."""
    birth = {"geboortedag": dag, "geboortemaand": maand, "geboortejaar": jaar}
    gegevens = {**dict(ZELF_KORT)["gegevens"], **birth}
    walker.walk(ZELF_KORT[:3])
    html = walker.post("gegevens", gegevens).content.decode()
    assert "Vul de dag, de maand en het jaar in, zoals 7 3 1950." in html


def test_the_choice_says_the_melding_is_done_when_sent(walker):
    walker.start()
    walker.post("voor-wie", {"voor_wie": "zelf"})
    page = walker.client.get("/melding/keuze/").content.decode()
    assert "Bij allebei is de melding klaar na het versturen." in page
    assert "maken we de melding samen af" not in page  # the term starts at the melding, not at the gesprek


@pytest.mark.parametrize("voor_wie", ["zelf", "familie"])
def test_the_choice_explains_each_way_once(walker, voor_wie):
    """A walk: a list above the choices said what Kort and Uitgebreid mean, and the choices said it again."""
    walker.start()
    walker.post("voor-wie", {"voor_wie": voor_wie})
    page = BeautifulSoup(walker.client.get("/melding/keuze/").content, "html.parser").find("main")
    text = " ".join(page.get_text(" ").split())
    assert text.count("Kort:") == 1 and text.count("Uitgebreid:") == 1
    assert text.count("gesprek goed voorbereiden") == 1  # why one would tell more now, said once


def test_a_melding_against_the_persons_wish_is_not_made_and_the_writer_hears_what_can(walker):
    from django.conf import settings

    walker.start()
    walker.post("voor-wie", {"voor_wie": "mantelzorger"})
    # A walk: the answer was offered and then refused in red; the question says it before.
    before = " ".join(walker.client.get("/melding/melder/").content.decode().split())
    assert "Dan kunt u deze melding niet doen. Wij helpen u dan op een andere manier." in before
    melder = {**dict(ANDER_UITGEBREID)["melder"], "bewoner_toestemming": "niet_akkoord"}
    response = walker.post("melder", melder)
    html = " ".join(response.content.decode().split())
    assert response.status_code == 200
    assert "De persoon is het er niet mee eens. Dan kunt u deze melding niet doen." in html
    assert "Weet de persoon van deze melding: de persoon is het er niet mee eens." in html  # the summary
    assert f"Bel ons op {settings.MUNICIPALITY_PHONE}." in html
    assert 'value="Petra de Vries"' in html  # nothing typed is lost
    assert walker.post("melder", {**melder, "bewoner_toestemming": "weet_niet"}).status_code == 302


def test_a_person_who_cannot_decide_for_herself_has_an_answer_of_her_own(walker):
    """A son writing for his mother with dementia found none of "ja, en eens", "ja, maar niet eens" and
    "weet het nog niet" true; the consulent reads who decides."""
    from meldingen.summary import summary_sections

    # A walk: the pages said to ask who may decide for her, and the melding did not say who: it is asked.
    cannot_decide = {"bewoner_toestemming": "kan_niet_beslissen"}
    walker.walk(ANDER_UITGEBREID[:1])
    missing = walker.post("melder", {**dict(ANDER_UITGEBREID)["melder"], **cannot_decide}).content.decode()
    assert "Schrijf wie voor de persoon mag beslissen. Bent u het zelf? Schrijf dan: ik." in missing
    who = {**cannot_decide, "wie_beslist": "Haar zoon Karim, 06 12345678"}
    steps = [(step, {**data, **who} if step == "melder" else data) for step, data in ANDER_UITGEBREID]
    walker.walk(steps)
    check = " ".join(walker.client.get("/melding/controleren/").content.decode().split())
    assert "Haar zoon Karim, 06 12345678" in check
    assert "De persoon kan dit zelf niet goed beslissen, bijvoorbeeld door dementie" in check
    # A walk: the consent box said the gemeente would ask her; it asks who decides for her.
    assert "In het gesprek vraagt de gemeente om toestemming aan wie voor de persoon mag beslissen." in check
    assert "vraagt de gemeente de persoon zelf" not in check
    walker.submit()
    staff = dict(summary_sections(Melding.objects.get().answers, staff=True))["Melder"]
    assert ("Weet de inwoner ervan?", "de inwoner kan dit zelf niet goed beslissen") in staff
    assert ("Beslist voor de inwoner", "Haar zoon Karim, 06 12345678") in staff


def test_who_decides_typed_beside_another_answer_is_asked_about(walker):
    """A walk: a son chose "kan niet beslissen", wrote "ik", then chose "ja, en eens"; the box stayed, and the
    consulent read both. The writer decides; nothing typed is dropped."""
    walker.walk(ANDER_UITGEBREID[:1])
    melder = {**dict(ANDER_UITGEBREID)["melder"], "bewoner_toestemming": "akkoord", "wie_beslist": "ik"}
    html = " ".join(walker.post("melder", melder).content.decode().split())
    assert "U schreef wie voor de persoon mag beslissen. Kan de persoon dit zelf niet goed beslissen?" in html
    assert 'value="ik"' in html
    assert walker.post("melder", {**melder, "wie_beslist": ""}).status_code == 302


def test_the_writers_own_number_given_as_the_persons_is_named_so(walker):
    """A walk: a son gave his own number as his mother's; the consulent might take it for hers."""
    from meldingen.summary import summary_sections

    own = dict(ANDER_UITGEBREID)["melder"]["telefoon"]
    walker.walk(
        [(step, {**data, "telefoon": own} if step == "gegevens" else data) for step, data in ANDER_UITGEBREID]
    )
    check = " ".join(walker.client.get("/melding/controleren/").content.decode().split())
    assert "06 12345678 (uw eigen nummer)" in check or "0612345678 (uw eigen nummer)" in check
    walker.submit()
    staff = dict(dict(summary_sections(Melding.objects.get().answers, staff=True))["Gegevens van de inwoner"])
    assert staff["Telefoonnummer"].endswith("(hetzelfde nummer als de melder)")


@pytest.mark.parametrize("typed", ["ik", "Ik zelf.", "mijzelf"])
def test_the_writer_who_decides_for_the_person_is_named_as_the_writer(walker, typed):
    """A walk: the consulent read "Beslist voor de inwoner: ik", the hint's own word, beside other answers."""
    from meldingen.summary import summary_sections

    who = {"bewoner_toestemming": "kan_niet_beslissen", "wie_beslist": typed}
    walker.walk([(step, {**data, **who} if step == "melder" else data) for step, data in ANDER_UITGEBREID])
    check = " ".join(walker.client.get("/melding/controleren/").content.decode().split())
    assert re.search(r"Wie mag voor de persoon beslissen\?\s*</dt>\s*<dd[^>]*>\s*U zelf\s*<", check), check
    walker.submit()
    staff = dict(summary_sections(Melding.objects.get().answers, staff=True))["Melder"]
    assert ("Beslist voor de inwoner", "de melder zelf") in staff


@pytest.mark.parametrize("steps", [ZELF_KORT, ANDER_UITGEBREID], ids=["kort", "uitgebreid"])
def test_no_answer_on_the_check_page_repeats_the_title_of_its_section(walker, steps):
    """ "Waar gaat het over?" under "Waar gaat het over?", and "Keuze" under "Soort melding"."""
    from bs4 import BeautifulSoup

    walker.walk(steps)
    page = BeautifulSoup(walker.client.get("/melding/controleren/").content, "html.parser")
    for section in page.select("section.check-section"):
        title = section.h2.get_text(strip=True)
        labels = [label.get_text(strip=True) for label in section.select("dt")]
        assert title not in labels and "Keuze" not in labels, (title, labels)


def test_a_relative_who_cares_knows_which_voor_wie_to_choose(walker):
    """A walk: a son who looks after his mother fits "ik ben mantelzorger" and "ik ben familie" alike."""
    html = walker.start().content.decode()
    hint = "Zorgt u vaak voor een familielid? Kies dan: ik ben mantelzorger."
    assert f'<p class="form-field__hint" id="id_voor-wie-voor_wie_helptext">{hint}</p>' in html
    assert 'aria-describedby="id_voor-wie-voor_wie_helptext"' in html
