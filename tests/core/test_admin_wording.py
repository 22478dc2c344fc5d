"""Our corrections of Wagtail's Dutch (locale/nl/LC_MESSAGES/django.po, compiled by `make install`): the admin
says "u" like the rest of the site, and its listings no longer run words together ("1-1van 1None")."""

from pathlib import Path

from django.conf import settings
from django.utils import translation


def test_the_corrections_are_compiled_and_win_over_wagtails_own():
    compiled = Path(settings.LOCALE_PATHS[0]) / "nl" / "LC_MESSAGES" / "django.mo"
    assert compiled.exists(), "run `make install`: it compiles locale/ with msgfmt"
    with translation.override("nl"):
        refused = translation.gettext("Sorry, you do not have permission to access this area.")
        assert refused == "Sorry, u hebt geen toegang tot dit deel."  # Wagtail: "je hebt"
        assert translation.gettext("Awaiting your review") == "Wacht op uw beoordeling"  # "jouw"
        listing = translation.gettext("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s")
        figures = {"start_index": 1, "end_index": 1, "items_count": 1, "model_name": None}
        assert listing % figures == "1-1 van 1"  # Wagtail: "1-1van 1None"
        assert translation.gettext("Naar de inhoud") == "Naar de inhoud"  # the site's own words stay
