"""Forget the backoffice's copies (name index, note texts) of meldingen whose personal data retention removed,
and (re)start the recurring task that does the same."""

from django.core.management.base import BaseCommand

from meldingen.backoffice.retention import forget_removed_personal_data
from meldingen.backoffice.tasks import schedule_retention


class Command(BaseCommand):
    help = "Wis de naam, notities en verslagen van meldingen waarvan de persoonsgegevens al zijn verwijderd."

    def handle(self, *args, **options):
        count = forget_removed_personal_data()
        schedule_retention()
        self.stdout.write(self.style.SUCCESS(f"{count} meldingen opgeschoond."))
