"""Template tags of the shared components (the page's header and footer and the error summary in
templates/components/; the pagination and the form field in core/jinja2/components/), used by the site and the
backoffice alike: `{% load components %}` (registered in TEMPLATES' libraries). The Jinja2 templates call the
same functions (config/jinja2.py)."""

import functools

from django import forms, template
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy

from core.fragments import jinja2_fragment
from core.search_text import in_crisis

register = template.Library()

# The code of an error that is a question asked once, where the answer may well be right ("Bij postcode ...
# hoort de straat Kadeweg. U schreef ...", a time to call outside the hours): the page says "Wij hebben een
# vraag" and "Vraag:", not "Er klopt nog iets niet" and "Fout:" (a walk's resident thought she did wrong).
QUESTION = "vraag"
READ_THE_QUESTION = gettext_lazy("Lees de vraag bij het vak.")  # its line in the error summary


class ChoiceButtons(forms.RadioSelect):
    """Radio buttons without the `required` attribute: with it, Chrome calls a question not yet answered
    invalid ("ongeldig") as the page opens (a walk with a screen reader). The server says what is missing,
    and a question that may stay empty says "(niet verplicht)"."""

    def use_required_attribute(self, initial):
        return False


def question_seen() -> forms.CharField:
    """The hidden field beside a question asked once: the form sets its `sent_back` to what it asked about,
    the form-field component draws that, and the next post with it goes on (see QUESTION). Not stored."""
    return forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)


def asked(field) -> bool:
    """Whether all of a bound field's errors are questions asked once (QUESTION)."""
    return bool(field.errors) and all(error.code == QUESTION for error in field.errors.as_data())


@register.filter
def asks_only(form) -> bool:
    """Whether all of the form's errors are questions asked once (QUESTION): `{% if form|asks_only %}`."""
    errors = form.errors.as_data() if form.errors else {}
    return bool(errors) and all(error.code == QUESTION for each in errors.values() for error in each)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current GET query with some parameters replaced (None: left out), for links that keep the user's
    filters."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.simple_tag(takes_context=True)
def pagination(context, page_obj, page_param="page", show_position=False, anchor=""):
    """`{% pagination page_obj %}`: links to the other pages (core/jinja2/components/pagination.html), which
    keep every other GET parameter. `page_param` names the page's parameter; `show_position=True` also says
    "Pagina 2 van 5"; `anchor` ("#resultaten") is where each link lands on its page. Nothing when there is
    one page."""
    if not page_obj.has_other_pages():
        return ""
    query_on_page = _query_on_page(context["request"].GET, page_param)
    paginator = page_obj.paginator
    numbers = paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    values = {
        "page_obj": page_obj,
        "show_position": show_position,
        "anchor": anchor,
        "pages": [  # (number, query), or None for an ellipsis
            None if number == paginator.ELLIPSIS else (number, query_on_page(number)) for number in numbers
        ],
        "previous": query_on_page(page_obj.previous_page_number()) if page_obj.has_previous() else None,
        "next": query_on_page(page_obj.next_page_number()) if page_obj.has_next() else None,
    }
    return jinja2_fragment("components/pagination.html", values, request=None)


def _query_on_page(query: QueryDict, param: str):
    """A function giving the query string on page `number`: the current query with `param` set to it, in its
    own place (or last). The other parameters are encoded once, not once for each link."""
    before, after = QueryDict(mutable=True), QueryDict(mutable=True)
    part = before
    for key, values in query.lists():
        if key == param:
            part = after
        else:
            part.setlist(key, values)
    before, after = before.urlencode(), after.urlencode()
    return lambda number: "&".join(filter(None, [before, urlencode({param: number}), after]))


@register.simple_tag
def form_field(field, hide_optional=False):
    """`{% form_field form.name %}`: the shared form-field component (core/jinja2/components/form_field.html).
    A Jinja2 template, as every field of every form draws it on every visit (see config/jinja2.py)."""
    context = {
        "field": field,
        "hide_optional": hide_optional,
        "asked": asked(field),
        "choices": is_choice_list(field),
    }
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
    widget = field.as_widget(attrs={"aria-describedby": " ".join(described_by)} if described_by else None)
    if not asked(field):
        return widget
    # A question is no error: Django marks every field with errors as invalid, and screen readers said
    # "ongeldig" of a right answer (a walk). The HTML is Django's own widget's.
    return mark_safe(widget.replace(' aria-invalid="true"', "", 1))  # noqa: S308


@register.simple_tag
def grouped_widget(field, group):
    """An input in a group's fieldset (components/date_fieldset.html): its error is the group's one message,
    which Django's own pointer ("<id>_error") would miss."""
    return field.as_widget(attrs={"aria-describedby": f"{group.id}-error"} if field.errors else None)


@register.simple_tag
def error_summary(form=None, forms=None):
    """`{% error_summary form=form %}` or `{% error_summary forms=forms %}` (a page with several): the summary
    of their errors (components/error_summary.html), each linked to its field. Nothing when the forms have
    none."""
    candidates = [each for each in ([form] if form else list(forms or [])) if each.errors]
    if not candidates:
        return ""
    mistakes, questions = [], []
    for each in candidates:
        asked_fields = {error_anchor(field): field for field in each if asked(field)}
        mistakes += [("", error) for error in each.non_field_errors()]
        mistakes += [line for line in _error_lines(each) if line[0] not in asked_fields]
        # A question is read where it is asked, beside its field: in the summary it was one link of sixty
        # words, taller than the screen at 400% zoom (a keyboard walk).
        questions += [(anchor, _question_line(field)) for anchor, field in asked_fields.items()]
    # A question beside a mistake is listed apart: a walk's resident read her right answer among the wrong.
    return render_to_string("components/error_summary.html", {"mistakes": mistakes, "questions": questions})


def _question_line(field) -> str:
    """ "Wanneer kunnen wij u het best bellen? Lees de vraag bij het vak.", "Straat: lees de vraag ..." """
    label = str(field.label or "")
    if label.endswith("?"):
        return f"{label} {READ_THE_QUESTION}"
    return named_error(label, READ_THE_QUESTION)


def _error_lines(form) -> list[tuple[str, str]]:
    """(field id, text) per error; a form with `error_lines()` words them itself (naming each field)."""
    if hasattr(form, "error_lines"):
        return form.error_lines()
    return [(error_anchor(field), error) for field in form for error in field.errors]


def named_error(name, error) -> str:
    """An error summary's line that names its field, as GOV.UK's: "Postcode: vul de postcode in."; a message
    that says its question already stands alone (not "Vertel kort wat u ziet: vertel kort wat u ziet.")."""
    name, error = str(name or "").rstrip("?:").strip(), str(error)
    if not name or error.lower().startswith(name.lower()):
        return error
    return f"{name}: {error[:1].lower()}{error[1:]}"


def named_error_lines(form, names: dict | None = None, only: bool = False) -> list[tuple[str, str]]:
    """(field id, text) per error, each naming its field by its label, or by `names` (field name -> name, for
    a label that is a sentence): a form's `error_lines()`. With `only`, just the fields in `names` are named
    (the others' messages say what they are about)."""
    names = names or {}
    return [
        (error_anchor(field), named_error(names.get(field.name, field.label), error))
        if field.name in names or not only
        else (error_anchor(field), error)
        for field in form
        for error in field.errors
    ]


def is_choice_list(field) -> bool:
    """Whether a bound field is a list of radio buttons or checkboxes (a fieldset with a legend), subclasses
    such as ChoiceButtons too."""
    return isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)


def error_anchor(field) -> str:
    """The id an error summary links to: the field, or for a list of radio buttons or checkboxes its first
    one (the list itself cannot take the focus, so the link would only scroll)."""
    if is_choice_list(field) and field.subwidgets:
        return field.subwidgets[0].id_for_label
    return field.auto_id


def crisis_note(query: str) -> str:
    """113 Zelfmoordpreventie and 112 (templates/components/crisis_note.html), first on a search page whose
    words are those of someone in crisis; else nothing."""
    return render_to_string("components/crisis_note.html") if in_crisis(query) else ""
