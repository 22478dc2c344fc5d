"""The verslag of the onderzoek (Wmo 2015 art. 2.3.2 lid 8): written on the melding's page, kept encrypted,
sent to the resident as a letter. A walk's consulent had to tick "verslag verstuurd" with nowhere to write
it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from meldingen.backoffice.models import AuditEntry, Verslag, Verwijzing
from meldingen.backoffice.verslag import latest, letter_html

from .fixtures import *  # noqa: F403

pytestmark = pytest.mark.django_db

TEXT = "U wilt weer zelf boodschappen doen.\n\nWe spraken af dat u de boodschappenbus probeert."


@pytest.fixture
def page(two_meldingen, staff, client):
    client.force_login(staff["consulent"])
    behandeling = two_meldingen["centrum"].behandeling
    return behandeling, reverse("backoffice:melding", args=[behandeling.pk])


def test_the_verslag_is_written_on_the_meldings_page_and_kept_encrypted(page, client):
    behandeling, url = page
    before = " ".join(client.get(url).content.decode().split())
    assert "Na het gesprek krijgt de inwoner een verslag. Schrijf het hier." in before
    assert before.count('id="id_verslag"') == 1 and before.count('id="id_text"') == 1  # the note's box
    response = client.post(url + "verslag/", {"verslag": TEXT}, follow=True)
    html = " ".join(response.content.decode().split())
    assert "Het verslag is opgeslagen. Maak de brief en stuur die naar de inwoner." in html
    assert "Download de brief met het verslag (PDF)" in html
    assert "U wilt weer zelf boodschappen doen." in html  # in the form, to go on from
    stored = Verslag.objects.get()
    assert stored.text == TEXT and "boodschappen" not in stored.encrypted_text
    assert AuditEntry.objects.filter(action=AuditEntry.Action.REPORT_WRITTEN).count() == 1
    assert "Verslag van het onderzoek geschreven" in html[html.index('id="timeline-heading"') :]
    twice = client.post(url + "verslag/", {"verslag": TEXT}, follow=True).content.decode()
    assert "Dit verslag was al opgeslagen." in twice and Verslag.objects.count() == 1  # a double click
    # Written again: the latest is the verslag, the earlier one is kept.
    client.post(url + "verslag/", {"verslag": "Een nieuwe versie."})
    assert latest(behandeling).text == "Een nieuwe versie." and Verslag.objects.count() == 2


def test_a_verslag_refused_comes_back_as_typed(page, client):
    _behandeling, url = page
    empty = client.post(url + "verslag/", {"verslag": " "})
    assert empty.status_code == 400 and "Schrijf eerst het verslag." in empty.content.decode()
    with_bsn = client.post(url + "verslag/", {"verslag": "Haar BSN is 111222333, zei ze."})
    assert with_bsn.status_code == 400 and "Haar BSN is 111222333, zei ze." in with_bsn.content.decode()
    assert not Verslag.objects.exists()


@pytest.mark.parametrize(
    ("path", "field", "data"),
    [
        ("notitie/", "text", {}),
        ("status/", "toelichting", {"status": "ingetrokken", "ingetrokken_bevestigd": "on"}),
    ],
)
def test_a_note_and_a_toelichting_refuse_a_bsn_as_the_verslag_does(page, client, path, field, data):
    """A walk: the verslag refused "111222333", a note and a status's toelichting saved it."""
    behandeling, url = page
    typed = "Gebeld met dochter, BSN van meneer is 111222333."
    refused = client.post(url + path, {**data, field: typed})
    assert refused.status_code == 400 and typed in refused.content.decode()  # kept as typed
    assert "Dit lijkt een burgerservicenummer (BSN)." in refused.content.decode()
    # The toelichting refused asks nothing besides ("Schrijf waarom de melding wordt ingetrokken").
    assert "Schrijf waarom" not in refused.content.decode()
    behandeling.refresh_from_db()
    assert behandeling.status != "ingetrokken" and not behandeling.notities.exists()


def test_every_longer_text_staff_type_refuses_a_bsn():
    """Each text box of the backoffice's forms, for meldingen and signals: notes, reasons, the verslag, the
    nazorg call's note, the signal."""
    from django import forms

    from core.bsn import refuse_bsn
    from core.limited_text import LimitedCharField
    from meldingen.backoffice import forms as backoffice_forms

    texts = {
        f"{form.__name__}.{name}": field
        for form in vars(backoffice_forms).values()
        if isinstance(form, type) and issubclass(form, forms.BaseForm)
        for name, field in form.base_fields.items()
        if isinstance(field, LimitedCharField) and isinstance(field.widget, forms.Textarea)
    }
    assert len(texts) >= 6
    assert [name for name, field in texts.items() if refuse_bsn not in field.validators] == []


def test_the_letter_names_the_resident_the_text_and_the_help_discussed(page, client, staff):
    behandeling, url = page
    Verwijzing.objects.create(
        melding=behandeling.melding,
        voorziening_id="0b7a2c3e-1f4d-4c5b-9a8e-2d6f7e8a9b0c",
        voorziening_name="Boodschappenbus Centrum",
        soort=Verwijzing.Soort.VERWEZEN,
        user=staff["consulent"],
    )
    assert client.get(url + "verslag.pdf").status_code == 404  # none written yet
    client.post(url + "verslag/", {"verslag": TEXT})
    html = " ".join(letter_html(behandeling, latest(behandeling)).split())
    assert "<p>Anna de Vries<br>Marktstraat 1<br>3911 AB Lindewaard</p>" in html
    assert behandeling.melding.reference in html
    assert "<p>U wilt weer zelf boodschappen doen.</p>" in html  # each paragraph its own
    assert "Boodschappenbus Centrum (wij hebben u hiernaar verwezen)" in html
    assert "Klopt er iets niet in dit verslag?" in html
    # The gesprek is named once it was held: a verslag may be written before it.
    behandeling.gesprek_op = timezone.now() + timedelta(days=1)
    planned = " ".join(letter_html(behandeling, latest(behandeling)).split())
    assert "hadden wij een gesprek" not in planned
    behandeling.gesprek_op = timezone.now() - timedelta(days=1)
    held = " ".join(letter_html(behandeling, latest(behandeling)).split())
    day = date_format(timezone.localtime(behandeling.gesprek_op), "j F Y")
    assert f"Op {day} hadden wij een gesprek over uw melding." in held
    assert "Dan kunt u die nu aanvragen. Bel ons daarvoor op" in html
    from portal import taalcheck

    report = taalcheck.check_text(taalcheck.html_to_text(html[html.index("<body") :]))
    assert report.passed, report.problems  # the letter's own words are B1
    pdf = client.get(url + "verslag.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert AuditEntry.objects.filter(action=AuditEntry.Action.EXPORTED, detail="Verslag als brief").exists()
    client.force_login(staff["consulent_haven"])  # another wijk's team: not theirs to read
    assert client.get(url + "verslag.pdf").status_code == 404


def test_the_verslag_goes_with_the_personal_data(page, client):
    from meldingen.backoffice.retention import forget_removed_personal_data

    behandeling, url = page
    client.post(url + "verslag/", {"verslag": TEXT})
    behandeling.melding.remove_personal_data()
    forget_removed_personal_data()
    assert Verslag.objects.get().encrypted_text == ""
    assert client.get(url + "verslag.pdf").status_code == 404


def test_the_phone_number_in_the_letter_never_breaks_over_two_lines(page, client, settings):
    """A walk: the letter read "Bel ons dan op 14" at the end of a line and "0599" on the next."""
    from tests.pdf_reading import page_texts

    behandeling, url = page
    client.post(url + "verslag/", {"verslag": TEXT})
    lines = [
        line.strip()
        for text in page_texts(client.get(url + "verslag.pdf").content)
        for line in text.splitlines()
    ]
    phone = settings.MUNICIPALITY_PHONE
    assert sum(phone in line.replace("\xa0", " ") for line in lines) == 2  # both sentences that name it
    assert not any(line.endswith(phone.split()[0]) for line in lines)


def test_a_verslag_the_resident_got_is_changed_with_a_warning_and_kept(page, client, staff):
    """A walk's consulent changed the verslag of a melding whose resident had the letter already, and nothing
    said the resident now had another text."""
    from core.templatetags.core_tags import datum
    from meldingen.backoffice.workflow import Status

    behandeling, url = page
    client.post(url + "verslag/", {"verslag": TEXT})
    warning = "De inwoner kreeg dit verslag op"
    assert warning not in client.get(url).content.decode()  # not sent yet
    for status in (Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND, Status.ONDERZOEK_AFGEROND):
        behandeling.change_status(status, staff["consulent"], verslag_verstuurd=True)
    html = " ".join(client.get(url).content.decode().split())
    assert f"{warning} {datum(timezone.now())}. Verandert u het? Dan blijft die versie bewaard." in html
    changed = client.post(url + "verslag/", {"verslag": "Een betere versie."}, follow=True)
    html = " ".join(changed.content.decode().split())
    assert "Het verslag is veranderd. De versie die de inwoner kreeg, blijft bewaard." in html
    assert [each.text for each in Verslag.objects.order_by("pk")] == [TEXT, "Een betere versie."]
    # Until it is sent, the page says this version did not go to the resident (a walk found nothing, after a
    # reload), and the letter says which it replaces.
    unsent = " ".join(client.get(url).content.decode().split())
    assert warning not in unsent
    assert (
        f"De inwoner kreeg op {datum(timezone.now())} een eerdere versie. Deze versie is nog niet" in unsent
    )
    newer = latest(behandeling)
    assert "Dit verslag vervangt het verslag dat u op" in " ".join(letter_html(behandeling, newer).split())
    sent = client.post(url + "verslag/verstuurd/", {"versie": newer.pk}, follow=True).content.decode()
    assert "Vastgelegd: de inwoner kreeg de brief met dit verslag." in sent
    assert "Brief met het verslag verstuurd" in sent[sent.index('id="timeline-heading"') :]
    assert AuditEntry.objects.filter(action=AuditEntry.Action.REPORT_SENT).count() == 1
    again = client.post(url + "verslag/verstuurd/", {"versie": newer.pk}, follow=True).content.decode()
    assert "Dit was al vastgelegd." in again  # a double click
    assert AuditEntry.objects.filter(action=AuditEntry.Action.REPORT_SENT).count() == 1
    assert warning in client.get(url).content.decode()  # this version now went out
    newer.refresh_from_db()  # and its letter still says which it replaces (the review)
    assert "Dit verslag vervangt het verslag dat u op" in " ".join(letter_html(behandeling, newer).split())


def test_a_letter_is_recorded_as_sent_for_the_version_it_was_made_of(page, client, staff):
    """A version a colleague saved after the letter was made would have been recorded as sent (the review)."""
    from meldingen.backoffice.workflow import Status

    behandeling, url = page
    client.post(url + "verslag/", {"verslag": TEXT})
    shown = latest(behandeling)
    refused = client.post(url + "verslag/verstuurd/", {"versie": shown.pk}, follow=True).content.decode()
    assert "Leg het versturen vast bij Status wijzigen" in refused  # before the onderzoek is finished
    for status in (Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND, Status.ONDERZOEK_AFGEROND):
        behandeling.change_status(status, staff["consulent"])  # without "verslag verstuurd"
    page_html = " ".join(client.get(url).content.decode().split())
    assert "Dit verslag is nog niet naar de inwoner gestuurd." in page_html
    assert f'name="versie" value="{shown.pk}"' in page_html
    client.post(url + "verslag/", {"verslag": "Een versie van een collega."})  # meanwhile
    stale = client.post(url + "verslag/verstuurd/", {"versie": shown.pk}, follow=True).content.decode()
    assert "Er is intussen een nieuwere versie van het verslag." in stale
    assert not Verslag.objects.filter(sent_at__isnull=False).exists()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.REPORT_SENT).exists()


def test_the_versions_sent_before_are_marked_by_the_migration(page, staff):
    """Migration 0049: the latest version written by the time "verslag verstuurd" was recorded (a day written
    down later counts from when it was written down); a version written after it is not marked."""
    from importlib import import_module

    from django.apps import apps

    from meldingen.backoffice.models import Statuswijziging
    from meldingen.backoffice.workflow import Status

    migration = import_module("meldingen.backoffice.migrations.0049_verslag_sent_at")
    behandeling, _url = page
    first = Verslag.add(behandeling, staff["consulent"], TEXT)
    sent = Verslag.add(behandeling, staff["consulent"], "De tweede versie.")
    for status in (Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND, Status.ONDERZOEK_AFGEROND):
        behandeling.change_status(status, staff["consulent"], verslag_verstuurd=True)
    later = Verslag.add(behandeling, staff["consulent"], "Na het versturen.")
    Verslag.objects.update(sent_at=None)  # as before the migration
    change = Statuswijziging.objects.get(to_status=Status.ONDERZOEK_AFGEROND)
    backdated = change.at - timedelta(days=3)
    Statuswijziging.objects.filter(pk=change.pk).update(at=backdated, recorded_at=change.at)
    migration.mark_the_versions_sent(apps, None)
    marked = {each.pk: each.sent_at for each in Verslag.objects.all()}
    assert marked == {first.pk: None, sent.pk: sent.created_at, later.pk: None}  # not before it was written
