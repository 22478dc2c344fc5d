"""load_demo_meldingen: idempotent teams, accounts and meldingen."""

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from core.workdays import is_working_day
from meldingen.backoffice.management.commands.load_demo_meldingen import DEMO_COUNT, DEMO_PASSWORD
from meldingen.backoffice.models import Behandeling, Wijkteam
from meldingen.backoffice.workflow import Status
from meldingen.models import Melding
from socialekaart.demo.gemeente import WIJKEN
from socialekaart.models import Wijk, WijkPostcode


def _demo_wijken():
    for demo in WIJKEN:
        wijk = Wijk.objects.create(
            name=demo.name, slug=demo.name.lower().replace(" ", "-"), cbs_code=demo.cbs_code
        )
        for pc4 in demo.postcodes:
            WijkPostcode.objects.create(wijk=wijk, pc4=pc4)


def test_demo_is_idempotent_and_routed(db, settings):
    _demo_wijken()
    call_command("load_demo_meldingen", "--accounts", verbosity=0)
    call_command("load_demo_meldingen", "--accounts", verbosity=0)
    assert Melding.objects.count() == DEMO_COUNT == Behandeling.objects.count()
    assert Wijkteam.objects.count() == len(WIJKEN)
    assert not Behandeling.objects.filter(team__isnull=True).exists()
    assert len(set(Behandeling.objects.values_list("status", flat=True))) >= 4
    # A walk found each consulent at 0 in Werkverdeling: past the first contact, a melding has its team's.
    past_contact = Behandeling.objects.exclude(status=Status.ONTVANGEN)
    assert past_contact.exists() and all(each.consulent in each.team.members.all() for each in past_contact)
    assert not Behandeling.objects.filter(status=Status.ONTVANGEN).exclude(consulent=None).exists()
    users = get_user_model().objects
    consulent = users.get(username="consulent-centrum")
    assert consulent.check_password(DEMO_PASSWORD) and consulent.wijkteams.get().name == "Wijkteam Centrum"
    for username in ("teamleider", "beheerder", "redacteur"):
        assert users.filter(username=username).exists()
    # Staff see each other by name: a walk read "Consulent oude-haven" in the inbox and the timeline.
    consulenten = users.filter(username__startswith="consulent-")
    names = {user.get_full_name() for user in consulenten}
    assert len(names) == consulenten.count() == len(WIJKEN)
    assert not any(user.last_name in user.username for user in consulenten)
    # A walk: a demo gesprek on a Saturday, which the status form itself asks a reason for.
    planned = Behandeling.objects.exclude(gesprek_op=None).values_list("gesprek_op", flat=True)
    assert planned and all(is_working_day(timezone.localdate(moment)) for moment in planned)


def test_no_accounts_without_debug_or_flag(db, settings):
    settings.DEBUG = False
    call_command("load_demo_meldingen", verbosity=0)
    assert not get_user_model().objects.filter(username="teamleider").exists()


def test_demo_shows_a_signal_nazorg_due_and_a_melding_with_verwijzingen(db, settings):
    from meldingen.backoffice.models import Nazorg, Signaal, Verwijzing
    from tests.meldingen.backoffice.fixtures import make_user
    from tests.socialekaart.factories import TermFactory, VoorzieningFactory

    _demo_wijken()
    make_user("aanbieder-demo", "Aanbieders")
    for code in (
        "huishouden",
        "begeleiding",
        "dagbesteding",
        "vervoer",
        "wonen",
        "hulpmiddelen",
        "mantelzorg",
    ):
        VoorzieningFactory(themas=[TermFactory(code=code)], hele_gemeente=True)
    call_command("load_demo_meldingen", "--accounts", verbosity=0)
    call_command("load_demo_meldingen", "--accounts", verbosity=0)
    assert Signaal.objects.count() == 1 and Signaal.objects.get().team is not None
    assert Signaal.objects.get().data["afzender_telefoon"]  # a walk found no number to call the sender on
    assert Nazorg.objects.due().exists()
    assert Verwijzing.objects.values("melding").distinct().count() == 2


def test_a_page_sent_to_the_redactie_can_be_published(db, settings):
    """A walk sent a page to "de redactie": the task's group (Wagtail's Moderators) had no member, so the
    page waited for ever and stayed locked for the redacteur."""
    from wagtail.models import Workflow

    _demo_wijken()
    call_command("load_demo_meldingen", "--accounts", verbosity=0)
    task = Workflow.objects.get(name="de redactie").tasks.get().specific
    # A walk read "Deze pagina is momenteel op de redactie in de redactie": the task had the workflow's name.
    assert task.name == "de eindredactie"
    reviewers = get_user_model().objects.filter(groups__in=task.groups.all(), is_active=True)
    assert reviewers.filter(username="eindredacteur").exists()
    assert reviewers.get(username="eindredacteur").check_password(DEMO_PASSWORD)
