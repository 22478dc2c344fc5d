"""What a question page may post: only its own fields, each of a sensible size, and not too often.

Anything else in the POST is dropped before it reaches the session; a POST far beyond any real page (many
fields or very long values) is refused as a whole with a 400, and changes nothing.
"""

from django.conf import settings
from django.http import QueryDict

from core.ratelimit import within_limit

# The wizard's own keys, besides the fields of the step.
CONTROL_KEYS = ("csrfmiddlewaretoken", "wizard_goto_step", "opslaan", "zoek_adres")
MAX_KEYS = 60  # the largest step has about 15 fields
MAX_VALUES_PER_KEY = 20  # a checkbox list
MAX_VALUE_LENGTH = 5000  # a free-text answer is capped lower by its form
MAX_TOTAL_LENGTH = 30_000


def too_much(post: QueryDict) -> bool:
    if len(post) > MAX_KEYS:
        return True
    total = 0
    for _key, values in post.lists():
        if len(values) > MAX_VALUES_PER_KEY:
            return True
        for value in values:
            if len(value) > MAX_VALUE_LENGTH:
                return True
            total += len(value)
    return total > MAX_TOTAL_LENGTH


def own_fields(post: QueryDict, form, management_prefix: str) -> QueryDict:
    """A copy of the POST with only the step's fields (and the wizard's control keys)."""
    allowed = {form[name].html_name for name in form.fields}
    kept = QueryDict(mutable=True)
    for key, values in post.lists():
        base = key.rsplit("_", 1)[0] if key.rsplit("_", 1)[-1].isdigit() else key  # a multi-widget part
        if key in allowed or base in allowed or key in CONTROL_KEYS or key.startswith(management_prefix):
            kept.setlist(key, values)
    return kept


def within_step_limit(request) -> bool:
    """Count one step POST for this IP address; False past MELDINGEN_STEP_RATE_LIMIT in the window."""
    return within_limit(
        request,
        "melding-step",
        settings.MELDINGEN_STEP_RATE_LIMIT,
        settings.MELDINGEN_RATE_LIMIT_WINDOW_SECONDS,
    )
