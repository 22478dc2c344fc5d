"""Turns what a user typed into a boolean query: synonyms and typo corrections become alternatives.

The result is backend-neutral: a list of groups that must all match; each group is a list of
alternatives of which one must match; each alternative is a list of words that must all match.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from core.search_text import Phrases
from core.vocabulary import SearchVocabulary

from . import text

Alternative = tuple[str, ...]
Group = tuple[Alternative, ...]


class CompoundAlternative(tuple):
    """An alternative found only through a compound: a part of a typed word or synonym ("taxi" of
    "rolstoeltaxi"), or a word that holds one ("automaatje" for "maatje"). It finds help as any alternative
    does, and weighs less in the order (textindex.COMPOUND_WEIGHT): "maatje" ranks the Maatjesproject above
    the chauffeurs whose text says "automaatje"."""


MAX_COMPOUNDS = 20  # index words holding a typed word that a search also looks for


@dataclass
class ParsedQuery:
    groups: list[Group] = field(default_factory=list)
    typed: list[tuple[str, ...]] = field(default_factory=list)  # per group: the typed words it stands for
    corrected: dict[str, str] = field(default_factory=dict)  # typed word -> best known word

    def did_you_mean(self, typed: str, suggestable=None) -> str | None:
        return did_you_mean(typed, self.corrected, suggestable)


# "Bedoelde u ...?" is the same rule for every backend: these two functions decide it.


def suggestable_words(vocabulary: SearchVocabulary, names: Iterable[str]) -> frozenset[str]:
    """The words "Bedoelde u ...?" may offer: those of the shared vocabulary (themes, target groups, the
    editors' synonyms) and of the voorzieningen's names; never a word found only in a description."""
    return frozenset(vocabulary.suggestion_words) | frozenset(
        SearchVocabulary(names=tuple(names)).suggestion_words
    )


def did_you_mean(typed: str, corrected: dict[str, str], suggestable=None) -> str | None:
    """The typed words with their corrections (typed word -> better word). Only corrections of a word that
    is no Dutch word ("overleden" is not offered as "overlijden") to a word of `suggestable` count, so no
    fragment of a description is ever offered; None when none is left."""
    corrected = {
        word: best
        for word, best in corrected.items()
        if best != word and not text.is_dutch_word(word) and (suggestable is None or best in suggestable)
    }
    if not corrected:
        return None
    return " ".join(corrected.get(word, word) for word in text.words(typed))


def parse(
    typed: str,
    synonyms: Phrases,
    corrections: dict[str, list[str]],
    decompounder=None,
    compounds: dict[str, list[str]] | None = None,
    known=None,
) -> ParsedQuery:
    """`corrections` maps a typed word that is not in the index to close index words, best first.

    With a `decompounder` (core.vocabulary) a compound also looks for each of its parts ("rolstoeltaxi":
    "rolstoel", "taxi"), and with `compounds` (stem of a list word -> index words holding it) a word also
    looks for the compounds it is part of ("klussen": "klussendienst"). A compound no voorziening holds
    (`known` says which do) also looks for the synonyms of its parts ("oppasdienst": what "oppas" finds)."""
    compounds = compounds or {}
    typed_words = text.words(typed)
    best = [corrections[word][0] if corrections.get(word) else word for word in typed_words]
    parsed = ParsedQuery(corrected={w: corrections[w][0] for w in typed_words if corrections.get(w)})
    i = 0
    while i < len(typed_words):
        for size in range(min(synonyms.longest, len(typed_words) - i), 0, -1):
            for candidate in (tuple(typed_words[i : i + size]), tuple(best[i : i + size])):
                if candidate in synonyms:
                    alternatives = [candidate, *synonyms[candidate]]
                    for alternative in list(alternatives):
                        if len(alternative) == 1:  # "rolstoeltaxi" (a synonym) also finds its parts
                            alternatives += _compound_alternatives(alternative[0], decompounder, compounds)
                    _add_group(parsed, typed_words[i : i + size], alternatives)
                    i += size
                    break
            else:
                continue
            break
        else:
            word = typed_words[i]
            alternatives = [(word,)] + [(other,) for other in corrections.get(word, [])]
            unknown = known is not None and not known(word)
            for form in dict.fromkeys((word, best[i])):
                alternatives += _compound_alternatives(
                    form, decompounder, compounds, synonyms if unknown else None
                )
            _add_group(parsed, [word], alternatives)
            i += 1
    return parsed


def rank_corrections(word: str, candidates) -> list[str]:
    """Close words, best first: few edits, then many shared trigrams."""
    scored = []
    for candidate in candidates:
        if abs(len(candidate) - len(word)) > 2 or candidate == word:
            continue
        distance = text.edit_distance(word, candidate)
        similarity = text.trigram_similarity(word, candidate)
        if distance <= text.allowed_typos(word) or similarity >= 0.5:
            scored.append((distance, -similarity, candidate))
    return [candidate for _, _, candidate in sorted(scored)]


def synonym_stand_ins(word: str, phrases: Phrases, decompounder=None) -> list[str]:
    """The one-word synonyms a typed word that is none stands for: the closest to a typo ("poetse":
    "poetsen", "poetshlup": "poetshulp") and the parts of a compound that are one ("oppasdienst": "oppas").
    The database search reaches their groups through its corrections and a compound's parts (`parse`);
    Elasticsearch's analyzer puts a synonym's group in only for a word as typed, so there a word the index
    lacks searches these too (synonym_readings)."""
    if (word,) in phrases:
        return []
    closest = rank_corrections(word, [phrase[0] for phrase in phrases if len(phrase) == 1])[:1]
    parts = decompounder.parts(word) if decompounder is not None else []
    return list(dict.fromkeys([*closest, *(part for part in parts if (part,) in phrases)]))


MAX_SYNONYM_READINGS = 3  # a long text full of typos made dozens of readings


def typos_of_synonyms(typed: str, phrases: Phrases, decompounder) -> dict[str, list[str]]:
    """The words of `typed` that are no Dutch word, with the synonyms each stands for (synonym_stand_ins)."""
    found = {
        word: synonym_stand_ins(word, phrases, decompounder)
        for word in dict.fromkeys(text.content_words(typed))
        if not text.is_dutch_word(word)
    }
    return {word: stand_ins for word, stand_ins in found.items() if stand_ins}


def synonym_readings(typed: str, stand_ins: dict[str, list[str]]) -> list[str]:
    """`typed` with a word of `stand_ins` read as a synonym it stands for, one reading per stand-in: "ik kan
    niet meer poetse" also as "ik kan niet meer poetsen"."""
    words = text.words(typed)
    readings = [
        " ".join(stand_in if other == word else other for other in words)
        for word in dict.fromkeys(words)
        for stand_in in stand_ins.get(word, ())
    ]
    return readings[:MAX_SYNONYM_READINGS]


def _compound_alternatives(word: str, decompounder, compounds: dict, synonyms=None) -> list[tuple[str, ...]]:
    """The parts of a compound and the compounds a word is part of, each as an alternative; with `synonyms`
    a part's synonyms too: "klusservice" and "oppasdienst" found nothing, where "klus" finds the
    klussendiensten and "oppas" respijtzorg."""
    parts = decompounder.parts(word) if decompounder is not None else []
    holding = compounds.get(text.stem(word), [])[:MAX_COMPOUNDS]
    related = [other for part in parts if synonyms and (part,) in synonyms for other in synonyms[(part,)]]
    return [CompoundAlternative(other) for other in [*((part,) for part in [*parts, *holding]), *related]]


def _add_group(parsed: ParsedQuery, typed: list[str], alternatives: list[tuple[str, ...]]) -> None:
    cleaned = []
    for alternative in alternatives:
        words = type(alternative)(word for word in alternative if word not in text.STOPWORDS)
        if words and words not in cleaned:
            cleaned.append(words)
    if cleaned:
        parsed.groups.append(tuple(cleaned))
        parsed.typed.append(tuple(typed))


def leave_out_unfound(parsed: ParsedQuery, finds_anything: list[bool]) -> tuple[str, ...]:
    """Every word of a search must match, so one word that no voorziening holds ("moeder" in "mijn moeder
    vergeet veel") hides all help. Called when the groups together find nothing, with per group whether it
    finds anything on its own: the groups that find nothing are left out of `parsed`, as long as one group is
    left. Returns the typed words left out, which the page names. The same rule for every backend."""
    unfound = [i for i, found in enumerate(finds_anything) if not found]
    if not unfound or len(unfound) == len(parsed.groups):
        return ()
    left_out = tuple(word for i in unfound for word in parsed.typed[i] if word not in text.STOPWORDS)
    parsed.groups = [group for i, group in enumerate(parsed.groups) if i not in unfound]
    parsed.typed = [typed for i, typed in enumerate(parsed.typed) if i not in unfound]
    return left_out


MAX_APART_TRIES = 20  # sets of words tried by leave_out_apart, so a long text costs a bounded amount


def leave_out_apart(parsed: ParsedQuery, best_score: Callable[[tuple[int, ...]], float]) -> tuple[str, ...]:
    """Words that each find help but never all together found nothing: "mantelzorg jongeren", "even weg van
    huis", "moeder kan niet meer alleen thuis". Called when the groups together still find nothing (after
    leave_out_unfound), with `best_score(kept)`: the score of the best match of the groups at the positions
    `kept`, 0 when they match nothing. The fewest groups are left out that make the others find help; of
    those sets, the one whose best match scores highest (the help that fits the words kept best: "mantelzorg"
    rather than "jongeren", whose match scores lower). At least one group stays. Returns the typed words left
    out, which the page names. The same rule for every backend."""
    count, tried = len(parsed.groups), 0
    for leaving in range(1, count):
        best_kept, best = None, 0.0
        for kept in itertools.combinations(range(count), count - leaving):
            if tried == MAX_APART_TRIES:
                break
            tried += 1
            score = best_score(kept)
            if score > best:
                best_kept, best = kept, score
        if best_kept is not None:
            left_out = tuple(
                word
                for i, typed in enumerate(parsed.typed)
                if i not in best_kept
                for word in typed
                if word not in text.STOPWORDS
            )
            parsed.groups = [parsed.groups[i] for i in best_kept]
            parsed.typed = [parsed.typed[i] for i in best_kept]
            return left_out
    return ()
