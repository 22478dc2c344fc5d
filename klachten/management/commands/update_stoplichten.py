"""Compute the complaint traffic lights on the kaart again; run daily so old complaints drop out."""

from django.core.management.base import BaseCommand

from klachten.tasks import recount


class Command(BaseCommand):
    help = "Bereken de stoplichten van de klachten opnieuw (elke dag)."

    def handle(self, *args, **options):
        self.stdout.write(self.style.SUCCESS(f"{recount()} stoplichten bijgewerkt."))
