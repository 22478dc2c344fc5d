"""What the import commands share: a progress bar, --dry-run and the report."""

import gc
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from socialekaart.hsds.report import BrokenFile


class ImportCommand(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("file", help="Het bestand om in te lezen.")
        parser.add_argument("--dry-run", action="store_true", help="Controleer alleen; sla niets op.")

    def count(self, path) -> int:
        raise NotImplementedError

    def run_import(self, path, dry_run, progress):
        raise NotImplementedError

    def handle(self, *args, file, dry_run=False, verbosity=1, **options):
        # What the process holds before the import (Django, then the file once read) stays until it ends;
        # frozen, Python's collector does not walk it again at each full collection (a fifth of the time).
        gc.freeze()
        gc.disable()  # reading the file makes millions of objects and no cycles: nothing to collect
        try:
            total = self.count(file)
            gc.enable()
            gc.freeze()
            with tqdm(total=total, unit=" rijen", disable=verbosity == 0, file=sys.stderr) as bar:
                report = self.run_import(file, dry_run, bar.update)
        except BrokenFile as error:
            raise CommandError(f"{error} Er is niets ingelezen.") from error
        finally:
            gc.enable()
            gc.unfreeze()
        for line in report.lines():
            self.stdout.write(line)
        return None
