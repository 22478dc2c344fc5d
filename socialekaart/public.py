"""What other apps may ask of the sociale kaart. They use these functions, never its models or modules.

The melding routes by wijk and the embedded address lookup knows the demo municipality's streets; both
come from here, so the kaart can change its models without the melding noticing.
"""

import itertools
from dataclasses import dataclass

from django.conf import settings
from django.db import connections, models, router, transaction
from django.db.models import Case, When

from core import search_text, vocabulary
from core.vocabulary import SearchVocabulary
from socialekaart import languages, permissions, postcodes
from socialekaart.demo import gemeente
from socialekaart.models import Organisatie, Stoplicht, Synoniemgroep, Term, Wijk
from socialekaart.search.contract import SearchUnavailable  # noqa: F401 (voorzieningen_for_words raises it)


def search_vocabulary():
    """The shared search vocabulary (core.vocabulary): the editors' synonyms and the names of the themes and
    target groups. The setting SEARCH_VOCABULARY names this function, so the site search uses it too."""
    groups = tuple(tuple(group.term_list()) for group in Synoniemgroep.objects.order_by("pk"))
    names = tuple(Term.objects.order_by("vocabulary", "sort_order", "name").values_list("name", flat=True))
    return SearchVocabulary(synonyms=groups, names=names)


def wijk_for_postcode(postcode: str) -> Wijk | None:
    """The wijk of a Dutch postcode ("3911 AB" or "3911"), or None outside the municipality."""
    found = postcodes.area(postcode)
    return found.wijk if found else None


def wijken():
    """Every wijk, by name: for choosing one in a form."""
    return Wijk.objects.order_by("name")


def wijk_named(name: str) -> Wijk | None:
    return Wijk.objects.filter(name=name).first()


def make_professional(user) -> None:
    """Put a login in the Professionals group: it then sees the professional kaart (capacity, waiting
    times, professionals' contacts) and may export lists. The backoffice does this for its consulenten and
    teamleiders."""
    from socialekaart.permissions import ensure_professionals_group

    user.groups.add(ensure_professionals_group())


@dataclass(frozen=True)
class DemoAddress:
    street: str
    town: str
    wijk: str


def demo_address(postcode: str) -> DemoAddress | None:
    """Street, town and wijk of a postcode in the fictional demo municipality, or None when it is not ours."""
    found = gemeente.find_address(postcode)
    if found is None:
        return None
    street, town, wijk = found
    return DemoAddress(street, town, wijk.name)


DEMO_MUNICIPALITY = gemeente.GEMEENTE


def demo_postcodes() -> dict[str, list[str]]:
    """Each demo wijk's name with its six-character postcodes, for demo content elsewhere."""
    return {wijk.name: sorted(wijk.streets) for wijk in gemeente.WIJKEN}


# --- For the klachten about providers ----------------------------------------------------------------------


def is_the_gemeente(organisatie) -> bool:
    """The gemeente's own team, which the kaart lists as an organisation under the municipality's name."""
    return organisatie.name.casefold().startswith(settings.MUNICIPALITY_NAME.casefold())


def organisaties():
    """Every organisation on the kaart, for choosing whom a complaint is about: the gemeente's own first (a
    resident looked for it among 45 providers), then by name."""
    the_gemeente_first = Case(When(name__istartswith=settings.MUNICIPALITY_NAME, then=0), default=1)
    return Organisatie.objects.order_by(the_gemeente_first, "name")


def organisaties_met_thema(thema):
    """The organisations with a voorziening of this thema, by name (for demo content elsewhere)."""
    return Organisatie.objects.filter(voorzieningen__themas=thema).distinct().order_by("name")


def themas():
    """The kaart's themes (kinds of support), in their order."""
    return Term.objects.filter(vocabulary=Term.Vocabulary.THEMA).order_by("sort_order", "name")


def organisatie_id_of_provider(user):
    """The organisation a provider's login belongs to; None for everybody else (staff included)."""
    return permissions.organisatie_id_of(user)


def organisatie_name_of_provider(user) -> str:
    """The name of the organisation a provider's login belongs to; "" for everybody else."""
    organisatie_id = permissions.organisatie_id_of(user)
    if organisatie_id is None:
        return ""
    return Organisatie.objects.filter(pk=organisatie_id).values_list("name", flat=True).first() or ""


@dataclass(frozen=True)
class StoplichtStand:
    organisatie_id: object
    thema_id: object
    kleur: str  # "groen", "oranje", "rood" or "geen" (te weinig gegevens)
    klachten: int
    clienten: int | None


def replace_stoplichten(standen: list[StoplichtStand], berekend_op) -> int:
    """Replace every traffic light on the kaart by these, in one transaction; returns how many there are."""
    with transaction.atomic():
        connection = connections[router.db_for_write(Stoplicht)]
        if connection.vendor == "postgresql":
            # One replacement at a time: two at once (two complaints, or one closed meanwhile) each deleted
            # the rows before the other's were written, and the second insert broke on the unique pair.
            # Readers are not held up (SHARE ROW EXCLUSIVE conflicts with writers only).
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {Stoplicht._meta.db_table} IN SHARE ROW EXCLUSIVE MODE")
        Stoplicht.objects.all().delete()
        Stoplicht.objects.bulk_create(
            Stoplicht(
                organisatie_id=stand.organisatie_id,
                thema_id=stand.thema_id,
                kleur=stand.kleur,
                klachten=stand.klachten,
                clienten=stand.clienten,
                berekend_op=berekend_op,
            )
            for stand in standen
        )
    return len(standen)


@dataclass(frozen=True)
class KaartVoorziening:
    """A voorziening as another app sees it: plain data, no model. `capacity` is for professionals only."""

    id: str
    name: str
    organisatie: str
    url: str
    themes: tuple[str, ...]
    doelgroepen: tuple[str, ...]  # the codes of the groups it is meant for; none: for everyone
    distance_km: float | None
    capacity: str  # "ja" | "beperkt" | "nee" | "" (not tracked in this wijk)
    capacity_label: str
    wachttijd_weken: int | None
    capacity_outdated: bool
    limited_places: bool  # only then does the provider say whether there is room (capacity)
    talen: tuple[str, ...] = ()  # the language codes it helps in, as its provider gave them


def voorzieningen_for(
    themes, wijk=None, near: str = "", limit: int = 10, age: int | None = None
) -> list[KaartVoorziening]:
    """The voorliggende voorzieningen (open, without a beschikking) with one of these thema codes that
    serve this wijk (or the whole municipality) and, with an `age`, people of that age (no leeftijd given:
    any age), nearest first when `near` is a postcode of ours (distance to the closest location), else by
    name. The capacity is that of the wijk. For professionals (the backoffice), never for a public page."""
    from socialekaart.models import Voorziening

    themes = [theme for theme in dict.fromkeys(themes or ()) if theme]
    if not themes:
        return []
    chosen = _voorliggende(Voorziening.objects.filter(themas__code__in=themes), wijk, age)
    found = _as_kaart_items(chosen, wijk, near, themes)
    found.sort(key=lambda item: (item.distance_km is None, item.distance_km or 0, item.name))
    return found[:limit]


# The terms searched for one text, at most: a search each.
MAX_TERMS = 6


def voorzieningen_for_words(
    words: str,
    wijk=None,
    near: str = "",
    limit: int = 5,
    age: int | None = None,
    other_than: tuple[str, ...] = (),
) -> list[KaartVoorziening]:
    """As voorzieningen_for, for what a resident wrote ("mijn moeder valt vaak"): the voorliggende
    voorzieningen the kaart's own search finds for each of its terms (_the_kaarts_terms), in turn, with all
    their themes, none of the themes `other_than` (shown apart). A walk's consulent was offered
    cliëntondersteuning and places to meet for a short melding that said "valt" and "vergeet", and not the
    course against falling. Raises SearchUnavailable when the search does not answer."""
    from socialekaart.models import Voorziening
    from socialekaart.search import get_backend

    terms = _the_kaarts_terms(words)
    if not terms:
        return []
    backend = get_backend()
    per_term = [_hits(backend, term, near, per_page=limit * 4) for term in terms]
    every = {pk for hits in per_term for pk in hits}
    found = Voorziening.objects.filter(pk__in=every).exclude(themas__code__in=other_than)
    fitting = {str(pk) for pk in _voorliggende(found, wijk, age).values_list("pk", flat=True)}
    # Each term has its turn, with the help that fits: the first of each, then the second, ... A walk's "Ik
    # val vaak en vergeet mijn pillen" found help for falling only, and the four sentences of another
    # ("vergeetachtig", "kookt niet meer", "valt") found nothing as one search.
    in_turn = itertools.zip_longest(*([pk for pk in hits if pk in fitting] for hits in per_term))
    chosen = list(dict.fromkeys(pk for row in in_turn for pk in row if pk is not None))[:limit]
    found = _as_kaart_items(Voorziening.objects.filter(pk__in=chosen), wijk, near)  # only these are drawn
    return sorted(found, key=lambda item: chosen.index(item.id))


def _hits(backend, term: str, near: str, per_page: int) -> list[str]:
    from socialekaart.search import SearchQuery

    return [str(pk) for pk in backend.search(SearchQuery(text=term, postcode=near, per_page=per_page)).ids]


def _the_kaarts_terms(text: str) -> list[str]:
    """Of what a resident wrote, the terms the kaart's vocabulary holds, in the order they stand: its
    synonyms' phrases ("kookt niet meer", not also "kookt niet"), and the words that are a synonym, theme or
    target group of their own ("valt", "vergeetachtig"). A word that is only part of a phrase says little
    alone ("niet", "moeder"). The resident's own text stays in this process (with Elasticsearch only these
    terms reach the node), and everyday words ("bel mij graag terug") find no help of their own (the review:
    five times the laundry service)."""
    if not text.strip():
        return []  # no vocabulary read for a melding without words
    known = vocabulary.current()
    typed = search_text.words(text)
    joined = f" {' '.join(typed)} "
    phrases = [term for term in known.multiword_terms if f" {term} " in joined]
    phrases = [term for term in phrases if not any(_part_of(term, other) for other in phrases)]
    in_phrases = {word for term in phrases for word in term.split()}
    own = [
        word
        for word in typed
        if word not in in_phrases
        and word not in search_text.STOPWORDS
        and search_text.stem(word) in known.term_stems
    ]
    terms = dict.fromkeys([*phrases, *own])
    return sorted(terms, key=lambda term: joined.index(f" {term} "))[:MAX_TERMS]


def _part_of(term: str, other: str) -> bool:
    return term != other and f" {term} " in f" {other} "


def _voorliggende(chosen, wijk, age: int | None):
    """Of the `chosen` voorzieningen, those that are open, need no beschikking and serve the wijk and age."""
    from socialekaart.models import Voorziening

    queryset = (
        # Open help only: help closed for now was offered as "Altijd plek" with a "Verwezen" button.
        chosen.filter(status=Voorziening.Status.ACTIEF)
        # Help with a beschikking is the maatwerk a melding may lead to, not a voorliggende voorziening.
        .exclude(toegang=Voorziening.Toegang.BESCHIKKING)
        .distinct()
    )
    if wijk is not None:
        queryset = queryset.filter(
            models.Q(hele_gemeente=True) | models.Q(wijken=wijk) | models.Q(op_locaties__locatie__wijk=wijk)
        )
    if age is not None:
        queryset = queryset.exclude(leeftijd_min__gt=age).exclude(leeftijd_max__lt=age)
    return queryset


def _as_kaart_items(queryset, wijk, near: str, themes=None) -> list[KaartVoorziening]:
    """The voorzieningen as KaartVoorziening, with the distance to `near` and the wijk's capacity; their
    `themes` all, or those of `themes`."""
    from socialekaart.models import Capaciteit
    from socialekaart.search.geo import haversine_km

    queryset = queryset.select_related("organisatie").prefetch_related(
        "themas", "doelgroepen", "op_locaties__locatie"
    )
    area = postcodes.area(near)
    # An area without a centre point: by name.
    centre = (area.latitude, area.longitude) if area is not None and area.latitude is not None else None
    capacity = (
        {row.voorziening_id: row for row in Capaciteit.objects.filter(wijk=wijk)} if wijk is not None else {}
    )
    found = []
    for voorziening in queryset:
        distance = None
        if centre is not None:
            distances = [
                haversine_km(*centre, place.locatie.latitude, place.locatie.longitude)
                for place in voorziening.op_locaties.all()
                if place.locatie.latitude is not None and place.locatie.longitude is not None
            ]
            distance = round(min(distances), 1) if distances else None
        row = capacity.get(voorziening.id)
        found.append(
            KaartVoorziening(
                id=str(voorziening.id),
                name=voorziening.name,
                organisatie=voorziening.organisatie.name,
                url=voorziening.get_absolute_url(),
                themes=tuple(
                    term.code for term in voorziening.themas.all() if not themes or term.code in themes
                ),
                doelgroepen=tuple(term.code for term in voorziening.doelgroepen.all()),
                distance_km=distance,
                capacity=row.status if row else "",
                capacity_label=row.get_status_display() if row else "",
                wachttijd_weken=row.wachttijd_weken if row else None,
                capacity_outdated=row.is_verouderd if row else False,
                limited_places=voorziening.beperkte_plaatsen,
                talen=tuple(map(str, voorziening.talen or ())),
            )
        )
    return found


def spoken_of(item: KaartVoorziening, typed: str) -> list[str]:
    """The names of the languages `typed` names that the help speaks ("Turks", as a melding asks a tolk)."""
    spoken = {code.lower() for code in item.talen}
    return [languages.name(code) for code in languages.named(typed) if code in spoken]


def thema_names() -> dict[str, str]:
    """The kaart's thema codes with their names."""
    return dict(term_choices(Term.Vocabulary.THEMA))


def term_choices(vocabulary: str) -> list[tuple[str, str]]:
    """The kaart's themes ("thema") or target groups ("doelgroep") as (code, name), in the kaart's order: for
    an editor who links to the kaart from a page."""
    return list(Term.objects.filter(vocabulary=vocabulary).values_list("code", "name"))


def found_by_link(query_string: str, every_word: bool = True) -> int:
    """How many voorzieningen the kaart's search page lists for a link into it (its query string), as a
    resident sees them. A word the kaart does not hold is left out of the search (query.leave_out_unfound),
    as is one that finds help only apart from the others (query.leave_out_apart), and the page says so: an
    editor's link must find help with `every_word`; a resident's own words, from the site search, need not
    ("lukt" in "boodschappen doen lukt niet")."""
    from django.http import QueryDict

    from socialekaart.search import SearchQuery, get_backend
    from socialekaart.views.search_page import only_common_words, search_form
    from socialekaart.views.wijk_in_text import named_wijk

    form, wijken = search_form(QueryDict(query_string))
    kwargs = form.search_kwargs()
    named = named_wijk(kwargs, wijken)
    if named:  # the page searches a wijk named in the words as its filter, and so does this count
        kwargs |= {"text": named[0], "wijk": (named[1],)}
    if only_common_words(kwargs["text"]):  # the page lists all help: none is for these words
        return 0
    results = get_backend().search(SearchQuery(per_page=1, **kwargs))
    return 0 if (results.left_out or results.not_together) and every_word else results.total
