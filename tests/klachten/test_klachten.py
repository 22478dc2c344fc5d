"""A resident's complaint: a short B1 form, no account, stored encrypted, answered within 6 weeks (Awb 9:11,
Algemene termijnenwet), routed to the contract team, limited per IP address."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test import Client, override_settings

from klachten.models import Klacht
from klachten.terms import answer_by
from klachten.workflow import Status, TransitionNotAllowed

from .conftest import PASSWORD, klacht_maken

taalcheck = pytest.importorskip("portal.taalcheck", reason="the B1 taalcheck module is not in this tree")
pytestmark = pytest.mark.django_db


def form_data(kaart, **extra):
    return {
        "organisatie": str(kaart["zorg"].pk),
        "thema": str(kaart["huishouden"].pk),
        "wat": "De hulp kwam drie keer niet opdagen.",
        "contact": "ja",
        "naam": "Anna de Vries",
        "telefoon": "06 12345678",
        "email": "anna@example.org",
        **extra,
    }


def main_text(response) -> str:
    return taalcheck.html_to_text(re.search(r"<main.*?</main>", response.content.decode(), re.S).group(0))


def test_a_resident_sends_a_complaint_without_an_account_and_sees_the_reference_and_the_date(client, people):
    response = client.post("/klacht/", form_data(kaart_of(people)))
    assert response.status_code == 302
    klacht = Klacht.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert klacht.reference in page
    assert str(klacht.antwoord_uiterlijk.year) in page
    assert klacht.team == people["team"]
    # A walk: only "Uw klachtnummer is: ..."; now what to do with it, whom it is about, and a number to tap.
    assert "Bewaar dit nummer. U hebt het nodig als u ons belt over uw klacht." in page
    assert "Uw klacht gaat over: Zorg Thuis" in page
    assert re.search(r'Bel <a href="tel:\d+">', page)
    client.force_login(people["klachtbehandelaar"])
    history = client.get(f"/admin/klachten/{klacht.pk}/").content.decode().split("Geschiedenis", 1)[1]
    assert "Klacht ontvangen (Website), de inwoner</li>" in history  # it said "—", as if no one sent it


def test_the_form_says_to_call_at_once_when_help_that_is_needed_does_not_come(client, kaart):
    """A walk: a neighbour typing for a woman whose help had not come for three weeks read only that the
    answer comes within 6 weeks."""
    page = " ".join(client.get("/klacht/").content.decode().split())
    said = "Krijgt u of uw naaste nu geen hulp die nodig is? Wacht dan niet op ons antwoord. Bel meteen"
    assert said in page
    assert taalcheck.check_text(main_text(client.get("/klacht/"))).passed


@pytest.mark.parametrize("page", ["/klacht/", "/klacht/verstuurd/"])
def test_the_form_and_its_confirmation_say_a_decision_is_objected_to_not_complained_about(
    client, kaart, page
):
    """A walk: a resident who got 2 hours of help where she asked 4 wrote it in a complaint, answered within 6
    weeks: past her term for bezwaar, and nothing on the form or after it said so."""
    if page == "/klacht/verstuurd/":
        client.post("/klacht/", form_data(kaart))
    html = " ".join(client.get(page).content.decode().split())
    assert (
        "Dat is geen klacht. Een klacht verandert het besluit niet. Maak dan bezwaar, binnen 6 weken na de"
        in html
    )
    # The information page when the site has it, else the site search.
    assert 'href="/zoeken/?q=bezwaar+maken">Lees hoe u bezwaar maakt</a>' in html


def test_a_complaint_of_a_letter_or_two_asks_for_a_few_words(client, kaart):
    """A walk: "x" was taken as a complaint."""
    response = client.post("/klacht/", form_data(kaart, wat="x"), follow=True)
    assert "Vertel iets meer over wat er misging. Een paar woorden is genoeg." in response.content.decode()
    assert Klacht.objects.count() == 0
    assert client.post("/klacht/", form_data(kaart, wat="Niet gekomen.")).status_code == 302


def test_two_words_are_a_few_words(client, kaart):
    """A walk: "Te laat" was refused with "Vertel iets meer ... Een paar woorden is genoeg." (at least ten
    characters were asked)."""
    assert client.post("/klacht/", form_data(kaart, wat="Te laat")).status_code == 302
    assert Klacht.objects.get().gegevens["wat"] == "Te laat"
    for one_word in ("Onbeleefd", "12 3 4"):
        html = client.post("/klacht/", form_data(kaart, wat=one_word), follow=True).content.decode()
        assert "Een paar woorden is genoeg." in html


def kaart_of(people):
    from socialekaart.models import Organisatie, Term

    zorg = Organisatie.objects.get(slug="zorg-thuis")
    return {"zorg": zorg, "huishouden": Term.objects.get(code="huishouden")}


def test_the_residents_words_and_contact_details_are_encrypted_at_rest(client, kaart):
    client.post("/klacht/", form_data(kaart))
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM klachten_klacht")
        row = " ".join(str(value) for value in cursor.fetchone())
    for secret in ("Anna", "opdagen", "0612345678", "06 12345678", "anna@example.org"):
        assert secret not in row
    assert Klacht.objects.get().gegevens["naam"] == "Anna de Vries"


def test_without_consent_to_contact_no_contact_details_are_kept(client, kaart):
    # Nor checked: a walk's resident chose "Nee" and was held up by an e-mail address she had half typed.
    response = client.post(
        "/klacht/", form_data(kaart, contact="nee", email="joke@hotmail", telefoon="06 12")
    )
    assert response.status_code == 302
    assert set(Klacht.objects.get().gegevens) == {"wat", "contact"}
    # A walk: "Wacht dan niet op ons antwoord" to someone who will get no answer.
    page = " ".join(client.get("/klacht/verstuurd/").content.decode().split())
    assert "ons antwoord" not in page and "U wilde geen contact." in page


def test_who_wants_contact_is_told_we_will_get_in_touch_and_may_ask_to_hear_the_complaint(client, kaart):
    """Awb 9:10: the resident is heard. A walk: a resident who gave only a phone number read nothing of a
    call, or of being asked to tell her story."""
    client.post("/klacht/", form_data(kaart, email=""))
    page = " ".join(client.get("/klacht/verstuurd/").content.decode().split())
    # A walk: "om uw klacht aan ons te vertellen" read odd to a son who had just written it.
    said = "Wij nemen contact met u op. Wij vragen u misschien om uw klacht in een gesprek uit te leggen."
    assert said in page
    assert "Wacht dan niet op ons antwoord." in page


def test_a_complaint_about_the_help_for_someone_else_names_that_person_for_the_gemeente_only(client, people):
    """A walk: a son complained that his father's help did not come, and nothing asked who the father was;
    the complaint could not be traced to him, and the son read only that the provider would not see his own
    name."""
    form = " ".join(client.get("/klacht/").content.decode().split())
    assert "Naam van wie de hulp krijgt" in form and "bijvoorbeeld voor uw vader of moeder" in form
    # A review: a browser filled in the writer's own name in a field called "naam".
    assert re.search(r'<input [^>]*name="client_naam"[^>]*autocomplete="off"', form)
    assert "Praten met de organisatie zelf helpt vaak het snelst. U hoeft dat niet eerst te doen." in form
    kaart = kaart_of(people)
    client.post("/klacht/", form_data(kaart, client_naam="  Piet de Vries "))
    klacht = Klacht.objects.get()
    assert klacht.gegevens["client_naam"] == "Piet de Vries"
    page = " ".join(client.get("/klacht/verstuurd/").content.decode().split())
    # A second walk: with contact the son was not told his father's name stays with the gemeente too.
    said = (
        "De organisatie ziet uw naam niet, en ook niet de naam van wie de hulp krijgt. "
        "Moet de organisatie weten over wie het gaat? Dan vragen wij eerst of dat mag."
    )
    assert said in page and "Alleen de gemeente ziet deze naam." in form
    # The son asked to be called "na 17 uur", when the loket is closed.
    assert "Wij bellen op werkdagen van 8.30 tot 17.00 uur. Bijvoorbeeld: na 10 uur, of op dinsdag." in form
    staff = client_for(people["klachtbehandelaar"]).get(f"/admin/klachten/{klacht.pk}/").content.decode()
    assert "<dt>Hulp voor</dt><dd>Piet de Vries</dd>" in staff
    assert "<dt>Ingediend door</dt><dd>Anna de Vries</dd>" in staff  # "Naam" beside it read as either
    klacht.samenvatting_aanbieder = "De hulp kwam drie keer niet."
    klacht.save()
    provider = client_for(people["aanbieder"]).get(f"/admin/klachten/{klacht.pk}/").content.decode()
    assert "De hulp kwam drie keer niet." in provider and "Piet" not in provider
    # Without contact the son reads that the provider learns neither name; without a name, nothing changes.
    Klacht.objects.all().delete()
    client.post("/klacht/", form_data(kaart, contact="nee", client_naam="Piet de Vries"))
    page = " ".join(client.get("/klacht/verstuurd/").content.decode().split())
    assert "De organisatie ziet uw naam niet, en ook niet de naam van wie de hulp krijgt." in page
    assert Klacht.objects.get().gegevens["client_naam"] == "Piet de Vries"
    Klacht.objects.all().delete()
    client.post("/klacht/", form_data(kaart))
    assert "client_naam" not in Klacht.objects.get().gegevens


def test_a_complaint_about_a_melding_carries_its_number_to_the_gemeente_only(client, people):
    """A walk: a resident unhappy with how her melding went typed its number into her story; the handler had
    to find it there."""
    kaart = kaart_of(people)
    form = client.get("/klacht/").content.decode()
    assert "Nummer van uw melding" in form and "Het nummer staat in de bevestiging." in form
    sent = client.post("/klacht/", form_data(kaart, melding="m 7cve 3p6w"), follow=True)  # as read off it
    assert "U gaf het nummer van een melding: M-7CVE-3P6W." in sent.content.decode()  # to check
    klacht = Klacht.objects.get()
    assert klacht.gegevens["melding"] == "M-7CVE-3P6W"
    staff = client_for(people["klachtbehandelaar"]).get(f"/admin/klachten/{klacht.pk}/").content.decode()
    assert '<dt>Over melding</dt><dd><span class="bo-kenmerk">M-7CVE-3P6W</span></dd>' in staff
    klacht.samenvatting_aanbieder = "De hulp kwam drie keer niet."
    klacht.save()
    assert "7CVE" not in client_for(people["aanbieder"]).get(f"/admin/klachten/{klacht.pk}/").content.decode()
    for typed in ("12345", "M-HALL-OOOO"):  # too short; letters no number has (a review)
        wrong = client.post("/klacht/", form_data(kaart, melding=typed, wat="Nog een keer."), follow=True)
        said = " ".join(wrong.content.decode().split())
        assert "Een meldingsnummer begint met de letter M, met daarna 8 letters en cijfers." in said
        assert "Er staat nooit een 0, 1, I, L of O in." in said  # "M-BD2H-GHUO" read as right (a walk)
        assert f'value="{typed}"' in said and Klacht.objects.count() == 1  # what was typed stays, unsent
    Klacht.objects.all().delete()
    sent = client.post("/klacht/", form_data(kaart, wat="Zonder nummer."), follow=True)
    assert "melding" not in Klacht.objects.get().gegevens and "U gaf het nummer" not in sent.content.decode()


def client_for(user) -> Client:
    other = Client()
    other.force_login(user)
    return other


def test_a_complaint_about_the_gemeente_is_not_said_to_go_to_a_provider(client, kaart):
    """A walk: a resident who complained about the gemeente's own Wmo team read "Wij vragen de organisatie
    om een reactie. De organisatie ziet uw naam niet.", and the form spoke only of organisations."""
    from socialekaart.models import Organisatie

    form = " ".join(client.get("/klacht/").content.decode().split())
    assert "of over de gemeente?" in form and '<a href="tel:140599">14 0599</a>' in form
    gemeente = Organisatie.objects.create(name="Gemeente Lindewaard, team Wmo", slug="gemeente")
    client.post("/klacht/", {**form_data(kaart), "organisatie": str(gemeente.pk)})
    page = " ".join(client.get("/klacht/verstuurd/").content.decode().split())
    assert "Iemand die er niet bij betrokken was, zoekt uit wat er gebeurde." in page
    assert "De organisatie ziet uw naam niet." not in page


def test_the_gemeente_stands_first_and_its_complaint_asks_no_provider(client, kaart, people):
    """A walk: the resident looked for the gemeente among 45 organisations; the klachtbehandelaar read "Voor
    de aanbieder" and "De aanbieder heeft niet gereageerd" on a complaint about the gemeente's own team."""
    from socialekaart.models import Organisatie

    gemeente = Organisatie.objects.create(name="Gemeente Lindewaard, team Wmo", slug="gemeente")
    form = client.get("/klacht/").content.decode()
    options = re.findall(
        r'<option value="([^"]+)"', form.split('name="organisatie"')[1].split("</select>")[0]
    )
    assert options[0] == str(gemeente.pk)
    people["team"].organisaties.add(gemeente)  # the klachtencoördinatie, here
    client.post("/klacht/", {**form_data(kaart), "organisatie": str(gemeente.pk)})
    klacht = Klacht.objects.get()
    client.login(username="klachtbehandelaar", password=PASSWORD)
    page = client.get(f"/admin/klachten/{klacht.pk}/").content.decode()
    assert "Deze klacht gaat over de gemeente zelf. Er is geen aanbieder" in page
    assert "Voor de aanbieder" not in page and "Reactie van de aanbieder" not in page
    assert "<dt>Over</dt><dd>Gemeente Lindewaard, team Wmo</dd>" in page


def test_the_form_after_a_sent_complaint_says_it_was_sent(client, kaart):
    """Back from the confirmation, the browser put back most of the form and nothing said it was sent: a
    second "Verstuur" made the same complaint twice."""
    assert "Uw klacht is verstuurd" not in client.get("/klacht/").content.decode()
    client.post("/klacht/", form_data(kaart))
    reference = Klacht.objects.get().reference
    html = client.get("/klacht/").content.decode()
    shown = f'<strong class="reference" aria-hidden="true">{reference}</strong>'
    assert f"Uw klacht is verstuurd. Het klachtnummer is {shown}" in html


def test_the_same_complaint_sent_again_is_kept_once_and_said_to_be_sent(client, kaart):
    """Back from the confirmation the browser put the whole complaint back in the form; "Verstuur de klacht"
    gave a second number, and the team had the same complaint twice."""
    client.post("/klacht/", form_data(kaart))
    reference = Klacht.objects.get().reference
    again = client.post("/klacht/", form_data(kaart))
    assert again["Location"] == "/klacht/verstuurd/" and Klacht.objects.count() == 1
    page = " ".join(client.get("/klacht/verstuurd/").content.decode().split())
    said = "U hebt deze klacht al verstuurd. Wij bewaren uw klacht maar één keer. U hoeft niets meer te doen."
    assert said in page
    assert reference in page
    assert "al verstuurd" not in client.get("/klacht/verstuurd/").content.decode()  # said once
    client.post("/klacht/", form_data(kaart, wat="En de week erna kwam de hulp weer niet."))
    assert Klacht.objects.count() == 2  # another complaint is another one
    assert "opdagen" not in str(dict(client.session.items()))  # the session keeps no copy of the words


def test_two_sends_of_one_form_that_overtake_each_other_are_one_complaint(client, kaart):
    """A walk: a second tap on a slow connection sent the form again before the first answer came, so the
    session did not know the first yet: two complaints, 3 ms apart. Each form shown carries a token."""
    token = re.search(r'name="verzending" value="([^"]+)"', client.get("/klacht/").content.decode())[1]
    client.post("/klacht/", {**form_data(kaart), "verzending": token})
    first = Klacht.objects.get()
    overtaking = Client()  # the second request, sent before the first one's session came back
    again = overtaking.post("/klacht/", {**form_data(kaart), "verzending": token})
    assert again["Location"] == "/klacht/verstuurd/" and Klacht.objects.get() == first
    page = " ".join(overtaking.get("/klacht/verstuurd/").content.decode().split())
    assert "U hebt deze klacht al verstuurd." in page and first.reference in page
    assert token not in Klacht.objects.values_list("submission_key", flat=True).get()  # only its hash
    other = re.search(r'name="verzending" value="([^"]+)"', client.get("/klacht/").content.decode())[1]
    assert other != token
    client.post("/klacht/", {**form_data(kaart, wat="En de week erna weer niet."), "verzending": other})
    assert Klacht.objects.count() == 2


def test_the_forms_token_with_other_words_is_another_complaint(client, kaart):
    """A review: Back put the form's token back (a browser restores fields), with another organisation and
    text: "U hebt deze klacht al verstuurd", and the second complaint was lost."""
    token = re.search(r'name="verzending" value="([^"]+)"', client.get("/klacht/").content.decode())[1]
    client.post("/klacht/", {**form_data(kaart), "verzending": token})
    other = Client()
    response = other.post(
        "/klacht/", {**form_data(kaart, wat="Een heel andere klacht."), "verzending": token}
    )
    assert response["Location"] == "/klacht/verstuurd/" and Klacht.objects.count() == 2
    assert "al verstuurd" not in other.get("/klacht/verstuurd/").content.decode()


@override_settings(KLACHTEN_RATE_LIMIT=1)
def test_a_second_tap_at_the_rate_limit_is_said_to_be_sent(client, kaart):
    """A review: the first tap stored the complaint and used the last send of the hour; the second was told
    "Uw klacht is nog niet verstuurd", and sent it again an hour later."""
    token = re.search(r'name="verzending" value="([^"]+)"', client.get("/klacht/").content.decode())[1]
    client.post("/klacht/", {**form_data(kaart), "verzending": token})
    second = Client()
    response = second.post("/klacht/", {**form_data(kaart), "verzending": token})
    assert response.status_code == 302 and Klacht.objects.count() == 1
    assert "U hebt deze klacht al verstuurd." in second.get("/klacht/verstuurd/").content.decode()


def test_an_empty_form_shows_b1_errors_and_keeps_nothing(client, kaart):
    response = client.post("/klacht/", {}, follow=True)
    html = response.content.decode()
    assert "<title>Fout: " in html
    assert "Kies de organisatie of de gemeente." in html and "Vertel wat er misging." in html
    assert "Kies of wij contact met u mogen opnemen." in html and "Kies ja of nee." not in html
    assert not Klacht.objects.exists()
    # A walk: "Kies de organisatie of de gemeente" ran under the box's arrow on a phone.
    assert '<option value="" selected>Maak een keuze</option>' in html


def test_a_form_with_errors_is_a_redirect_so_back_and_reload_never_send_it_again(client, kaart):
    """Answered with a page, the POST stayed in the browser's history: the back button gave "ERR_CACHE_MISS",
    and a reload sent the old, wrong form again, so a complaint sent since seemed not sent."""
    response = client.post("/klacht/", form_data(kaart, telefoon="06 1234 abc", email=""))
    assert response.status_code == 302 and response["Location"] == "/klacht/"
    assert "opdagen" not in str(dict(client.session.items()))  # kept encrypted until the page shows it
    html = client.get("/klacht/").content.decode()
    assert "<title>Fout: " in html and 'value="06 1234 abc"' in html and "drie keer niet opdagen" in html
    assert "error-summary" not in client.get("/klacht/").content.decode()  # shown once


def test_contact_without_a_phone_number_or_e_mail_address_asks_for_one(client, kaart):
    response = client.post("/klacht/", form_data(kaart, telefoon="", email=""), follow=True)
    assert "Vul een telefoonnummer of een e-mailadres in." in response.content.decode()


def test_the_contact_details_say_when_they_are_needed_and_a_wrong_phone_gets_one_message(client, kaart):
    """ "Uw naam (niet verplicht)" above "Vul uw naam in."; and a phone number with letters got two messages,
    one of them asking for a phone number that was filled in."""
    html = client.get("/klacht/").content.decode()
    assert "niet verplicht" not in html.split("Hoe kunnen wij u bereiken?")[1].split("</fieldset>")[0]
    assert "Alleen nodig als u Ja kiest." in html
    html = client.post(
        "/klacht/", form_data(kaart, telefoon="06 1234 abc", email=""), follow=True
    ).content.decode()
    assert "Typ alleen het telefoonnummer, zonder woorden of letters. Bijvoorbeeld 06 12345678." in html
    assert "Vul een telefoonnummer of een e-mailadres in." not in html
    # A walk: the summary above the form said it without which field, as the signal's does.
    assert "Telefoonnummer: typ alleen het telefoonnummer, zonder woorden of letters." in html
    # Too long for the field, the same message alone, not also Django's "niet meer dan 20 tekens".
    typed = form_data(kaart, telefoon="06 1234 5678, na 10 uur", email="")
    html = client.post("/klacht/", typed, follow=True).content.decode()
    assert "zonder woorden of letters" in html and "niet meer dan 20 tekens" not in html


def test_the_kinds_of_help_are_named_as_residents_know_them(client, kaart):
    """ "Huishouden (thema)": the kaart's own word for its lists came along."""
    html = client.get("/klacht/").content.decode()
    assert ">Huishouden</option>" in html and "(thema)" not in html


def test_who_does_not_know_the_organisation_is_told_whom_to_call_and_staff_are_not(client, kaart, people):
    hint = 'Weet u niet welke organisatie het is? Bel de gemeente: <a href="tel:140599">14 0599</a>.'
    assert hint in client.get("/klacht/").content.decode()
    client.login(username="klachtbehandelaar", password=PASSWORD)
    assert "Weet u niet welke organisatie" not in client.get("/admin/klachten/nieuw/").content.decode()


def test_an_unknown_organisation_gives_a_message_not_an_error(client, kaart):
    response = client.post("/klacht/", form_data(kaart, organisatie="niet-bestaand"), follow=True)
    assert response.status_code == 200
    assert "Kies de organisatie of de gemeente." in response.content.decode()
    assert client.get("/klacht/?organisatie=<script>").status_code == 200


@override_settings(KLACHTEN_RATE_LIMIT=2)
def test_complaints_are_limited_per_ip_address(client, kaart):
    for week in (1, 2):  # two complaints (the same one sent again is kept once, see above)
        assert client.post("/klacht/", form_data(kaart, wat=f"Week {week}: niemand kwam.")).status_code == 302
    refused = client.post("/klacht/", form_data(kaart, wat="Week 3: niemand kwam."))
    assert refused.status_code == 429
    assert Klacht.objects.count() == 2
    # A walk: the page said to wait an hour, and what she typed was gone. It stays, in the form.
    page = " ".join(refused.content.decode().split())
    assert "Uw klacht is nog niet verstuurd." in page and "Wat u schreef, staat nog hieronder." in page
    assert "Week 3: niemand kwam.</textarea>" in page and 'value="Anna de Vries"' in page
    assert '<a href="tel:140599">14 0599</a>' in page
    report = taalcheck.check_text(main_text(refused))
    assert report.passed, (report.problems, report.rare_words)


def test_the_answer_is_due_six_weeks_after_receipt_moved_past_a_weekend_or_feestdag():
    assert answer_by(date(2026, 1, 5)) == date(2026, 2, 16)  # a Monday: six weeks later, a Monday
    assert answer_by(date(2026, 3, 28)) == date(2026, 5, 11)  # ends on Saturday 9 May: moves to Monday
    assert answer_by(date(2026, 3, 24)) == date(2026, 5, 6)  # ends on 5 May, Bevrijdingsdag: moves a day


def test_a_letter_counts_from_the_day_it_arrived(kaart):
    klacht = klacht_maken(kaart["zorg"], ontvangen_op=date(2026, 1, 5))
    assert klacht.antwoord_uiterlijk == date(2026, 2, 16)


def test_the_workflow_allows_only_ontvangen_in_behandeling_afgehandeld(kaart):
    klacht = klacht_maken(kaart["zorg"])
    with pytest.raises(TransitionNotAllowed):
        klacht.change_status(Status.AFGEHANDELD, oordeel="gegrond")
    klacht.change_status(Status.IN_BEHANDELING)
    klacht.change_status(Status.AFGEHANDELD, oordeel="gegrond")
    with pytest.raises(TransitionNotAllowed):
        klacht.change_status(Status.IN_BEHANDELING)
    assert klacht.afgehandeld_op is not None


def test_a_complaint_about_a_provider_without_a_contract_team_goes_to_no_team(kaart, people):
    assert klacht_maken(kaart["hulp"]).team is None


def test_the_public_pages_and_their_error_state_are_b1(client, kaart):
    sent = client.post("/klacht/", form_data(kaart))
    pages = [client.get("/klacht/"), client.post("/klacht/", {}, follow=True), client.get(sent["Location"])]
    pages.append(client.get("/klacht/stoplicht/"))
    for response in pages:
        report = taalcheck.check_text(main_text(response))
        assert report.passed, (response.request["PATH_INFO"], report.problems, report.rare_words)


def test_the_footer_links_to_the_complaint_form(client, db):
    assert 'href="/klacht/"' in client.get("/melding/").content.decode()


def test_the_form_links_to_the_stoplicht_page_by_what_that_page_explains(client, db):
    """A walk: "Wat doen wij met klachten? En wat betekent het stoplicht?" opened a page about the stoplicht
    alone."""
    form = client.get("/klacht/").content.decode()
    assert '<a href="/klacht/stoplicht/">Wat betekent het stoplicht op de sociale kaart?</a>' in form
    assert "<h1>Wat betekent het stoplicht?</h1>" in client.get("/klacht/stoplicht/").content.decode()


def test_the_explanation_page_states_the_method_with_the_configured_thresholds(client, settings, db):
    settings.KLACHTEN_STOPLICHT = {**settings.KLACHTEN_STOPLICHT, "ORANJE": 3, "ROOD": 7}
    html = client.get("/klacht/stoplicht/").content.decode()
    assert "Minder dan 3 klachten per 100 cliënten" in html
    assert "7 of meer klachten per 100 cliënten" in html
    assert "Wat het stoplicht niet zegt" in html


def test_key_rotation_reencrypts_the_complaints_and_they_open_with_the_new_key_alone(settings, kaart):
    from cryptography.fernet import Fernet
    from django.core.management import call_command

    from core.crypto import DEVELOPMENT_KEY

    settings.MELDINGEN_ENCRYPTION_KEYS = [DEVELOPMENT_KEY]
    klacht = klacht_maken(kaart["zorg"], email="anna@example.org")
    before = klacht.encrypted_gegevens
    new_key = Fernet.generate_key().decode()
    settings.MELDINGEN_ENCRYPTION_KEYS = [new_key, DEVELOPMENT_KEY]
    call_command("rotate_melding_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.MELDINGEN_ENCRYPTION_KEYS = [new_key]  # the old key is gone: the complaint still opens
    klacht.refresh_from_db()
    assert klacht.encrypted_gegevens != before
    assert klacht.gegevens["naam"] == "Anna de Vries" and klacht.gegevens["email"] == "anna@example.org"


def test_the_demo_has_complaints_with_a_traffic_light_and_one_postponed_term(db):
    import io

    from django.core.management import call_command

    call_command("load_demo_kaart", stdout=io.StringIO())
    call_command("load_demo_klachten", stdout=io.StringIO())
    call_command("load_demo_klachten", stdout=io.StringIO())  # a second run adds nothing
    demo = Klacht.objects.filter(reference__startswith="K-DEMO")
    assert demo.count() == 14
    postponed = demo.get(verdaagd_op__isnull=False)
    assert postponed.status != "afgehandeld" and postponed.verdaging_reden
    assert postponed.gebeurtenissen.filter(soort="verdaagd").count() == 1
    # a walk: a complaint about the gemeente went to no team, so no klachtbehandelaar saw it
    from klachten.models import Contractteam
    from socialekaart import public

    gemeente = public.organisaties().first()
    assert public.is_the_gemeente(gemeente)
    assert Contractteam.for_organisatie(gemeente.pk).name == "Klachtencoördinatie gemeente"


def test_the_resident_says_when_to_call_and_the_handler_reads_it(client, kaart, people):
    """A walk: "06-12345678 (na 10 uur)" was refused as a phone number; the wish had nowhere else to go."""
    client.post("/klacht/", form_data(kaart, bellen="Na 10 uur, niet op woensdag"), follow=True)
    klacht = Klacht.objects.get()
    assert klacht.gegevens["bellen"] == "Na 10 uur, niet op woensdag"
    client.force_login(people["klachtbehandelaar"])
    page = " ".join(client.get(f"/admin/klachten/{klacht.pk}/").content.decode().split())
    assert "<dt>Bellen</dt><dd>Na 10 uur, niet op woensdag</dd>" in page
    assert '<a href="tel:0612345678">06 12345678</a>' in page


def test_a_time_to_call_the_loket_does_not_call_at_is_asked_about_once(client, people):
    """As on the melding (core/call_time.py): "na 18.00 uur" asked for a call no one makes."""
    kaart = kaart_of(people)
    asked = client.post("/klacht/", form_data(kaart, bellen="na 18.00 uur"), follow=True)
    page = " ".join(asked.content.decode().split())
    assert not Klacht.objects.exists()
    assert "U schreef: “na 18.00 uur”. Kunnen wij u ook op een ander moment bellen?" in page
    assert "Kies dan nog een keer &#39;Verstuur de klacht&#39;." in page  # beside the box
    assert 'name="bellen_gezien" value="na 18.00 uur"' in page
    client.post("/klacht/", form_data(kaart, bellen="na 18.00 uur", bellen_gezien="na 18.00 uur"))
    klacht = Klacht.objects.get()
    assert klacht.gegevens["bellen"] == "na 18.00 uur" and "bellen_gezien" not in klacht.gegevens


def test_without_contact_the_time_to_call_is_not_asked_about(client, people):
    client.post("/klacht/", form_data(kaart_of(people), contact="nee", bellen="zaterdag"))
    assert Klacht.objects.exists()


def test_with_an_e_mail_address_only_the_time_to_call_is_not_asked_about(client, people):
    """Who gives no phone number is mailed: a time to call is no call the loket does not make."""
    client.post("/klacht/", form_data(kaart_of(people), telefoon="", bellen="zaterdag"))
    assert Klacht.objects.get().gegevens["bellen"] == "zaterdag"


def test_staff_who_type_a_complaint_in_are_not_asked_about_the_time_to_call(people):
    """Staff write down what the resident said: the question is the resident's."""
    from klachten.forms import StaffKlachtForm

    data = form_data(kaart_of(people), bellen="na 18.00 uur", kanaal="telefoon", ontvangen_op="1-12-2026")
    form = StaffKlachtForm(data)
    assert form.is_valid(), form.errors
    assert "bellen_gezien" not in form.fields
