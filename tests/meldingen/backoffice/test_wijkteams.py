"""The functioneel beheerder makes wijkteams from the backoffice staff: the member list names no one else."""

import pytest

from meldingen.backoffice.models import Wijkteam

from .fixtures import make_user

pytestmark = pytest.mark.django_db


def test_a_wijkteams_members_are_chosen_from_consulenten_and_teamleiders(staff, teams, wijken, client):
    make_user("aanbieder-welzijn")  # a provider's login, in no backoffice role
    client.force_login(staff["beheerder"])
    form = client.get("/admin/wijkteams/new/").content.decode()
    assert "consulent-centrum" in form and "teamleider" in form
    assert "aanbieder-welzijn" not in form
    assert ">redacteur<" not in form and ">beheerder<" not in form

    response = client.post(
        "/admin/wijkteams/new/",
        {
            "name": "Wijkteam Noord",
            "mailbox": "noord@lindewaard.example",
            "wijken": [wijken["centrum"].pk],
            "members": [staff["consulent"].pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(Wijkteam.objects.get(name="Wijkteam Noord").members.all()) == [staff["consulent"]]


def test_a_member_outside_the_staff_stays_visible_on_the_team_it_is_in(staff, teams, client):
    outsider = make_user("oud-medewerker")
    teams["centrum"].members.add(outsider)
    client.force_login(staff["beheerder"])
    form = client.get(f"/admin/wijkteams/edit/{teams['centrum'].pk}/").content.decode()
    assert "oud-medewerker" in form
