"""Reference numbers people can read out on the phone (a melding's M-, a signal's S-, a complaint's K-): no
0/O, 1/I/L or 5/S look-alikes."""

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRTUVWXYZ"


def new_reference(prefix: str) -> str:
    """Like M-7K3Q-XW9P: 8 characters from a 30-letter alphabet, about 6.5e11 possibilities."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{prefix}-{chars[:4]}-{chars[4:]}"


def as_typed(text: str, prefix: str, *, read_off: bool = False) -> str | None:
    """A whole reference however a person typed it ("m 7k3q xw9p", "7K3QXW9P") in the stored form; None when
    the text is not 8 characters, or 9 with the prefix in front, whatever the dashes and spaces in it.

    `read_off`: the field asks for nothing but a reference (an M- or K- one), read off a letter or a screen,
    or heard, so an S is the 5 it resembles and an I the Y it sounds like (a reference has no S or I); an IJ
    is a Y too, as Dutch writes the Y it hears, where an I alone leaves too many characters. Not where a
    name may be typed too: "Verkerks" would become one."""
    plain = "".join(ch for ch in text.upper() if ch.isalnum())
    if read_off:
        plain = plain.replace("S", "5")
        heard = plain.replace("I", "Y")
        plain = heard if _without_prefix(heard, prefix) else plain.replace("IJ", "Y").replace("I", "Y")
    plain = _without_prefix(plain, prefix)
    return f"{prefix}-{plain[:4]}-{plain[4:]}" if plain else None


def _without_prefix(plain: str, prefix: str) -> str | None:
    """The 8 characters of a reference typed with or without its prefix; None for any other length."""
    if len(plain) == 9 and plain.startswith(prefix):  # with the M in front: M-MK3Q-XW9P has one of its own
        plain = plain[1:]
    return plain if len(plain) == 8 else None


def spelled(reference: str) -> str:
    """ "M 5 8 R C 4 8 R Y": a screen reader says each character (it read "58" as fifty-eight)."""
    return " ".join(reference.replace("-", ""))


def is_possible(reference: str) -> bool:
    """Whether a reference in its stored form ("M-7K3Q-XW9P", from `as_typed`) has only the alphabet's
    characters: "M-1234-5678" and "M-HALL-OOOO" were never made."""
    return set(reference[2:].replace("-", "")) <= set(ALPHABET)
