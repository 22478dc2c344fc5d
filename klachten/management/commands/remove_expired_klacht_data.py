"""Remove the personal data of complaints closed longer ago than KLACHTEN_RETENTION_DAYS, and (re)start the
recurring task that does the same."""

from django.core.management.base import BaseCommand

from klachten.retention import remove_expired_personal_data
from klachten.tasks import schedule_retention


class Command(BaseCommand):
    help = "Wis de gegevens van klachten die langer dan de bewaartermijn zijn afgehandeld."

    def handle(self, *args, **options):
        count = remove_expired_personal_data()
        schedule_retention()
        self.stdout.write(self.style.SUCCESS(f"{count} klachten opgeschoond."))
