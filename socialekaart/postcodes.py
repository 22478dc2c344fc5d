"""The kaart's postcode areas: each four-digit postcode (PC4) of the municipality, with its wijk.

A melding asks for the wijk of its postcode on the check page and again when it is sent (its answers, its
wijk, its team), and a search near a postcode asks for the area's centre. The table is small, one row per
PC4, so each process keeps all of it for the current index token (search/versions.py), which every change
to a wijk or a postcode renews. The rows are shared between requests: read them, never change them.
"""

from .models import WijkPostcode
from .search import versions


def area(pc4: str | None) -> WijkPostcode | None:
    """The area of a four-digit postcode, with its wijk; None when the postcode is not one of ours."""
    return versions.once_per_token("postcode areas", _all_areas).get(pc4) if pc4 else None


def _all_areas() -> dict[str, WijkPostcode]:
    return {row.pc4: row for row in WijkPostcode.objects.select_related("wijk")}
