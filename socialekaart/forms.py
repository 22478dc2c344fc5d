"""The search page's GET parameters, parsed by a form.

Bad or unknown values never stop the search: each field falls back to a safe value, and the form
keeps a B1 message for the error summary so the visitor knows what we left out.
"""

import re

from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _

from core.widget_renderer import widget_renderer

from .search import facets

MAX_TEXT_LENGTH = 200
MAX_PAGE = 10_000
MAX_VALUES_PER_FILTER = 50
POSTCODE_RE = re.compile(r"^\s*(\d{4})\s*([A-Za-z]{2})?\s*$")

SORT_CHOICES = [
    ("relevantie", _("Past het best")),
    ("afstand", _("Afstand")),
    ("naam", _("Naam (A-Z)")),
]
# The page's Dutch words for sorting, and the search contract's English ones.
SORT_TO_QUERY = {"relevantie": "relevance", "afstand": "distance", "naam": "name"}


class _Options(BaseChoiceIterator):
    """A facet's (code, label) options as `facets.load_options()` gives them, once per index version. Django's
    field and its widget take them as they are, where they would check and copy a plain list, every option,
    twice for each filter on every search."""

    def __init__(self, pairs):
        self.pairs = pairs

    def __iter__(self):
        return iter(self.pairs)


class FilterChoiceField(forms.MultipleChoiceField):
    """Checkboxes of one filter. Unknown values are dropped; the known ones still count."""

    widget = forms.CheckboxSelectMultiple
    default_error_messages = {
        "unknown": _("Wij kennen een keuze bij '%(label)s' niet. Wij zoeken zonder die keuze."),
        "too_many": _("U koos te veel opties bij '%(label)s'. Kies er minder."),
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.accepted = ()

    def clean(self, value):
        values = [str(item) for item in self.to_python(value)]
        known = {str(code) for code, _label in self.choices}
        self.accepted = tuple(dict.fromkeys(item for item in values if item in known))[:MAX_VALUES_PER_FILTER]
        params = {"label": self.label}
        if len(values) > MAX_VALUES_PER_FILTER:
            raise forms.ValidationError(self.error_messages["too_many"], code="too_many", params=params)
        if len(self.accepted) < len(set(values)):
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown", params=params)
        return self.accepted


class SearchForm(forms.Form):
    default_renderer = widget_renderer  # drawn on every visit
    q = forms.CharField(
        label=_("Waar zoekt u hulp bij?"),
        help_text=_("Bijvoorbeeld: hulp in huis, maaltijd, vervoer of mantelzorg."),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        error_messages={
            "max_length": _("Uw zoekwoorden zijn te lang. Gebruik niet meer dan %(limit_value)d tekens.")
        },
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "spellcheck": "true"}),
    )
    postcode = forms.CharField(
        label=_("In de buurt van postcode"),
        help_text=_("Bijvoorbeeld 3911 AB. Dan ziet u hoe ver iets weg is."),
        required=False,
        max_length=20,
        error_messages={
            "max_length": _("Vul een postcode in met 4 cijfers en 2 letters, bijvoorbeeld 3911 AB.")
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "class": "input--short", "form": "kaart-zoeken"}
        ),
    )
    # After a search the postcode and these boxes sit under "Filters", outside the <form>: hence form=.
    mijn_wijk = forms.BooleanField(
        label=_("Alleen in mijn wijk"),
        required=False,
        widget=forms.CheckboxInput(attrs={"form": "kaart-zoeken"}),
    )
    # Shown to professionals only (the search page leaves it out for everyone else, and ignores it).
    plek_vrij = forms.BooleanField(
        label=_("Alleen met plek vrij, bijgewerkt in de laatste 7 dagen"),
        # A walk's huisarts read "0 resultaten" for "eenzaam", and took it that nothing had room: the inloop,
        # the meals and the buddies give no places at all.
        help_text=_(
            "U ziet dan alleen hulp waarvan de aanbieder doorgeeft of er plaats is. Een inloop ziet u dan "
            "bijvoorbeeld niet."
        ),
        required=False,
        widget=forms.CheckboxInput(attrs={"form": "kaart-zoeken"}),
    )
    sort = forms.ChoiceField(
        label=_("Sorteren op"),
        required=False,
        choices=SORT_CHOICES,
        widget=forms.Select(attrs={"form": "kaart-zoeken"}),
        error_messages={
            "invalid_choice": _("Deze volgorde kennen wij niet. U ziet eerst wat het best past.")
        },
    )
    # One FilterChoiceField per facet in search/facets.py, added in __init__ after the fields above.

    # By whether a professional asks, for a client: a walk's professional read "Vul uw postcode in".
    POSTCODE_FOR_THE_WIJK = {
        False: _("Vul uw postcode in. Dan weten wij wat uw wijk is."),
        True: _("Vul de postcode van uw cliënt in. Dan weten wij wat de wijk is."),
    }
    POSTCODE_FOR_THE_DISTANCE = {
        False: _("Vul uw postcode in om op afstand te sorteren."),
        True: _("Vul de postcode van uw cliënt in om op afstand te sorteren."),
    }

    def __init__(self, data=None, *, options=None, professional=False, **kwargs):
        """`options`: every facet's (code, label) choices, as `facets.load_options()` gives them. A
        `professional` searches for a client: the postcode and the wijk are the client's."""
        has_postcode = data is not None and bool(str(data.get("postcode", "")).strip())
        if has_postcode and not data.get("sort"):
            # With a postcode, unless the visitor chose an order: with search words the best match first and
            # of equal ones the nearest (distance first put a weak match nearby above the help searched for:
            # "mantelzorg" near 3911 put a household service second); without words the nearest first.
            data = data.copy()
            data["sort"] = "relevantie" if str(data.get("q", "")).strip() else "afstand"
        super().__init__(data, **kwargs)
        self.professional = professional
        if not has_postcode:
            # The sort box is sent with every search. Without a postcode its "Past het best" is sent empty,
            # so a postcode typed into the next search still brings the nearest help first.
            self.fields["sort"].widget.choices = [
                ("", label) if code == "relevantie" else (code, label) for code, label in SORT_CHOICES
            ]
        if professional:  # a walk's professional read "uw postcode" and "mijn wijk" of her client's
            postcode = self.fields["postcode"]
            postcode.help_text = _("De postcode van uw cliënt. Dan ziet u hoe ver iets weg is.")
            self.fields["mijn_wijk"].label = _("Alleen in de wijk van uw cliënt")
        options = facets.load_options() if options is None else options
        self.filter_names = facets.names()
        for facet in facets.FACETS:
            self.fields[facet.name] = FilterChoiceField(
                label=facet.label, choices=_Options(options.get(facet.name, ()))
            )

    def clean_postcode(self):
        value = self.cleaned_data["postcode"]
        if not value:
            return ""
        match = POSTCODE_RE.match(value)
        if not match:
            raise forms.ValidationError(
                _("Vul een postcode in met 4 cijfers en 2 letters, bijvoorbeeld 3911 AB."), code="invalid"
            )
        return f"{match.group(1)} {match.group(2).upper()}" if match.group(2) else match.group(1)

    def clean(self):
        cleaned = super().clean()
        postcode_asked = not cleaned.get("postcode") and "postcode" not in self.errors
        if cleaned.get("mijn_wijk") and postcode_asked:
            self.add_error("postcode", self.POSTCODE_FOR_THE_WIJK[self.professional])
        if cleaned.get("sort") == "afstand" and postcode_asked:
            self.add_error("postcode", self.POSTCODE_FOR_THE_DISTANCE[self.professional])
        return cleaned

    def value_for(self, name, fallback):
        """The cleaned value of a field, or a safe fallback when the visitor's value was wrong."""
        if not self.is_bound:
            return fallback
        self.is_valid()
        if name in self.filter_names:
            return self.cleaned_data.get(name, self.fields[name].accepted)
        value = self.cleaned_data.get(name)
        return fallback if value in (None, "") else value

    def search_kwargs(self) -> dict:
        """Keyword arguments for the search contract's SearchQuery (everything but paging)."""
        text = self.value_for("q", "")
        if not text and self.is_bound and "q" in self.errors:
            # Too long: search on the start of what the visitor typed rather than on nothing.
            text = str(self.data.get("q", ""))[:MAX_TEXT_LENGTH].replace("\x00", "")
        postcode = self.value_for("postcode", "")
        sort = self.value_for("sort", "relevantie")
        if sort == "afstand" and not postcode:
            sort = "relevantie"
        return {
            "text": text.strip(),
            **{name: tuple(self.value_for(name, ())) for name in self.filter_names},
            "postcode": postcode,
            "alleen_mijn_wijk": bool(self.value_for("mijn_wijk", False) and postcode),
            "sort": SORT_TO_QUERY[sort],
            "leave_out_unfound": True,  # the results page names the words it searched without
        }

    def page_number(self) -> int | None:
        """The page asked for, or None when the value is not a page number we can show."""
        raw = str(self.data.get("page", "1") if self.is_bound else "1").strip()
        if raw.isdecimal() and len(raw) <= len(str(MAX_PAGE)) and 1 <= int(raw) <= MAX_PAGE:
            return int(raw)
        return None

    def has_filters(self) -> bool:
        return bool(self.active_filter_count())

    def without_filters(self) -> str:
        """The query string of this search with no filter on: its words, postcode and order stay as sent (a
        walk's "Alle filters weghalen" took her postcode too, and the distances with it)."""
        query = self.data.copy()
        for name in (*self.filter_names, "mijn_wijk", "plek_vrij", "page"):
            query.pop(name, None)
        return query.urlencode()

    def only_plek_vrij(self, professional: bool) -> bool:
        """ "Alleen met plek vrij": only professionals are offered it."""
        return professional and bool(self.value_for("plek_vrij", False))

    def active_filter_count(self, professional: bool = False) -> int:
        """How many filter options the visitor chose (shown on the "Filters" button); "plek vrij" counts for
        the professionals it is shown to ("Filters (1 aan)" with a wijk and it chosen)."""
        kwargs = self.search_kwargs()
        chosen = sum(len(kwargs[name]) for name in self.filter_names) + int(kwargs["alleen_mijn_wijk"])
        return chosen + int(self.only_plek_vrij(professional))
