"""A Dutch postcode as people type it ("3911ab", " 3911 AB ") and as it is kept ("3911 AB")."""

import re

POSTCODE_RE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")


def normalise_postcode(postcode: str) -> str | None:
    """'3911ab' -> '3911 AB'; None when it is not a Dutch postcode."""
    match = POSTCODE_RE.match(postcode or "")
    if not match:
        return None
    return f"{match.group(1)} {match.group(2).upper()}"
