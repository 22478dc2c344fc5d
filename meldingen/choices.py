"""The fixed answer options of the melding, shared by the forms, the model and the summary."""

from django.utils.translation import gettext_lazy as _

VOOR_WIE = [
    ("zelf", _("Voor mezelf")),
    ("mantelzorger", _("Voor iemand anders: ik ben mantelzorger")),
    ("familie", _("Voor iemand anders: ik ben familie")),
    ("professional", _("Voor iemand anders: ik doe dit voor mijn werk")),
]
# Each choice says all it means (a list above them said it once more): what the short route asks, and why
# one would tell more now.
SOORT = [
    (
        "kort",
        _(
            "Kort: alleen mijn naam, adres en telefoonnummer, en of het dringend is. De gemeente belt mij "
            "voor een gesprek."
        ),
    ),
    (
        "uitgebreid",
        _(
            "Uitgebreid: ik vertel nu al meer over mijn situatie. Zo kan de gemeente het gesprek goed "
            "voorbereiden."
        ),
    ),
]
# For someone else (see forms.Wording): {persoon} is "de persoon", "uw familielid" or "uw cliënt".
SOORT_ANDER = [
    # Whose: "naam, adres en telefoonnummer" left the writer, whose own details were asked already, guessing.
    (
        "kort",
        _(
            "Kort: de naam en het adres van {persoon}, en of het dringend is. Daarna belt de gemeente voor "
            "een gesprek."
        ),
    ),
    # Not "ik vertel ... over de situatie van uw cliënt": the writer speaks and is spoken to in one line.
    (
        "uitgebreid",
        _(
            "Uitgebreid: nu al meer vertellen over de situatie van {persoon}. Zo kan de gemeente het gesprek "
            "goed voorbereiden."
        ),
    ),
]
ONDERWERPEN = [
    ("huishouden", _("Hulp bij het huishouden")),
    # A walk: a widower whose wife did the cooking and shopping found no box for it.
    ("eten", _("Eten, koken of boodschappen")),
    ("begeleiding", _("Begeleiding")),
    ("dagbesteding", _("Dagbesteding")),
    ("vervoer", _("Vervoer")),
    ("woning", _("Woning aanpassen")),
    ("hulpmiddel", _("Een hulpmiddel, zoals een rolstoel of scootmobiel")),
    ("mantelzorg", _("Rust voor de mantelzorger")),
    # A walk: a widower who felt alone had only "Iets anders", and had to put it in words.
    ("ontmoeting", _("Minder alleen zijn, mensen ontmoeten")),
    ("anders", _("Iets anders")),
]
JA_NEE = [("ja", _("Ja")), ("nee", _("Nee"))]
TOESTEMMING = [
    ("akkoord", _("Ja, de persoon weet ervan en is het ermee eens")),
    ("niet_akkoord", _("De persoon weet ervan, maar is het er niet mee eens")),
    ("weet_niet", _("De persoon weet het nog niet")),
    ("kan_niet_beslissen", _("De persoon kan dit zelf niet goed beslissen, bijvoorbeeld door dementie")),
]
TOESTEMMING_ANDER = [
    ("akkoord", _("Ja, {persoon} weet ervan en is het ermee eens")),
    ("niet_akkoord", _("{Persoon} weet ervan, maar is het er niet mee eens")),
    ("weet_niet", _("{Persoon} weet het nog niet")),
    # A mother with dementia fitted none of the other three.
    ("kan_niet_beslissen", _("{Persoon} kan dit zelf niet goed beslissen, bijvoorbeeld door dementie")),
]
# A professional may not make a melding for a client who does not know of it (the page for professionals
# says so): a walk's nurse could answer "Uw cliënt weet het nog niet" and send her client's health data.
TOESTEMMING_PROFESSIONAL = [code for code in TOESTEMMING_ANDER if code[0] != "weet_niet"]
PLEK = [
    ("thuis", _("Bij mij thuis")),
    ("telefoon", _("Aan de telefoon")),
    ("elders", _("Ergens anders")),
]
PLEK_ANDER = [
    ("thuis", _("Bij {persoon} thuis")),
    ("telefoon", _("Aan de telefoon")),
    ("elders", _("Ergens anders")),
]
WIE_ERBIJ = [
    ("mantelzorger", _("Een mantelzorger of familielid")),
    ("clientondersteuner", _("Een onafhankelijke cliëntondersteuner")),
    ("anders", _("Iemand anders")),
]
# For someone else the writer may come too: a walk's nurse had only "Iemand anders" to say she would. A
# mantelzorger or family member who ticks it is not also "Een mantelzorger of familielid" (two people then).
WIE_ERBIJ_ANDER = [
    ("melder", _("Ik kom zelf ook")),
    ("mantelzorger", _("Een ander familielid of een mantelzorger")),
    *WIE_ERBIJ[1:],
]
WIE_ERBIJ_PROFESSIONAL = [("melder", _("Ik kom zelf ook")), *WIE_ERBIJ]


def label(choices, value) -> str:
    return str(dict(choices).get(value, value or ""))
