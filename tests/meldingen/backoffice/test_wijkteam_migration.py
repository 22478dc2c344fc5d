"""Renaming Team to Wijkteam keeps every team, its wijken and members, and the groups keep their rights."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.migration]

BEFORE = [("backoffice", "0012_uitkomst_in_b1")]


def test_teams_and_the_rights_on_them_survive_the_rename(wijken):
    """Through `migrate` itself, whose signals also rename the content type."""
    call_command("migrate", *BEFORE[0], verbosity=0)
    old = MigrationLoader(connection).project_state(BEFORE).apps
    try:
        Team = old.get_model("backoffice", "Team")
        Permission = old.get_model("auth", "Permission")
        Group = old.get_model("auth", "Group")
        User = old.get_model("auth", "User")
        team = Team.objects.create(name="Wijkteam Centrum", mailbox="centrum@lindewaard.example")
        team.wijken.add(wijken["centrum"].pk)
        team.members.add(User.objects.create(username="consulent-centrum").pk)
        beheer = Group.objects.create(name="Beheer van teams")
        beheer.permissions.add(Permission.objects.get(content_type__model="team", codename="change_team"))
    finally:
        call_command("migrate", verbosity=0)

    from django.contrib.auth.models import Group

    from meldingen.backoffice.models import Wijkteam

    team = Wijkteam.objects.get(name="Wijkteam Centrum")
    assert [wijk.name for wijk in team.wijken.all()] == ["Centrum"]
    assert [user.username for user in team.members.all()] == ["consulent-centrum"]
    rights = Group.objects.get(name="Beheer van teams").permissions.get()
    assert (rights.content_type.model, rights.codename) == ("wijkteam", "change_wijkteam")
