from django.core.management.base import BaseCommand

from meldingen.retention import remove_expired_personal_data


class Command(BaseCommand):
    help = "Remove personal data of meldingen closed over MELDINGEN_RETENTION_DAYS ago, and expired drafts."

    def handle(self, *args, **options):
        removed = remove_expired_personal_data()
        self.stdout.write(
            f"Personal data removed from {removed['meldingen']} melding(en); "
            f"{removed['drafts']} expired draft(s) deleted."
        )
