"""The default Dutch taxonomy of the sociale kaart and the starting synonyms. Editors can change both."""

from pathlib import Path

THEMAS = [
    ("huishouden", "Huishouden", "Hulp bij schoonmaken, wassen en boodschappen."),
    ("begeleiding", "Begeleiding", "Hulp om uw dag te plannen en zelf dingen te regelen."),
    ("dagbesteding", "Dagbesteding", "Overdag samen met anderen iets doen dat bij u past."),
    ("mantelzorg", "Mantelzorg", "Steun voor wie zorgt voor een naaste."),
    ("ontmoeting", "Ontmoeting en eenzaamheid", "Andere mensen ontmoeten en samen iets doen."),
    ("vervoer", "Vervoer", "Vervoer naar de dokter, de winkel of een activiteit."),
    ("wonen", "Wonen", "Veilig en prettig wonen, ook als het lastiger wordt."),
    ("hulpmiddelen", "Hulpmiddelen", "Een rolstoel, scootmobiel of aanpassing in huis."),
    ("geld", "Geld en schulden", "Hulp bij rekeningen, formulieren en schulden."),
    ("maaltijden", "Maaltijden", "Een warme maaltijd thuis of samen eten."),
    (
        "clientondersteuning",
        "Cliëntondersteuning",
        "Iemand die u helpt bij de gemeente, maar niet voor de gemeente werkt.",
    ),
    ("gezondheid", "Gezondheid", "Gezond blijven, bewegen en goed slapen."),
    ("opvoeden", "Opvoeden", "Vragen over kinderen en opvoeden."),
    ("vrijwilligerswerk", "Vrijwilligerswerk", "Iets doen voor een ander, of hulp van een vrijwilliger."),
    ("veiligheid", "Geweld thuis", "Hulp bij geweld thuis, of als u zich zorgen maakt over iemand."),
]

DOELGROEPEN = [
    ("ouderen", "Ouderen", "Mensen van 65 jaar en ouder."),
    ("mantelzorgers", "Mantelzorgers", "Mensen die zorgen voor een naaste."),
    ("jongeren", "Jongeren", "Jongeren tot 23 jaar."),
    ("volwassenen", "Volwassenen", "Mensen van 18 tot 65 jaar."),
    ("beperking", "Mensen met een beperking", "Mensen met een lichamelijke of verstandelijke beperking."),
    (
        "ggz",
        "Mensen met psychische klachten",
        "Bijvoorbeeld als u vaak somber of angstig bent. Ook wel: ggz.",
    ),
    ("gezinnen", "Gezinnen", "Ouders en hun kinderen."),
    ("nieuwkomers", "Nieuwkomers", "Mensen die nog niet lang in Nederland wonen."),
]

SYNONIEMEN_FILE = Path(__file__).with_name("synoniemen.txt")


def starting_synonyms() -> list[str]:
    """The starting vocabulary (synoniemen.txt): one group of words with the same meaning per line."""
    lines = SYNONIEMEN_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
