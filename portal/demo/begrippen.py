"""The begrippenlijst of the demo site: words about the Wmo, each with a short explanation at B1 level.

`variants` are the forms a page may use (plural, short form, other spelling); the first one on a page
is explained in place.
"""

BEGRIPPEN = [
    {
        "term": "Wmo",
        "variants": ["Wmo", "Wmo 2015", "Wet maatschappelijke ondersteuning"],
        "uitleg": "De wet die zegt dat de gemeente mensen helpt die thuis hulp nodig hebben. "
        "Zo kunnen zij zo lang mogelijk thuis wonen en meedoen.",
    },
    {
        "term": "melding",
        "variants": ["melding", "meldingen", "Wmo-melding", "Wmo-meldingen"],
        "uitleg": "U laat de gemeente weten dat u hulp nodig hebt. Dat kan op papier, "
        "online of door te bellen. Daarna gaat de gemeente met u praten.",
    },
    {
        "term": "aanvraag",
        "variants": ["aanvraag", "aanvragen", "aanvraagformulier"],
        "uitleg": "Na het gesprek vraagt u de hulp echt aan. Dat is de aanvraag. "
        "Daarna neemt de gemeente een besluit.",
    },
    {
        "term": "beschikking",
        "variants": ["beschikking", "beschikkingen"],
        "uitleg": "De brief met het besluit van de gemeente. Daarin staat welke hulp u krijgt "
        "en voor hoe lang. Of waarom u geen hulp krijgt.",
    },
    {
        "term": "maatwerkvoorziening",
        "variants": ["maatwerkvoorziening", "maatwerkvoorzieningen"],
        "uitleg": "Hulp die de gemeente speciaal voor u regelt, omdat u die nodig hebt. "
        "Bijvoorbeeld hulp in huis of een rolstoel. U vraagt die hulp aan.",
    },
    {
        "term": "algemene voorziening",
        "variants": ["algemene voorziening", "algemene voorzieningen"],
        "uitleg": "Hulp waar iedereen zonder aanvraag heen kan. Bijvoorbeeld een buurthuis, "
        "een maaltijdservice of een klussendienst.",
    },
    {
        "term": "keukentafelgesprek",
        "variants": ["keukentafelgesprek", "keukentafelgesprekken", "het gesprek"],
        "uitleg": "Het gesprek met iemand van de gemeente over uw situatie. Vaak bij u thuis, "
        "aan de keukentafel. Samen zoekt u uit welke hulp past.",
    },
    {
        # A walk: the editor's taalcheck named "consulent" a little-known word on the page that explains it.
        "term": "consulent",
        "variants": ["consulent", "consulenten", "Wmo-consulent"],
        "uitleg": "De medewerker van de gemeente die met u praat over uw melding. "
        "Samen met u zoekt de consulent uit welke hulp past.",
    },
    {
        "term": "cliëntondersteuner",
        "variants": [
            "cliëntondersteuner",
            "cliëntondersteuners",
            "cliëntondersteuning",
            "onafhankelijke cliëntondersteuning",
        ],
        "uitleg": "Iemand die naast u staat en u helpt bij de gemeente. Hij of zij werkt niet "
        "voor de gemeente. Dit is gratis.",
    },
    {
        "term": "mantelzorger",
        "variants": ["mantelzorger", "mantelzorgers", "mantelzorg"],
        "uitleg": "Iemand die lang en vaak zorgt voor een naaste die ziek is of een beperking heeft. "
        "Bijvoorbeeld voor een partner, ouder, kind of buur. Dit is geen betaald werk.",
    },
    {
        "term": "pgb",
        "variants": ["pgb", "persoonsgebonden budget", "persoonsgebonden budgetten"],
        "uitleg": "Geld van de gemeente waarmee u zelf uw hulp kiest en betaalt. "
        "U regelt dan ook zelf de afspraken en de papieren.",
    },
    {
        "term": "zorg in natura",
        "variants": ["zorg in natura", "ZIN"],
        "uitleg": "De gemeente regelt en betaalt de hulp voor u. U kiest uit de aanbieders "
        "waarmee de gemeente afspraken heeft.",
    },
    {
        "term": "eigen bijdrage",
        "variants": ["eigen bijdrage", "eigen bijdragen", "abonnementstarief"],
        # Not what the pages say next to it ("Dat is een vast bedrag per maand."): a walk read it twice.
        "uitleg": "Het bedrag dat u zelf betaalt voor hulp uit de Wmo. "
        "Het wordt niet hoger als u meer hulp krijgt.",
    },
    {
        "term": "HHT",
        "variants": ["HHT", "Huishoudelijke Hulp Toelage", "HHT-regeling"],
        "uitleg": "Een regeling van Lindewaard. Met de HHT koopt u hulp in huis voor een lage prijs per uur. "
        "U hebt er geen besluit van de gemeente voor nodig.",
    },
    {
        "term": "respijtzorg",
        "variants": ["respijtzorg"],
        "uitleg": "Zorg die de zorg van een mantelzorger even overneemt. Zo kan de mantelzorger "
        "rusten of op vakantie gaan.",
    },
    {
        "term": "wijkteam",
        "variants": ["wijkteam", "wijkteams", "sociaal wijkteam"],
        "uitleg": "Een groep hulpverleners in uw wijk. U kunt er zonder afspraak terecht met vragen "
        "over zorg, geld, wonen en opvoeden.",
    },
    {
        "term": "indicatie",
        "variants": ["indicatie", "indicaties"],
        "uitleg": "Het besluit hoeveel hulp u nodig hebt en voor hoe lang. Dat staat in de beschikking.",
    },
    {
        "term": "persoonlijk plan",
        "variants": ["persoonlijk plan", "persoonlijke plannen"],
        "uitleg": "Een plan dat u zelf schrijft over uw situatie en de hulp die u wilt. "
        "U mag het binnen 7 dagen na de melding inleveren. Het hoeft niet.",
    },
    {
        "term": "CAK",
        "variants": ["CAK", "het CAK"],
        "uitleg": "Een bureau van de overheid. Het CAK rekent de eigen bijdrage voor de Wmo uit. "
        "U krijgt de rekening van het CAK, niet van de gemeente.",
    },
    {
        "term": "bezwaar",
        "variants": ["bezwaar", "bezwaren", "bezwaar maken", "bezwaarschrift"],
        "uitleg": "U bent het niet eens met een besluit van de gemeente. Dat laat u weten in een brief. "
        "Dat doet u binnen 6 weken. Die tijd begint de dag nadat wij u het besluit stuurden.",
    },
    {
        "term": "sociale kaart",
        "variants": ["sociale kaart", "de sociale kaart"],
        "uitleg": "Een lijst op deze website met hulp, activiteiten en organisaties in Lindewaard. "
        "U zoekt op onderwerp en op wijk.",
    },
    {
        "term": "aanbieder",
        "variants": ["aanbieder", "aanbieders", "zorgaanbieder", "zorgaanbieders"],
        "uitleg": "Een organisatie die de hulp geeft, zoals een thuiszorgbedrijf. "
        "De gemeente heeft afspraken met de aanbieders.",
    },
    {
        "term": "dagbesteding",
        "variants": ["dagbesteding"],
        "uitleg": "Een plek waar u overdag samen met anderen iets zinvols doet. "
        "Bijvoorbeeld koken, tuinieren of creatief werk.",
    },
    {
        "term": "begeleiding",
        "variants": ["begeleiding", "individuele begeleiding"],
        "uitleg": "Hulp om uw dag en uw leven op orde te houden. Bijvoorbeeld bij post, geld of afspraken.",
    },
    {
        "term": "wijkverpleging",
        "variants": ["wijkverpleging", "wijkverpleegkundige", "wijkverpleegkundigen"],
        "uitleg": "Zorg thuis van een verpleegkundige, zoals hulp bij wassen, aankleden of medicijnen. "
        "Uw zorgverzekering betaalt het, niet de gemeente.",
    },
]
