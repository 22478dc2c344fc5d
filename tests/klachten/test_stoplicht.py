"""The traffic light: complaints of the last 12 months per 100 clients, with no light where the figure would
say little (no clients reported, few clients, a new provider) and green for one or two complaints."""

from datetime import date, timedelta

import pytest
from django.test import override_settings

from klachten import stoplicht
from klachten.models import Clientaantal
from klachten.stoplicht import GEEN, GROEN, ORANJE, ROOD, kleur
from klachten.workflow import Status

from .conftest import klacht_maken

TODAY = date(2026, 3, 2)
LONG_AGO = TODAY - timedelta(days=400)
RULES = {"MAANDEN": 12, "ORANJE": 2, "ROOD": 5, "MIN_CLIENTEN": 20, "MIN_KLACHTEN": 3, "MIN_DAGEN": 90}


@pytest.fixture(autouse=True)
def _rules(settings):
    settings.KLACHTEN_STOPLICHT = RULES


def test_a_provider_that_reported_no_clients_gets_no_light():
    assert kleur(10, None, None, TODAY) == GEEN
    assert kleur(10, 0, LONG_AGO, TODAY) == GEEN


def test_a_provider_with_fewer_clients_than_the_minimum_gets_no_light():
    assert kleur(5, 19, LONG_AGO, TODAY) == GEEN
    assert kleur(5, 20, LONG_AGO, TODAY) == ROOD


def test_a_new_provider_gets_no_light_until_it_reported_for_the_minimum_number_of_days():
    assert kleur(0, 500, TODAY - timedelta(days=89), TODAY) == GEEN
    assert kleur(0, 500, TODAY - timedelta(days=90), TODAY) == GROEN


def test_one_or_two_complaints_keep_the_light_green_even_among_few_clients():
    assert kleur(2, 20, LONG_AGO, TODAY) == GROEN  # 10 per 100, but two complaints can be chance
    assert kleur(3, 20, LONG_AGO, TODAY) == ROOD


def test_the_thresholds_per_100_clients_decide_between_green_orange_and_red():
    assert kleur(3, 200, LONG_AGO, TODAY) == GROEN  # 1.5 per 100
    assert kleur(4, 200, LONG_AGO, TODAY) == ORANJE  # 2 per 100: orange from 2
    assert kleur(9, 200, LONG_AGO, TODAY) == ORANJE  # 4.5 per 100
    assert kleur(10, 200, LONG_AGO, TODAY) == ROOD  # 5 per 100: red from 5


def test_other_thresholds_in_the_settings_change_the_colour(settings):
    settings.KLACHTEN_STOPLICHT = {**RULES, "ORANJE": 1, "ROOD": 1.5}
    assert kleur(3, 200, LONG_AGO, TODAY) == ROOD


@pytest.mark.django_db
def test_the_kaart_shows_the_light_per_provider_and_thema_from_the_last_12_months(kaart):
    from socialekaart.models import Stoplicht

    zorg, huishouden, begeleiding = kaart["zorg"], kaart["huishouden"], kaart["begeleiding"]
    Clientaantal.objects.create(organisatie=zorg, thema=huishouden, aantal=100, eerst_gemeld_op=LONG_AGO)
    Clientaantal.objects.create(organisatie=zorg, thema=begeleiding, aantal=100, eerst_gemeld_op=LONG_AGO)
    for _ in range(5):
        klacht_maken(zorg, huishouden, ontvangen_op=TODAY - timedelta(days=30))
    for _ in range(5):  # older than 12 months: no longer counted
        klacht_maken(zorg, begeleiding, ontvangen_op=TODAY - timedelta(days=380))
    klacht_maken(kaart["hulp"], huishouden, ontvangen_op=TODAY)  # a provider that never reported clients

    assert stoplicht.werk_bij(TODAY) == 3
    lights = {(s.organisatie_id, s.thema_id): s for s in Stoplicht.objects.all()}
    assert lights[(zorg.pk, huishouden.pk)].kleur == ROOD
    assert lights[(zorg.pk, huishouden.pk)].klachten == 5
    assert lights[(zorg.pk, begeleiding.pk)].kleur == GROEN
    assert lights[(kaart["hulp"].pk, huishouden.pk)].kleur == GEEN


@pytest.mark.django_db
def test_an_unfounded_complaint_does_not_count(kaart):
    zorg, huishouden = kaart["zorg"], kaart["huishouden"]
    Clientaantal.objects.create(organisatie=zorg, thema=huishouden, aantal=100, eerst_gemeld_op=LONG_AGO)
    klachten = [klacht_maken(zorg, huishouden, ontvangen_op=TODAY) for _ in range(4)]
    assert stoplicht.standen(TODAY)[0].kleur == ORANJE
    for klacht in klachten[:2]:
        klacht.change_status(Status.IN_BEHANDELING)
        klacht.change_status(Status.AFGEHANDELD, oordeel="ongegrond")
    assert stoplicht.standen(TODAY)[0].klachten == 2
    assert stoplicht.standen(TODAY)[0].kleur == GROEN


@pytest.mark.django_db
@override_settings(KLACHTEN_STOPLICHT=RULES)
def test_a_voorzienings_page_shows_the_light_in_words_and_links_to_the_explanation(client, kaart):
    from socialekaart.models import Voorziening

    voorziening = Voorziening.objects.create(
        organisatie=kaart["zorg"], name="Huishoudelijke hulp", slug="huishoudelijke-hulp", summary="Hulp."
    )
    voorziening.themas.add(kaart["huishouden"])
    Clientaantal.objects.create(
        organisatie=kaart["zorg"], thema=kaart["huishouden"], aantal=100, eerst_gemeld_op=LONG_AGO
    )
    stoplicht.werk_bij()
    html = client.get(voorziening.get_absolute_url()).content.decode()
    assert "stoplicht--groen" in html and "Groen" in html
    assert "/klacht/stoplicht/" in html
    assert f"/klacht/?organisatie={kaart['zorg'].pk}" in html


@pytest.mark.django_db
def test_a_complaint_from_a_voorzienings_page_has_its_organisation_and_kind_of_help_chosen(client, kaart):
    """A walk: a complaint from the page of a provider's huishoudelijke hulp asked again "Over welke hulp gaat
    het?". With two kinds of help, which one it is about is for the resident to say."""
    from bs4 import BeautifulSoup

    from socialekaart.models import Voorziening

    voorziening = Voorziening.objects.create(
        organisatie=kaart["zorg"], name="Huishoudelijke hulp", slug="huishoudelijke-hulp", summary="Hulp."
    )
    voorziening.themas.add(kaart["huishouden"])

    def chosen_on_the_form() -> dict:
        page = BeautifulSoup(client.get(voorziening.get_absolute_url()).content, "html.parser")
        link = page.find("a", string="Een klacht over deze organisatie doorgeven")["href"]
        form = BeautifulSoup(client.get(link).content, "html.parser")
        return {
            name: (form.select_one(f"select[name={name}] option[selected]") or {}).get("value")
            for name in ("organisatie", "thema")
        }

    organisatie = str(kaart["zorg"].pk)
    assert chosen_on_the_form() == {"organisatie": organisatie, "thema": str(kaart["huishouden"].pk)}
    voorziening.themas.add(kaart["begeleiding"])
    assert chosen_on_the_form() == {"organisatie": organisatie, "thema": ""}  # "Weet ik niet"
    assert client.get(f"/klacht/?thema={kaart['zorg'].pk}&organisatie=x").status_code == 200


@pytest.mark.django_db
def test_a_theme_without_a_light_reads_too_little_data_as_a_light_without_figures_does(client, kaart):
    """A walk: 9 of the 17 Huishouden offers said nothing about a light beside those with a colour."""
    from socialekaart.models import Voorziening

    voorziening = Voorziening.objects.create(
        organisatie=kaart["zorg"], name="Huishoudelijke hulp", slug="huishoudelijke-hulp", summary="Hulp."
    )
    voorziening.themas.add(kaart["huishouden"])
    html = " ".join(client.get(voorziening.get_absolute_url()).content.decode().split())
    # A second walk read "Te weinig gegevens" alone, under "Klachten", as "there are complaints".
    said = "Huishouden: <strong>Te weinig gegevens</strong>. Wij kunnen nog niets zeggen over klachten."
    assert "stoplicht--geen" in html and said in html
    assert "/klacht/stoplicht/" in html


def test_the_lights_are_counted_again_every_day_by_the_worker(db, settings):
    """A complaint past the 12-month window drops out without anyone touching the provider: each recount
    puts the next one on the queue, a day later."""
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from klachten import tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    tasks.recount()
    tasks.recount()  # a second change queues no second recount
    waiting = DBTaskResult.objects.filter(task_path=tasks.update_stoplichten_task.module_path)
    assert waiting.count() == 1
    assert waiting.get().run_after > timezone.now() + timedelta(hours=23)
    waiting.update(run_after=timezone.now())  # its day has come: the worker runs it
    queued = waiting.get()
    queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])
    assert waiting.filter(run_after__gt=timezone.now() + timedelta(hours=23)).count() == 1


@pytest.mark.django_db
def test_a_recount_keeps_other_writers_of_the_lights_waiting_until_it_is_done(kaart):
    """A review: two recounts at once (two complaints, or one closed meanwhile) each deleted the rows before
    the other's were written, and the second insert broke on the unique pair; a complaint stored in the same
    transaction was lost with it. On PostgreSQL a replacement holds the table against other writers until it
    commits (a second connection cannot take the lock a DELETE needs meanwhile)."""
    import psycopg
    from django.db import connection
    from django.utils import timezone

    from socialekaart.models import Stoplicht
    from socialekaart.public import StoplichtStand, replace_stoplichten

    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time")
    replace_stoplichten(
        [StoplichtStand(kaart["zorg"].pk, kaart["huishouden"].pk, GROEN, 0, 100)], timezone.now()
    )
    settings = connection.settings_dict
    other = psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
    )
    try:
        with pytest.raises(psycopg.errors.LockNotAvailable):
            other.execute(f"LOCK TABLE {Stoplicht._meta.db_table} IN ROW EXCLUSIVE MODE NOWAIT")
    finally:
        other.rollback()
        other.close()
