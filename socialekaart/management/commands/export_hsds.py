"""manage.py export_hsds FILE: write the whole sociale kaart as one HSDS 3.0 JSON document ("-" = stdout)."""

import sys

import orjson
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from socialekaart.hsds.command import collector_paused
from socialekaart.hsds.export import count, export_document


class Command(BaseCommand):
    help = "Schrijf de hele sociale kaart naar een HSDS 3.0 JSON-bestand (alleen openbare gegevens)."
    requires_system_checks = []  # a data command, as the imports

    def add_arguments(self, parser):
        parser.add_argument("file", help="Het bestand om te maken, of - voor het scherm.")

    def handle(self, *args, file, verbosity=1, **options):
        quiet = verbosity == 0 or file == "-"
        bar = tqdm(total=count(), unit=" voorzieningen", disable=quiet, file=sys.stderr)
        with bar, collector_paused():
            document = export_document(progress=bar.update)
        data = orjson.dumps(document, option=orjson.OPT_INDENT_2)  # UTF-8, ten times as fast as json.dumps
        if file == "-":
            self.stdout.write(data.decode())
            return
        try:
            with open(file, "wb") as handle:
                handle.write(data)
        except OSError as error:
            raise CommandError(f"Ik kan {file} niet schrijven: {error.strerror}.") from error
        self.stderr.write(f"{len(document['services'])} voorzieningen geschreven naar {file}.")
