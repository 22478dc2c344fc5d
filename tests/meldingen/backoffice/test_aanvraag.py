"""After the onderzoek the resident may apply (the aanvraag); the beschikking follows within two weeks (Wmo
2015 art. 2.3.5 lid 1). The backoffice counts that term as it counts the others: on the melding's page, in the
inbox and its "over de termijn" filter, in the spreadsheet and on the resident's status page."""

import csv
import io
from datetime import date, datetime, time, timedelta

import pytest
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone, translation

from core.templatetags.core_tags import datum
from meldingen.backoffice.models import Behandeling
from meldingen.backoffice.workflow import Status
from meldingen.dates import beschikking_deadline

from .fixtures import store

taalcheck = pytest.importorskip("portal.taalcheck")

pytestmark = pytest.mark.django_db


def _onderzoek_done(behandeling, staff, at=None):
    for status in (Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND, Status.ONDERZOEK_AFGEROND):
        behandeling.change_status(status, staff["consulent"], verslag_verstuurd=True, at=at)


def _applied_on(behandeling, day: date):
    at = timezone.make_aware(datetime.combine(day, time(12)))
    behandeling.change_status(Status.AANVRAAG_ONTVANGEN, at=at)
    behandeling.refresh_from_db()


def test_the_term_is_two_weeks_moved_past_a_weekend_or_feestdag():
    assert beschikking_deadline(date(2026, 12, 1)) == date(2026, 12, 15)  # a Tuesday
    # Saturday 12 December + 2 weeks is Saturday 26 December, Tweede Kerstdag: Monday the 28th.
    assert beschikking_deadline(date(2026, 12, 12)) == date(2026, 12, 28)


def test_an_aanvraag_of_an_earlier_day_starts_the_term_on_that_day(staff, client, teams):
    melding = store(created_at=timezone.now() - timedelta(days=40))
    behandeling = melding.behandeling
    _onderzoek_done(behandeling, staff)
    client.force_login(staff["consulent"])
    url = reverse("backoffice:melding", args=[behandeling.pk])
    assert "Kwam de aanvraag eerder binnen? Vul dan die dag in" in client.get(url).content.decode()
    for day, error in [
        (timezone.localdate() + timedelta(days=1), "Deze dag moet nog komen."),
        (timezone.localdate(melding.created_at) - timedelta(days=1), "De aanvraag kan niet binnenkomen voor"),
    ]:
        response = client.post(
            url + "status/", {"status": "aanvraag_ontvangen", "aanvraag_datum": f"{day:%d-%m-%Y}"}
        )
        assert response.status_code == 400 and error in response.content.decode(), day
    applied = timezone.localdate() - timedelta(days=3)
    response = client.post(
        url + "status/", {"status": "aanvraag_ontvangen", "aanvraag_datum": f"{applied:%d-%m-%Y}"}
    )
    assert response.status_code == 302
    behandeling.refresh_from_db()
    assert behandeling.status == Status.AANVRAAG_ONTVANGEN
    assert timezone.localdate(behandeling.aanvraag_at) == applied
    due = beschikking_deadline(applied)
    assert behandeling.beschikking_deadline == behandeling.next_deadline == due
    page = client.get(url).content.decode()
    assert (
        f"<dt>Beschikking uiterlijk</dt><dd>{datum(due)} (2 weken na de aanvraag van {datum(applied)})<br>"
        in page
    )
    assert f"nog {(due - timezone.localdate()).days} dagen" in page
    # The onderzoek's row tells it was finished, not the days left of a term that no longer runs.
    onderzoek_row = page.split("<dt>Onderzoek af uiterlijk</dt>", 1)[1].split("</dd>", 1)[0]
    assert "Onderzoek afgerond" in onderzoek_row and "nog " not in onderzoek_row


def test_a_late_beschikking_is_over_the_term_in_the_inbox_and_the_spreadsheet(staff, client, teams):
    late, waiting = store(created_at=timezone.now() - timedelta(days=60)), store()
    _onderzoek_done(late.behandeling, staff)
    _applied_on(late.behandeling, timezone.localdate() - timedelta(days=20))
    assert late.behandeling.is_overdue()
    client.force_login(staff["teamleider"])
    inbox = client.get(reverse("backoffice:inbox"), {"over_termijn": "1"})
    assert [item.melding.reference for item in inbox.context["page_obj"]] == [late.reference]
    row = inbox.content.decode().split(late.reference, 1)[1].split("</tr>", 1)[0]
    assert f"Beschikking uiterlijk: {datum(late.behandeling.beschikking_deadline)}" in row
    exported = client.get(reverse("backoffice:inbox_csv"), {"status": "alle"}).content.decode()
    rows = {line[0]: line[-4:-1] for line in csv.reader(io.StringIO(exported[1:]), delimiter=";")}
    assert rows[late.reference] == [late.behandeling.beschikking_deadline.isoformat(), "beschikking", "ja"]
    assert rows[waiting.reference][1] == "eerste contact"


def test_the_beschikking_ends_the_term_and_the_melding_may_close_without_an_aanvraag(staff, teams):
    applied, without = store(), store()
    for behandeling in (applied.behandeling, without.behandeling):
        _onderzoek_done(behandeling, staff)
    _applied_on(applied.behandeling, timezone.localdate())
    for behandeling in (applied.behandeling, without.behandeling):
        behandeling.change_status(Status.AFGEHANDELD, uitkomst="niet_toegekend")
    assert not Behandeling.objects.filter(next_deadline__isnull=False).exists()


@pytest.mark.parametrize(
    ("mantelzorger", "expected"),
    [
        ("", ["Wij hebben uw aanvraag ontvangen.", "Binnen 2 weken krijgt u een brief."]),
        (
            "Piet de Vries",
            ["Wij hebben de aanvraag ontvangen.", "Binnen 2 weken krijgt de persoon een brief."],
        ),
    ],
)
def test_the_resident_reads_when_the_beschikking_comes(client, staff, teams, mantelzorger, expected):
    melding = store(postcode="3911 AB", mantelzorger=mantelzorger)
    _onderzoek_done(melding.behandeling, staff)
    _applied_on(melding.behandeling, timezone.localdate())
    html = _status_page(client, melding)
    for text in expected:
        assert text in html
    assert "Die brief heet de beschikking." in html
    with translation.override("nl"):
        due = date_filter(melding.behandeling.beschikking_deadline, "l j F Y")
    assert f"Uiterlijk op {due}." in html


def test_the_dashboard_counts_the_beschikkingen_on_time_and_late(staff, client, teams):
    on_time, given_late, waiting_late, waiting = (
        store(created_at=timezone.now() - timedelta(days=70)) for _ in "1234"
    )
    for melding in (on_time, given_late, waiting_late, waiting):
        _onderzoek_done(melding.behandeling, staff)
    _applied_on(on_time.behandeling, timezone.localdate() - timedelta(days=30))
    on_time.behandeling.change_status(
        Status.AFGEHANDELD, at=timezone.now() - timedelta(days=25), uitkomst="toegekend"
    )
    _applied_on(given_late.behandeling, timezone.localdate() - timedelta(days=30))
    given_late.behandeling.change_status(Status.AFGEHANDELD, uitkomst="toegekend")
    _applied_on(waiting_late.behandeling, timezone.localdate() - timedelta(days=20))
    _applied_on(waiting.behandeling, timezone.localdate())  # its term runs: it does not count yet
    client.force_login(staff["teamleider"])
    html = client.get(reverse("backoffice:dashboard")).content.decode()
    assert "<dt>Beschikking binnen 2 weken na de aanvraag</dt><dd>33,3% (1 van 3)</dd>" in html
    rows = client.get(reverse("backoffice:dashboard_csv")).content.decode().splitlines()
    assert "beschikking;binnen 2 weken na de aanvraag;1" in rows
    assert "beschikking;later dan 2 weken na de aanvraag;2" in rows


@pytest.mark.parametrize(
    ("mantelzorger", "expected"),
    [
        ("", "Bent u het niet eens met het besluit? Dan kunt u binnen 6 weken bezwaar maken."),
        (
            "Piet de Vries",
            "Is de persoon het niet eens met het besluit? Dan kan de persoon binnen 6 weken bezwaar",
        ),
    ],
)
def test_after_the_beschikking_the_resident_reads_that_she_may_object(
    client, staff, teams, mantelzorger, expected
):
    """A walk: "Uw melding is afgehandeld." and then nothing, neither the letter nor what to do against it."""
    decided, without = store(postcode="3911 AB", mantelzorger=mantelzorger), store(postcode="3911 AB")
    for melding in (decided, without):
        _onderzoek_done(melding.behandeling, staff)
    _applied_on(decided.behandeling, timezone.localdate())
    for melding in (decided, without):
        melding.behandeling.change_status(Status.AFGEHANDELD, uitkomst="niet_toegekend")
    html = _status_page(client, decided)
    assert expected in html and "Die brief heet de beschikking." in html
    assert "Krijgt geen ondersteuning" not in html and "nieuwe melding" not in html  # no uitkomst told
    assert taalcheck.check_text(taalcheck.html_to_text(html)).passed
    html = _status_page(client, without)
    assert "Wij zijn klaar met deze melding. Hebt u later weer hulp nodig?" in html
    assert "Doe dan een nieuwe melding." in html and "bezwaar" not in html


def _status_page(client, melding) -> str:
    """The main part of "Waar staat mijn melding?" for this melding (made with 3911 AB 1)."""
    data = {"reference": melding.reference, "postcode": "3911 AB", "huisnummer": "1"}
    html = client.post("/melding/status/", data, follow=True).content.decode()
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def _options(html: str, name: str) -> list[str]:
    select = html.split(f'name="{name}"', 1)[1].split("</select>", 1)[0]
    return [option.split(">", 1)[1].split("<", 1)[0] for option in select.split("<option")[2:]]


def test_a_decision_on_support_answers_an_aanvraag(staff, client, teams):
    """A walk: a melding closed with "Krijgt geen ondersteuning" straight after the onderzoek, without an
    aanvraag: no beschikking, no word of bezwaar for the resident, and out of the beschikking's figures."""
    behandeling = store().behandeling
    _onderzoek_done(behandeling, staff)
    client.force_login(staff["consulent"])
    url = reverse("backoffice:melding", args=[behandeling.pk])
    page = client.get(url).content.decode()
    assert _options(page, "uitkomst") == [
        "Opgelost met een voorliggende voorziening",
        "De inwoner doet geen aanvraag",
    ]
    assert "Start van de hulp" not in page
    refused = client.post(url + "status/", {"status": "afgehandeld", "uitkomst": "niet_toegekend"})
    assert refused.status_code == 400
    assert "Een besluit over hulp volgt op een aanvraag" in refused.content.decode().replace("&#x27;", "'")
    _applied_on(behandeling, timezone.localdate())
    page = client.get(url).content.decode()
    assert _options(page, "uitkomst") == ["Krijgt ondersteuning", "Krijgt geen ondersteuning"]
    assert "Start van de hulp" in page
    assert (
        client.post(url + "status/", {"status": "afgehandeld", "uitkomst": "niet_toegekend"}).status_code
        == 302
    )


def test_the_resident_may_apply_before_the_onderzoek_is_finished(staff, client, teams):
    """A walk: the status page of a late onderzoek says the resident may apply now, and the consulent could
    not record that aanvraag."""
    melding = store(created_at=timezone.now() - timedelta(days=50))
    melding.behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    client.force_login(staff["consulent"])
    url = reverse("backoffice:melding", args=[melding.behandeling.pk])
    assert "Aanvraag ontvangen" in _options(client.get(url).content.decode(), "status")
    assert client.post(url + "status/", {"status": "aanvraag_ontvangen"}).status_code == 302
    melding.behandeling.refresh_from_db()
    assert melding.behandeling.next_deadline == beschikking_deadline(timezone.localdate())


def test_the_beschikking_counts_on_the_day_it_went_out_and_says_whether_in_time(staff, client, teams):
    """A walk: closing took the moment it was typed in, and once closed nothing said whether the beschikking
    came in time: the inbox went back to the onderzoek, the spreadsheet said "te laat: nee"."""
    in_time, late = store(created_at=timezone.now() - timedelta(days=70)), store()
    for melding in (in_time, late):
        _onderzoek_done(melding.behandeling, staff, at=melding.created_at)  # not after the day closed
        _applied_on(melding.behandeling, timezone.localdate() - timedelta(days=30))
    client.force_login(staff["consulent"])
    url = reverse("backoffice:melding", args=[in_time.behandeling.pk])
    sent = in_time.behandeling.beschikking_deadline - timedelta(days=1)
    closing = {"status": "afgehandeld", "uitkomst": "toegekend", "afgehandeld_datum": f"{sent:%d-%m-%Y}"}
    assert client.post(url + "status/", closing).status_code == 302
    in_time.behandeling.refresh_from_db()
    assert timezone.localdate(in_time.behandeling.closed_at) == sent
    assert f"Beschikking gegeven: {datum(sent)}<br>op tijd" in client.get(url).content.decode()
    late.behandeling.change_status(Status.AFGEHANDELD, uitkomst="niet_toegekend")
    late.behandeling.refresh_from_db()
    days = (timezone.localdate() - late.behandeling.beschikking_deadline).days
    client.force_login(staff["teamleider"])
    inbox = client.get(reverse("backoffice:inbox"), {"status": "alle"}).content.decode()
    row = inbox.split(late.reference, 1)[1].split("</tr>", 1)[0]
    assert f"Beschikking gegeven: {datum(timezone.localdate())}<br>{days} dagen na de termijn" in row
    exported = client.get(reverse("backoffice:inbox_csv"), {"status": "alle"}).content.decode()
    rows = {line[0]: line[-4:-1] for line in csv.reader(io.StringIO(exported[1:]), delimiter=";")}
    deadline = late.behandeling.beschikking_deadline.isoformat()
    assert rows[late.reference] == [deadline, "beschikking (gegeven)", "ja"]
    assert rows[in_time.reference][1:] == ["beschikking (gegeven)", "nee"]


def test_a_step_cannot_be_dated_before_the_steps_it_follows(staff, client, teams):
    """A walk closed a melding on a day before its aanvraag and its first contact: the page and Cijfers
    counted the beschikking "op tijd", and the timeline put Afgehandeld above them."""
    melding = store(created_at=timezone.now() - timedelta(days=20))
    behandeling = melding.behandeling
    contact = timezone.now() - timedelta(days=10)
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"], at=contact)
    behandeling.change_status(Status.GESPREK_GEPLAND, staff["consulent"], gesprek_op=contact, at=contact)
    client.force_login(staff["consulent"])
    url = reverse("backoffice:melding", args=[behandeling.pk]) + "status/"

    def refused(data: dict, field: str) -> str:
        asked = client.post(url, data)
        assert asked.status_code == 400
        return " ".join(asked.context["status_form"].errors[field])

    early = f"{timezone.localdate(contact) - timedelta(days=1):%d-%m-%Y}"
    finished = {"status": "onderzoek_afgerond", "verslag_verstuurd": "on", "afgerond_datum": early}
    said = f"Deze dag ligt vóór het eerste contact ({datum(timezone.localdate(contact))})."
    assert said in refused(finished, "afgerond_datum")
    applied = timezone.localdate() - timedelta(days=2)
    _applied_on(behandeling, applied)
    before = f"{applied - timedelta(days=1):%d-%m-%Y}"
    closing = {"status": "afgehandeld", "uitkomst": "toegekend", "afgehandeld_datum": before}
    assert f"Deze dag ligt vóór de aanvraag ({datum(applied)})." in refused(closing, "afgehandeld_datum")
    assert client.post(url, {**closing, "afgehandeld_datum": f"{applied:%d-%m-%Y}"}).status_code == 302


def test_withdrawing_an_aanvraag_says_so_and_leaves_no_term(staff, client, teams):
    behandeling = store().behandeling
    _onderzoek_done(behandeling, staff)
    _applied_on(behandeling, timezone.localdate())
    client.force_login(staff["consulent"])
    url = reverse("backoffice:melding", args=[behandeling.pk])
    asked = client.post(url + "status/", {"status": "ingetrokken", "toelichting": "Wil het zelf regelen."})
    assert "Ook de aanvraag stopt: er komt geen besluit." in asked.content.decode()
    data = {"status": "ingetrokken", "toelichting": "Wil het zelf regelen.", "ingetrokken_bevestigd": "1"}
    assert client.post(url + "status/", data).status_code == 302
    assert "Beschikking uiterlijk" not in client.get(url).content.decode()


def test_a_late_beschikking_tells_the_resident_what_she_may_do(client, staff, teams):
    melding = store(postcode="3911 AB", created_at=timezone.now() - timedelta(days=60))
    _onderzoek_done(melding.behandeling, staff)
    _applied_on(melding.behandeling, timezone.localdate() - timedelta(days=20))
    html = _status_page(client, melding)
    assert "Het besluit komt te laat. U mag ons dan een brief sturen." in html
    assert "Dan krijgt u van ons geld voor elke dag dat het besluit te laat is." in html
    assert taalcheck.check_text(taalcheck.html_to_text(html)).passed
    waiting = store(postcode="3911 AB")
    _onderzoek_done(waiting.behandeling, staff)
    _applied_on(waiting.behandeling, timezone.localdate())
    assert "Het besluit komt te laat." not in _status_page(client, waiting)


def test_an_aanvraag_written_down_after_its_term_asks_why(staff, client, teams):
    """A walk: an aanvraag of 7 November recorded on 5 December read "12 dagen te laat" at once, and nothing
    said why it was written down so late."""
    melding = store(created_at=timezone.now() - timedelta(days=60))
    _onderzoek_done(melding.behandeling, staff)
    client.force_login(staff["consulent"])
    url = reverse("backoffice:melding", args=[melding.behandeling.pk])
    came_in = timezone.localdate() - timedelta(days=28)
    typed = {"status": "aanvraag_ontvangen", "aanvraag_datum": f"{came_in:%d-%m-%Y}"}
    refused = client.post(url + "status/", typed)
    term = datum(beschikking_deadline(came_in))
    expected = f"De beschikking op deze aanvraag moest uiterlijk op {term} weg."
    assert refused.status_code == 400 and expected in refused.content.decode()
    explained = {**typed, "toelichting": "De brief lag bij de receptie."}
    assert client.post(url + "status/", explained).status_code == 302
