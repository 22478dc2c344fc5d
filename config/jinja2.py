"""The Jinja2 environment for the few fragments the site renders with Jinja2: the kaart's search page
content, made anew on every search, where Django's template language cost more than the search itself, the
backoffice inbox's lists, and the form field and the pagination that every form and list draws (see README,
"Layout").

The fragments speak the same language as the Django templates around them: Django's translations (the same
message ids: `{% trans %}` makes `%(name)s` placeholders like `{% blocktranslate %}`), `url`, the shared
components (core/components.py) and the project's own filters.
"""

import functools

from django.template.defaultfilters import date, urlencode
from django.urls import reverse
from django.utils import translation
from jinja2 import Environment, pass_context

from core.components import described_widget, error_summary, form_field, pagination, query_with
from core.templatetags.core_tags import datum, datumtijd, tel
from meldingen.backoffice.templatetags.backoffice_tags import deadline
from socialekaart.templatetags.kaart_tags import filter_options, km, selected_count


def url(name: str, *args, **kwargs) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


_KEY_MARKER = "9081726354"  # a number no URL of the site holds otherwise


def url_per_key(name: str):
    """`url(name, key)` for every row of a list at the cost of one reverse, for a URL with one whole-number
    key: `{% set melding_url = url_per_key("backoffice:melding") %}`, then `melding_url(item.pk)`. The inbox
    links every row and every nazorg call, and Django's reverse costs about 30 us each time."""
    before, found, after = reverse(name, args=[int(_KEY_MARKER)]).partition(_KEY_MARKER)
    if not found:
        raise ValueError(f"{name} does not take its key in its path")
    return lambda key: f"{before}{int(key)}{after}"


def gettext(message: str) -> str:
    """Django's gettext, remembered per language: a kaart page asks for some 30 texts, the same ones on every
    page, and each of Django's lookups walks its catalogues anew."""
    return _translated(translation.get_language(), message)


@functools.lru_cache(maxsize=4096)
def _translated(language: str | None, message: str) -> str:
    return translation.gettext(message)  # in `language`, the active one


def environment(**options) -> Environment:
    options.pop("autoescape", None)  # always on, as in Django's templates
    env = Environment(autoescape=True, extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(gettext, translation.ngettext, newstyle=True)
    env.globals.update(
        url=url,
        url_per_key=url_per_key,
        query_with=pass_context(query_with),
        filter_options=filter_options,
        deadline=deadline,
        described_widget=described_widget,
        form_field=form_field,
        error_summary=error_summary,
        pagination=pass_context(pagination),
    )
    # Django's own filters where Jinja2 has one of the same name that words or escapes differently, and the
    # project's filters its Jinja2 templates use.
    env.filters.update(
        date=date,
        urlencode=urlencode,
        km=km,
        tel=tel,
        selected_count=selected_count,
        datum=datum,
        datumtijd=datumtijd,
    )
    return env
