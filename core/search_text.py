"""Dutch text analysis both searches share (kaart and site search): words, stop words, stems, typos."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, lru_cache

_WORD = re.compile(r"\w+", re.UNICODE)

# The Snowball project's Dutch stop word list (the same words PostgreSQL's `dutch` configuration drops).
SNOWBALL_STOPWORDS = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een
    eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in
    is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat
    onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat
    werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou
    """.split()  # noqa: SIM905
)
# The other forms of the list's verbs, which people type in a question: "hoe doe ik een melding" looked for
# pages with "doe" and put "Van melding tot besluit" ninth.
VERB_FORMS = frozenset("doe doet hebt kun kunt moeten wilt willen word zult zullen".split())  # noqa: SIM905
# How often and how much, which people add when they tell their situation: "mijn moeder valt vaak" found
# nothing, as no text has both "valt" and "vaak".
HOW_OFTEN = frozenset(
    "vaak vaker soms steeds telkens weleens regelmatig meestal erg heel echt".split()  # noqa: SIM905
)
# A verb's particle typed apart ("iemand om mee te praten"): alone it found the page about taking someone
# along to the gesprek ("Neem iemand mee") for "moeder is eenzaam".
PARTICLES = frozenset({"mee"})
# Where someone is, said in passing: "mijn moeder zit de hele dag alleen" led with the Jongerencoach ("Zit je
# niet lekker in je vel?").
POSITION_VERBS = frozenset("zit zitten zat".split())  # noqa: SIM905
STOPWORDS = SNOWBALL_STOPWORDS | VERB_FORMS | HOW_OFTEN | PARTICLES | POSITION_VERBS


def normalise(text: str) -> str:
    """Lower case without accents, so "Cliënt" and "client" are the same word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# Chat and speech write "mijn" and "zijn" short: "hulp voor mn moeder" found nothing, where "mijn" leads to
# the help for someone's mother. Read as the words they stand for ("m'n" as "mn").
SHORT_FORMS = {"mn": "mijn", "zn": "zijn"}
_APOSTROPHE_FORM = re.compile(r"\b([mz])['’]n\b")


def words(text: str) -> list[str]:
    found = _WORD.findall(_APOSTROPHE_FORM.sub(r"\1n", normalise(text)))
    return [SHORT_FORMS.get(word, word) for word in found]


def content_words(text: str) -> list[str]:
    return [word for word in words(text) if word not in STOPWORDS]


# Snowball keeps the s of a diminutive's plural (no s after a j): "maatjes" missed the Maatjesproject, whose
# stem is "maatj". Taken off before stemming, here and by Elasticsearch's analyzers (a `pattern_replace`
# filter with this pattern, in Java's syntax as in Python's).
DIMINUTIVE_PLURAL = "^(.{2,}je)s$"
_diminutive_plural = re.compile(DIMINUTIVE_PLURAL)


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _dutch_stemmer().stem(_diminutive_plural.sub(r"\1", word))


@cache
def _dutch_stemmer():
    """nltk's Snowball stemmer, loaded when a word is first stemmed: importing nltk takes a quarter of a
    second, which every process (a command, a test worker) would otherwise pay at its start."""
    from nltk.stem.snowball import DutchStemmer

    return DutchStemmer()


# A word of wordfreq's small Dutch list (used about once per million words or more) is a word people write,
# not a typing error: "overleden", "bad", "verveel". Only other words are matched with typo tolerance or
# offered a correction ("dagbestedin", "mantelzrg"), so "ik verveel me" does not search "vervoer".
DUTCH_WORD_ZIPF = 3.0


@lru_cache(maxsize=50_000)
def is_dutch_word(word: str) -> bool:
    from wordfreq import zipf_frequency  # loaded when first needed, as the stemmer: 8 MB, 0.15 s

    return zipf_frequency(word, "nl", wordlist="small") >= DUTCH_WORD_ZIPF


def form_stem(word: str) -> str:
    """The stem shared by a verb's forms: Snowball keeps the -t of the present tense ("vraagt", "woont"), so
    it is taken off first when the word without it is a Dutch word ("vraag", "woon"), and "hoe vraag ik hulp
    aan" finds "Hoe vraagt u hulp aan?"."""
    if len(word) >= 5 and word.endswith("t") and is_dutch_word(word[:-1]):
        return stem(word[:-1])
    return stem(word)


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


# Words with which people say that they look for help, around what they look for: "ik zoek hulp bij de
# boodschappen", "iemand die boodschappen doet"; and the people they look for it for: "mijn vader kan niet
# meer koken", "hulp voor mijn moeder" (a mantelzorger's words, which no voorziening's text uses). Every word
# of a search must match, so these hid all help whose text does not use them. Beside other words the kaart
# weighs them only in the order and the site search leaves them out, unless they are part of a synonym ("hulp
# bij het huishouden", "zorg voor mijn moeder"); alone ("hulp") they count.
HELP_WORDS = frozenset(
    {"hulp", "help", "helpen", "helpt", "hulpje", "mee", "nodig", "zoek", "zoekt", "zoeken", "graag", "doet"}
)
FAMILY_WORDS = frozenset(
    """
    moeder vader mama papa ma pa oma opa partner man vrouw echtgenoot echtgenote zoon dochter broer zus
    schoonmoeder schoonvader
    """.split()  # noqa: SIM905
)
PERSON_WORDS = FAMILY_WORDS | {"buurman", "buurvrouw", "vriend", "vriendin", "anderen"}
# The help words that name help itself; the others say that it is sought.
HELP_ITSELF = frozenset({"hulp", "help", "helpen", "helpt", "hulpje"})
# Whom help is asked for, in a question where to start only ("hulp voor mijn kinderen"): as search words they
# name help (opvoeding, jeugd) and must match.
KIN_WORDS = FAMILY_WORDS | {"ouder", "ouders", "kind", "kinderen", "kleinkind", "kleinkinderen", "familie"}
ONLY_HELP_WANTED = HELP_WORDS | KIN_WORDS  # see asks_where_to_start
VAGUE_WORDS = HELP_WORDS | PERSON_WORDS


NEVER_NAMED = HELP_WORDS | FAMILY_WORDS  # see worth_naming


def worth_naming(words) -> tuple[str, ...]:
    """The words a search left out, as the kaart and the site search name them: not a help word or a family
    member ("zoon" in "hulp voor mijn zoon": no text names a son, and nothing is lacking)."""
    return tuple(word for word in words if word not in NEVER_NAMED)


class Phrases(dict):
    """Each synonym, as a tuple of words, with all phrases of its groups (itself first). `longest` is the most
    words a synonym has (how far a search looks ahead for one), `words` every word in them."""

    def __init__(self, groups: Iterable[Iterable[str]] = ()):
        super().__init__()
        for group in groups:
            tuples = [found for found in (tuple(words(term)) for term in group) if found]
            for phrase in tuples:
                known = self.setdefault(phrase, [phrase])
                known.extend(other for other in tuples if other not in known)
        self.longest = max(map(len, self), default=0)
        self.words = frozenset(word for phrase in self for word in phrase)


def written_apart(typed: list[str], start: int, known: Callable[[str], bool]) -> int:
    """How many of the typed words from `start` on are one compound written apart ("regio taxi", "schoon
    maken"), as `known` (a word of the index or of the pages) has it whole: 3, 2, or 0 for none."""
    for size in (3, 2):
        parts = typed[start : start + size]
        whole = _as_one_word(parts) if len(parts) == size else None
        if whole and known(whole):
            return size
    return 0


def join_written_apart(typed: list[str], known: Callable[[str], bool], phrases: Phrases) -> list[str]:
    """The typed words with each compound written apart as one, where `known` (the index, the pages) or the
    synonyms have it whole: "hulp middelen" is "hulpmiddelen" (not "hulp", a word left out as vague, beside
    "middelen"). Words that begin a synonym of several words stay apart: "burn out" is the editors'
    "burn-out"."""

    def whole_word(word: str) -> bool:
        return (word,) in phrases or known(word)

    joined, i = [], 0
    while i < len(typed):
        starts_a_phrase = any(tuple(typed[i : i + n]) in phrases for n in range(2, phrases.longest + 1))
        size = 0 if starts_a_phrase else written_apart(typed, i, whole_word)
        joined.append("".join(typed[i : i + size]) if size else typed[i])
        i += size or 1
    return joined


def possible_compounds(typed: list[str]) -> list[tuple[int, int, str]]:
    """Each run of two or three typed words that may be one compound written apart, as (start, size,
    compound): for a search that cannot ask which words exist, and tries them all ("regio taxi")."""
    runs = []
    for size in (2, 3):
        for start in range(len(typed) - size + 1):
            whole = _as_one_word(typed[start : start + size])
            if whole:
                runs.append((start, size, whole))
    return runs


def _as_one_word(parts: list[str]) -> str | None:
    """The compound `parts` make together, or None where they cannot be one: numbers, a letter alone, a stop
    word ("ouder en kind" is no "ouderen")."""
    whole = "".join(parts)
    if min(map(len, parts)) < 2 or len(whole) < 6 or not whole.isalpha() or STOPWORDS.intersection(parts):
        return None
    return whole


def split_vague_words(typed: str, phrases: Phrases) -> tuple[str, tuple[str, ...]]:
    """The typed text (as words) to match, and the VAGUE_WORDS left out of it because they stand on their
    own; `phrases`: the synonyms, as word tuples. Nothing is left out when only vague words and stop words
    would remain."""
    typed_words = words(typed)
    if VAGUE_WORDS.isdisjoint(typed_words):
        return " ".join(typed_words), ()
    kept, vague, searchable, i = [], [], False, 0
    while i < len(typed_words):
        size = next(
            (
                n
                for n in range(min(phrases.longest, len(typed_words) - i), 1, -1)
                if tuple(typed_words[i : i + n]) in phrases
            ),
            1,
        )
        standing_alone = size == 1 and typed_words[i] in VAGUE_WORDS
        (vague if standing_alone else kept).extend(typed_words[i : i + size])
        # A synonym is searched even when its words are all stop words: "hulp bij de was" searched "hulp"
        # beside "de was" (the washing service's synonym), found nothing together, and left out "hulp".
        searchable = searchable or (not standing_alone and (size > 1 or typed_words[i] not in STOPWORDS))
        i += size
    if not searchable:
        return " ".join(typed_words), ()
    return " ".join(kept), tuple(vague)


# Words of someone who wants to complain: "klacht" found the kaart's help for "psychische klachten". The
# plural names that help ("rugklachten" too), unless it comes with a word of complaining. Help that did not
# come is said without those words: "de thuiszorg komt niet opdagen", "de hulp kwam niet" (at the end: "mijn
# vader komt niet meer buiten" looks for help).
# "Niet tevreden" says it as well, as do "niet blij met de hulp" and "niet goed geholpen" (a walk: they found
# no page), and "klaght" or "klagt" are "klacht" or "klaagt" typed in a hurry (one letter off; the plural
# "klachten", and what is as near to it, names help, see above).
COMPLAINT_WORDS = frozenset({"klacht", "klagen", "klaag", "klaagt", "beklag", "ontevreden"})
TYPED_IN_A_HURRY = ("klacht", "klagen", "klaagt")
COMPLAINING_WITH_PLURAL = frozenset({"indienen", "over", "melden"})
HELP_NOT_COME = (("niet", "opdagen"), ("niet", "gekomen"), ("niet", "tevreden"))
NOT_WELL_HELPED = (("niet", "goed", "geholpen"), ("slecht", "geholpen"))
# "Niet blij met" only about help (a review: "ik ben niet blij met mijn leven" got the way to complain).
HELP_GIVERS = frozenset(
    "hulp zorg thuiszorg hulpverlener begeleiding begeleider aanbieder wijkteam gemeente consulent".split()  # noqa: SIM905
)
HELP_NOT_COME_AT_THE_END = (("komt", "niet"), ("kwam", "niet"))


def wants_to_complain(query: str) -> bool:
    typed = words(query)
    pairs = set(zip(typed, typed[1:], strict=False))
    return (
        bool(COMPLAINT_WORDS.intersection(typed))
        or ("klachten" in typed and bool(COMPLAINING_WITH_PLURAL.intersection(typed)))
        or any(pair in pairs for pair in HELP_NOT_COME)
        or has_phrase(typed, NOT_WELL_HELPED)
        or _unhappy_with_the_help(typed)
        or tuple(typed[-2:]) in HELP_NOT_COME_AT_THE_END
        or any(_complaint_in_a_hurry(word) for word in typed)
    )


def _unhappy_with_the_help(typed: list[str]) -> bool:
    return any(
        typed[i : i + 3] == ["niet", "blij", "met"] and HELP_GIVERS.intersection(typed[i + 3 : i + 6])
        for i in range(len(typed))
    )


# Words of who asks what help costs: "wat kost een scootmobiel" found the page on hulpmiddelen, which only
# says that one "meestal" pays an eigen bijdrage, and not the page that says what it is.
COST_WORDS = frozenset(
    {"kost", "kosten", "kostte", "betalen", "betaal", "betaalt", "prijs", "prijzen", "tarief", "gratis"}
)


def asks_about_costs(query: str) -> bool:
    return bool(COST_WORDS.intersection(words(query)))


# Words of someone who disagrees with a decision of the gemeente: "bezwaar maken" counted five voorzieningen
# on the kaart (help whose text says "besluit", which the synonyms join to "bezwaar"). Bezwaar is a way, not
# help.
# "Niet eens met" only with a word of a decision: "ik kan niet eens met de bus" looks for help.
OBJECTION_WORDS = frozenset({"bezwaar", "bezwaren", "bezwaarschrift"})
DECISION_WORDS = frozenset({"besluit", "beschikking", "beslissing", "brief", "gemeente"})


def wants_to_object(query: str) -> bool:
    typed = words(query)
    if OBJECTION_WORDS.intersection(typed):
        return True
    return has_phrase(typed, [("niet", "eens", "met")]) and bool(DECISION_WORDS.intersection(typed))


# Words of someone in crisis: "ik wil dood" and "zelfmoord" found nothing ("0 resultaten") and no way to 113.
# "Dood" alone is not one ("mijn man is dood" looks for help with mourning).
CRISIS_WORDS = frozenset({"zelfmoord", "zelfdoding", "suicide", "suicidaal", "crisis", "113"})
CRISIS_PHRASES = (
    ("wil", "dood"),
    ("dood", "willen"),
    ("niet", "meer", "leven"),
    ("niet", "meer", "willen", "leven"),
    ("eind", "aan", "maken"),
    ("einde", "aan", "maken"),
    ("van", "kant", "maken"),
    ("mezelf", "iets", "aandoen"),
    ("mijzelf", "iets", "aandoen"),
    # The everyday words of despair (a walk's mantelzorger at the end of his strength found no 113): 113
    # Zelfmoordpreventie asks straight out, and the results stand below the note.
    ("trek", "het", "niet", "meer"),
    ("kan", "het", "niet", "meer", "aan"),
    ("wil", "er", "niet", "meer", "zijn"),
    ("wil", "niet", "meer", "verder"),
)
# "ik wil niet meer" as the whole wish: "ik wil niet meer alleen zijn" asks for company.
CRISIS_ENDING = ("wil", "niet", "meer")


def in_crisis(query: str) -> bool:
    typed = words(query)
    return (
        bool(CRISIS_WORDS.intersection(typed))
        or has_phrase(typed, CRISIS_PHRASES)
        or tuple(typed[-len(CRISIS_ENDING) :]) == CRISIS_ENDING
        # "ik zie het (echt, leven) niet meer zitten", "ik zie t niet meer zitten"
        or ("zie" in typed and has_phrase(typed, [("niet", "meer", "zitten")]))
    )


# Words of someone who does not know where to start: "wie kan mij helpen" found six wijken's Burenhulp on the
# kaart ("helpen" is a word of "buren helpen") and "Het gesprek" first in the site search.
WHERE_TO_START = (
    ("wie", "kan", "mij", "helpen"),
    ("wie", "kan", "me", "helpen"),
    ("wie", "helpt", "mij"),
    ("wie", "helpt", "me"),
    ("waar", "kan", "ik", "terecht"),
    ("waar", "moet", "ik", "beginnen"),
    ("waar", "moet", "ik", "heen"),
    ("waar", "moet", "ik", "zijn"),
)


def asks_where_to_start(query: str) -> bool:
    """Only the question itself: "waar kan ik terecht met schulden" names its help, which the search finds.
    Or only that help is wanted, maybe for a family member: "hulp voor mijn zoon" listed home help, with "Het
    woord 'zoon' staat niet op de sociale kaart". Not "hulp" alone (a search of its own, for what is called
    help), nor a friend or a neighbour ("ik zoek een vriend" looks for company, "buurvrouw helpen" for
    Burenhulp)."""
    typed = words(query)
    said = {word for word in typed if word not in STOPWORDS}
    if len(said) >= 2 and not HELP_ITSELF.isdisjoint(said) and said <= ONLY_HELP_WANTED:
        return True
    for phrase in WHERE_TO_START:
        for start in range(len(typed) - len(phrase) + 1):
            if tuple(typed[start : start + len(phrase)]) == phrase:
                rest = typed[:start] + typed[start + len(phrase) :]
                return all(word in STOPWORDS for word in rest)
    return False


def has_phrase(typed: list[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    """Whether one of `phrases` (word tuples) stands, word for word, in the typed words."""
    return any(
        tuple(typed[i : i + len(phrase)]) == phrase
        for phrase in phrases
        for i in range(len(typed) - len(phrase) + 1)
    )


def _complaint_in_a_hurry(word: str) -> bool:
    """One letter off after "kla": "kracht" (strength) is another word, not a typo; and as near to the plural
    ("klachte", "klachtn") it may be the help for "psychische klachten"."""
    if word.startswith("klacht") and len(word) > len("klachten"):  # klachtformulier, klachtenregeling
        return True
    if not word.startswith("kla") or edit_distance(word, "klachten", limit=2) <= 1:
        return False
    return any(edit_distance(word, meant, limit=2) == 1 for meant in TYPED_IN_A_HURRY)
