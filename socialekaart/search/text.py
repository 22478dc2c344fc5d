"""The kaart's search reads its Dutch text analysis from core (the site search shares it)."""

from core.search_text import (  # noqa: F401
    DIMINUTIVE_PLURAL,
    STOPWORDS,
    allowed_typos,
    content_words,
    edit_distance,
    is_dutch_word,
    join_written_apart,
    normalise,
    possible_compounds,
    split_vague_words,
    stem,
    stemmed_text,
    trigram_similarity,
    trigrams,
    words,
)
