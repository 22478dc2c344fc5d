"""A form renderer that writes the plain widgets in Python: the forms drawn on every visit use it (the
melding's questions, the kaart's search, the inbox's filters).

A template render per input, per radio button and per option took about a quarter of a question page's time.
The HTML is exactly what Django's widget templates give (tests/core/test_widget_renderer.py compares them);
a select writes its options one per line, as Django's Jinja2 template does, where its other template leaves
an empty line after each. Every other template (error lists, other widgets) goes to the site's form renderer.
"""

from django.forms.renderers import BaseRenderer, get_default_renderer
from django.utils.html import conditional_escape


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html"""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {conditional_escape(name)}")
        if value is not True:
            parts.append(f'="{conditional_escape(value)}"')
    return "".join(parts)


def _input(widget: dict) -> str:
    """django/forms/widgets/input.html"""
    value = widget["value"]
    value_attr = "" if value is None else f' value="{conditional_escape(value)}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
        f"{value_attr}{_attrs(widget['attrs'])}>"
    )


def _input_option(widget: dict) -> str:
    """django/forms/widgets/input_option.html (one radio button or checkbox of a list)."""
    if not widget.get("wrap_label"):
        return _input(widget)
    label_id = widget["attrs"].get("id")
    label_for = f' for="{conditional_escape(label_id)}"' if label_id else ""
    # The included input.html ends in a newline, kept inside the label.
    return f"<label{label_for}>{_input(widget)}\n {conditional_escape(widget['label'])}</label>"


def _textarea(widget: dict) -> str:
    """django/forms/widgets/textarea.html"""
    value = conditional_escape(widget["value"]) if widget["value"] else ""
    return (
        f'<textarea name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'
    )


def _option(option: dict) -> str:
    """django/forms/widgets/select_option.html"""
    return (
        f'<option value="{conditional_escape(option["value"])}"{_attrs(option["attrs"])}>'
        f"{conditional_escape(option['label'])}</option>"
    )


def _select(widget: dict) -> str:
    """django/forms/jinja2/django/forms/widgets/select.html"""
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        parts += [f"\n  {_option(option)}" for option in options]
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


IN_PYTHON = {
    "django/forms/widgets/text.html": _input,
    "django/forms/widgets/email.html": _input,
    "django/forms/widgets/checkbox.html": _input,
    "django/forms/widgets/radio_option.html": _input_option,
    "django/forms/widgets/checkbox_option.html": _input_option,
    "django/forms/widgets/textarea.html": _textarea,
    "django/forms/widgets/select.html": _select,
}


def _from_site_renderer(name: str) -> property:
    """One of BaseRenderer's settings, as the site's form renderer has it."""
    return property(lambda self: getattr(get_default_renderer(), name))


class PythonWidgetRenderer(BaseRenderer):
    """A form opts in with `default_renderer = widget_renderer`; not site-wide, as Wagtail's admin widgets
    have templates of their own."""

    form_template_name = _from_site_renderer("form_template_name")
    formset_template_name = _from_site_renderer("formset_template_name")
    field_template_name = _from_site_renderer("field_template_name")
    bound_field_class = _from_site_renderer("bound_field_class")

    def get_template(self, template_name):
        return get_default_renderer().get_template(template_name)

    def render(self, template_name, context, request=None):
        write = IN_PYTHON.get(template_name)
        if write is None or request is not None:
            return get_default_renderer().render(template_name, context, request=request)
        return write(context["widget"])


widget_renderer = PythonWidgetRenderer()
