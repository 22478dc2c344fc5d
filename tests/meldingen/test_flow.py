"""Both paths, for oneself and for someone else, from the start page to the confirmation."""

import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail

from meldingen.answers import Answers
from meldingen.backoffice.kaart import themes_for
from meldingen.forms import GesprekForm
from meldingen.models import Melding

from .conftest import ANDER_UITGEBREID, REFERENCE_RE, ZELF_KORT

pytestmark = pytest.mark.django_db


def test_start_page_explains_melding_in_b1(client):
    html = client.get("/melding/").content.decode()
    assert "nog geen aanvraag" in html
    assert "cliëntondersteuner" in html and "gratis" in html
    # where to find one; and the time to fill it in without the words "kort" and "uitgebreid" explained later
    assert 'href="/sociale-kaart/?thema=clientondersteuning"' in html
    assert "kiest voor kort" not in html and "Geeft u alleen uw naam, adres en telefoonnummer?" in html
    assert "14 0599" in html
    assert 'href="/melding/voor-wie/?reset=1"' in html
    # Who made one already finds where it is here too, not only in the footer.
    assert '<a href="/melding/status/">Kijk waar uw melding staat</a>' in html
    # The start comes right after the lead and what it takes (a walk found it 3,850 px down at 150%).
    main = BeautifulSoup(html, "html.parser").main
    blocks = [element.get_text(" ", strip=True) for element in main.find_all(["h1", "h2", "p", "ol", "div"])]
    assert blocks.index("Start de melding") == 5 and blocks[3] == "Wat hebt u nodig?"
    # Who made one already reads where to look before the start (the review: after it, a second one began).
    assert blocks[2] == "Hebt u al een melding gedaan? Kijk waar uw melding staat ."


def step_count(html: str) -> str:
    return re.search(r'<p class="step-count">([^<]*)</p>', html).group(1)


def test_short_path_for_myself_counts_six_steps_and_the_total_never_jumps(walker):
    html = walker.start().content.decode()
    # The path is not known yet: the fewest and the most steps (a walk: "Stap 1" did not say how long).
    assert "<title>Voor wie doet u de melding? – Stap 1. Er zijn 6 tot 9 stappen. – " in html
    assert step_count(html) == "Stap 1. Er zijn 6 tot 9 stappen."
    walker.post("voor-wie", {"voor_wie": "zelf"})
    html = walker.client.get("/melding/keuze/").content.decode()
    assert step_count(html) == "Stap 2. Er zijn 6 tot 8 stappen."
    assert 'class="back-link" href="/melding/voor-wie/"' in html
    walker.post("keuze", {"soort": "kort"})
    counts = [
        step_count(walker.client.get(f"/melding/{step}/").content.decode()) for step, _data in ZELF_KORT[2:]
    ]
    assert counts == ["Stap 3 van 6", "Stap 4 van 6", "Stap 5 van 6"]


def test_long_path_for_someone_else_counts_nine_steps(walker):
    walker.start()
    walker.post("voor-wie", {"voor_wie": "familie"})
    assert (
        step_count(walker.client.get("/melding/melder/").content.decode())
        == "Stap 2. Er zijn 7 tot 9 stappen."
    )
    walker.walk(ANDER_UITGEBREID)
    counts = [
        step_count(walker.client.get(f"/melding/{step}/").content.decode()) for step, _ in ANDER_UITGEBREID
    ]
    assert counts == [f"Stap {number} van 9" for number in range(1, 9)]
    assert step_count(walker.client.get("/melding/controleren/").content.decode()) == "Stap 9 van 9"
    # A walk: "Kort: naam, adres en telefoonnummer" did not say whose, after the writer gave his own.
    keuze = " ".join(walker.client.get("/melding/keuze/").content.decode().split())
    assert (
        "Kort: de naam en het adres van de persoon, en of het dringend is. Daarna belt de gemeente" in keuze
    )
    # A walk: "ik vertel nu al meer over de situatie van uw cliënt" spoke as the writer and to him at once.
    assert "Uitgebreid: nu al meer vertellen over de situatie van de persoon." in keuze
    gesprek = " ".join(walker.client.get("/melding/gesprek/").content.decode().split())
    assert "Ik kom zelf ook" in gesprek  # whether the writer ticks himself: a choice of its own now
    # A second walk: the box did not say the gemeente finds the cliëntondersteuner, as the confirmation does.
    assert "Kiest u er een? Dan zoeken wij een cliëntondersteuner voor" in gesprek


def test_short_melding_for_myself_is_stored_and_confirmed(submitted):
    melding = Melding.objects.get()
    assert melding.soort == "kort" and melding.voor_wie == "zelf" and not melding.spoed
    assert melding.resident_name == "Jan Jansen"
    assert melding.answers["gegevens"]["straat"] == "Kerkplein"  # filled in from the postcode
    html = submitted.client.get("/melding/bevestiging/").content.decode()
    assert melding.reference in html
    assert REFERENCE_RE.fullmatch(melding.reference)
    assert "Binnen 5 werkdagen" in html and "Binnen 6 weken" in html
    assert "/melding/bevestiging/melding.pdf" in html


def test_long_melding_for_someone_else_keeps_both_people_and_spoed(walker):
    walker.walk(ANDER_UITGEBREID)
    html = walker.client.get("/melding/controleren/").content.decode()
    for text in (
        "Petra de Vries",
        "Gerrit de Vries",
        "Beukenlaan 3 B",
        "7 maart 1941",
        "Vervoer",
        "Stofzuigen lukt niet meer",
        "Bij de persoon thuis",
        "U hebt gezegd dat het dringend is",
    ):
        assert text in html, text
    response = walker.submit()
    assert response["Location"] == "/melding/bevestiging/"
    melding = Melding.objects.get()
    assert melding.spoed and melding.soort == "uitgebreid" and melding.voor_wie == "mantelzorger"
    assert melding.onderwerpen == ["huishouden", "vervoer"]
    assert melding.contact_email == "petra@example.org"
    html = walker.client.get("/melding/bevestiging/").content.decode()
    assert "binnen 2 werkdagen" in html


def test_ga_verder_goes_to_the_page_the_resident_was_on(walker):
    """A walk: back on the start page after closing the tab on step 4, "Ga verder met uw melding" went to
    step 1 and three pages had to be passed again."""
    walker.walk(ZELF_KORT[:3])
    page = walker.client.get("/melding/").content.decode()
    link = BeautifulSoup(page, "html.parser").find("a", string="Ga verder met uw melding")
    assert link["href"] == "/melding/gegevens/"
    assert walker.client.get(link["href"]).status_code == 200


def test_each_new_melding_keeps_what_is_typed_under_a_name_of_its_own(walker):
    """A review: what was typed on a page not sent (static/js/concept.js) filled the same page of the next
    melding in the tab, perhaps about another person; and typed for herself, the pages about someone else."""

    def kept_as():
        page = walker.client.get("/melding/gegevens/").content.decode()
        return BeautifulSoup(page, "html.parser").find("form", id="melding-form")["data-concept"]

    walker.walk(ZELF_KORT[:3])
    first = kept_as()
    assert first.startswith("melding:") and first.endswith("-zelf:gegevens")
    walker.post("voor-wie", {"voor_wie": "mantelzorger"})
    assert kept_as() == first.replace("-zelf:", "-mantelzorger:")
    walker.walk(ZELF_KORT[:3])  # a new melding (a reset)
    assert kept_as().split(":")[1] != first.split(":")[1]


def test_the_start_says_what_to_do_when_someone_else_made_a_melding_too(client):
    """A walk: a son whose mother's neighbour had made a melding found nothing on what to do."""
    page = " ".join(client.get("/melding/").content.decode().split())
    assert "Heeft iemand anders al een melding gedaan over dezelfde persoon?" in page
    assert "Dan gaan we verder met één melding." in page


def test_kort_skips_the_extra_questions(walker):
    walker.start()
    walker.post("voor-wie", {"voor_wie": "zelf"})
    response = walker.post("keuze", {"soort": "kort"})
    assert response["Location"] == "/melding/waarover/"
    assert walker.client.get("/melding/hulp/")["Location"] != "/melding/hulp/"


def test_confirmation_email_holds_no_health_data(walker):
    walker.walk(ANDER_UITGEBREID)
    walker.submit()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    melding = Melding.objects.get()
    assert message.to == ["petra@example.org"]
    assert melding.reference in message.subject and melding.reference in message.body
    assert message.body.startswith("Beste Petra de Vries,")  # the writer, greeted by her own name
    for private in (
        "Gerrit",
        "Stofzuigen",
        "knie",
        "mantelzorger valt",
        "Beukenlaan",
        "huishouden",
        "1941",
    ):
        assert private not in message.body, private
    assert "2 werkdagen" in message.body


def test_no_email_without_address(walker):
    steps = [(s, {k: v for k, v in d.items() if k != "email"}) for s, d in ZELF_KORT]
    walker.walk(steps)
    walker.submit()
    assert Melding.objects.count() == 1 and mail.outbox == []


def test_pdf_of_the_melding(submitted):
    response = submitted.client.get("/melding/bevestiging/melding.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert Melding.objects.get().reference in response["Content-Disposition"]


def test_pdf_text_holds_the_answers():
    from meldingen.pdf import melding_pdf
    from meldingen.storage import build_melding

    melding = build_melding(
        {
            "voor_wie": {"voor_wie": "zelf"},
            "keuze": {"soort": "kort"},
            "gegevens": {"naam": "Jan Jansen", "postcode": "3911 AB"},
        }
    )
    pdf = melding_pdf(melding)
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000


def test_confirmation_and_pdf_need_a_melding_of_this_session(client):
    assert client.get("/melding/bevestiging/")["Location"] == "/melding/"
    assert client.get("/melding/bevestiging/melding.pdf")["Location"] == "/melding/"


def test_double_submit_stores_one_melding(submitted):
    response = submitted.submit()
    assert response.status_code == 302 and response["Location"] == "/melding/bevestiging/"
    assert Melding.objects.count() == 1


def test_done_url_by_get_never_stores(walker):
    walker.walk(ZELF_KORT)
    response = walker.client.get("/melding/klaar/")
    assert response["Location"] == "/melding/controleren/"
    assert Melding.objects.count() == 0


def test_a_long_melding_made_short_says_what_it_sends_without(walker):
    """After "Wijzig" and a short melding, the check page no longer showed the situation a son had written
    about his mother, and the melding went without it: he was not told."""
    walker.walk(ANDER_UITGEBREID)
    walker.client.get("/melding/keuze/?terug=controleren")
    assert walker.post("keuze", {"soort": "kort"})["Location"] == "/melding/waarover/"
    walker.post("waarover", {"onderwerpen": ["huishouden", "vervoer"]})  # as the page starts: the same topics
    check = walker.client.get("/melding/controleren/").content.decode()
    assert "U koos een korte melding." in check
    note = BeautifulSoup(check, "html.parser").find(string="U koos een korte melding.").find_parent("div")
    assert [item.get_text() for item in note.find_all("li")] == ["De situatie van de persoon", "Het gesprek"]
    assert 'href="/melding/keuze/?terug=controleren"' in check
    walker.submit()
    assert "situatie" not in Melding.objects.get().answers  # as the page said
    walker.walk(ANDER_UITGEBREID)  # long all the way: nothing to say
    assert "U koos een korte melding." not in walker.client.get("/melding/controleren/").content.decode()


def test_what_iets_anders_is_goes_over_to_the_short_melding(walker):
    """A walk: "Iets anders: hulp bij mijn administratie" written in the long melding, then made short: the
    short melding had no place for it, and the check page listed "Waar wilt u hulp bij?" as not sent while it
    showed its topics."""
    _to_the_hulp_page_for_myself(walker)
    walker.post("hulp", {"onderwerpen": ["anders"], "toelichting": "Hulp bij mijn administratie"})
    walker.client.get("/melding/keuze/?terug=controleren")
    walker.post("keuze", {"soort": "kort"})
    page = walker.client.get("/melding/waarover/").content.decode()
    assert "Hulp bij mijn administratie</textarea>" in page  # the page starts with it
    walker.post("waarover", {"onderwerpen": ["anders"], "toelichting": "Hulp bij mijn administratie"})
    walker.post("spoed", {"spoed": "nee"})
    check = walker.client.get("/melding/controleren/").content.decode()
    assert "Hulp bij mijn administratie" in check and "U koos een korte melding." not in check
    walker.submit()
    assert Melding.objects.get().answers["waarover"]["toelichting"] == "Hulp bij mijn administratie"


def test_the_short_meldings_few_words_go_to_what_no_longer_works(walker):
    """A walk: "Moeder vergeet haar medicijnen", written in the short melding, then made long: the words
    stood in the box for "Iets anders" (not chosen), and "Wat lukt niet meer?" was empty."""
    walker.walk(ZELF_KORT[:1])
    walker.post("keuze", {"soort": "kort"})
    walker.post("waarover", {"onderwerpen": ["begeleiding"], "toelichting": "Moeder vergeet haar medicijnen"})
    walker.client.get("/melding/keuze/?terug=controleren")
    walker.post("keuze", {"soort": "uitgebreid"})
    hulp = walker.client.get("/melding/hulp/").content.decode()
    assert "Moeder vergeet haar medicijnen" not in hulp
    situatie = walker.client.get("/melding/situatie/").content.decode()
    assert "Moeder vergeet haar medicijnen</textarea>" in situatie


@pytest.mark.parametrize(
    ("first", "then", "page"), [("uitgebreid", "kort", "waarover"), ("kort", "uitgebreid", "hulp")]
)
def test_switching_between_short_and_long_keeps_the_topics_chosen(walker, first, then, page):
    other = "hulp" if page == "waarover" else "waarover"
    walker.start()
    walker.post("voor-wie", {"voor_wie": "zelf"})
    walker.post("keuze", {"soort": first})
    walker.post(other, {"onderwerpen": ["huishouden", "vervoer"]})
    walker.client.get("/melding/keuze/?terug=controleren")
    assert walker.post("keuze", {"soort": then}).status_code == 302
    html = walker.client.get(f"/melding/{page}/").content.decode()
    checked = re.findall(r'<input[^>]*value="(\w+)"[^>]*checked', html)
    assert checked == ["huishouden", "vervoer"], checked


def _to_the_hulp_page_for_myself(walker):
    """The long route for oneself, up to "Waar hebt u hulp bij nodig?"."""
    walker.walk(ZELF_KORT[:1])
    walker.post("keuze", {"soort": "uitgebreid"})
    walker.post("gegevens", dict(ZELF_KORT)["gegevens"])


@pytest.mark.parametrize(
    ("label", "onderwerp", "first_themes"),
    [
        # A walk: a widower whose wife did the cooking and shopping found no box for it, ticked "Hulp bij het
        # huishouden" and wrote it out.
        ("Eten, koken of boodschappen", "eten", ["maaltijden", "huishouden"]),
        # A walk: a widower who felt alone found no choice for it; "Iets anders" asked him to put it in words.
        ("Minder alleen zijn, mensen ontmoeten", "ontmoeting", ["ontmoeting"]),
    ],
)
def test_a_need_is_said_with_one_choice_and_the_consulents_kaart_starts_with_it(
    walker, label, onderwerp, first_themes
):
    _to_the_hulp_page_for_myself(walker)
    assert label in walker.client.get("/melding/hulp/").content.decode()
    assert walker.post("hulp", {"onderwerpen": [onderwerp]}).status_code == 302
    walker.post("situatie", dict(ANDER_UITGEBREID)["situatie"])
    walker.post("gesprek", {"plek": "thuis"})
    walker.post("spoed", {"spoed": "nee"})
    walker.submit()
    melding = Melding.objects.get()
    assert melding.onderwerpen == [onderwerp]
    assert themes_for(melding.onderwerpen)[: len(first_themes)] == first_themes


def test_who_else_comes_to_the_gesprek_can_be_named(walker):
    """A walk: "Iemand anders" had nowhere to say who, and the consulent could not know whom to invite."""
    steps = dict(ANDER_UITGEBREID)
    walker.walk([step for step in ANDER_UITGEBREID if step[0] != "gesprek" and step[0] != "spoed"])
    gesprek = {"plek": "thuis", "wie_erbij": ["anders"], "wie_anders": "Een buurvrouw, Ria"}
    assert walker.post("gesprek", gesprek).status_code == 302
    walker.post("spoed", steps["spoed"])
    assert "Iemand anders: Een buurvrouw, Ria" in walker.client.get("/melding/controleren/").content.decode()
    walker.submit()
    staff = Melding.objects.get().summary_sections(staff=True)
    rows = {label: value for _title, section in staff for label, value in section}
    assert rows["Erbij"] == "Iemand anders: Een buurvrouw, Ria"


def test_who_makes_the_melding_for_someone_else_can_say_she_comes_too(walker):
    """A walk: a wijkverpleegkundige who would come to her client's gesprek had only "Iemand anders" (and a
    help text "Komt u zelf ook? Kies dan wat bij u past."). The consulent reads who that is: the melder."""
    steps = dict(ANDER_UITGEBREID)
    walker.walk([step for step in ANDER_UITGEBREID if step[0] not in ("gesprek", "spoed")])
    assert "Ik kom zelf ook" in walker.client.get("/melding/gesprek/").content.decode()
    gesprek = {"plek": "thuis", "wie_erbij": ["melder", "clientondersteuner"]}
    assert walker.post("gesprek", gesprek).status_code == 302
    walker.post("spoed", steps["spoed"])
    check = walker.client.get("/melding/controleren/").content.decode()
    assert "Ik kom zelf ook, Een onafhankelijke cliëntondersteuner" in check
    assert "U schreef ook hoe het met u gaat." not in check  # he did not
    # A mantelzorger who comes is not also "Een mantelzorger of familielid" (the consulent would read two).
    labels = {
        voor_wie: dict(
            GesprekForm(answers=Answers.from_dict({"voor_wie": {"voor_wie": voor_wie}}))
            .fields["wie_erbij"]
            .choices
        )
        for voor_wie in ("mantelzorger", "familie", "professional", "zelf")
    }
    assert (
        labels["mantelzorger"]["mantelzorger"]
        == labels["familie"]["mantelzorger"]
        == ("Een ander familielid of een mantelzorger")
    )
    assert (
        labels["professional"]["mantelzorger"]
        == labels["zelf"]["mantelzorger"]
        == ("Een mantelzorger of familielid")
    )
    assert "melder" in labels["professional"] and "melder" not in labels["zelf"]
    walker.submit()
    staff = Melding.objects.get().summary_sections(staff=True)
    rows = {label: value for _title, section in staff for label, value in section}
    assert rows["Erbij"] == "De melder, Een onafhankelijke cliëntondersteuner"


def test_who_makes_the_melding_for_herself_is_not_offered_to_come_too(walker):
    _to_the_hulp_page_for_myself(walker)
    walker.post("hulp", {"onderwerpen": ["huishouden"]})
    walker.post("situatie", dict(ANDER_UITGEBREID)["situatie"])
    assert "Ik kom zelf ook" not in walker.client.get("/melding/gesprek/").content.decode()
    page = walker.post("gesprek", {"plek": "thuis", "wie_erbij": ["melder"]}).content.decode()
    assert "Kies uit de antwoorden in de lijst." in page


@pytest.mark.parametrize(
    ("gesprek", "field", "message"),
    [
        (
            {"plek": "thuis", "plek_anders": "In de bibliotheek"},
            "plek_anders",
            "U schreef een plek, maar u koos niet Ergens anders.",
        ),
        (
            {"plek": "thuis", "wie_erbij": ["mantelzorger"], "wie_anders": "Buurvrouw Ans"},
            "wie_anders",
            "U schreef wie erbij komt, maar u koos niet Iemand anders.",
        ),
    ],
)
def test_a_place_or_person_typed_beside_an_answer_that_leaves_it_out_is_asked_about(
    walker, gesprek, field, message
):
    """A walk: "Bij mij thuis: In de bibliotheek" on the check page, and a neighbour's name typed, then
    "Iemand anders" unticked: the name was kept but shown nowhere. The writer decides; what was typed
    stays."""
    walker.walk([step for step in ANDER_UITGEBREID if step[0] not in ("gesprek", "spoed")])
    page = walker.post("gesprek", gesprek).content.decode()
    assert message in page
    typed = gesprek[field]
    assert f'value="{typed}"' in page
    fixed = {**gesprek, field: ""}
    assert walker.post("gesprek", fixed).status_code == 302


def test_someone_else_at_the_gesprek_is_named_as_a_place_elsewhere_is(walker):
    """A walk chose "Iemand anders" with the name left empty: it was taken, and the check page said only
    "Iemand anders" (an empty "Waar dan?" after "Ergens anders" was asked)."""
    walker.walk([step for step in ANDER_UITGEBREID if step[0] not in ("gesprek", "spoed")])
    asked = {"plek": "thuis", "wie_erbij": ["anders"], "wie_anders": ""}
    page = " ".join(walker.post("gesprek", asked).content.decode().split())
    assert "U koos Iemand anders. Vul in wie dat is." in page
    assert walker.post("gesprek", {**asked, "wie_anders": "Buurvrouw Ans"}).status_code == 302


def test_a_bsn_in_the_free_text_is_refused_and_the_text_stays(walker):
    """A walk: a son wrote "Haar BSN is 123456782" in the melding for his mother; no question asks for it, and
    it went on to the backoffice."""
    _to_the_hulp_page_for_myself(walker)
    typed = "Hulp bij mijn administratie. Haar BSN is 123456782"
    response = walker.post("hulp", {"onderwerpen": ["anders"], "toelichting": typed})
    page = " ".join(response.content.decode().split())
    assert response.status_code == 200 and "Wij hebben dat nummer niet nodig. Haal het weg." in page
    assert f"{typed}</textarea>" in page  # nothing typed is lost
    assert walker.post("hulp", {"onderwerpen": ["anders"], "toelichting": typed[:28]}).status_code == 302


@pytest.mark.parametrize(
    ("voor_wie", "staff_label"), [("zelf", "Bereikbaar"), ("mantelzorger", "Melder bereikbaar")]
)
def test_the_short_melding_asks_when_to_call(walker, voor_wie, staff_label):
    """A walk: the short melding is a call, and it never asked when; the consulent called at any hour and
    recorded "Gebeld, niet bereikt". The writer may say when (the gemeente calls the writer)."""
    steps = ZELF_KORT if voor_wie == "zelf" else [*ANDER_UITGEBREID[:2], *ZELF_KORT[1:]]
    waarover = {"onderwerpen": ["huishouden"], "bereikbaar": "Na 14 uur, dan ben ik thuis"}
    walker.walk([(step, waarover if step == "waarover" else data) for step, data in steps])
    page = walker.client.get("/melding/waarover/").content.decode()
    assert "Wanneer kunnen wij u het best bellen?" in page and "Wij bellen op werkdagen" in page
    check = walker.client.get("/melding/controleren/").content.decode()
    assert "Na 14 uur, dan ben ik thuis" in check
    walker.submit()
    staff = Melding.objects.get().summary_sections(staff=True)
    rows = {label: value for _title, section in staff for label, value in section}
    assert rows[staff_label] == "Na 14 uur, dan ben ik thuis"


@pytest.mark.parametrize(
    ("first", "then", "page"), [("kort", "uitgebreid", "gesprek"), ("uitgebreid", "kort", "waarover")]
)
def test_when_to_call_goes_over_to_the_other_route(walker, first, then, page):
    other = "waarover" if page == "gesprek" else "gesprek"
    walker.start()
    walker.post("voor-wie", {"voor_wie": "zelf"})
    walker.post("keuze", {"soort": first})
    walker.post(other, {"plek": "thuis", "bereikbaar": "Op maandag"})
    walker.client.get("/melding/keuze/?terug=controleren")
    walker.post("keuze", {"soort": then})
    assert 'value="Op maandag"' in walker.client.get(f"/melding/{page}/").content.decode()


def test_the_short_meldings_optional_page_left_empty_can_still_be_changed_from_the_check_page(walker):
    """A walk: "Waar gaat het over?" left empty vanished from the check page, and with it its "Wijzig": the
    topics could not be added there any more."""
    walker.walk([(step, {} if step == "waarover" else data) for step, data in ZELF_KORT])
    check = BeautifulSoup(walker.client.get("/melding/controleren/").content, "html.parser")
    section = check.find("h2", string="Waar gaat het over?").find_parent("section")
    assert section.find("a")["href"] == "/melding/waarover/?terug=controleren"
    assert "U hebt hier niets ingevuld. Dat hoeft ook niet." in section.get_text()
    assert section.find("p").has_attr("data-to-writer")  # "u" is the writer, also for someone else
    walker.submit()
    assert "Waar gaat het over?" not in [title for title, _rows in Melding.objects.get().summary_sections()]


def test_a_tolk_asked_in_the_short_melding_is_confirmed_and_told_to_the_consulent(walker):
    """A walk: a resident who reads Dutch slowly found nowhere to ask for a tolk but the box for who else
    comes, and the short melding had no place at all."""
    walker.walk(ZELF_KORT[:2])
    assert "Is er een tolk nodig bij het gesprek?" in walker.client.get("/melding/waarover/").content.decode()
    for step, data in ZELF_KORT[2:]:
        walker.post(step, {**data, "tolk": "Turks"} if step == "waarover" else data)
    assert "Tolk bij het gesprek" in walker.client.get("/melding/controleren/").content.decode()
    confirmation = walker.client.get(walker.submit()["Location"]).content.decode()
    assert "U vroeg om een tolk: Turks. Wij zoeken een tolk voor het gesprek." in confirmation
    melding = Melding.objects.get()
    assert melding.typed_answers.tolk == "Turks"
    # And the PDF's "Wat gebeurt er nu?", which a walk found without it.
    from meldingen.pdf import melding_pdf_html

    assert "U vroeg om een tolk: Turks. Wij zoeken een tolk voor het gesprek." in melding_pdf_html(melding)
    staff = {
        label: value for _title, section in melding.summary_sections(staff=True) for label, value in section
    }
    assert staff["Tolk nodig"] == "Turks"


@pytest.mark.parametrize("typed", ["ja turks", "Turkse", "turks", "ja, graag Turks", "Ja? Turks."])
def test_the_tolk_is_asked_in_the_languages_name(walker, typed):
    """A walk of a daughter: "ja turks" and "Turkse" stood as typed in "U vroeg om een tolk: ja turks." and in
    the backoffice's "Tolk nodig"."""
    walker.walk(ZELF_KORT[:2])
    for step, data in ZELF_KORT[2:]:
        walker.post(step, {**data, "tolk": typed} if step == "waarover" else data)
    confirmation = walker.client.get(walker.submit()["Location"]).content.decode()
    assert "U vroeg om een tolk: Turks. Wij zoeken een tolk voor het gesprek." in confirmation
    assert Melding.objects.get().typed_answers.tolk == "Turks"


def test_for_someone_else_the_tolk_is_asked_for_the_person(walker):
    """A walk: a daughter who speaks Dutch could not tell whether the tolk was for her father or for her."""
    walker.walk(ANDER_UITGEBREID[: [step for step, _data in ANDER_UITGEBREID].index("gesprek")])
    page = " ".join(walker.client.get("/melding/gesprek/").content.decode().split())
    assert "Spreekt de persoon niet goed Nederlands? Schrijf dan welke taal." in page
    assert "Dan hoeft de familie niet te vertalen." in page
    walker.client.get("/melding/voor-wie/?reset=1")
    walker.walk(ZELF_KORT[:2])
    assert "Spreekt" not in walker.client.get("/melding/waarover/").content.decode()


def test_a_melding_without_a_tolk_says_nothing_about_one(walker):
    walker.walk(ZELF_KORT)
    assert "tolk" not in walker.client.get(walker.submit()["Location"]).content.decode()
    assert Melding.objects.get().typed_answers.tolk == ""


@pytest.mark.parametrize(("first", "then"), [("kort", "uitgebreid"), ("uitgebreid", "kort")])
def test_the_tolk_goes_with_a_switch_between_short_and_long(walker, first, then):
    pages = {"kort": "waarover", "uitgebreid": "gesprek"}
    walker.start()
    walker.post("voor-wie", {"voor_wie": "zelf"})
    walker.post("keuze", {"soort": first})
    walker.post(pages[first], {"plek": "thuis", "tolk": "Arabisch"})
    walker.client.get("/melding/keuze/?terug=controleren")
    walker.post("keuze", {"soort": then})
    html = walker.client.get(f"/melding/{pages[then]}/").content.decode()
    assert re.search(r'name="[a-z]+-tolk"[^>]*value="Arabisch"|value="Arabisch"[^>]*name="[a-z]+-tolk"', html)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Nee", "Is er geen tolk nodig? Maak dit vak dan leeg."),
        ("nvt.", "Is er geen tolk nodig? Maak dit vak dan leeg."),
        ("ja", "Schrijf welke taal de tolk moet spreken. Bijvoorbeeld: Turks."),
        # Read as a language's name first (the review: "U vroeg om een tolk: Ja." and "... Nederlands.").
        ("ja ja", "Schrijf welke taal de tolk moet spreken. Bijvoorbeeld: Turks."),
        ("Nederlandse", "Is er geen tolk nodig? Maak dit vak dan leeg."),
    ],
)
def test_a_yes_or_no_typed_for_the_tolk_asks_for_a_language_and_stays(walker, typed, message):
    """A review: "Nee" in the box became "U vroeg om een tolk: Nee." on the confirmation."""
    walker.walk(ZELF_KORT[:2])
    page = walker.post("waarover", {"tolk": typed}).content.decode()
    assert message in page and f'value="{typed}"' in page
    # The summary calls the box "Tolk": "Is er een tolk nodig bij het gesprek: is er geen tolk nodig?".
    assert f"Tolk: {message[0].lower()}{message[1:]}" in page


def test_a_carer_says_what_he_is_of_the_person_and_how_he_is_doing(walker):
    """A walk: a husband who cares for his wife alone could say neither, but in "Wie helpt de persoon al?",
    while the mantelzorg page asks a carer to tell how he is doing; the confirmation gave only the gemeente's
    steps, weeks away, to a man who wrote that he could no longer cope."""
    melder = {
        **dict(ANDER_UITGEBREID)["melder"],
        "relatie": "Haar man",
        "hoe_gaat_het": "Ik doe alles alleen en ben uitgeput.",
    }
    walker.walk([(step, melder if step == "melder" else data) for step, data in ANDER_UITGEBREID])
    page = walker.client.get("/melding/melder/").content.decode()
    assert "Wat bent u van de persoon?" in page and "Hoe gaat het met u als mantelzorger?" in page
    check = walker.client.get("/melding/controleren/").content.decode()
    assert "Haar man" in check and "Ik doe alles alleen en ben uitgeput." in check
    # A walk: the privacy part spoke of the person's health only, not of what the carer wrote about himself.
    about_himself = "U schreef ook hoe het met u gaat. Dat gebruiken wij alleen om te kijken welke steun er"
    assert about_himself in check
    confirmation = " ".join(walker.client.get(walker.submit()["Location"]).content.decode().split())
    assert "Steun voor u als mantelzorger" in confirmation
    # The help for carers first, as the mantelzorg page links it (the theme alone put paid HHT on top).
    assert (
        'href="/sociale-kaart/?q=mantelzorg&amp;thema=mantelzorg&amp;doelgroep=mantelzorgers"' in confirmation
    )
    # The e-mail too: a walk's son found it on the page only, gone once he had closed it.
    body = " ".join(mail.outbox[0].body.split())
    assert "Steun voor u als mantelzorger U hoeft niet te wachten op het gesprek." in body
    url = f"{settings.SITE_URL}/sociale-kaart/?q=mantelzorg&thema=mantelzorg&doelgroep=mantelzorgers"
    assert f"Zoek hulp voor mantelzorgers bij u in de buurt: {url}" in body
    melding = Melding.objects.get()
    staff = {
        label: value for _title, section in melding.summary_sections(staff=True) for label, value in section
    }
    assert staff["Melder is"] == "Haar man"
    assert staff["Hoe gaat het met de mantelzorger"] == "Ik doe alles alleen en ben uitgeput."
    assert melding.typed_answers.to_call["relatie"] == "Haar man"


@pytest.mark.parametrize(
    ("voor_wie", "relatie", "hoe_gaat_het"), [("familie", True, False), ("professional", False, False)]
)
def test_only_a_carer_is_asked_how_he_is_doing_and_a_professional_not_what_he_is(
    walker, voor_wie, relatie, hoe_gaat_het
):
    walker.start()
    walker.post("voor-wie", {"voor_wie": voor_wie})
    page = walker.client.get("/melding/melder/").content.decode()
    assert ("Wat bent u van de persoon?" in page) is relatie
    assert ("Hoe gaat het met u als mantelzorger?" in page) is hoe_gaat_het


def test_for_oneself_the_confirmation_points_to_no_help_for_carers(submitted):
    assert (
        "Steun voor u als mantelzorger" not in submitted.client.get("/melding/bevestiging/").content.decode()
    )
    assert "Steun voor u als mantelzorger" not in mail.outbox[0].body


def test_a_professional_is_not_offered_a_client_who_does_not_know(walker):
    """A walk: a nurse answered "Uw cliënt weet het nog niet" and could send her client's health data, while
    the page for professionals says that without consent it may not be done; and she named herself ("ik") as
    the one who decides for the client, as the hint told her."""
    walker.start()
    walker.post("voor-wie", {"voor_wie": "professional"})
    page = " ".join(walker.client.get("/melding/melder/").content.decode().split())
    assert "Uw cliënt weet het nog niet" not in page and 'value="weet_niet"' not in page
    assert "Vraag het eerst aan uw cliënt. Zonder toestemming mag u deze melding niet doen." in page
    assert "Schrijf: ik" not in page and "Bijvoorbeeld: een mentor, curator of familielid." in page
    melder = {
        "naam": "Yvonne de Boer",
        "organisatie": "Thuiszorg De Linde",
        "telefoon": "0612345678",
        "bewoner_toestemming": "weet_niet",
    }
    refused = walker.post("melder", melder)
    assert refused.status_code == 200 and "Kies een van de antwoorden." in refused.content.decode()
    assert walker.post("melder", {**melder, "bewoner_toestemming": "akkoord"}).status_code == 302
    # A mantelzorger may still say the person does not know yet: the gemeente asks in the gesprek.
    walker.start()
    walker.post("voor-wie", {"voor_wie": "mantelzorger"})
    assert 'value="weet_niet"' in walker.client.get("/melding/melder/").content.decode()


@pytest.mark.parametrize(
    ("waarover", "spoed", "asked"),
    [
        ({}, {"spoed": "nee"}, False),
        ({"onderwerpen": ["huishouden"]}, {"spoed": "nee"}, True),
        ({"toelichting": "Traplopen lukt niet meer."}, {"spoed": "nee"}, True),
        ({"bereikbaar": "Niet op dinsdag, dan heb ik dialyse."}, {"spoed": "nee"}, True),
        ({"tolk": "Gebarentaal"}, {"spoed": "nee"}, True),
        ({}, {"spoed": "ja", "toelichting": "Mijn man ligt in het ziekenhuis."}, True),
    ],
)
def test_consent_for_health_data_is_asked_only_of_a_melding_that_can_hold_them(
    walker, waarover, spoed, asked
):
    """A walk: a resident of 74 who gave only her name, address and phone number had to tick "De gemeente
    mag de gegevens over gezondheid in deze melding gebruiken", and could not send without it."""
    steps = dict(ZELF_KORT) | {"waarover": waarover, "spoed": spoed}
    walker.walk(list(steps.items()))
    check = walker.client.get("/melding/controleren/").content.decode()
    assert ("Ik geef toestemming." in check) is asked
    assert ("iets over uw gezondheid" in check) is asked
    response = walker.post("controleren", {}, **walker.seen())
    if asked:
        assert "Geef toestemming om de melding te versturen." in response.content.decode()
        assert not Melding.objects.exists()
    else:
        assert response["Location"] == "/melding/bevestiging/"
        stored = Melding.objects.get().typed_answers
        assert stored.resident_name == "Jan Jansen" and not stored.health_consent_given  # the gesprek asks


@pytest.mark.parametrize(
    ("voor_wie", "soort"), [("mantelzorger", "kort"), ("professional", "kort"), ("zelf", "uitgebreid")]
)
def test_a_melding_for_someone_else_or_a_long_one_always_asks_about_health_data(voor_wie, soort):
    """For someone else the box says the gemeente asks the person in the gesprek (their data, not the
    writer's), also without topics; a long melding asks what no longer works."""
    answers = Answers(
        {"voor_wie": {"voor_wie": voor_wie}, "keuze": {"soort": soort}, "spoed": {"spoed": "nee"}}
    )
    assert answers.may_hold_health_data


def test_a_question_not_yet_answered_is_not_called_invalid(walker):
    """A walk with a screen reader: Chrome read the radio buttons of an unanswered question as "ongeldig" as
    the page opened (their `required` attribute); the server says what is missing."""
    html = walker.start().content.decode()
    radios = re.findall(r'<input type="radio"[^>]*>', html)
    assert radios and not [radio for radio in radios if " required" in radio]
    assert '<fieldset class="form-field form-field--choices' in html  # still a question with its legend
