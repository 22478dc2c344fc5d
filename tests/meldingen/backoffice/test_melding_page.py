"""A melding's page: decrypted data (and that opening logged), status changes, notes and the timeline."""

import re
from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.templatetags.core_tags import datum, datumtijd
from core.workdays import is_working_day
from meldingen.backoffice.models import AuditEntry, Behandeling, Notitie, Verslag
from meldingen.backoffice.workflow import Status, Uitkomst
from meldingen.storage import store_melding

from .fixtures import answers, store

# Onderzoek afgerond, with the resident's report (test_the_onderzoek_is_finished_with_the_residents_report).
FINISHED = {"status": Status.ONDERZOEK_AFGEROND, "verslag_verstuurd": "on"}


ONDERZOEK = (Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND, Status.ONDERZOEK_AFGEROND)


@pytest.fixture
def page_url(two_meldingen):
    return reverse("backoffice:melding", args=[two_meldingen["centrum"].behandeling.pk])


def test_opening_shows_the_decrypted_answers_and_logs_it(staff, client, page_url, two_meldingen):
    client.force_login(staff["consulent"])
    html = client.get(page_url).content.decode()
    assert "Anna de Vries" in html and "stofzuigen" in html
    entry = AuditEntry.objects.get(action="viewed")
    assert entry.user == staff["consulent"] and entry.reference == two_meldingen["centrum"].reference


def test_the_status_toelichting_has_room_for_a_reason(staff, client, page_url):
    """A walk: the consulent wrote why the onderzoek was finished early in a one-line box."""
    client.force_login(staff["consulent"])
    html = client.get(page_url).content.decode()
    assert re.search(r'<textarea name="toelichting" cols="40" rows="3"', html)


def test_a_consulent_reads_whom_to_ask_when_the_melding_is_another_wijks(staff, client, page_url):
    """A walk: a consulent found the melding belonged to another wijk and had no way on the page to say so."""
    ask = "Hoort de melding bij een ander wijkteam? Vraag dan uw teamleider om haar door te geven."
    client.force_login(staff["consulent"])
    assert ask in client.get(page_url).content.decode()
    client.force_login(staff["teamleider"])  # assigns it herself, below
    assert ask not in client.get(page_url).content.decode()


def test_the_terms_name_the_length_each_melding_got(staff, client, settings, teams):
    """A walk: "(6 weken)" was written into the page while the dashboard read the setting, the contact
    term of a melding without spoed named no length, and a label ended in "(...) (niet verplicht)". A
    review: read from today's setting, a term given before a change of it named the new length beside the
    old date."""
    from .fixtures import store

    settings.MELDINGEN_ONDERZOEK_WEEKS, settings.MELDINGEN_CONTACT_WORKING_DAYS = 8, 4
    behandeling = store(name="Anna de Vries", postcode="3911 AB").behandeling
    settings.MELDINGEN_ONDERZOEK_WEEKS, settings.MELDINGEN_CONTACT_WORKING_DAYS = 6, 5
    for status in (*ONDERZOEK, Status.AANVRAAG_ONTVANGEN):  # a decision answers an aanvraag
        behandeling.change_status(status, staff["consulent"])
    client.force_login(staff["consulent"])
    html = " ".join(client.get(reverse("backoffice:melding", args=[behandeling.pk])).content.decode().split())
    assert "(8 weken)" in html and "(4 werkdagen)" in html and "(6 weken)" not in html
    assert "Start van de hulp (als de inwoner ondersteuning krijgt)" in html
    assert "Start van de hulp (als de inwoner ondersteuning krijgt) (niet verplicht)" not in html


def test_a_melding_by_someone_else_reminds_the_consulent_to_ask_the_residents_consent(
    staff, client, page_url
):
    """A review: the writer for someone else reads that the gemeente asks the person in the gesprek; nothing
    told the consulent, who holds it."""
    from .fixtures import store

    client.force_login(staff["consulent"])
    asked = "Vraag in het gesprek de inwoner zelf om toestemming voor de gegevens over de gezondheid."
    assert asked not in " ".join(client.get(page_url).content.decode().split())  # the resident's own
    by_son = store(mantelzorger="Ahmed")
    html = client.get(reverse("backoffice:melding", args=[by_son.behandeling.pk])).content.decode()
    assert asked in " ".join(html.split())


def test_the_melding_and_its_status_come_before_the_help_of_the_kaart(staff, client, page_url):
    """Ten rows of the kaart's help with twenty buttons stood above the melding: on a phone its name and
    phone number came 2,000 px down."""
    client.force_login(staff["consulent"])
    html = client.get(page_url).content.decode()
    order = [
        html.index(f'id="{heading}"')
        for heading in ("case-heading", "data-heading", "status-heading", "note-heading", "kaart-heading")
    ]
    assert order == sorted(order)


def test_the_tolk_asked_for_stands_beside_whom_to_call(staff, client, teams):
    """A walk: a resident who reads Dutch slowly asked for a tolk; the consulent must know before the first
    call, not find it in the answers far down the page."""
    client.force_login(staff["consulent"])
    data = {**answers(), "gesprek": {"plek": "thuis", "tolk": "Turks"}}
    melding, _created = store_melding(data)
    html = client.get(reverse("backoffice:melding", args=[melding.behandeling.pk])).content.decode()
    assert "<dt>Tolk nodig</dt><dd>Turks</dd>" in html
    plain, _created = store_melding(answers(name="Bep Smit"))
    html = client.get(reverse("backoffice:melding", args=[plain.behandeling.pk])).content.decode()
    assert "Tolk nodig" not in html and "<dt>Cliëntondersteuner</dt>" not in html


def test_a_clientondersteuner_asked_for_stands_with_what_to_do(staff, client, teams):
    """A walk: the confirmation promises the resident "Wij brengen u met een cliëntondersteuner in contact";
    the consulent found the wish only among the answers, far down the page."""
    client.force_login(staff["consulent"])
    data = {**answers(), "gesprek": {"plek": "thuis", "wie_erbij": ["clientondersteuner"]}}
    melding, _created = store_melding(data)
    url = reverse("backoffice:melding", args=[melding.behandeling.pk])
    html = " ".join(client.get(url).content.decode().split())
    said = "Gevraagd voor het gesprek. Breng de inwoner met een cliëntondersteuner in contact."
    assert f"<dt>Cliëntondersteuner</dt><dd>{said}" in html and ">In contact gebracht</button>" in html
    # A second walk: whether it was done stayed unknown; it is recorded once, with who did it.
    done = "Vastgelegd: de inwoner is in contact met een cliëntondersteuner."
    arranged = recorded_once(client, url + "clientondersteuner/", done, "SUPPORT_ARRANGED").get()
    html = " ".join(client.get(url).content.decode().split())
    said = f"In contact gebracht, vastgelegd op {datum(arranged.at)} door consulent-centrum."
    assert said in html and ">In contact gebracht</button>" not in html
    assert "In contact gebracht met een cliëntondersteuner" in html[html.index('id="timeline-heading"') :]


def test_status_change_through_the_page(staff, client, page_url, two_meldingen):
    client.force_login(staff["consulent"])
    response = client.post(
        page_url + "status/", {"status": Status.CONTACT_OPGENOMEN, "toelichting": "Gebeld"}
    )
    assert response.status_code == 302
    html = client.get(page_url).content.decode()
    assert "Status: Contact opgenomen" in html and "Gebeld" in html


def test_a_forbidden_status_change_gives_a_clear_error(staff, client, page_url, two_meldingen):
    client.force_login(staff["consulent"])
    response = client.post(page_url + "status/", {"status": Status.AFGEHANDELD})
    assert response.status_code == 400
    html = response.content.decode()
    assert "<title>Fout: " in html and "Kies een status uit de lijst" in html
    assert 'href="#id_status"' in html
    two_meldingen["centrum"].behandeling.refresh_from_db()
    assert two_meldingen["centrum"].behandeling.status == Status.ONTVANGEN


def test_notes_are_encrypted_and_shown_in_the_timeline(staff, client, page_url):
    client.force_login(staff["consulent"])
    client.post(page_url + "notitie/", {"text": "Dochter belt terug over de trap."})
    note = Notitie.objects.get()
    assert "trap" not in note.encrypted_text and note.text == "Dochter belt terug over de trap."
    html = client.get(page_url).content.decode()
    assert "Dochter belt terug over de trap." in html and "Melding ontvangen" in html


def test_an_empty_note_keeps_the_page_with_an_error(staff, client, page_url):
    client.force_login(staff["consulent"])
    response = client.post(page_url + "notitie/", {"text": ""})
    assert response.status_code == 400 and "Schrijf eerst een notitie." in response.content.decode()


def test_a_text_past_its_length_is_refused_and_kept_never_cut_off(staff, client, page_url):
    """A walk: a verslag of 6,215 characters pasted into a note was kept up to 5,000 ("Zij kan de trap n"),
    cut off by the browser without a word; the status's toelichting the same at 500."""
    client.force_login(staff["consulent"])
    page = client.get(page_url).content.decode()
    assert "maxlength" not in page and 'data-max-length="5000"' in page and 'data-max-length="500"' in page
    verslag = "Zij kan de trap niet meer op. " * 200  # 6,000 characters, 5,999 once the last space goes
    response = client.post(page_url + "notitie/", {"text": verslag})
    html = response.content.decode()
    assert response.status_code == 400 and "Dit is 999 tekens te lang. Maak de tekst wat korter." in html
    assert verslag.strip() in html and not Notitie.objects.exists()


def test_every_part_of_the_melding_page_stands_in_the_backoffice_frame(staff, client, page_url):
    """A walk: one </div> too many put the kaart's help, the deliveries and the history outside the page's
    frame; on a wide screen they ran 280 px wider than the parts above them."""
    from bs4 import BeautifulSoup

    client.force_login(staff["consulent"])
    page = BeautifulSoup(client.get(page_url).content.decode(), "html.parser")
    headings = [heading["id"] for heading in page.select("main h2[id]")]
    assert "kaart-heading" in headings and "timeline-heading" in headings
    assert headings == [heading["id"] for heading in page.select("#backoffice-content h2[id]")]


def test_a_closed_melding_offers_no_status_change(staff, client, page_url, two_meldingen):
    two_meldingen["centrum"].behandeling.change_status(Status.INGETROKKEN, staff["teamleider"])
    client.force_login(staff["teamleider"])
    assert "De status kan niet meer veranderen" in client.get(page_url).content.decode()


def test_unknown_melding_is_404(staff, client):
    client.force_login(staff["teamleider"])
    assert client.get(reverse("backoffice:melding", args=[999999])).status_code == 404


def test_a_melding_moved_to_another_team_says_so_and_keeps_the_note_typed(
    staff, client, page_url, two_meldingen
):
    """A walk: the teamleider gave the melding to another team while the consulent typed a note; "Notitie
    opslaan" led to Wagtail's "Error 404" and the note was gone."""
    client.force_login(staff["consulent"])
    behandeling = two_meldingen["centrum"].behandeling
    Behandeling.objects.filter(pk=behandeling.pk).update(team=two_meldingen["haven"].behandeling.team)
    response = client.post(page_url + "notitie/", {"text": "Dochter belt maandag terug."})
    html = response.content.decode()
    assert response.status_code == 404 and "Misschien hoort ze nu bij een ander wijkteam." in html
    assert "Dochter belt maandag terug.</textarea>" in html and not Notitie.objects.exists()
    assert "Bert Jansen" not in html and "Anna de Vries" not in html


def test_after_retention_the_backoffice_forgets_name_and_notes(
    staff, client, page_url, two_meldingen, settings
):
    from datetime import timedelta

    from django.utils import timezone

    from meldingen.backoffice.retention import forget_removed_personal_data
    from meldingen.retention import remove_expired_personal_data

    behandeling = two_meldingen["centrum"].behandeling
    Notitie.add(behandeling, staff["consulent"], "Heeft last van de trap.")
    behandeling.change_status(Status.INGETROKKEN, staff["teamleider"])
    remove_expired_personal_data(now=timezone.now() + timedelta(days=settings.MELDINGEN_RETENTION_DAYS + 1))
    forget_removed_personal_data()
    behandeling.refresh_from_db()
    assert behandeling.name_index == ""
    client.force_login(staff["teamleider"])
    html = client.get(page_url).content.decode()
    assert "Anna" not in html
    assert "last van de trap" not in html
    assert "bewaartermijn voorbij" in html


def test_the_delivery_sweep_leaves_retention_to_its_own_task(staff, two_meldingen, settings):
    from datetime import timedelta

    from django.utils import timezone

    from meldingen.backoffice.tasks import forget_removed_personal_data_task
    from meldingen.delivery.tasks import sweep
    from meldingen.retention import remove_expired_personal_data

    behandeling = two_meldingen["centrum"].behandeling
    behandeling.change_status(Status.INGETROKKEN, staff["teamleider"])
    remove_expired_personal_data(now=timezone.now() + timedelta(days=settings.MELDINGEN_RETENTION_DAYS + 1))
    sweep()
    behandeling.refresh_from_db()
    assert behandeling.name_index != ""  # the sweep only sweeps
    forget_removed_personal_data_task.enqueue()  # the test backend runs it at once
    behandeling.refresh_from_db()
    assert behandeling.name_index == ""


def test_the_toelichting_needed_only_sometimes_is_not_called_niet_verplicht(staff, client, page_url):
    """A walk: "Toelichting (niet verplicht)", and then an error asking for it (withdrawn, or the onderzoek
    finished before the planned gesprek). Its hint says when it is needed."""
    client.force_login(staff["consulent"])
    html = client.get(page_url).content.decode()
    label = html.split('for="id_toelichting"', 1)[1].split("</label>", 1)[0]
    assert "niet verplicht" not in label
    hint = html.split('id="id_toelichting_helptext"', 1)[1][:300]
    assert "Alleen nodig als u &#39;Ingetrokken&#39; kiest" in hint


def test_the_toelichting_comes_after_the_fields_of_the_status_chosen(staff, client, two_meldingen):
    """A walk: "Afgehandeld" asked "Toelichting" before "Uitkomst", the one thing it is about."""
    behandeling = two_meldingen["centrum"].behandeling
    for status in (*ONDERZOEK, Status.AANVRAAG_ONTVANGEN):
        behandeling.change_status(status, staff["consulent"])
    client.force_login(staff["consulent"])
    html = client.get(reverse("backoffice:melding", args=[behandeling.pk])).content.decode()
    fields = ("id_status", "id_uitkomst", "id_start_ondersteuning", "id_afgehandeld_datum", "id_toelichting")
    places = [html.index(f'id="{field}"') for field in fields]
    assert places == sorted(places)
    # The error summary in the page's order (a walk read "Datum van het afhandelen" above the uitkomst).
    wrong = {"status": Status.AFGEHANDELD, "start_ondersteuning": "x", "afgehandeld_datum": "gisteren"}
    url = reverse("backoffice:change_status", args=[behandeling.pk])
    page = client.post(url, {**wrong, "toelichting": "x" * 501}).content.decode()
    summary = page.split("data-error-summary", 1)[1].split("</ul>", 1)[0]
    linked = re.findall(r'href="#(id_[a-z_]+)"', summary)
    assert linked == list(fields[1:]), linked


@pytest.mark.parametrize(("after", "verdict"), [(0, "op tijd"), (3, "<strong>3 werkdagen te laat</strong>")])
def test_the_page_says_whether_the_first_contact_came_in_time(staff, client, after, verdict):
    from datetime import datetime, time, timedelta

    from django.utils import timezone

    from core.templatetags.core_tags import datum
    from meldingen.workdays import add_working_days
    from tests.meldingen.backoffice.fixtures import store

    melding = store(created_at=timezone.now() - timedelta(days=30))
    behandeling = melding.behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    contacted = add_working_days(behandeling.contact_deadline, after)
    behandeling.contacted_at = timezone.make_aware(datetime.combine(contacted, time(11)))
    behandeling.save()
    client.force_login(staff["consulent"])
    page = client.get(reverse("backoffice:melding", args=[behandeling.pk])).content.decode()
    assert f"Contact op {datum(contacted)}: {verdict}" in page


def test_a_first_contact_on_the_day_off_after_its_term_is_late_on_the_page_and_in_the_figures(staff, client):
    """A review: a contact on the Saturday after a Friday term read "op tijd" on the page (no working day
    between), while Cijfers counted it late."""
    from datetime import datetime, time, timedelta

    from django.utils import timezone

    from meldingen.workdays import is_working_day
    from tests.meldingen.backoffice.fixtures import store

    behandeling = store(created_at=timezone.now() - timedelta(days=30)).behandeling
    term = timezone.localdate() - timedelta(days=10)
    while term.weekday() != 4 or not is_working_day(term):  # a working Friday
        term -= timedelta(days=1)
    type(behandeling).objects.filter(pk=behandeling.pk).update(contact_deadline=term)
    behandeling.refresh_from_db()
    saturday = timezone.make_aware(datetime.combine(term + timedelta(days=1), time(11)))
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"], at=saturday)
    behandeling.refresh_from_db()
    assert (behandeling.contact_days_late, behandeling.contact_op_tijd) == (1, False)
    client.force_login(staff["consulent"])
    page = client.get(reverse("backoffice:melding", args=[behandeling.pk])).content.decode()
    assert "<strong>1 werkdag te laat</strong>" in page


def test_the_timeline_gives_the_outcome_with_afgehandeld(staff, client, page_url, two_meldingen):
    from meldingen.backoffice.workflow import Uitkomst

    behandeling = two_meldingen["centrum"].behandeling
    for status in (Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND, Status.ONDERZOEK_AFGEROND):
        behandeling.change_status(status, staff["consulent"])
    behandeling.change_status(Status.AFGEHANDELD, staff["consulent"], uitkomst=Uitkomst.VOORLIGGEND)
    client.force_login(staff["consulent"])
    html = client.get(page_url).content.decode()
    assert "Status: Afgehandeld. Uitkomst: Opgelost met een voorliggende voorziening" in html
    assert "Status: Onderzoek afgerond<" in html  # the other changes as they were


def test_a_wrong_uitkomst_is_corrected_with_a_reason_and_the_nazorg_follows(
    staff, client, page_url, two_meldingen, django_capture_on_commit_callbacks
):
    """A consulent who chose "Krijgt ondersteuning" by mistake could not correct it after afgehandeld: the
    figures kept it and the nazorg call stayed planned."""
    from meldingen.backoffice.models import Nazorg
    from meldingen.backoffice.workflow import Uitkomst

    behandeling = two_meldingen["centrum"].behandeling
    for status in (*ONDERZOEK, Status.AANVRAAG_ONTVANGEN):  # a decision answers an aanvraag
        behandeling.change_status(status, staff["consulent"])
    behandeling.change_status(Status.AFGEHANDELD, staff["consulent"], uitkomst=Uitkomst.TOEGEKEND)
    closed_at = behandeling.closed_at
    assert Nazorg.objects.filter(behandeling=behandeling).exists()
    client.force_login(staff["consulent"])
    page = client.get(page_url).content.decode()
    assert "Uitkomst corrigeren" in page and "Waarom verandert de uitkomst?" in page
    assert "Alleen nodig als" not in page  # the one step left asks for a reason, not "niet verplicht"

    def correct(**fields):
        return client.post(page_url + "status/", {"status": Status.AFGEHANDELD, **fields})

    refused = correct(uitkomst=Uitkomst.TOEGEKEND).content.decode()
    assert "Dit is al de uitkomst." in refused and "Schrijf waarom de uitkomst verandert." in refused
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = correct(uitkomst=Uitkomst.NIET_TOEGEKEND, toelichting="Verkeerde keuze in de lijst")
    assert response.status_code == 302 and not mail.outbox  # the resident is not told the uitkomst
    behandeling.refresh_from_db()
    assert (behandeling.status, behandeling.uitkomst) == (Status.AFGEHANDELD, Uitkomst.NIET_TOEGEKEND)
    assert behandeling.closed_at == closed_at  # the lead time stays as it was
    assert not Nazorg.objects.filter(behandeling=behandeling).exists()
    html = client.get(page_url).content.decode()
    assert "De uitkomst is nu: Krijgt geen ondersteuning." in html
    assert "Status: Afgehandeld. Uitkomst: Krijgt ondersteuning<" in html  # as it was given then
    # the nazorg block went from the page: the timeline says why
    said = "Uitkomst gecorrigeerd: Krijgt geen ondersteuning. Het nazorggesprek vervalt.<"
    assert said in html and "Verkeerde keuze" in html
    changes = AuditEntry.objects.filter(reference=behandeling.melding.reference, action="status_changed")
    audit = changes.latest("pk")
    assert audit.detail == "Uitkomst gecorrigeerd: Krijgt ondersteuning → Krijgt geen ondersteuning"

    start = timezone.localdate() + timedelta(days=14)
    correct(uitkomst=Uitkomst.TOEGEKEND, toelichting="Toch wel", start_ondersteuning=f"{start:%d-%m-%Y}")
    assert Nazorg.objects.get(behandeling=behandeling).start_ondersteuning == start
    html = client.get(page_url).content.decode()
    assert "Uitkomst gecorrigeerd: Krijgt ondersteuning. Het nazorggesprek is gepland.<" in html


def test_a_contact_written_down_later_counts_on_the_day_it_was_made(staff, client):
    """A walk: Friday's calls written down on Monday read "5 werkdagen te laat"; there was no day to give."""
    from core.templatetags.core_tags import datum
    from tests.meldingen.backoffice.fixtures import store

    melding = store(created_at=timezone.now() - timedelta(days=30))
    behandeling = melding.behandeling
    client.force_login(staff["consulent"])
    url = reverse("backoffice:melding", args=[behandeling.pk])
    example = f"{timezone.localdate() - timedelta(days=3):%-d-%-m-%Y}"  # a day past, as the field writes it
    assert f"Belde u eerder? Vul dan die dag in, bijvoorbeeld {example}." in client.get(url).content.decode()
    called = behandeling.contact_deadline
    tomorrow = timezone.localdate() + timedelta(days=1)
    refusals = [
        (tomorrow, "Deze dag moet nog komen."),
        (timezone.localdate(melding.created_at) - timedelta(days=1), "Het contact kan niet voor de dag van"),
    ]
    _each_refused(client, url, "contact_opgenomen", "contact_datum", refusals)
    contact = {"status": "contact_opgenomen", "contact_datum": f"{called:%d-%m-%Y}"}
    assert client.post(url + "status/", contact).status_code == 302
    behandeling.refresh_from_db()
    assert timezone.localdate(behandeling.contacted_at) == called
    page = client.get(url).content.decode()
    assert f"Contact op {datum(called)}: op tijd" in page
    # In the timeline the day, and when it was written down: "12:00" was a time nobody gave.
    line = page.split("<strong>Status: Contact opgenomen</strong> · ", 1)[1].split("</p>", 1)[0]
    assert line.startswith(f'<time datetime="{called:%Y-%m-%d}">{datum(called)}</time> (vastgelegd op ')
    assert "12:00" not in line.split("(vastgelegd op", 1)[0]  # written down at noon, the moment says 12:00


def test_the_example_of_an_earlier_day_is_not_before_the_melding(staff, client):
    """A walk: "Belde u eerder? Vul dan die dag in, bijvoorbeeld 4-12-2026" on a melding of 5 December, a day
    the form then refuses; on a melding of today no earlier day is asked for."""
    from tests.meldingen.backoffice.fixtures import store

    client.force_login(staff["consulent"])
    yesterdays = store(created_at=timezone.now() - timedelta(days=1))
    page = client.get(reverse("backoffice:melding", args=[yesterdays.behandeling.pk])).content.decode()
    received = timezone.localdate(yesterdays.created_at)
    assert f"Belde u eerder? Vul dan die dag in, bijvoorbeeld {received:%-d-%-m-%Y}." in page
    todays = store()
    page = client.get(reverse("backoffice:melding", args=[todays.behandeling.pk])).content.decode()
    assert "Leeg is vandaag.</" in page and "Belde u eerder?" not in page


def test_an_onderzoek_written_down_later_counts_on_the_day_it_was_done(staff, client):
    """A walk: a gesprek's outcome written down a week later counted on that day, and "Onderzoek binnen 6
    weken" in the figures could read late; the contact had a day to give, the onderzoek none."""
    from tests.meldingen.backoffice.fixtures import store

    melding = store(created_at=timezone.now() - timedelta(days=30))
    behandeling = melding.behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"], at=melding.created_at)
    gesprek = timezone.now() - timedelta(days=8)
    behandeling.change_status(Status.GESPREK_GEPLAND, staff["consulent"], gesprek_op=gesprek)
    client.force_login(staff["consulent"])
    url = reverse("backoffice:melding", args=[behandeling.pk])
    assert "Was het onderzoek eerder klaar? Vul dan die dag in" in client.get(url).content.decode()
    done = timezone.localdate() - timedelta(days=7)
    refusals = [
        (timezone.localdate() + timedelta(days=1), "Deze dag moet nog komen."),
        (timezone.localdate(melding.created_at) - timedelta(days=1), "Het onderzoek kan niet klaar zijn"),
        (timezone.localdate(gesprek) - timedelta(days=1), "Het gesprek is gepland op"),  # why, before it?
    ]
    _each_refused(client, url, "onderzoek_afgerond", "afgerond_datum", refusals)
    _write_a_verslag(behandeling, staff)
    finished = {**FINISHED, "afgerond_datum": f"{done:%d-%m-%Y}"}
    assert client.post(url + "status/", finished).status_code == 302
    behandeling.refresh_from_db()
    assert timezone.localdate(behandeling.onderzoek_afgerond_at) == done


def test_a_gesprek_that_was_asks_for_its_outcome(staff, client):
    """A walk: "Gesprek 26 okt. 2026, 10:00" stood on the page a month later, without a word of what to do."""
    from tests.meldingen.backoffice.fixtures import store

    behandeling = store(created_at=timezone.now() - timedelta(days=20)).behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    planned = timezone.now() + timedelta(days=2)
    behandeling.change_status(Status.GESPREK_GEPLAND, staff["consulent"], gesprek_op=planned)
    client.force_login(staff["consulent"])
    url = reverse("backoffice:melding", args=[behandeling.pk])
    cue = "Dit gesprek is geweest. Kies bij Status wijzigen 'Onderzoek afgerond'"
    assert cue not in client.get(url).content.decode()  # still to come
    Behandeling.objects.filter(pk=behandeling.pk).update(gesprek_op=timezone.now() - timedelta(days=2))
    assert cue in client.get(url).content.decode().replace("&#x27;", "'")


def _each_refused(client, url, status, field, refusals):
    """Each (day, error): the status on that day is refused, and the page says why."""
    for day, error in refusals:
        response = client.post(url + "status/", {"status": status, field: f"{day:%d-%m-%Y}"})
        assert response.status_code == 400 and error in response.content.decode(), day


def _plan(client, page_url, **fields):
    """Plans a gesprek; these plan far ahead (in 2099, after the onderzoek's term), so with the reason that
    asks for (test_a_gesprek_after_the_term_asks_why)."""
    fields.setdefault("toelichting", "De inwoner wil het zo.")
    return client.post(page_url + "status/", {"status": Status.GESPREK_GEPLAND, **fields})


def test_a_planned_gesprek_has_its_date_and_time_on_the_page_and_for_the_resident(
    staff, client, page_url, two_meldingen
):
    melding = two_meldingen["centrum"]
    melding.behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    client.force_login(staff["consulent"])
    assert 'id="id_gesprek_datum"' in client.get(page_url).content.decode()
    # Typed as many write a date: with slashes (a walk's "10/12/2026" was refused as not existing).
    assert _plan(client, page_url, gesprek_datum="8/12/2099", gesprek_tijd="10.30").status_code == 302
    html = client.get(page_url).content.decode()
    assert "<dt>Gesprek</dt><dd>8 dec. 2099, 10:30</dd>" in html
    assert "Status: Gesprek gepland. Op 8 dec. 2099, 10:30" in html
    assert 'id="id_gesprek_datum"' in html and ">Gesprek verplaatsen<" in html  # it may still move
    client.logout()
    lookup = {"reference": melding.reference, "postcode": "3911 AB", "huisnummer": "1"}
    found = client.post("/melding/status/", lookup, follow=True).content.decode()
    assert "Er is een gesprek met u gepland." in found
    assert "<dt>Uw gesprek</dt><dd>Op dinsdag 8 december 2099 om 10.30 uur.</dd>" in found


def test_a_planned_gesprek_says_where_it_is_and_keeps_its_place_when_it_moves(
    staff, client, page_url, two_meldingen
):
    """A walk: planning asked only for a date and a time; the place went into the toelichting, whose hint says
    it is for something else, and stood only at the bottom of the timeline."""
    two_meldingen["centrum"].behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    client.force_login(staff["consulent"])
    assert '<option value="thuis">Bij de inwoner thuis</option>' in client.get(page_url).content.decode()
    planned = _plan(client, page_url, gesprek_datum="8-12-2099", gesprek_tijd="10:30", gesprek_plaats="thuis")
    assert planned.status_code == 302
    html = client.get(page_url).content.decode()
    assert "De status is nu: Gesprek gepland, op 8 dec. 2099, 10:30, bij de inwoner thuis." in html
    assert "<dt>Gesprek</dt><dd>8 dec. 2099, 10:30, bij de inwoner thuis</dd>" in html
    assert "Status: Gesprek gepland. Op 8 dec. 2099, 10:30, bij de inwoner thuis" in html
    assert '<option value="thuis" selected>Bij de inwoner thuis</option>' in html  # a move keeps the place
    lookup = {"reference": two_meldingen["centrum"].reference, "postcode": "3911 AB", "huisnummer": "1"}
    found = client.post("/melding/status/", lookup, follow=True).content.decode()
    assert "<dt>Uw gesprek</dt><dd>Op dinsdag 8 december 2099 om 10.30 uur. Bij u thuis.</dd>" in found
    moved = _plan(client, page_url, gesprek_datum="9-12-2099", gesprek_tijd="9:00", gesprek_plaats="telefoon")
    assert moved.status_code == 302
    html = client.get(page_url).content.decode()
    assert "Het gesprek is verplaatst naar 9 dec. 2099, 09:00, aan de telefoon." in html
    assert "Gesprek verplaatst. Op 9 dec. 2099, 09:00, aan de telefoon" in html
    wrong = _plan(client, page_url, gesprek_datum="10-12-2099", gesprek_tijd="9:00", gesprek_plaats="kantine")
    assert "Kies een plaats uit de lijst." in wrong.content.decode()


def test_a_gesprek_to_plan_starts_at_the_place_the_resident_asked_for(staff, client, page_url, two_meldingen):
    melding = two_meldingen["centrum"]
    answers = melding.typed_answers.to_dict()
    melding.answers = {**answers, "gesprek": {"plek": "telefoon"}}
    melding.save()
    melding.behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    client.force_login(staff["consulent"])
    html = client.get(page_url).content.decode()
    assert '<option value="telefoon" selected>Aan de telefoon</option>' in html


def test_a_gesprek_without_a_date_time_or_before_the_melding_is_not_planned(
    staff, client, page_url, two_meldingen
):
    behandeling = two_meldingen["centrum"].behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    client.force_login(staff["consulent"])
    missing = _plan(client, page_url, toelichting="Bij mevrouw thuis")
    assert missing.status_code == 400
    html = missing.content.decode()
    assert "Vul de datum van het gesprek in." in html and "Vul de tijd van het gesprek in." in html
    assert ">\nBij mevrouw thuis</textarea>" in html  # what was typed stays
    early = _plan(client, page_url, gesprek_datum="1-1-2020", gesprek_tijd="25:00").content.decode()
    assert "Het gesprek kan niet voor de dag van de melding zijn" in early
    assert "Vul een bestaande tijd in, zoals 10:00." in early
    behandeling.refresh_from_db()
    assert behandeling.status == Status.CONTACT_OPGENOMEN and behandeling.gesprek_op is None


def test_a_gesprek_earlier_on_the_day_of_the_melding_is_not_planned(staff, client, page_url, two_meldingen):
    """A gesprek already held (on the phone) is planned with its day and hour; one at 9:00 on the day of a
    melding that came in at 14:30 cannot have been about it."""
    melding = two_meldingen["centrum"]
    melding.created_at = timezone.make_aware(datetime(2026, 3, 2, 14, 30))
    melding.save(update_fields=["created_at"])
    melding.behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    client.force_login(staff["consulent"])
    early = _plan(client, page_url, gesprek_datum="2-3-2026", gesprek_tijd="9:00")
    assert early.status_code == 400
    assert "De melding kwam binnen om 14:30. Het gesprek kan niet eerder zijn." in early.content.decode()
    assert _plan(client, page_url, gesprek_datum="2-3-2026", gesprek_tijd="15:00").status_code == 302


def test_the_onderzoek_is_not_finished_before_the_planned_gesprek_without_a_reason(
    staff, client, page_url, two_meldingen
):
    """A walk set "Onderzoek afgerond" one click after planning the gesprek for next week: the onderzoek's
    term then counted as met before the resident was ever spoken to."""
    behandeling = two_meldingen["centrum"].behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    client.force_login(staff["consulent"])
    assert _plan(client, page_url, gesprek_datum="8-12-2099", gesprek_tijd="10:30").status_code == 302
    assert "<dt>Gesprek</dt><dd>8 dec. 2099, 10:30</dd>" in _facts(client, page_url)
    early = client.post(page_url + "status/", FINISHED)
    assert early.status_code == 400
    html = early.content.decode()
    assert "Het gesprek is gepland op 8 dec. 2099, 10:30. Is het onderzoek toch al klaar?" in html
    assert 'href="#id_toelichting"' in html
    # the field's hint said it was needed for "Ingetrokken" only
    assert "het onderzoek afrondt voor het geplande gesprek" in html
    behandeling.refresh_from_db()
    assert behandeling.status == Status.GESPREK_GEPLAND
    reason = "Gesprek was eerder, op 2 december"
    response = client.post(page_url + "status/", {**FINISHED, "toelichting": reason}, follow=True)
    # A walk: nothing said to call off the visit still planned.
    said = (
        "Het gesprek op 8 dec. 2099, 10:30 staat niet meer gepland. "
        "Was het gesprek nog niet? Laat de inwoner dan weten dat het niet doorgaat."
    )
    assert said in " ".join(response.content.decode().split())
    behandeling.refresh_from_db()
    assert behandeling.status == Status.ONDERZOEK_AFGEROND
    assert behandeling.statuswijzigingen.last().toelichting == reason
    # the gesprek that will not be is no fact of the melding any more (the timeline keeps its planning)
    assert "<dt>Gesprek</dt>" not in _facts(client, page_url)


def _facts(client, page_url) -> str:
    return client.get(page_url).content.decode().split("<dl", 1)[1].split("</dl>", 1)[0]


def test_each_term_stands_once_with_the_time_left_beside_the_one_that_runs(
    staff, client, page_url, two_meldingen
):
    """ "Termijn: Eerste contact uiterlijk: 8 dec. 2026, nog 2 werkdagen" stood beside "Eerste contact
    uiterlijk: 8 dec. 2026"; after the contact the onderzoek's day stood twice the same way."""
    from core.templatetags.core_tags import datum

    behandeling = two_meldingen["centrum"].behandeling
    client.force_login(staff["consulent"])
    facts = " ".join(_facts(client, page_url).split())
    assert _term(facts, "Eerste contact uiterlijk") == datum(behandeling.contact_deadline)
    assert _term(facts, "Onderzoek af uiterlijk") == datum(behandeling.onderzoek_deadline)
    assert re.search(r"Eerste contact uiterlijk</dt><dd>[^<]*<br><span[^>]*>nog \d+ werkdag", facts)
    assert "Termijn" not in facts

    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    facts = " ".join(_facts(client, page_url).split())
    assert _term(facts, "Onderzoek af uiterlijk") == datum(behandeling.onderzoek_deadline)
    assert re.search(r"Onderzoek af uiterlijk</dt><dd>[^<]*<br><span[^>]*>nog \d+ dagen", facts)


def _term(facts, label):
    """The date under the term's label, which stands once. (The date itself may stand twice: received on a
    Monday, the contact's five working days end on the last day for the persoonlijk plan.)"""
    assert facts.count(label) == 1
    return re.search(rf"<dt>{label}</dt><dd>([^<(]*)", facts)[1].strip()


def test_the_onderzoek_term_runs_and_is_late_also_before_the_first_contact(
    staff, client, page_url, two_meldingen
):
    """A walk: "Onderzoek af uiterlijk: 9 nov. 2026 (6 weken)" on 5 December, without "te laat": only the
    contact's term said how it stood, and that one only in working days."""
    behandeling = two_meldingen["centrum"].behandeling
    client.force_login(staff["consulent"])
    facts = " ".join(_facts(client, page_url).split())
    assert re.search(r"Onderzoek af uiterlijk</dt><dd>[^<]*<br><span[^>]*>nog \d+ dagen", facts)
    behandeling.onderzoek_deadline = timezone.localdate() - timedelta(days=3)
    behandeling.save(update_fields=["onderzoek_deadline"])
    facts = " ".join(_facts(client, page_url).split())
    assert re.search(r"Onderzoek af uiterlijk</dt><dd>[^<]*<br><span[^>]*><strong>3 dagen te laat", facts)


def test_the_onderzoek_is_finished_with_the_residents_report(staff, client, page_url, two_meldingen):
    """A walk finished an onderzoek with "x" as its toelichting, and nothing asked whether the resident had
    the written report the Wmo asks for (art. 2.3.2)."""
    behandeling = _past_the_plan_term(two_meldingen["centrum"]).behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    behandeling.change_status(Status.GESPREK_GEPLAND, staff["consulent"], gesprek_op=timezone.now())
    client.force_login(staff["consulent"])
    page = client.get(page_url).content.decode()
    assert "Het verslag van het onderzoek is naar de inwoner gestuurd" in page
    refused = client.post(page_url + "status/", {"status": Status.ONDERZOEK_AFGEROND, "toelichting": "x"})
    assert refused.status_code == 400
    assert "Stuur de inwoner eerst het verslag van het onderzoek." in refused.content.decode()
    # Also in the summary at the top, where "Zet daarna hier een vinkje" pointed nowhere (a walk).
    said = " ".join(refused.context["status_form"].errors["verslag_verstuurd"])
    assert "hier" not in said and "Zet daarna een vinkje bij 'Het verslag van het onderzoek" in said
    # A walk ticked it with no verslag written, and the page said both "sent" and "Schrijf het hier".
    ticked = client.post(page_url + "status/", FINISHED)
    assert ticked.status_code == 400
    said = " ".join(ticked.context["status_form"].errors["verslag_verstuurd"])
    assert "Er staat nog geen verslag bij" in said
    elsewhere = {**FINISHED, "toelichting": "Verslag op papier meegegeven."}  # one written elsewhere
    html = client.post(page_url + "status/", elsewhere, follow=True).content.decode()
    assert "Status: Onderzoek afgerond. Verslag naar de inwoner gestuurd" in html
    assert behandeling.statuswijzigingen.last().verslag_verstuurd


def test_the_onderzoek_is_finished_after_the_gesprek_without_more_questions(
    staff, client, page_url, two_meldingen
):
    behandeling = _past_the_plan_term(two_meldingen["centrum"]).behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    behandeling.change_status(Status.GESPREK_GEPLAND, staff["consulent"], gesprek_op=timezone.now())
    _write_a_verslag(behandeling, staff)
    client.force_login(staff["consulent"])
    response = client.post(page_url + "status/", FINISHED)
    assert response.status_code == 302
    # What comes next is said: a walk's consulent found no next step after the onderzoek.
    page = " ".join(client.get(page_url).content.decode().split())
    assert "De volgende stap is aan de inwoner. Komt er een aanvraag? Kies bij Status wijzigen" in page


def _write_a_verslag(behandeling, staff):
    Verslag.add(behandeling, staff["consulent"], "Wat wij bespraken en welke hulp past.")


def _past_the_plan_term(melding):
    """The melding came in two weeks ago: the 7 days for a persoonlijk plan are over."""
    melding.created_at -= timedelta(days=14)
    melding.save(update_fields=["created_at"])
    return melding


def test_the_onderzoek_is_not_finished_while_a_persoonlijk_plan_may_still_come_without_a_reason(
    staff, client, page_url, two_meldingen
):
    """A walk finished the onderzoek on the day of the melding, while the page said "De inwoner mag het tot en
    met 14 dec. 2026 sturen": a plan sent in those 7 days belongs to the onderzoek (Wmo 2015 art. 2.3.2)."""
    from meldingen.dates import next_steps

    melding = two_meldingen["centrum"]
    behandeling = melding.behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    behandeling.change_status(Status.GESPREK_GEPLAND, staff["consulent"], gesprek_op=timezone.now())
    client.force_login(staff["consulent"])
    early = client.post(page_url + "status/", FINISHED)
    assert early.status_code == 400
    by = datum(next_steps(melding).persoonlijk_plan_by)
    html = " ".join(early.content.decode().split())
    assert (
        f"De inwoner mag tot en met {by} een persoonlijk plan sturen. Dat plan hoort bij het onderzoek."
        in html
    )
    behandeling.refresh_from_db()
    assert behandeling.status == Status.GESPREK_GEPLAND
    # Before a gesprek planned tomorrow too: each reason asked for on a line of its own (a walk read them
    # run together as one paragraph).
    behandeling.gesprek_op = timezone.now() + timedelta(days=1)
    behandeling.save(update_fields=["gesprek_op"])
    both = " ".join(client.post(page_url + "status/", FINISHED).content.decode().split())
    line = r'</span><span class="form-field__error-line"><span [^>]*>Fout: </span>'
    apart = r"bijvoorbeeld dat het gesprek eerder was\." + line + "De inwoner mag"
    assert re.search(apart, both)
    behandeling.gesprek_op = timezone.now()
    behandeling.save(update_fields=["gesprek_op"])
    # The plan came in: nothing more to ask.
    client.post(page_url + "persoonlijk-plan/")
    _write_a_verslag(behandeling, staff)
    assert client.post(page_url + "status/", FINISHED).status_code == 302
    page = " ".join(client.get(page_url).content.decode().split())
    assert "<dt>Persoonlijk plan</dt><dd>Ontvangen" in page


def test_with_a_reason_the_onderzoek_is_finished_before_the_plan_and_the_closed_melding_waits_for_none(
    staff, client, page_url, two_meldingen
):
    behandeling = two_meldingen["centrum"].behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    behandeling.change_status(Status.GESPREK_GEPLAND, staff["consulent"], gesprek_op=timezone.now())
    client.force_login(staff["consulent"])
    reason = "De inwoner stuurt geen plan."
    assert client.post(page_url + "status/", {**FINISHED, "toelichting": reason}).status_code == 302
    assert behandeling.statuswijzigingen.last().toelichting == reason
    # A walk: after the onderzoek the row still said the plan may come, with its button.
    page = " ".join(client.get(page_url).content.decode().split())
    assert "<dt>Persoonlijk plan</dt><dd>Niet ontvangen. </dd>" in page
    assert ">Persoonlijk plan ontvangen</button>" not in page
    late = client.post(page_url + "persoonlijk-plan/", follow=True).content.decode()
    assert "Het onderzoek is al afgerond. Schrijf het in een notitie." in late
    behandeling.refresh_from_db()
    behandeling.change_status(Status.AFGEHANDELD, staff["consulent"], uitkomst=Uitkomst.GEEN_AANVRAAG)
    page = " ".join(client.get(page_url).content.decode().split())
    # It said "Nog niet ontvangen. De inwoner mag het tot en met ... sturen." on the closed melding.
    assert "<dt>Persoonlijk plan</dt><dd>Niet ontvangen. </dd>" in page


def test_a_gesprek_after_the_term_asks_why_and_one_at_night_is_refused(
    staff, client, page_url, two_meldingen
):
    """A walk planned a spoed melding's gesprek a week after the onderzoek's term, without a word, and one at
    03:00: the resident read "om 03.00 uur", and "Uiterlijk op 18 januari" under a gesprek on the 25th."""
    behandeling = two_meldingen["centrum"].behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    client.force_login(staff["consulent"])
    after = (behandeling.onderzoek_deadline + timedelta(days=7)).strftime("%d-%m-%Y")
    asked = client.post(
        page_url + "status/",
        {"status": Status.GESPREK_GEPLAND, "gesprek_datum": after, "gesprek_tijd": "10:00"},
    )
    assert asked.status_code == 400
    term = datum(behandeling.onderzoek_deadline)
    assert f"Het onderzoek moet uiterlijk op {term} klaar zijn. Het gesprek is daarna." in " ".join(
        asked.context["status_form"].errors["gesprek_datum"]
    )
    within = behandeling.onderzoek_deadline - timedelta(days=1)
    while not is_working_day(within):  # a gesprek on a day off asks why: the next test
        within -= timedelta(days=1)
    within = within.strftime("%d-%m-%Y")
    night = _plan(client, page_url, gesprek_datum=within, gesprek_tijd="3:00", toelichting="")
    assert night.status_code == 400
    assert "Een gesprek om 03:00 is buiten de tijden van 7:00 tot 22:00." in night.content.decode()
    assert "Bedoelt u de middag?" in night.content.decode()
    late_evening = _plan(client, page_url, gesprek_datum=within, gesprek_tijd="22:30", toelichting="")
    assert "Een gesprek om 22:30 is buiten de tijden" in late_evening.content.decode()
    assert "Bedoelt u de middag?" not in late_evening.content.decode()  # a walk: 23:30 was asked that
    at_ten = _plan(client, page_url, gesprek_datum=within, gesprek_tijd="22:00", toelichting="")
    assert at_ten.status_code == 302
    assert (
        _plan(client, page_url, gesprek_datum=within, gesprek_tijd="15:00", toelichting="").status_code == 302
    )
    moved = _plan(
        client, page_url, gesprek_datum=after, gesprek_tijd="10:00", toelichting="Zij vroeg dit zelf."
    )
    assert moved.status_code == 302


def test_a_gesprek_on_a_day_off_asks_why(staff, client, page_url, two_meldingen):
    """A walk planned a gesprek on a Sunday and on Christmas Day without a word, while the site knows the days
    off for its terms. A resident may want one (after work on a Saturday): then the consulent says why."""
    behandeling = two_meldingen["centrum"].behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    client.force_login(staff["consulent"])
    today = timezone.localdate()
    sunday = today + timedelta(days=6 - today.weekday() or 7)  # the next one, not today
    christmas = date(timezone.localdate().year + 1, 12, 25)
    for day, said in (
        (sunday, f"Zondag {sunday.day} "),
        (christmas, "is geen werkdag: Eerste kerstdag."),
    ):
        typed = day.strftime("%d-%m-%Y")
        asked = _plan(client, page_url, gesprek_datum=typed, gesprek_tijd="10:00", toelichting="")
        assert asked.status_code == 400
        at_the_date = " ".join(asked.context["status_form"].errors["gesprek_datum"])  # the day to change
        assert said in at_the_date and "Wil de inwoner het gesprek toch op die dag?" in at_the_date
    planned = _plan(client, page_url, gesprek_datum=sunday.strftime("%d-%m-%Y"), gesprek_tijd="10:00")
    assert planned.status_code == 302  # with the reason _plan gives
    behandeling.refresh_from_db()
    assert timezone.localdate(behandeling.gesprek_op) == sunday


def test_a_planned_gesprek_is_moved_and_the_timeline_keeps_both_moments(
    staff, client, page_url, two_meldingen
):
    """A resident who cannot come on the planned day: the consulent could only finish or withdraw."""
    behandeling = two_meldingen["centrum"].behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    client.force_login(staff["consulent"])
    plan = {
        "status": Status.GESPREK_GEPLAND,
        **{"gesprek_datum": "8-12-2099", "gesprek_tijd": "10:00", "toelichting": "De inwoner wil het zo."},
    }
    planned = client.post(page_url + "status/", plan, follow=True).content.decode()
    assert "De status is nu: Gesprek gepland, op 8 dec. 2099, 10:00." in planned
    assert (
        '<option value="gesprek_gepland">Gesprek verplaatsen</option>'
        in client.get(page_url).content.decode()
    )

    same = client.post(page_url + "status/", plan)
    assert same.status_code == 400
    assert "Het gesprek staat al op deze dag en tijd." in same.content.decode()
    # A walk moved a gesprek to 20 november on 3 december: a typing error in the month went unnoticed.
    yesterday = (timezone.localdate() - timedelta(days=1)).strftime("%d-%m-%Y")
    past = client.post(page_url + "status/", {**plan, "gesprek_datum": yesterday}).content.decode()
    assert "Deze dag is al voorbij. Was het gesprek al?" in past

    moved = {**plan, "gesprek_datum": "10-12-2099", "toelichting": "Mevrouw is maandag naar het ziekenhuis"}
    response = client.post(page_url + "status/", moved, follow=True)
    html = response.content.decode()
    assert "Het gesprek is verplaatst naar 10 dec. 2099, 10:00." in html
    assert "Status: Gesprek gepland. Op 8 dec. 2099, 10:00" in html  # the first planning, as it was
    assert "Gesprek verplaatst. Op 10 dec. 2099, 10:00" in html and "Mevrouw is maandag" in html
    behandeling.refresh_from_db()
    assert behandeling.status == Status.GESPREK_GEPLAND
    assert timezone.localtime(behandeling.gesprek_op).day == 10  # the resident's status page reads this
    # A walk: the audit log said "Gesprek verplaatst" and not where to.
    moved_to = "Gesprek verplaatst naar 10 dec. 2099, 10:00"
    assert AuditEntry.objects.filter(action="status_changed", detail__startswith=moved_to).count() == 1


def test_withdrawing_a_melding_asks_why(staff, client, page_url, two_meldingen):
    """ "Ingetrokken" sits beside the next step in one list and closes the melding for good; a walk closed one
    by a wrong click, and the resident's status page then said the melding had stopped."""
    client.force_login(staff["consulent"])
    response = client.post(page_url + "status/", {"status": Status.INGETROKKEN})
    assert response.status_code == 400
    assert "Schrijf waarom de melding wordt ingetrokken." in response.content.decode()
    behandeling = two_meldingen["centrum"].behandeling
    behandeling.refresh_from_db()
    assert behandeling.status == Status.ONTVANGEN
    reason = "Mevrouw belde: zij heeft de hulp zelf geregeld"
    withdrawal = {"status": Status.INGETROKKEN, "toelichting": reason}
    assert client.post(page_url + "status/", {**withdrawal, "ingetrokken_bevestigd": "1"}).status_code == 302
    behandeling.refresh_from_db()
    assert behandeling.status == Status.INGETROKKEN


def test_withdrawing_is_asked_once_more_as_it_cannot_be_undone(staff, client, page_url, two_meldingen):
    """One click on "Status opslaan" with "Ingetrokken", just below "Contact opgenomen" in the list, closed
    the melding for good: a walk did it by mistake, and the status form was gone from the page."""
    client.force_login(staff["consulent"])
    reason = "Dubbele melding, zie M-D3RN-RW6Y"
    asked = client.post(page_url + "status/", {"status": Status.INGETROKKEN, "toelichting": reason})
    page = " ".join(asked.content.decode().split())
    behandeling = two_meldingen["centrum"].behandeling
    behandeling.refresh_from_db()
    assert asked.status_code == 200 and behandeling.status == Status.ONTVANGEN
    assert page.index("Weet u zeker dat u deze melding wilt stoppen?") < page.index('id="case-heading"')
    assert f"Uw toelichting: {reason}" in page
    confirm = page.split('id="withdraw-heading"', 1)[1].split("</form>", 1)[0]
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', confirm))
    fields.pop("csrfmiddlewaretoken")
    # With the last step the page showed ("gezien"): a colleague's step since then stops the withdrawal too.
    expected = {"status": "ingetrokken", "toelichting": reason, "ingetrokken_bevestigd": "1", "gezien": "0"}
    assert fields == expected
    assert "Ja, stop deze melding" in confirm and "Nee, niet stoppen" in confirm
    assert client.post(page_url + "status/", fields).status_code == 302
    behandeling.refresh_from_db()
    assert behandeling.status == Status.INGETROKKEN
    assert behandeling.statuswijzigingen.filter(to_status=Status.INGETROKKEN).count() == 1


def test_a_gesprek_date_with_a_two_digit_year(staff, client, page_url, two_meldingen):
    behandeling = two_meldingen["centrum"].behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    client.force_login(staff["consulent"])
    day = date(timezone.localdate().year + 1, 12, 8)
    while not is_working_day(day):  # a gesprek on a day off asks why
        day += timedelta(days=1)
    typed = f"{day.day}-12-{day.year % 100:02d}"  # as many write it: 8-12-27
    wrong_time = _plan(client, page_url, gesprek_datum=typed, gesprek_tijd="25:00").content.decode()
    assert "Vul een bestaande tijd in, zoals 10:00." in wrong_time
    # A walk: the summary's lines named neither the time nor the date.
    assert (
        '<a href="#id_gesprek_tijd">Tijd van het gesprek: vul een bestaande tijd in, zoals 10:00.</a>'
        in wrong_time
    )
    # Written as asked, but no day: "write it like 3-2-2026" sent a walk looking for a mistake in the writing.
    no_day = _plan(client, page_url, gesprek_datum="31-2-2027", gesprek_tijd="10:30").content.decode()
    assert "Deze datum bestaat niet. Kijk of de dag en de maand kloppen." in no_day
    not_written_as_asked = _plan(
        client, page_url, gesprek_datum="morgen", gesprek_tijd="10:30"
    ).content.decode()
    # The example is the day the hint gives, not a second one.
    soon = timezone.localdate() + timedelta(days=7)
    example = f"{soon.day}-{soon.month}-{soon.year}"
    assert f"Bijvoorbeeld {example}." in not_written_as_asked
    assert f"Schrijf de datum met cijfers, zo: {example}." in not_written_as_asked
    assert f"Datum van het gesprek: schrijf de datum met cijfers, zo: {example}.</a>" in not_written_as_asked
    # Digits without a year: "met cijfers" told a walk's consulent what she had done already.
    no_year = _plan(client, page_url, gesprek_datum="7-12", gesprek_tijd="10:30").content.decode()
    assert f"Schrijf ook het jaar, zo: {example}." in no_year and "met cijfers" not in no_year
    assert _plan(client, page_url, gesprek_datum=typed, gesprek_tijd="10:30").status_code == 302
    behandeling.refresh_from_db()
    assert timezone.localtime(behandeling.gesprek_op).date() == day
    # "10 uur", as many write it, is a time too (a walk's was refused "zoals 10:00").
    assert _plan(client, page_url, gesprek_datum=typed, gesprek_tijd="11 uur").status_code == 302
    behandeling.refresh_from_db()
    assert timezone.localtime(behandeling.gesprek_op).hour == 11


def test_the_date_examples_are_days_to_come(staff, client, page_url, two_meldingen):
    """ "Bijvoorbeeld 3-2-2026." under a gesprek's date, in December 2026, read as a day already past."""
    behandeling = two_meldingen["centrum"].behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    client.force_login(staff["consulent"])
    next_week = timezone.localdate() + timedelta(days=7)
    page = client.get(page_url).content.decode()
    assert f"Bijvoorbeeld {next_week.day}-{next_week.month}-{next_week.year}." in page
    assert "Bijvoorbeeld 3-2-2026" not in page
    assert "Datum van het gesprek (bij gesprek gepland)" in page and "verplaatsen" not in page
    # A question solved on the phone needs no gesprek to come: the one that was is recorded.
    assert "Was het gesprek al, bijvoorbeeld aan de telefoon? Vul dan die dag in." in page


def test_another_open_melding_for_the_same_address_is_named(staff, client, page_url, two_meldingen):
    """A walk: a mother's own melding and her son's melding for her stood apart, each with no word of the
    other, so two consulenten could call her. Only open meldingen the consulent may see are named."""
    from .fixtures import store

    client.force_login(staff["consulent"])
    own = two_meldingen["centrum"]
    assert "open melding voor dit adres" not in client.get(page_url).content.decode()
    by_son = store(name="Anna de Vries", postcode="3911ab", mantelzorger="Ahmed")  # her address, typed apart
    store(name="Anna de Vries", postcode="3911 AB").behandeling.change_status(
        Status.INGETROKKEN, staff["consulent"], toelichting="Dubbel"
    )
    html = " ".join(client.get(page_url).content.decode().split())
    text = re.sub(r"<[^>]+>", "", html)
    assert "Er is nog een open melding voor dit adres. Spreek af wie de inwoner belt." in text
    assert f"{by_son.reference} van {datum(by_son.created_at)}: ontvangen, nog geen consulent" in text
    son_page = " ".join(
        client.get(reverse("backoffice:melding", args=[by_son.behandeling.pk])).content.decode().split()
    )
    assert f"{own.reference}</a> van" in son_page
    client.force_login(staff["consulent_haven"])  # another team sees neither
    haven_page = reverse("backoffice:melding", args=[two_meldingen["haven"].behandeling.pk])
    assert "voor dit adres" not in client.get(haven_page).content.decode()


def _status_form_seen(html: str) -> str:
    return re.search(r'name="gezien" value="(\d+)"', html).group(1)


def test_a_step_chosen_on_a_page_a_colleague_made_out_of_date_is_refused_with_what_they_did(
    staff, client, page_url, two_meldingen
):
    """A walk: a consulent had "Afgehandeld: geen aanvraag" ready while the teamleider closed the melding
    with "opgelost met een voorliggende voorziening"; her save only asked why the uitkomst changes, and a
    reason typed would have overwritten his outcome unknowingly."""
    behandeling = two_meldingen["centrum"].behandeling
    for status in ONDERZOEK:
        behandeling.change_status(status, staff["consulent"])
    client.force_login(staff["consulent"])
    seen = _status_form_seen(client.get(page_url).content.decode())
    behandeling.change_status(Status.AFGEHANDELD, staff["teamleider"], uitkomst="voorliggend")  # meanwhile
    mine = {
        "status": Status.AFGEHANDELD,
        "uitkomst": "geen_aanvraag",
        "toelichting": "Zoon regelt het",
        "gezien": seen,
    }
    response = client.post(page_url + "status/", mine)
    assert response.status_code == 400
    html = " ".join(response.content.decode().split())
    said = "Intussen is de melding veranderd: afgehandeld met de uitkomst &#x27;Opgelost met een voorliggende"
    assert f"{said} voorziening&#x27; (teamleider," in html
    assert "Uw keuze is niet opgeslagen." in html
    assert "Schrijf waarom de uitkomst verandert" not in html  # about the page she had, not this one
    assert "> Zoon regelt het</textarea>" in html  # what she typed stays
    behandeling.refresh_from_db()
    assert behandeling.uitkomst == "voorliggend"
    # A number the page never gave (typed into the form by hand) is no colleague's step, and no error.
    tampered = client.post(page_url + "status/", {**mine, "gezien": "x"})
    assert tampered.status_code == 400 and "Intussen is de melding veranderd" not in tampered.content.decode()
    # The page now shows his step: chosen again, her correction counts (with the reason a correction needs).
    again = {**mine, "gezien": _status_form_seen(html), "toelichting": "Besproken met de teamleider"}
    response = client.post(page_url + "status/", again)
    assert response.status_code == 302
    behandeling.refresh_from_db()
    assert behandeling.uitkomst == "geen_aanvraag"


def test_the_residents_phone_number_is_a_link_that_calls_it(staff, client, page_url):
    """A walk at 390 px: a consulent on her phone could not tap the number to call the resident."""
    client.force_login(staff["consulent"])
    html = client.get(page_url).content.decode()
    assert '<dd><a href="tel:0612345678">0612345678</a></dd>' in html


def recorded_once(client, url: str, done: str, action: str):
    """Post `url` twice (a second click): the first says `done`, the second that it was recorded already, and
    the audit log holds the `action` (an AuditEntry.Action name) once. Its entries, for more checks."""
    assert done in client.post(url, follow=True).content.decode()
    assert "Dit was al vastgelegd." in client.post(url, follow=True).content.decode()
    entries = AuditEntry.objects.filter(action=AuditEntry.Action[action])
    assert entries.count() == 1
    return entries


def test_a_first_call_nobody_answered_is_recorded_once_and_shown_to_colleagues(
    staff, client, page_url, two_meldingen
):
    """A walk: a first call that nobody answered could only be written in a note, and a colleague opening the
    melding could not see that someone had already called."""
    client.force_login(staff["consulent"])
    page = " ".join(client.get(page_url).content.decode().split())
    assert "Nam niemand op? Leg dat vast." in page and "<dt>Gebeld, niet bereikt</dt>" not in page
    calls = recorded_once(
        client, page_url + "niet-bereikt/", "Vastgelegd: u belde en bereikte niemand.", "CONTACT_NOT_REACHED"
    )
    client.force_login(staff["teamleider"])
    page = " ".join(client.get(page_url).content.decode().split())
    when = datumtijd(calls.get().at)
    assert f"<dt>Gebeld, niet bereikt</dt><dd>{when} (consulent-centrum)</dd>" in page
    timeline = page[page.index('id="timeline-heading"') :]
    assert "Gebeld, niet bereikt" in timeline  # in the timeline too
    inbox = " ".join(client.get(reverse("backoffice:inbox")).content.decode().split())
    assert "Ontvangen<br>1 keer gebeld, niet bereikt</td>" in inbox  # and in the list, by its status
    behandeling = two_meldingen["centrum"].behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    page = client.get(page_url).content.decode()
    assert "Nam niemand op?" not in page  # the first contact was made
    refused = client.post(page_url + "niet-bereikt/", follow=True).content.decode()
    assert "Dit kan alleen voor het eerste contact." in refused
    assert calls.count() == 1


@pytest.mark.parametrize(
    ("email", "then"),
    [
        ("anna@example.org", "Mail de melder om een moment af te spreken."),
        ("", "Spreek met uw team af wie op die tijd belt, of stuur een brief."),
    ],
)
def test_a_call_nobody_answered_says_when_the_writer_can_be_called(staff, client, email, then):
    """A walk: "Bel later nog eens." to a consulent whose melder wrote he could only be called after 18.00."""
    from meldingen.storage import store_melding

    from .fixtures import answers

    data = answers()
    data["gegevens"]["email"] = email
    data["gesprek"] = {"bereikbaar": "'s avonds na 18 uur, ik werk overdag"}
    melding, _new = store_melding(data)
    client.force_login(staff["consulent"])
    url = reverse("backoffice:melding", args=[melding.behandeling.pk]) + "niet-bereikt/"
    said = " ".join(client.post(url, follow=True).content.decode().split())
    assert (
        "Vastgelegd: u belde en bereikte niemand. De melder kan alleen buiten de beltijden van het loket "
        "gebeld worden. Kijk bij Bereikbaar. " + then in said
    )
    assert "Bel later nog eens." not in said


def test_a_persoonlijk_plan_that_came_in_is_recorded_once_for_whoever_prepares_the_gesprek(
    staff, client, page_url, two_meldingen
):
    """A walk: the confirmation asks the resident for a persoonlijk plan within 7 days (Wmo 2015 art. 2.3.2
    lid 2), and the consulent could not tell before the gesprek whether one had come in."""
    from meldingen.dates import next_steps

    melding = two_meldingen["centrum"]
    by = datum(next_steps(melding).persoonlijk_plan_by)
    client.force_login(staff["consulent"])
    page = " ".join(client.get(page_url).content.decode().split())
    said = f"<dt>Persoonlijk plan</dt><dd>Nog niet ontvangen. De inwoner mag het tot en met {by} sturen."
    assert said in page
    row = page.split("<dt>Persoonlijk plan</dt>", 1)[1].split("</dd>", 1)[0]
    assert "persoonlijk-plan/" in row and ">Persoonlijk plan ontvangen</button>" in row  # beside its line
    received = recorded_once(
        client,
        page_url + "persoonlijk-plan/",
        "Vastgelegd: het persoonlijk plan is ontvangen.",
        "PLAN_RECEIVED",
    )
    client.force_login(staff["teamleider"])
    page = " ".join(client.get(page_url).content.decode().split())
    day = datum(received.get().at)
    said = f"<dt>Persoonlijk plan</dt><dd>Ontvangen, vastgelegd op {day} door consulent-centrum."
    assert said in page and ">Persoonlijk plan ontvangen</button>" not in page
    assert "Persoonlijk plan ontvangen" in page[page.index('id="timeline-heading"') :]
    # A cliëntondersteuner this melding did not ask for is not recorded as arranged (a review).
    refused = client.post(page_url + "clientondersteuner/", follow=True).content.decode()
    assert "In deze melding is niet om een cliëntondersteuner gevraagd." in refused
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.SUPPORT_ARRANGED).exists()
    # After the 7 days without a plan the page says so; a closed melding records none.
    other = two_meldingen["haven"]
    other.created_at -= timedelta(days=30)
    other.save()
    other_url = reverse("backoffice:melding", args=[other.behandeling.pk])
    page = " ".join(client.get(other_url).content.decode().split())
    assert "<dt>Persoonlijk plan</dt><dd>Niet ontvangen. De inwoner mocht het tot en met" in page
    other.behandeling.change_status(Status.INGETROKKEN, staff["teamleider"])
    refused = client.post(other_url + "persoonlijk-plan/", follow=True).content.decode()
    assert "Deze melding is gesloten." in refused and received.count() == 1


@pytest.mark.parametrize("soort", ["kort", "uitgebreid"])
@pytest.mark.parametrize("for_someone_else", [False, True])
def test_whom_to_call_and_when_stand_at_the_top_with_why_it_is_urgent(
    staff, client, teams, for_someone_else, soort
):
    """A walk: a consulent about to call pieced the page together: the phone number under the resident's
    details far down, "Bereikbaar" under "Onderwerp", the writer's number in a section of its own, and why
    a spoed melding is urgent below the fold. For someone else the writer is called (as the confirmation
    says)."""
    data = answers(
        name="Anna de Vries", soort=soort, spoed=True, mantelzorger="Petra" if for_someone_else else ""
    )
    # The short melding asks when to call on its page "waarover", the long one with the gesprek.
    when = {"bereikbaar": "Na 14 uur"}
    data.update({"waarover": when} if soort == "kort" else {"gesprek": {"plek": "thuis", **when}})
    if for_someone_else:
        data["melder"]["relatie"] = "dochter"  # what the writer is of the resident (a walk)
    if soort == "uitgebreid":  # 82 on every day of the year
        data["gegevens"]["geboortedatum"] = f"{timezone.localdate().year - 82}-01-01"
    melding, _stored = store_melding(data)
    client.force_login(staff["consulent"])
    html = client.get(reverse("backoffice:melding", args=[melding.behandeling.pk])).content.decode()
    facts = " ".join(html[html.index('id="case-heading"') : html.index('id="data-heading"')].split())
    who, phone = (
        ("Petra (melder, dochter)", "0687654321") if for_someone_else else ("Anna de Vries", "0612345678")
    )
    assert (
        f'<dt>Bellen met</dt><dd>{who}<br><a href="tel:{phone}">{phone}</a><br>Bereikbaar: Na 14 uur</dd>'
        in facts
    )
    assert "Ik ben gevallen" in facts  # why it is urgent, beside "Spoed"
    # A walk: for someone else, who the help is for stood only far down, among the answers.
    age = ", 82 jaar" if soort == "uitgebreid" else ""
    resident = f"<dt>Inwoner</dt><dd>Anna de Vries{age}</dd>"
    assert (resident in facts) is for_someone_else
    assert ("<dt>Inwoner</dt>" in facts) is for_someone_else


def test_the_residents_consent_for_health_data_is_recorded_once_on_a_melding_made_for_them(
    staff, client, teams
):
    """A walk: the page asks the consulent to ask the resident's own consent for the health data of a melding
    someone else made, and nothing recorded that it was given."""
    melding = store(name="Henk de Vries", mantelzorger="Ingrid de Vries")
    url = reverse("backoffice:melding", args=[melding.behandeling.pk])
    client.force_login(staff["consulent"])
    page = " ".join(client.get(url).content.decode().split())
    assert "Vraag in het gesprek de inwoner zelf om toestemming" in page
    assert ">Toestemming gegeven</button>" not in page  # a walk recorded it before anyone spoke to him
    early = client.post(url + "toestemming-gezondheid/", follow=True).content.decode()  # a page left open
    assert "Spreek eerst met de inwoner. Leg daarna de toestemming vast." in early
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.HEALTH_CONSENT).exists()
    melding.behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    assert ">Toestemming gegeven</button>" in client.get(url).content.decode()
    given = recorded_once(
        client,
        url + "toestemming-gezondheid/",
        "Vastgelegd: de inwoner gaf toestemming voor de gegevens over de gezondheid.",
        "HEALTH_CONSENT",
    )
    page = " ".join(client.get(url).content.decode().split())
    day = datum(given.get().at)
    said = f"De inwoner gaf toestemming voor de gegevens over de gezondheid, vastgelegd op {day}"
    assert said in page and ">Toestemming gegeven</button>" not in page
    timeline = page[page.index('id="timeline-heading"') :]
    assert "Toestemming gegeven voor de gegevens over de gezondheid" in timeline
    # A melding the resident made: the consent is there already.
    own = store(name="Anna de Vries")
    own_url = reverse("backoffice:melding", args=[own.behandeling.pk])
    assert ">Toestemming gegeven</button>" not in client.get(own_url).content.decode()
    refused = client.post(own_url + "toestemming-gezondheid/", follow=True).content.decode()
    assert "De inwoner deed deze melding zelf en gaf daarbij toestemming." in refused
    assert given.count() == 1


def test_the_onderzoek_of_a_melding_made_for_someone_asks_for_the_residents_consent(staff, client, teams):
    """A walk finished the onderzoek of a melding a mantelzorger made, and closed it, without the resident's
    consent for her health data; the page went on asking for it with no button left."""
    melding = _past_the_plan_term(store(name="Henk de Vries", mantelzorger="Ingrid de Vries"))
    behandeling = melding.behandeling
    for status in (Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND):
        behandeling.change_status(status, staff["consulent"], gesprek_op=timezone.now())
    Verslag.add(behandeling, staff["consulent"], "Wat wij bespraken.")
    client.force_login(staff["consulent"])
    url = reverse("backoffice:melding", args=[behandeling.pk])
    asked = client.post(url + "status/", FINISHED)
    assert asked.status_code == 400
    said = " ".join(asked.context["status_form"].errors["toelichting"])
    assert "De inwoner gaf nog geen toestemming voor de gegevens over de gezondheid." in said
    # The consent is given with the status, in the same form: a keyboard walk pressed the page's own
    # "Toestemming gegeven" and lost the status, date and toelichting chosen.
    button = '<button type="submit" name="toestemming_gezondheid" value="1" class="button button-secondary">'
    assert button + "Toestemming gegeven en status opslaan</button>" in asked.content.decode()
    finished = {**FINISHED, "toelichting": "Besproken aan de keukentafel."}
    # Not when the status is refused: the consent goes with the status it was given for (the review).
    refused = client.post(
        url + "status/", {**finished, "afgerond_datum": "31-02", "toestemming_gezondheid": "1"}
    )
    assert refused.status_code == 400 and button in refused.content.decode()
    assert AuditEntry.Action.HEALTH_CONSENT not in behandeling.recorded_once(
        (AuditEntry.Action.HEALTH_CONSENT,)
    )
    saved = client.post(url + "status/", {**finished, "toestemming_gezondheid": "1"}, follow=True)
    assert "De toestemming van de inwoner is vastgelegd." in saved.content.decode()
    assert AuditEntry.Action.HEALTH_CONSENT in behandeling.recorded_once((AuditEntry.Action.HEALTH_CONSENT,))
    behandeling.refresh_from_db()
    assert behandeling.status == Status.ONDERZOEK_AFGEROND
    assert behandeling.statuswijzigingen.latest("pk").toelichting == finished["toelichting"]
    # Consent refused, or not possible: said in the toelichting.
    other = _past_the_plan_term(store(name="Piet Jansen", mantelzorger="Karin Jansen")).behandeling
    for status in (Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND):
        other.change_status(status, staff["consulent"], gesprek_op=timezone.now())
    Verslag.add(other, staff["consulent"], "Wat wij bespraken.")
    reason = {**FINISHED, "toelichting": "Meneer kan dit niet zelf beslissen; er is nog geen mentor."}
    assert client.post(reverse("backoffice:melding", args=[other.pk]) + "status/", reason).status_code == 302
    # Closed after an early aanvraag, without the onderzoek's step: asked then.
    early = store(name="Kees Bakker", mantelzorger="Els Bakker").behandeling
    for status in (Status.CONTACT_OPGENOMEN, Status.AANVRAAG_ONTVANGEN):
        early.change_status(status, staff["consulent"])
    closing = {"status": Status.AFGEHANDELD, "uitkomst": "toegekend"}
    asked = client.post(reverse("backoffice:melding", args=[early.pk]) + "status/", closing)
    assert asked.status_code == 400 and "nog geen toestemming" in " ".join(
        asked.context["status_form"].errors["toelichting"]
    )


def test_a_short_melding_sent_without_consent_asks_for_it_in_the_gesprek(staff, client, teams):
    """A short melding for oneself with only name, address and phone number is sent without the consent for
    health data (it holds none); the gesprek will hold some, so the page asks the consulent to ask."""
    data = answers(soort="kort")
    data["controleren"] = {}  # the check page asked nothing
    melding, _new = store_melding(data, submission_token="zonder-toestemming")
    url = reverse("backoffice:melding", args=[melding.behandeling.pk])
    client.force_login(staff["consulent"])
    melding.behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    page = " ".join(client.get(url).content.decode().split())
    assert "De inwoner deed deze korte melding zelf, zonder gegevens over de gezondheid." in page
    assert "Vraag in het gesprek de inwoner zelf om toestemming" in page
    assert ">Toestemming gegeven</button>" in page
    client.post(url + "toestemming-gezondheid/")
    assert AuditEntry.objects.filter(action=AuditEntry.Action.HEALTH_CONSENT).count() == 1


def test_a_forms_address_opened_goes_to_the_page_it_is_on(staff, client, two_meldingen):
    """A walk: after an error the address bar showed /toewijzen/; opened again (a tab restored) it gave a
    blank page (405). Each form's address now leads to the page the form is on."""
    behandeling = two_meldingen["centrum"].behandeling
    page = reverse("backoffice:melding", args=[behandeling.pk])
    client.force_login(staff["consulent"])
    for name in ("assign", "change_status", "add_note", "extend_term"):
        response = client.get(reverse(f"backoffice:{name}", args=[behandeling.pk]))
        assert (response.status_code, response["Location"]) == (302, page)
    assert client.put(reverse("backoffice:assign", args=[behandeling.pk])).status_code == 405


def test_every_fold_out_of_the_backoffice_shows_it_can_be_opened():
    """A walk: "Termijn van het onderzoek verlengen" read as plain text: Wagtail's admin takes a summary's
    marker and pointer away, and backoffice.css gave them back to the other fold-outs only."""
    from pathlib import Path

    from django.conf import settings

    root = Path(settings.BASE_DIR)
    css = (root / "static/css/backoffice.css").read_text()
    shown = set(re.findall(r"\.([\w-]+) > summary", css.split("display: list-item")[0].splitlines()[-1]))
    templates = " ".join(path.read_text() for path in (root / "templates/backoffice").glob("*.html"))
    folds = set(re.findall(r'<details class="([\w-]+)', templates))
    assert folds and folds <= shown, folds - shown


def test_temporary_help_on_a_spoed_melding_is_asked_for_and_recorded_once(staff, client, teams):
    """A walk: the resident who says it is urgent reads "Dan regelen wij tijdelijke hulp", the law asks it
    while the onderzoek runs (Wmo 2015 art. 2.3.3), and the consulent's page neither said nor recorded it."""
    melding = store(spoed=True)
    url = reverse("backoffice:melding", args=[melding.behandeling.pk])
    client.force_login(staff["consulent"])
    page = " ".join(client.get(url).content.decode().split())
    assert (
        "Spoed: is er direct hulp nodig? Regel dan zo snel mogelijk tijdelijke hulp, tot het onderzoek"
        in page
    )
    given = recorded_once(
        client, url + "tijdelijke-hulp/", "Vastgelegd: er is tijdelijke hulp geregeld.", "TEMPORARY_HELP"
    )
    page = " ".join(client.get(url).content.decode().split())
    assert f"<dt>Tijdelijke hulp</dt><dd>Geregeld, vastgelegd op {datum(given.get().at)}" in page
    assert ">Tijdelijke hulp geregeld</button>" not in page
    assert "Tijdelijke hulp geregeld" in page[page.index('id="timeline-heading"') :]
    # Not spoed: no row, and the server refuses it too.
    plain = store()
    plain_url = reverse("backoffice:melding", args=[plain.behandeling.pk])
    assert "Tijdelijke hulp" not in client.get(plain_url).content.decode()
    refused = client.post(plain_url + "tijdelijke-hulp/", follow=True).content.decode()
    assert "Deze melding is geen spoed." in refused
    assert given.count() == 1


def test_a_step_recorded_once_by_mistake_is_taken_back_and_the_audit_log_keeps_both(staff, client, teams):
    """A walk recorded "Toestemming gegeven" with one click, and nothing could take it back: a consent never
    given stood recorded."""
    melding = store(name="Henk de Vries", mantelzorger="Ingrid de Vries")
    melding.behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    url = reverse("backoffice:melding", args=[melding.behandeling.pk])
    client.force_login(staff["consulent"])
    client.post(url + "toestemming-gezondheid/")
    page = " ".join(client.get(url).content.decode().split())
    assert ">Vergist? Draai terug<span" in page and ">Toestemming gegeven</button>" not in page
    undone = client.post(url + "toestemming-gezondheid/terugdraaien/", follow=True).content.decode()
    assert "Teruggedraaid: het staat niet meer vastgelegd." in undone
    page = " ".join(client.get(url).content.decode().split())
    assert ">Toestemming gegeven</button>" in page and "Vergist? Draai terug" not in page
    timeline = page[page.index('id="timeline-heading"') :]
    # The undo names what was taken back, not its code.
    undo = timeline[timeline.index("<strong>Vastlegging teruggedraaid</strong>") :]
    assert (
        undo[: undo.index("</li>")].count("<p>Toestemming gegeven voor de gegevens over de gezondheid</p>")
        == 1
    )
    again = client.post(url + "toestemming-gezondheid/terugdraaien/", follow=True).content.decode()
    assert "Dit stond al niet meer vastgelegd." in again
    assert AuditEntry.objects.filter(action=AuditEntry.Action.STEP_UNDONE).count() == 1
    # Recorded again once it is given: it stands, and the log holds all three.
    client.post(url + "toestemming-gezondheid/")
    assert melding.behandeling.recorded_once((AuditEntry.Action.HEALTH_CONSENT,))
    assert AuditEntry.objects.filter(action=AuditEntry.Action.HEALTH_CONSENT).count() == 2
    # Closed, nothing is taken back (it could not be recorded again): no button, and the server refuses.
    melding.behandeling.change_status(Status.INGETROKKEN, staff["consulent"], toelichting="Niet meer nodig")
    assert "Vergist? Draai terug" not in client.get(url).content.decode()
    closed = client.post(url + "toestemming-gezondheid/terugdraaien/", follow=True).content.decode()
    assert "Deze melding is gesloten." in closed
    assert AuditEntry.objects.filter(action=AuditEntry.Action.STEP_UNDONE).count() == 1


def test_a_time_to_call_outside_the_hours_is_said_where_the_consulent_calls_from(staff, client, teams):
    """A walk: "Bereikbaar: 's avonds" beside the number to call read as any other time."""
    from meldingen.storage import store_melding

    from .fixtures import answers

    waarover = {"onderwerpen": [], "bereikbaar": "'s avonds"}
    melding, _new = store_melding({**answers(soort="kort", onderwerpen=()), "waarover": waarover})
    client.force_login(staff["consulent"])
    facts = " ".join(_facts(client, reverse("backoffice:melding", args=[melding.behandeling.pk])).split())
    assert "Bereikbaar: &#x27;s avonds (buiten de beltijden van het loket)" in facts
