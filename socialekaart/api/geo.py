"""Distances on the earth's surface, for "within N metres of a postcode"."""

import math

EARTH_RADIUS_KM = 6371.0088


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine) between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def within(rows, centre: tuple[float, float], radius_km: float) -> dict:
    """{pk: distance in km} of the (pk, latitude, longitude) rows at most `radius_km` from the centre."""
    found = {}
    for pk, latitude, longitude in rows:
        if latitude is None or longitude is None:
            continue
        distance = distance_km(centre, (latitude, longitude))
        if distance <= radius_km:
            found[pk] = round(distance, 3)
    return found
