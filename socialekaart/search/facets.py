"""The sociale kaart's facets, declared once.

Each entry says what a facet is called (its URL parameter and the key in the search contract), its label on
the search page, the search document's field that holds its codes, where its options come from and in what
order, and whether the HSDS API offers it as a taxonomy. The search form and page, the database snapshot,
the Elasticsearch mapping and aggregations, and the API's filters are all made from `FACETS`.

Adding a facet: one `Facet` here, plus the Voorziening field it reads (and that field's migration).
Everything reads `facets.FACETS` when it runs, never a copy made at import.

Nothing here imports the models at import time, so the search contract stays free of the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

JA_NEE = (("ja", _("Ja")), ("nee", _("Nee")))


class Wijken:
    """The municipality's wijken; a code is the wijk's slug."""

    code = "slug"

    def load(self, rows: OptionRows) -> list[tuple[str, str]]:
        return list(rows.wijken())

    def condition(self, field: str, codes, prefix: str = ""):
        raise NotImplementedError("the API finds wijken by postcode, not as a taxonomy")


@dataclass(frozen=True)
class Terms:
    """The editors' terms of one vocabulary (Term rows), in the editors' order; a code is the term's code."""

    vocabulary: str
    code = "code"

    def load(self, rows: OptionRows) -> list[tuple[str, str]]:
        return [(code, name) for vocabulary, code, name in rows.terms() if vocabulary == self.vocabulary]

    def condition(self, field: str, codes, prefix: str = ""):
        from django.db.models import Q

        from ..models import Voorziening

        ids = Voorziening.objects.filter(
            **{f"{field}__code__in": list(codes), f"{field}__vocabulary": self.vocabulary}
        ).values("pk")
        return Q(**{f"{prefix}pk__in": ids})


@dataclass(frozen=True)
class Choices:
    """The fixed choices of a Voorziening field, in their declared order (a yes/no field: "ja", "nee")."""

    field: str

    def _model_field(self):
        from ..models import Voorziening

        return Voorziening._meta.get_field(self.field)

    def load(self, rows: OptionRows | None = None) -> list[tuple[str, str]]:
        model_field = self._model_field()
        if model_field.get_internal_type() == "BooleanField":
            return [(code, str(label)) for code, label in JA_NEE]
        return [(str(value), str(label)) for value, label in model_field.flatchoices]

    def value(self, raw) -> str:
        if isinstance(raw, bool):
            return "ja" if raw else "nee"
        return str(raw)

    def condition(self, field: str, codes, prefix: str = ""):
        from django.db.models import Q

        codes = list(codes)
        if self._model_field().get_internal_type() == "BooleanField":
            return Q(**{f"{prefix}{field}__in": [code == "ja" for code in codes]})
        return Q(**{f"{prefix}{field}__in": codes})


@dataclass(frozen=True)
class Facet:
    name: str  # URL parameter, SearchQuery selection and key of SearchResults.facets: "thema"
    label: str  # the filter's heading on the search page
    field: str  # the search document's field with the codes (a keyword field in Elasticsearch): "themas"
    options: Wijken | Terms | Choices  # where the options come from
    order: str = "source"  # "source": the source's own order (editors' order, declared choices); "name"
    source: str | None = None  # the Voorziening field the codes come from; None: documents.py makes them
    hsds: str = ""  # the HSDS taxonomy's description when the API offers this facet as a taxonomy

    def document_value(self, voorziening):
        """What the search document holds for this facet: a list of codes, or one code for a plain field."""
        value = getattr(voorziening, self.source)
        if hasattr(value, "all"):  # a many-to-many relation (prefetched by documents_queryset)
            return [str(getattr(item, self.options.code)) for item in value.all()]
        return self.options.value(value)

    def condition(self, codes, prefix: str = ""):
        """A Q over Voorziening (or, with a prefix like "voorziening__", a related model) for these codes."""
        return self.options.condition(self.source or self.field, codes, prefix)

    @property
    def many(self) -> bool:
        return not isinstance(self.options, Choices)


FACETS: list[Facet] = [
    Facet("wijk", _("Wijk"), "wijken", Wijken(), order="name"),
    Facet(
        "thema",
        _("Onderwerp"),
        "themas",
        Terms("thema"),
        source="themas",
        hsds=_("Thema's: waar een voorziening bij helpt."),
    ),
    Facet(
        "doelgroep",
        _("Voor wie"),
        "doelgroepen",
        Terms("doelgroep"),
        source="doelgroepen",
        hsds=_("Doelgroepen: voor wie een voorziening is."),
    ),
    Facet(
        "toegang",
        _("Toegang"),
        "toegang",
        Choices("toegang"),
        source="toegang",
        hsds=_("Toegang: hoe een inwoner bij de voorziening komt."),
    ),
    Facet("kosten", _("Kosten"), "kosten", Choices("kosten"), source="kosten"),
]


def names() -> tuple[str, ...]:
    return tuple(facet.name for facet in FACETS)


def get(name: str) -> Facet | None:
    return next((facet for facet in FACETS if facet.name == name), None)


def codes(value) -> list[str]:
    """A document's facet value as a list of codes (a plain field holds one)."""
    if value is None or value == "":
        return []
    return [str(value)] if isinstance(value, str) else [str(item) for item in value]


def sort_label(label: str) -> str:
    """Labels in the order a reader expects, the same on every database: without accents or case."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", str(label))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


class OptionRows:
    """The rows options are made of, each read at most once (one query for wijken, one for all terms)."""

    def __init__(self, wijken=None):
        self._wijken = None if wijken is None else [(slug, name) for slug, name in wijken]
        self._terms = None

    def wijken(self) -> list[tuple[str, str]]:
        if self._wijken is None:
            from ..models import Wijk

            self._wijken = list(Wijk.objects.values_list("slug", "name"))
        return self._wijken

    def terms(self) -> list[tuple[str, str, str]]:
        if self._terms is None:
            from ..models import Term

            rows = Term.objects.values_list("vocabulary", "code", "name", "sort_order")
            ordered = sorted(rows, key=lambda row: (row[3], sort_label(row[2]), row[1]))
            self._terms = [(vocabulary, code, name) for vocabulary, code, name, _order in ordered]
        return self._terms


def options_of(facet: Facet, rows: OptionRows | None = None) -> list[tuple[str, str]]:
    """(code, label) of every option of a facet, in its declared order."""
    found = [(str(code), str(label)) for code, label in facet.options.load(rows or OptionRows())]
    if facet.order == "name":
        found.sort(key=lambda option: (sort_label(option[1]), option[0]))
    return found


def load_options(wijken=None) -> dict[str, list[tuple[str, str]]]:
    """Every facet's options, in at most two queries. `wijken`: (slug, name) pairs already read."""
    rows = OptionRows(wijken)
    return {facet.name: options_of(facet, rows) for facet in FACETS}
