"""What the import and export commands share: a progress bar, --dry-run and the report, and the garbage
collector kept off the millions of objects a whole kaart is in memory."""

import gc
import sys
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from socialekaart.hsds.report import BrokenFile


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector off while a whole kaart is read into or built up in memory: millions
    of objects, which each full collection would walk again (a quarter of the export's time, a fifth of the
    reading). What the process held before is frozen, so the collections after it do not walk that either."""
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.unfreeze()


class ImportCommand(BaseCommand):
    requires_system_checks = []  # a data command, often run on a schedule: `manage.py check` checks the site

    def add_arguments(self, parser):
        parser.add_argument("file", help="Het bestand om in te lezen.")
        parser.add_argument("--dry-run", action="store_true", help="Controleer alleen; sla niets op.")

    def count(self, path) -> int:
        raise NotImplementedError

    def run_import(self, path, dry_run, progress):
        raise NotImplementedError

    def handle(self, *args, file, dry_run=False, verbosity=1, **options):
        try:
            with collector_paused():
                total = self.count(file)  # reads the file
            gc.freeze()  # the file as read stays until the end: the import's collections skip it
            try:
                with tqdm(total=total, unit=" rijen", disable=verbosity == 0, file=sys.stderr) as bar:
                    report = self.run_import(file, dry_run, bar.update)
            finally:
                gc.unfreeze()
        except BrokenFile as error:
            raise CommandError(f"{error} Er is niets ingelezen.") from error
        for line in report.lines():
            self.stdout.write(line)
        return None
