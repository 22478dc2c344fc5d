"""The Jinja2 fragments' translations are remembered per language: each language still gets its own."""

from django.template import engines
from django.utils import translation


def test_each_language_gets_its_own_translation_of_a_remembered_text():
    template = engines["jinja2"].from_string('{{ _("This field is required.") }}|{{ _("Zoeken") }}')
    for _round in range(2):  # the second round comes from what was remembered
        with translation.override("nl"):
            assert template.render({}) == "Dit is een verplicht veld.|Zoeken"
        with translation.override("en"):
            assert template.render({}) == "This field is required.|Zoeken"
