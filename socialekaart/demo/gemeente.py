"""The fictional demo municipality Lindewaard: its wijken, their postcodes and streets.

One source for the sociale kaart's demo data (wijken, locations) and the melding's embedded address
lookup, so a demo postcode always gives the same street, town and wijk. No real addresses or people.
"""

from dataclasses import dataclass, field

GEMEENTE = "Lindewaard"
GEMEENTE_CODE = "9901"  # not a real CBS gemeentecode


@dataclass(frozen=True)
class DemoWijk:
    name: str
    cbs_code: str
    town: str
    centre: tuple[float, float]  # latitude, longitude
    streets: dict[str, str] = field(default_factory=dict)  # PC6 ("3911AB") -> street name

    @property
    def postcodes(self) -> list[str]:
        """The four-digit postcodes (PC4) in this wijk."""
        return sorted({postcode[:4] for postcode in self.streets})


def _streets(pc4: str, names: list[str]) -> dict[str, str]:
    letters = ["AA", "AB", "AC", "AD", "AE", "AG", "AH", "AJ", "AK", "AL"]
    return {f"{pc4}{letter}": name for letter, name in zip(letters, names, strict=False)}


WIJKEN = [
    DemoWijk(
        "Centrum",
        f"WK{GEMEENTE_CODE}01",
        GEMEENTE,
        (52.0912, 5.1210),
        {
            **_streets("3911", ["Marktstraat", "Kerkplein", "Lindelaan", "Torenstraat", "Raadhuisplein"]),
            **_streets("3912", ["Havenstraat", "Smalle Gang", "Brouwersgracht", "Kloosterhof"]),
        },
    ),
    DemoWijk(
        "Oude Haven",
        f"WK{GEMEENTE_CODE}02",
        GEMEENTE,
        (52.0981, 5.1327),
        {
            **_streets("3913", ["Kadeweg", "Schippersstraat", "Visserslaan", "Ankerplein", "Loswal"]),
            **_streets("3914", ["Zeilmakerstraat", "Touwbaan", "Dokweg"]),
        },
    ),
    DemoWijk(
        "Lindehof",
        f"WK{GEMEENTE_CODE}03",
        GEMEENTE,
        (52.0841, 5.1073),
        {
            **_streets("3915", ["Beukenlaan", "Eikenhof", "Wilgenstraat", "Essenplein", "Berkenweg"]),
            **_streets("3916", ["Populierenlaan", "Kastanjehof", "Elzenstraat"]),
        },
    ),
    DemoWijk(
        "De Beemden",
        f"WK{GEMEENTE_CODE}04",
        GEMEENTE,
        (52.0772, 5.1298),
        {
            **_streets("3917", ["Weidelaan", "Slootkant", "Hooibergstraat", "Koeienpad", "Boerderijweg"]),
            **_streets("3918", ["Graslaan", "Klaverhof", "Boterbloemstraat"]),
        },
    ),
    DemoWijk(
        "Molenwijk",
        f"WK{GEMEENTE_CODE}05",
        GEMEENTE,
        (52.1043, 5.1119),
        {
            **_streets("3919", ["Molenweg", "Wiekenstraat", "Korenlaan", "Maalderij", "Bakkershof"]),
            **_streets("3920", ["Graanstraat", "Zeefplein", "Meelweg"]),
        },
    ),
    DemoWijk(
        "Waterkant",
        f"WK{GEMEENTE_CODE}06",
        GEMEENTE,
        (52.0890, 5.1472),
        {
            **_streets("3921", ["Rivierdijk", "Uiterwaard", "Kribbenweg", "Oeverlaan", "Veerstraat"]),
            **_streets("3922", ["Sluisweg", "Gemaalstraat", "Waterhoenlaan"]),
        },
    ),
    DemoWijk(
        "Dorpen Ellekoot en Raveld",
        f"WK{GEMEENTE_CODE}07",
        "Ellekoot",
        (52.0655, 5.0880),
        {
            **_streets("3923", ["Dorpsstraat", "Kerkweg", "Schoolstraat", "Brink"]),
            **_streets("3924", ["Raveldseweg", "Hoeve de Linde", "Akkerweg"]),
        },
    ),
]


def find_address(postcode: str) -> tuple[str, str, DemoWijk] | None:
    """Street, town and wijk for a PC6 postcode in Lindewaard, or None when it is not ours."""
    postcode = postcode.replace(" ", "").upper()
    for wijk in WIJKEN:
        if postcode in wijk.streets:
            town = "Raveld" if postcode.startswith("3924") else wijk.town
            return wijk.streets[postcode], town, wijk
    return None
