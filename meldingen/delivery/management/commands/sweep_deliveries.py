"""Enqueue every lost or due delivery job once, send the failure digest, and (re)start the periodic sweep.

The worker keeps one sweep on its queue by itself; run this after restoring a backup or from cron as an
extra safety net.
"""

from django.core.management.base import BaseCommand

from meldingen.delivery.tasks import schedule_sweep, sweep


class Command(BaseCommand):
    help = "Zet vergeten bezorgingen opnieuw in de wachtrij en start de periodieke controle."

    def handle(self, *args, **options):
        count = sweep()
        schedule_sweep()
        self.stdout.write(self.style.SUCCESS(f"{count} bezorgingen opnieuw in de wachtrij gezet."))
