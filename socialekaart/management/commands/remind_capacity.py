"""Send the e-mails "Werk uw beschikbaarheid bij" now and (re)start their periodic run on the task queue."""

from django.core.management.base import BaseCommand

from socialekaart.capacity_reminders import send_reminders
from socialekaart.tasks import schedule_capacity_reminders


class Command(BaseCommand):
    help = "Stuur aanbieders met verouderde beschikbaarheid een herinnering en start de periodieke controle."

    def handle(self, *args, **options):
        count = send_reminders()
        schedule_capacity_reminders()
        self.stdout.write(self.style.SUCCESS(f"{count} organisaties kregen een herinnering."))
