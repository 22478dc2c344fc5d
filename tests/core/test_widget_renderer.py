"""The widgets written in Python (core/widget_renderer.py) are the same HTML as Django's widget templates
give: the melding's questions, the kaart's search form and the inbox's filters."""

import pytest
from django.forms.renderers import get_default_renderer

from core.widget_renderer import widget_renderer
from meldingen.backoffice.forms import InboxFilterForm
from meldingen.wizard import STEPS
from socialekaart.forms import SearchForm

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
        assert ours.renderer is widget_renderer
        if data is not None:
            ours.is_valid()
            django_own.is_valid()
        assert rendered(ours) == rendered(django_own)


def test_other_templates_still_render_through_django():
    form = STEPS[0][1](data={"voor-wie-voor_wie": "nobody"}, prefix="voor-wie")
    assert not form.is_valid()
    assert 'class="errorlist' in str(form["voor_wie"].errors)


def _django_select(html: str) -> str:
    """Django's select template leaves an empty line after each option; its Jinja2 version, which the
    Python writer follows, does not."""
    return html.replace("</option>\n\n", "</option>\n").replace("</optgroup>\n\n", "</optgroup>\n")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        None,
        {"q": HOSTILE, "postcode": HOSTILE, "sort": "naam", "mijn_wijk": "on"},
        {"q": "x" * 3000, "sort": HOSTILE, "plek_vrij": "on"},
    ],
)
def test_kaart_search_form_matches_django_templates(data):
    ours = SearchForm(data, options={})
    django_own = SearchForm(data, options={}, renderer=get_default_renderer())
    assert ours.renderer is widget_renderer
    if data:
        ours.is_valid()
        django_own.is_valid()
    assert rendered(ours) == [_django_select(html) for html in rendered(django_own)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        None,
        {"q": HOSTILE, "status": "nieuw", "wijk": "noord", "spoed": "ja", "over_termijn": "on"},
        {"status": HOSTILE, "team": "999", "wijk": HOSTILE, "onderwerp": HOSTILE, "soort": "kort"},
    ],
)
def test_inbox_filters_match_django_templates(data):
    from meldingen.backoffice.models import Wijkteam
    from socialekaart.models import Wijk

    noord = Wijk.objects.create(name=HOSTILE, slug="noord", cbs_code="WK990101")
    team = Wijkteam.objects.create(name="Team <Noord> & 'Oost'", mailbox="noord@lindewaard.example")
    team.wijken.add(noord)
    if data and "team" in data:
        data = {**data, "team": str(team.pk)}
    ours = InboxFilterForm(data)
    django_own = InboxFilterForm(data, renderer=get_default_renderer())
    assert ours.renderer is widget_renderer
    if data:
        ours.is_valid()
        django_own.is_valid()
    assert rendered(ours) == [_django_select(html) for html in rendered(django_own)]
