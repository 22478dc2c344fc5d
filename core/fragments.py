"""Parts of a page rendered with Jinja2 (config/jinja2.py) for the Django template around them to insert:
what is made anew on every request (the kaart's search page content, the backoffice inbox's rows), where
Django's template language cost more than the rest of the page."""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe


def jinja2_fragment(template_name: str, context: dict, request) -> SafeString:
    html = render_to_string(template_name, dict(context), request, using="jinja2")
    return mark_safe(html)  # noqa: S308 (Jinja2 escapes every value in it)
