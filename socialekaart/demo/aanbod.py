# ruff: noqa: E501  (Dutch prose in data rows reads better unbroken)
"""Fictional organisations and the kinds of voorzieningen they offer in Lindewaard (demo data only).

Each `Soort` is a kind of voorziening; the loader offers every soort through several organisations in
different wijken, so every thema and every wijk has voorzieningen. No real organisations or people.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Soort:
    key: str
    name: str  # "{wijk}" becomes the wijk's name; without it the organisation's name is added
    summary: str
    description: str
    themas: tuple[str, ...]
    doelgroepen: tuple[str, ...]
    toegang: str = "vrij"
    kosten: str = "gratis"
    kosten_bedrag: str | None = None
    kosten_toelichting: str = ""
    beperkte_plaatsen: bool = False
    hele_gemeente: bool = False
    aan_huis: bool = False  # it comes to the home: no distance, no entrance on the kaart
    inloop: bool = False
    schedule: tuple[tuple[int, str, str], ...] = ((1, "09:00", "12:00"), (3, "09:00", "12:00"))
    talen: tuple[str, ...] = ("nl",)
    leeftijd: tuple[int | None, int | None] = (None, None)
    aanbieders: int = 5  # how many organisations (each in another wijk) offer it
    aanmelden: str = ""  # its own words under "Hoe meldt u zich aan?", else those of its access


WERKDAGEN = tuple((day, "09:00", "17:00") for day in range(1, 6))
DAG_EN_NACHT = tuple((day, "00:00", "23:59") for day in range(1, 8))
OCHTENDEN = tuple((day, "09:00", "12:30") for day in range(1, 6))
# The Wmo-loket's hours, as the demo's footer gives them (MUNICIPALITY_PHONE_HOURS left as it is), and its own
# way in: a melding, not a form of its own.
LOKET = tuple((day, "08:30", "17:00") for day in range(1, 6))
VIA_DE_MELDING = (
    "Doe een melding op deze website of bel het Wmo-loket. Na een gesprek krijgt u een brief met ons besluit: "
    "de beschikking."
)

# The gemeente itself, at the Wmo-loket: the loader gives it the number, e-mail address and office the rest of
# the site gives (its voorzieningen gave three other addresses and numbers).
GEMEENTE = "Gemeente Lindewaard, team Wmo"

# What the eigen bijdrage is, beside "Eigen bijdrage": "U betaalt de eigen bijdrage voor de Wmo." explained
# nothing to a walk's resident.
EIGEN_BIJDRAGE = "Dat is een vast bedrag per maand, hoeveel hulp u ook krijgt. Het CAK stuurt de rekening."

SOORTEN = [
    # huishouden
    Soort(
        "hbh",
        "Hulp bij het huishouden {wijk}",
        "Iemand maakt uw huis schoon. U krijgt dit via de gemeente.",
        "Een vaste hulp komt elke week of elke twee weken. De hulp maakt schoon en doet de was. "
        "U vraagt dit aan bij de gemeente met een melding.",
        ("huishouden",),
        ("ouderen", "beperking"),
        toegang="beschikking",
        kosten="eigen_bijdrage",
        kosten_toelichting=EIGEN_BIJDRAGE,
        beperkte_plaatsen=True,
        schedule=WERKDAGEN,
        aanbieders=6,
        aan_huis=True,
    ),
    Soort(
        "was",
        "Was- en strijkservice {wijk}",
        "Wij halen uw was op en brengen die schoon terug.",
        "U zet de was klaar in een tas. Wij halen die op dinsdag op. Op vrijdag krijgt u alles schoon terug.",
        ("huishouden",),
        ("ouderen", "volwassenen"),
        kosten="bedrag",
        kosten_bedrag="7.50",
        kosten_toelichting="U betaalt € 7,50 per tas.",
        schedule=((2, "09:00", "12:00"), (5, "13:00", "16:00")),
        aan_huis=True,
    ),
    Soort(
        "klussen",
        "Klussendienst {wijk}",
        "Een vrijwilliger helpt met kleine klussen in huis.",
        "Een lamp vervangen of een kast ophangen? Een vrijwilliger komt bij u langs.",
        ("huishouden", "wonen", "vrijwilligerswerk"),
        ("ouderen",),
        kosten="bedrag",
        kosten_bedrag="2.50",
        kosten_toelichting="U betaalt € 2,50 per klus en het materiaal.",
        aanbieders=3,
        aan_huis=True,
    ),
    # begeleiding
    Soort(
        "begeleiding",
        "Begeleiding thuis {wijk}",
        "Een begeleider helpt u om uw dag en uw post te regelen.",
        "De begeleider komt bij u thuis. Samen maakt u een plan. U leert zelf dingen te regelen. "
        "Ook als u hersenletsel hebt, bijvoorbeeld na een beroerte. Of een ziekte als parkinson of MS.",
        ("begeleiding",),
        ("volwassenen", "ggz", "beperking"),
        toegang="beschikking",
        kosten="eigen_bijdrage",
        beperkte_plaatsen=True,
        schedule=WERKDAGEN,
        aan_huis=True,
    ),
    Soort(
        "begeleiding-groep",
        "Samen sterk groep {wijk}",
        "Praat en leer samen met anderen in een kleine groep.",
        "Elke week komt een kleine groep bij elkaar. U oefent met dingen die u lastig vindt. Een begeleider helpt.",
        ("begeleiding", "ontmoeting"),
        ("ggz", "volwassenen"),
        toegang="verwijzing",
        schedule=((2, "13:30", "15:30"),),
        aanbieders=3,
    ),
    Soort(
        "jongerencoach",
        "Jongerencoach {wijk}",
        "Een coach helpt jongeren met school, werk en thuis.",
        "Zit je vast op school of thuis? Een coach praat met je en helpt je verder. Het is gratis.",
        ("begeleiding", "opvoeden"),
        ("jongeren",),
        inloop=True,
        leeftijd=(12, 23),
        schedule=((3, "14:00", "18:00"), (5, "14:00", "18:00")),
    ),
    # dagbesteding
    Soort(
        "dagbesteding",
        "Dagbesteding {wijk}",
        "Overdag samen bezig zijn: koken, tuinieren of knutselen.",
        "U komt een of meer dagen per week. Er is een vaste groep en begeleiding. Wij halen u op als dat nodig is. "
        "Ook als u vergeetachtig bent of dementie hebt.",
        ("dagbesteding",),
        ("ouderen", "beperking"),
        toegang="beschikking",
        kosten="eigen_bijdrage",
        beperkte_plaatsen=True,
        schedule=tuple((day, "09:30", "15:30") for day in (1, 2, 4)),
        aanbieders=6,
    ),
    Soort(
        "dagbesteding-werk",
        "Werkplaats De Schakel {wijk}",
        "Werk mee in de houtwerkplaats of de fietsenmaker.",
        "U doet nuttig werk in een rustige werkplaats. Begeleiders helpen u. U werkt op uw eigen tempo.",
        ("dagbesteding", "begeleiding"),
        ("beperking", "ggz"),
        toegang="beschikking",
        kosten="gratis",
        beperkte_plaatsen=True,
        schedule=WERKDAGEN,
        aanbieders=3,
    ),
    Soort(
        "inloop-ouderen",
        "Inloopochtend ouderen {wijk}",
        "Kom zonder afspraak binnen voor koffie en een praatje.",
        "Elke week is er een ochtend met koffie, spelletjes en een praatje.",
        ("dagbesteding", "ontmoeting"),
        ("ouderen",),
        inloop=True,
        schedule=((2, "10:00", "12:00"),),
        aanbieders=6,
    ),
    # mantelzorg
    Soort(
        "mantelzorgsteunpunt",
        "Steunpunt mantelzorg",
        "Advies en steun als u zorgt voor iemand.",
        "Zorgt u voor iemand, zoals uw moeder, vader of partner? Wij luisteren en denken mee. "
        "Wordt de zorg u te zwaar? Dan zoeken wij samen "
        "hoe u even rust krijgt. Wij vertellen u welke hulp er is. Vergeet uw naaste steeds meer? Er zijn "
        "cursussen over omgaan met dementie. Ook kunt u de mantelzorgwaardering aanvragen. "
        "Bent u jonger dan 25? Ook jonge mantelzorgers kunnen bij ons terecht.",
        ("mantelzorg", "clientondersteuning"),
        ("mantelzorgers", "jongeren"),
        hele_gemeente=True,
        talen=("nl", "tr", "ar"),
        schedule=OCHTENDEN,
        aanbieders=2,
    ),
    Soort(
        "respijt",
        "Logeeropvang {wijk}",
        "Uw naaste logeert een paar dagen, zodat u even rust hebt.",
        "Uw naaste logeert bij ons, ook in het weekend. Er is zorg dag en nacht. U kunt even op adem komen.",
        ("mantelzorg",),
        ("mantelzorgers", "ouderen", "beperking"),
        toegang="beschikking",
        kosten="eigen_bijdrage",
        beperkte_plaatsen=True,
        schedule=DAG_EN_NACHT,  # "zorg dag en nacht" beside "Zaterdag: gesloten" read as no weekend stay
        aanbieders=3,
    ),
    # The free respite the page for mantelzorgers promises: without it "even vrij" found only the logeeropvang,
    # which needs a beschikking.
    Soort(
        "respijt-vrijwilliger",
        "Vrijwilliger bij uw naaste",
        "Een vrijwilliger blijft een middag bij uw naaste. Dan hebt u even vrij.",
        "Zorgt u voor iemand, en kunt u daardoor vaak niet weg? Een vrijwilliger komt bij u "
        "thuis en blijft een middag bij uw naaste. Zo kunt u even iets voor uzelf doen. Het is gratis. Het "
        "steunpunt mantelzorg zoekt een vrijwilliger die bij u past.",
        ("mantelzorg", "vrijwilligerswerk"),
        ("mantelzorgers",),
        hele_gemeente=True,
        aanbieders=1,
        aan_huis=True,
    ),
    Soort(
        "mantelzorgcafe",
        "Mantelzorgcafé {wijk}",
        "Praat met andere mantelzorgers bij een kop koffie.",
        "Elke donderdagavond praten mantelzorgers met elkaar. Soms is er een spreker. U bent welkom zonder aanmelden.",
        ("mantelzorg", "ontmoeting"),
        ("mantelzorgers",),
        inloop=True,
        schedule=((4, "19:30", "21:30"),),
    ),
    # ontmoeting
    Soort(
        "buurthuis",
        "Buurthuis {wijk}",
        "Een plek in de wijk om mensen te ontmoeten.",
        "In het buurthuis zijn van maandag tot en met vrijdag activiteiten. Denk aan koffie, koken, bingo en computerles.",
        ("ontmoeting", "vrijwilligerswerk"),
        ("ouderen", "volwassenen", "gezinnen"),
        inloop=True,
        schedule=WERKDAGEN,
        aanbieders=7,
    ),
    Soort(
        "maatje",
        "Maatjesproject {wijk}",
        "Een vrijwilliger komt bij u op bezoek als u zich alleen voelt.",
        "Voelt u zich eenzaam? Een vaste vrijwilliger komt elke week langs. U praat, wandelt of drinkt koffie samen.",
        ("ontmoeting", "vrijwilligerswerk"),
        ("ouderen", "ggz"),
        schedule=OCHTENDEN,
        aanbieders=6,
        aan_huis=True,
    ),
    Soort(
        "taalcafe",
        "Taalcafé {wijk}",
        "Oefen Nederlands praten in een gezellige groep.",
        "U oefent Nederlands met vrijwilligers. Iedereen is welkom, ook als u nog weinig Nederlands spreekt.",
        ("ontmoeting",),
        ("nieuwkomers",),
        inloop=True,
        talen=("nl", "en", "ar", "tr", "uk"),
        schedule=((3, "19:00", "21:00"),),
        aanbieders=3,
    ),
    # vervoer
    Soort(
        "regiotaxi",
        "Wmo-vervoer Lindewaard",
        "Vervoer op maat als u niet met de bus kunt reizen.",
        "Kunt u niet goed lopen, of niet met de bus? Met een Wmo-vervoerspas reist u met de regiotaxi. "
        "U belt een uur van tevoren. U betaalt een klein bedrag "
        "per kilometer.",
        ("vervoer",),
        ("ouderen", "beperking"),
        toegang="beschikking",
        kosten="bedrag",
        kosten_bedrag="0.25",
        kosten_toelichting="U betaalt € 0,25 per kilometer.",
        hele_gemeente=True,
        schedule=tuple((day, "07:00", "23:00") for day in range(1, 8)),
        aanbieders=1,
    ),
    Soort(
        "vrijwillige-chauffeur",
        "Vrijwillige chauffeurs {wijk}",
        "Een vrijwilliger rijdt u naar de dokter.",
        "Een vrijwilliger brengt u met de auto naar de huisarts, het ziekenhuis of de kapper. U betaalt een "
        "kleine vergoeding.",
        ("vervoer", "vrijwilligerswerk"),
        ("ouderen",),
        kosten="bedrag",
        kosten_bedrag="0.30",
        kosten_toelichting="U betaalt € 0,30 per kilometer aan de chauffeur.",
    ),
    Soort(
        "boodschappenbus",
        "Boodschappenbus {wijk}",
        "Een bus brengt u elke week naar de supermarkt.",
        "Elke donderdag haalt de bus u thuis op. U doet samen boodschappen en drinkt daarna koffie.",
        ("vervoer", "ontmoeting"),
        ("ouderen",),
        kosten="bedrag",
        kosten_bedrag="2.00",
        kosten_toelichting="Een rit kost € 2.",
        schedule=((4, "09:30", "12:00"),),
        aanbieders=3,
    ),
    # wonen
    Soort(
        "woonadvies",
        "Woonadvies {wijk}",
        "Advies zodat u prettig thuis kunt blijven wonen, zonder te vallen.",
        "Een adviseur komt bij u thuis. Samen kijkt u naar drempels, trappen en valgevaar.",
        ("wonen",),
        ("ouderen", "beperking"),
        schedule=OCHTENDEN,
        aanbieders=3,
    ),
    # A walk: a son whose mother falls searched "alarmknop", a word the synonyms knew, and the kaart had none.
    Soort(
        "personenalarmering",
        "Personenalarmering",
        "Een alarmknop om uw pols of nek. Valt u? Dan drukt u op de knop.",
        "U draagt de knop altijd bij u. Valt u, of voelt u zich niet goed? Druk dan op de knop. U praat dan met "
        "de meldkamer. Die belt iemand die u kent, of een hulpverlener. Dag en nacht.",
        ("wonen", "hulpmiddelen"),
        ("ouderen", "beperking"),
        kosten="bedrag",
        kosten_bedrag="19.50",
        kosten_toelichting="U betaalt € 19,50 per maand.",
        hele_gemeente=True,
        schedule=DAG_EN_NACHT,
        aanbieders=1,
        aan_huis=True,
    ),
    Soort(
        "woningaanpassing",
        "Woningaanpassing via de gemeente",
        "Een traplift of een aangepaste badkamer.",
        "Kunt u niet meer goed de trap op of douchen? De gemeente kan een aanpassing in huis betalen. U doet eerst "
        "een melding.",
        ("wonen", "hulpmiddelen"),
        ("ouderen", "beperking"),
        toegang="beschikking",
        kosten="eigen_bijdrage",
        hele_gemeente=True,
        schedule=LOKET,
        aanmelden=VIA_DE_MELDING,
        aanbieders=1,
    ),
    Soort(
        "beschermd-wonen",
        "Begeleid wonen {wijk}",
        "Een eigen appartement met begeleiding in de buurt.",
        "U woont zelfstandig in een eigen appartement. Begeleiders zijn dichtbij als u hulp nodig hebt.",
        ("wonen", "begeleiding"),
        ("ggz", "beperking"),
        toegang="beschikking",
        kosten="eigen_bijdrage",
        beperkte_plaatsen=True,
        schedule=WERKDAGEN,
        aanbieders=3,
    ),
    # hulpmiddelen
    Soort(
        "uitleen",
        "Uitleenpunt hulpmiddelen {wijk}",
        "Leen een rolstoel, rollator of krukken.",
        "Bent u slecht ter been? Kunt u even niet goed lopen, bijvoorbeeld na een operatie? "
        "Dan leent u hier voor korte tijd een "
        "hulpmiddel, zoals een douchestoel of een toiletverhoger. Neem uw identiteitsbewijs mee.",
        ("hulpmiddelen", "gezondheid"),
        ("ouderen", "volwassenen"),
        inloop=True,
        schedule=OCHTENDEN,
        aanbieders=3,
    ),
    Soort(
        "scootmobiel",
        "Scootmobiel via de Wmo",
        "Een scootmobiel voor langere tijd.",
        "Kunt u niet ver lopen? En hebt u lang een scootmobiel nodig? Doe een melding bij de gemeente. "
        "Wij kijken samen wat u nodig hebt.",
        ("hulpmiddelen", "vervoer"),
        ("ouderen", "beperking"),
        toegang="beschikking",
        kosten="eigen_bijdrage",
        kosten_toelichting=EIGEN_BIJDRAGE,
        hele_gemeente=True,
        schedule=LOKET,
        aanmelden=VIA_DE_MELDING,
        aanbieders=1,
    ),
    Soort(
        "scootmobielles",
        "Scootmobielcursus {wijk}",
        "Leer veilig rijden met uw scootmobiel.",
        "In twee ochtenden leert u veilig rijden en oversteken. Een verkeersleraar geeft les.",
        ("hulpmiddelen", "vervoer"),
        ("ouderen",),
        schedule=((5, "10:00", "12:00"),),
        aanbieders=2,
    ),
    # geld
    Soort(
        "formulierenhulp",
        "Formulierenhulp {wijk}",
        "Hulp bij brieven, formulieren en toeslagen.",
        "Snapt u een brief niet? Of moet u een toeslag aanvragen? Een vrijwilliger helpt u, ook met uw "
        "administratie. Neem uw papieren mee.",
        ("geld", "vrijwilligerswerk"),
        ("volwassenen", "ouderen", "nieuwkomers"),
        inloop=True,
        schedule=((1, "13:00", "16:00"), (4, "13:00", "16:00")),
        aanbieders=5,
    ),
    Soort(
        "schuldhulp",
        "Schuldhulp Lindewaard",
        "Hulp als u schulden hebt, of te weinig geld om uw rekeningen te betalen.",
        "Hebt u geldzorgen, of komt u niet rond? Wij maken samen een plan. Hoe eerder, hoe beter.",
        ("geld",),
        ("volwassenen", "gezinnen", "ouderen", "jongeren"),  # debts come at every age
        hele_gemeente=True,
        schedule=WERKDAGEN,
        aanbieders=2,
        # The terms of the Wet gemeentelijke schuldhulpverlening, not "binnen een week terug".
        aanmelden="Bel of mail ons. Binnen 4 weken hebt u een eerste gesprek. Moet u uit uw huis, of wordt uw "
        "gas of stroom afgesloten? Dan binnen 3 werkdagen.",
    ),
    Soort(
        "thuisadministratie",
        "Thuisadministratie {wijk}",
        "Een vrijwilliger helpt u thuis met uw administratie.",
        "Een vaste vrijwilliger komt elke twee weken. Samen houdt u uw post en rekeningen bij en vult u "
        "formulieren in.",
        ("geld", "vrijwilligerswerk"),
        ("ouderen", "volwassenen"),
        aanbieders=3,
        aan_huis=True,
    ),
    # maaltijden
    Soort(
        "maaltijdservice",
        "Maaltijdservice {wijk}",
        "Elke dag een warme maaltijd aan huis.",
        "Kunt u niet meer zelf koken? Wij brengen een warme of koelverse maaltijd bij u thuis. U kiest zelf "
        "uit het menu. Ook diëten zijn mogelijk.",
        ("maaltijden",),
        ("ouderen",),
        kosten="bedrag",
        kosten_bedrag="8.95",
        kosten_toelichting="Een maaltijd kost € 8,95.",
        schedule=tuple((day, "11:00", "13:00") for day in range(1, 8)),
        aanbieders=3,
        aan_huis=True,
    ),
    Soort(
        "samen-eten",
        "Samen eten {wijk}",
        "Eet elke week samen met buren een warme maaltijd.",
        "Elke woensdag koken vrijwilligers een maaltijd. U eet samen aan lange tafels.",
        ("maaltijden", "ontmoeting"),
        ("ouderen", "volwassenen"),
        kosten="bedrag",
        kosten_bedrag="5.00",
        kosten_toelichting="U betaalt € 5 per maaltijd.",
        schedule=((3, "17:30", "19:30"),),
        aanbieders=6,
        # A walk: "Meld u een dag van tevoren." stood above "Wij bellen u binnen een week terug."
        aanmelden="Bel of mail ons uiterlijk een dag van tevoren. Dan is er een plek voor u.",
    ),
    Soort(
        "voedselbank",
        "Voedselbank Lindewaard",
        "Gratis boodschappen als u weinig geld hebt.",
        "Hebt u heel weinig geld? Dan kunt u elke week een pakket met eten krijgen. U hebt een verwijzing nodig.",
        ("maaltijden", "geld"),
        ("gezinnen", "volwassenen"),
        toegang="verwijzing",
        hele_gemeente=True,
        schedule=((5, "13:00", "16:00"),),
        aanbieders=1,
    ),
    # clientondersteuning
    Soort(
        "oco",
        "Onafhankelijke cliëntondersteuning",
        "Iemand die met u meegaat naar het gesprek met de gemeente.",
        "Een cliëntondersteuner staat naast u. Hij of zij helpt u bij uw melding en het gesprek. Het is gratis en "
        "onafhankelijk van de gemeente.",
        ("clientondersteuning",),
        ("ouderen", "volwassenen", "mantelzorgers"),
        hele_gemeente=True,
        schedule=WERKDAGEN,
        aanbieders=3,
    ),
    Soort(
        "wijkteam",
        "Wijkteam {wijk}",
        "Het wijkteam helpt bij vragen over zorg, geld en opvoeden.",
        "Hebt u een vraag over hulp thuis, geld of opvoeden? Het wijkteam denkt met u mee. Bel of kom langs. "
        "Ook als u zich zorgen maakt over alcohol, drugs of gokken, bij uzelf of in uw gezin. Of als u zich "
        "zorgen maakt over iemand in uw buurt.",
        # Not cliëntondersteuning: the site says the wijkteam is the gemeente's and a cliëntondersteuner is not.
        ("begeleiding", "opvoeden"),
        ("volwassenen", "gezinnen", "ouderen"),
        inloop=True,
        schedule=WERKDAGEN,
        aanbieders=7,
    ),
    # gezondheid
    Soort(
        "bewegen",
        "Bewegen voor ouderen {wijk}",
        "Rustig bewegen in een groep, onder begeleiding.",
        "Elke week beweegt u met een groep op muziek. Het is goed voor uw spieren en uw evenwicht. "
        "Hebt u een ziekte als parkinson, MS, reuma of COPD? Dan past de begeleider de oefeningen aan.",
        ("gezondheid", "ontmoeting"),
        ("ouderen",),
        kosten="bedrag",
        kosten_bedrag="3.00",
        kosten_toelichting="U betaalt € 3 per les.",
        schedule=((1, "10:00", "11:00"), (4, "10:00", "11:00")),
        aanbieders=6,
    ),
    Soort(
        "valpreventie",
        "Cursus Minder vallen {wijk}",
        "Leer hoe u minder snel valt.",
        "In acht lessen oefent u evenwicht en kracht. U krijgt tips voor een veilig huis.",
        ("gezondheid", "wonen"),
        ("ouderen",),
        schedule=((2, "14:00", "15:30"),),
        aanbieders=3,
    ),
    Soort(
        "ggz-inloop",
        "Inloophuis De Haven {wijk}",
        "Een rustige plek als het even niet gaat.",
        "Kom binnen voor een gesprek of gewoon een kop koffie. Ervaringsdeskundigen zijn er voor u.",
        ("gezondheid", "ontmoeting"),
        ("ggz",),
        inloop=True,
        schedule=((1, "13:00", "17:00"), (3, "13:00", "17:00")),
        aanbieders=3,
    ),
    # opvoeden
    Soort(
        "opvoedspreekuur",
        "Opvoedspreekuur {wijk}",
        "Stel uw vraag over opvoeden aan een deskundige.",
        "Huilt uw baby veel of is uw kind vaak boos? Op het spreekuur kunt u uw vraag stellen. Zonder afspraak.",
        ("opvoeden",),
        ("gezinnen",),
        inloop=True,
        schedule=((2, "09:00", "11:00"),),
        aanbieders=6,
    ),
    Soort(
        "peuterspeelgroep",
        "Ouder-en-kindgroep {wijk}",
        "Spelen met uw kind en andere ouders ontmoeten.",
        "Elke week spelen ouders en kinderen tot 4 jaar samen. Er is koffie en tijd voor vragen.",
        ("opvoeden", "ontmoeting"),
        ("gezinnen", "nieuwkomers"),
        leeftijd=(0, 4),
        schedule=((4, "09:30", "11:30"),),
        aanbieders=3,
    ),
    Soort(
        "jongerenwerk",
        "Jongerenwerk {wijk}",
        "Een plek voor jongeren om te chillen, sporten en praten.",
        "Jongerenwerkers organiseren sport en activiteiten. Je kunt ook met ze praten over school of thuis.",
        ("opvoeden", "ontmoeting"),
        ("jongeren",),
        inloop=True,
        leeftijd=(12, 23),
        schedule=((3, "15:00", "21:00"), (5, "15:00", "22:00")),
    ),
    # vrijwilligerswerk
    Soort(
        "vrijwilligerscentrale",
        "Vrijwilligerscentrale Lindewaard",
        "Vind vrijwilligerswerk dat bij u past.",
        "Wilt u iets doen voor een ander? Wij zoeken samen met u vrijwilligerswerk dat bij u past.",
        ("vrijwilligerswerk",),
        ("volwassenen", "ouderen", "jongeren"),
        hele_gemeente=True,
        schedule=OCHTENDEN,
        aanbieders=2,
    ),
    Soort(
        "burenhulp",
        "Burenhulp {wijk}",
        "Buren helpen elkaar met kleine dingen.",
        "Hulp nodig bij de boodschappen, de hond uitlaten of de tuin? Of wilt u zelf helpen? Burenhulp brengt "
        "buren bij elkaar.",
        ("vrijwilligerswerk", "ontmoeting"),
        ("ouderen", "volwassenen"),
        schedule=OCHTENDEN,
        aanbieders=6,
        aan_huis=True,
    ),
    # huishouden: Lindewaard's own scheme, without a decision (portal page "De Huishoudelijke Hulp Toelage")
    Soort(
        "hht",
        "Hulp in huis met de HHT",
        "Een hulp maakt uw huis schoon. Met de HHT, een regeling van de gemeente, betaalt u € 7,50 per uur.",
        "De hulp maakt de vloer, de keuken en de badkamer schoon. U hebt geen besluit van de gemeente nodig.",
        ("huishouden", "mantelzorg"),
        ("ouderen", "mantelzorgers"),
        kosten="bedrag",
        kosten_bedrag="7.50",
        kosten_toelichting="U betaalt € 7,50 per uur. De gemeente betaalt de rest.",
        hele_gemeente=True,
        schedule=WERKDAGEN,
        aanbieders=3,
        aanmelden="Bel ons en zeg dat u de HHT wilt gebruiken. Samen spreken wij af wanneer de hulp komt en "
        "hoeveel uur.",
        aan_huis=True,
    ),
    # hulpmiddelen: a rolstoel has no eigen bijdrage (Wmo 2015, art. 2.1.4), a scootmobiel has
    Soort(
        "rolstoel",
        "Rolstoel via de Wmo",
        "Een rolstoel voor langere tijd. U betaalt er niets voor.",
        "Kunt u niet of bijna niet lopen? En hebt u lang een rolstoel nodig? Doe een melding bij de gemeente. "
        "Wij kijken samen welke rolstoel "
        "bij u past.",
        ("hulpmiddelen",),
        ("ouderen", "beperking"),
        toegang="beschikking",
        kosten_toelichting="Voor een rolstoel betaalt u geen eigen bijdrage. Dat staat in de wet.",
        hele_gemeente=True,
        schedule=LOKET,
        aanmelden=VIA_DE_MELDING,
        aanbieders=1,
    ),
    # veiligheid: the national number of Veilig Thuis, which answers for the region
    Soort(
        "veilig-thuis",
        "Veilig Thuis",
        "Advies en hulp bij huiselijk geweld en kindermishandeling. Dag en nacht.",
        "Maakt u zich zorgen over geweld thuis? Bij uzelf, of bij iemand anders? Bel Veilig Thuis: 0800-2000, ook "
        "als u twijfelt. U mag uw naam geheim houden. Is er nu gevaar? Bel dan 112.",
        ("veiligheid",),
        ("volwassenen", "gezinnen", "jongeren", "ouderen"),
        hele_gemeente=True,
        aanbieders=1,
        aanmelden="Bel 0800-2000. Dat kan elke dag, ook 's nachts. Het gesprek is gratis. Is er nu gevaar? Bel dan 112.",
    ),
    # Last, so the demo's other voorzieningen keep their places. A walk: "mijn man is overleden" found
    # nothing for a widow (and, through "rouw" in bROUWersgracht, five places in that street).
    Soort(
        "rouw",
        "Steun bij rouw en verlies",
        "Praten met anderen als iemand van wie u houdt, is overleden.",
        "Is uw man, vrouw, kind of iemand anders van wie u houdt, overleden? In een kleine groep praat u met "
        "mensen die hetzelfde meemaakten. Een vrijwilliger helpt de groep. Wilt u eerst liever alleen met "
        "iemand praten? Dat kan ook. Een vrijwilliger komt dan bij u thuis.",
        ("ontmoeting",),
        ("ouderen", "volwassenen"),
        hele_gemeente=True,
        schedule=((2, "14:00", "16:00"),),
        aanbieders=1,
    ),
    # Not the gemeente's (the zorgverzekering pays): "thuiszorg" and "hulp bij wassen en aankleden" found no
    # organisation to call, and the page about it named none.
    Soort(
        "wijkverpleging",
        "Wijkverpleging",
        "Hulp bij wassen, aankleden, medicijnen of een wond. Bij u thuis.",
        "Een wijkverpleegkundige komt bij u thuis. Samen kijkt u welke zorg u nodig hebt. Bijvoorbeeld hulp bij "
        "wassen, douchen en aankleden, steunkousen, medicijnen of een wond. Een verzorgende komt daarna op de "
        "tijden die u samen afspreekt.",
        ("gezondheid",),
        ("ouderen", "volwassenen", "beperking"),
        kosten_toelichting="Uw zorgverzekering betaalt deze zorg. U betaalt er geen eigen risico voor.",
        hele_gemeente=True,
        aanbieders=1,
        aanmelden="Bel ons. Of vraag uw huisarts om ons te bellen.",
        aan_huis=True,
    ),
]

# Fictional organisations with the wijk (index into gemeente.WIJKEN) where they are based.
ORGANISATIES = [
    ("Welzijn Lindewaard", 0),
    ("Thuiszorg De Linde", 0),
    ("Stichting Samen Centrum", 0),
    ("Zorggroep Havenzicht", 1),
    ("Buurtwerk Oude Haven", 1),
    ("Stichting De Kade", 1),
    ("Zorgcentrum Lindehof", 2),
    ("Welzijn Lindehof", 2),
    ("Stichting Groen en Zorg", 2),
    ("Zorgboerderij De Beemden", 3),
    ("Buurtkracht De Beemden", 3),
    ("Stichting Weidezorg", 3),
    ("Molenzorg", 4),
    ("Wijkwerk Molenwijk", 4),
    ("Stichting De Wieken", 4),
    ("Zorg aan de Waterkant", 5),
    ("Buurtcentrum Waterkant", 5),
    ("Stichting Rivierzorg", 5),
    ("Dorpszorg Ellekoot", 6),
    ("Vereniging Dorpsbelang Raveld", 6),
    ("Stichting Twee Dorpen", 6),
    ("Vrijwilligerscentrale Lindewaard", 0),
    ("Mantelzorg Lindewaard", 0),
    ("Cliëntondersteuning Lindewaard", 1),
    ("Sociaal Wijkteam Lindewaard", 0),
    ("Jongerenwerk Lindewaard", 1),
    ("GGZ Inloop Lindewaard", 2),
    ("Huishoudelijke Zorg Lindewaard", 3),
    ("Thuishulp Plus", 4),
    ("Dagcentrum De Molen", 4),
    ("Werkplaats De Schakel", 5),
    ("Logeerhuis De Linde", 2),
    ("Maaltijdservice Lindewaard", 3),
    ("Vervoersdienst Lindewaard", 0),
    ("Beweegcentrum Lindewaard", 5),
    ("Centrum Jeugd en Gezin Lindewaard", 1),
    ("Taalhuis Lindewaard", 0),
    ("Schuldhulp Lindewaard", 0),
    ("Woonadvies Lindewaard", 6),
    ("Hulpmiddelenpunt Lindewaard", 3),
    ("Voedselbank Lindewaard", 5),
    ("Humanitas Lindewaard", 2),
    ("Buurtzorg Ellekoot", 6),
    (GEMEENTE, 0),
    ("Veilig Thuis regio Lindewaard", 0),
]
# Organisations that answer on a number of their own rather than a made-up one: a crisis line has one number.
ORGANISATIE_TELEFOON = {"Veilig Thuis regio Lindewaard": "0800-2000"}

# Organisations that specialise in some soorten; the others (general welfare and care organisations in
# each wijk) offer what no specialist offers.
SPECIALISTEN = {
    "Vrijwilligerscentrale Lindewaard": ("vrijwilligerscentrale", "burenhulp", "klussen"),
    "Mantelzorg Lindewaard": ("mantelzorgsteunpunt", "mantelzorgcafe", "respijt-vrijwilliger"),
    "Cliëntondersteuning Lindewaard": ("oco",),
    "Sociaal Wijkteam Lindewaard": ("wijkteam",),
    "Jongerenwerk Lindewaard": ("jongerenwerk", "jongerencoach"),
    "GGZ Inloop Lindewaard": ("ggz-inloop", "begeleiding-groep"),
    "Huishoudelijke Zorg Lindewaard": ("hbh", "was", "hht"),
    "Thuishulp Plus": ("hbh", "begeleiding", "hht"),
    "Dagcentrum De Molen": ("dagbesteding", "inloop-ouderen"),
    "Werkplaats De Schakel": ("dagbesteding-werk",),
    "Logeerhuis De Linde": ("respijt",),
    "Maaltijdservice Lindewaard": ("maaltijdservice",),
    "Vervoersdienst Lindewaard": ("regiotaxi", "vrijwillige-chauffeur", "boodschappenbus"),
    "Beweegcentrum Lindewaard": ("bewegen", "valpreventie"),
    "Centrum Jeugd en Gezin Lindewaard": ("opvoedspreekuur", "peuterspeelgroep"),
    "Taalhuis Lindewaard": ("taalcafe",),
    "Schuldhulp Lindewaard": ("schuldhulp",),
    "Woonadvies Lindewaard": ("woonadvies",),
    "Hulpmiddelenpunt Lindewaard": ("uitleen", "scootmobielles", "personenalarmering"),
    "Voedselbank Lindewaard": ("voedselbank",),
    "Humanitas Lindewaard": ("thuisadministratie", "maatje", "schuldhulp", "rouw"),
    "Buurtzorg Ellekoot": ("begeleiding", "hbh", "hht", "wijkverpleging"),
    GEMEENTE: ("woningaanpassing", "scootmobiel", "rolstoel"),
    "Veilig Thuis regio Lindewaard": ("veilig-thuis",),
}
