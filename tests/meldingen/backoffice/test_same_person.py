"""A signal and a melding about the same person point at each other. A walk: a huisarts' signal for Henk de
Vries and his daughter's melding for him stood side by side in Oude Haven's list, and neither page said so."""

import pytest
from django.urls import reverse

from meldingen.backoffice import signalen
from meldingen.backoffice.inbox import open_meldingen_about, open_signalen_about
from meldingen.backoffice.models import Signaal

from .fixtures import store

pytestmark = pytest.mark.django_db

HAVEN = "3913 AC"  # Oude Haven


def _signaal(staff, naam, postcode=HAVEN):
    data = {
        "naam": naam,
        "postcode": postcode,
        "telefoon": "0611111111",
        "onderwerpen": ["eenzaamheid"],
        "toelichting": "Meneer vergeet te eten.",
        "toestemming_door": "client",
    }
    return signalen.send(staff["teamleider"], data)


def test_a_signal_and_a_melding_about_the_same_person_point_at_each_other(staff, teams, client):
    melding = store(name="Henk de Vries", postcode=HAVEN, mantelzorger="Ingrid de Vries")
    signaal = _signaal(staff, "H. de Vries")  # the initial is no word: "de" and "vries" are
    client.force_login(staff["consulent_haven"])
    page = " ".join(
        client.get(reverse("backoffice:melding", args=[melding.behandeling.pk])).content.decode().split()
    )
    assert "Er is ook een open signaal over iemand met dezelfde naam in deze wijk." in page
    assert f'href="{reverse("backoffice:signaal", args=[signaal.pk])}">{signaal.reference}</a>' in page
    page = " ".join(client.get(reverse("backoffice:signaal", args=[signaal.pk])).content.decode().split())
    assert "Er is ook een open melding over iemand met dezelfde naam in deze wijk." in page
    assert f">{melding.reference}</a>" in page
    # Finished, the signal no longer asks who calls.
    Signaal.objects.filter(pk=signaal.pk).update(status=Signaal.Status.AFGEROND)
    assert open_signalen_about(staff["consulent_haven"], melding.behandeling) == []


def test_other_names_other_wijken_and_other_teams_are_not_linked(staff, teams):
    melding = store(name="Henk de Vries", postcode=HAVEN)
    consulent = staff["consulent_haven"]
    other_name = _signaal(staff, "Piet de Vries")
    other_wijk = _signaal(staff, "Henk de Vries", postcode="3911 AB")  # Centrum
    one_word = _signaal(staff, "Vries")
    assert open_signalen_about(consulent, melding.behandeling) == []
    for signaal in (other_name, other_wijk, one_word):
        assert open_meldingen_about(consulent, signaal) == []
    same = _signaal(staff, "Henk de Vries")
    assert open_signalen_about(consulent, melding.behandeling) == [same]
    assert open_meldingen_about(consulent, same) == [melding.behandeling]
    assert (
        open_signalen_about(staff["consulent"], melding.behandeling) == []
    )  # Centrum's consulent sees neither
