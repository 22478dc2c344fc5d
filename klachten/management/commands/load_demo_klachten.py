"""Demo complaints: a contract team, numbers of clients for a few providers, complaints in every status, and
the traffic lights on the kaart. Idempotent: a second run adds nothing."""

import random
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from klachten import stoplicht
from klachten.access import KLACHTBEHANDELAAR
from klachten.models import Clientaantal, Contractteam, Klacht
from klachten.workflow import Kanaal, Status
from socialekaart import public

DEMO_PASSWORD = "Lindewaard-demo-2026"  # noqa: S105  (documented demo password, as the backoffice's)
# (complaints in the last year, clients) for the first providers with a theme: red, orange, green, no light.
PROFIELEN = [(6, 80), (4, 150), (1, 200), (3, None)]


class Command(BaseCommand):
    help = "Laad demo-klachten over aanbieders, aantallen cliënten en de stoplichten."

    def handle(self, *args, **options):
        thema = public.themas().first()
        organisaties = list(public.organisaties_met_thema(thema)[: len(PROFIELEN)]) if thema else []
        if not organisaties:
            self.stdout.write("Er is nog geen sociale kaart: draai eerst load_demo_kaart.")
            return
        team, _ = Contractteam.objects.get_or_create(
            name="Contractteam Wmo", defaults={"mailbox": "contractbeheer@lindewaard.example"}
        )
        team.organisaties.add(*organisaties)
        # Complaints about the gemeente itself go to its klachtencoördinatie, not to a contract team.
        coordinatie, _ = Contractteam.objects.get_or_create(
            name="Klachtencoördinatie gemeente", defaults={"mailbox": "klachten@lindewaard.example"}
        )
        gemeente = public.organisaties().first()  # the gemeente's own stands first
        if gemeente is not None and public.is_the_gemeente(gemeente):
            coordinatie.organisaties.add(gemeente)
        if settings.DEBUG:
            self._account(team, coordinatie)
        if Klacht.objects.filter(reference__startswith="K-DEMO").exists():
            self.stdout.write("De demo-klachten zijn er al.")
            return
        rng = random.Random(2026)
        today = timezone.localdate()
        with transaction.atomic():
            count = 0
            for organisatie, (klachten, clienten) in zip(organisaties, PROFIELEN, strict=False):
                if clienten:
                    Clientaantal.objects.update_or_create(
                        organisatie=organisatie,
                        thema=thema,
                        defaults={"aantal": clienten, "eerst_gemeld_op": today - timedelta(days=400)},
                    )
                for _ in range(klachten):
                    count += 1
                    self._klacht(organisatie, thema, count, today - timedelta(days=rng.randint(1, 300)), rng)
            self._postpone_one()
        lights = stoplicht.werk_bij()
        self.stdout.write(self.style.SUCCESS(f"{count} demo-klachten, {lights} stoplichten op de kaart."))
        names = ", ".join(organisatie.name for organisatie in organisaties)
        self.stdout.write(f"Stoplichten bij thema {thema.name} voor: {names}.")

    def _klacht(self, organisatie, thema, number, received, rng):
        klacht = Klacht(
            reference=f"K-DEMO-{number:04d}",
            organisatie=organisatie,
            thema=thema,
            kanaal=rng.choice([Kanaal.WEBSITE, Kanaal.WEBSITE, Kanaal.TELEFOON, Kanaal.BRIEF]),
            ontvangen_op=received,
            samenvatting_aanbieder="De hulp kwam een paar keer niet, zonder bericht vooraf.",
        )
        klacht.gegevens = {
            "wat": "Dit is een demo-klacht. De hulp kwam drie keer niet. Niemand belde af.",
            "contact": "ja",
            "naam": "Demo Inwoner",
            "telefoon": "0600000000",
            "email": "",
        }
        klacht.save()
        if received < timezone.localdate() - timedelta(days=30):
            klacht.change_status(Status.IN_BEHANDELING)
            if received < timezone.localdate() - timedelta(days=60):
                klacht.change_status(
                    Status.AFGEHANDELD,
                    oordeel=rng.choice(["gegrond", "deels_gegrond"]),
                    antwoord="Wij hebben met de aanbieder gesproken. De hulp komt nu op vaste dagen. "
                    "Komt de hulp niet? Dan belt de aanbieder u vooraf.",
                    horen="gehoord",
                )

    def _postpone_one(self):
        """The newest open complaint gets 2 more weeks (Awb 9:11 lid 2), to show how a postponement looks."""
        demo = Klacht.objects.filter(reference__startswith="K-DEMO")
        for klacht in demo.exclude(status=Status.AFGEHANDELD).order_by("-ontvangen_op"):
            if not klacht.postponement_refused():
                klacht.postpone(None, 2, "De aanbieder zoekt het dossier nog op.")
                return

    def _account(self, *teams):
        user, created = get_user_model().objects.get_or_create(
            username="klachtbehandelaar", defaults={"email": "klachtbehandelaar@lindewaard.example"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(Group.objects.get(name=KLACHTBEHANDELAAR))
        for team in teams:
            team.members.add(user)
