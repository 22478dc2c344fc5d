"""Template tags of the shared components (the page's header and footer, error summary and pagination in
templates/components/, the form field in core/jinja2/components/), used by the site and the backoffice alike:
`{% load components %}` (registered in TEMPLATES' libraries)."""

import functools

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language

from core.fragments import jinja2_fragment

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current GET query with some parameters replaced, for links that keep the user's filters."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.simple_tag(takes_context=True)
def page_query(context, number, param=None):
    """The current GET query on page `number`; `param` names the page's parameter ("page" when empty)."""
    return query_with(context, **{param or "page": number})


@register.simple_tag
def elided_pages(page_obj):
    """Page numbers around the current one, with ellipses (None) for the rest."""
    return [
        None if number == page_obj.paginator.ELLIPSIS else number
        for number in page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]


@register.simple_tag
def form_field(field, hide_optional=False):
    """`{% form_field form.name %}`: the shared form-field component (core/jinja2/components/form_field.html).
    A Jinja2 template, as every field of every form draws it on every visit (see config/jinja2.py)."""
    context = {"field": field, "hide_optional": hide_optional}
    return jinja2_fragment("components/form_field.html", context, request=None)


@register.simple_tag(takes_context=True)
def site_header(context, menu_items=None):
    """`{% site_header menu_items %}`: the header of every public page (components/site_header.html), with the
    search and the main menu when given the menu's items (portal_tags.main_menu_items); the error page goes
    without."""
    search_query = context.get("search_query") or ""
    return _frame_part(
        "components/site_header.html", context, menu_items=menu_items, search_query=search_query
    )


@register.simple_tag(takes_context=True)
def site_footer(context):
    """`{% site_footer %}`: the footer of every public page (components/site_footer.html)."""
    return _frame_part("components/site_footer.html", context)


def _frame_part(template_name: str, context, **values):
    municipality = tuple(sorted((context.get("municipality") or {}).items()))
    return _drawn_frame_part(template_name, get_language(), municipality, tuple(sorted(values.items())))


@functools.lru_cache(maxsize=256)
def _drawn_frame_part(template_name: str, language: str, municipality: tuple, values: tuple) -> str:
    # The header and the footer are the same on page after page and carry nothing of a visitor's session (no
    # token, no answers): each variant (language, municipality, menu, the words in the site's search box) is
    # drawn once per process, not on every page.
    return render_to_string(template_name, {"municipality": dict(municipality), **dict(values)})


@register.simple_tag
def described_widget(field):
    """The field's input, pointed at its hint and error message (the ids the form-field component gives)."""
    described_by = [f"{field.auto_id}_helptext"] if field.help_text else []
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
    return field.as_widget(attrs={"aria-describedby": " ".join(described_by)} if described_by else None)


@register.simple_tag
def forms_with_errors(form=None, forms=None):
    """The forms the error summary lists: `form`, or each of `forms` (a page with several), with errors."""
    candidates = [form] if form else list(forms or [])
    return [candidate for candidate in candidates if candidate.errors]
