from django.conf import settings
from django.core.management.base import BaseCommand

from ...demo import loader
from ...search import SearchUnavailable, get_backend


class Command(BaseCommand):
    help = (
        "Laadt de sociale kaart van de fictieve gemeente Lindewaard (kan vaker draaien). "
        "Accounts met het demo-wachtwoord alleen met DEBUG of --accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--accounts",
            action="store_true",
            help="Maak de demo-accounts van aanbieders en de redacteur ook zonder DEBUG.",
        )

    def handle(self, *args, accounts=False, **options):
        with_accounts = settings.DEBUG or accounts
        counts = loader.load(accounts=with_accounts)
        self.stdout.write(
            f"Sociale kaart: {counts['wijken']} wijken, {counts['organisaties']} organisaties, "
            f"{counts['voorzieningen']} voorzieningen, {counts['accounts']} accounts van aanbieders."
        )
        if with_accounts:
            default = f" (standaard {settings.SOCIALEKAART_DEMO_PASSWORD})" if settings.DEBUG else ""
            self.stdout.write(
                "Inloggen als aanbieder: aanbieder-<organisatie> "
                "(bijvoorbeeld aanbieder-welzijn-lindewaard), "
                f"als redacteur: {loader.EDITOR_USERNAME}; "
                f"wachtwoord: de instelling SOCIALEKAART_DEMO_PASSWORD{default}."
            )
        else:
            self.stdout.write("Geen demo-accounts gemaakt: dat gebeurt alleen met DEBUG of --accounts.")
        try:
            indexed = get_backend().rebuild()
        except SearchUnavailable as error:
            self.stderr.write(f"De zoekindex is niet bijgewerkt: {error}. Draai later rebuild_search_index.")
        else:
            self.stdout.write(f"Zoekindex opnieuw opgebouwd: {indexed} voorzieningen.")
