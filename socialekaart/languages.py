"""The languages a voorziening lists: kept as codes (ISO 639, as HSDS has them), shown and typed by their
Dutch names ("Nederlands, Engels"); a code not listed here is kept and shown as it is."""

import functools
import re

from django.utils.translation import gettext_lazy

from core.search_text import normalise

NAMES = {
    "nl": gettext_lazy("Nederlands"),
    "en": gettext_lazy("Engels"),
    "de": gettext_lazy("Duits"),
    "fr": gettext_lazy("Frans"),
    "es": gettext_lazy("Spaans"),
    "pt": gettext_lazy("Portugees"),
    "it": gettext_lazy("Italiaans"),
    "pl": gettext_lazy("Pools"),
    "ro": gettext_lazy("Roemeens"),
    "bg": gettext_lazy("Bulgaars"),
    "tr": gettext_lazy("Turks"),
    "ar": gettext_lazy("Arabisch"),
    "ber": gettext_lazy("Berbers"),
    "zgh": gettext_lazy("Berbers"),
    "ti": gettext_lazy("Tigrinya"),
    "so": gettext_lazy("Somalisch"),
    "fa": gettext_lazy("Perzisch"),
    "prs": gettext_lazy("Dari"),
    "uk": gettext_lazy("Oekraïens"),
    "ru": gettext_lazy("Russisch"),
    "zh": gettext_lazy("Chinees"),
    "hi": gettext_lazy("Hindi"),
    "ur": gettext_lazy("Urdu"),
    "pap": gettext_lazy("Papiaments"),
    "srn": gettext_lazy("Surinaams"),
    "fy": gettext_lazy("Fries"),
    "sgn": gettext_lazy("Gebarentaal"),
    "ngt": gettext_lazy("Nederlandse Gebarentaal"),
}
CODE = re.compile(r"[a-z]{2,3}")


def name(code: str) -> str:
    return str(NAMES.get(code.lower(), code))


def names(codes) -> str:
    """ "Nederlands, Engels": as the kaart shows them."""
    return ", ".join(name(str(code)) for code in (codes or []))


@functools.cache
def _codes_by_name() -> dict[str, str]:
    """A name typed gives the first code with that name (Berbers: ber), with or without its accents (a walk's
    provider typed "Oekraiens"). Built on first use: a lazy name is only read once Django's translations
    are ready."""
    codes = {}
    for code, known in NAMES.items():
        codes.setdefault(normalise(str(known)), code)
    return codes


def as_typed(codes) -> str:
    """The codes as a form shows them to be typed again: by name, or as the code where the name would come
    back as another code (zgh, whose name is ber's)."""
    by_name = _codes_by_name()
    return ", ".join(
        name(code) if by_name.get(normalise(name(code))) == code.lower() else code
        for code in map(str, codes or [])
    )


def parse(typed: str) -> tuple[list[str], list[str]]:
    """(codes, what was not understood) from names or codes with commas between them ("Nederlands, en"); codes
    may also stand with spaces between them ("nl en ar")."""
    by_name = _codes_by_name()
    codes, wrong = [], []
    for part in re.split(r"[,;\n]+", typed or ""):
        part = normalise(" ".join(part.split()))
        if part in by_name:
            codes.append(by_name[part])
            continue
        for word in part.split():  # "nl en ar", or names without commas
            code = by_name.get(word) or (word if CODE.fullmatch(word) else None)
            (codes if code else wrong).append(code or word)
    return list(dict.fromkeys(codes)), wrong


def named(typed: str) -> list[str]:
    """The codes of the languages `typed` names, by their names only ("Turks en Koerdisch": tr, ku): not
    every word of two or three letters, as `parse` reads codes ("de Turkse taal" is no German)."""
    by_name = _codes_by_name()
    words = re.findall(r"[^\W\d_]+", normalise(typed or ""))  # "Turks, Arabisch." as words
    return list(dict.fromkeys(by_name[word] for word in words if word in by_name))
