"""manage.py import_hsds FILE [--dry-run]: read HSDS 3.0 JSON into the sociale kaart (idempotent)."""

from socialekaart.hsds.command import ImportCommand
from socialekaart.hsds.importer import import_hsds, read_hsds


class Command(ImportCommand):
    help = (
        "Lees voorzieningen in uit een HSDS 3.0 JSON-bestand. Opnieuw inlezen werkt bij, maakt geen dubbelen."
    )

    def count(self, path) -> int:
        self.data = read_hsds(path)  # read once: the import uses it too
        return len(self.data["services"])

    def run_import(self, path, dry_run, progress):
        return import_hsds(path, dry_run=dry_run, progress=progress, data=self.data)
