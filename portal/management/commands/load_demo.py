from django.conf import settings
from django.core.management import BaseCommand, call_command, get_commands, load_command_class


class Command(BaseCommand):
    help = (
        "Loads the demo content of every part of the site (idempotent: running it again changes nothing). "
        "Accounts with the known demo passwords are made only when DEBUG is on or with --accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--accounts",
            action="store_true",
            help="Also make the demo accounts (providers, editors, staff) when DEBUG is off.",
        )

    def handle(self, *args, accounts=False, **options):
        # Each app owns its demo loader; the portal only knows their names.
        for command in settings.DEMO_COMMANDS:
            self.stdout.write(f"== {command}")
            extra = {"accounts": True} if accounts and _takes_accounts(command) else {}
            call_command(command, stdout=self.stdout, stderr=self.stderr, **extra)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))


def _takes_accounts(name: str) -> bool:
    parser = load_command_class(get_commands()[name], name).create_parser("manage.py", name)
    return any("--accounts" in action.option_strings for action in parser._actions)
