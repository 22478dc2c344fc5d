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
        # Before a task's name: "In afwachting de eindredactie", "Wijzigingsverzoek op de eindredactie".
        assert translation.gettext("Awaiting") + " de eindredactie" == "Wacht op de eindredactie"
        assert translation.gettext("Changes requested at") == "Wijzigingen gevraagd door"
        listing = translation.gettext("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s")
        figures = {"start_index": 1, "end_index": 1, "items_count": 1, "model_name": None}
        assert listing % figures == "1-1 van 1"  # Wagtail: "1-1van 1None"
        assert translation.gettext("Naar de inhoud") == "Naar de inhoud"  # the site's own words stay
        submitted = translation.gettext("Page '%(page_title)s' has been submitted for moderation.")
        assert submitted == "Pagina '%(page_title)s' is doorgestuurd naar de redactie."  # as its button says
        assert translation.gettext("title tag") == "titel in zoekmachines"  # Wagtail: "titel tag"
        # A provider's walk: "beschikbaarheid in een wijk zal worden verwijdert", "klik op 'opslaan' om ze te
        # markeren", "Er zijn geen beschikbaarheid per wijk om te tonen. Voeg toe".
        delete = translation.gettext("Are you sure you want to delete this %(model_name)s?")
        assert delete % {"model_name": "beschikbaarheid in een wijk"} == (
            "Weet u zeker dat u dit wilt verwijderen: beschikbaarheid in een wijk?"
        )
        invalid = translation.gettext("There are validation errors, click save to highlight them.")
        assert invalid == "Er staan fouten in het formulier. Sla het formulier op: dan ziet u waar."
        locked = translation.gettext("Only reviewers for this task can edit the %(model_name)s.")
        assert (
            locked % {"model_name": "pagina"}
            == "Alleen wie deze stap beoordeelt, kan deze pagina nu aanpassen."
        )
        # A walk: the keyboard shortcuts ("?") listed "Bold Ctrl + b" and "Italic Ctrl + i"; the editor's home
        # read "0 Afbeeldingen aangemaakt inGemeente Lindewaard" to a screen reader.
        assert (translation.gettext("Bold"), translation.gettext("Italic")) == ("Vet", "Cursief")
        images = translation.ngettext(
            '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
            0,
        )
        assert "aangemaakt in %(site_name)s" in images
        empty = translation.gettext("There are no %(model_name)s to display.")
        assert (
            empty % {"model_name": "beschikbaarheid per wijk"}
            == "Hier staat nog niets (beschikbaarheid per wijk)."
        )


def test_the_account_page_and_the_snippets_speak_plain_dutch_and_the_header_names_its_actions_in_dutch():
    """A walk: "Upload een profiel foto", "Gebruik server taal", "Verwijder geselecteerde snippets", and a
    screen reader heard the header's actions named "Actions"."""
    from django.template.loader import render_to_string

    with translation.override("nl"):
        assert translation.gettext("Upload a profile picture:") == "Upload een profielfoto:"
        language = translation.gettext("Use server language: %(language_name)s") % {
            "language_name": "Nederlands"
        }
        assert language == "Gebruik de taal van de server: Nederlands"
        assert translation.gettext("Delete selected snippets") == "Verwijder wat u hebt gekozen"
        header = render_to_string("wagtailadmin/shared/headers/_actions.html", {"actions": ""})
        assert 'aria-label="Acties"' in header


def test_no_wagtail_text_says_je():
    """Wagtail's Dutch said "Kies wat voor type pagina je wilt maken." and "De paginatitel zoals je wilt dat
    bezoekers dit zien" to the editors, among 150 more."""
    import gettext
    import re

    import wagtail

    informal = re.compile(r"\b(je|jij|jouw|jou|jezelf)\b", re.IGNORECASE)
    catalogs = Path(wagtail.__file__).parent.glob("**/locale/nl/LC_MESSAGES/django.mo")
    with translation.override("nl"):
        said = []
        for catalog in catalogs:
            with catalog.open("rb") as compiled:
                for key, wagtails in gettext.GNUTranslations(compiled)._catalog.items():
                    if not key or not informal.search(wagtails):
                        continue
                    ours = (
                        translation.ngettext(key[0], key[0], 1 + key[1])
                        if isinstance(key, tuple)
                        else translation.gettext(key)
                    )
                    if informal.search(ours):
                        said.append(ours)
    assert said == []
    assert translation.gettext("Choose which type of page you'd like to create.") == (
        "Kies wat voor type pagina u wilt maken."
    )
