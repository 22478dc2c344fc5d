"""The B1 check of one text: its numbers, the thresholds it misses (in B1 Dutch) and what to improve.

Formulas (words and sentences as `text.py` finds them; syllables from textstat's Dutch pyphen counts):
- Flesch-Douma = 206.835 − 0.77 × (syllables per 100 words) − 0.93 × (words per sentence).
  textstat 0.7.13 with `set_lang("nl")` uses the same constants (77 × syllables per word), but counts
  sentences with its own naive split (every "bijv." ends a sentence, sentences of up to two words are
  dropped, headings without a full stop run into the next sentence), so we apply the formula to our counts.
- LIX = words per sentence + 100 × (words of more than 6 letters) / words.
- Rare-word share: the share of all words with a wordfreq Zipf frequency below `RARE_WORD_ZIPF`
  (3 = once per million words), not counting numbers, names (a capital letter inside a sentence, or all
  capitals like CAK), the begrippen the site explains, and compounds of common words.
- Very short texts (under `MIN_WORDS_FOR_FORMULAS` words): all numbers are given, but only sentence
  length (and more than one officialese word) can make them fail.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings

from . import measures
from .passive import find_passive
from .text import is_number, split_sentences, words
from .wollig import count_wollig, find_wollig

DEFAULTS = {
    # Average words per sentence; B1 guidance: 10 to 15, we keep to the strict end.
    "MAX_AVG_SENTENCE_LENGTH": 12,
    # Flesch-Douma: 60-70 is "gemiddeld", above 70 "vrij makkelijk"; B1 starts around 65.
    "MIN_FLESCH_DOUMA": 65,
    # LIX: below 40 is "makkelijk", 38 leaves a margin for a few long Wmo words.
    "MAX_LIX": 38,
    # At most 1 sentence in 10 over 20 words: B1 guidance is to split them; one list-like sentence
    # on a page is tolerable, a habit of long sentences is not.
    "MAX_LONG_SENTENCE_SHARE": 0.10,
    "LONG_SENTENCE_WORDS": 20,
    # One sentence over this many words, or with more officialese words than this, is never B1, however plain
    # the rest of the page: a 52-word sentence with eight such words was "bijna op B1-niveau" in a long page.
    "MAX_SENTENCE_WORDS": 40,
    "MAX_OFFICIALESE_PER_SENTENCE": 2,
    # A word rarer than Zipf 3.5 (about once in 3 million words of wordfreq's Dutch) is one many B1
    # readers do not know. Measured: our B1 demo pages have at most 1.8 % of such words, the municipal
    # policy papers in the seed documents 4.1-5.5 %. The line lies between: 3 %.
    "RARE_WORD_ZIPF": 3.5,
    "MAX_RARE_WORD_SHARE": 0.03,
    # Officialese from our list: an occasional legal term is fine, a habit of them is not.
    "MAX_OFFICIALESE_SHARE": 0.02,
    # Below this many words the formulas (Flesch-Douma, LIX, shares) say little: a text of three short
    # sentences can score anything. Such texts are judged on sentence length and officialese only.
    "MIN_WORDS_FOR_FORMULAS": 30,
    "HARDEST_SENTENCES": 5,
    # Words the site explains (begrippen) or that are known here, never counted as rare.
    "KNOWN_WORDS": ["Lindewaard"],
}


def thresholds() -> dict:
    return {**DEFAULTS, **getattr(settings, "TAALCHECK", {})}


class HardSentence(tuple):
    """(sentence, words) as the interface promises, with `reasons` (B1 Dutch) as an attribute."""

    def __new__(cls, sentence: str, word_count: int, reasons: list[str], score: float = 0.0):
        instance = super().__new__(cls, (sentence, word_count))
        instance.reasons = reasons
        instance.score = score
        return instance

    def __getnewargs__(self):  # so reports survive pickling (e.g. in a cache)
        return (self[0], self[1], self.reasons, self.score)

    @property
    def sentence(self) -> str:
        return self[0]

    @property
    def words(self) -> int:
        return self[1]


@dataclass
class Report:
    word_count: int = 0
    sentence_count: int = 0
    avg_sentence_length: float = 0.0
    long_sentence_share: float = 0.0
    flesch_douma: float = 0.0
    lix: float = 0.0
    rare_word_share: float = 0.0
    hardest_sentences: list[HardSentence] = field(default_factory=list)
    replacements: list[tuple[str, str, int]] = field(default_factory=list)
    passed: bool = True
    problems: list[str] = field(default_factory=list)
    rare_words: list[str] = field(default_factory=list)
    officialese_share: float = 0.0
    longest_sentence: int = 0  # words
    most_officialese_in_a_sentence: int = 0
    short_text: bool = False
    limits: dict = field(default_factory=thresholds)  # what B1 asks, as measured against (for the editor)

    @property
    def still_to_improve(self) -> bool:
        """Passed as a whole, with a sentence over the long-sentence limit in it: one 28-word officialese
        sentence in a long page stood under "Deze tekst is op B1-niveau". (A word to replace alone does not
        count: a page may use a word it explains, such as "maatwerkvoorziening".)"""
        limit = self.limits["LONG_SENTENCE_WORDS"]
        return self.passed and any(hard.words > limit for hard in self.hardest_sentences)

    @property
    def long_sentence_percent(self) -> str:
        return _shown(self.long_sentence_share, self.limits["MAX_LONG_SENTENCE_SHARE"])

    @property
    def rare_word_percent(self) -> str:
        return _shown(self.rare_word_share, self.limits["MAX_RARE_WORD_SHARE"])

    @property
    def at_b1(self) -> bool:
        """Passed, with nothing still to improve: what the editors are told is B1."""
        return self.passed and not self.still_to_improve

    def as_dict(self) -> dict:
        """Plain data, e.g. for JSON in the editor's panel."""
        return {
            "word_count": self.word_count,
            "sentence_count": self.sentence_count,
            "avg_sentence_length": self.avg_sentence_length,
            "long_sentence_share": self.long_sentence_share,
            "flesch_douma": self.flesch_douma,
            "lix": self.lix,
            "rare_word_share": self.rare_word_share,
            "officialese_share": self.officialese_share,
            "short_text": self.short_text,
            "passed": self.passed,
            "problems": list(self.problems),
            "hardest_sentences": [
                {"sentence": s.sentence, "words": s.words, "reasons": s.reasons}
                for s in self.hardest_sentences
            ],
            "replacements": [
                {"word": word, "alternative": alternative, "count": count}
                for word, alternative, count in self.replacements
            ],
            "rare_words": list(self.rare_words),
        }


def default_known_terms() -> list[str]:
    """The begrippen the demo site explains (their terms and variants)."""
    from portal.demo.begrippen import BEGRIPPEN

    return [variant for begrip in BEGRIPPEN for variant in [begrip["term"], *begrip.get("variants", [])]]


def _known_words(known_terms: Iterable[str], extra: Iterable[str]) -> frozenset[str]:
    return frozenset(word.lower() for term in [*known_terms, *extra] for word in words(term))


def _is_name(word: str, position: int) -> bool:
    if word.isupper() and len(word) > 1:
        return True  # CAK, HHT, ALS
    return position > 0 and word[:1].isupper()


def _rare_words(sentence_words: list[str], known: frozenset[str], zipf_threshold: float) -> list[str]:
    rare = []
    for position, word in enumerate(sentence_words):
        lowered = word.lower()
        if is_number(word) or lowered in known or _is_name(word, position):
            continue
        if not measures.is_common(lowered, zipf_threshold):
            rare.append(word)
    return rare


def _nl(number: float, digits: int = 1) -> str:
    return f"{number:.{digits}f}".replace(".", ",")


def _percent(share: float) -> str:
    """A share in whole percents, or in tenths below one: "0%" beside the three rare words it counted read as
    a contradiction."""
    if 0 < share < 0.01:
        return f"{_nl(max(round(share * 100, 1), 0.1))}%"
    return f"{round(share * 100)}%"


def _shown(share: float, limit: float) -> str:
    """A share as the report's table shows it: as the problem above it says it ("14,3%" beside "14%" read as
    two figures)."""
    return _percent_over(share) if share > limit else _percent(share)


def _percent_over(share: float) -> str:
    """A share above its limit, rounded up to a tenth: 3.2% read "3%. Dat mag hoogstens 3% zijn."."""
    return f"{_nl(math.ceil(share * 1000) / 10)}%"


def _sentence_reasons(sentence: str, count: int, rare: list[str], limits: dict) -> tuple[list[str], float]:
    reasons, score = [], float(count)
    long, average = limits["LONG_SENTENCE_WORDS"], limits["MAX_AVG_SENTENCE_LENGTH"]
    if count > 2 * long:  # two halves of 73 words are still far too long
        reasons.append(
            f"{count} woorden: dat is te lang. Maak er {math.ceil(count / average)} korte zinnen van."
        )
    elif count > long:
        reasons.append(f"{count} woorden: dat is te lang. Maak er twee zinnen van.")
    elif count > average + 3:  # not yet long (more than 20), but well above the average a text may have
        reasons.append(
            f"{count} woorden. Kan het korter? Een zin heeft gemiddeld hoogstens {average} woorden."
        )
    if rare:
        reasons.append("Weinig bekende woorden: " + ", ".join(dict.fromkeys(rare)) + ".")
        score += 3 * len(rare)
    officialese = find_wollig(sentence)
    if officialese:
        reasons.append(
            # Each as often as it stands: "een zin met 8 ambtelijke woorden" listed 7, one of them twice.
            "Ambtelijke woorden: "
            + ", ".join(f"{word} ({_times(n)}beter: {alt})" for word, alt, n in officialese)
            + "."
        )
        score += 4 * sum(n for _, _, n in officialese)
    passive = find_passive(sentence)
    if passive:
        reasons.append(
            "Lijdende vorm: " + ", ".join(passive) + ". Schrijf liever wie het doet: "
            '"wij sturen u een brief", niet "u wordt een brief gestuurd".'
        )
        score += 2 * len(passive)
    return reasons, score


def _times(count: int) -> str:
    return f"{count}×, " if count > 1 else ""


def _problems(report: Report, limits: dict, officialese_count: int) -> list[str]:
    problems = []
    if report.avg_sentence_length > limits["MAX_AVG_SENTENCE_LENGTH"]:
        problems.append(
            f"De zinnen zijn gemiddeld {_nl(report.avg_sentence_length)} woorden lang. "
            f"Dat mag hoogstens {limits['MAX_AVG_SENTENCE_LENGTH']} zijn. Maak de zinnen korter."
        )
    if report.long_sentence_share > limits["MAX_LONG_SENTENCE_SHARE"]:
        problems.append(
            f"{_percent_over(report.long_sentence_share)} van de zinnen heeft meer dan "
            f"{limits['LONG_SENTENCE_WORDS']} woorden. Dat mag hoogstens "
            f"{_percent(limits['MAX_LONG_SENTENCE_SHARE'])} zijn. Maak van een lange zin twee korte zinnen."
        )
    if report.longest_sentence > limits["MAX_SENTENCE_WORDS"]:
        problems.append(
            f"Er staat een zin van {report.longest_sentence} woorden in. Een zin van meer dan "
            f"{limits['MAX_SENTENCE_WORDS']} woorden is nooit B1. Maak er korte zinnen van. "
            "Hieronder staat welke zin het is."
        )
    if not report.short_text:
        if report.flesch_douma < limits["MIN_FLESCH_DOUMA"]:
            problems.append(
                f"De tekst is moeilijk te lezen: de Flesch-Douma-score is {_nl(report.flesch_douma)}. "
                f"Dat moet minstens {limits['MIN_FLESCH_DOUMA']} zijn. Gebruik kortere woorden en zinnen."
            )
        if report.lix > limits["MAX_LIX"]:
            problems.append(
                f"De tekst heeft veel lange woorden en zinnen: de LIX-score is {_nl(report.lix)}. "
                f"Dat mag hoogstens {limits['MAX_LIX']} zijn. Kies kortere woorden."
            )
        if report.rare_word_share > limits["MAX_RARE_WORD_SHARE"]:
            problems.append(
                f"{_percent_over(report.rare_word_share)} van de woorden is weinig bekend. Dat mag hoogstens "
                f"{_percent(limits['MAX_RARE_WORD_SHARE'])} zijn. Kies gewone woorden, of leg een woord uit."
            )
    if report.short_text:
        too_much_officialese = officialese_count > 1
    else:
        too_much_officialese = report.officialese_share > limits["MAX_OFFICIALESE_SHARE"]
    if too_much_officialese:
        problems.append(
            f"De tekst heeft {officialese_count} ambtelijke woorden. "
            "Kies de gewone woorden uit de lijst hieronder."
        )
    elif report.most_officialese_in_a_sentence > limits["MAX_OFFICIALESE_PER_SENTENCE"]:
        problems.append(
            f"Er staat een zin met {report.most_officialese_in_a_sentence} ambtelijke woorden in. "
            "Kies de gewone woorden uit de lijst hieronder."
        )
    return problems


def check_text(text: str, *, known_terms: Iterable[str] | None = None) -> Report:
    """Score a plain Dutch text (see `html_to_text`) against the B1 thresholds in `settings.TAALCHECK`.

    `known_terms`: the begrippen the site explains (never counted as rare); by default the demo begrippen.
    """
    limits = thresholds()
    known = _known_words(default_known_terms() if known_terms is None else known_terms, limits["KNOWN_WORDS"])
    report = Report(limits=limits)
    sentences = split_sentences(text or "")
    if not sentences:
        return report

    all_words: list[str] = []
    rare_words: list[str] = []
    scored: list[HardSentence] = []
    long_sentences = 0
    for sentence in sentences:
        sentence_words = words(sentence)
        report.longest_sentence = max(report.longest_sentence, len(sentence_words))
        report.most_officialese_in_a_sentence = max(
            report.most_officialese_in_a_sentence, count_wollig(sentence)
        )
        rare = _rare_words(sentence_words, known, limits["RARE_WORD_ZIPF"])
        all_words += sentence_words
        rare_words += rare
        long_sentences += len(sentence_words) > limits["LONG_SENTENCE_WORDS"]
        reasons, score = _sentence_reasons(sentence, len(sentence_words), rare, limits)
        if reasons:
            scored.append(HardSentence(sentence, len(sentence_words), reasons, score))

    word_count, sentence_count = len(all_words), len(sentences)
    avg = word_count / sentence_count
    syllables_per_100 = 100 * sum(measures.syllables(word) for word in all_words) / word_count
    long_words = sum(1 for word in all_words if measures.is_long(word))
    officialese_count = count_wollig(text)

    report.word_count = word_count
    report.sentence_count = sentence_count
    report.avg_sentence_length = round(avg, 1)
    report.long_sentence_share = round(long_sentences / sentence_count, 3)
    report.flesch_douma = round(206.835 - 0.77 * syllables_per_100 - 0.93 * avg, 1)
    report.lix = round(avg + 100 * long_words / word_count, 1)
    report.rare_word_share = round(len(rare_words) / word_count, 3)
    report.rare_words = list(dict.fromkeys(word.lower() for word in rare_words))
    report.officialese_share = round(officialese_count / word_count, 3)
    report.replacements = find_wollig(text)
    report.short_text = word_count < limits["MIN_WORDS_FOR_FORMULAS"]
    report.hardest_sentences = sorted(scored, key=lambda s: s.score, reverse=True)[
        : limits["HARDEST_SENTENCES"]
    ]
    report.problems = _problems(report, limits, officialese_count)
    report.passed = not report.problems
    return report
