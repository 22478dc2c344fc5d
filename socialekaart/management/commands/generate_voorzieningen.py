"""Many fictional voorzieningen for benchmarks, made with bulk inserts, then a rebuilt index."""

import random
import uuid

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from ... import signals
from ...demo.aanbod import SOORTEN
from ...models import Locatie, Organisatie, Term, Voorziening, VoorzieningOpLocatie, Wijk
from ...search import get_backend

BATCH = 2000
PREFIX = "gen-"


class Command(BaseCommand):
    help = "Maakt veel fictieve voorzieningen voor metingen (na load_demo_kaart) en bouwt de index opnieuw."

    def add_arguments(self, parser):
        parser.add_argument(
            "--count", type=int, default=10_000, help="Hoeveel voorzieningen er in totaal moeten zijn."
        )
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument("--no-index", action="store_true", help="De zoekindex niet opnieuw opbouwen.")

    def handle(self, *args, count, seed, no_index, **options):
        wijken = list(Wijk.objects.all())
        thema = {term.code: term for term in Term.objects.filter(vocabulary=Term.Vocabulary.THEMA)}
        doelgroep = {term.code: term for term in Term.objects.filter(vocabulary=Term.Vocabulary.DOELGROEP)}
        if not wijken or not thema:
            raise CommandError("Er zijn nog geen wijken en thema's. Draai eerst load_demo_kaart.")
        missing = count - Voorziening.objects.count()
        if missing <= 0:
            self.stdout.write(f"Er zijn al {Voorziening.objects.count()} voorzieningen.")
        else:
            with transaction.atomic(), signals.paused():
                self._generate(missing, random.Random(seed), wijken, thema, doelgroep)
        if not no_index:
            bar = tqdm(total=0, unit=" voorzieningen", desc="Index", file=self.stderr)

            def progress(done, total):
                bar.total, bar.n = total, done
                bar.refresh()

            indexed = get_backend().rebuild(progress=progress)
            bar.close()
            self.stdout.write(f"Zoekindex: {indexed} voorzieningen.")

    def _generate(self, missing, rng, wijken, thema, doelgroep):
        start = Organisatie.objects.filter(slug__startswith=PREFIX).count()
        organisaties = [
            Organisatie(
                id=uuid.uuid4(), name=f"Zorg en Welzijn {start + i + 1}", slug=f"{PREFIX}{start + i + 1}"
            )
            for i in range(max(1, missing // 25))
        ]
        Organisatie.objects.bulk_create(organisaties, batch_size=BATCH)
        locaties = []
        for organisatie in organisaties:
            wijk = rng.choice(wijken)
            locaties.append(
                Locatie(
                    id=uuid.uuid4(),
                    organisatie=organisatie,
                    name=f"{organisatie.name} locatie",
                    wijk=wijk,
                    plaats="Lindewaard",
                    latitude=(wijk.latitude or 52.09) + rng.uniform(-0.008, 0.008),
                    longitude=(wijk.longitude or 5.12) + rng.uniform(-0.012, 0.012),
                )
            )
        Locatie.objects.bulk_create(locaties, batch_size=BATCH)
        Through = {name: getattr(Voorziening, name).through for name in ("themas", "doelgroepen", "wijken")}
        offset = Voorziening.objects.filter(slug__startswith=PREFIX).count()
        today = timezone.localdate()
        for batch_start in tqdm(range(0, missing, BATCH), desc="Voorzieningen", file=self.stderr):
            rows, links = [], {name: [] for name in Through}
            op_locaties = []
            for i in range(batch_start, min(missing, batch_start + BATCH)):
                soort = SOORTEN[i % len(SOORTEN)]
                index = organisaties[i % len(organisaties)], locaties[i % len(locaties)]
                number = offset + i + 1
                voorziening = Voorziening(
                    id=uuid.uuid4(),
                    organisatie=index[0],
                    name=f"{soort.name.format(wijk=index[1].wijk.name)} {number}",
                    slug=f"{PREFIX}{number}",
                    summary=soort.summary,
                    description=soort.description,
                    toegang=soort.toegang,
                    kosten=soort.kosten,
                    hele_gemeente=soort.hele_gemeente,
                    beperkte_plaatsen=soort.beperkte_plaatsen,
                    laatst_gecontroleerd=today,
                )
                rows.append(voorziening)
                links["themas"] += [
                    Through["themas"](voorziening=voorziening, term=thema[c])
                    for c in soort.themas
                    if c in thema
                ]
                links["doelgroepen"] += [
                    Through["doelgroepen"](voorziening=voorziening, term=doelgroep[c])
                    for c in soort.doelgroepen
                    if c in doelgroep
                ]
                if not soort.hele_gemeente:
                    links["wijken"].append(Through["wijken"](voorziening=voorziening, wijk=index[1].wijk))
                op_locaties.append(
                    VoorzieningOpLocatie(id=uuid.uuid4(), voorziening=voorziening, locatie=index[1])
                )
            Voorziening.objects.bulk_create(rows, batch_size=BATCH)
            for name, objects in links.items():
                Through[name].objects.bulk_create(objects, batch_size=BATCH)
            VoorzieningOpLocatie.objects.bulk_create(op_locaties, batch_size=BATCH)
