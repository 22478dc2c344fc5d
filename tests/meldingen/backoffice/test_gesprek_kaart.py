"""The kaart in the gesprek: the voorzieningen that fit a melding on its page, nearest first with capacity,
and the verwijzingen the consulent records (timeline, audit log, dashboard, ZGW zaak)."""

import pytest
from bs4 import BeautifulSoup

from meldingen.backoffice import kaart
from meldingen.backoffice.models import AuditEntry, Verwijzing
from meldingen.choices import ONDERWERPEN
from meldingen.delivery.jobs import run_job
from meldingen.delivery.models import DeliveryJob
from meldingen.delivery.tasks import send_additions
from socialekaart import public
from socialekaart.models import Capaciteit, Term, Voorziening, WijkPostcode
from socialekaart.search import get_backend
from tests.socialekaart.factories import (
    LocatieFactory,
    SynoniemgroepFactory,
    TermFactory,
    VoorzieningFactory,
    VoorzieningOpLocatieFactory,
)

from .fixtures import assert_refused, delivery_target, store
from .standin import StandIn


def _place(voorziening, latitude, longitude):
    locatie = LocatieFactory(organisatie=voorziening.organisatie, latitude=latitude, longitude=longitude)
    VoorzieningOpLocatieFactory(voorziening=voorziening, locatie=locatie)


@pytest.fixture
def kaart_data(wijken):
    WijkPostcode.objects.filter(pc4="3911").update(latitude=52.0, longitude=5.0)
    huishouden = TermFactory(code="huishouden", name="Huishouden")
    maaltijden = TermFactory(code="maaltijden", name="Maaltijden")
    vervoer = TermFactory(code="vervoer", name="Vervoer")
    far = VoorzieningFactory(name="Klussendienst Ver Weg", themas=[huishouden], wijken=[wijken["centrum"]])
    _place(far, 52.05, 5.0)
    near = VoorzieningFactory(name="Maaltijdservice Dichtbij", themas=[maaltijden], hele_gemeente=True)
    _place(near, 52.001, 5.0)
    other_wijk = VoorzieningFactory(
        name="Huishoudhulp Oude Haven", themas=[huishouden], wijken=[wijken["haven"]]
    )
    other_theme = VoorzieningFactory(name="Buurtbus", themas=[vervoer], hele_gemeente=True)
    stopped = VoorzieningFactory(
        name="Gestopte hulp", themas=[huishouden], hele_gemeente=True, status=Voorziening.Status.GESTOPT
    )
    maatwerk = VoorzieningFactory(
        name="Huishoudelijke hulp via de Wmo",
        themas=[huishouden],
        hele_gemeente=True,
        toegang=Voorziening.Toegang.BESCHIKKING,
    )
    closed = VoorzieningFactory(
        name="Maaltijdservice Even Dicht",
        themas=[maaltijden],
        hele_gemeente=True,
        status=Voorziening.Status.TIJDELIJK_GESLOTEN,
    )
    Capaciteit.objects.create(voorziening=far, wijk=wijken["centrum"], status="beperkt", wachttijd_weken=3)
    return {
        "maatwerk": maatwerk,
        "closed": closed,
        "far": far,
        "near": near,
        "other_wijk": other_wijk,
        "other_theme": other_theme,
        "stopped": stopped,
    }


def test_every_onderwerp_of_the_melding_maps_to_kaart_themes():
    assert set(kaart.ONDERWERP_THEMAS) == {code for code, _label in ONDERWERPEN}
    assert all(kaart.ONDERWERP_THEMAS.values())


def test_the_kaart_gives_voorzieningen_of_the_themes_in_the_wijk_nearest_first_with_capacity(
    kaart_data, wijken
):
    found = public.voorzieningen_for(["huishouden", "maaltijden"], wijken["centrum"], near="3911 AB")
    assert [item.name for item in found] == ["Maaltijdservice Dichtbij", "Klussendienst Ver Weg"]
    assert found[0].distance_km < found[1].distance_km
    assert found[1].capacity == "beperkt" and found[1].wachttijd_weken == 3
    assert found[0].url == f"/sociale-kaart/{kaart_data['near'].slug}/"


def test_help_that_needs_a_beschikking_is_no_voorliggende_voorziening(kaart_data, client):
    """A walk: "Scootmobiel via de Wmo" stood among what fits the melding, and once "Verwezen" it counted on
    the dashboard as a referral to a voorliggende voorziening: help with a beschikking is the maatwerk the
    melding may lead to, not what comes before it."""
    melding = store(onderwerpen=("huishouden",))
    offered = [item.name for item in kaart.suggestions(melding)]
    assert "Huishoudelijke hulp via de Wmo" not in offered
    with pytest.raises(kaart.NotASuggestion):
        kaart.record(melding, None, str(kaart_data["maatwerk"].pk), Verwijzing.Soort.VERWEZEN)
    # A walk after the change: help closed for now was offered as "Altijd plek", with "Verwezen".
    assert "Maaltijdservice Even Dicht" not in offered and "Maaltijdservice Dichtbij" in offered


def test_an_onderwerps_own_thema_comes_before_its_second_one(kaart_data):
    """ "dagbesteding" also looks at ontmoeting: the many places to meet, nearer, filled the first ten, and
    the woningaanpassing asked for with "woning" was not among them."""
    melding = store(onderwerpen=("huishouden",))  # huishouden first, then maaltijden
    names = [item.name for item in kaart.suggestions(melding)]
    assert names == ["Klussendienst Ver Weg", "Maaltijdservice Dichtbij"]
    assert [item.name for item in kaart.suggestions(melding, limit=1)] == ["Klussendienst Ver Weg"]


def test_a_short_melding_gets_clientondersteuning_before_the_places_to_meet(kaart_data, staff, client):
    """A short melding (no onderwerpen yet) got only the ten nearest places to meet."""
    ontmoeting = TermFactory(code="ontmoeting", name="Ontmoeting")
    ondersteuning = TermFactory(code="clientondersteuning", name="Cliëntondersteuning")
    buurthuis = VoorzieningFactory(name="Buurthuis", themas=[ontmoeting], hele_gemeente=True)
    _place(buurthuis, 52.001, 5.0)
    VoorzieningFactory(name="Cliëntondersteuning Wmo", themas=[ondersteuning], hele_gemeente=True)
    melding = store(soort="kort", onderwerpen=())
    names = [item.name for item in kaart.suggestions(melding)]
    assert names.index("Cliëntondersteuning Wmo") < names.index("Buurthuis")
    client.force_login(staff["consulent"])
    page = client.get(f"/admin/backoffice/meldingen/{melding.behandeling.pk}/").content.decode()
    assert "De melding noemt nog geen onderwerp." in page and "Hulp bij de onderwerpen zelf" not in page
    parts = (
        page.index('<h3 id="kaart-part-1">Cliëntondersteuning</h3>'),
        page.index("Andere hulp in de wijk</h3>"),
    )
    assert parts[0] < page.index("Cliëntondersteuning Wmo") < parts[1] < page.index("Buurthuis")


def test_the_melding_page_shows_the_fitting_voorzieningen(kaart_data, staff, client):
    melding = store(postcode="3911 AB", onderwerpen=("huishouden",))
    client.force_login(staff["consulent"])
    page = client.get(f"/admin/backoffice/meldingen/{melding.behandeling.pk}/").content.decode()
    assert "Sociale kaart: wat past bij deze melding" in page
    assert "Maaltijdservice Dichtbij" in page and "Klussendienst Ver Weg" in page
    assert "Huishoudhulp Oude Haven" not in page and "Buurtbus" not in page and "Gestopte hulp" not in page
    assert page.index("Klussendienst Ver Weg") < page.index("Maaltijdservice Dichtbij")  # its own thema
    # Each part under a heading of its own (a walk read "Eerst ..., daarna ..." above one list).
    own, other = (
        page.index("Bij de onderwerpen van de melding</h3>"),
        page.index("Andere hulp die erbij past</h3>"),
    )
    assert own < page.index("Klussendienst Ver Weg") < other < page.index("Maaltijdservice Dichtbij")
    assert "3 weken wachten" in page


def test_whether_there_is_room_says_why_it_is_not_known(kaart_data, staff, client):
    """ "Plek vrij? Onbekend" stood beside a buurthuis, which has no maximum of places to fill."""
    kaart_data["near"].beperkte_plaatsen = True  # limited, and its provider has not said if there is room
    kaart_data["near"].save()
    VoorzieningFactory(name="Klusjes Open", themas=[kaart_data["far"].themas.first()], hele_gemeente=True)
    melding = store(postcode="3911 AB", onderwerpen=("huishouden",))
    client.force_login(staff["consulent"])
    page = client.get(f"/admin/backoffice/meldingen/{melding.behandeling.pk}/").content.decode()
    rows = {
        row.select_one("a").get_text(strip=True): row.select("td")[2].get_text(" ", strip=True)
        for row in BeautifulSoup(page, "html.parser").select("#kaart-heading ~ div tbody tr")
    }
    assert rows["Maaltijdservice Dichtbij"] == "Niet doorgegeven"
    assert rows["Klusjes Open"] == "Altijd plek (geen maximum)"
    assert "Onbekend<" not in page


def test_recording_a_verwijzing_puts_it_on_the_record_timeline_and_audit_log(kaart_data, staff, client):
    melding = store(postcode="3911 AB", onderwerpen=("huishouden",))
    client.force_login(staff["consulent"])
    url = f"/admin/backoffice/meldingen/{melding.behandeling.pk}/"
    response = client.post(
        url + "verwijzing/", {"voorziening": str(kaart_data["far"].id), "soort": "verwezen"}
    )
    assert response.status_code == 302
    # A walk: back at the page's top, on a phone she scrolled past the whole melding for the next one.
    assert response["Location"] == url + "#kaart-heading"
    verwijzing = Verwijzing.objects.get()
    assert (verwijzing.voorziening_name, verwijzing.thema, verwijzing.wijk, verwijzing.user) == (
        "Klussendienst Ver Weg",
        "huishouden",
        "Centrum",
        staff["consulent"],
    )
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.REFERRAL_ADDED, reference=melding.reference
    ).exists()
    page = client.get(url).content.decode()
    assert "Verwezen: Klussendienst Ver Weg" in page  # the timeline
    assert "Thema Huishouden, wijk Centrum" in page  # the thema by its name, not its code
    assert "Wat al is vastgelegd" in page  # by anyone: not "what you recorded"


def test_a_verwijzing_counts_under_the_thema_of_the_onderwerp_it_answers(kaart_data, staff, client):
    """A walk: the steunpunt mantelzorg (cliëntondersteuning and mantelzorg), for a melding about
    "begeleiding" and "Rust voor de mantelzorger", was counted under cliëntondersteuning: the second thema
    of "begeleiding" came before the own thema of "mantelzorg"."""
    ondersteuning = TermFactory(code="clientondersteuning", name="Cliëntondersteuning")
    mantelzorg = TermFactory(code="mantelzorg", name="Mantelzorg")
    steunpunt = VoorzieningFactory(name="Steunpunt mantelzorg", themas=[ondersteuning, mantelzorg])
    steunpunt.hele_gemeente = True
    steunpunt.save()
    melding = store(postcode="3911 AB", onderwerpen=("begeleiding", "mantelzorg"))
    client.force_login(staff["consulent"])
    url = f"/admin/backoffice/meldingen/{melding.behandeling.pk}/verwijzing/"
    assert client.post(url, {"voorziening": str(steunpunt.id), "soort": "verwezen"}).status_code == 302
    assert Verwijzing.objects.get().thema == "mantelzorg"


def test_a_second_click_records_nothing_more_and_says_so(kaart_data, staff, client):
    melding = store(postcode="3911 AB", onderwerpen=("huishouden",))
    client.force_login(staff["consulent"])
    url = f"/admin/backoffice/meldingen/{melding.behandeling.pk}/verwijzing/"
    for soort in ("besproken", "besproken", "verwezen", "verwezen"):
        client.post(url, {"voorziening": str(kaart_data["far"].id), "soort": soort})
    assert sorted(Verwijzing.objects.values_list("soort", flat=True)) == ["besproken", "verwezen"]
    assert AuditEntry.objects.filter(action=AuditEntry.Action.REFERRAL_ADDED).count() == 2
    page = client.get(f"/admin/backoffice/meldingen/{melding.behandeling.pk}/").content.decode()
    assert "Dit was al vastgelegd: verwezen Klussendienst Ver Weg." in page


def test_a_verwijzing_recorded_by_mistake_is_taken_away_and_no_longer_counted(kaart_data, staff, client):
    """A walk: "Verwezen" clicked for "Besproken" stayed for good, counted on the dashboard as a referral;
    "Besproken" clicked after it only added a second line."""
    melding = store(postcode="3911 AB", onderwerpen=("huishouden",))
    wrong = kaart.record(melding, staff["consulent"], str(kaart_data["far"].id), Verwijzing.Soort.VERWEZEN)
    client.force_login(staff["consulent_haven"])  # not her wijk: she does not find it
    url = f"/admin/backoffice/meldingen/{melding.behandeling.pk}/verwijzing/{wrong.pk}/weghalen/"
    assert_refused(client.post(url))
    client.force_login(staff["consulent"])
    page = client.get(f"/admin/backoffice/meldingen/{melding.behandeling.pk}/").content.decode()
    assert f'action="{url}"' in page

    def row_of_far():  # the suggestion's row: what is recorded instead of its button
        html = client.get(f"/admin/backoffice/meldingen/{melding.behandeling.pk}/").content
        link = BeautifulSoup(html, "html.parser").find("a", string="Klussendienst Ver Weg")
        return link.find_parent("tr")

    assert "Verwezen: vastgelegd" in row_of_far().get_text()
    assert [button["value"] for button in row_of_far().select("button[name=soort]")] == ["besproken"]
    response = client.post(url, follow=True)
    html = response.content.decode()
    said = "Weggehaald: verwezen Klussendienst Ver Weg. Klopt dat niet? Leg het dan opnieuw vast."
    assert said in html
    assert not Verwijzing.objects.exists()
    entry = AuditEntry.objects.get(action=AuditEntry.Action.REFERRAL_REMOVED)
    assert (entry.reference, entry.detail) == (melding.reference, "Verwezen: Klussendienst Ver Weg")
    assert "Verwijzing weggehaald" in html  # the timeline
    assert "Dit was al weggehaald." in client.post(url, follow=True).content.decode()  # a second click
    assert [button["value"] for button in row_of_far().select("button[name=soort]")] == [
        "besproken",
        "verwezen",
    ]
    client.force_login(staff["teamleider"])
    assert "Nog geen verwijzingen." in client.get("/admin/backoffice/overzicht/").content.decode()


def test_a_voorziening_that_does_not_fit_the_melding_is_not_recorded(kaart_data, staff, client):
    melding = store(postcode="3911 AB", onderwerpen=("huishouden",))
    client.force_login(staff["consulent"])
    url = f"/admin/backoffice/meldingen/{melding.behandeling.pk}/verwijzing/"
    for voorziening in ("other_wijk", "other_theme", "stopped"):
        client.post(url, {"voorziening": str(kaart_data[voorziening].id), "soort": "verwezen"})
    client.post(url, {"voorziening": "geen-uuid", "soort": "verwezen"})
    assert not Verwijzing.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "consulent_haven", "beheerder", "redacteur", "aanbieder"])
def test_only_those_who_may_see_the_melding_record_a_verwijzing(kaart_data, staff, client, who):
    from .fixtures import make_user

    melding = store(postcode="3911 AB", onderwerpen=("huishouden",))
    if who == "aanbieder":
        client.force_login(make_user("aanbieder-x", "Aanbieders"))
    elif who != "anonymous":
        client.force_login(staff[who])
    response = client.post(
        f"/admin/backoffice/meldingen/{melding.behandeling.pk}/verwijzing/",
        {"voorziening": str(kaart_data["far"].id), "soort": "verwezen"},
    )
    assert_refused(response)
    assert not Verwijzing.objects.exists()


def test_the_dashboard_counts_referrals_per_theme_and_wijk(kaart_data, staff, client):
    melding = store(postcode="3911 AB", onderwerpen=("huishouden",))
    kaart.record(melding, staff["consulent"], str(kaart_data["far"].id), Verwijzing.Soort.VERWEZEN)
    kaart.record(melding, staff["consulent"], str(kaart_data["near"].id), Verwijzing.Soort.BESPROKEN)
    client.force_login(staff["teamleider"])
    page = client.get("/admin/backoffice/overzicht/").content.decode()
    assert "Verwezen naar voorliggende voorziening, per thema en wijk" in page
    assert '<th scope="row">Huishouden</th><td>Centrum</td><td>1</td>' in page
    assert "Maaltijden</th><td>Centrum" not in page  # only discussed: no referral
    csv = client.get("/admin/backoffice/overzicht.csv").content.decode()
    assert "verwezen naar voorliggende voorziening;Huishouden / Centrum;1" in csv
    client.force_login(staff["consulent_haven"])
    assert "Nog geen verwijzingen." in client.get("/admin/backoffice/overzicht/").content.decode()


@pytest.fixture
def standin():
    server = StandIn().start()
    yield server
    server.stop()


def test_a_verwijzing_reaches_the_zaak_as_a_zaakobject_without_a_second_zaak(
    kaart_data, staff, standin, django_capture_on_commit_callbacks
):
    delivery_target(
        "Open Zaak",
        "zgw",
        "s" * 32,
        client_id="wmo-portaal",
        zaken_api_url=f"{standin.url}/zaken/api/v1",
        documenten_api_url=f"{standin.url}/documenten/api/v1",
        zaaktype=f"{standin.url}/catalogi/api/v1/zaaktypen/1",
        informatieobjecttype=f"{standin.url}/catalogi/api/v1/informatieobjecttypen/1",
        roltype_initiator=f"{standin.url}/catalogi/api/v1/roltypen/1",
        bronorganisatie="999999990",
    )
    melding = store(postcode="3911 AB", onderwerpen=("huishouden",))
    job = DeliveryJob.objects.get(melding=melding, target__kind="zgw")
    assert run_job(job.pk) == "delivered"
    assert "zaakobjecten" not in standin.zgw
    with django_capture_on_commit_callbacks(execute=True):  # the job goes round once more (tasks run at once)
        kaart.record(melding, staff["consulent"], str(kaart_data["far"].id), Verwijzing.Soort.VERWEZEN)
    job.refresh_from_db()
    assert job.state == DeliveryJob.State.DELIVERED
    assert len(standin.zgw["zaken"]) == 1 and len(standin.zgw["enkelvoudiginformatieobjecten"]) == 1
    zaakobject = standin.zgw["zaakobjecten"][0]
    assert zaakobject["zaak"] == standin.zgw["zaken"][0]["url"]
    assert zaakobject["objectType"] == "overige" and zaakobject["object"].endswith(
        kaart_data["far"].slug + "/"
    )
    assert zaakobject["relatieomschrijving"] == "Verwezen: Klussendienst Ver Weg"
    assert zaakobject["objectIdentificatie"]["overigeData"] == {"thema": "huishouden", "wijk": "Centrum"}

    # Taken away by mistake: the zaakobject leaves the zaak, once.
    verwijzing = Verwijzing.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        kaart.remove(melding, staff["consulent"], verwijzing.pk)
    job.refresh_from_db()
    assert job.state == DeliveryJob.State.DELIVERED and standin.zgw["zaakobjecten"] == []
    assert f"zaakobject-{verwijzing.pk}" not in job.progress
    deletes = [request for request in standin.requests if request.method == "DELETE"]
    assert len(deletes) == 1 and deletes[0].path.endswith(zaakobject["url"].rsplit("/", 1)[-1])
    send_additions(melding)  # once more: nothing left to take away
    assert len([request for request in standin.requests if request.method == "DELETE"]) == 1


def test_the_kaart_section_is_b1_with_and_without_voorzieningen_and_verwijzingen(kaart_data, staff, client):
    from tests.b1 import assert_b1, backoffice_text

    client.force_login(staff["consulent"])
    names = [value for v in kaart_data.values() for value in (v.name, v.organisatie.name)]
    names.append(staff["consulent"].username)
    with_kaart = store(postcode="3911 AB", onderwerpen=("huishouden",))
    url = f"/admin/backoffice/meldingen/{with_kaart.behandeling.pk}/"
    assert_b1(
        backoffice_text(client.get(url).content.decode(), "kaart-heading"), "kaart, nothing recorded", names
    )
    client.post(url + "verwijzing/", {"voorziening": str(kaart_data["far"].id), "soort": "verwezen"})
    client.post(url + "verwijzing/", {"voorziening": str(kaart_data["near"].id), "soort": "besproken"})
    assert_b1(
        backoffice_text(client.get(url).content.decode(), "kaart-heading"), "kaart, two verwijzingen", names
    )
    nothing_fits = store(postcode="3911 AB", onderwerpen=("vervoer",))
    Voorziening.objects.filter(themas__code="vervoer").delete()
    html = client.get(f"/admin/backoffice/meldingen/{nothing_fits.behandeling.pk}/").content.decode()
    assert_b1(backoffice_text(html, "kaart-heading"), "kaart, nothing fits", names)


def test_the_suggestions_fit_the_residents_age(kaart_data, wijken):
    """A walk was offered the jongerencoach (12 to 23 years) for a resident born in 1944."""
    from meldingen.models import Melding

    young = VoorzieningFactory(
        name="Jongerencoach", themas=kaart_data["far"].themas.all(), hele_gemeente=True, leeftijd_min=12
    )
    young.leeftijd_max = 23
    young.save()
    melding = store(onderwerpen=("huishouden",))
    assert young.name in [item.name for item in kaart.suggestions(melding)]  # no birth date: any age
    answers = melding.typed_answers.to_dict()
    answers["gegevens"]["geboortedatum"] = "1944-02-14"
    Melding.objects.filter(pk=melding.pk).update(encrypted_answers=Melding(answers=answers).encrypted_answers)
    melding.refresh_from_db()
    names = [item.name for item in kaart.suggestions(melding)]
    assert young.name not in names and "Klussendienst Ver Weg" in names
    with pytest.raises(kaart.NotASuggestion):
        kaart.record(melding, None, str(young.pk), "besproken")


def test_help_meant_only_for_a_group_the_melding_does_not_name_comes_after_help_for_the_resident(
    kaart_data, wijken
):
    """A walk's consulent was offered the GGZ inloop before the places to meet for a forgetful woman of 82."""
    from meldingen.models import Melding

    ontmoeting = TermFactory(code="ontmoeting", name="Ontmoeting")

    def doelgroep(code):
        return TermFactory(code=code, name=code.capitalize(), vocabulary=Term.Vocabulary.DOELGROEP)

    for name, groups, latitude in (
        ("GGZ inloop", [doelgroep("ggz")], 52.001),
        ("Jongerencafe", [doelgroep("jongeren")], 52.002),
        ("Soos voor ouderen", [doelgroep("ouderen"), doelgroep("ggz")], 52.003),
        ("Buurthuis", [], 52.004),
        ("Open huiskamer", [doelgroep("iedereen")], 52.0045),  # a group an editor added: not moved down
        ("Mantelzorgcafe", [doelgroep("mantelzorgers")], 52.005),
    ):
        _place(
            VoorzieningFactory(name=name, themas=[ontmoeting], doelgroepen=groups, hele_gemeente=True),
            latitude,
            5.0,
        )
    melding = store(postcode="3911 AB", onderwerpen=("ontmoeting",))

    def names():
        return [item.name for item in kaart.suggestions(melding) if ontmoeting.code in item.themes]

    everyone = [
        "GGZ inloop",
        "Jongerencafe",
        "Soos voor ouderen",
        "Buurthuis",
        "Open huiskamer",
        "Mantelzorgcafe",
    ]
    assert names() == everyone  # no birth date: nearest first
    answers = melding.typed_answers.to_dict()
    answers["gegevens"]["geboortedatum"] = "1944-02-14"
    Melding.objects.filter(pk=melding.pk).update(encrypted_answers=Melding(answers=answers).encrypted_answers)
    melding.refresh_from_db()
    fitting = ["Soos voor ouderen", "Buurthuis", "Open huiskamer", "Mantelzorgcafe"]
    assert names() == [*fitting, "GGZ inloop", "Jongerencafe"]


def test_each_onderwerp_has_its_turn_among_the_ten_suggestions(kaart_data, staff, client):
    """A walk: for five onderwerpen the ten nearest places filled the list, and the dagbesteding the melding
    asked for, 300 m further, was not on it; the page then said "In elk deel" above one part."""
    huishouden = Term.objects.get(code="huishouden")
    for number in range(12):
        _place(
            VoorzieningFactory(name=f"Huishoudhulp {number}", themas=[huishouden], hele_gemeente=True),
            52.0,
            5.0,
        )
    dagbesteding = VoorzieningFactory(
        name="Dagbesteding Verderop",
        themas=[TermFactory(code="dagbesteding", name="Dagbesteding")],
        hele_gemeente=True,
    )
    _place(dagbesteding, 52.003, 5.0)
    melding = store(postcode="3911 AB", onderwerpen=("huishouden", "dagbesteding"))
    _by_words, first, _second, _nothing_for = kaart.suggestions_in_parts(melding)
    names = [item.name for item in first]
    assert len(names) == kaart.SUGGESTIONS and "Dagbesteding Verderop" in names
    distances = [item.distance_km for item in first]
    assert distances == sorted(distances) and names[-1] == "Dagbesteding Verderop"  # still nearest first
    client.force_login(staff["consulent"])
    page = client.get(f"/admin/backoffice/meldingen/{melding.behandeling.pk}/").content.decode()
    assert (
        "In elk deel" not in page
        and "Elk onderwerp krijgt een plek in de lijst, als de kaart er hulp voor heeft." in page
    )
    # Each row says which onderwerp it answers: the walk could not tell which of ten was the dagbesteding.
    row = page[page.index("Dagbesteding Verderop") :]
    assert "Bij: Dagbesteding" in row[: row.index("</td>")]
    row = page[page.index("Huishoudhulp 0") :]
    assert "Bij: Hulp bij het huishouden" in row[: row.index("</td>")]


def test_a_melding_with_one_onderwerp_labels_no_row(kaart_data, staff, client):
    """The heading names the one onderwerp already."""
    melding = store(postcode="3911 AB", onderwerpen=("huishouden",))
    client.force_login(staff["consulent"])
    page = client.get(f"/admin/backoffice/meldingen/{melding.behandeling.pk}/").content.decode()
    assert "Bij: " not in page and kaart.suggestions_in_parts(melding)[1]


def test_an_onderwerp_the_kaart_has_no_help_for_is_named(kaart_data, staff, client):
    """A walk: "Dagbesteding" got no row (in Oude Haven all of it needs a beschikking), and the consulent
    could not tell whether it was left out."""
    TermFactory(code="dagbesteding", name="Dagbesteding")
    melding = store(postcode="3911 AB", onderwerpen=("huishouden", "dagbesteding"))
    assert kaart.suggestions_in_parts(melding)[3] == ["Dagbesteding"]
    client.force_login(staff["consulent"])
    page = " ".join(
        client.get(f"/admin/backoffice/meldingen/{melding.behandeling.pk}/").content.decode().split()
    )
    said = "De kaart vond in deze wijk geen voorliggende voorziening bij:</p> <ul><li>Dagbesteding</li></ul>"
    assert said in page
    assert kaart.suggestions_in_parts(store(postcode="3911 AB", onderwerpen=("huishouden",)))[3] == []


def test_a_clientondersteuner_asked_for_is_among_the_kaarts_first_suggestions(kaart_data, staff, client):
    """A walk: the page said "Breng de inwoner met een cliëntondersteuner in contact" above a kaart without
    one, while a short melding that asked for none got a whole table of them."""
    from meldingen.storage import store_melding

    from .fixtures import answers

    steun = VoorzieningFactory(
        name="MEE Cliëntondersteuning",
        themas=[TermFactory(code="clientondersteuning", name="Cliëntondersteuning")],
        hele_gemeente=True,
    )
    _place(steun, 52.05, 5.0)
    asked = {"plek": "thuis", "wie_erbij": ["clientondersteuner"]}
    melding, _new = store_melding({**answers(onderwerpen=("huishouden",)), "gesprek": asked})
    _by_words, first, _second, _nothing_for = kaart.suggestions_in_parts(melding)
    labels = kaart.onderwerpen_answered(melding, first)
    by_name = {item.name: labels.get(item.id) for item in first}
    assert by_name["MEE Cliëntondersteuning"] == "Cliëntondersteuning, gevraagd"
    assert by_name["Klussendienst Ver Weg"] == "Hulp bij het huishouden"
    # Recorded, it counts under its own thema, not the melding's first ("huishouden").
    meest = next(item for item in first if item.name == "MEE Cliëntondersteuning")
    assert kaart.record(melding, staff["consulent"], meest.id, "verwezen").thema == "clientondersteuning"
    # Not asked for: the kaart keeps to the onderwerpen, and one onderwerp needs no label.
    plain = store(postcode="3911 AB", onderwerpen=("huishouden",))
    assert "MEE Cliëntondersteuning" not in [item.name for item in kaart.suggestions(plain)]
    assert kaart.onderwerpen_answered(plain, kaart.suggestions(plain)) == {}


def test_the_kaarts_suggestions_say_which_help_speaks_the_tolks_language(kaart_data, staff, client):
    """A walk: a daughter asked a tolk in Turkish for her father, and the consulent could not see which of
    the kaart's help speaks it (the kaart's own results name their languages)."""
    from meldingen.storage import store_melding
    from socialekaart import languages

    from .fixtures import answers

    huishouden = Term.objects.get(code="huishouden")
    turks = VoorzieningFactory(
        name="Thuishulp Anadolu", themas=[huishouden], hele_gemeente=True, talen=["nl", "tr"]
    )
    _place(turks, 52.01, 5.0)
    asked = {"plek": "thuis", "tolk": "Turks"}
    melding, _new = store_melding({**answers(onderwerpen=("huishouden",)), "gesprek": asked})
    client.force_login(staff["consulent"])
    page = client.get(f"/admin/backoffice/meldingen/{melding.behandeling.pk}/").content.decode()
    for name, speaks in (("Thuishulp Anadolu", True), ("Klussendienst Ver Weg", False)):
        row = page[page.index(name) :]
        assert ("Helpt ook in het Turks" in row[: row.index("</td>")]) is speaks, name
    for typed in ("Koerdisch of Turks", "Turks en Arabisch"):  # the language named anywhere in the answer
        other, _new = store_melding({**answers(onderwerpen=("huishouden",)), "gesprek": {"tolk": typed}})
        assert kaart.in_the_tolks_language(other, kaart.suggestions(other)) == {str(turks.pk): "Turks"}, typed
    assert languages.named("de Duitse taal") == []  # a word of two letters is no code here ("de")
    plain = store(postcode="3911 AB", onderwerpen=("huishouden",))  # no tolk asked: nothing said
    assert (
        "Helpt ook in het"
        not in client.get(f"/admin/backoffice/meldingen/{plain.behandeling.pk}/").content.decode()
    )


def _short_melding(words: str):
    from meldingen.storage import store_melding

    from .fixtures import answers

    waarover = {"onderwerpen": [], "toelichting": words}
    melding, _new = store_melding({**answers(soort="kort", onderwerpen=()), "waarover": waarover})
    return melding


def test_a_short_melding_s_own_words_find_help_above_the_rest(kaart_data, staff, client):
    """A walk: a short melding said its mother "valt vaak" and "vergeet" things; the consulent was offered
    cliëntondersteuning and places to meet, and not the course against falling."""
    gezondheid = TermFactory(code="gezondheid", name="Gezondheid")
    cursus = VoorzieningFactory(
        name="Cursus Minder vallen", summary="Voor wie vaak valt.", themas=[gezondheid], hele_gemeente=True
    )
    VoorzieningFactory(
        name="Valpreventie via de Wmo",
        summary="Voor wie vaak valt.",
        themas=[gezondheid],
        hele_gemeente=True,
        toegang=Voorziening.Toegang.BESCHIKKING,  # maatwerk, no voorliggende voorziening
    )
    VoorzieningFactory(
        name="Cliëntondersteuning Wmo",
        themas=[TermFactory(code="clientondersteuning", name="Cliëntondersteuning")],
        hele_gemeente=True,
    )
    SynoniemgroepFactory(termen="vallen, valt, gevallen, valpreventie")  # the kaart's own words
    get_backend().rebuild()
    melding = _short_melding("Mijn moeder valt vaak")
    by_words, first, second, _nothing_for = kaart.suggestions_in_parts(melding)
    assert [item.name for item in by_words] == ["Cursus Minder vallen"]
    assert "Cursus Minder vallen" not in [item.name for item in [*first, *second]]  # once on the page
    client.force_login(staff["consulent"])
    page = client.get(f"/admin/backoffice/meldingen/{melding.behandeling.pk}/").content.decode()
    parts = (
        page.index('<h3 id="kaart-part-1">Bij wat de melder schreef</h3>'),
        page.index('<h3 id="kaart-part-2">Cliëntondersteuning</h3>'),
    )
    assert parts[0] < page.index("Cursus Minder vallen") < parts[1] < page.index("Cliëntondersteuning Wmo")
    hint = "Eerst staat de hulp die de kaart vindt bij wat de melder schreef. De melding noemt nog geen "
    assert hint + "onderwerp. Daarna staat hulp in de wijk waar" in " ".join(page.split())
    # Recorded, it counts under its own thema: the melding has none of its themes.
    assert kaart.record(melding, staff["consulent"], str(cursus.pk), "verwezen").thema == "gezondheid"


def test_words_the_kaart_does_not_know_are_not_searched(kaart_data, staff, client, monkeypatch):
    """Only the kaart's own words are searched: the resident's text stays in this process, and everyday
    words found the laundry service five times (the review)."""
    VoorzieningFactory(name="Terugbelservice", summary="Wij bellen u graag terug.", hele_gemeente=True)
    get_backend().rebuild()
    searched = []
    search = type(get_backend()).search
    monkeypatch.setattr(
        type(get_backend()), "search", lambda self, query: searched.append(query) or search(self, query)
    )
    melding = _short_melding("Bel mij graag terug")
    assert kaart.suggestions_in_parts(melding)[0] == []
    client.force_login(staff["consulent"])
    page = client.get(f"/admin/backoffice/meldingen/{melding.behandeling.pk}/").content.decode()
    assert "Bij wat de melder schreef" not in page and "Eerst staat de hulp" not in page
    assert searched == []  # nothing of it left this process


def test_the_page_goes_on_when_the_search_is_unavailable(kaart_data, staff, client, monkeypatch):
    from socialekaart.search import SearchUnavailable

    def unavailable(self, query):
        raise SearchUnavailable("no node")

    SynoniemgroepFactory(termen="vallen, valt")
    monkeypatch.setattr(type(get_backend()), "search", unavailable)
    melding = _short_melding("Mijn moeder valt vaak")
    client.force_login(staff["consulent"])
    response = client.get(f"/admin/backoffice/meldingen/{melding.behandeling.pk}/")
    assert response.status_code == 200 and "Bij wat de melder schreef" not in response.content.decode()


def test_help_found_for_the_words_is_not_called_unfit_while_the_search_does_not_answer(
    kaart_data, staff, client, monkeypatch
):
    """The last review: a row just shown under "Bij wat de melder schreef", recorded while the search did not
    answer, was refused with "Deze voorziening past niet bij deze melding"."""
    from socialekaart.search import SearchUnavailable

    cursus = VoorzieningFactory(
        name="Cursus Minder vallen", summary="Voor wie vaak valt.", hele_gemeente=True
    )
    SynoniemgroepFactory(termen="vallen, valt")
    get_backend().rebuild()
    melding = _short_melding("Mijn moeder valt vaak")
    assert [item.name for item in kaart.suggestions_in_parts(melding)[0]] == ["Cursus Minder vallen"]

    def unavailable(self, query):
        raise SearchUnavailable("no node")

    monkeypatch.setattr(type(get_backend()), "search", unavailable)
    client.force_login(staff["consulent"])
    url = f"/admin/backoffice/meldingen/{melding.behandeling.pk}/verwijzing/"
    page = client.post(url, {"voorziening": str(cursus.pk), "soort": "verwezen"}, follow=True)
    said = page.content.decode()
    assert "Dit is nog niet vastgelegd: de sociale kaart kan nu niet zoeken." in said
    assert "past niet bij deze melding" not in said and not Verwijzing.objects.exists()
    monkeypatch.undo()
    client.post(url, {"voorziening": str(cursus.pk), "soort": "verwezen"})
    assert Verwijzing.objects.get().voorziening_name == "Cursus Minder vallen"


def test_each_need_in_the_words_finds_its_own_help(kaart_data, staff, client):
    """A walk: "Ik val vaak en vergeet mijn pillen" found help for falling only; "pillen" alone finds the
    wijkverpleging, and now has its turn."""
    gezondheid = TermFactory(code="gezondheid", name="Gezondheid")
    SynoniemgroepFactory(termen="vallen, valt, gevallen")
    SynoniemgroepFactory(termen="medicijnen, pillen")
    for number in range(4):
        VoorzieningFactory(
            name=f"Cursus Minder vallen {number}", summary="Voor wie valt.", hele_gemeente=True
        )
    VoorzieningFactory(
        name="Wijkverpleging", summary="Hulp bij medicijnen.", themas=[gezondheid], hele_gemeente=True
    )
    get_backend().rebuild()
    by_words = kaart.suggestions_in_parts(_short_melding("Mijn moeder valt vaak en neemt haar pillen niet"))[
        0
    ]
    names = [item.name for item in by_words]
    first_two = sorted(names[:2])  # one of each need, in turn
    assert first_two[0].startswith("Cursus Minder vallen") and first_two[1] == "Wijkverpleging", names


def test_a_long_meldings_words_find_help_the_onderwerpen_do_not(kaart_data, staff):
    """A walk: a son's long melding for his mother chose eten and begeleiding, and said "Ze valt soms" under
    "Wat lukt niet meer?"; the personenalarmering was not offered. Help of the onderwerpen's own themes
    stands in their own parts, not again under the words."""
    from meldingen.storage import store_melding

    from .fixtures import answers

    veiligheid = TermFactory(code="veiligheid", name="Veiligheid")
    VoorzieningFactory(
        name="Personenalarmering", summary="Valt u? Druk op de knop.", themas=[veiligheid], hele_gemeente=True
    )
    SynoniemgroepFactory(termen="vallen, valt, gevallen")
    SynoniemgroepFactory(termen="stofzuigen, schoonmaken")
    VoorzieningFactory(
        name="Schoonmaakhulp",
        summary="Wij helpen met stofzuigen.",
        themas=[Term.objects.get(code="huishouden")],
        hele_gemeente=True,
    )
    get_backend().rebuild()
    situatie = {"wat_lukt_niet": "Ze valt soms, vorige maand in de badkamer."}
    melding, _new = store_melding({**answers(onderwerpen=("huishouden",)), "situatie": situatie})
    by_words, first, _second, _nothing_for = kaart.suggestions_in_parts(melding)
    assert [item.name for item in by_words] == ["Personenalarmering"]  # "stofzuigen" is huishouden's own
    assert "Schoonmaakhulp" in [item.name for item in first]


def test_each_need_of_several_sentences_finds_its_help(kaart_data, staff):
    """A walk: four sentences ("vergeetachtig", "kookt niet meer", "valt") searched as one found nothing;
    each term is searched apart, and a word that is only part of a phrase ("moeder") is not searched."""
    SynoniemgroepFactory(termen="vallen, valt, gevallen")
    SynoniemgroepFactory(termen="maaltijdservice, kookt niet meer")
    SynoniemgroepFactory(termen="dementie, vergeetachtig")
    SynoniemgroepFactory(termen="mantelzorg, zorg voor mijn moeder")
    for name, summary in (
        ("Personenalarmering", "Valt u? Druk op de knop."),
        ("Maaltijden aan huis", "Een maaltijdservice."),
        ("Alzheimer Café", "Voor mensen met dementie."),
        ("Steunpunt mantelzorg", "Voor mantelzorg."),
    ):
        VoorzieningFactory(name=name, summary=summary, hele_gemeente=True)
    get_backend().rebuild()
    words = (
        "Mijn moeder is 81 en wordt vergeetachtig. Ze kookt niet meer, ik vind vaak niks in de koelkast. "
        "Ze valt soms, vorige maand in de badkamer. Ze vergeet ook haar afspraken."
    )
    found = [item.name for item in kaart.suggestions_in_parts(_short_melding(words))[0]]
    meals = {"Maaltijden aan huis", "Maaltijdservice Dichtbij"}  # the second from kaart_data
    assert found[0] == "Alzheimer Café" and found[1] in meals and found[2] == "Personenalarmering"
    assert "Steunpunt mantelzorg" not in found
    assert kaart.suggestions_in_parts(_short_melding("Het gaat niet goed met mijn moeder"))[0] == []


def test_the_hint_says_help_for_other_ages_and_groups_comes_lower(kaart_data, staff, client):
    """A walk: "Wat het dichtst bij is, staat bovenaan" stood above the Voedselbank at 1.3 km after help at
    2.3 km; with the resident's age, help only for other groups or ages comes after the rest."""
    from meldingen.storage import store_melding

    from .fixtures import answers

    data = answers(onderwerpen=("huishouden",))
    data["gegevens"]["geboortedatum"] = "1945-04-12"
    melding, _new = store_melding(data)
    client.force_login(staff["consulent"])
    said = "Hulp die alleen voor een andere leeftijd of groep is, staat lager."
    assert said in client.get(f"/admin/backoffice/meldingen/{melding.behandeling.pk}/").content.decode()
    without_age = store(onderwerpen=("huishouden",))
    page = client.get(f"/admin/backoffice/meldingen/{without_age.behandeling.pk}/").content.decode()
    assert "Wat het dichtst bij is, staat bovenaan." in page and said not in page


def test_a_short_meldings_words_find_cliëntondersteuning_too(kaart_data, staff):
    """The review: a short melding's part for cliëntondersteuning left the casemanager dementie found for
    "vergeetachtig" out of the words' part, and twelve nearer cliëntondersteuners kept it out of its own."""
    ondersteuning = TermFactory(code="clientondersteuning", name="Cliëntondersteuning")
    VoorzieningFactory(
        name="Casemanager dementie", summary="Bij dementie.", themas=[ondersteuning], hele_gemeente=True
    )
    SynoniemgroepFactory(termen="dementie, vergeetachtig")
    get_backend().rebuild()
    by_words = kaart.suggestions_in_parts(_short_melding("Mijn moeder wordt vergeetachtig"))[0]
    assert [item.name for item in by_words] == ["Casemanager dementie"]
