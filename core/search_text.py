"""Dutch text analysis both searches share (kaart and site search): words, stop words, stems, typos."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

_WORD = re.compile(r"\w+", re.UNICODE)

# The Snowball project's Dutch stop word list (the same words PostgreSQL's `dutch` configuration drops).
STOPWORDS = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een
    eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in
    is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat
    onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat
    werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou
    """.split()  # noqa: SIM905
)


def normalise(text: str) -> str:
    """Lower case without accents, so "Cliënt" and "client" are the same word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


def content_words(text: str) -> list[str]:
    return [word for word in words(text) if word not in STOPWORDS]


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _dutch_stemmer().stem(word)


@cache
def _dutch_stemmer():
    """nltk's Snowball stemmer, loaded when a word is first stemmed: importing nltk takes a quarter of a
    second, which every process (a command, a test worker) would otherwise pay at its start."""
    from nltk.stem.snowball import DutchStemmer

    return DutchStemmer()


def stemmed_text(text: str) -> str:
    return " ".join(stem(word) for word in content_words(text))


def trigrams(word: str) -> set[str]:
    """Trigrams as pg_trgm makes them: the word padded with two spaces before and one after."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def trigram_similarity(left: str, right: str) -> float:
    a, b = trigrams(left), trigrams(right)
    return len(a & b) / len(a | b) if a and b else 0.0


def edit_distance(left: str, right: str, limit: int = 3) -> int:
    """Optimal string alignment distance (a swap of two neighbours counts once), capped at `limit`."""
    if abs(len(left) - len(right)) >= limit:
        return limit
    previous2: list[int] = []
    previous = list(range(len(right) + 1))
    for i, char_left in enumerate(left, 1):
        current = [i] + [0] * len(right)
        for j, char_right in enumerate(right, 1):
            cost = char_left != char_right
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_left == right[j - 2] and left[i - 2] == char_right:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) >= limit:
            return limit
        previous2, previous = previous, current
    return min(previous[-1], limit)


def allowed_typos(word: str) -> int:
    return 1 if len(word) <= 5 else 2
