"""Signals from providers and professionals, and nazorg after support was granted: roles × URLs, routing,
terms in working days, encryption at rest, the sender's status-only view, one-click outcomes, B1 texts."""

import re
from datetime import date, datetime, time, timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from django.utils.formats import date_format

from meldingen.backoffice import signalen
from meldingen.backoffice.models import AuditEntry, Nazorg, Signaal
from meldingen.backoffice.templatetags.backoffice_tags import datum
from meldingen.backoffice.workflow import Status, Uitkomst
from meldingen.workdays import add_working_days, end_of_legal_term
from portal.taalcheck import check_text, html_to_text

from .fixtures import assert_refused, make_user

ONDERZOEK = (Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND, Status.ONDERZOEK_AFGEROND)

SIGNAAL = {
    "naam": "Carla Smit",
    "postcode": "3913 ac",
    "telefoon": "0611111111",
    "onderwerpen": ["eenzaamheid", "schulden"],
    "toelichting": "Mevrouw komt de deur niet meer uit en heeft post die ze niet opent.",
    "toestemming": "on",
    "toestemming_door": "client",
    "organisatie": "Huisartsenpraktijk De Haven",  # asked of a professional only
    "afzender_telefoon": "0302345678",
}


FINISHED = "/admin/backoffice/signalen/afgerond/"


@pytest.fixture
def senders(staff):
    from socialekaart.models import AanbiederAccount, Organisatie

    aanbieder = make_user("aanbieder-zorg", "Aanbieders")
    zorg = Organisatie.objects.create(name="Zorg Thuis Lindewaard", slug="zorg-thuis")
    AanbiederAccount.objects.create(user=aanbieder, organisatie=zorg)
    return {"aanbieder": aanbieder, "professional": make_user("huisarts", "Professionals")}


def _login(client, staff, senders, who):
    if who in senders:
        client.force_login(senders[who])
    elif who != "anonymous":
        client.force_login(staff[who])


# --- signals ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["aanbieder", "professional"])
def test_a_provider_or_professional_sends_a_signal_routed_by_postcode_with_a_term_in_working_days(
    staff, senders, teams, client, who
):
    client.force_login(senders[who])
    assert client.get("/admin/backoffice/signalen/nieuw/").status_code == 200
    response = client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    assert response.status_code == 302 and response["Location"].endswith("/signalen/verstuurd/")
    signaal = Signaal.objects.get()
    assert signaal.team == teams["haven"] and signaal.wijk.name == "Oude Haven"
    assert signaal.contact_deadline == add_working_days(timezone.localdate(), 5)
    assert (signaal.toestemming_door, signaal.toestemming_op) == ("client", timezone.localdate())
    assert signaal.sender == senders[who]
    assert "Carla" not in signaal.encrypted_data and "post die" not in signaal.encrypted_data
    assert signaal.data["naam"] == "Carla Smit" and signaal.data["postcode"] == "3913 AC"
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.SIGNAAL_SENT, reference=signaal.reference
    ).exists()


def test_a_providers_signal_stores_its_organisation_from_the_kaart_without_asking(
    staff, senders, teams, client
):
    client.force_login(senders["aanbieder"])
    form_page = client.get("/admin/backoffice/signalen/nieuw/").content.decode()
    assert 'name="organisatie"' not in form_page
    assert "U stuurt dit signaal namens Zorg Thuis Lindewaard." in form_page
    client.post("/admin/backoffice/signalen/nieuw/", {**SIGNAAL, "organisatie": "Iets anders"})
    assert Signaal.objects.get().sender_organisation == "Zorg Thuis Lindewaard"


def test_the_optional_phone_number_says_niet_verplicht_once(staff, senders, teams, client):
    client.force_login(senders["aanbieder"])
    html = client.get("/admin/backoffice/signalen/nieuw/").content.decode()
    label = html.split('for="id_telefoon"', 1)[1].split("</label>", 1)[0]
    assert label.count("niet verplicht") == 1


def test_a_professional_names_their_organisation_and_the_consulent_sees_it(staff, senders, teams, client):
    client.force_login(senders["professional"])
    assert 'name="organisatie"' in client.get("/admin/backoffice/signalen/nieuw/").content.decode()
    without = {key: value for key, value in SIGNAAL.items() if key != "organisatie"}
    response = client.post("/admin/backoffice/signalen/nieuw/", {**without, "naam": ""})
    assert response.status_code == 400 and not Signaal.objects.exists()
    assert "Vul de naam van uw organisatie of praktijk in." in response.content.decode()
    # First on the page, so first in the error summary (a walk found it last, under the client's name).
    summary = BeautifulSoup(response.content, "html.parser").select("[data-error-summary] a[href^='#']")
    assert [link["href"] for link in summary[:2]] == ["#id_organisatie", "#id_naam"]
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    signaal = Signaal.objects.get()
    assert signaal.sender_organisation == "Huisartsenpraktijk De Haven"
    client.force_login(staff["consulent_haven"])
    assert "Huisartsenpraktijk De Haven" in client.get("/admin/backoffice/").content.decode()
    page = client.get(f"/admin/backoffice/signalen/{signaal.pk}/").content.decode()
    assert "Huisartsenpraktijk De Haven" in page
    # The kenmerk stands whole beside "Signaal" (backoffice.css keeps it on one line), and in the tab.
    assert f'Signaal <span class="w-header__subtitle">{signaal.reference}</span>' in page
    assert f"<title>Signaal {signaal.reference} - " in page
    # On a phone the client's and the sender's numbers are one tap from a call.
    assert '<a href="tel:0611111111">0611111111</a>' in page and 'href="tel:0302345678"' in page
    # A walk: "Bewaar de status" and "Bewaar" here, "Status opslaan" and "Notitie opslaan" on a melding.
    assert ">Status opslaan</button>" in page and ">Opslaan</button>" in page and "Bewaar" not in page


def test_the_migration_fills_in_the_organisation_of_earlier_signals_from_providers(staff, senders, teams):
    import importlib

    from django.apps import apps

    from meldingen.backoffice import signalen

    data = {**SIGNAAL, "onderwerpen": ["eenzaamheid"], "postcode": "3913 AC"}
    by_provider = signalen.send(senders["aanbieder"], data)
    by_professional = signalen.send(senders["professional"], {**data, "organisatie": ""})
    Signaal.objects.update(sender_organisation="")
    migration = importlib.import_module("meldingen.backoffice.migrations.0010_signaal_sender_organisation")
    migration.fill_from_provider_accounts(apps, None)
    by_provider.refresh_from_db()
    by_professional.refresh_from_db()
    assert by_provider.sender_organisation == "Zorg Thuis Lindewaard"
    assert by_professional.sender_organisation == ""


def test_the_signal_term_is_a_setting(staff, senders, teams, client, settings):
    settings.BACKOFFICE_SIGNAAL_CONTACT_WORKING_DAYS = 2
    client.force_login(senders["aanbieder"])
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    assert Signaal.objects.get().contact_deadline == add_working_days(timezone.localdate(), 2)


@pytest.mark.parametrize("who", ["aanbieder", "professional"])
def test_the_admin_home_of_a_sender_offers_a_signal_and_counts_those_still_open(
    staff, senders, teams, client, who
):
    """A walk at 390 px: a professional's home showed only the kaart; "Signaal sturen" was behind the menu."""
    _login(client, staff, senders, who)
    assert ">Mijn signalen</a>" in client.get("/admin/").content.decode()  # not "0 nog open"
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    home = client.get("/admin/").content.decode()
    panel = home[home.index('id="backoffice-signalen') :]
    assert 'href="/admin/backoffice/signalen/nieuw/">Signaal sturen</a>' in panel
    assert "Mijn signalen: 1 nog open" in panel
    client.force_login(staff["consulent"])  # the wijkteam's home counts the signals it got instead
    assert 'id="backoffice-signalen' not in client.get("/admin/").content.decode()


def test_a_signal_for_a_client_outside_the_municipality_is_not_sent(staff, senders, teams, client):
    """No wijkteam of ours would get it, while the sender would read "Het wijkteam belt de cliënt"."""
    client.force_login(senders["aanbieder"])
    response = client.post("/admin/backoffice/signalen/nieuw/", {**SIGNAAL, "postcode": "1234 AB"})
    page = response.content.decode()
    assert response.status_code == 400 and not Signaal.objects.exists()
    assert "Deze postcode ligt niet in onze gemeente." in page and "Carla Smit" in page


def test_a_signal_with_a_phone_number_the_wijkteam_cannot_call_is_not_sent(staff, senders, teams, client):
    """A walk sent "abc" as the client's number; the consulent read "Telefoon abc"."""
    client.force_login(senders["aanbieder"])
    response = client.post("/admin/backoffice/signalen/nieuw/", {**SIGNAAL, "telefoon": "abc"})
    assert response.status_code == 400 and not Signaal.objects.exists()
    assert "Typ alleen het telefoonnummer, zonder woorden of letters." in response.content.decode()


def test_the_phone_numbers_get_a_phone_keyboard_and_words_too_long_for_the_field_are_named(
    staff, senders, teams, client
):
    """A walk at 390 px: both numbers were plain text fields, with letters on the keyboard; a number with
    words too long for the field would also read Django's "niet meer dan 20 tekens"."""
    client.force_login(senders["aanbieder"])
    page = client.get("/admin/backoffice/signalen/nieuw/").content.decode()
    fields = {
        name: re.search(rf'<input[^>]*name="{name}"[^>]*>', page).group(0)
        for name in ("afzender_telefoon", "telefoon")
    }
    assert all('inputmode="tel"' in field for field in fields.values())
    assert 'autocomplete="tel"' in fields["afzender_telefoon"] and 'autocomplete="off"' in fields["telefoon"]
    typed = "06 1234 5678, bel na 10 uur"
    response = client.post("/admin/backoffice/signalen/nieuw/", {**SIGNAAL, "telefoon": typed})
    assert response.status_code == 400 and not Signaal.objects.exists()
    html = response.content.decode()
    assert "Typ alleen het telefoonnummer, zonder woorden of letters." in html and typed in html
    assert "niet meer dan 20 tekens" not in html


def test_the_error_summary_names_the_field_of_each_error(staff, senders, teams, client):
    """A walk: "Vul een telefoonnummer in van 10 cijfers" stood twice in the summary, once for the sender's
    number and once for the client's, and "Dit is 200 tekens te lang." named no field."""
    client.force_login(senders["aanbieder"])
    wrong = {**SIGNAAL, "afzender_telefoon": "06 1234", "telefoon": "06 12", "toelichting": "x" * 1200}
    page = client.post("/admin/backoffice/signalen/nieuw/", wrong).content.decode()
    summary = page[page.index("data-error-summary") :]
    summary = " ".join(re.sub(r"<[^>]+>", " ", summary[: summary.index("</ul>")]).split())
    assert "Uw telefoonnummer: vul een telefoonnummer in van 10 cijfers" in summary
    assert "Telefoonnummer van de cliënt: vul een telefoonnummer in van 10 cijfers" in summary
    assert "Vertel kort wat u ziet: dit is 200 tekens te lang." in summary
    empty = client.post("/admin/backoffice/signalen/nieuw/", {**SIGNAAL, "toelichting": ""}).content.decode()
    # A walk: a message that names its question got the question before it again.
    assert (
        "Vertel kort wat u ziet: vertel kort wat u ziet." not in empty and "Vertel kort wat u ziet." in empty
    )


def test_a_signal_with_the_clients_bsn_is_not_sent(staff, senders, teams, client):
    """No question asks for the client's BSN; typed into the text, it went on to the wijkteam with the
    rest."""
    client.force_login(senders["aanbieder"])
    typed = f"{SIGNAAL['toelichting']} BSN 1234.56.782."
    response = client.post("/admin/backoffice/signalen/nieuw/", {**SIGNAAL, "toelichting": typed})
    assert response.status_code == 400 and not Signaal.objects.exists()
    page = response.content.decode()
    assert "Dit lijkt een burgerservicenummer (BSN)." in page and "BSN 1234.56.782." in page


def test_a_signal_without_the_clients_consent_is_not_sent(staff, senders, teams, client):
    client.force_login(senders["aanbieder"])
    data = {key: value for key, value in SIGNAAL.items() if key not in ("toestemming", "toestemming_door")}
    response = client.post("/admin/backoffice/signalen/nieuw/", data)
    page = response.content.decode()
    assert response.status_code == 400 and not Signaal.objects.exists()
    assert "<title>Fout: " in page
    assert "Toestemming van de cliënt: stuur een signaal alleen als de cliënt het goed vindt." in page
    assert "Stuur een signaal alleen als de cliënt het goed vindt." in page  # and at the field
    assert "Kies wie de toestemming gaf." in page
    assert "Carla Smit" in page  # what was typed stays
    # A walk: the form said nothing of where a worry goes without consent.
    assert "Maakt u zich zorgen? Bel het Wmo-loket: 14 0599." in page
    assert "Is iemand niet veilig? Bel Veilig Thuis: 0800 2000." in page


def test_the_sender_reads_the_kenmerk_and_the_day_the_wijkteam_calls_by(staff, senders, teams, client):
    """A walk: "Het wijkteam belt de cliënt." left out the day the form had named, and a kenmerk alone got
    lost."""
    client.force_login(senders["professional"])
    # A walk: the form said "neemt ... contact op", the confirmation whom the team calls, the list "belt".
    form = " ".join(client.get("/admin/backoffice/signalen/nieuw/").content.decode().split())
    assert "uw cliënt. Geeft u geen telefoonnummer van de cliënt? Dan belt het wijkteam u." in form
    said = client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL, follow=True).content.decode()
    signaal = Signaal.objects.get()
    assert f"Het kenmerk is {signaal.reference}. Zet het kenmerk in het dossier van de cliënt." in said
    assert f"Het wijkteam belt de cliënt uiterlijk {date_format(signaal.contact_deadline, 'j F Y')}." in said


def test_the_sender_sees_only_the_status_of_their_own_signals(staff, senders, teams, client):
    client.force_login(senders["aanbieder"])
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    signaal = Signaal.objects.get()
    client.force_login(staff["consulent_haven"])
    client.post(f"/admin/backoffice/signalen/{signaal.pk}/status/", {"status": "contact_opgenomen"})
    client.force_login(senders["aanbieder"])
    page = client.get("/admin/backoffice/signalen/verstuurd/").content.decode()
    assert signaal.reference in page and "Contact opgenomen" in page
    assert f'class="bo-date">{datum(signaal.created_at)}</td>' in page  # the backoffice's one date format
    assert ">Eenzaamheid, geldzorgen of schulden</td>" in page  # which signal it is: what they said plays
    assert "Carla" not in page and "3913" not in page
    # A walk: with several signals the sender could not tell whom to ask about one.
    team = signaal.team
    assert f'{team.name}<br><a class="bo-email" href="mailto:{team.mailbox}">{team.mailbox}</a></td>' in page
    client.force_login(senders["professional"])
    assert signaal.reference not in client.get("/admin/backoffice/signalen/verstuurd/").content.decode()


def test_the_sender_reads_that_the_wijkteam_took_the_signal_and_calls_by_its_day(
    staff, senders, teams, client
):
    """A walk: the huisarts read "Nieuw" after a consulent had taken the signal, and the day the wijkteam
    calls by was said once, in the message after sending."""
    client.force_login(senders["aanbieder"])
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    signaal = Signaal.objects.get()
    deadline = f'uiterlijk <span class="bo-date">{datum(signaal.contact_deadline)}</span></td>'

    def sent_list() -> str:
        client.force_login(senders["aanbieder"])
        return client.get("/admin/backoffice/signalen/verstuurd/").content.decode()

    page = sent_list()
    assert ">Nieuw</td>" in page and deadline in page and "te laat" not in page
    past = timezone.localdate() - timedelta(days=1)
    Signaal.objects.filter(pk=signaal.pk).update(contact_deadline=past)
    late = f'<span class="bo-date">{datum(past)}</span> <strong class="bo-deadline--late">te laat</strong>'
    assert late in sent_list()  # a review
    Signaal.objects.filter(pk=signaal.pk).update(contact_deadline=signaal.contact_deadline)
    client.force_login(staff["consulent_haven"])
    client.post(f"/admin/backoffice/signalen/{signaal.pk}/in-behandeling/")
    assert ">In behandeling</td>" in sent_list() and deadline in sent_list()
    client.force_login(staff["consulent_haven"])
    client.post(f"/admin/backoffice/signalen/{signaal.pk}/status/", {"status": "contact_opgenomen"})
    page = sent_list()
    assert ">Contact opgenomen</td>" in page and deadline not in page
    # A walk's huisarts read "–" after the contact: when, or whether, was her client reached?
    contact = f'op <span class="bo-date">{datum(timezone.localdate())}</span></td>'
    assert contact in page
    client.force_login(staff["consulent_haven"])
    client.post(f"/admin/backoffice/signalen/{signaal.pk}/status/", {"status": "afgerond"})
    assert ">Afgerond</td>" in sent_list() and contact in sent_list()
    # The day of contact comes with the list's one query, not one more per signal (a review).
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        sent_list()
    client.force_login(senders["aanbieder"])
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    Signaal.objects.update(status="afgerond", contacted_at=timezone.now())
    with CaptureQueriesContext(connection) as two:
        assert sent_list().count(contact) == 2
    assert len(two) == len(one)


def test_the_signal_says_who_changed_its_status_and_when(staff, senders, teams, client):
    """A walk: after "Contact opgenomen" and "Afgerond" the page said nothing of when or by whom."""
    from core.templatetags.core_tags import datumtijd

    client.force_login(senders["aanbieder"])
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    signaal = Signaal.objects.get()
    consulent = staff["consulent_haven"]
    client.force_login(consulent)
    for status in ("contact_opgenomen", "afgerond"):
        client.post(f"/admin/backoffice/signalen/{signaal.pk}/status/", {"status": status})
    page = BeautifulSoup(client.get(f"/admin/backoffice/signalen/{signaal.pk}/").content, "html.parser")
    lines = [item.get_text(" ", strip=True) for item in page.select("#history-heading ~ ol li")]
    sender = senders["aanbieder"].get_full_name() or senders["aanbieder"].username
    who = consulent.get_full_name() or consulent.username
    assert [(line.split(" · ")[0], line.split(" · ")[-1]) for line in lines] == [
        ("Gestuurd", sender),
        ("In behandeling genomen", who),  # the first step with a signal nobody has makes it theirs
        ("Status: Contact opgenomen", who),
        ("Status: Afgerond", who),
    ]
    assert lines[0] == f"Gestuurd · {datumtijd(signaal.created_at)} · {sender}"


def test_a_contacted_signal_says_when_the_contact_was_not_its_term(staff, senders, teams, client):
    """A walk: a signal whose client had been called still read "Contact uiterlijk 10 december, nog 3
    werkdagen" in the inbox, as one still waiting for the call."""
    client.force_login(senders["aanbieder"])
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    signaal = Signaal.objects.get()
    client.force_login(staff["consulent_haven"])
    status_url = f"/admin/backoffice/signalen/{signaal.pk}/status/"

    def contact_cell() -> str:
        inbox = BeautifulSoup(client.get("/admin/backoffice/").content, "html.parser")
        return inbox.find("td", attrs={"data-label": "Contact"}).get_text(" ", strip=True)

    def facts() -> str:
        return " ".join(client.get(f"/admin/backoffice/signalen/{signaal.pk}/").content.decode().split())

    term = datum(signaal.contact_deadline)
    assert contact_cell().startswith(f"uiterlijk {term} ")
    assert "Contact opgenomen op" not in facts()
    client.post(status_url, {"status": "contact_opgenomen"})
    today = datum(timezone.localdate())
    assert contact_cell() == f"opgenomen op {today}"
    assert f"<dt>Contact opgenomen op</dt><dd>{today}, " in facts()
    assert f"<dt>Contact uiterlijk</dt><dd>{term}</dd>" in facts()  # the term stays, without days left
    client.post(status_url, {"status": "afgerond"})
    signaal.refresh_from_db()
    assert signaal.contacted_at is not None  # kept when finished
    client.post(status_url, {"status": "nieuw"})  # a contact recorded by mistake, taken back
    assert contact_cell().startswith(f"uiterlijk {term} ")
    assert "Contact opgenomen op" not in facts()


def test_the_wijkteam_sees_the_signal_marked_in_the_inbox_and_opens_it(staff, senders, teams, client):
    client.force_login(senders["aanbieder"])
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    signaal = Signaal.objects.get()
    client.force_login(staff["consulent_haven"])
    inbox = client.get("/admin/backoffice/").content.decode()
    assert signaal.reference in inbox and "bo-tag--signaal" in inbox
    # A walk: the row said who sent it and when, not what it is about.
    assert '<td data-label="Wat speelt er">Eenzaamheid, geldzorgen of schulden</td>' in inbox  # one list
    page = client.get(f"/admin/backoffice/signalen/{signaal.pk}/").content.decode()
    assert "Carla Smit" in page and "Eenzaamheid" in page and "De cliënt zelf" in page
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.SIGNAAL_VIEWED, reference=signaal.reference
    ).exists()
    client.post(f"/admin/backoffice/signalen/{signaal.pk}/status/", {"status": "afgerond"})
    assert signaal.reference not in client.get("/admin/backoffice/").content.decode()


def test_a_status_saved_again_unchanged_writes_no_history(staff, senders, teams, client):
    """A walk: "Bewaar de status" with the status it had wrote "Status: Nieuw" in the history again."""
    client.force_login(senders["aanbieder"])
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    signaal = Signaal.objects.get()
    client.force_login(staff["consulent_haven"])
    url = f"/admin/backoffice/signalen/{signaal.pk}/status/"
    page = client.post(url, {"status": signaal.status}, follow=True).content.decode()
    assert "De status was al: Nieuw." in page
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.SIGNAAL_STATUS).exists()
    client.post(url, {"status": "afgerond"})
    signaal.refresh_from_db()
    assert signaal.closed_at is not None
    assert AuditEntry.objects.filter(action=AuditEntry.Action.SIGNAAL_STATUS).count() == 1


def test_a_finished_signal_stays_findable_for_its_wijkteam(staff, senders, teams, client):
    client.force_login(senders["aanbieder"])
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    signaal = Signaal.objects.get()
    client.force_login(staff["consulent_haven"])
    assert "Er zijn nog geen afgeronde signalen die u mag zien." in client.get(FINISHED).content.decode()
    client.post(f"/admin/backoffice/signalen/{signaal.pk}/status/", {"status": "afgerond"})
    inbox = BeautifulSoup(client.get("/admin/backoffice/").content, "html.parser")
    assert inbox.find("a", href=FINISHED).get_text() == "Afgeronde signalen"
    finished = client.get(FINISHED).content.decode()
    assert f'href="/admin/backoffice/signalen/{signaal.pk}/">{signaal.reference}</a>' in finished
    assert "Afgerond" in finished and "Zorg Thuis Lindewaard" in finished
    # A walk: a finished signal showed only its term for the first contact, and not when it was finished.
    today = datum(timezone.localdate())
    assert f'<td data-label="Afgerond op" class="bo-date">{today}</td>' in finished
    assert 'data-label="Contact"' not in finished
    page = " ".join(client.get(f"/admin/backoffice/signalen/{signaal.pk}/").content.decode().split())
    assert f"<dt>Afgerond op</dt><dd>{today}, " in page
    client.force_login(staff["consulent"])  # Centrum: not their signal
    assert signaal.reference not in client.get(FINISHED).content.decode()


def _inbox_search(client, text: str) -> str:
    """What the inbox shows after a consulent searches `text` (posted, kept in the session)."""
    response = client.post("/admin/backoffice/", {"q": text})
    return client.get(response["Location"]).content.decode()


def test_the_inbox_search_finds_a_signal_by_the_clients_name_or_its_reference(staff, senders, teams, client):
    client.force_login(senders["aanbieder"])
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    signaal = Signaal.objects.get()
    assert "smit" not in signaal.name_index.lower()  # keyed hashes, not the name
    client.force_login(staff["consulent_haven"])
    without_dashes = signaal.reference.replace("-", "")[1:].lower()  # read out on the phone: "ztk6 jnwa"
    for text in ("Smit", "carla smit", signaal.reference.lower(), without_dashes):
        page = _inbox_search(client, text)
        found = BeautifulSoup(page, "html.parser").find(id="signalen-found-heading")
        assert found.get_text() == "1 signaal gevonden", text
        assert signaal.reference in found.find_parent("section").get_text()
        # A walk: under the signal found, the hints for meldingen ("Een deel van een naam vindt niets", "geen
        # met het nummer M-...") sent the consulent looking further.
        assert "Wat u zocht, staat hierboven bij de signalen." in page, text
        assert "Een deel van een naam" not in page and "Bij uw meldingen is er geen" not in page, text
    assert "signalen-found-heading" not in _inbox_search(client, "Jansen")
    client.post(f"/admin/backoffice/signalen/{signaal.pk}/status/", {"status": "afgerond"})
    assert "1 signaal gevonden" in _inbox_search(client, "Smit")  # a finished one too
    client.force_login(staff["consulent"])  # Centrum: not their signal
    assert "signalen-found-heading" not in _inbox_search(client, "Smit")


def test_the_inbox_counts_all_open_signals_when_it_shows_the_first(
    staff, senders, teams, client, monkeypatch
):
    """The heading counted the signals shown, 50 at most: "50 signalen" of 73."""
    from meldingen.backoffice import inbox, signalen

    monkeypatch.setattr(inbox, "SIGNALEN_SHOWN", 2)
    sent = [signalen.send(senders["aanbieder"], {**SIGNAAL, "postcode": "3913 AC"}) for _ in range(3)]
    client.force_login(staff["consulent_haven"])
    page = BeautifulSoup(client.get("/admin/backoffice/").content.decode(), "html.parser")
    section = page.find(id="signalen-heading").find_parent("section")
    assert page.find(id="signalen-heading").get_text() == "3 signalen van aanbieders of professionals"
    assert sum(signaal.reference in section.get_text() for signaal in sent) == 2
    assert "Hier staan de 2 met de vroegste termijn." in section.get_text()
    found = BeautifulSoup(_inbox_search(client, "Smit"), "html.parser").find(id="signalen-found-heading")
    assert found.get_text() == "3 signalen gevonden"
    assert "Hier staan de 2 nieuwste." in found.find_parent("section").get_text()
    monkeypatch.setattr(inbox, "SIGNALEN_SHOWN", 3)
    page = client.get("/admin/backoffice/").content.decode()
    assert "3 signalen van aanbieders" in page and "Hier staan de" not in page


def test_a_postcode_with_a_house_number_finds_no_signal_by_the_letters_of_the_postcode(
    staff, senders, teams, client
):
    client.force_login(senders["aanbieder"])
    client.post("/admin/backoffice/signalen/nieuw/", {**SIGNAAL, "naam": "Ab Jansen"})
    client.force_login(staff["consulent_haven"])
    assert "1 signaal gevonden" in _inbox_search(client, "ab jansen")
    assert "signalen-found-heading" not in _inbox_search(client, "3913 AB 12")


def test_the_migration_and_a_new_key_give_earlier_signals_their_name_index(staff, senders, teams, settings):
    import importlib

    from django.apps import apps
    from django.core.management import call_command

    from meldingen.backoffice import signalen
    from meldingen.backoffice.inbox import signalen_found

    signaal = signalen.send(senders["aanbieder"], {**SIGNAAL, "postcode": "3913 AC"})
    Signaal.objects.update(name_index="")
    migration = importlib.import_module("meldingen.backoffice.migrations.0020_signaal_name_index")
    migration.backfill(apps, None)
    assert signalen_found(staff["consulent_haven"], "Smit") == ([signaal], 1)
    settings.BACKOFFICE_BLIND_INDEX_KEY = "een-nieuwe-sleutel-voor-de-index"
    assert signalen_found(staff["consulent_haven"], "Smit") == ([], 0)
    call_command("rebuild_name_index", verbosity=0)
    assert signalen_found(staff["consulent_haven"], "Smit") == ([signaal], 1)


def test_a_sender_named_as_their_organisation_is_named_once(staff, senders, teams, client):
    sender = senders["aanbieder"]
    sender.first_name, sender.last_name = "Zorg Thuis", "Lindewaard"  # a provider's shared account
    sender.save()
    client.force_login(sender)
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    client.force_login(staff["consulent_haven"])
    page = client.get(f"/admin/backoffice/signalen/{Signaal.objects.get().pk}/").content.decode()
    assert '<dd>Zorg Thuis Lindewaard<br><a href="tel:0302345678">' in page  # once, then phone and e-mail


@pytest.mark.parametrize(
    "who, send, sent_list, detail, status_change",
    [
        ("anonymous", False, False, False, False),
        ("aanbieder", True, True, False, False),
        ("professional", True, True, False, False),
        ("consulent", False, False, False, False),  # Centrum: the signal is for Oude Haven
        ("consulent_haven", False, False, True, True),
        ("teamleider", False, False, True, True),
        ("beheerder", False, False, False, False),
        ("redacteur", False, False, False, False),
    ],
)
def test_signal_pages_by_role(staff, senders, teams, client, who, send, sent_list, detail, status_change):
    client.force_login(senders["aanbieder"])
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    signaal = Signaal.objects.get()
    client.logout()
    _login(client, staff, senders, who)
    for url, allowed in (
        ("/admin/backoffice/signalen/nieuw/", send),
        ("/admin/backoffice/signalen/verstuurd/", sent_list),
        (f"/admin/backoffice/signalen/{signaal.pk}/", detail),
    ):
        response = client.get(url)
        if allowed:
            assert response.status_code == 200, url
        else:
            assert_refused(response)
    response = client.post(f"/admin/backoffice/signalen/{signaal.pk}/status/", {"status": "afgerond"})
    signaal.refresh_from_db()
    assert (signaal.status == "afgerond") == status_change
    if not status_change:
        assert_refused(response)


# --- nazorg ------------------------------------------------------------------------------------------


def _afhandelen(melding, user, uitkomst=Uitkomst.TOEGEKEND, start=None):
    behandeling = melding.behandeling
    for status in (Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND, Status.ONDERZOEK_AFGEROND):
        behandeling.change_status(status, user)
    behandeling.change_status(Status.AFGEHANDELD, user, uitkomst=uitkomst, start_ondersteuning=start)
    return behandeling


def test_afgehandeld_with_support_granted_schedules_nazorg_six_weeks_after_the_start(two_meldingen, staff):
    start = date(2026, 3, 30)  # six weeks later is 11 May 2026, a Monday
    behandeling = _afhandelen(two_meldingen["centrum"], staff["consulent"], start=start)
    assert behandeling.nazorg.due_date == end_of_legal_term(start + timedelta(weeks=6)) == date(2026, 5, 11)
    assert behandeling.uitkomst == Uitkomst.TOEGEKEND
    other = _afhandelen(two_meldingen["haven"], staff["consulent_haven"], uitkomst=Uitkomst.NIET_TOEGEKEND)
    assert not Nazorg.objects.filter(behandeling=other).exists()


def test_a_nazorg_date_on_a_feestdag_moves_to_the_next_working_day(two_meldingen, staff, settings):
    settings.BACKOFFICE_NAZORG_WEEKS = 1
    behandeling = _afhandelen(two_meldingen["centrum"], staff["consulent"], start=date(2026, 4, 20))
    assert behandeling.nazorg.due_date == date(2026, 4, 28)  # 27 April is Koningsdag


def test_a_call_counts_in_time_until_five_working_days_after_its_day(two_meldingen, staff):
    # Due on Friday 24 April 2026; Monday 27 April is Koningsdag, so the fifth working day is 4 May.
    behandeling = _afhandelen(two_meldingen["centrum"], staff["consulent"], start=date(2026, 3, 13))
    nazorg = Nazorg.objects.get(behandeling=behandeling)
    assert (nazorg.due_date, nazorg.in_time_until) == (date(2026, 4, 24), date(2026, 5, 4))


def test_the_dashboard_counts_a_call_by_the_local_day_it_was_made(two_meldingen, staff):
    from meldingen.backoffice.stats import figures_for

    from .fixtures import store

    today = timezone.localdate()
    calls = []
    for melding in (two_meldingen["centrum"], two_meldingen["haven"], store(), store()):
        consulent = staff["consulent_haven"] if melding is two_meldingen["haven"] else staff["consulent"]
        calls.append(_afhandelen(melding, consulent, start=today - timedelta(weeks=11)).nazorg)
    made_last_day, made_a_day_late, _never_made, not_due_yet = calls
    Nazorg.objects.filter(pk=not_due_yet.pk).update(due_date=today, in_time_until=today + timedelta(days=7))

    def made_at(call, day, hour, minute, uitkomst):
        moment = timezone.make_aware(datetime.combine(day, time(hour, minute)))  # the site's time zone
        Nazorg.objects.filter(pk=call.pk).update(done_at=moment, uitkomst=uitkomst)

    # Half an hour before and after midnight: in UTC both fall on the last day in time.
    made_at(made_last_day, made_last_day.in_time_until, 23, 30, Nazorg.Uitkomst.TEVREDEN)
    day_after = made_a_day_late.in_time_until + timedelta(days=1)
    made_at(made_a_day_late, day_after, 0, 30, Nazorg.Uitkomst.NIET_TEVREDEN)
    figures = figures_for(staff["teamleider"])
    assert (figures.nazorg_in_time, figures.nazorg_late) == (1, 2)  # never_made counts late, not_due_yet not
    assert (figures.nazorg_tevreden, figures.nazorg_niet_tevreden) == (1, 1)


def test_the_outcome_shows_on_the_melding_whatever_it_is(two_meldingen, staff, client):
    _afhandelen(two_meldingen["haven"], staff["consulent_haven"], uitkomst=Uitkomst.NIET_TOEGEKEND)
    client.force_login(staff["consulent_haven"])
    page = client.get(f"/admin/backoffice/meldingen/{two_meldingen['haven'].behandeling.pk}/")
    facts = BeautifulSoup(page.content, "html.parser").select_one("#case-heading").find_next("dl")
    assert "Uitkomst Krijgt geen ondersteuning" in facts.get_text(" ", strip=True)


def test_afgehandeld_asks_for_the_outcome(two_meldingen, staff, client):
    behandeling = two_meldingen["centrum"].behandeling
    for status in (*ONDERZOEK, Status.AANVRAAG_ONTVANGEN):  # a decision answers an aanvraag
        behandeling.change_status(status, staff["consulent"])
    client.force_login(staff["consulent"])
    page = client.get(f"/admin/backoffice/meldingen/{behandeling.pk}/").content
    label = BeautifulSoup(page, "html.parser").select_one('label[for="id_uitkomst"]').get_text(strip=True)
    assert label == "Uitkomst (bij afgehandeld)"  # required then, so not "(niet verplicht)"
    url = f"/admin/backoffice/meldingen/{behandeling.pk}/status/"
    response = client.post(url, {"status": "afgehandeld"})
    assert response.status_code == 400 and "Kies de uitkomst van de melding." in response.content.decode()
    start = timezone.localdate() + timedelta(days=3)
    typed = f"{start.day}-{start.month}-{start.year}"
    response = client.post(
        url, {"status": "afgehandeld", "uitkomst": "toegekend", "start_ondersteuning": typed}
    )
    assert response.status_code == 302
    assert Nazorg.objects.get().start_ondersteuning == start


def test_due_nazorg_shows_in_the_inbox_and_one_click_records_the_outcome(two_meldingen, staff, client):
    behandeling = _afhandelen(
        two_meldingen["centrum"], staff["consulent"], start=timezone.localdate() - timedelta(weeks=7)
    )
    client.force_login(staff["consulent"])
    inbox = client.get("/admin/backoffice/").content.decode()
    assert "1 nazorggesprek om te bellen" in inbox and two_meldingen["centrum"].reference in inbox
    # A walk: the list and each call's form said what to do, one under the other.
    assert inbox.lower().count("vraag of de hulp goed gaat") == 1
    assert "Geen gehoor? Kies Niet bereikt" in inbox
    client.force_login(staff["consulent_haven"])
    assert "nazorggesprek" not in client.get("/admin/backoffice/").content.decode()
    response = client.post(f"/admin/backoffice/nazorg/{behandeling.nazorg.pk}/", {"uitkomst": "tevreden"})
    assert_refused(response)
    client.force_login(staff["consulent"])
    response = client.post(
        f"/admin/backoffice/nazorg/{behandeling.nazorg.pk}/",
        {"uitkomst": "niet_tevreden", "notitie": "De hulp komt vaak te laat.", "terug": "inbox"},
    )
    assert response.status_code == 302 and response["Location"].endswith("/admin/backoffice/")
    nazorg = Nazorg.objects.get()
    assert nazorg.uitkomst == "niet_tevreden" and nazorg.done_by == staff["consulent"]
    assert nazorg.note == "De hulp komt vaak te laat." and "te laat" not in nazorg.encrypted_note
    inbox = client.get("/admin/backoffice/").content.decode()
    assert "nazorggesprek" not in inbox
    # The call left the list: the message says where a wrong button is put right, and links there.
    assert "Verkeerde knop gekozen? Verbeter het op de melding." in inbox
    message = inbox.split("Verkeerde knop gekozen?", 1)[1].split("</li>", 1)[0]
    assert f'href="/admin/backoffice/meldingen/{behandeling.pk}/"' in message
    page = client.get(f"/admin/backoffice/meldingen/{behandeling.pk}/").content.decode()
    assert "Nazorg: Niet tevreden" in page


def test_a_nazorg_note_past_its_length_is_refused_and_kept(two_meldingen, staff, client):
    """A review: the browser cut a pasted note off at 2,000 characters without a word; longer, the call was
    refused as "Kies tevreden of niet tevreden." and the note was gone."""
    behandeling = _afhandelen(
        two_meldingen["centrum"], staff["consulent"], start=timezone.localdate() - timedelta(weeks=7)
    )
    client.force_login(staff["consulent"])
    inbox = client.get("/admin/backoffice/").content.decode()
    assert 'data-max-length="2000"' in inbox and 'maxlength="2000"' not in inbox
    note = "Mevrouw is blij met de hulp. " * 100  # 2,900 characters
    url = f"/admin/backoffice/nazorg/{behandeling.nazorg.pk}/"
    response = client.post(url, {"uitkomst": "tevreden", "notitie": note, "terug": "inbox"})
    html = response.content.decode()
    assert response.status_code == 400 and "tekens te lang" in html and "Kies tevreden" not in html
    assert f"{note}</textarea>" in html and Nazorg.objects.get().done_at is None
    # Given to another team meanwhile: a page that says so, with the note to copy (it was Wagtail's 404).
    behandeling.team = two_meldingen["haven"].behandeling.team
    behandeling.save()
    moved = client.post(url, {"uitkomst": "tevreden", "notitie": "Gaat goed.", "terug": "inbox"})
    assert moved.status_code == 404 and "Gaat goed.</textarea>" in moved.content.decode()


def test_a_call_that_did_not_reach_the_resident_keeps_the_call_to_make(two_meldingen, staff, client):
    """With only tevreden and niet tevreden, a resident who did not answer was recorded as niet tevreden,
    and the dashboard counted her so."""
    from meldingen.backoffice.models import AuditEntry

    behandeling = _afhandelen(
        two_meldingen["centrum"], staff["consulent"], start=timezone.localdate() - timedelta(weeks=7)
    )
    client.force_login(staff["consulent"])
    assert 'value="niet_bereikt"' in client.get("/admin/backoffice/").content.decode()
    url = f"/admin/backoffice/nazorg/{behandeling.nazorg.pk}/"
    typed = {"uitkomst": "niet_bereikt", "notitie": "Voicemail ingesproken", "terug": "inbox"}
    response = client.post(url, typed, follow=True)
    said = "niet bereikt. Het nazorggesprek blijft bij de gesprekken om te bellen."
    assert said in response.content.decode()
    nazorg = Nazorg.objects.get()
    assert nazorg.done_at is None and nazorg.uitkomst == "" and nazorg.niet_bereikt_op is not None
    inbox = client.get("/admin/backoffice/").content.decode()
    assert "1 nazorggesprek om te bellen" in inbox and "niet bereikt op" in inbox
    page = client.get(f"/admin/backoffice/meldingen/{behandeling.pk}/").content.decode()
    assert "Nog niet. Niet bereikt op" in page and "Nazorg: inwoner niet bereikt" in page  # the timeline
    assert AuditEntry.objects.filter(action=AuditEntry.Action.NAZORG_NOT_REACHED).count() == 1
    assert [note.text for note in behandeling.notities.all()] == ["Voicemail ingesproken"]  # not thrown away
    client.force_login(staff["teamleider"])
    # No outcome yet; a walk: "Nog geen nazorg" beside a call the inbox listed as due read as a contradiction.
    dashboard = client.get("/admin/backoffice/overzicht/").content.decode()
    assert (
        "Nog niets te tellen. Er is nog geen nazorggesprek gevoerd, en er is nog geen nazorggesprek te laat."
        in dashboard
        and "Nog niets te tellen. Er is nog geen nazorggesprek gevoerd.<" in dashboard
    )
    client.force_login(staff["consulent"])
    client.post(url, {"uitkomst": "tevreden"})  # reached the next day
    nazorg.refresh_from_db()
    assert nazorg.uitkomst == "tevreden" and nazorg.done_at is not None


def test_a_nazorg_call_past_its_working_days_is_marked_late_in_the_inbox(two_meldingen, staff, client):
    behandeling = _afhandelen(
        two_meldingen["centrum"], staff["consulent"], start=timezone.localdate() - timedelta(weeks=7)
    )
    nazorg = behandeling.nazorg
    client.force_login(staff["consulent"])
    nazorg.in_time_until = timezone.localdate()  # the last day to call in time
    nazorg.save()
    assert "bo-deadline--late" not in client.get("/admin/backoffice/").content.decode()
    nazorg.in_time_until = timezone.localdate() - timedelta(days=1)
    nazorg.save()
    inbox = client.get("/admin/backoffice/").content.decode()
    assert '<strong class="bo-deadline--late">te laat</strong>' in inbox


def test_each_due_nazorg_call_has_its_own_form_and_more_calls_ask_no_more_queries(
    two_meldingen, staff, client
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .fixtures import store

    start = timezone.localdate() - timedelta(weeks=7)
    client.force_login(staff["consulent"])
    first = _afhandelen(two_meldingen["centrum"], staff["consulent"], start=start)
    client.get("/admin/backoffice/")  # the admin sidebar is drawn once per login (core/admin_sidebar.py)
    with CaptureQueriesContext(connection) as one:
        client.get("/admin/backoffice/")
    others = [_afhandelen(store(), staff["consulent"], start=start) for _ in range(3)]
    with CaptureQueriesContext(connection) as four:
        inbox = client.get("/admin/backoffice/").content.decode()
    assert len(four) == len(one)
    assert "4 nazorggesprekken om te bellen" in inbox
    for behandeling in [first, *others]:
        form = inbox.split(f'action="/admin/backoffice/nazorg/{behandeling.nazorg.pk}/"', 1)[1].split(
            "</form>"
        )[0]
        assert 'name="csrfmiddlewaretoken"' in form and 'name="terug" value="inbox"' in form
        assert f'id="id_notitie_{behandeling.nazorg.pk}"' in form and behandeling.melding.reference in form


def test_the_inbox_says_when_more_calls_are_due_than_it_shows_and_shows_the_oldest(
    two_meldingen, staff, client, monkeypatch
):
    from meldingen.backoffice import inbox as inbox_module

    from .fixtures import store

    monkeypatch.setattr(inbox_module, "NAZORG_SHOWN", 2)
    today = timezone.localdate()
    calls = [
        _afhandelen(melding, staff["consulent"], start=today - timedelta(weeks=weeks)).nazorg
        for melding, weeks in ((two_meldingen["centrum"], 7), (store(), 9), (store(), 8))
    ]
    client.force_login(staff["consulent"])
    inbox = client.get("/admin/backoffice/").content.decode()
    assert "Meer dan 2 nazorggesprekken om te bellen" in inbox
    assert "Hieronder staan de 2 oudste. Bel die eerst." in inbox
    newest, oldest, middle = calls
    shown = [call.pk for call in (oldest, middle, newest) if f"/admin/backoffice/nazorg/{call.pk}/" in inbox]
    assert shown == [oldest.pk, middle.pk]
    assert inbox.index(oldest.behandeling.melding.reference) < inbox.index(
        middle.behandeling.melding.reference
    )
    # The backoffice's one date format; due three weeks ago, the call is late.
    late = '<strong class="bo-deadline--late">te laat</strong>'
    assert f"bellen op {datum(oldest.due_date)} {late}</p>" in inbox
    monkeypatch.setattr(inbox_module, "NAZORG_SHOWN", 3)
    inbox = client.get("/admin/backoffice/").content.decode()
    assert "3 nazorggesprekken om te bellen" in inbox and "Meer dan" not in inbox and "oudste" not in inbox
    # A walk: a call not late yet said nothing of its last day.
    newest.refresh_from_db()
    assert newest.due_date <= today <= newest.in_time_until
    assert f"bellen op {datum(newest.due_date)}, uiterlijk {datum(newest.in_time_until)}</p>" in inbox


def test_the_inbox_shows_the_five_oldest_calls_so_the_meldingen_stay_near_the_top(
    two_meldingen, staff, client
):
    from .fixtures import store

    today = timezone.localdate()
    for weeks in range(7, 14):
        _afhandelen(store(), staff["consulent"], start=today - timedelta(weeks=weeks))
    client.force_login(staff["consulent"])
    inbox = client.get("/admin/backoffice/").content.decode()
    assert inbox.count('class="bo-nazorg-form"') == 5
    assert "Meer dan 5 nazorggesprekken om te bellen" in inbox


def test_nazorg_not_yet_due_stays_out_of_the_inbox(two_meldingen, staff, client):
    _afhandelen(two_meldingen["centrum"], staff["consulent"])
    client.force_login(staff["consulent"])
    assert "nazorggesprek" not in client.get("/admin/backoffice/").content.decode()


@pytest.mark.parametrize("who", ["anonymous", "aanbieder", "beheerder", "redacteur"])
def test_nazorg_cannot_be_recorded_by_others(two_meldingen, staff, senders, client, who):
    behandeling = _afhandelen(two_meldingen["centrum"], staff["consulent"])
    _login(client, staff, senders, who)
    assert_refused(
        client.post(f"/admin/backoffice/nazorg/{behandeling.nazorg.pk}/", {"uitkomst": "tevreden"})
    )
    assert Nazorg.objects.get().done_at is None


def test_a_nazorg_call_recorded_with_the_wrong_button_is_corrected_with_a_reason(
    two_meldingen, staff, client
):
    """A walk: the note said "niet tevreden", "Tevreden" was clicked, and nothing could correct it: the
    dashboard counted the resident as satisfied."""
    behandeling = _afhandelen(
        two_meldingen["centrum"], staff["consulent"], start=timezone.localdate() - timedelta(weeks=7)
    )
    behandeling.nazorg.record(staff["consulent"], Nazorg.Uitkomst.TEVREDEN, "Hulp komt vaak te laat.")
    client.force_login(staff["consulent"])
    page_url = f"/admin/backoffice/meldingen/{behandeling.pk}/"
    url = f"{page_url}nazorg/verbeteren/"
    form = BeautifulSoup(client.get(page_url).content, "html.parser").select_one(f'form[action="{url}"]')
    offered = [radio["value"] for radio in form.select('input[name="uitkomst"]')]
    assert offered == ["niet_tevreden", "niet_gebeld"]  # not the uitkomst it has
    typed = {"uitkomst": "niet_tevreden", "reden": " "}
    error = client.post(url, typed)
    assert error.status_code == 400
    assert "Schrijf kort op waarom u de uitkomst verbetert." in error.content.decode()
    kept = BeautifulSoup(error.content, "html.parser").select_one('input[value="niet_tevreden"]')
    assert kept.has_attr("checked")  # what was chosen stays chosen
    response = client.post(url, {**typed, "reden": "Ik klikte op de verkeerde knop."}, follow=True)
    html = response.content.decode()
    assert "Nazorg verbeterd: niet tevreden." in html
    # The timeline: the call as it is now, marked, and the correction once, by its note.
    assert "Nazorg: Niet tevreden (later verbeterd)" in html and html.count("Nazorg verbeterd (") == 1
    nazorg = Nazorg.objects.get()
    assert (nazorg.uitkomst, nazorg.note) == ("niet_tevreden", "Hulp komt vaak te laat.")
    entry = AuditEntry.objects.get(action=AuditEntry.Action.NAZORG_CORRECTED)
    assert entry.detail == "Tevreden → Niet tevreden"
    assert [note.text for note in behandeling.notities.all()] == [
        "Nazorg verbeterd (Tevreden → Niet tevreden):\nIk klikte op de verkeerde knop."
    ]
    client.force_login(staff["teamleider"])
    assert "tevreden 0, niet tevreden 1" in client.get("/admin/backoffice/overzicht/").content.decode()

    # Not reached after all: the call is to make again, and its note is kept on the melding.
    client.force_login(staff["consulent"])
    said = client.post(url, {"uitkomst": "niet_gebeld", "reden": "Het was de buurvrouw."}, follow=True)
    assert "Nazorg verbeterd: het gesprek staat weer bij de gesprekken om te bellen." in said.content.decode()
    nazorg.refresh_from_db()
    assert (nazorg.done_at, nazorg.uitkomst, nazorg.encrypted_note) == (None, "", "")
    assert behandeling.notities.last().text == (
        "Nazorg verbeterd (Niet tevreden → nog te bellen):\nHet was de buurvrouw.\nHulp komt vaak te laat."
    )
    assert "1 nazorggesprek om te bellen" in client.get("/admin/backoffice/").content.decode()
    assert client.post(url, {"uitkomst": "tevreden", "reden": "x"}).status_code == 404  # nothing to correct


def test_a_call_put_back_before_its_day_says_the_day(two_meldingen, staff, client):
    """A walk: "staat weer bij de gesprekken om te bellen" while the inbox lists a call only from its day."""
    behandeling = _afhandelen(
        two_meldingen["centrum"], staff["consulent"], start=timezone.localdate() - timedelta(weeks=1)
    )
    behandeling.nazorg.record(staff["consulent"], Nazorg.Uitkomst.TEVREDEN)
    client.force_login(staff["consulent"])
    url = f"/admin/backoffice/meldingen/{behandeling.pk}/nazorg/verbeteren/"
    html = client.post(
        url, {"uitkomst": "niet_gebeld", "reden": "Te vroeg gebeld."}, follow=True
    ).content.decode()
    day = datum(behandeling.nazorg.due_date)
    assert f"Nazorg verbeterd: het gesprek staat weer open. Bellen op {day}." in html


def test_the_dashboard_shows_nazorg_in_time_and_its_outcome(two_meldingen, staff, client):
    today = timezone.localdate()
    on_time = _afhandelen(two_meldingen["centrum"], staff["consulent"], start=today - timedelta(weeks=6))
    on_time.nazorg.record(staff["consulent"], Nazorg.Uitkomst.TEVREDEN)
    missed = _afhandelen(two_meldingen["haven"], staff["consulent_haven"], start=today - timedelta(weeks=10))
    assert missed.nazorg.done_at is None
    client.force_login(staff["teamleider"])
    page = client.get("/admin/backoffice/overzicht/").content.decode()
    assert "50.0% (1 van 2)" in page or "50,0% (1 van 2)" in page
    assert "tevreden 1, niet tevreden 0" in page


# --- B1 -------------------------------------------------------------------------------------------------


def test_the_new_texts_for_providers_and_consulenten_pass_the_taalcheck(staff, senders, teams, client):
    client.force_login(senders["aanbieder"])
    form_page = client.get("/admin/backoffice/signalen/nieuw/").content.decode()
    error_page = client.post("/admin/backoffice/signalen/nieuw/", {}).content.decode()
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    sent_page = client.get("/admin/backoffice/signalen/verstuurd/").content.decode()
    for html in (form_page, error_page, sent_page):
        main = html.split('id="backoffice-content"', 1)[1]
        report = check_text(html_to_text(main))
        assert report.passed, report.problems


def test_the_consulents_signal_page_nazorg_form_and_their_error_states_pass_the_taalcheck(
    staff, senders, two_meldingen, client
):
    from tests.b1 import assert_b1, backoffice_text

    client.force_login(senders["professional"])
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    signaal = Signaal.objects.get()
    data = [SIGNAAL["naam"], SIGNAAL["toelichting"], SIGNAAL["organisatie"], senders["professional"].username]
    data += ["Wijkteam Oude Haven", "Oude Haven"]
    client.force_login(staff["consulent_haven"])
    url = f"/admin/backoffice/signalen/{signaal.pk}/"
    assert_b1(backoffice_text(client.get(url).content.decode()), "signal page", data)
    error = client.post(url + "status/", {"status": "weg"})
    assert error.status_code == 400
    assert_b1(backoffice_text(error.content.decode()), "signal page, error", data)

    behandeling = _afhandelen(
        two_meldingen["centrum"], staff["consulent"], start=timezone.localdate() - timedelta(weeks=7)
    )
    client.force_login(staff["consulent"])
    melding_page = client.get(f"/admin/backoffice/meldingen/{behandeling.pk}/").content.decode()
    assert_b1(backoffice_text(melding_page, "nazorg-heading"), "nazorg on the melding page")
    inbox = client.get("/admin/backoffice/").content.decode()
    assert_b1(
        backoffice_text(inbox, "nazorg-heading"), "nazorg in the inbox", [behandeling.melding.reference]
    )
    behandeling.nazorg.record(staff["consulent"], Nazorg.Uitkomst.TEVREDEN)
    error = client.post(
        f"/admin/backoffice/meldingen/{behandeling.pk}/nazorg/verbeteren/", {}
    ).content.decode()
    assert "Verbeter de uitkomst" in error
    assert_b1(backoffice_text(error, "nazorg-heading"), "correcting the nazorg call, error")


def test_the_signals_countdown_stops_once_contact_is_made_and_says_late_when_late(
    staff, senders, teams, client
):
    client.force_login(senders["aanbieder"])
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    signaal = Signaal.objects.get()
    client.force_login(staff["consulent_haven"])
    url = f"/admin/backoffice/signalen/{signaal.pk}/"

    def term():
        page = BeautifulSoup(client.get(url).content, "html.parser")
        return " ".join(page.find("dt", string="Contact uiterlijk").find_next("dd").get_text().split())

    assert term().endswith("werkdagen)")  # "(nog 5 werkdagen)"
    Signaal.objects.filter(pk=signaal.pk).update(contact_deadline=timezone.localdate())
    assert term().endswith("(vandaag de laatste dag)")  # it said "nog 0 werkdagen"
    Signaal.objects.filter(pk=signaal.pk).update(contact_deadline=timezone.localdate() - timedelta(days=3))
    assert term().endswith("(te laat)")
    client.post(f"{url}status/", {"status": "contact_opgenomen"})
    assert "(" not in term()  # the date the term was, without a countdown


@pytest.mark.parametrize(("days", "label"), [(-14, "Hulp gestart op"), (10, "Hulp start op")])
def test_the_start_of_the_help_is_spoken_of_in_the_right_tense(two_meldingen, staff, client, days, label):
    start = timezone.localdate() + timedelta(days=days)
    behandeling = _afhandelen(two_meldingen["centrum"], staff["consulent"], start=start)
    client.force_login(staff["consulent"])
    page = BeautifulSoup(client.get(f"/admin/backoffice/meldingen/{behandeling.pk}/").content, "html.parser")
    assert page.find("dt", string=label) is not None


def test_nazorg_is_not_recorded_before_the_help_starts(two_meldingen, staff, client):
    start = timezone.localdate() + timedelta(days=20)
    behandeling = _afhandelen(two_meldingen["centrum"], staff["consulent"], start=start)
    client.force_login(staff["consulent"])
    page = client.get(f"/admin/backoffice/meldingen/{behandeling.pk}/").content.decode()
    assert f"/admin/backoffice/nazorg/{behandeling.nazorg.pk}/" not in page  # no buttons yet
    response = client.post(
        f"/admin/backoffice/nazorg/{behandeling.nazorg.pk}/", {"uitkomst": "tevreden"}, follow=True
    )
    assert f"De hulp start pas op {datum(start)}." in response.content.decode()
    assert Nazorg.objects.get().done_at is None
    assert client.get("/admin/backoffice/overzicht/").context["figures"].nazorg_total == 0


def test_nazorg_is_not_recorded_until_the_week_before_its_day(two_meldingen, staff, client):
    """A walk recorded "Tevreden" on the day the help started, and the dashboard counted it as nazorg made in
    time: the call is for when the help has run, from a week before its day on."""
    behandeling = _afhandelen(two_meldingen["centrum"], staff["consulent"], start=timezone.localdate())
    nazorg = behandeling.nazorg
    assert nazorg.call_from == nazorg.due_date - timedelta(weeks=1) > timezone.localdate()
    client.force_login(staff["consulent"])
    url = f"/admin/backoffice/meldingen/{behandeling.pk}/"
    page = " ".join(client.get(url).content.decode().split())
    assert f"/admin/backoffice/nazorg/{nazorg.pk}/" not in page  # no buttons yet
    assert f"U kunt het nazorggesprek vastleggen vanaf {datum(nazorg.call_from)}." in page
    response = client.post(f"/admin/backoffice/nazorg/{nazorg.pk}/", {"uitkomst": "tevreden"}, follow=True)
    said = f"Het nazorggesprek is op {datum(nazorg.due_date)}. Dan weet de inwoner of de hulp goed gaat."
    assert said in response.content.decode()
    assert Nazorg.objects.get().done_at is None
    Nazorg.objects.filter(pk=nazorg.pk).update(due_date=timezone.localdate() + timedelta(weeks=1))
    assert f"/admin/backoffice/nazorg/{nazorg.pk}/" in client.get(url).content.decode()
    client.post(f"/admin/backoffice/nazorg/{nazorg.pk}/", {"uitkomst": "tevreden"})
    assert Nazorg.objects.get().uitkomst == "tevreden"


def test_the_help_cannot_start_before_the_melding(two_meldingen, staff, client):
    behandeling = two_meldingen["centrum"].behandeling
    for status in (*ONDERZOEK, Status.AANVRAAG_ONTVANGEN):  # a decision answers an aanvraag
        behandeling.change_status(status, staff["consulent"])
    client.force_login(staff["consulent"])
    received = timezone.localdate(two_meldingen["centrum"].created_at)
    day = timezone.localdate() + timedelta(days=7)
    in_a_week = f"{day.day}-{day.month}-{day.year}"
    for typed, message in (
        ("1-1-2020", f"De hulp kan niet starten voor de dag van de melding ({datum(received)})."),
        ("31-2-2026", "Deze datum bestaat niet. Kijk of de dag en de maand kloppen."),
        ("31/2/2026", "Deze datum bestaat niet. Kijk of de dag en de maand kloppen."),
        # "Vul een bestaande datum in" for "10 december", a day that exists: only how it is written is wrong
        # with the day its hint gives as the example: "zo: 3-2-2026" under "Bijvoorbeeld 14-12-2026" made two
        ("31 februari", f"Schrijf de datum met cijfers, zo: {in_a_week}."),
        ("10 december", f"Schrijf de datum met cijfers, zo: {in_a_week}."),
        ("1.1.2020", f"De hulp kan niet starten voor de dag van de melding ({datum(received)})."),
    ):
        response = client.post(
            f"/admin/backoffice/meldingen/{behandeling.pk}/status/",
            {"status": Status.AFGEHANDELD, "uitkomst": Uitkomst.TOEGEKEND, "start_ondersteuning": typed},
        )
        assert response.status_code == 400 and message in response.content.decode(), typed
    behandeling.refresh_from_db()
    assert behandeling.status == Status.AANVRAAG_ONTVANGEN and not Nazorg.objects.exists()


def test_a_start_of_the_help_without_support_is_refused(two_meldingen, staff, client):
    """ "Krijgt geen ondersteuning" with "Start van de hulp 10-12-2026" was saved without a word: a wrong
    click on the uitkomst went unnoticed."""
    behandeling = two_meldingen["centrum"].behandeling
    for status in (*ONDERZOEK, Status.AANVRAAG_ONTVANGEN):  # a decision answers an aanvraag
        behandeling.change_status(status, staff["consulent"])
    client.force_login(staff["consulent"])
    start = timezone.localdate() + timedelta(days=7)
    typed = f"{start.day}-{start.month}-{start.year}"
    response = client.post(
        f"/admin/backoffice/meldingen/{behandeling.pk}/status/",
        {"status": Status.AFGEHANDELD, "uitkomst": Uitkomst.NIET_TOEGEKEND, "start_ondersteuning": typed},
    )
    assert response.status_code == 400
    assert "Er start geen hulp bij deze uitkomst." in response.content.decode()
    assert f'value="{typed}"' in response.content.decode()
    behandeling.refresh_from_db()
    assert behandeling.status == Status.AANVRAAG_ONTVANGEN


def test_a_signal_without_the_clients_phone_says_whom_to_ask(staff, senders, teams, client):
    client.force_login(senders["professional"])
    sent = client.post("/admin/backoffice/signalen/nieuw/", {**SIGNAAL, "telefoon": ""}, follow=True)
    said = sent.content.decode()  # not "Het wijkteam belt de cliënt": the team has no number to call
    signaal = Signaal.objects.get()
    deadline = date_format(signaal.contact_deadline, "j F Y")
    assert f"Het wijkteam vraagt u uiterlijk {deadline} hoe het de cliënt kan bereiken." in said
    assert "belt de cliënt" not in said
    client.force_login(staff["consulent_haven"])
    page = client.get(f"/admin/backoffice/signalen/{signaal.pk}/").content.decode()
    # A walk: the sender's own number was nowhere but in the free text; the form asks it now.
    assert "Niet gegeven. Vraag het nummer aan wie het signaal stuurde: 0302345678." in page
    assert '<a href="tel:0302345678">0302345678</a>' in page
    assert '<a href="mailto:huisarts@lindewaard.example">huisarts@lindewaard.example</a>' in page
    heading = BeautifulSoup(page, "html.parser").find(id="signaal-heading").get_text()
    assert heading.count("Signaal") == 1  # "Signaal van een aanbieder of professional Signaal"


def test_a_professional_finds_their_organisation_and_number_filled_in_from_the_last_signal(
    staff, senders, teams, client
):
    """A walk: "Uw organisatie of praktijk" stood empty on every new signal; a later one: the assistant typed
    her own number again on every one."""
    client.force_login(senders["professional"])
    new = "/admin/backoffice/signalen/nieuw/"
    number = f'value="{SIGNAAL["afzender_telefoon"]}"'
    page = client.get(new).content.decode()
    assert 'value="Huisartsenpraktijk De Haven"' not in page and number not in page
    client.post(new, SIGNAAL)
    page = client.get(new).content.decode()
    assert 'value="Huisartsenpraktijk De Haven"' in page and number in page
    client.force_login(senders["aanbieder"])  # the kaart knows a provider's organisation: nothing to ask
    assert 'name="organisatie"' not in client.get(new).content.decode()


def test_a_professionals_melding_for_a_client_starts_with_what_their_signals_knew(
    staff, senders, teams, client
):
    """A walk: the professional's home offered no melding, and its "Uw gegevens als melder" asked the name,
    practice and number her signals knew."""
    from tests.meldingen.conftest import step_data

    client.force_login(senders["professional"])
    home = client.get("/admin/").content.decode()
    assert 'href="/melding/">Melding doen voor een cliënt</a>' in home
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    client.get("/melding/")
    client.post("/melding/voor-wie/", step_data("voor-wie", {"voor_wie": "professional"}))
    page = client.get("/melding/melder/").content.decode()
    for value in ("Huisartsenpraktijk De Haven", SIGNAAL["afzender_telefoon"], senders["professional"].email):
        assert f'value="{value}"' in page, value
    name_field = re.search(r'<input[^>]*name="melder-naam"[^>]*>', page).group()
    assert "value=" not in name_field  # a login is no name ("huisarts")
    senders["professional"].first_name, senders["professional"].last_name = "Eva", "Bakker"
    senders["professional"].save()
    client.get("/melding/?reset=1")
    client.post("/melding/voor-wie/", step_data("voor-wie", {"voor_wie": "professional"}))
    assert 'value="Eva Bakker"' in client.get("/melding/melder/").content.decode()
    client.logout()  # a resident on the same computer, logged out: nothing of the professional's
    client.get("/melding/?reset=1")
    client.post("/melding/voor-wie/", step_data("voor-wie", {"voor_wie": "professional"}))
    assert "Huisartsenpraktijk De Haven" not in client.get("/melding/melder/").content.decode()


def test_a_signal_asks_the_senders_own_phone_number(staff, senders, teams, client):
    """The wijkteam calls back about a signal; a walk's sender could give her number only in the free text."""
    client.force_login(senders["professional"])
    missing = client.post("/admin/backoffice/signalen/nieuw/", {**SIGNAAL, "afzender_telefoon": ""})
    assert "Vul uw telefoonnummer in. Dan kan het wijkteam u bellen." in missing.content.decode()
    assert not Signaal.objects.exists()


def test_a_consulent_takes_a_signal_so_no_colleague_calls_the_client_as_well(staff, senders, teams, client):
    """A walk: a signal had no "Neem in behandeling" and no consulent, so two colleagues could call the same
    client."""
    client.force_login(senders["aanbieder"])
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    signaal = Signaal.objects.get()
    url = f"/admin/backoffice/signalen/{signaal.pk}/"
    client.force_login(staff["consulent_haven"])
    page = " ".join(client.get(url).content.decode().split())
    assert "<dt>Behandeld door</dt><dd>Nog niemand</dd>" in page and ">Neem in behandeling</button>" in page
    assert "Nieuw<br>Nog niemand</td>" in " ".join(client.get("/admin/backoffice/").content.decode().split())
    assert "U behandelt dit signaal nu." in client.post(f"{url}in-behandeling/", follow=True).content.decode()
    assert "U behandelt dit signaal al." in client.post(f"{url}in-behandeling/", follow=True).content.decode()
    signaal.refresh_from_db()
    assert signaal.consulent == staff["consulent_haven"]
    page = " ".join(client.get(url).content.decode().split())
    assert "<dt>Behandeld door</dt><dd>consulent-haven</dd>" in page and "Neem in behandeling" not in page
    assert "In behandeling genomen" in page  # in its history, with who
    inbox = " ".join(client.get("/admin/backoffice/").content.decode().split())
    assert "Nieuw<br>consulent-haven</td>" in inbox
    colleague = make_user("consulent-haven-2", "Consulent")
    teams["haven"].members.add(colleague)
    client.force_login(colleague)
    assert ">Neem dit signaal over</button>" in client.get(url).content.decode()
    # A review: two clicks at once; the first takes it, the second is told who has it.
    stale = Signaal.objects.get(pk=signaal.pk)
    Signaal.objects.filter(pk=signaal.pk).update(consulent=staff["consulent"])  # meanwhile
    assert not signalen.take(stale, colleague) and stale.consulent == staff["consulent"]
    Signaal.objects.filter(pk=signaal.pk).update(consulent=staff["consulent_haven"])
    # The teamleider closes it; he is not who calls the client, and nobody takes a finished signal.
    client.force_login(staff["teamleider"])
    assert "Neem dit signaal over" not in client.get(url).content.decode()
    client.post(f"{url}status/", {"status": "afgerond"})
    signaal.refresh_from_db()
    assert signaal.consulent == staff["consulent_haven"]
    client.force_login(colleague)
    refused = client.post(f"{url}in-behandeling/", follow=True).content.decode()
    assert "U kunt dit signaal niet zelf in behandeling nemen." in refused


def test_the_consulent_who_changes_the_status_of_a_signal_nobody_has_has_it(staff, senders, teams, client):
    client.force_login(senders["aanbieder"])
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    signaal = Signaal.objects.get()
    url = f"/admin/backoffice/signalen/{signaal.pk}/status/"
    client.force_login(staff["teamleider"])  # not a consulent: he does not call the client
    client.post(url, {"status": "contact_opgenomen"})
    signaal.refresh_from_db()
    assert signaal.consulent is None
    client.force_login(staff["consulent_haven"])
    client.post(url, {"status": "afgerond"})
    signaal.refresh_from_db()
    assert signaal.consulent == staff["consulent_haven"]


def test_a_name_of_a_signal_and_of_a_closed_melding_shows_both(staff, senders, teams, client):
    """A review: a signal often leads to a melding; the signal found hid the closed melding found too."""
    from .fixtures import store

    client.force_login(senders["aanbieder"])
    client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    closed = store(name="Carla Smit", postcode="3913 AC")
    closed.behandeling.change_status(Status.INGETROKKEN, toelichting="Verhuisd")
    client.force_login(staff["consulent_haven"])
    page = " ".join(_inbox_search(client, "Smit").split())
    assert "Wat u zocht, staat hierboven bij de signalen." in page
    assert "Er is 1 afgesloten melding die past." in page


def test_signals_contacted_before_the_moment_was_kept_take_it_from_their_history(
    staff, senders, teams, client
):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("meldingen.backoffice.migrations.0047_signaal_contacted_at")
    client.force_login(senders["aanbieder"])
    for _ in range(4):
        client.post("/admin/backoffice/signalen/nieuw/", SIGNAAL)
    called, finished, taken_back, waiting = Signaal.objects.order_by("pk")
    client.force_login(staff["consulent_haven"])
    for signaal, steps in (
        (called, ["contact_opgenomen"]),
        (finished, ["contact_opgenomen", "afgerond"]),
        (taken_back, ["contact_opgenomen", "nieuw", "afgerond"]),  # recorded by mistake, then finished
    ):
        for status in steps:
            client.post(f"/admin/backoffice/signalen/{signaal.pk}/status/", {"status": status})
    kept = {signaal.reference: signaal.contacted_at for signaal in Signaal.objects.all()}
    assert kept[called.reference] and kept[finished.reference] and not kept[taken_back.reference]
    Signaal.objects.update(contacted_at=None)  # as the rows were before the field
    migration.contacted_from_history(apps, None)
    found = {signaal.reference: signaal.contacted_at for signaal in Signaal.objects.all()}
    assert found[waiting.reference] is None and found[taken_back.reference] is None
    for signaal in (called, finished):  # the history's moment, written just after the status's
        assert timedelta(0) <= found[signaal.reference] - kept[signaal.reference] < timedelta(seconds=1)


# --- logged in on the public site ---------------------------------------------------------------------


def _signed_in_bar(client, path="/sociale-kaart/"):
    page = BeautifulSoup(client.get(path).content, "html.parser")
    return page.find("nav", attrs={"aria-label": "Uw account"})


def test_logged_in_on_the_public_site_a_professional_finds_the_signal_form_and_the_way_out(
    staff, senders, client
):
    """A walk's huisarts, logged in on the practice's computer, saw the residents' site unchanged: no way to
    the signal form, and none to log out."""
    assert _signed_in_bar(client) is None
    client.cookies["sessionid"] = "no-such-session"  # a resident busy with a melding has a session, no login
    assert _signed_in_bar(client) is None
    senders["professional"].first_name, senders["professional"].last_name = "Sanne", "Bakker"
    senders["professional"].save()
    client.force_login(senders["professional"])
    bar = _signed_in_bar(client)
    assert "Ingelogd als Sanne Bakker" in bar.get_text(" ", strip=True)
    links = {link.get_text(strip=True): link["href"] for link in bar.find_all("a")}
    assert links["Signaal sturen"] == "/admin/backoffice/signalen/nieuw/"
    assert links["Mijn signalen"] == "/admin/backoffice/signalen/verstuurd/"
    logout = bar.find("form")
    assert logout.find("button").get_text(strip=True) == "Uitloggen"
    data = {field["name"]: field.get("value", "") for field in logout.find_all("input")}
    out = client.post(logout["action"], data)
    assert out.status_code == 302 and out["Location"] == "/"
    assert _signed_in_bar(client) is None
    # A consulent sends no signals: the way to the backoffice.
    client.force_login(staff["consulent"])
    links = {link.get_text(strip=True): link["href"] for link in _signed_in_bar(client).find_all("a")}
    assert links == {"Naar de beheeromgeving": "/admin/"}
    # Without the admin, whose logout the bar uses (it lets in no one else): no bar (a review).
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_user("zonder-rol", password="x"))
    assert _signed_in_bar(client) is None


def test_an_editors_preview_shows_no_bar_as_visitors_see_none(staff, rf):
    """An editor's walk: the preview of a page showed "Ingelogd als Redacteur", which no visitor sees."""
    from django.conf import settings

    from meldingen.backoffice.templatetags.signed_in import signed_in_bar

    request = rf.get("/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "a-session"
    request.user = staff["consulent"]
    assert "Uitloggen" in signed_in_bar({"request": request})
    request.is_preview = True
    assert signed_in_bar({"request": request}) == ""
