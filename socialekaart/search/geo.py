"""Distances for "near postcode X": the PC4 area's centre point and the great-circle distance."""

import math
import re

EARTH_RADIUS_KM = 6371.0088
# With a postcode, in a search with words, a place this far away weighs half as much as one next door (a
# quarter at twice the distance), in both backends: a walk's son read "Dagbesteding" 4.7 km away above the one
# 0.2 km from his mother, both as good a match.
HALF_WEIGHT_KM = 10.0
_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})?\s*$")


def pc4(postcode: str) -> str | None:
    """The four digits of a Dutch postcode ("3911 AB", "3911ab", "3911"), or None if it is not one."""
    match = _POSTCODE.match(postcode or "")
    return match.group(1) if match else None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))
