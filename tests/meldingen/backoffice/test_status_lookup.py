""" "Waar staat mijn melding?": the status, the last change and the next step, for the right reference and
address only; the same answer for every mismatch; limited per IP address and per reference; a short e-mail
without personal details when the status changes."""

import re
from datetime import datetime, time, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from core.reference import as_typed
from meldingen.backoffice.models import Behandeling
from meldingen.backoffice.status_lookup import STATUS_TEXT
from meldingen.backoffice.workflow import Status

from .fixtures import store

taalcheck = pytest.importorskip("portal.taalcheck", reason="the B1 taalcheck module is not in this tree")
pytestmark = pytest.mark.django_db
URL = "/melding/status/"


def look_up(client, reference, postcode="3911 AB", huisnummer="1", **extra):
    """As the browser does: the answer is the page after the redirect."""
    data = {"reference": reference, "postcode": postcode, "huisnummer": huisnummer}
    return client.post(URL, data, follow=True, **extra)


def main_text(response) -> str:
    return taalcheck.html_to_text(re.search(r"<main.*?</main>", response.content.decode(), re.S).group(0))


def test_the_right_reference_and_address_show_the_status_and_the_next_step_with_its_date(client, teams):
    melding = store(name="Anna de Vries", postcode="3911 AB", created_at=None)
    behandeling = Behandeling.objects.get(melding=melding)
    response = look_up(client, melding.reference.lower(), postcode="3911ab", huisnummer="01")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Wij hebben uw melding ontvangen." in html
    assert "Een medewerker neemt contact met u op." in html
    assert behandeling.contact_deadline.strftime("%Y") in html
    assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("typed", ["{plain}", "m {first} {last}", "M{plain}", " {first}-{last} "])
def test_a_reference_typed_without_its_dashes_or_with_spaces_is_found(client, teams, typed):
    melding = store(postcode="3911 AB")
    plain = melding.reference[2:].replace("-", "")
    typed = typed.format(plain=plain, first=plain[:4], last=plain[4:])
    assert "Wij hebben uw melding ontvangen." in look_up(client, typed).content.decode()


def test_an_s_read_off_for_the_5_it_resembles_is_found(client, teams):
    """A walk: M-5M85-RTUD copied from the letter as M-SM8S-RTUD was "not found" (a reference has no S)."""
    melding = store(name="Anna de Vries")
    type(melding).objects.filter(pk=melding.pk).update(reference="M-5M85-RTUD")
    for typed in ("M-SM8S-RTUD", "m sm85 rtud", "SM85RTUD"):
        assert "Wij hebben uw melding ontvangen." in look_up(client, typed).content.decode(), typed


def test_a_y_heard_and_typed_as_i_or_ij_is_found(client, teams):
    """A walk with a screen reader: M-58RC-48RY heard and typed as M-58RC-48RI was "not found" (a reference
    has no I; a Dutch Y is often written IJ)."""
    melding = store(name="Anna de Vries")
    type(melding).objects.filter(pk=melding.pk).update(reference="M-58RC-48RY")
    for typed in ("M-58RC-48RI", "m 58rc 48rij", "58RC48RIJ"):
        assert "Wij hebben uw melding ontvangen." in look_up(client, typed).content.decode(), typed


def test_an_i_before_a_j_of_the_reference_is_its_y():
    """The review: "m 7kij xw9p" (the I a Y heard, the J its own) was read as M-M7KY-XW9P."""
    assert as_typed("m 7kij xw9p", "M", read_off=True) == "M-7KYJ-XW9P"
    assert as_typed("7KIJXW9P", "M", read_off=True) == "M-7KYJ-XW9P"
    assert as_typed("M-7KY-XW9PIJ", "M", read_off=True) == "M-7KYX-W9PY"  # nine with the IJ as one: its Y


def test_a_text_that_is_no_reference_says_what_a_reference_looks_like(client):
    html = look_up(client, "12345").content.decode()
    expected = (
        "Een meldingsnummer heeft eerst de letter M en dan 8 letters en cijfers. Bijvoorbeeld: M-7K3Q-XW9P."
    )
    assert expected in html
    assert 'value="12345"' in html


def test_a_complaints_number_says_it_is_one_and_whom_to_call(client, settings):
    """A walk: K-9HPX-7FT2, a complaint's number, was told what a melding's number looks like, and no more."""
    html = " ".join(look_up(client, "K-9HPX-7FT2").content.decode().split())
    assert "Dit is het nummer van een klacht. Hier ziet u alleen meldingen." in html
    assert f"Bel ons dan op {settings.MUNICIPALITY_PHONE} en noem dit nummer." in html
    assert "eerst de letter M" not in html and 'value="K-9HPX-7FT2"' in html


@pytest.mark.parametrize("typed", ["1a", "1 A", "1-2"])
def test_a_house_number_with_a_letter_or_addition_is_read_as_the_melding_read_it(client, teams, typed):
    """ "Vul alleen het nummer in, zoals 12." for who lives at 1a, whose melding took "1a" as number 1 with
    the letter as its toevoeging."""
    melding = store(postcode="3911 AB")  # house number 1
    found = look_up(client, melding.reference, huisnummer=typed).content.decode()
    assert "Wij hebben uw melding ontvangen." in found


def test_the_house_number_field_offers_letters_too(client):
    """The number pad of `inputmode="numeric"` has no letter, while the field asks for "12 of 12a", and the
    melding's own house number field offers the whole keyboard."""
    html = client.get(URL).content.decode()
    field = re.search(r'<input[^>]*name="huisnummer"[^>]*>', html).group(0)
    assert "inputmode" not in field


def test_the_reference_is_said_to_be_on_the_pdf_too(client):
    """A walk: a resident of 78 without e-mail had closed the confirmation long ago; her PDF has it."""
    assert "Ook staat het op de PDF van uw melding, als u die bewaarde." in client.get(URL).content.decode()


def test_the_page_shows_no_name_no_address_and_no_answers(client, teams):
    melding = store(name="Anna de Vries", postcode="3911 AB")
    html = look_up(client, melding.reference).content.decode()
    for secret in ("Anna", "Vries", "Marktstraat", "stofzuigen", "heupoperatie", "0612345678"):
        assert secret not in html


def test_a_wrong_address_and_a_wrong_reference_get_the_same_answer(client, teams):
    melding = store(postcode="3911 AB")
    wrong_address = look_up(client, melding.reference, huisnummer="2")
    wrong_reference = look_up(client, "M-0000-0000")
    assert "Wij vinden geen melding met deze gegevens." in wrong_address.content.decode()
    # A walk's son tried his own address: the confirmation had said "de postcode en het huisnummer" of his
    # mother, this message "het adres dat in de melding staat".
    assert (
        "Deed u de melding voor iemand anders? Gebruik dan de postcode en het huisnummer van die persoon."
        in wrong_address.content.decode()
    )
    assert main_text(wrong_address) == main_text(wrong_reference)
    assert wrong_address.status_code == wrong_reference.status_code == 200


def test_not_found_stands_where_every_error_summary_stands_above_the_title(client):
    """The form's errors stood above the title and "Wij vinden geen melding" below it."""
    html = look_up(client, "M-0000-0000").content.decode()
    assert html.index("Wij vinden geen melding met deze gegevens.") < html.index("<h1>")


def test_a_melding_not_found_gives_the_phone_of_the_wmo_loket(client, settings):
    """Nothing to do after "Wij vinden geen melding" for who no longer has her reference."""
    html = look_up(client, "M-0000-0000").content.decode()
    assert "Weet u het meldingsnummer niet meer? Bel dan het Wmo-loket op" in html
    assert f'href="tel:{settings.MUNICIPALITY_PHONE.replace(" ", "")}"' in html


def test_a_withdrawn_melding_says_what_that_means_and_what_she_can_do(client, teams):
    """ "Uw melding is gestopt." alone read as a refusal, without the next step the page promises."""
    melding = store(postcode="3911 AB")
    Behandeling.objects.get(melding=melding).change_status(Status.INGETROKKEN, toelichting="Zelf opgelost.")
    html = look_up(client, melding.reference).content.decode()
    assert "Uw melding is gestopt." in html
    assert "Wij doen niets meer met deze melding. Wilt u toch hulp?" in html
    assert '<a href="/melding/">Doe dan een nieuwe melding.</a>' in html
    assert "Uiterlijk op" not in html
    # A walk: it said no reason. Why is asked on the phone, not read by whoever knows number and address.
    assert "Wilt u weten waarom de melding is gestopt? Bel het Wmo-loket op" in html
    assert "Zelf opgelost" not in html and "Hebt u een vraag?" not in html


def test_a_melding_whose_personal_data_was_removed_cannot_be_looked_up(client, teams):
    melding = store(postcode="3911 AB")
    melding.remove_personal_data()
    assert "Wij vinden geen melding" in look_up(client, melding.reference).content.decode()


def test_the_status_after_a_change_is_shown_with_the_date_of_that_change(client, teams):
    melding = store(postcode="3911 AB")
    behandeling = Behandeling.objects.get(melding=melding)
    behandeling.change_status(Status.CONTACT_OPGENOMEN)
    html = look_up(client, melding.reference).content.decode()
    assert "Wij hebben contact met u gehad." in html
    assert behandeling.onderzoek_deadline.strftime("%Y") in html


def test_a_step_that_is_late_is_said_to_be_late_and_not_promised_for_a_day_gone_by(client, teams):
    """A walk: a melding of 26 September, still without contact, said on 5 December "Uiterlijk op vrijdag
    2 oktober 2026"."""
    melding = store(postcode="3911 AB", created_at=timezone.now() - timedelta(days=60))
    text = main_text(look_up(client, melding.reference))
    assert "Een medewerker neemt contact met u op. Dat had uiterlijk op " in text
    assert "moeten gebeuren. Het spijt ons dat het langer duurt." in text and "Uiterlijk op" not in text
    assert taalcheck.check_text(text).passed


def test_an_onderzoek_past_its_term_says_the_resident_may_apply_at_once(client, teams):
    """A walk: the page said only that it was late; the information page says the resident may apply for the
    help then (Wmo 2015 art. 2.3.2)."""
    melding = store(postcode="3911 AB", created_at=timezone.now() - timedelta(days=60))
    text = main_text(look_up(client, melding.reference))
    assert "Het onderzoek is niet op tijd klaar. Daarom mag u de hulp nu al aanvragen." in text
    assert taalcheck.check_text(text).passed
    someone_else = store(
        postcode="3911 AB", mantelzorger="Ahmed", created_at=timezone.now() - timedelta(days=60)
    )
    assert "Daarom mag de persoon de hulp nu al aanvragen." in main_text(
        look_up(client, someone_else.reference)
    )
    within_term = store(postcode="3911 AB", created_at=timezone.now() - timedelta(days=20))
    assert "aanvragen" not in main_text(look_up(client, within_term.reference))
    Behandeling.objects.get(melding=melding).change_status(Status.CONTACT_OPGENOMEN)
    Behandeling.objects.filter(melding=melding).update(status=Status.ONDERZOEK_AFGEROND)
    assert "aanvragen" not in main_text(look_up(client, melding.reference))  # finished: nothing to apply for


def test_a_gesprek_agreed_after_the_term_is_the_next_day_the_resident_reads(client, teams):
    """A walk: "Op maandag 25 januari 2027 ... Na het gesprek is het onderzoek klaar. Uiterlijk op maandag 18
    januari 2027." The consulent planned it after the term with the resident (and wrote why)."""
    melding = store(postcode="3911 AB")
    behandeling = Behandeling.objects.get(melding=melding)
    behandeling.change_status(Status.CONTACT_OPGENOMEN)
    term = behandeling.onderzoek_deadline
    later = timezone.make_aware(datetime.combine(term + timedelta(days=7), time(10)))
    behandeling.change_status(Status.GESPREK_GEPLAND, gesprek_op=later)
    text = main_text(look_up(client, melding.reference))
    assert "Na het gesprek zoeken wij uit welke hulp past. Dan is het onderzoek klaar." in text
    assert "Uiterlijk op" not in text
    within = timezone.make_aware(datetime.combine(term, time(10)))
    behandeling.change_status(Status.GESPREK_GEPLAND, gesprek_op=within)
    assert "Uiterlijk op" in main_text(look_up(client, melding.reference))


def test_a_late_step_stays_late_when_the_gesprek_moves_after_the_term(client, teams):
    """A walk: the gesprek of a melding whose term had passed was moved to a later day; the page stopped
    saying it was late."""
    melding = store(postcode="3911 AB", created_at=timezone.now() - timedelta(days=60))
    behandeling = Behandeling.objects.get(melding=melding)
    behandeling.change_status(Status.CONTACT_OPGENOMEN)
    coming = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=5), time(14)))
    behandeling.change_status(Status.GESPREK_GEPLAND, gesprek_op=coming)
    text = main_text(look_up(client, melding.reference))
    assert "Er is een gesprek met u gepland." in text and "Het spijt ons dat het langer duurt." in text


def test_a_gesprek_agreed_after_the_term_stays_agreed_once_the_term_is_over(client, teams):
    """A review: planned before the term for a day after it, the page turned to "Het spijt ons" the day after
    the term."""
    melding = store(postcode="3911 AB")
    behandeling = Behandeling.objects.get(melding=melding)
    behandeling.change_status(Status.CONTACT_OPGENOMEN, at=timezone.now() - timedelta(days=4))
    tomorrow = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), time(10)))
    three_days_ago = timezone.now() - timedelta(days=3)
    behandeling.change_status(Status.GESPREK_GEPLAND, gesprek_op=tomorrow, at=three_days_ago)
    Behandeling.objects.filter(pk=behandeling.pk).update(
        onderzoek_deadline=timezone.localdate() - timedelta(days=1),
        next_deadline=timezone.localdate() - timedelta(days=1),
    )
    text = main_text(look_up(client, melding.reference))
    assert "Het spijt ons" not in text and "Uiterlijk op" not in text


def test_a_gesprek_planned_without_its_moment_does_not_break_the_page(client, teams):
    melding = store(postcode="3911 AB")
    behandeling = Behandeling.objects.get(melding=melding)
    behandeling.change_status(Status.CONTACT_OPGENOMEN)
    behandeling.change_status(Status.GESPREK_GEPLAND)
    assert "Er is een gesprek met u gepland." in main_text(look_up(client, melding.reference))


def test_a_gesprek_that_was_is_not_told_as_one_to_come(client, teams):
    """A walk: in December the page said "Er is een gesprek met u gepland. Op maandag 26 oktober"."""
    melding = store(postcode="3911 AB", created_at=timezone.now() - timedelta(days=20))
    behandeling = Behandeling.objects.get(melding=melding)
    behandeling.change_status(Status.CONTACT_OPGENOMEN)
    behandeling.change_status(Status.GESPREK_GEPLAND, gesprek_op=timezone.now() - timedelta(days=7))
    text = main_text(look_up(client, melding.reference))
    assert "U hebt een gesprek met ons gehad." in text and "gepland" not in text
    # A walk read "Na het gesprek is het onderzoek klaar." as: straight after it, while its term was weeks on.
    assert "Na het gesprek zoeken wij uit welke hulp past. Dan is het onderzoek klaar." in text


def test_a_son_who_made_the_melding_for_his_mother_reads_about_her_gesprek_not_his(client, teams):
    """A walk: a son looked up the melding he made for his mother and read "Er is een gesprek met u gepland.",
    "Uw gesprek" and "Wij praten met u over wat u nodig hebt", while the gesprek and the help are hers. The
    gemeente does call him, as the confirmation says."""
    melding = store(postcode="3911 AB", mantelzorger="Peter de Vries")
    behandeling = Behandeling.objects.get(melding=melding)
    received = main_text(look_up(client, melding.reference))
    assert "Een medewerker neemt contact met u op." in received
    behandeling.change_status(Status.CONTACT_OPGENOMEN)
    contacted = main_text(look_up(client, melding.reference))
    assert "Wij hebben contact met u gehad." in contacted
    assert "Wij praten over de hulp die de persoon nodig heeft." in contacted
    # What the onderzoek is, as the confirmation says: not done with the gesprek.
    assert "Daarna zoeken wij uit welke hulp past. Dan is het onderzoek klaar." in contacted
    behandeling.change_status(Status.GESPREK_GEPLAND, gesprek_op=timezone.now() + timedelta(days=3))
    html = look_up(client, melding.reference).content.decode()
    assert "Er is een gesprek gepland." in html
    assert "<dt>Het gesprek</dt>" in html and "Uw gesprek" not in html
    behandeling.change_status(Status.ONDERZOEK_AFGEROND)
    done = main_text(look_up(client, melding.reference))
    assert (
        "Wij hebben de persoon een verslag gestuurd. Wil de persoon de hulp? "
        "Dan doet de persoon een aanvraag." in done
    )
    for text in (received, contacted, taalcheck.html_to_text(html), done):
        assert "wat u nodig" not in text and "met u gepland" not in text and "U krijgt" not in text
        report = taalcheck.check_text(text)
        assert report.passed, report.problems


@override_settings(MELDINGEN_STATUS_LOOKUP_LIMIT=3)
def test_look_ups_are_limited_per_ip_address(client, teams):
    for number in range(3):
        assert look_up(client, f"M-0000-000{number}").status_code == 200
    assert look_up(client, "M-0000-0009").status_code == 429


@override_settings(MELDINGEN_STATUS_LOOKUP_LIMIT=3)
def test_look_ups_are_limited_per_reference_whatever_the_ip_address(client, teams):
    melding = store(postcode="3911 AB")
    for number in range(3):
        ip = f"10.0.0.{number}"
        response = look_up(client, melding.reference, huisnummer=str(number + 2), REMOTE_ADDR=ip)
        assert response.status_code == 200
    assert look_up(client, melding.reference, REMOTE_ADDR="10.0.0.99").status_code == 429


@override_settings(MELDINGEN_STATUS_LOOKUP_LIMIT=3)
def test_only_look_ups_that_find_nothing_count(client, teams):
    """A walk: after ten look-ups in an hour, most of them right, the right number was refused too. On a
    shared computer (a library, the loket) the residents before her would have used up the limit."""
    melding = store(postcode="3911 AB")
    for _ in range(5):
        assert str(STATUS_TEXT[Status.ONTVANGEN]) in look_up(client, melding.reference).content.decode()
    for number in range(3):
        assert look_up(client, f"M-0000-000{number}").status_code == 200
    assert look_up(client, melding.reference).status_code == 429


def test_the_answer_is_a_page_after_a_redirect_shown_once(client, teams):
    """The answer to the POST stayed in the browser's history: the back button gave "ERR_CACHE_MISS", and on a
    shared computer it would show the status again to whoever came next."""
    melding = store(postcode="3911 AB")
    response = client.post(URL, {"reference": melding.reference, "postcode": "3911 AB", "huisnummer": "1"})
    assert response.status_code == 302 and response["Location"] == URL
    assert melding.reference not in str(dict(client.session.items()))  # encrypted until the page shows it
    assert str(STATUS_TEXT[Status.ONTVANGEN]) in client.get(URL).content.decode()
    again = client.get(URL).content.decode()
    assert str(STATUS_TEXT[Status.ONTVANGEN]) not in again and melding.reference not in again


def test_a_form_without_answers_says_what_to_fill_in(client):
    response = client.post(URL, {}, follow=True)
    html = response.content.decode()
    assert "<title>Fout: " in html
    assert "Vul uw meldingsnummer in." in html
    # The summary's lines name their field, as the melding's own pages do (a walk: they did not).
    summary = BeautifulSoup(html, "html.parser").select(".error-summary li")
    assert [line.get_text(" ", strip=True) for line in summary] == [
        "Meldingsnummer: vul uw meldingsnummer in.",
        "Postcode: vul de postcode in.",
        "Huisnummer: vul het huisnummer in.",
    ]


def test_the_form_its_errors_and_the_result_are_b1(client, teams):
    melding = store(postcode="3911 AB")
    withdrawn = store(postcode="3911 AB")
    Behandeling.objects.get(melding=withdrawn).change_status(Status.INGETROKKEN, toelichting="Zelf opgelost.")
    pages = [
        client.get(URL),
        client.post(URL, {}, follow=True),
        look_up(client, "M-0000-0000"),
        look_up(client, "12345"),
    ]
    pages += [look_up(client, melding.reference), look_up(client, withdrawn.reference)]
    for response in pages:
        report = taalcheck.check_text(main_text(response))
        assert report.passed, report.problems


def test_the_footer_links_to_the_status_page(client):
    assert URL in client.get("/melding/").content.decode()


def test_a_status_change_sends_a_short_notice_without_personal_details(
    teams, django_capture_on_commit_callbacks
):
    melding = store(name="Anna de Vries", postcode="3911 AB")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Behandeling.objects.get(melding=melding).change_status(Status.CONTACT_OPGENOMEN)
    notices = [message for message in mail.outbox if melding.reference in message.subject]
    assert len(notices) == 1
    assert notices[0].to == ["anna@example.org"]
    body = notices[0].body
    assert URL in body
    # Also right for a son whose mother's address is in the melding: not "uw postcode".
    assert "En de postcode en het huisnummer uit de melding." in body
    for secret in ("Anna", "Vries", "Marktstraat", "stofzuigen", "Contact opgenomen"):
        assert secret not in body


def test_changes_in_a_row_give_one_notice_a_while_after(teams, settings, django_capture_on_commit_callbacks):
    """A walk: five identical "Er is nieuws over uw melding" e-mails in two minutes, as the consulent called,
    planned the gesprek and noted it in one go. With the database queue one notice waits, ten minutes."""
    from django_tasks_db.models import DBTaskResult

    from meldingen.backoffice.notices import send_status_notice

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    melding, other = store(postcode="3911 AB"), store(postcode="3911 AB")
    behandeling = Behandeling.objects.get(melding=melding)
    with django_capture_on_commit_callbacks(execute=True):
        behandeling.change_status(Status.CONTACT_OPGENOMEN)
        behandeling.change_status(Status.GESPREK_GEPLAND, gesprek_op=timezone.now() + timedelta(days=3))
        Behandeling.objects.get(melding=other).change_status(Status.CONTACT_OPGENOMEN)
    waiting = DBTaskResult.objects.filter(task_path=send_status_notice.module_path)
    assert sorted(result.args_kwargs["args"][0] for result in waiting) == sorted(
        [behandeling.pk, Behandeling.objects.get(melding=other).pk]
    )
    later = waiting.get(args_kwargs__args=[behandeling.pk]).run_after - timezone.now()
    assert timedelta(minutes=9) < later <= timedelta(minutes=10)


def test_no_notice_without_an_e_mail_address(teams, django_capture_on_commit_callbacks):
    from meldingen.backoffice.notices import send_status_notice

    melding = store(postcode="3911 AB")
    answers = melding.answers
    answers["gegevens"]["email"] = ""
    melding.answers = answers
    melding.save()
    assert send_status_notice.call(Behandeling.objects.get(melding=melding).pk) is False


def test_existing_meldingen_get_their_address_index_from_the_migration(teams):
    import importlib

    from django.apps import apps

    melding = store(postcode="3911 AB")
    Behandeling.objects.filter(melding=melding).update(address_index="")
    migration = importlib.import_module("meldingen.backoffice.migrations.0007_behandeling_address_index")
    migration.backfill(apps, None)
    assert Behandeling.objects.get(melding=melding).address_index != ""


def test_the_notice_is_b1():
    from meldingen.backoffice.notices import status_notice
    from meldingen.models import Melding

    _, body = status_notice(Melding(reference="M-2026-0001"))
    assert taalcheck.check_text(body).passed
