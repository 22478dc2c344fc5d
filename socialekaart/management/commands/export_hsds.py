"""manage.py export_hsds FILE: write the whole sociale kaart as one HSDS 3.0 JSON document ("-" = stdout)."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from socialekaart.hsds.export import count, export_document


class Command(BaseCommand):
    help = "Schrijf de hele sociale kaart naar een HSDS 3.0 JSON-bestand (alleen openbare gegevens)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Het bestand om te maken, of - voor het scherm.")

    def handle(self, *args, file, verbosity=1, **options):
        with tqdm(
            total=count(), unit=" voorzieningen", disable=verbosity == 0 or file == "-", file=sys.stderr
        ) as bar:
            document = export_document(progress=bar.update)
        text = json.dumps(document, ensure_ascii=False, indent=1)
        if file == "-":
            self.stdout.write(text)
            return
        try:
            with open(file, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as error:
            raise CommandError(f"Ik kan {file} niet schrijven: {error.strerror}.") from error
        self.stderr.write(f"{len(document['services'])} voorzieningen geschreven naar {file}.")
