"""From HTML to plain text, and from plain text to sentences and words.

Each heading, paragraph and list item is a block of its own: it ends a sentence even without a full
stop, as readers take it. Within a block, sentences end at `.`, `!`, `?` or `…`, except after a Dutch
abbreviation (bijv., o.a., d.w.z. ...), an initial (J. de Vries) or a list number at the start of a
block (1. Doe een melding). Dots inside numbers (8.30 uur, 1.000) and amounts (€ 7,50) never end one.
"""

import re
from html import unescape
from html.parser import HTMLParser

# Tags whose start and end separate blocks of text.
BLOCK_TAGS = frozenset(
    """
    address article aside blockquote br caption dd details div dl dt figcaption figure footer form h1 h2
    h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul
    """.split()  # noqa: SIM905 (a word list reads best as text)
)
SKIPPED_TAGS = frozenset({"script", "style", "template", "noscript"})

# Abbreviations after which a full stop does not end the sentence (lower case, with their dots).
ABBREVIATIONS = frozenset(
    """
    a.d.h.v. a.s. a.u.b. aanv. adv. afd. alg. art. bijv. blz. bv. bijl. c.q. ca. d.d. d.m.v. d.w.z. dhr.
    dr. drs. e.a. e.d. e.e.a. e.v. enz. etc. evt. excl. fa. gem. i.c.m. i.o.m. i.p.v. i.s.m. i.v.m.
    incl. ing. ir. jl. jr. m.a.w. m.b.t. m.b.v. m.i.v. m.n. mevr. mr. mw. n.a.v. n.b. n.v.t. nl. nr.
    o.a. o.b.v. o.i.d. o.l.v. o.m. o.v.v. p.p. p.w. prof. resp. s.v.p. sr. t.a.v. t.b.v. t.g.v. t.o.v.
    t.z.t. tel. v.a. v.w.b. vgl. vnl. vs. z.o.z. zgn.
    """.split()  # noqa: SIM905 (a word list reads best as text)
)
# Abbreviations that often close a sentence: a capital letter after them starts a new one.
SENTENCE_FINAL_ABBREVIATIONS = frozenset({"enz.", "etc.", "e.d.", "e.a.", "e.v.", "jl.", "o.i.d."})

# A candidate sentence end: closing punctuation, optional closing quotes/brackets, then white space.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*\s+")
_LIST_NUMBER = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z]\))\s+")
_INITIAL = re.compile(r"^[A-Z]\.$")
_DOTTED = re.compile(r"^(?:[a-z]\.){2,}$", re.IGNORECASE)  # unknown dotted abbreviations like h.h.

# A word: letters (with inner hyphens or apostrophes: Wmo-melding, 's avonds, cliënt's) or a number
# (8.30, 7,50, 2026). "€" and other signs are not words.
WORD = re.compile(r"'?[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,:]\d+)*", re.UNICODE)
# E-mail and web addresses: a reader copies them, and does not read them as words.
_ADDRESS = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+", re.IGNORECASE)
_NUMBER = re.compile(r"^\d")


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self._skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text as a reader meets it: one block (heading, paragraph, list item) per line."""
    if not html:
        return ""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = unescape("".join(parser.parts))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def blocks(text: str) -> list[str]:
    """The text's blocks: its non-empty lines, white space collapsed."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return [line for line in lines if line]


def _is_sentence_end(block: str, start: int, match: re.Match) -> bool:
    punctuation = match.group().rstrip()
    if not punctuation.startswith(".") or punctuation.startswith(".."):
        return True
    token = block[start : match.start()].split()[-1:] or [""]
    word = token[0].lstrip("(\"'‘“") + "."
    lowered = word.lower()
    following = block[match.end() : match.end() + 1]
    if lowered in SENTENCE_FINAL_ABBREVIATIONS:
        return following.isupper()
    return not (lowered in ABBREVIATIONS or _INITIAL.match(word) or _DOTTED.match(word))


def split_block(block: str) -> list[str]:
    """The sentences of one block of text."""
    numbered = _LIST_NUMBER.match(block)
    if numbered and len(block) > numbered.end():
        block = block[numbered.end() :]  # "1. Doe een melding": the number is not a sentence
    sentences, start = [], 0
    for match in _BOUNDARY.finditer(block):
        if _is_sentence_end(block, start, match):
            sentences.append(block[start : match.end()].strip())
            start = match.end()
    sentences.append(block[start:].strip())
    return [sentence for sentence in sentences if words(sentence)]


def split_sentences(text: str) -> list[str]:
    """All sentences of a plain text (as `html_to_text` gives it), in reading order."""
    return [sentence for block in blocks(text) for sentence in split_block(block)]


def words(sentence: str) -> list[str]:
    """The words of a sentence, numbers included; e-mail and web addresses left out."""
    return WORD.findall(_ADDRESS.sub(" ", sentence))


def is_number(word: str) -> bool:
    return bool(_NUMBER.match(word))


def letters(word: str) -> int:
    """How many letters a word has (for LIX): hyphens and apostrophes do not count."""
    return sum(1 for char in word if char.isalpha())
