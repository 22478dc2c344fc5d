"""The shared form-field component ({% form_field %}): a visible label, the hint and the error linked to the
input, "(niet verplicht)" on optional fields, a fieldset with a legend for a list of choices, and every value
escaped."""

import re

from django import forms
from django.template import engines

HOSTILE = "<b>\"Jan\" & 'Piet'</b>"


class ExampleForm(forms.Form):
    naam = forms.CharField(label="Naam", help_text="Zoals op uw pas.", max_length=5)
    opmerking = forms.CharField(label="Opmerking", required=False)
    kleur = forms.ChoiceField(
        label="Kleur",
        choices=[("rood", "Rood"), ("blauw", HOSTILE)],
        widget=forms.RadioSelect,
        help_text="Kies er één.",
    )
    akkoord = forms.BooleanField(label="Ik ga akkoord", help_text="Lees eerst de voorwaarden.")


def draw(form, name, extra=""):
    template = engines["django"].from_string("{% load components %}{% form_field field" + extra + " %}")
    return template.render({"field": form[name]})


def squeeze(html):
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


def test_a_text_field_has_its_label_and_hint_linked():
    html = squeeze(draw(ExampleForm(), "naam"))
    assert '<label class="form-field__label" for="id_naam">Naam</label>' in html
    assert '<p class="form-field__hint" id="id_naam_helptext">Zoals op uw pas.</p>' in html
    assert 'aria-describedby="id_naam_helptext"' in html
    assert "niet verplicht" not in html  # required
    assert "form-field--invalid" not in html


def test_an_error_is_linked_and_announced_and_what_was_typed_stays_escaped():
    form = ExampleForm(data={"naam": HOSTILE})
    assert not form.is_valid()
    html = squeeze(draw(form, "naam"))
    assert 'class="form-field form-field--invalid"' in html
    assert (
        '<p class="form-field__error" id="id_naam_error"><span class="form-field__error-line">'
        '<span class="visually-hidden">Fout: </span>' in html
    )
    assert 'aria-describedby="id_naam_helptext id_naam_error"' in html
    assert HOSTILE not in html and "&lt;b&gt;" in html  # the typed value comes back, escaped


def test_an_optional_field_says_so_unless_the_page_asks_not_to():
    assert '<span class="form-field__optional">(niet verplicht)</span>' in draw(ExampleForm(), "opmerking")
    assert "niet verplicht" not in draw(ExampleForm(), "opmerking", " hide_optional=True")


def test_choices_are_a_fieldset_with_a_legend_and_labelled_options():
    form = ExampleForm(data={"kleur": "groen"})
    form.is_valid()
    html = squeeze(draw(form, "kleur"))
    assert html.startswith('<fieldset class="form-field form-field--choices form-field--invalid"')
    assert 'aria-describedby="id_kleur_helptext id_kleur_error"' in html
    assert '<legend class="form-field__label">Kleur</legend>' in html
    assert '<label for="id_kleur_1">&lt;b&gt;' in html and HOSTILE not in html
    assert html.count('type="radio"') == 2


def test_a_checkbox_comes_before_its_label_with_the_hint_below():
    html = squeeze(draw(ExampleForm(), "akkoord"))
    box = html.index('type="checkbox"')
    assert (
        box
        < html.index('<label for="id_akkoord">Ik ga akkoord</label>')
        < html.index('<p class="form-field__hint"')
    )
    assert 'aria-describedby="id_akkoord_helptext"' in html
