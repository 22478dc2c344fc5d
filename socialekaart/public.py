"""What other apps may ask of the sociale kaart. They use these functions, never its models or modules.

The melding routes by wijk and the embedded address lookup knows the demo municipality's streets; both
come from here, so the kaart can change its models without the melding noticing.
"""

from dataclasses import dataclass

from socialekaart.demo import gemeente
from socialekaart.models import Wijk


def wijk_for_postcode(postcode: str) -> Wijk | None:
    """The wijk of a Dutch postcode ("3911 AB" or "3911"), or None outside the municipality."""
    if not isinstance(postcode, str) or not postcode:
        return None
    return Wijk.objects.for_postcode(postcode)


def wijken():
    """Every wijk, by name: for choosing one in a form."""
    return Wijk.objects.order_by("name")


def wijk_named(name: str) -> Wijk | None:
    return Wijk.objects.filter(name=name).first()


def make_professional(user) -> None:
    """Put a login in the Professionals group: it then sees the professional kaart (capacity, waiting
    times, professionals' contacts) and may export lists. The backoffice does this for its consulenten and
    teamleiders."""
    from socialekaart.permissions import ensure_professionals_group

    user.groups.add(ensure_professionals_group())


@dataclass(frozen=True)
class DemoAddress:
    street: str
    town: str
    wijk: str


def demo_address(postcode: str) -> DemoAddress | None:
    """Street, town and wijk of a postcode in the fictional demo municipality, or None when it is not ours."""
    found = gemeente.find_address(postcode)
    if found is None:
        return None
    street, town, wijk = found
    return DemoAddress(street, town, wijk.name)


DEMO_MUNICIPALITY = gemeente.GEMEENTE


def demo_postcodes() -> dict[str, list[str]]:
    """Each demo wijk's name with its six-character postcodes, for demo content elsewhere."""
    return {wijk.name: sorted(wijk.streets) for wijk in gemeente.WIJKEN}
