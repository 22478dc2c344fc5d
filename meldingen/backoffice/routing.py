"""Routing: a melding goes to the wijkteam of its wijk (postcode → wijk → team)."""

from meldingen.backoffice.models import Team
from socialekaart.models import Wijk


def wijk_for(melding):
    """The melding's own wijk, or the wijk of the postcode in its answers."""
    if melding.wijk_id:
        return melding.wijk
    postcode = (melding.answers or {}).get("gegevens", {}).get("postcode", "")
    return Wijk.objects.for_postcode(postcode) if isinstance(postcode, str) and postcode else None


def team_for(melding):
    return Team.for_wijk(wijk_for(melding))
