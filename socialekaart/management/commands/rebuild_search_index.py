from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ...search import BACKENDS, SearchUnavailable, default_backend_name, get_backend


class Command(BaseCommand):
    help = "Bouwt de zoekindex van de sociale kaart opnieuw op, met een voortgangsbalk."

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend", choices=sorted(BACKENDS), help="Welke zoekmachine (standaard: de ingestelde)."
        )
        parser.add_argument("--no-progress", action="store_true", help="Zonder voortgangsbalk.")

    def handle(self, *args, backend=None, no_progress=False, **options):
        name = backend or default_backend_name()
        bar = (
            None
            if no_progress
            else tqdm(total=0, unit=" voorzieningen", desc=f"Index ({name})", file=self.stderr)
        )

        def progress(done: int, total: int) -> None:
            if bar is not None:
                bar.total = total
                bar.n = done
                bar.refresh()

        try:
            count = get_backend(name).rebuild(progress=progress)
        except SearchUnavailable as error:
            raise CommandError(f"De zoekmachine is niet bereikbaar: {error}") from error
        finally:
            if bar is not None:
                bar.close()
        self.stdout.write(f"Klaar: {count} voorzieningen in de index ({name}).")
