"""A double melding (the same question twice: a short and a long one, or from the resident and a daughter):
the consulent stops it with the number of the other, where the work goes on. Both pages link to each other,
the resident reads where the work goes on, and the figures count the question once."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from meldingen.backoffice.models import AuditEntry
from meldingen.backoffice.stats import figures_for
from meldingen.backoffice.workflow import Status, TransitionNotAllowed

from .fixtures import store
from .test_status_lookup import look_up, main_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def same_question(teams):
    """A short melding and, an hour later, a long one from the same resident."""
    return store(name="Anna de Vries", soort="kort"), store(name="Anna de Vries")


def _page(pk) -> str:
    return reverse("backoffice:melding", args=[pk])


def _make_double(client, melding, typed: str, **fields):
    return client.post(
        _page(melding.behandeling.pk) + "status/",
        {"status": Status.DUBBEL, "andere_melding": typed, **fields},
        follow=True,
    )


def test_the_one_other_open_melding_for_the_address_is_offered(staff, client, same_question):
    short, long = same_question
    client.force_login(staff["consulent"])
    page = BeautifulSoup(client.get(_page(short.behandeling.pk)).content, "html.parser")
    assert page.find("input", attrs={"name": "andere_melding"})["value"] == long.reference
    store(name="Anna de Vries")  # two others: the consulent chooses
    page = BeautifulSoup(client.get(_page(short.behandeling.pk)).content, "html.parser")
    assert page.find("input", attrs={"name": "andere_melding"}).get("value") is None


def test_a_double_stops_and_both_meldingen_link_to_each_other(staff, client, same_question):
    short, long = same_question
    client.force_login(staff["consulent"])
    assert (
        "Er is nog een open melding voor dit adres."
        in client.get(_page(short.behandeling.pk)).content.decode()
    )
    type(long).objects.filter(pk=long.pk).update(reference="M-5M85-RTUD")
    long.refresh_from_db()
    typed = "m sm8s rtud"  # as read out on the phone, an S for the 5 it resembles (a reference has no S)
    response = _make_double(client, short, typed)
    short.behandeling.refresh_from_db()
    assert short.behandeling.status == Status.DUBBEL
    assert short.behandeling.dubbel_van == long.behandeling
    assert short.behandeling.closed_at is not None
    page = BeautifulSoup(response.content, "html.parser")
    assert f"De status is nu: Dubbele melding. Het werk gaat verder bij {long.reference}." in page.text
    link = page.find("dt", string="Verder bij").find_next("a")
    assert (link["href"], link.text) == (_page(long.behandeling.pk), long.reference)
    # a walk: the double still asked who calls the resident, about the melding the work went on with
    assert "Er is nog een open melding voor dit adres." not in page.text
    assert "Deed iemand anders deze melding? Laat die dan weten dat het werk daar verdergaat." in page.text
    other = BeautifulSoup(client.get(_page(long.behandeling.pk)).content, "html.parser")
    link = other.find("dt", string="Ook gemeld als").find_next("a")
    assert (link["href"], link.text) == (_page(short.behandeling.pk), short.reference)
    entry = AuditEntry.objects.filter(melding=short, action=AuditEntry.Action.STATUS_CHANGED).get()
    assert entry.detail == f"Ontvangen → Dubbele melding (verder bij {long.reference})"


def test_a_melding_for_the_same_name_at_another_address_is_named_and_may_be_the_double(staff, client, teams):
    """A walk: a son's second melding for his mother had a typo in her postcode. Neither page named the other,
    and the consulent was refused: "is voor een ander adres"."""
    from meldingen.storage import store_melding

    from .fixtures import answers

    first, typo = store(name="Anna de Vries"), store(name="Anna de Vries", postcode="3911 AC")
    bram = store(name="Bram de Vries", postcode="3911 AD")  # another resident: not named
    client.force_login(staff["consulent"])
    page = " ".join(client.get(_page(typo.behandeling.pk)).content.decode().split())
    said = "Er is nog een open melding voor iemand met dezelfde naam in deze wijk, op een ander adres."
    assert said in page and first.reference in page and bram.reference not in page
    assert "Er is nog een open melding voor dit adres." not in page
    # Another Anna de Vries in the wijk, with another number: named, but no double on the name alone.
    other_anna = answers(name="Anna de Vries", postcode="3911 AD")
    other_anna["gegevens"]["telefoon"] = "0698765432"
    namesake, _new = store_melding(other_anna, submission_token="namesake")
    assert namesake.reference in client.get(_page(typo.behandeling.pk)).content.decode()
    assert _make_double(client, namesake, first.reference).status_code == 400
    _make_double(client, typo, first.reference)  # the same number: the same resident
    typo.behandeling.refresh_from_db()
    assert typo.behandeling.dubbel_van == first.behandeling


def _errors(response) -> list[str]:
    page = BeautifulSoup(response.content, "html.parser")
    return [error.text.strip().removeprefix("Fout:").strip() for error in page.select(".form-field__error")]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", "Vul het nummer van de andere melding in, zoals M-7K3Q-XW9P."),
        ("12345", "Dit is geen meldingsnummer. Een meldingsnummer ziet eruit als M-7K3Q-XW9P."),
        ("{self}", "Dit is het nummer van deze melding. Vul het nummer van de andere melding in."),
        ("{haven}", "Wij vinden geen melding met nummer {haven} die u mag zien. Kijk of het nummer klopt."),
        ("{double}", "Melding {double} is zelf een dubbele melding. Het werk gaat verder bij {long}."),
        # a walk closed a spoed melding as the double of another resident's, closed long ago
        ("{closed}", "Melding {closed} is al gesloten (ingetrokken). Daar gaat het werk niet verder."),
        (
            "{elsewhere}",
            "Melding {elsewhere} is voor een ander adres. Een dubbele melding is voor dezelfde inwoner",
        ),
        ("{spoed}", "Deze melding heeft spoed en melding {spoed} niet. Maak dan melding {spoed} de dubbele"),
    ],
)
def test_the_other_melding_is_an_open_one_for_the_same_address_and_no_double_itself(
    staff, client, same_question, two_meldingen, typed, expected
):
    short, long = same_question
    if "{spoed}" in typed:  # this one has spoed, the other not
        short = store(name="Anna de Vries", spoed=True)
    third, closed = store(name="Anna de Vries"), store(name="Anna de Vries")
    elsewhere = store(name="Bram de Vries", postcode="3911 AC")  # the same team, another address
    client.force_login(staff["consulent"])
    assert _make_double(client, third, long.reference).status_code == 200  # now a double itself
    closed.behandeling.change_status(Status.INGETROKKEN, toelichting="Verhuisd")
    names = {
        "self": short.reference,
        "haven": two_meldingen["haven"].reference,
        "double": third.reference,
        "closed": closed.reference,
        "elsewhere": elsewhere.reference,
        "spoed": long.reference,
    }
    typed, expected = typed.format(**names), expected.format(long=long.reference, **names)
    response = _make_double(client, short, typed)
    assert response.status_code == 400
    assert any(error.startswith(expected) for error in _errors(response)), _errors(response)
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find("input", attrs={"name": "andere_melding"}).get("value", "") == typed  # kept as typed
    short.behandeling.refresh_from_db()
    assert (short.behandeling.status, short.behandeling.dubbel_van) == (Status.ONTVANGEN, None)


def test_the_resident_reads_that_the_work_goes_on_and_not_the_other_number(staff, client, same_question):
    """The other melding may be of another flat at the same house number: whoever knows this one's number
    and address would follow it."""
    short, long = same_question
    client.force_login(staff["consulent"])
    _make_double(client, short, long.reference)
    client.logout()
    text = main_text(look_up(client, short.reference))
    assert "Wij kregen twee meldingen over dezelfde vraag." in text
    assert "Wij gaan verder met een andere melding over dezelfde vraag. U hoeft niets te doen." in text
    assert long.reference not in text and "nieuwe melding" not in text  # not stopped: nothing to make anew
    long.behandeling.change_status(Status.INGETROKKEN, toelichting="Verhuisd")  # the work is over there too
    text = main_text(look_up(client, short.reference))
    assert "Wij zijn klaar met de andere melding over dezelfde vraag. Hebt u later weer hulp nodig?" in text
    assert "U hoeft niets te doen." not in text


def test_a_double_of_a_double_goes_on_with_the_same_melding(staff, client, same_question):
    """A review: A double of B, then B double of C, left A pointing at B, closed."""
    short, long = same_question
    third = store(name="Anna de Vries")
    client.force_login(staff["consulent"])
    _make_double(client, short, long.reference)
    _make_double(client, long, third.reference)
    short.behandeling.refresh_from_db()
    assert short.behandeling.dubbel_van == third.behandeling


def test_the_other_melding_closed_meanwhile_refuses_the_double(staff, same_question):
    """Between the form's check and the save a colleague closed it (or made it a double of this one)."""
    short, long = same_question
    long.behandeling.change_status(Status.DUBBEL, dubbel_van=short.behandeling)
    with pytest.raises(TransitionNotAllowed):
        short.behandeling.change_status(Status.DUBBEL, dubbel_van=long.behandeling)
    short.behandeling.refresh_from_db()
    assert (short.behandeling.status, short.behandeling.dubbel_van) == (Status.ONTVANGEN, None)
    with pytest.raises(ValueError):  # a double goes on with another melding
        short.behandeling.change_status(Status.DUBBEL, dubbel_van=short.behandeling)


def test_a_double_counts_nowhere_in_the_figures(staff, client, same_question):
    short, long = same_question
    before = figures_for(staff["teamleider"])
    client.force_login(staff["consulent"])
    _make_double(client, short, long.reference)
    after = figures_for(staff["teamleider"])
    assert (before.total, after.total, before.doubles, after.doubles) == (2, 1, 0, 1)
    assert dict(after.per_soort) == {"Kort": 0, "Uitgebreid": 1}
    client.force_login(staff["teamleider"])
    page = " ".join(client.get(reverse("backoffice:dashboard")).content.decode().split())
    assert (
        "Er is 1 dubbele melding. Die telt nergens mee. Het werk ging verder bij de andere melding." in page
    )
    sheet = client.get(reverse("backoffice:dashboard_csv")).content.decode("utf-8-sig")
    assert "totaal;meldingen;1" in sheet and "totaal;dubbele meldingen, niet meegeteld;1" in sheet


def test_the_consulent_hears_that_a_colleague_is_saving_the_other_melding(
    staff, client, same_question, monkeypatch
):
    from meldingen.backoffice.models import Behandeling
    from meldingen.backoffice.workflow import OtherMeldingBusy

    short, long = same_question

    def busy(self, other):
        raise OtherMeldingBusy

    monkeypatch.setattr(Behandeling, "_still_open", busy)
    client.force_login(staff["consulent"])
    response = _make_double(client, short, long.reference)
    assert response.status_code == 409
    said = f"Een collega slaat melding {long.reference} op dit moment op. Probeer het zo nog een keer."
    assert said in _errors(response)
    assert (
        BeautifulSoup(response.content, "html.parser").find("input", attrs={"name": "andere_melding"})[
            "value"
        ]
        == long.reference
    )
