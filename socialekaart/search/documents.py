"""The one flat shape of a voorziening that every search backend indexes."""

from __future__ import annotations

import unicodedata

from django.db.models import Min, Prefetch

from .. import languages
from ..models import Capaciteit, Voorziening, VoorzieningOpLocatie, Wijk
from . import facets


def documents_queryset():
    """Voorzieningen with everything `voorziening_document` reads, in a fixed number of queries."""
    related = [facet.source for facet in facets.FACETS if facet.source and facet.many]
    return (
        Voorziening.objects.select_related("organisatie")
        .prefetch_related(
            *dict.fromkeys(["themas", "doelgroepen", *related]),
            "wijken",
            Prefetch(
                "op_locaties",
                queryset=VoorzieningOpLocatie.objects.select_related("locatie__wijk").order_by(
                    "locatie__name"
                ),
            ),
        )
        .annotate(oudste_capaciteit=Min("capaciteit__bijgewerkt_op"))
    )


def sort_key(name: str) -> str:
    """Name order as a reader expects it: without accents, case or leading punctuation."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.casefold().lstrip("'\"(.- ")[:200]


def voorziening_document(voorziening: Voorziening, all_wijk_slugs: list[str] | None = None) -> dict:
    """A flat dict of one voorziening. Pass `all_wijk_slugs` when indexing many, to save a query each."""
    themas = list(voorziening.themas.all())
    doelgroepen = list(voorziening.doelgroepen.all())
    locaties = [op_locatie.locatie for op_locatie in voorziening.op_locaties.all()]
    if voorziening.hele_gemeente:
        if all_wijk_slugs is None:
            all_wijk_slugs = list(Wijk.objects.values_list("slug", flat=True))
        wijken = list(all_wijk_slugs)
    else:  # the wijken it names, and those its places lie in (not the office of help that comes home)
        named_wijken = [wijk.slug for wijk in voorziening.wijken.all()]
        places = [] if voorziening.aan_huis else locaties
        location_wijken = [locatie.wijk.slug for locatie in places if locatie.wijk_id]
        wijken = list(dict.fromkeys(named_wijken + location_wijken))
    oudste_capaciteit = getattr(voorziening, "oudste_capaciteit", None)
    if oudste_capaciteit is None and not hasattr(voorziening, "oudste_capaciteit"):
        oudste_capaciteit = Capaciteit.objects.filter(voorziening=voorziening).aggregate(
            oudste=Min("bijgewerkt_op")
        )["oudste"]
    document = {
        "id": str(voorziening.pk),
        "name": voorziening.name,
        "slug": voorziening.slug,
        "sort_key": sort_key(voorziening.name),
        "summary": voorziening.summary,
        "description": voorziening.description,
        "organisatie_id": str(voorziening.organisatie_id),
        "organisatie_name": voorziening.organisatie.name,
        "thema_names": [term.name for term in themas],
        "doelgroep_names": [term.name for term in doelgroepen],
        "status": voorziening.status,
        "hele_gemeente": voorziening.hele_gemeente,
        "wijken": wijken,
        # Help that comes to the home has no place to go to: it is as near as the wijken it serves, as help
        # without a place is (its office 4,3 km away was read as the way to a personenalarmering).
        "locaties": [
            {
                "latitude": locatie.latitude,
                "longitude": locatie.longitude,
                "wijk": locatie.wijk.slug if locatie.wijk_id else None,
            }
            for locatie in locaties
            if locatie.latitude is not None and locatie.longitude is not None and not voorziening.aan_huis
        ],
        "location_names": [
            f"{locatie.name} {locatie.straat} {locatie.plaats}".strip() for locatie in locaties
        ],
        "talen": list(voorziening.talen or []),
        # "turks" finds help in Turkish; Dutch is left out, or "nederlands" would find all help.
        "taal_names": [languages.name(code) for code in voorziening.talen or [] if code.lower() != "nl"],
        "beperkte_plaatsen": voorziening.beperkte_plaatsen,
        "capaciteit_bijgewerkt": oudste_capaciteit.isoformat() if oudste_capaciteit else None,
        "updated_at": voorziening.updated_at.isoformat(),
    }
    for facet in facets.FACETS:  # "wijken" is made above; every other facet reads its own field
        if facet.source:
            document[facet.field] = facet.document_value(voorziening)
    return document


def document_body_text(document: dict) -> str:
    """The searchable text but the name: summary, description, organisation, terms, places, languages."""
    return "\n".join(
        [
            document["summary"],
            document["description"],
            document["organisatie_name"],
            " ".join(document["thema_names"]),
            " ".join(document["doelgroep_names"]),
            " ".join(document["location_names"]),
            " ".join(document["taal_names"]),
        ]
    )
