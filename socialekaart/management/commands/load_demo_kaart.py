from django.conf import settings
from django.core.management.base import BaseCommand

from ...demo import loader
from ...search import SearchUnavailable, get_backend


class Command(BaseCommand):
    help = "Laadt de sociale kaart van de fictieve gemeente Lindewaard (kan vaker draaien)."

    def handle(self, *args, **options):
        counts = loader.load()
        self.stdout.write(
            f"Sociale kaart: {counts['wijken']} wijken, {counts['organisaties']} organisaties, "
            f"{counts['voorzieningen']} voorzieningen, {counts['accounts']} accounts van aanbieders."
        )
        self.stdout.write(
            f"Inloggen als aanbieder: aanbieder-<organisatie> (bijvoorbeeld aanbieder-welzijn-lindewaard), "
            f"als redacteur: {loader.EDITOR_USERNAME}; wachtwoord: de instelling SOCIALEKAART_DEMO_PASSWORD"
            f"{' (standaard ' + settings.SOCIALEKAART_DEMO_PASSWORD + ')' if settings.DEBUG else ''}."
        )
        try:
            indexed = get_backend().rebuild()
        except SearchUnavailable as error:
            self.stderr.write(f"De zoekindex is niet bijgewerkt: {error}. Draai later rebuild_search_index.")
        else:
            self.stdout.write(f"Zoekindex opnieuw opgebouwd: {indexed} voorzieningen.")
