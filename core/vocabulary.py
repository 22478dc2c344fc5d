"""The search vocabulary the kaart and the site search share: the editors' synonyms, the names of themes and
target groups, and the word list on which Dutch compounds (samenstellingen) are split.

The editors manage the synonyms in one place, the sociale kaart's admin ("Synoniemen"). The site search may
not import the kaart and core imports no app, so the project names the function that reads the vocabulary in
the setting `SEARCH_VOCABULARY` (config wires it to `socialekaart.public.search_vocabulary`); it returns a
`SearchVocabulary`. Both searches ask `current()`, cached until `forget()` (the kaart calls it when the
synonyms or themes change).

Compounds are split on the word list (`Decompounder`), never by guessing per query: a compound is split into
the list's words it holds ("rolstoeltaxi" holds "rolstoel" and "taxi"), as Lucene's
`DictionaryCompoundWordTokenFilter` (Elasticsearch's `dictionary_decompounder`) does, with the same sizes;
one difference: a word inside the compound (neither its start nor its end) is a part here only when it meets
another part and does not cross the seam of two longer ones ("rouw" in bROUWersgracht and "erop" in
kindEROPvang are none), where Lucene takes every list word it finds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.utils.module_loading import import_string

from . import generations
from .search_text import STOPWORDS, Phrases, is_dutch_word, normalise, stem, words

CACHE_KEY = "core:search-vocabulary:v1"
GENERATION = "search-vocabulary"
MIN_WORD_SIZE = 6  # shorter words are never split
MIN_PART_SIZE = 4  # parts shorter than this are never looked for
MAX_PART_SIZE = 15
# Words too general to stand for a compound they are part of: "poetshulp" should not find every "hulp". And
# words that end many words that are no compounds: "ontmoeten" and "vergeten" are not about "eten", nor is
# "opgeslagen" about "geslagen" or "bezorgen" about "zorgen". Nor is "slechthorend" about "slecht ter been",
# or "wasgoed" about "goed" ("hulp bij de was" found "Bewegen voor ouderen", which is "goed voor uw spieren").
GENERAL_PARTS = frozenset(
    """
    hulp zorg huis thuis werk dienst groep punt centrum team mensen plek plan vraag vragen mens tijd
    service advies steun contact kosten wonen maken doen leren zelf ander andere samen eten
    zorgen geslagen slaan slaat slecht
    goed gaan even eigen hoog laag lang nieuw rond staan laten zien ziet duurt
    """.split()  # noqa: SIM905
)


# What may join two parts of a Dutch compound: nothing, or a linking s, e or en (stoel|en|matter).
LINKS = ("", "s", "e", "en")


def _meets_another(word: str, span: tuple[int, int], spans) -> bool:
    """Whether another part ends where `span` starts or starts where it ends, with at most a linking letter
    or two between them: a word that only lies inside another is no part of it ("rouw" in bROUWersgracht
    found every place in that street for "mijn man is overleden")."""
    start, end = span
    return any(
        (other_end <= start and word[other_end:start] in LINKS)
        or (end <= other_start and word[end:other_start] in LINKS)
        for other_start, other_end in spans
        if (other_start, other_end) != span
    )


def _inside_a_general_word(span: tuple[int, int], general) -> bool:
    """Whether `span` lies inside a longer general word: "cent" in zorg|CENTrum is "centrum"'s, and a general
    word counts as a neighbour (huis|klus|werk), so "zorgcentrum" found what the vocabulary says of "geen
    cent"."""
    start, end = span
    return any(
        other_start <= start and end <= other_end and other_end - other_start > end - start
        for other_start, other_end in general
    )


def _across_a_seam(span: tuple[int, int], spans) -> bool:
    """Whether `span` overlaps a longer span without lying inside it."""
    start, end = span
    return any(
        other_end - other_start > end - start
        and other_start < end
        and start < other_end
        and not (other_start <= start and end <= other_end)
        for other_start, other_end in spans
    )


def _dutch_words_from(word: str, start: int) -> list[int]:
    """Where the Dutch words inside `word` (not the word itself) that begin at `start` end, each of a part's
    size at least (the word list's shorter tokens are rarely a part: "tax" made "rolstoeltax" a compound)."""
    last = len(word) if start else len(word) - 1
    return [end for end in range(start + MIN_PART_SIZE, last + 1) if is_dutch_word(word[start:end])]


class Decompounder:
    """Splits a word into the list's words it holds, and finds the words a list word is part of."""

    def __init__(self, word_list: Iterable[str]):
        self.words = frozenset(
            word
            for word in (normalise(item) for item in word_list)
            if MIN_PART_SIZE <= len(word) <= MAX_PART_SIZE
            and word.isalpha()
            and word not in STOPWORDS
            and word not in GENERAL_PARTS
        )

    def parts(self, word: str) -> list[str]:
        """The list's words inside `word` (other than the word itself), in order of where they start. A word
        that lies across the seam of two longer ones is no part: "gaan" in woninG|AANpassing found almost
        every page (now a word too general to be a part at all; "erop" in kindEROPvang is another)."""
        word = normalise(word)
        if len(word) < MIN_WORD_SIZE:
            return []
        spans, general = self._spans(word)
        found = [
            word[start:end]
            for start, end in spans
            # A part that begins or ends the word is one ("coaching" in budget|coaching, though
            # "budgetcoach" is a list word too); one inside it must meet another part, a general word too
            # (huis|klus|werk), and not cross a longer part's seam. None lies inside a general word.
            if not _inside_a_general_word((start, end), general)
            and (
                start == 0
                or end == len(word)
                or (
                    _meets_another(word, (start, end), spans + general)
                    and not _across_a_seam((start, end), spans)
                )
            )
        ]
        return list(dict.fromkeys(found))

    def is_compound(self, word: str) -> bool:
        """Whether the word is a compound of the list's words, made wholly of them, general words and other
        Dutch words, with at most a linking s, e or en between them and after the last ("rolstoel|taxi",
        "stoel|en|matter", "rolstoel|fiets"): "mantelzorgrs" begins with "mantelzorg", but is a typing
        error of "mantelzorgers", no compound."""
        word = normalise(word)
        if len(word) < MIN_WORD_SIZE:
            return False
        spans, general = self._spans(word)
        if not spans and not general:
            return False
        starts = defaultdict(list)
        for start, end in spans + general:
            starts[start].append(end)
        reached, ends = {0}, set()
        for position in range(len(word)):
            if position in ends:
                reached.update(position + len(link) for link in LINKS if word.startswith(link, position))
            if position in reached:
                ends.update(starts[position])
                ends.update(_dutch_words_from(word, position))
        return len(word) in ends | reached

    def _spans(self, word: str) -> tuple[list, list]:
        """Where the list's words (other than the word itself) and the general words stand in `word`."""
        spans, general = [], []
        for start in range(len(word) - MIN_PART_SIZE + 1):
            for size in range(MIN_PART_SIZE, MAX_PART_SIZE + 1):
                if start + size > len(word):
                    break
                inside = word[start : start + size]
                if inside != word and inside in self.words:
                    spans.append((start, start + size))
                elif inside in GENERAL_PARTS:
                    general.append((start, start + size))
        return spans, general

    def compounds_by_part(self, index_words: Iterable[str]) -> dict[str, list[str]]:
        """For the stem of every list word: the words of an index that hold it ("klus" -> "klussendienst")."""
        found: dict[str, list[str]] = defaultdict(list)
        for word in index_words:
            for part in self.parts(word):
                found[stem(part)].append(word)
        return dict(found)


@dataclass(frozen=True)
class SearchVocabulary:
    synonyms: tuple[tuple[str, ...], ...] = ()  # the editors' groups, as typed
    names: tuple[str, ...] = ()  # themes, target groups and other names people search for
    extra_words: tuple[str, ...] = field(default=())  # more words to split compounds on

    @cached_property
    def decompounder(self) -> Decompounder:
        return Decompounder(self.decompound_words)

    @cached_property
    def decompound_words(self) -> list[str]:
        """The word list compounds are split on (also Elasticsearch's `word_list`), sorted."""
        every = {word for term in self.all_terms for word in words(term)} | {
            word for extra in self.extra_words for word in words(extra)
        }
        return sorted(Decompounder(every).words)

    @cached_property
    def all_terms(self) -> list[str]:
        return [term for group in self.synonyms for term in group] + list(self.names)

    @cached_property
    def suggestion_words(self) -> list[str]:
        """The words "Bedoelde u ...?" may offer: every word of a name, theme or synonym (no stop words)."""
        found = {
            word
            for term in self.all_terms
            for word in words(term)
            if len(word) >= 3 and word not in STOPWORDS and not word.isdigit()
        }
        return sorted(found)

    @cached_property
    def term_stems(self) -> frozenset[str]:
        """The stems of the terms of one word: to keep only the vocabulary's own words of a text."""
        return frozenset(stem(term[0]) for term in map(words, self.all_terms) if len(term) == 1)

    @cached_property
    def multiword_terms(self) -> tuple[str, ...]:
        """The terms of more than one word, as `words` gives them ("kan de zorg niet meer aan")."""
        return tuple(" ".join(words(term)) for term in self.all_terms if len(words(term)) > 1)

    @cached_property
    def phrases(self) -> Phrases:
        return Phrases(self.synonyms)


_memo: dict[str, SearchVocabulary] = {}  # per generation, in this process (keeps its split words)


def current() -> SearchVocabulary:
    """The vocabulary of the setting `SEARCH_VOCABULARY` (empty when none is set), read once per change."""
    key = f"{CACHE_KEY}:{generations.current(GENERATION)}"
    found = _memo.get(key)
    if found is None:
        source = getattr(settings, "SEARCH_VOCABULARY", "")
        found = import_string(source)() if source else SearchVocabulary()
        _memo.clear()
        _memo[key] = found
    return found


def forget() -> None:
    """The synonyms, themes or names changed: every process reads the vocabulary anew."""
    generations.bump(GENERATION)
