"""Sets of documents as bitmasks: bit i is the document at position i of the snapshot (in name order).

Python's big integers make `&`, `|` and `bit_count()` over 100,000 documents cost microseconds.
"""

import re

import numpy

_ONE = re.compile("1")
_WINDOW = 4096
_WINDOW_MASK = (1 << _WINDOW) - 1


def mask_of(positions, size: int) -> int:
    """A bitmask with the given bits set (any iterable of positions, or a numpy array of them)."""
    if not isinstance(positions, numpy.ndarray):
        positions = numpy.fromiter(positions, dtype=numpy.intp)
    booleans = numpy.zeros(size, dtype=bool)
    booleans[positions] = True
    return int.from_bytes(numpy.packbits(booleans, bitorder="little").tobytes(), "little")


def as_booleans(mask: int, size: int) -> numpy.ndarray:
    """The mask as an array of `size` booleans, to pick documents out of numpy arrays."""
    packed = numpy.frombuffer(mask.to_bytes((size >> 3) + 1, "little"), dtype=numpy.uint8)
    return numpy.unpackbits(packed, count=size, bitorder="little").view(bool)


def positions(mask: int) -> list[int]:
    """The set bits of a mask, lowest first (that is: in name order)."""
    return [match.start() for match in _ONE.finditer(bin(mask)[:1:-1])]


def first_positions(mask: int, count: int) -> list[int]:
    """The lowest `count` set bits, reading the mask a window at a time (cheap for page 1 of 100,000)."""
    found: list[int] = []
    base = 0
    while mask and len(found) < count:
        window = mask & _WINDOW_MASK
        if window:
            found += [base + match.start() for match in _ONE.finditer(bin(window)[:1:-1])]
        mask >>= _WINDOW
        base += _WINDOW
    return found[:count]
