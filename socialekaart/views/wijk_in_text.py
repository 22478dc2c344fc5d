"""A wijk named in the search words ("schuldhulp Lindehof", "eenzaam in de wijk Molenwijk") is searched as the
wijk filter. As a word it found only what has the wijk's name in its text: the help for the whole gemeente,
which serves that wijk too, was left out without a word of why. Unless the words are a voorziening's name
("Buurthuis Molenwijk"): then they find it as typed."""

import re
from collections.abc import Iterable
from functools import lru_cache

from core.search_text import STOPWORDS

from ..models import Voorziening
from ..search.text import content_words, words

# "in", "wijk", "in de wijk" before a name: then it is a place wherever it stands in the words.
_PLACE = r"(?:(?<!\w)(?:in\s+)?(?:de\s+)?wijk\s+|(?<!\w)in\s+)"
# What stood before the name and says only where: "eenzaam in mijn wijk Lindehof" searches "eenzaam".
_ONLY_WHERE = STOPWORDS | {"wijk"}


def wijk_in_text(text: str, wijken: Iterable[tuple[str, str]]) -> tuple[str, str] | None:
    """(the words without the wijk, the wijk's slug) when the words end with a wijk's name or name one after
    "in" or "wijk"; None otherwise ("centrum voor jeugd en gezin" names no wijk Centrum)."""
    for slug, name in sorted(wijken, key=lambda wijk: -len(wijk[1])):  # "Oude Haven" before a "Haven"
        for match in _naming(name).finditer(text):
            if match.group("place") is not None or match.group("end") is not None:
                before = text[: match.start()].split()
                while before and words(before[-1]) and set(words(before[-1])) <= _ONLY_WHERE:
                    before.pop()
                return " ".join([*before, *text[match.end() :].split()]), slug
    return None


@lru_cache(maxsize=256)
def _naming(name: str) -> re.Pattern:
    """The wijk's name as words, with the place words that may stand before it and what may end the text."""
    name_pattern = r"\s+".join(re.escape(part) for part in name.split())
    return re.compile(rf"(?P<place>{_PLACE})?(?<!\w){name_pattern}(?!\w)(?P<end>\W*$)?", re.IGNORECASE)


def named_wijk(search_kwargs: dict, wijken: Iterable) -> tuple[str, str] | None:
    """(the words without the wijk, the wijk's slug) for the search form's `search_kwargs` whose words name a
    wijk of `wijken` (Wijk objects) and no voorziening; None when they do not, or a wijk is chosen already.
    The kaart's page and the site search's count of it read the words alike."""
    if search_kwargs["wijk"] or not search_kwargs["text"]:
        return None
    found = wijk_in_text(search_kwargs["text"], [(wijk.slug, wijk.name) for wijk in wijken])
    if found is None or _names_a_voorziening(search_kwargs["text"]):
        return None
    return found


def _names_a_voorziening(text: str) -> bool:
    """Whether the words are the name of a voorziening on the kaart ("Buurthuis Molenwijk"), not only part of
    one ("hulp in Lindehof" is in "Hulp bij het huishouden Lindehof")."""
    typed = set(content_words(text))
    named = Voorziening.objects.exclude(status=Voorziening.Status.GESTOPT)
    for word in typed:
        named = named.filter(name__icontains=word)
    return any(set(content_words(name)) == typed for name in named.values_list("name", flat=True))
