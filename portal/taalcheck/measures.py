"""Word-level measures: syllables (textstat's Dutch pyphen counts) and how common a word is (wordfreq).

Both are cached per word, so checking a page again after an edit only looks up its new words. Both
libraries are loaded at the first word checked, not by every process that loads the page models (with
nltk, which textstat loads, they take almost half a second).
"""

from functools import cache, lru_cache

from core.templatetags.core_tags import MONTHS

from .text import is_number, letters

# Dutch writes compounds as one word ("keukentafelgesprek"). A compound of common parts reads as
# common, so rare words are split into at most this many parts, each at least this long, with an
# optional linking "s", "e" or "en" between them (ziekte-vervanging, hardheid-s-clausule). Each part
# must be a little more common than a word on its own, so jargon built from rarer parts still counts.
MAX_COMPOUND_PARTS = 3
MIN_COMPOUND_PART = 3
COMPOUND_PART_MARGIN = 0.5
_LINKING = ("", "s", "e", "en")

LONG_WORD_LETTERS = 6  # LIX: a long word has more than 6 letters

# Words of daily life and care that everyone knows, though written Dutch has them too rarely for wordfreq's
# threshold: the taalcheck called "stofzuigen en dweilen" and "het bed verschonen" hard, the very words a
# resident uses. Our own list, for Wmo texts; jargon ("tillift", "bruikleen", "indicatie") stays out. And the
# months as the site's dates write them short ("28 mrt. 2027"): wordfreq has "mrt" under the threshold, and
# in March every staff page with a date failed the taalcheck.
EVERYDAY_WORDS = frozenset(
    {
        "stofzuigen", "stofzuiger", "dweilen", "verschonen", "glazenwasser", "afwassen", "afwas",
        "tuinieren", "rollator", "krukken", "scootmobiel", "drempels", "loket",
        *(month.rstrip(".") for month in MONTHS),
    }
)  # fmt: skip


@lru_cache(maxsize=50_000)
def syllables(word: str) -> int:
    """Syllables of one word; a hyphenated word is the sum of its parts; a number counts as one."""
    if is_number(word):
        return 1
    parts = [part for part in word.lower().replace("’", "'").split("-") if part.strip("'")]
    return sum(max(1, _dutch_textstat().syllable_count(part)) for part in parts) or 1


@cache
def _dutch_textstat():
    """Our own textstat instance, so setting its language does not change the shared `textstat.textstat`."""
    from textstat.textstat import textstatistics

    textstat = textstatistics()
    textstat.set_lang("nl")
    return textstat


def is_long(word: str) -> bool:
    return not is_number(word) and letters(word) > LONG_WORD_LETTERS


@lru_cache(maxsize=100_000)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency in Dutch: 3 is once per million words, 6 once per thousand."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "nl")


def _is_compound_of_common(word: str, threshold: float, parts_left: int) -> bool:
    """Whether `word` splits into at most `parts_left` parts that are each common (as compound parts)."""
    if zipf(word) >= threshold:
        return True
    if parts_left <= 1:
        return False
    for split in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1):
        head = word[:split]
        if zipf(head) < threshold:
            continue
        for linking in _LINKING:
            rest = word[split:]
            if not rest.startswith(linking):
                continue
            tail = rest[len(linking) :]
            if len(tail) >= MIN_COMPOUND_PART and _is_compound_of_common(tail, threshold, parts_left - 1):
                return True
    return False


@lru_cache(maxsize=50_000)
def is_common(word: str, threshold: float) -> bool:
    """A word (lower case) is common when wordfreq knows it well, or it is a compound of common words."""
    parts = [part.strip("'") for part in word.split("-")]
    return all(_is_common_part(part, threshold) for part in parts if part)


def _is_common_part(word: str, threshold: float) -> bool:
    if word in EVERYDAY_WORDS or zipf(word) >= threshold:
        return True
    return _is_compound_of_common(word, threshold + COMPOUND_PART_MARGIN, MAX_COMPOUND_PARTS)
