"""Who sees which complaint in the backoffice: role × URL, and the provider never sees the resident."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from klachten.models import Klacht
from klachten.workflow import Status

from .conftest import PASSWORD, klacht_maken

pytestmark = pytest.mark.django_db

LIST, NEW, CLIENTS = "/admin/klachten/", "/admin/klachten/nieuw/", "/admin/klachten/clienten/"


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def refused(response) -> bool:
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and (
        response["Location"] == "/admin/" or response["Location"].startswith("/admin/login/")
    )


@pytest.fixture
def klacht(people, kaart):
    klacht = klacht_maken(kaart["zorg"], kaart["huishouden"], telefoon="0612345678")
    klacht.samenvatting_aanbieder = "De hulp kwam drie keer niet."
    klacht.save()
    return klacht


# (role, list, the complaint's page, register a complaint, client numbers): True = may open it.
MATRIX = [
    ("klachtbehandelaar", True, True, True, False),
    ("buiten_team", True, False, True, False),
    ("teamleider", True, True, True, False),
    ("aanbieder", True, True, False, True),
    ("andere_aanbieder", True, False, False, True),
    ("consulent", False, False, False, False),
    ("redacteur", False, False, False, False),
    ("beheerder", False, False, False, False),
]


@pytest.mark.parametrize(("role", "lijst", "detail", "nieuw", "clienten"), MATRIX)
def test_each_role_opens_only_its_own_complaint_pages(
    client, people, klacht, role, lijst, detail, nieuw, clienten
):
    login(client, people[role])
    for url, allowed in (
        (LIST, lijst),
        (f"/admin/klachten/{klacht.pk}/", detail),
        (NEW, nieuw),
        (CLIENTS, clienten),
    ):
        response = client.get(url)
        if allowed:
            assert response.status_code == 200, (role, url, response.status_code)
        else:
            assert refused(response), (role, url, response.status_code)


@pytest.mark.parametrize("url", [LIST, NEW, CLIENTS, "/admin/klachten/1/"])
def test_an_anonymous_visitor_is_sent_to_the_login(client, url):
    assert refused(client.get(url))


def test_the_provider_sees_the_summary_but_never_the_residents_words_or_details(client, people, klacht):
    html = login(client, people["aanbieder"]).get(f"/admin/klachten/{klacht.pk}/").content.decode()
    assert "De hulp kwam drie keer niet." in html
    for secret in ("Anna", "Vries", "0612345678", "De hulp kwam niet."):
        assert secret not in html


def test_the_klachtbehandelaar_sees_the_residents_details_and_that_reading_is_recorded(
    client, people, klacht
):
    html = login(client, people["klachtbehandelaar"]).get(f"/admin/klachten/{klacht.pk}/").content.decode()
    assert "Anna de Vries" in html and "0612345678" in html
    assert klacht.gebeurtenissen.filter(soort="bekeken", user=people["klachtbehandelaar"]).exists()


def test_the_provider_can_reply_but_not_change_the_status(client, people, klacht):
    login(client, people["aanbieder"])
    url = f"/admin/klachten/{klacht.pk}/"
    client.post(url, {"action": "reactie", "reactie_aanbieder": "Wij hebben een vaste hulp ingezet."})
    assert refused(client.post(url, {"action": "status", "status": Status.IN_BEHANDELING}))
    klacht.refresh_from_db()
    assert klacht.reactie_aanbieder == "Wij hebben een vaste hulp ingezet."
    assert klacht.status == Status.ONTVANGEN


def test_the_admin_home_says_what_waits_for_the_handler_and_for_the_provider(client, people, klacht, kaart):
    """The klachtbehandelaar's home was empty, and a provider's did not say a complaint waited for it."""
    from datetime import date

    late = klacht_maken(kaart["zorg"], ontvangen_op=date(2026, 1, 5))  # its answer was due long ago
    late.samenvatting_aanbieder = "De hulp kwam te laat."
    late.save()
    home = login(client, people["klachtbehandelaar"]).get("/admin/").content.decode()
    assert "2 open klachten" in home and '?status=te-laat">1 klacht is te laat</a>' in home
    late_list = client.get("/admin/klachten/?status=te-laat").content.decode()
    assert "1 klacht" in late_list and late.reference in late_list and klacht.reference not in late_list
    # "2 open klachten" opens those two: it opened every complaint, the closed ones too.
    closed = klacht_maken(kaart["zorg"])
    closed.change_status(Status.IN_BEHANDELING)
    closed.change_status(Status.AFGEHANDELD, oordeel="gegrond")
    home = client.get("/admin/").content.decode()
    assert '?status=open">2 open klachten</a>' in home
    open_list = client.get("/admin/klachten/?status=open").content.decode()
    assert "2 klachten" in open_list and closed.reference not in open_list
    assert '<a href="?status=open" aria-current="page">Open</a>' in open_list
    home = login(client, people["aanbieder"]).get("/admin/").content.decode()
    assert "2 klachten wachten op uw reactie" in home
    url = f"/admin/klachten/{klacht.pk}/"
    client.post(url, {"action": "reactie", "reactie_aanbieder": "Wij hebben een vaste hulp ingezet."})
    # A walk: the link opened every complaint about the provider; only the one waiting is theirs to answer.
    home = client.get("/admin/").content.decode()
    assert '?status=wacht-op-reactie">1 klacht wacht op uw reactie</a>' in home
    waiting = client.get("/admin/klachten/?status=wacht-op-reactie").content.decode()
    assert late.reference in waiting and klacht.reference not in waiting
    assert '<a href="?status=wacht-op-reactie" aria-current="page">Wacht op uw reactie</a>' in waiting
    assert "open klacht" not in login(client, people["beheerder"]).get("/admin/").content.decode()


def test_the_provider_is_asked_to_reply_once_there_is_a_summary_to_reply_to(client, people, kaart):
    """A walk: right after a complaint came in, the provider's home said it waited for a reply, and its page
    offered a reply form under "De gemeente schrijft hier nog kort wat er misging."."""
    klacht = klacht_maken(kaart["zorg"], kaart["huishouden"])
    url = f"/admin/klachten/{klacht.pk}/"
    login(client, people["aanbieder"])
    assert "wacht op uw reactie" not in client.get("/admin/").content.decode()
    page = " ".join(client.get(url).content.decode().split())
    assert "De gemeente schrijft hier nog kort wat er misging. Daarna kunt u reageren." in page
    assert 'value="reactie"' not in page
    reply = {"action": "reactie", "reactie_aanbieder": "Wij weten van niets."}
    assert "Daarna kunt u reageren." in client.post(url, reply, follow=True).content.decode()
    klacht.refresh_from_db()
    assert klacht.reactie_aanbieder == ""
    klacht.samenvatting_aanbieder = "De hulp kwam drie keer niet."
    klacht.save()
    assert "1 klacht wacht op uw reactie" in client.get("/admin/").content.decode()
    assert 'value="reactie"' in client.get(url).content.decode()


def test_the_provider_replies_no_more_once_the_complaint_is_judged(client, people, klacht):
    """Replies came in after "Afgehandeld: Gegrond", and changed what the gemeente had judged."""
    klacht.change_status(Status.IN_BEHANDELING)
    klacht.change_status(Status.AFGEHANDELD, oordeel="gegrond")
    login(client, people["aanbieder"])
    url = f"/admin/klachten/{klacht.pk}/"
    page = client.get(url).content.decode()
    assert 'value="reactie"' not in page and "Deze klacht is afgehandeld. U kunt niet meer reageren." in page
    # A walk: "Nog geen reactie." on a closed complaint, as if one might still come.
    assert "Nog geen reactie." not in page and "Er kwam geen reactie van de aanbieder." in page
    response = client.post(url, {"action": "reactie", "reactie_aanbieder": "Toch nog iets."}, follow=True)
    assert "Deze klacht is al afgehandeld. U kunt niet meer reageren." in response.content.decode()
    klacht.refresh_from_db()
    assert klacht.reactie_aanbieder == ""


def test_the_klachtbehandelaar_moves_a_complaint_along_and_needs_an_oordeel_to_close_it(
    client, people, klacht
):
    login(client, people["klachtbehandelaar"])
    url = f"/admin/klachten/{klacht.pk}/"
    client.post(url, {"action": "status", "status": Status.IN_BEHANDELING})
    response = client.post(url, {"action": "status", "status": Status.AFGEHANDELD})
    assert "Kies een oordeel" in response.content.decode()
    # Awb 9:10: a walk found nowhere to say that the resident was heard, or why not.
    assert "Kies of de inwoner gehoord is." in response.content.decode()
    antwoord = "Wij hebben met de aanbieder gesproken. De hulp komt nu op vaste dagen."
    closing = {"action": "status", "status": Status.AFGEHANDELD, "oordeel": "gegrond", "antwoord": antwoord}
    client.post(url, {**closing, "horen": "gehoord", "antwoord_verstuurd": "on"})
    klacht.refresh_from_db()
    assert (klacht.status, klacht.oordeel, klacht.horen) == (Status.AFGEHANDELD, "gegrond", "gehoord")
    page = client.get(url).content.decode()
    assert "De status is nu: Afgehandeld." in page  # it said "De status is gewijzigd."
    assert "Ja, de inwoner is gehoord" in page


def test_a_new_complaint_is_not_asked_for_a_judgement_it_would_not_keep(client, people, klacht):
    """A walk: on a new complaint the form asked for the oordeel and the answer beside "In behandeling"; both
    were dropped on saving, while the history said "Nieuw → In behandeling: Gegrond"."""
    from bs4 import BeautifulSoup

    login(client, people["klachtbehandelaar"])
    url = f"/admin/klachten/{klacht.pk}/"
    form = BeautifulSoup(client.get(url).content, "html.parser").select_one(
        'form[aria-labelledby="status-heading"]'
    )
    assert form.select_one('[name="status"]') and not form.select('[name="oordeel"], [name="antwoord"]')
    client.post(
        url, {"action": "status", "status": Status.IN_BEHANDELING, "oordeel": "gegrond", "antwoord": "x"}
    )
    klacht.refresh_from_db()
    assert (klacht.status, klacht.oordeel, klacht.antwoord_inwoner) == (Status.IN_BEHANDELING, "", "")
    assert klacht.gebeurtenissen.get(soort="status").tekst == "Nieuw → In behandeling"


def test_closing_a_complaint_keeps_what_the_resident_was_answered(client, people, klacht):
    """Awb 9:12: the resident is told in writing what was found and why. A walk: a complaint could be closed
    with only "Gegrond", and nobody could later see what the resident had been told."""
    login(client, people["klachtbehandelaar"])
    url = f"/admin/klachten/{klacht.pk}/"
    client.post(url, {"action": "status", "status": Status.IN_BEHANDELING})
    closing = {
        "action": "status",
        "status": Status.AFGEHANDELD,
        "oordeel": "gegrond",
        "antwoord": "  ",
        "horen": "wil_niet",
    }
    html = client.post(url, closing).content.decode()
    assert "Schrijf op wat u de inwoner hebt geantwoord." in html
    assert "data-error-summary autofocus" in html and 'href="#id_antwoord"' in html  # in view, below the fold
    klacht.refresh_from_db()
    assert klacht.status == Status.IN_BEHANDELING
    antwoord = "Wij hebben met de aanbieder gesproken.\nDe hulp komt nu op vaste dagen."
    # A walk: nothing asked whether the resident got the answer in writing (Awb 9:12).
    unsent = client.post(url, {**closing, "antwoord": antwoord}).content.decode()
    assert "Stuur de inwoner eerst het antwoord, per brief of e-mail. Zet daarna hier een vinkje." in unsent
    assert f"{antwoord}</textarea>" in unsent  # kept to send
    assert client.post(url, {**closing, "antwoord": antwoord, "antwoord_verstuurd": "on"}).status_code == 302
    klacht.refresh_from_db()
    assert klacht.status == Status.AFGEHANDELD and klacht.antwoord_inwoner == antwoord
    page = client.get(url).content.decode()
    assert "Ons antwoord aan de inwoner" in page
    assert "Wij hebben met de aanbieder gesproken.<br>De hulp komt nu op vaste dagen." in page
    # The provider reads the summary written for them, not the letter to the resident.
    provider_page = login(client, people["aanbieder"]).get(url).content.decode()
    assert "Ons antwoord aan de inwoner" not in provider_page and "vaste dagen" not in provider_page


def test_a_complaint_without_contact_closes_with_what_was_found_not_an_answer(client, people, kaart):
    """A walk: a complaint whose resident wanted no contact could not be closed: "Schrijf op wat u de inwoner
    hebt geantwoord." for an answer nobody gets."""
    klacht = klacht_maken(kaart["zorg"], contact="nee")
    klacht.change_status(Status.IN_BEHANDELING)
    url = f"/admin/klachten/{klacht.pk}/"
    page = login(client, people["klachtbehandelaar"]).get(url).content.decode()
    assert "Wat hebt u gevonden?" in page and "Wat hebt u de inwoner geantwoord?" not in page
    closing = {"action": "status", "status": Status.AFGEHANDELD, "oordeel": "gegrond", "antwoord": ""}
    html = client.post(url, closing).content.decode()
    assert "Schrijf kort op wat u vond en waarom." in html and "geantwoord" not in html
    assert "Is de inwoner gehoord?" not in html  # who wanted no contact is not heard: not asked
    found = "De aanbieder had geen vaste hulp ingepland."
    assert client.post(url, {**closing, "antwoord": found}).status_code == 302
    klacht.refresh_from_db()
    assert klacht.horen == "geen_contact"
    page = client.get(url).content.decode()
    assert "Wat wij vonden" in page and "Ons antwoord aan de inwoner" not in page
    assert "Wat hebt u nu gevonden?" in page  # correcting the oordeel asks the same
    same = client.post(url, {"action": "oordeel", "oordeel": "ongegrond", "antwoord": found}).content.decode()
    assert "Deze tekst stond er al. Schrijf op wat u nu vond, en waarom." in same


def test_staff_choose_the_kind_of_help_the_resident_did_not_know_and_the_stoplicht_counts_it(
    client, people, kaart, monkeypatch
):
    """A walk: three "Weet ik niet" complaints about one provider never counted for its stoplicht (which
    counts per kind of help), and nothing let staff say which help it was."""
    from klachten import admin_views

    recounts = []
    monkeypatch.setattr(admin_views.tasks, "recount", lambda: recounts.append(1))
    klacht = klacht_maken(kaart["zorg"])  # thema: Weet ik niet
    url = f"/admin/klachten/{klacht.pk}/"
    page = login(client, people["klachtbehandelaar"]).get(url).content.decode()
    assert "Pas dan telt de klacht mee voor het stoplicht." in page
    empty = client.post(url, {"action": "thema", "thema": ""}).content.decode()
    assert "Kies de soort hulp." in empty and not klacht.gebeurtenissen.filter(soort="thema").exists()
    assert client.post(url, {"action": "thema", "thema": str(kaart["huishouden"].pk)}).status_code == 302
    klacht.refresh_from_db()
    assert klacht.thema == kaart["huishouden"] and recounts == [1]
    history = klacht.gebeurtenissen.get(soort="thema")
    assert (history.tekst, history.user) == (kaart["huishouden"].name, people["klachtbehandelaar"])
    assert "Pas dan telt" not in client.get(url).content.decode()
    login(client, people["aanbieder"])
    assert refused(client.post(url, {"action": "thema", "thema": ""}))  # not the provider's to choose


def test_a_complaint_is_found_by_its_number_as_the_resident_reads_it_out(client, people, kaart):
    """A walk: the list had no search; a resident calling about K-... was looked for row by row."""
    klacht = klacht_maken(kaart["zorg"])
    other = klacht_maken(kaart["zorg"])
    login(client, people["klachtbehandelaar"])
    spoken = " ".join(klacht.reference.lower().replace("-", " "))  # "k   7 k 3 q ..."
    for typed in (klacht.reference, spoken, klacht.reference.replace("-", "")[1:]):
        page = client.get(LIST, {"nummer": typed}).content.decode()
        assert f">{klacht.reference}</a>" in page and other.reference not in page, typed
    type(klacht).objects.filter(pk=klacht.pk).update(reference="K-5M85-RTUD")
    read_off = client.get(LIST, {"nummer": "K-SM8S-RTUD"}).content.decode()  # a number has no S: a 5
    assert ">K-5M85-RTUD</a>" in read_off
    missing = client.get(LIST, {"nummer": "K-2222-2222"}).content.decode()
    assert "Wij vinden geen klacht met nummer K-2222-2222 die u mag zien." in missing
    outside = klacht_maken(kaart["hulp"])  # no contract team: a teamleider's only
    page = client.get(LIST, {"nummer": outside.reference}).content.decode()
    assert f">{outside.reference}</a>" not in page and "Wij vinden geen klacht" in page


def test_a_complaint_page_offers_only_what_can_still_be_done(client, people, kaart):
    """A review: "duidelijk ongegrond" was stored beside the oordeel "gegrond"; a closed complaint could be
    routed again (its new team got "Nieuwe klacht"); a chosen kind of help could be cleared; after retention
    a reply that was wiped read "De aanbieder heeft niet gereageerd"."""
    from django.utils import timezone

    klacht = klacht_maken(kaart["hulp"], kaart["huishouden"])  # no contract team: a teamleider's
    klacht.change_status(Status.IN_BEHANDELING)
    url = f"/admin/klachten/{klacht.pk}/"
    login(client, people["teamleider"])
    closing = {"action": "status", "status": "afgehandeld", "oordeel": "gegrond", "antwoord": "Zo is het."}
    closing["antwoord_verstuurd"] = "on"
    html = client.post(url, {**closing, "horen": "kennelijk_ongegrond"}).content.decode()
    assert "Een klacht die duidelijk ongegrond is, heeft als oordeel: Ongegrond." in html
    page = client.get(url).content.decode()
    assert 'value="thema"' not in page  # the resident named it
    assert refused(client.post(url, {"action": "thema", "thema": ""}))
    client.post(url, {**closing, "horen": "gehoord"})
    page = client.get(url).content.decode()
    assert 'value="team"' not in page
    assert refused(client.post(url, {"action": "team", "team": people["team"].pk}))
    Klacht.objects.filter(pk=klacht.pk).update(
        reactie_op=timezone.now(), reactie_aanbieder="", personal_data_removed_at=timezone.now()
    )
    page = client.get(url).content.decode()
    assert "De aanbieder heeft gereageerd. De bewaartermijn is voorbij" in page
    assert "Er kwam geen reactie van de aanbieder." not in page


def test_a_page_that_shows_the_residents_data_with_a_forms_errors_is_written_in_the_history(
    client, people, klacht
):
    """A walk: a form's errors showed the resident's data again, and the history had no line for it."""
    url = f"/admin/klachten/{klacht.pk}/"
    login(client, people["klachtbehandelaar"])
    html = client.post(url, {"action": "verdagen", "weken": "4", "reden": ""}).content.decode()
    assert "Anna de Vries" in html
    assert klacht.gebeurtenissen.filter(soort="bekeken", user=people["klachtbehandelaar"]).count() == 1


def test_a_wrong_oordeel_is_corrected_with_a_new_answer_and_counted_anew(client, people, klacht, monkeypatch):
    """A walk: "Gegrond" chosen by mistake stayed for good (nothing after afgehandeld), and the stoplicht on
    the kaart counted it against the provider."""
    from klachten import admin_views

    recounts = []
    monkeypatch.setattr(admin_views.tasks, "recount", lambda: recounts.append(1))
    klacht.change_status(Status.IN_BEHANDELING)
    klacht.change_status(Status.AFGEHANDELD, oordeel="gegrond", antwoord="Uw klacht is gegrond.")
    url = f"/admin/klachten/{klacht.pk}/"
    page = login(client, people["klachtbehandelaar"]).get(url).content.decode()
    # The answer starts empty: the old one stands above it. Filled in, it was sent back unchanged: the oordeel
    # changed with no reason anywhere (the history names none).
    assert "Oordeel corrigeren" in page and "Uw klacht is gegrond.</textarea>" not in page
    unchanged = {"action": "oordeel", "oordeel": "ongegrond", "antwoord": " Uw klacht is gegrond. "}
    html = client.post(url, unchanged).content.decode()
    assert "Dit antwoord stond er al. Schrijf wat u de inwoner over het nieuwe oordeel schreef." in html
    same = client.post(url, {"action": "oordeel", "oordeel": "gegrond", "antwoord": "Toch gegrond."})
    assert "Dit is het oordeel al. Kies een ander oordeel." in same.content.decode()
    empty = client.post(url, {"action": "oordeel", "oordeel": "ongegrond", "antwoord": " "}).content.decode()
    assert "Schrijf op wat u de inwoner hebt geantwoord." in empty and "data-error-summary" in empty
    klacht.refresh_from_db()
    assert (klacht.oordeel, recounts) == ("gegrond", [])
    antwoord = "Wij hebben de planning nagekeken. De hulp kwam wel. Uw klacht is ongegrond."
    response = client.post(url, {"action": "oordeel", "oordeel": "ongegrond", "antwoord": antwoord})
    assert response.status_code == 302
    klacht.refresh_from_db()
    assert (klacht.oordeel, klacht.antwoord_inwoner, recounts) == ("ongegrond", antwoord, [1])
    history = klacht.gebeurtenissen.get(soort="oordeel")
    assert (history.tekst, history.user) == ("Gegrond → Ongegrond", people["klachtbehandelaar"])
    assert "Oordeel gecorrigeerd (Gegrond → Ongegrond)" in client.get(url).content.decode()
    # Not the provider's to change, and not a complaint that is still open.
    login(client, people["aanbieder"])
    assert refused(client.post(url, {"action": "oordeel", "oordeel": "gegrond", "antwoord": "x"}))


def test_an_oordeel_corrected_away_from_plainly_unfounded_asks_whether_the_resident_was_heard(
    client, people, klacht
):
    """A review: a complaint closed unheard as "duidelijk ongegrond" and then corrected to "Gegrond" kept
    "Nee, de klacht is duidelijk ongegrond": the law's exception stood beside a founded complaint."""
    klacht.change_status(Status.IN_BEHANDELING)
    klacht.change_status(
        Status.AFGEHANDELD,
        oordeel="ongegrond",
        antwoord="Uw klacht is ongegrond.",
        horen="kennelijk_ongegrond",
    )
    url = f"/admin/klachten/{klacht.pk}/"
    page = login(client, people["klachtbehandelaar"]).get(url).content.decode()
    assert "Met een ander oordeel geldt dat niet meer." in page
    correction = {
        "action": "oordeel",
        "oordeel": "gegrond",
        "antwoord": "Wij hebben u gesproken. U hebt gelijk.",
    }
    html = client.post(url, correction).content.decode()
    assert "Kies of de inwoner gehoord is." in html and "U hebt gelijk.</textarea>" in html
    both = client.post(url, {**correction, "antwoord": ""}).content.decode()
    assert both.index('href="#id_horen"') < both.index('href="#id_antwoord"')  # as the page shows them
    unfounded_again = client.post(url, {**correction, "horen": "kennelijk_ongegrond"}).content.decode()
    assert "Kies een antwoord uit de lijst." in unfounded_again
    assert client.post(url, {**correction, "horen": "gehoord"}).status_code == 302
    klacht.refresh_from_db()
    assert (klacht.oordeel, klacht.horen) == ("gegrond", "gehoord")
    # Corrected again, the hearing is no longer in question.
    assert "Met een ander oordeel geldt dat niet meer." not in client.get(url).content.decode()


def test_an_open_complaint_or_one_past_retention_has_no_oordeel_to_correct(client, people, klacht):
    url = f"/admin/klachten/{klacht.pk}/"
    login(client, people["klachtbehandelaar"])
    assert "Oordeel corrigeren" not in client.get(url).content.decode()
    assert refused(client.post(url, {"action": "oordeel", "oordeel": "gegrond", "antwoord": "x"}))
    klacht.change_status(Status.IN_BEHANDELING)
    klacht.change_status(Status.AFGEHANDELD, oordeel="gegrond", antwoord="Uw klacht is gegrond.")
    klacht.personal_data_removed_at = timezone.now()
    klacht.save()
    assert "Oordeel corrigeren" not in client.get(url).content.decode()
    assert refused(client.post(url, {"action": "oordeel", "oordeel": "ongegrond", "antwoord": "x"}))
    klacht.refresh_from_db()
    assert klacht.oordeel == "gegrond"


def test_staff_register_a_complaint_by_phone_with_the_day_it_came_in(client, people, kaart):
    login(client, people["klachtbehandelaar"])
    response = client.post(
        NEW,
        {
            "organisatie": str(kaart["zorg"].pk),
            "wat": "Belde over de hulp die niet kwam.",
            "contact": "nee",
            "kanaal": "brief",
            "ontvangen_op": "05-01-2026",
        },
    )
    assert response.status_code == 302
    klacht = Klacht.objects.get()
    assert (klacht.kanaal, str(klacht.antwoord_uiterlijk)) == ("brief", "2026-02-16")


def test_a_complaint_registered_for_another_team_says_where_it_went_instead_of_a_404(client, people, kaart):
    """A walk: a complaint taken by phone about a provider outside the klachtbehandelaar's contract team went
    to "Error 404" and was gone from her list."""
    from klachten.models import Contractteam

    login(client, people["klachtbehandelaar"])
    today = timezone.localdate().strftime("%d-%m-%Y")
    typed = {
        "wat": "Belde over de hulp die niet kwam.",
        "contact": "nee",
        "kanaal": "telefoon",
        "ontvangen_op": today,
    }
    response = client.post(NEW, {**typed, "organisatie": str(kaart["hulp"].pk)}, follow=True)
    klacht = Klacht.objects.get()
    assert response.redirect_chain == [(LIST, 302)]
    said = (
        f"Klacht {klacht.reference} is geregistreerd. Geen contractteam koopt hulp bij Hulp aan Huis. "
        "Een teamleider kiest het team. Daarom staat de klacht niet in uw lijst."
    )
    assert said in response.content.decode()
    other = Contractteam.objects.create(name="Contractteam Hulp")
    other.organisaties.add(kaart["hulp"])
    response = client.post(NEW, {**typed, "organisatie": str(kaart["hulp"].pk)}, follow=True)
    assert (
        "Contractteam Hulp behandelt de klacht. Daarom staat hij niet in uw lijst."
        in response.content.decode()
    )
    response = client.post(NEW, {**typed, "organisatie": str(kaart["zorg"].pk)})  # her own team's: its page
    assert response["Location"] == f"/admin/klachten/{Klacht.objects.order_by('pk').last().pk}/"


def test_the_provider_reports_its_clients_per_thema_and_the_light_follows(client, people, kaart):
    from socialekaart.models import Stoplicht

    login(client, people["aanbieder"])
    client.post(CLIENTS, {f"thema_{kaart['huishouden'].pk}": "120"})
    row = people["aanbieder"].aanbieder.organisatie.clientaantallen.get()
    assert (row.thema, row.aantal) == (kaart["huishouden"], 120)
    assert Stoplicht.objects.get(organisatie=kaart["zorg"]).clienten == 120
    field = re.search(r'<input[^>]*value="120"[^>]*>', client.get(CLIENTS).content.decode()).group()
    assert 'type="text"' in field and 'inputmode="numeric"' in field
    typed = client.post(CLIENTS, {f"thema_{kaart['huishouden'].pk}": "130 cliënten"}).content.decode()
    assert "Vul alleen een getal in, zoals 12. Zonder woorden erbij." in typed
    assert 'value="130 cliënten"' in typed
    assert people["aanbieder"].aanbieder.organisatie.clientaantallen.get().aantal == 120


def test_the_list_and_history_write_dates_as_the_other_staff_pages_do(client, people, kaart):
    from datetime import date

    klacht = klacht_maken(kaart["zorg"], kaart["huishouden"], ontvangen_op=date(2026, 1, 5))
    login(client, people["klachtbehandelaar"])
    lijst = client.get(LIST).content.decode()
    assert "5 jan. 2026" in lijst and "16 feb. 2026" in lijst  # received, answer due
    assert "5-1-2026" not in lijst
    history = client.get(f"/admin/klachten/{klacht.pk}/").content.decode()
    assert re.search(r"\d{1,2} [a-z]+\.? \d{4}, \d\d:\d\d: ", history)  # "2 dec. 2026, 11:40: Ontvangen"


def test_a_provider_reads_of_complaints_about_its_own_organisation(client, people, kaart):
    lijst = login(client, people["aanbieder"]).get(LIST).content.decode()
    assert "Klachten over uw organisatie" in lijst
    # A walk: "Antwoord uiterlijk ... Te laat" read to the provider as its own answer, late.
    klacht = klacht_maken(kaart["zorg"])
    assert "Antwoord van de gemeente uiterlijk" in client.get(LIST).content.decode()
    page = client.get(f"{LIST}{klacht.pk}/").content.decode()
    assert "<dt>De gemeente antwoordt de inwoner uiterlijk</dt>" in page
    lijst = login(client, people["klachtbehandelaar"]).get(LIST).content.decode()
    assert "<title>Klachten - " in lijst and "Klachten over uw organisatie" not in lijst


def test_the_list_puts_the_open_complaints_first_the_answer_due_soonest_on_top(client, people, kaart):
    """By deadline alone, the afgehandelde of months ago stood above the complaints still to answer."""
    from datetime import date

    from klachten.workflow import Status

    old_done = klacht_maken(kaart["zorg"], ontvangen_op=date(2026, 1, 5))
    old_done.change_status(Status.IN_BEHANDELING)
    old_done.change_status(Status.AFGEHANDELD, oordeel="gegrond")
    later = klacht_maken(kaart["zorg"], ontvangen_op=date(2026, 3, 2))
    sooner = klacht_maken(kaart["zorg"], ontvangen_op=date(2026, 2, 2))
    lijst = login(client, people["klachtbehandelaar"]).get(LIST).content.decode()
    order = sorted((lijst.index(k.reference), k.reference) for k in (old_done, later, sooner))
    assert [reference for _position, reference in order] == [
        sooner.reference,
        later.reference,
        old_done.reference,
    ]


@pytest.mark.parametrize("role", ["klachtbehandelaar", "aanbieder"])
def test_each_fact_on_the_complaint_page_keeps_its_label(client, people, klacht, role):
    """The facts grid places its items side by side: a label and its value are one item."""
    from bs4 import BeautifulSoup

    html = login(client, people[role]).get(f"/admin/klachten/{klacht.pk}/").content.decode()
    grids = BeautifulSoup(html, "html.parser").select("dl.bo-facts")
    assert grids
    for grid in grids:
        for item in grid.find_all(recursive=False):
            assert item.name == "div" and [child.name for child in item.find_all(recursive=False)] == [
                "dt",
                "dd",
            ]


def test_the_judgement_is_not_called_optional_where_closing_needs_it(client, people, klacht):
    from bs4 import BeautifulSoup

    klacht.change_status("in_behandeling")
    html = login(client, people["klachtbehandelaar"]).get(f"/admin/klachten/{klacht.pk}/").content
    label = BeautifulSoup(html, "html.parser").select_one('label[for="id_oordeel"]').get_text(" ", strip=True)
    assert label == "Oordeel (bij afgehandeld)"


def test_the_staff_form_speaks_about_the_resident_not_to_them(client, people, kaart):
    login(client, people["klachtbehandelaar"])
    page = client.get(NEW).content.decode()
    assert "Naam van de inwoner" in page and "Wil de inwoner dat wij contact opnemen" in page
    errors = client.post(
        NEW,
        {"organisatie": str(kaart["zorg"].pk), "wat": "Niet gekomen.", "contact": "ja", "kanaal": "telefoon"},
    ).content.decode()
    assert "Vul de naam van de inwoner in." in errors
    # A walk: an empty form said "Kies of wij contact met u mogen opnemen." and "Vertel wat er misging.", to
    # the resident, with no summary linked to the fields.
    empty = client.post(NEW, {"kanaal": "telefoon"}).content.decode()
    assert "Kies of de inwoner contact wil." in empty and "Schrijf op wat er misging." in empty
    assert "data-error-summary" in empty and 'href="#id_contact' in empty
    few = client.post(NEW, {"wat": "Slecht", "kanaal": "telefoon"}).content.decode()
    assert "Schrijf iets meer op over wat er misging." in few
    for resident_words in ("uw klacht", "Uw naam", "Dan bellen wij u", "Vul uw naam in", "met u", "Vertel"):
        assert resident_words not in page + errors + empty + few, resident_words


def test_a_complaint_without_a_contract_team_is_flagged_and_routed_by_a_teamleider(client, people, kaart):
    """A complaint about a provider no contract team buys from had "Geen team gevonden" and no way to choose
    one: only teamleiders saw it, and their home counted it among the open ones without a word."""
    lost = klacht_maken(kaart["hulp"])  # Hulp aan Huis: in no contract team
    assert lost.team is None
    home = login(client, people["teamleider"]).get("/admin/").content.decode()
    assert '?status=zonder-team">1 klacht heeft nog geen contractteam. Kies een team.</a>' in home
    listed = client.get(LIST, {"status": "zonder-team"}).content.decode()
    assert lost.reference in listed
    page = client.get(f"/admin/klachten/{lost.pk}/").content.decode()
    assert "Deze klacht heeft nog geen contractteam. Alleen teamleiders zien hem nu." in page
    refused_choice = client.post(f"/admin/klachten/{lost.pk}/", {"action": "team", "team": ""})
    # A walk: its summary stood under "Meer tijd nodig?", away from the team's form.
    team_form = refused_choice.content.decode().split('value="team"', 1)[1].split("</form>", 1)[0]
    assert "data-error-summary" in team_form and "Kies een team." in team_form
    routed = client.post(f"/admin/klachten/{lost.pk}/", {"action": "team", "team": people["team"].pk})
    assert routed.status_code == 302
    lost.refresh_from_db()
    assert lost.team == people["team"] and lost.gebeurtenissen.filter(soort="team").count() == 1
    assert "geen contractteam" not in client.get("/admin/").content.decode()
    # Now the team's klachtbehandelaar sees it; she may not route it (out of her own sight).
    login(client, people["klachtbehandelaar"])
    assert client.get(f"/admin/klachten/{lost.pk}/").status_code == 200
    assert 'name="action" value="team"' not in client.get(f"/admin/klachten/{lost.pk}/").content.decode()
    assert refused(client.post(f"/admin/klachten/{lost.pk}/", {"action": "team", "team": people["team"].pk}))


def test_a_closed_complaint_says_whether_it_was_answered_in_time(client, people, klacht):
    """A walk: a closed complaint still offered "Meer tijd nodig?" and said nothing of its term."""
    url = f"/admin/klachten/{klacht.pk}/"
    login(client, people["klachtbehandelaar"])
    assert "Meer tijd nodig?" in client.get(url).content.decode()
    klacht.change_status(Status.IN_BEHANDELING)
    klacht.change_status(Status.AFGEHANDELD, oordeel="gegrond", antwoord="Uw klacht is gegrond.")
    page = client.get(url).content.decode()
    assert "Meer tijd nodig?" not in page and "Op tijd afgehandeld?" in page
    assert "Dat is op tijd." in page and "te laat" not in page
    klacht.antwoord_uiterlijk = timezone.localdate(klacht.afgehandeld_op) - timedelta(days=1)
    klacht.save()
    assert "<strong>Dat is te laat.</strong>" in client.get(url).content.decode()


def test_an_open_complaint_due_today_or_late_is_marked_in_the_list_and_on_its_page(client, people, klacht):
    """A walk: a complaint due today had no mark, and "Te laat" was black bold text like the rest."""
    login(client, people["klachtbehandelaar"])
    today = timezone.localdate()
    for due, tag in ((today, "bo-tag--today"), (today - timedelta(days=1), "bo-tag--late")):
        klacht.antwoord_uiterlijk = due
        klacht.save()
        for url in ("/admin/klachten/", f"/admin/klachten/{klacht.pk}/"):
            page = client.get(url).content.decode()
            assert f'class="bo-tag {tag}"' in page, (url, tag)
    klacht.antwoord_uiterlijk = today + timedelta(days=1)
    klacht.save()
    page = client.get("/admin/klachten/").content.decode()
    assert "bo-tag--today" not in page and "bo-tag--late" not in page


def test_a_complaint_moved_to_another_team_while_its_page_was_open_keeps_the_answer_typed(
    client, people, kaart
):
    """A walk: a complaint out of reach went to Wagtail's English "Error 404"; the answer typed was lost."""
    from klachten.models import Contractteam

    klacht = klacht_maken(kaart["zorg"])  # the klachtbehandelaar's team
    login(client, people["klachtbehandelaar"])
    assert client.get(f"{LIST}{klacht.pk}/").status_code == 200
    Klacht.objects.filter(pk=klacht.pk).update(team=Contractteam.objects.create(name="Contractteam Hulp"))
    answer = "Wij hebben de aanbieder gebeld. De hulp komt nu elke dinsdag."
    response = client.post(
        f"{LIST}{klacht.pk}/", {"action": "status", "status": "afgehandeld", "antwoord": answer}
    )
    assert response.status_code == 404
    page = response.content.decode()
    assert "Deze klacht kunt u niet openen. Misschien hoort hij nu bij een ander team." in page
    assert f">{answer}</textarea>" in page and "Error 404" not in page


def test_a_contract_teams_members_are_chosen_from_the_klachtbehandelaars(client, people, kaart):
    """A walk: the member list offered providers, redacteuren and professionals, and saved a provider's login
    as a member of a contract team."""
    login(client, people["beheerder"])
    form = client.get("/admin/contractteams/new/").content.decode()
    assert "klachtbehandelaar" in form and "klachtbehandelaar-2" in form
    assert "aanbieder-zorg" not in form and ">redacteur<" not in form and ">consulent<" not in form
    team = people["team"]
    team.members.add(people["aanbieder"])  # who is in it now stays visible, to take out
    assert "aanbieder-zorg" in client.get(f"/admin/contractteams/edit/{team.pk}/").content.decode()
