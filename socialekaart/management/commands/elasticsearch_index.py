"""Create or rebuild the sociale kaart's Elasticsearch index, or push the editors' synonyms to it.

manage.py elasticsearch_index            # rebuild into a new index and swap the alias (no downtime)
manage.py elasticsearch_index --create   # only create an empty index and its alias when missing
manage.py elasticsearch_index --synonyms # only put the synonyms and reload the search analyzers
"""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from socialekaart.search import SearchUnavailable
from socialekaart.search.elasticsearch import ElasticsearchBackend


class Command(BaseCommand):
    help = "Maak of vernieuw de Elasticsearch-index van de sociale kaart."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument(
            "--create", action="store_true", help="Maak alleen een lege index als die er niet is."
        )
        group.add_argument("--synonyms", action="store_true", help="Zet alleen de synoniemen opnieuw.")

    def handle(self, *args, create=False, synonyms=False, **options):
        if not settings.ELASTICSEARCH_URL:
            raise CommandError(
                "ELASTICSEARCH_URL is niet ingesteld. Zet die eerst, bijvoorbeeld http://localhost:9200."
            )
        try:
            backend = ElasticsearchBackend()
            if create:
                backend.ensure_index()
                self.stdout.write(f"De index {backend.alias} is er.")
            elif synonyms:
                backend.synonyms_changed()
                self.stdout.write("De synoniemen zijn bijgewerkt.")
            else:
                count = self._rebuild(backend, options["verbosity"])
                self.stdout.write(
                    self.style.SUCCESS(f"{count} voorzieningen staan in de nieuwe index {backend.alias}.")
                )
        except SearchUnavailable as error:
            raise CommandError(str(error)) from error

    def _rebuild(self, backend, verbosity: int) -> int:
        with tqdm(total=0, unit=" voorzieningen", disable=verbosity == 0, file=sys.stderr) as bar:

            def progress(done: int, total: int) -> None:
                bar.total = total
                bar.n = done
                bar.refresh()

            return backend.rebuild(progress=progress)
