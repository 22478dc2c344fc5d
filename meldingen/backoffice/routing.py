"""Routing: a melding goes to the wijkteam of its wijk (postcode → wijk → team)."""

from meldingen.backoffice.models import Wijkteam
from socialekaart import public as kaart


def wijk_for(melding):
    """The melding's own wijk, or the wijk of the postcode in its answers."""
    if melding.wijk_id:
        return melding.wijk
    return kaart.wijk_for_postcode(melding.typed_answers.postcode)


def team_for(melding):
    return Wijkteam.for_wijk(wijk_for(melding))
