"""The melding forms' inputs, written in Python, are the same HTML as Django's widget templates give."""

import pytest
from django.forms.renderers import get_default_renderer

from meldingen.widget_renderer import step_form_renderer
from meldingen.wizard import STEPS

HOSTILE = "<b>\"Jan\" & 'Piet'</b>"


def field_data(form_class, step, value):
    data = {}
    for name, field in form_class.base_fields.items():
        choices = [code for code, _label in getattr(field, "choices", [])]
        if hasattr(field, "choices") and field.widget.allow_multiple_selected:
            data[f"{step}-{name}"] = [choices[0], value] if choices else [value]
        elif choices:
            data[f"{step}-{name}"] = choices[-1]
        else:
            data[f"{step}-{name}"] = value
    return data


def rendered(form):
    """Every way a question page or a test shows a field: whole widget, with aria, each choice."""
    parts = []
    for field in form:
        parts += [str(field), field.as_widget(attrs={"aria-describedby": "id_hint id_error"})]
        if hasattr(field.field, "choices"):
            parts += [choice.tag() for choice in field] + [str(choice) for choice in field]
    return parts


@pytest.mark.parametrize(("step", "form_class"), STEPS)
@pytest.mark.parametrize("value", ["", "Jan Jansen", HOSTILE, "line one\nline two", "x" * 3000])
@pytest.mark.parametrize("voor_wie", ["zelf", "mantelzorger"])
def test_inputs_match_django_templates(step, form_class, value, voor_wie):
    answers = {"voor_wie": {"voor_wie": voor_wie}}
    for data in (None, field_data(form_class, step, value)):
        ours = form_class(data=data, prefix=step, answers=answers)
        django_own = form_class(data=data, prefix=step, answers=answers, renderer=get_default_renderer())
        assert ours.renderer is step_form_renderer
        if data is not None:
            ours.is_valid()
            django_own.is_valid()
        assert rendered(ours) == rendered(django_own)


def test_other_templates_still_render_through_django():
    form = STEPS[0][1](data={"voor-wie-voor_wie": "nobody"}, prefix="voor-wie")
    assert not form.is_valid()
    assert 'class="errorlist' in str(form["voor_wie"].errors)
