from django.conf import settings
from django.core.management import BaseCommand, call_command


class Command(BaseCommand):
    help = "Loads the demo content of every part of the site (idempotent: running it again changes nothing)."

    def handle(self, *args, **options):
        # Each app owns its demo loader; the portal only knows their names.
        for command in settings.DEMO_COMMANDS:
            self.stdout.write(f"== {command}")
            call_command(command, stdout=self.stdout, stderr=self.stderr)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
