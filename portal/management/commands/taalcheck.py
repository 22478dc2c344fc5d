"""`manage.py taalcheck`: the B1 taalcheck over every live page that can give its text."""

from django.core.management import BaseCommand, CommandError
from wagtail.models import Page

from portal.begrippen import check_with_the_begrippen
from portal.taalcheck import Report, thresholds


def _nl(number: float) -> str:
    return f"{number:.1f}".replace(".", ",")


class Command(BaseCommand):
    help = (
        "Checks every live page with taalcheck_text() against the B1 thresholds (settings.TAALCHECK). "
        "Exits with an error when a page fails."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--page",
            type=int,
            action="append",
            dest="page_ids",
            metavar="ID",
            help="Check only the page with this id (may be repeated).",
        )
        parser.add_argument(
            "--verbose",
            action="store_true",
            help="Show the problems, hardest sentences and words to replace of every page.",
        )

    def handle(self, *args, page_ids=None, verbose=False, **options):
        pages = self._pages(page_ids)
        if not pages:
            self.stdout.write(self.style.WARNING("No live pages with taalcheck_text() to check."))
            return
        limits = thresholds()
        self.stdout.write(
            f"Thresholds: average sentence length <= {limits['MAX_AVG_SENTENCE_LENGTH']}, "
            f"Flesch-Douma >= {limits['MIN_FLESCH_DOUMA']}, LIX <= {limits['MAX_LIX']}, "
            f"long sentences <= {limits['MAX_LONG_SENTENCE_SHARE']:.0%}, "
            f"rare words <= {limits['MAX_RARE_WORD_SHARE']:.0%}"
        )
        failed = []
        for page in pages:
            report = check_with_the_begrippen(page.taalcheck_text())
            self._print(page, report, details=verbose or not report.passed)
            if not report.passed:
                failed.append(page)
        self.stdout.write(f"\n{len(pages) - len(failed)} of {len(pages)} pages pass the B1 taalcheck.")
        if failed:
            names = ", ".join(f"{page.title} (id {page.id})" for page in failed)
            raise CommandError(f"{len(failed)} page(s) are not B1: {names}")

    def _pages(self, page_ids):
        queryset = Page.objects.live().order_by("path")
        if page_ids:
            queryset = queryset.filter(id__in=page_ids)
            missing = set(page_ids) - set(queryset.values_list("id", flat=True))
            if missing:
                raise CommandError(f"No live page with id {', '.join(map(str, sorted(missing)))}.")
        pages = [page for page in queryset.specific() if callable(getattr(page, "taalcheck_text", None))]
        if page_ids and len(pages) < len(set(page_ids)):
            raise CommandError("A page you chose has no taalcheck_text(): it cannot be checked.")
        return pages

    def _print(self, page, report: Report, details: bool):
        status = self.style.SUCCESS("PASS") if report.passed else self.style.ERROR("FAIL")
        self.stdout.write(
            f"\n{status} {page.title} (id {page.id}, {page.url_path})\n"
            f"  words {report.word_count}, sentences {report.sentence_count}, "
            f"avg sentence length {_nl(report.avg_sentence_length)}, "
            f"long sentences {report.long_sentence_share:.0%}, Flesch-Douma {_nl(report.flesch_douma)}, "
            f"LIX {_nl(report.lix)}, rare words {report.rare_word_share:.1%}"
            + (" (short text: formulas not applied)" if report.short_text else "")
        )
        if not details:
            return
        for problem in report.problems:
            self.stdout.write(f"  - {problem}")
        if report.hardest_sentences:
            self.stdout.write("  Hardest sentences:")
            for sentence in report.hardest_sentences:
                self.stdout.write(f"    * {sentence.sentence}")
                for reason in sentence.reasons:
                    self.stdout.write(f"        {reason}")
        if report.replacements:
            self.stdout.write("  Words to replace:")
            for word, alternative, count in report.replacements:
                self.stdout.write(f"    {word} -> {alternative} ({count}x)")
        if report.rare_words:
            self.stdout.write("  Rare words: " + ", ".join(report.rare_words))
