"""A blind index so consulenten can find a melding by the resident's name while names stay encrypted.

The receiver normalises the name (accents removed, lower case, letters only), splits it into words and
stores a keyed HMAC-SHA256 of each word (truncated to 16 hex characters) on the Behandeling, space-delimited.
A search term gets the same treatment and matches whole words only. Without the key the stored tokens
reveal nothing but equality of words; the key is `BACKOFFICE_BLIND_INDEX_KEY` (falling back to a key
derived from SECRET_KEY). Changing the key needs `manage.py rebuild_name_index`.
"""

import hashlib
import hmac
import re
import unicodedata

from django.conf import settings

_NON_LETTERS = re.compile(r"[^a-z]+")
# Words too common in Dutch names to be useful alone are still indexed; only 1-letter initials are skipped.
_MIN_LENGTH = 2


def _key() -> bytes:
    configured = settings.BACKOFFICE_BLIND_INDEX_KEY
    if configured:
        return configured.encode()
    return hashlib.sha256(b"backoffice-name-index:" + settings.SECRET_KEY.encode()).digest()


def name_words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return [word for word in _NON_LETTERS.split(plain) if len(word) >= _MIN_LENGTH]


def word_token(word: str) -> str:
    return hmac.new(_key(), word.encode(), hashlib.sha256).hexdigest()[:16]


def name_index(name: str) -> str:
    tokens = sorted({word_token(word) for word in name_words(name)})
    return f" {' '.join(tokens)} " if tokens else ""


def search_tokens(query: str) -> list[str]:
    return [word_token(word) for word in name_words(query)]


def address_token(postcode: str, huisnummer: str) -> str:
    """A keyed hash of postcode and house number ("3911ab" and "3911 AB", "012" and "12" are the same), for
    "Waar staat mijn melding?": the address is checked without being stored in plain text. Empty when
    either part is missing."""
    code = re.sub(r"\s+", "", postcode or "").upper()
    number = (huisnummer or "").strip().lstrip("0")
    if not code or not number:
        return ""
    return hmac.new(_key(), f"adres:{code}:{number}".encode(), hashlib.sha256).hexdigest()[:32]


def address_index(answers) -> str:
    """The address token of a melding's typed answers (meldingen/answers.py)."""
    return address_token(answers.postcode, answers.resident.text("huisnummer"))
