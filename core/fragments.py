"""Parts of a page rendered with Jinja2 (config/jinja2.py) for the Django template around them to insert:
what is made anew on every request (the kaart's search page content, the backoffice inbox's rows), where
Django's template language cost more than the rest of the page. And the widget renderer of the forms drawn
on every such request."""

from django.forms.renderers import Jinja2
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe


def jinja2_fragment(template_name: str, context: dict, request) -> SafeString:
    html = render_to_string(template_name, dict(context), request, using="jinja2")
    return mark_safe(html)  # noqa: S308 (Jinja2 escapes every value in it)


# Django's own widget templates in their Jinja2 version (Django ships both): the same inputs, but for line
# breaks between a select's options, in about half the time. A form opts in with `default_renderer`; not
# site-wide, as Wagtail's admin widgets have Django templates alone.
JINJA2_WIDGETS = Jinja2()
