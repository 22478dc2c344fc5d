"""The passive voice ("lijdende vorm"): "uw aanvraag wordt beoordeeld" hides who does it, and B1 guidance asks
to say so ("wij beoordelen uw aanvraag"). A hint on the sentence, never a reason to fail the page: a passive
is sometimes the plainest way ("u wordt gebeld").

Found within one part of a sentence (up to a comma, colon or semicolon): a form of "worden" and a past
participle, in either order ("de hulp wordt betaald", "als de hulp betaald wordt"). The perfect with "zijn"
("is betaald") is left alone: it cannot be told apart from "is gegaan" by its words.
"""

import re

from .text import words

# "Is ziek geworden" is no passive, and the passive perfect with "geworden" is rare: left out.
WORDEN = frozenset({"word", "wordt", "worden", "werd", "werden"})

# A participle: ge-...-d/t/en (gedaan: -aan), also after a separable part (aangevraagd, opgehaald), or
# be-, ver-, ont-, her-, er-...
_GE = r"(?:aan|af|bij|door|in|mee|na|om|op|over|terug|toe|uit|vast|voor|weg)?ge"  # ge-, aange-, opge-, ...
_PARTICIPLE = re.compile(rf"^(?:{_GE}|be|ver|ont|her|er)(?:[a-zë]{{2,}}(?:d|t|en)|[a-zë]+aan)$")
# Words of that shape that are no participle, as they stand beside "worden" in our texts and the seeds ("de
# gemeente geeft een besluit af waartegen ... kan worden aangetekend": a walk). Not "betaalt", "behandelt":
# beside "worden" they are a participle misspelt, and still a passive.
_NOT_PARTICIPLES = frozenset(
    """
    geen genoeg gezond gemeente gemeenten geld gelden gebied gebieden gerust bekend beleid gesprekken
    gevolgen gebouwen gedachten geeft besluit
    """.split()  # noqa: SIM905 (a word list reads best as text)
)
# Nouns ("ervaringen", "gelegenheid", "mogelijkheden") and long words on -end, present participles ("het
# wordt vervelend", "geruststellend"); past ones on -end are short (erkend) or ge- and a short stem
# (aangetekend, uitgerekend).
_NOT_PARTICIPLE_ENDING = re.compile(rf"(?:ingen|heid|heden)$|^(?!{_GE}[a-zë]{{1,5}}end$).{{6,}}end$")
_CLAUSE_END = re.compile(r"[,;:()]")


def _is_participle(word: str) -> bool:
    return (
        word not in _NOT_PARTICIPLES
        and bool(_PARTICIPLE.match(word))
        and not _NOT_PARTICIPLE_ENDING.search(word)
    )


def find_passive(sentence: str) -> list[str]:
    """The passive phrases of a sentence, as "wordt … betaald" (or "betaald wordt"), in reading order."""
    found = []
    for clause in _CLAUSE_END.split(sentence):
        clause_words = [word.lower() for word in words(clause)]
        forms = [position for position, word in enumerate(clause_words) if word in WORDEN]
        for form, next_form in zip(forms, [*forms[1:], len(clause_words)], strict=False):
            participle = _participle_of(clause_words, form, next_form)
            if participle is not None:
                first, last = sorted((form, participle))
                gap = " … " if last - first > 1 else " "
                found.append(clause_words[first] + gap + clause_words[last])
    return found


def _participle_of(clause_words: list[str], form: int, next_form: int) -> int | None:
    """The participle that goes with the "worden" at `form`: the first one after it (main clause: "wordt
    door ons betaald"), else the nearest before it (subordinate clause: "als het betaald wordt")."""
    after = (p for p in range(form + 1, next_form) if _is_participle(clause_words[p]))
    before = (p for p in range(form - 1, -1, -1) if _is_participle(clause_words[p]))
    found = next(after, None)
    return found if found is not None else next(before, None)
