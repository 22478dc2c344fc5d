"""The kaart's postcode areas: each four-digit postcode (PC4) of the municipality, with its wijk.

A melding asks for the wijk of its postcode on the check page and again when it is sent (its answers, its
wijk, its team), and a search near a postcode asks for the area's centre. The table is small, one row per
PC4, so each process keeps all of it for the current index token (search/versions.py), which every change
to a wijk or a postcode renews. The rows are shared between requests: read them, never change them.
"""

from .models import WijkPostcode
from .search import versions
from .search.contract import Origin
from .search.geo import pc4


def area(postcode: str) -> WijkPostcode | None:
    """The area of a Dutch postcode ("3911 AB", "3911ab", "3911"), with its wijk; None when it is not one
    of ours or not a postcode."""
    digits = pc4(postcode) if isinstance(postcode, str) else None
    return versions.once_per_token("postcode areas", _all_areas).get(digits) if digits else None


def origin(postcode: str) -> tuple[Origin | None, bool]:
    """Where every search backend measures "near" this postcode from: the area's centre, else its wijk's; and
    whether a given postcode is not one of ours."""
    if not postcode:
        return None, False
    found = area(postcode)
    if found is None:
        return None, True
    latitude = found.latitude if found.latitude is not None else found.wijk.latitude
    longitude = found.longitude if found.longitude is not None else found.wijk.longitude
    if latitude is None or longitude is None:
        return None, False
    return Origin(postcode, found.wijk.slug, found.wijk.name, latitude, longitude), False


def _all_areas() -> dict[str, WijkPostcode]:
    return {row.pc4: row for row in WijkPostcode.objects.select_related("wijk")}
