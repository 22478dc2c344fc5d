"""A time to call that the loket does not call at is asked about once (core/call_time.py): a walk's
"na 18.00 uur" asked for a call no one makes, and the step said nothing. The melding's steps here; the
complaint form in tests/klachten."""

import re

import pytest
from django.core import mail

from core.call_time import Hours, loket_hours, outside_the_hours
from meldingen.models import Melding

from .conftest import ANDER_UITGEBREID, ZELF_KORT

LOKET = "op werkdagen van 8.30 tot 17.00 uur"
ASKED = "U schreef: “na 18.00 uur”. Kunnen wij u ook op een ander moment bellen? Schrijf dat dan in dit vak."


def test_the_loket_hours_are_read_from_the_setting_s_words():
    assert loket_hours(LOKET) == Hours(windows=((8 * 60 + 30, 17 * 60),), weekdays_only=True)
    assert loket_hours("maandag tot en met zaterdag van 9 tot 20 uur") == Hours(((9 * 60, 20 * 60),), False)
    assert loket_hours("maandag tot vrijdag van 9.00 uur tot 17.00 uur") == Hours(((9 * 60, 17 * 60),), True)
    assert loket_hours("ma-vr 9.00-17.00").windows == ((9 * 60, 17 * 60),)
    lunch = loket_hours("op werkdagen van 8.30 tot 12.00 uur en van 13.00 tot 17.00 uur")
    assert lunch.windows == ((8 * 60 + 30, 12 * 60), (13 * 60, 17 * 60))  # each part, not only the first
    assert not outside_the_hours("na 14.00 uur", lunch) and outside_the_hours("om 12.30", lunch)
    assert loket_hours("op werkdagen in de ochtend") is None  # no hours to compare with: never asked


@pytest.mark.parametrize(
    "typed",
    [
        "na 18.00 uur",
        "Na 17.00 uur",
        "na 5 uur",  # five in the afternoon, as people say it
        "’s avonds",
        "in het weekend",
        "zaterdagochtend",
        "dinsdag na 18 uur",
        "tussen 18 en 20 uur",
        "18-20 uur",
        "om 19.30",
        "voor 8 uur",
        "na werktijd",
        "werkdagen na 17 uur of in het weekend",
        "tussen 5 en 7 uur",  # both in the evening
        "tussen 6 en 8 uur",  # 6.00 to 8.00 or 18.00 to 20.00: the loket calls at neither
        "tussen zessen en achten",
        "tussen 0 en 8 uur",  # at night, never at noon (the review)
        "'s avonds na 18 uur, ik werk overdag",  # the part at work is not read, the rest is (a walk)
        "na 17.30 want ik werk tot 17 uur",
        "ik heb dagdienst. Na 18.00 uur ben ik thuis",
        "na vijven",  # hours as people say them
        "na half zes",
        "na half 6",
        "na kwart over vijf",
        "om zes uur",
        "voor half negen",
        "na half acht 's avonds",  # the evening named says which eight (the review)
        "'s avonds na achten",
        "'s avonds, want dan vieren we het",  # "vieren" no hour here: a feast (the review)
    ],
)
def test_a_time_the_loket_does_not_call_at_is_outside(typed):
    assert outside_the_hours(typed, loket_hours(LOKET))


@pytest.mark.parametrize(
    "typed",
    [
        "op dinsdag in de ochtend",
        "na 12 uur",
        "vanaf 16.30",
        "om 14:00",
        "overdag",
        "dinsdag of zaterdag",
        "'s ochtends of 's avonds",
        "niet 's avonds",  # what is not meant is no time to ask about
        "na 17 uur, of eerder",
        "ook in het weekend",
        "na 7 december",  # a date, no time
        "bel eerst mijn dochter",
        "na 8 uur",  # eight in the morning or in the evening: not asked
        "na 7 uur",
        "tussen 7 en 9 uur",  # the morning, read as one range (the review: 19.00 to 9.00 was asked)
        "7-9 uur",
        "tussen 6 en 10 uur",
        "ik werk 's avonds",  # when the writer cannot be called
        "ik heb avonddienst",
        "na het werk",
        "ik werk tot 17 uur",
        "na half drie",  # 14.30
        "om twaalf uur",
        "na een uur of twee",  # "een" the article, no time
        "voor half een",  # 12.30
        "tussen half negen en tien uur",
        "om kwart voor negen",
        "tussen twee en vijf uur",  # the afternoon, read as one range (the review)
        "tussen vier en zes uur",
    ],
)
def test_a_time_within_the_hours_or_unsure_is_not_asked_about(typed):
    assert not outside_the_hours(typed, loket_hours(LOKET))


def test_a_loket_that_calls_in_the_evening_and_on_saturday_is_read_so():
    hours = loket_hours("maandag tot en met zaterdag van 9.00 tot 20.00 uur")
    assert not outside_the_hours("na 18.00 uur", hours) and not outside_the_hours("zaterdag", hours)
    assert outside_the_hours("na 21 uur", hours)


def _to_waarover(walker, voor_wie="zelf"):
    steps = ZELF_KORT if voor_wie == "zelf" else [*ANDER_UITGEBREID[:2], *ZELF_KORT[1:]]
    walker.start()
    for step, data in steps[: [name for name, _ in steps].index("waarover")]:
        walker.post(step, data)


@pytest.mark.django_db
def test_the_short_melding_asks_once_about_a_time_outside_the_hours(walker):
    _to_waarover(walker)
    typed = {"onderwerpen": ["huishouden"], "bereikbaar": "na 18.00 uur"}
    page = " ".join(walker.post("waarover", typed).content.decode().split())
    assert "Wij bellen op werkdagen van 8.30 tot 17.00 uur. " + ASKED in page
    assert 'name="waarover-bereikbaar_gezien" value="na 18.00 uur"' in page  # what the next Verder sends
    box = re.search(r'<input type="text" name="waarover-bereikbaar"[^>]*>', page).group(0)
    assert 'value="na 18.00 uur"' in box  # nothing typed is lost
    again = dict(typed, bereikbaar_gezien="na 18.00 uur")
    assert walker.post("waarover", again).status_code == 302
    for step, data in ZELF_KORT[3:]:
        walker.post(step, data)
    walker.submit()
    melding = Melding.objects.get()
    answers = melding.answers["waarover"]
    assert answers["bereikbaar"] == "na 18.00 uur" and "bereikbaar_gezien" not in answers
    # The consulent reads that the time lies outside the hours.
    staff = {label: value for _title, rows in melding.summary_sections(staff=True) for label, value in rows}
    assert staff["Bereikbaar"] == "na 18.00 uur (buiten de beltijden van het loket)"
    writer = {label: value for _title, rows in melding.summary_sections(staff=False) for label, value in rows}
    assert writer["Wanneer kunnen wij u het best bellen?"] == "na 18.00 uur"
    # The confirmation and its PDF say it again, and what to do for another moment (a walk read nothing more).
    told = (
        "U schreef wanneer wij u het best kunnen bellen: “na 18.00 uur”. "
        "Wij bellen op werkdagen van 8.30 tot 17.00 uur. "
        "Kunnen wij u toch op een ander moment bellen? Bel ons dan zelf op "
    )
    confirmation = " ".join(walker.client.get("/melding/bevestiging/").content.decode().split())
    assert told + '<a href="tel:' in confirmation
    from meldingen.pdf import melding_pdf_html

    assert told in " ".join(melding_pdf_html(melding).split())
    # The e-mail, which holds no answers, says it without the time typed (a walk's son kept only the e-mail).
    body = " ".join(mail.outbox[0].body.split())
    assert (
        "- U schreef een tijd om te bellen waarop wij niet bellen. Wij bellen op werkdagen van 8.30" in body
    )
    assert "na 18.00 uur" not in body


@pytest.mark.django_db
def test_a_time_within_the_hours_is_not_repeated_on_the_confirmation(walker):
    walker.walk(
        [
            (step, dict(data, bereikbaar="na 14 uur") if step == "waarover" else data)
            for step, data in ZELF_KORT
        ]
    )
    confirmation = walker.client.get(walker.submit()["Location"]).content.decode()
    assert "Uw melding is verstuurd" in confirmation
    assert "U schreef wanneer wij u het best kunnen bellen" not in confirmation
    assert "waarop wij niet bellen" not in mail.outbox[0].body


@pytest.mark.django_db
def test_another_time_outside_the_hours_asks_again_and_a_time_within_them_goes_on(walker):
    _to_waarover(walker)
    seen = {"bereikbaar_gezien": "na 18.00 uur"}
    assert walker.post("waarover", {"bereikbaar": "zaterdag", **seen}).status_code == 200
    within_too = {"bereikbaar": "na 18.00 uur of dinsdagochtend", **seen}
    assert walker.post("waarover", within_too).status_code == 302


@pytest.mark.django_db
def test_the_long_melding_asks_the_writer_once_too(walker):
    walker.start()
    for step, data in ANDER_UITGEBREID[:-2]:
        walker.post(step, data)
    gesprek = {"plek": "thuis", "bereikbaar": "'s avonds"}
    page = " ".join(walker.post("gesprek", gesprek).content.decode().split())
    assert (
        "U schreef: “&#39;s avonds”. Kunnen wij u ook op een ander moment bellen?" in page
    )  # beside the box
    assert walker.post("gesprek", dict(gesprek, bereikbaar_gezien="'s avonds")).status_code == 302


@pytest.mark.django_db
def test_hours_the_setting_does_not_give_as_times_ask_nothing(walker, settings):
    settings.MUNICIPALITY_PHONE_HOURS = "op werkdagen"
    _to_waarover(walker)
    assert walker.post("waarover", {"bereikbaar": "na 18.00 uur"}).status_code == 302


@pytest.mark.django_db
def test_a_time_asked_about_once_is_not_asked_again_on_the_other_route(walker):
    _to_waarover(walker)
    walker.post("waarover", {"bereikbaar": "na 18.00 uur", "bereikbaar_gezien": "na 18.00 uur"})
    walker.client.get("/melding/keuze/?terug=controleren")
    walker.post("keuze", {"soort": "uitgebreid"})
    page = walker.client.get("/melding/gesprek/").content.decode()
    assert 'name="gesprek-bereikbaar_gezien" value="na 18.00 uur"' in page
    sent = {"plek": "thuis", "bereikbaar": "na 18.00 uur", "bereikbaar_gezien": "na 18.00 uur"}
    assert walker.post("gesprek", sent).status_code == 302


@pytest.mark.django_db
def test_the_question_is_asked_as_a_question_not_as_a_mistake(walker):
    """A walk: "Er klopt nog iets niet" and "Fout:" told a resident she had done wrong, where her answer was
    right; a question asked once (core.components.QUESTION) says so, as the street's does."""
    _to_waarover(walker)
    page = " ".join(walker.post("waarover", {"bereikbaar": "zaterdag"}).content.decode().split())
    assert "<title>Vraag: " in page and "Wij hebben een vraag over uw antwoord:" in page
    assert "Er klopt nog iets niet" not in page and "Fout:" not in page
    assert 'class="form-field form-field--question"' in page and "error-summary--question" in page
    box = re.search(r'<input type="text" name="waarover-bereikbaar"[^>]*>', page).group(0)
    assert "aria-invalid" not in box  # screen readers said "ongeldig" of a right answer (a walk)
    # Beside a mistake, the page says there is one; the question stays a question, listed apart.
    posted = walker.post("waarover", {"bereikbaar": "zaterdag", "tolk": "ja"})
    mixed = " ".join(posted.content.decode().split())
    assert "<title>Fout: " in mixed and "Er klopt nog iets niet. Kijk naar deze punten:" in mixed
    mistakes, questions = mixed.split("Wij hebben ook een vraag over uw antwoord:")
    assert 'href="#id_waarover-tolk"' in mistakes and 'href="#id_waarover-bereikbaar"' not in mistakes
    listed_apart = (
        '<ul class="error-summary__list error-summary__list--questions"> <li><a href="#id_waarover-'
    )
    assert listed_apart + 'bereikbaar">' in questions
    # Short in the summary, whole beside its box: one link of sixty words was taller than the screen at 400%.
    assert 'bereikbaar">Wanneer kunnen wij u het best bellen? Lees de vraag bij het vak.</a>' in questions
    assert '<span class="visually-hidden">Vraag: </span>Wij bellen op werkdagen' in mixed
