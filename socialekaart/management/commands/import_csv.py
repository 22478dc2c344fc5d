"""manage.py import_csv FILE [--dry-run]: read the CSV template into the sociale kaart (idempotent).

The columns are described in socialekaart/hsds/csv_import.py; an example is in
socialekaart/fixtures/voorzieningen-voorbeeld.csv.
"""

from socialekaart.hsds.command import ImportCommand
from socialekaart.hsds.csv_import import import_csv, read_csv


class Command(ImportCommand):
    help = "Lees voorzieningen in uit een CSV-bestand (zie het voorbeeldbestand). Opnieuw inlezen werkt bij."

    def count(self, path) -> int:
        return len(read_csv(path))

    def run_import(self, path, dry_run, progress):
        return import_csv(path, dry_run=dry_run, progress=progress)
