"""A wijk named in the search words ("schuldhulp Lindehof", "eenzaam in de wijk Molenwijk") is searched as the
wijk filter. As a word it found only what has the wijk's name in its text: the help for the whole gemeente,
which serves that wijk too, was left out without a word of why. Unless the words are a voorziening's name
("Buurthuis Molenwijk"): then they find it as typed."""

import re
from collections.abc import Iterable

from ..models import Voorziening
from ..search.text import content_words

# "in", "wijk", "in de wijk" before a name: then it is a place wherever it stands in the words.
_PLACE = r"(?:\b(?:in\s+)?(?:de\s+)?wijk\s+|\bin\s+)"


def wijk_in_text(text: str, wijken: Iterable[tuple[str, str]]) -> tuple[str, str] | None:
    """(the words without the wijk, the wijk's slug) when the words end with a wijk's name or name one after
    "in" or "wijk"; None otherwise ("centrum voor jeugd en gezin" names no wijk Centrum)."""
    for slug, name in sorted(wijken, key=lambda wijk: -len(wijk[1])):  # "Oude Haven" before a "Haven"
        name_pattern = r"\s+".join(re.escape(part) for part in name.split())
        pattern = re.compile(rf"(?P<place>{_PLACE})?\b{name_pattern}\b(?P<end>\W*$)?", re.IGNORECASE)
        for match in pattern.finditer(text):
            if match.group("place") is not None or match.group("end") is not None:
                return " ".join(f"{text[: match.start()]} {text[match.end() :]}".split()), slug
    return None


def named_wijk(search_kwargs: dict, wijken: Iterable) -> tuple[str, str] | None:
    """(the words without the wijk, the wijk's slug) for the search form's `search_kwargs` whose words name a
    wijk of `wijken` (Wijk objects) and no voorziening; None when they do not, or a wijk is chosen already.
    The kaart's page and the site search's count of it read the words alike."""
    if search_kwargs["wijk"] or not search_kwargs["text"]:
        return None
    return wijk_as_filter(search_kwargs["text"], [(wijk.slug, wijk.name) for wijk in wijken])


def wijk_as_filter(text: str, wijken: Iterable[tuple[str, str]]) -> tuple[str, str] | None:
    """What wijk_in_text finds, unless a voorziening's name holds every word typed."""
    wijken = dict(wijken)
    found = wijk_in_text(text, wijken.items())
    if found is None:
        return None
    typed = set(content_words(text))
    named = Voorziening.objects.filter(name__icontains=wijken[found[1]]).values_list("name", flat=True)
    if any(typed <= set(content_words(name)) for name in named[:500]):
        return None
    return found
