"""Demo data for the backoffice: a wijkteam per demo wijk, demo staff accounts, and about 30 demo meldingen.

Idempotent: run it as often as you like. Every person in it is made up. Staff accounts are only created
when DEBUG is on or with --accounts; they all get the one demo password below.
"""

import random
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core.workdays import is_working_day
from meldingen.answers import Answers
from meldingen.backoffice import roles
from meldingen.backoffice.models import Behandeling, Nazorg, Signaal, Verwijzing, Wijkteam
from meldingen.backoffice.workflow import Status, Uitkomst
from meldingen.delivery.models import DeliveryTarget
from socialekaart import public as kaart

DEMO_PASSWORD = "Lindewaard-demo-2026"  # noqa: S105  (documented demo password)
DEMO_COUNT = 30
# The consulenten of the wijkteams, one per team, named as staff see each other (no resident has these names).
CONSULENT_NAMES = [
    ("Marloes", "Verbeek"),
    ("Youssef", "Amrani"),
    ("Esther", "Kuipers"),
    ("Ruben", "Schouten"),
    ("Derya", "Aydin"),
    ("Jeroen", "Koster"),
    ("Annelies", "Prins"),
]
FIRST_NAMES = [
    "Anna",
    "Bram",
    "Cor",
    "Dina",
    "Eef",
    "Fatima",
    "Gerrit",
    "Hanneke",
    "Ilse",
    "Joop",
    "Karin",
    "Lotte",
    "Mehmet",
    "Nel",
    "Otto",
    "Piet",
    "Ria",
    "Sanne",
    "Teun",
    "Wim",
]
LAST_NAMES = [
    "de Boer",
    "Bakker",
    "van Dijk",
    "Visser",
    "Smit",
    "Meijer",
    "de Groot",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Yılmaz",
    "El Amrani",
]
ONDERWERPEN = ["huishouden", "begeleiding", "dagbesteding", "vervoer", "woning", "hulpmiddel", "mantelzorg"]
# How far along the workflow demo meldingen get, most of them still open.
PATHS = [
    [],
    [Status.CONTACT_OPGENOMEN],
    [Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND],
    [Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND, Status.ONDERZOEK_AFGEROND],
    [
        Status.CONTACT_OPGENOMEN,
        Status.GESPREK_GEPLAND,
        Status.ONDERZOEK_AFGEROND,
        Status.AANVRAAG_ONTVANGEN,
        Status.AFGEHANDELD,
    ],
    [Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND, Status.ONDERZOEK_AFGEROND, Status.AANVRAAG_ONTVANGEN],
    [Status.INGETROKKEN],
]


GEMEENTE = kaart.DEMO_MUNICIPALITY


class Command(BaseCommand):
    help = "Laad demo-wijkteams, demo-medewerkers (met DEBUG of --accounts) en ongeveer 30 demo-meldingen."

    def add_arguments(self, parser):
        parser.add_argument(
            "--accounts", action="store_true", help="Maak de demo-medewerkers ook zonder DEBUG."
        )

    def handle(self, *args, accounts=False, **options):
        roles.ensure_roles()
        teams = self._teams()
        if settings.DEBUG or accounts:
            self._accounts(teams)
            self.stdout.write(f"Demo-medewerkers: wachtwoord {DEMO_PASSWORD}")
        self._targets()
        created = self._meldingen()
        self._assign()
        self._nazorg()
        self._verwijzingen()
        self._signaal()
        self.stdout.write(self.style.SUCCESS(f"{len(teams)} wijkteams, {created} nieuwe demo-meldingen."))
        self._status_lookup_example()

    def _status_lookup_example(self) -> None:
        """A demo melding to try "Waar staat mijn melding?" with (fictional data)."""
        from meldingen.models import Melding
        from meldingen.storage import _submission_key

        melding = Melding.objects.filter(submission_key=_submission_key("demo-melding-0")).first()
        if melding is None or not melding.encrypted_answers:
            return
        answers = melding.typed_answers
        self.stdout.write(
            f"Waar staat mijn melding? Probeer /melding/status/ met {melding.reference}, "
            f"postcode {answers.postcode}, huisnummer {answers.resident.text('huisnummer')}."
        )

    def _teams(self) -> list[Wijkteam]:
        teams = []
        for name in kaart.demo_postcodes():
            wijk = kaart.wijk_named(name)
            team, _ = Wijkteam.objects.get_or_create(
                name=f"Wijkteam {name}",
                defaults={"mailbox": f"wijkteam-{slugify(name)}@{GEMEENTE.lower()}.example"},
            )
            if wijk is not None:
                team.wijken.add(wijk)
            teams.append(team)
        if not kaart.wijken().exists():
            self.stdout.write("Er zijn nog geen wijken: draai eerst load_demo_kaart.")
        return teams

    def _accounts(self, teams: list[Wijkteam]) -> None:
        users = get_user_model().objects
        for index, team in enumerate(teams):
            slug = slugify(team.name.removeprefix("Wijkteam "))
            first_name, last_name = CONSULENT_NAMES[index % len(CONSULENT_NAMES)]
            user = self._user(
                users, f"consulent-{slug}", roles.CONSULENT, first_name=first_name, last_name=last_name
            )
            team.members.add(user)
        self._user(users, "teamleider", roles.TEAMLEIDER, first_name="Teamleider")
        # A professional (e.g. a huisarts) who may send a signal about a client.
        self._user(users, "professional", "Professionals", first_name="Huisarts", last_name="de Demo")
        self._user(
            users, "beheerder", roles.FUNCTIONEEL_BEHEERDER, first_name="Functioneel", last_name="beheerder"
        )
        redacteur = self._user(users, "redacteur", roles.REDACTEUR, first_name="Redacteur")
        editors = Group.objects.filter(name="Editors").first()  # Wagtail's page editors
        if editors:
            redacteur.groups.add(editors)
        # The redacteur's button sends a page to "de redactie", Wagtail's default workflow, whose task
        # Wagtail's Moderators approve: the eindredacteur approves and publishes it.
        self._user(users, "eindredacteur", "Moderators", first_name="Eindredacteur")

    def _user(self, users, username, group, **names):
        user, created = users.get_or_create(
            username=username, defaults={"email": f"{username}@{GEMEENTE.lower()}.example", **names}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(Group.objects.get(name=group))
        return user

    def _targets(self) -> None:
        if not DeliveryTarget.objects.filter(name="E-mail naar het wijkteam").exists():
            DeliveryTarget.objects.create_approved(
                name="E-mail naar het wijkteam",
                kind="email",
                options={"fallback_email": f"wmo@{GEMEENTE.lower()}.example"},
            )
        if not DeliveryTarget.objects.filter(name="Voorbeeld: eigen systeem (uit)").exists():
            DeliveryTarget.objects.create_approved(
                name="Voorbeeld: eigen systeem (uit)",
                kind="webhook",
                active=False,
                options={"url": "https://zaaksysteem.lindewaard.example/meldingen", "include_answers": False},
            )

    def _meldingen(self) -> int:
        from meldingen.models import Melding
        from meldingen.storage import _submission_key, store_melding

        rng = random.Random(2026)  # the same demo every time
        postcodes = [postcode for pc6s in kaart.demo_postcodes().values() for postcode in pc6s]
        now = timezone.now()
        created = 0
        for index in range(DEMO_COUNT):
            token = f"demo-melding-{index}"
            answers = self._answers(rng, postcodes)
            age_days = rng.randint(0, 70)
            path = PATHS[min(rng.randint(0, 7), 6)] if age_days > 3 else []
            if Melding.objects.filter(submission_key=_submission_key(token)).exists():
                continue
            with transaction.atomic():
                melding, _stored_now = store_melding(answers, submission_token=token)
                self._age(melding, now - timedelta(days=age_days, hours=rng.randint(0, 8)), path, rng)
            created += 1
        return created

    def _assign(self) -> None:
        """A melding past its first contact has a consulent of its team: a walk found each consulent at 0 in
        Werkverdeling and gesprekken planned by nobody. New ones wait for the teamleider."""
        past_contact = Behandeling.objects.exclude(status=Status.ONTVANGEN).filter(consulent=None)
        for behandeling in past_contact.exclude(team=None).select_related("team"):
            consulenten = behandeling.team.members.filter(groups__name=roles.CONSULENT, is_active=True)
            behandeling.consulent = consulenten.order_by("pk").first()
            if behandeling.consulent:  # none without the demo's accounts
                behandeling.save(update_fields=["consulent", "updated_at"])

    def _answers(self, rng, postcodes) -> dict:
        soort = rng.choice(["kort", "uitgebreid", "uitgebreid"])
        postcode = rng.choice(postcodes)
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        spoed = rng.random() < 0.15
        answers = {
            "voor_wie": {"voor_wie": rng.choice(["zelf", "zelf", "mantelzorger", "familie"])},
            "keuze": {"soort": soort},
            "gegevens": {
                "naam": name,
                "postcode": f"{postcode[:4]} {postcode[4:]}",
                "straat": "Demostraat",
                "huisnummer": str(rng.randint(1, 120)),
                "woonplaats": GEMEENTE,
                "telefoon": f"06{rng.randint(10000000, 99999999)}",
                "email": "",
            },
            "spoed": {
                "spoed": "ja" if spoed else "nee",
                "toelichting": "Mijn mantelzorger is ziek." if spoed else "",
            },
        }
        if Answers.from_dict(answers).for_someone_else:
            answers["melder"] = {
                "naam": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                "telefoon": "0611111111",
            }
        if soort == "kort":  # when to call, as the short melding asks (no draw: the rest stays as it was)
            answers["waarover"] = {"bereikbaar": "Op dinsdag in de ochtend"}
        if soort == "uitgebreid":
            answers["hulp"] = {
                "onderwerpen": rng.sample(ONDERWERPEN, rng.randint(1, 2)),
                "toelichting": "Dit is een demo-melding. Het gaat niet over een echt persoon.",
            }
        return answers

    def _age(self, melding, created_at, path, rng) -> None:
        """Back-date a fresh demo melding and walk it along part of the workflow."""
        from meldingen.models import Melding

        Melding.objects.filter(pk=melding.pk).update(created_at=created_at)
        behandeling = Behandeling.objects.get(melding=melding)
        contact, onderzoek = Behandeling.deadlines_for(timezone.localdate(created_at), melding.spoed)
        behandeling.contact_deadline, behandeling.onderzoek_deadline = contact, onderzoek
        behandeling.next_deadline = contact
        behandeling.save()
        at, planned = created_at, None
        for status in path:
            at = min(at + timedelta(days=rng.randint(1, 14)), timezone.now())
            if planned and status != Status.GESPREK_GEPLAND:  # what follows a gesprek comes after it
                if planned > timezone.now():
                    break
                at = min(max(at, planned + timedelta(hours=2)), timezone.now())
            # A gesprek planned a week or so ahead, in office hours, on a working day (the status form asks
            # why of one on a Saturday: a walk found the demo's own).
            gesprek_op = timezone.localtime(at + timedelta(days=rng.randint(3, 10))).replace(
                hour=rng.choice([9, 10, 11, 13, 14]), minute=0, second=0, microsecond=0
            )
            while not is_working_day(gesprek_op.date()):
                gesprek_op += timedelta(days=1)
            if status == Status.GESPREK_GEPLAND:
                planned = gesprek_op
            # Where, from the melding's key (not from rng: the demo's other draws stay as they were).
            plaats = ("thuis", "telefoon", "gemeentehuis")[melding.pk % 3]
            behandeling.change_status(
                status, at=at, gesprek_op=gesprek_op, gesprek_plaats=plaats, verslag_verstuurd=True
            )

    # --- the gesprek's features: nazorg due, a melding with verwijzingen, a signal --------------------------

    def _nazorg(self) -> None:
        """Every demo melding that is afgehandeld had its support granted; at least one nazorg call is due."""
        closed = Behandeling.objects.filter(status=Status.AFGEHANDELD, uitkomst="").exclude(closed_at=None)
        for behandeling in closed:
            behandeling.uitkomst = Uitkomst.TOEGEKEND
            behandeling.save(update_fields=["uitkomst", "updated_at"])
            Nazorg.schedule(behandeling, timezone.localdate(behandeling.closed_at))
        if not Nazorg.objects.due().exists():
            first = Nazorg.objects.filter(done_at=None).order_by("pk").first()
            if first is not None:
                Nazorg.schedule(first.behandeling, timezone.localdate() - timedelta(weeks=7))

    def _verwijzingen(self) -> None:
        """Two open, long demo meldingen with voorzieningen of the kaart discussed and referred to."""
        from meldingen.backoffice import kaart as gesprek_kaart

        if Verwijzing.objects.exists():
            return
        done = 0
        for behandeling in Behandeling.objects.open().filter(melding__soort="uitgebreid").order_by("pk"):
            suggestions = gesprek_kaart.suggestions(behandeling.melding, limit=2)
            if not suggestions:
                continue
            consulent = behandeling.team.members.first() if behandeling.team_id else None
            soorten = (Verwijzing.Soort.VERWEZEN, Verwijzing.Soort.BESPROKEN)
            for item, soort in zip(suggestions, soorten, strict=False):
                gesprek_kaart.record(behandeling.melding, consulent, item.id, soort)
            done += 1
            if done == 2:
                return

    def _signaal(self) -> None:
        """One signal from a provider about a (made-up) client, waiting for the wijkteam."""
        from meldingen.backoffice import signalen

        if Signaal.objects.exists():
            return
        sender = get_user_model().objects.filter(groups__name="Aanbieders").order_by("pk").first()
        postcodes = [postcode for pc6s in kaart.demo_postcodes().values() for postcode in pc6s]
        if sender is None or not postcodes:
            return
        signalen.send(
            sender,
            {
                "naam": "Truus van Demo",
                "postcode": f"{postcodes[0][:4]} {postcodes[0][4:]}",
                "telefoon": "0612121212",
                "afzender_telefoon": "0599 123456",  # the form asks it: a walk found no number to call back
                "onderwerpen": ["eenzaamheid", "mantelzorger"],
                "toelichting": "Dit is een demo-signaal. Mevrouw is veel alleen. Haar zoon is moe.",
                "toestemming_door": Signaal.Toestemming.CLIENT,
            },
        )
