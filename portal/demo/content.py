"""The demo site's pages: Wmo information for Gemeente Lindewaard, written at B1 level.

Facts are those of the Wmo 2015. Where Lindewaard makes its own choice (the HHT price, help within
2 working days at spoed, the replacement agreements), the text says so. Amounts that the government sets each
year (the eigen bijdrage) are not given here: the text sends readers to the CAK for the current amount.
"""

from django.conf import settings

from core.templatetags.core_tags import tel

# The municipality's number as the site shows it everywhere (settings.MUNICIPALITY_PHONE).
WMO_LOKET_PHONE_LINK = f'<a href="tel:{tel(settings.MUNICIPALITY_PHONE)}">{settings.MUNICIPALITY_PHONE}</a>'

HOME = {
    "title": "Hulp en zorg in Lindewaard",
    # The Wmo said in a few words on the first page (a walk with a screen reader heard the word nowhere
    # explained there).
    "intro": "Hebt u hulp nodig om thuis te wonen? Of zorgt u voor iemand? Dan helpt de gemeente. "
    "Dat moet van de Wmo. Dat is de wet voor hulp thuis. Hier leest u welke hulp er is en hoe u die krijgt.",
}

# --- Ik zoek hulp voor mezelf -------------------------------------------------------------------------

HUISHOUDEN = {
    "slug": "hulp-bij-het-huishouden",
    "title": "Hulp bij het huishouden",
    "intro": "Lukt het schoonmaken of de was niet meer? Dan kunt u hulp krijgen. Hier leest u hoe dat gaat.",
    "body": [
        (
            "text",
            "<h2>Wat is hulp bij het huishouden?</h2>"
            "<p>Een hulp komt bij u thuis. Zij doet het werk in huis dat u zelf niet meer kunt. "
            "Zo blijft uw huis schoon en leefbaar.</p>"
            "<p>De hulp kan bijvoorbeeld:</p>"
            "<ul><li>stofzuigen en dweilen</li><li>de keuken en de wc schoonmaken</li>"
            "<li>het bed verschonen</li><li>de was doen en strijken</li>"
            "<li>u leren hoe u zelf weer dingen kunt doen</li></ul>",
        ),
        (
            "text",
            "<h2>Wie kan deze hulp krijgen?</h2>"
            "<p>Deze hulp is voor mensen die het huishouden niet meer zelf kunnen doen. "
            "Bijvoorbeeld door ouderdom, een ziekte of een beperking. "
            "Ook als u na een opname in het ziekenhuis weer thuis bent. "
            "Bijvoorbeeld na een operatie aan uw heup.</p>"
            "<p>We kijken eerst samen wat u zelf kunt. En wie u kan helpen. "
            "Denk aan uw partner, kinderen of buren. Lukt het dan nog niet? "
            "Dan regelt de gemeente hulp die bij u past.</p>",
        ),
        (
            "goed_om_te_weten",
            {
                "title": "Goed om te weten",
                "text": "<p>Voor hulp bij het huishouden betaalt u een eigen bijdrage. "
                "Dat is een vast bedrag per maand. Het CAK stuurt u de rekening.</p>"
                "<p>Hebt u maar een paar uur hulp nodig? "
                "Kijk dan ook naar de HHT: de Huishoudelijke Hulp Toelage. "
                "Daarmee betaalt u een lage prijs per uur. "
                '<a href="/ik-zorg-voor-iemand/huishoudelijke-hulp-toelage/">Lees meer over de HHT</a>.</p>',
            },
        ),
        (
            "stappen",
            {
                "title": "Zo krijgt u hulp bij het huishouden",
                "steps": [
                    {
                        "title": "Doe een melding",
                        "text": "<p>Bel ons of vul het formulier in op deze website.</p>",
                    },
                    {
                        "title": "Het gesprek",
                        "text": "<p>We komen bij u thuis. Samen kijken we wat u nodig hebt.</p>",
                    },
                    {
                        "title": "Het besluit",
                        "text": "<p>U krijgt een brief. Daarin staat welke hulp u krijgt en hoeveel. "
                        "Niet eens met de brief? Maak dan binnen 6 weken "
                        '<a href="/melding-en-regels/klachten-en-bezwaar/">bezwaar</a>.</p>',
                    },
                    {
                        "title": "De hulp begint",
                        "text": "<p>De aanbieder belt u binnen een week. "
                        "Samen maakt u afspraken over de dagen en tijden.</p>",
                    },
                ],
            },
        ),
        (
            "vragen",
            {
                "title": "Vragen over hulp bij het huishouden",
                "items": [
                    {
                        "question": "Doet de hulp ook de ramen aan de buitenkant?",
                        "answer": "<p>Nee. De hulp doet het werk binnen in huis. "
                        "Voor de ramen buiten kunt u een glazenwasser vragen.</p>",
                    },
                    {
                        "question": "Kan de hulp ook boodschappen doen?",
                        "answer": "<p>Dat bespreken we samen in het gesprek. "
                        "Kunt u zelf niet naar de winkel? Dan kan een vrijwilliger van Burenhulp helpen. "
                        "Veel supermarkten brengen de boodschappen ook bij u thuis. "
                        '<a href="/sociale-kaart/?q=boodschappen">Zoek hulp bij boodschappen op de sociale '
                        "kaart</a>.</p>",
                    },
                    {
                        "question": "Kan de hulp ook koken?",
                        "answer": "<p>Meestal niet. Kunt u zelf niet meer koken? Een maaltijdservice brengt "
                        "elke dag een warme maaltijd bij u thuis. "
                        '<a href="/sociale-kaart/?q=maaltijd">Zoek een maaltijdservice op de sociale '
                        "kaart</a>.</p>",
                    },
                    {
                        "question": "Kan ik zelf een aanbieder kiezen?",
                        "answer": "<p>Ja. U kiest uit de aanbieders die afspraken hebben met de gemeente. "
                        "Wilt u een hulp die u zelf kent? Dan kan een pgb passen.</p>",
                    },
                    {
                        # A walk: a resident whose help did not come for weeks found nowhere how to change.
                        "question": "Kan ik overstappen naar een andere aanbieder?",
                        "answer": "<p>Ja. Bent u niet tevreden over uw aanbieder? Bel dan het Wmo-loket. "
                        "Samen kiezen we een andere aanbieder die afspraken heeft met de gemeente. "
                        'U kunt ook een <a href="/klacht/">klacht doorgeven</a>.</p>',
                    },
                    {
                        "question": "Wat als mijn hulp ziek is?",
                        "answer": "<p>Dan regelt de aanbieder een andere hulp. "
                        "Lees meer op de pagina over vervanging bij ziekte en vakantie.</p>",
                    },
                ],
            },
        ),
        (
            "kaart_link",
            {
                "text": "Zoek hulp in huis en klussen op de sociale kaart",
                "thema": ["huishouden"],
                "doelgroep": ["ouderen", "beperking"],
            },
        ),
        (
            "melding_cta",
            {"text": "Hebt u hulp in huis nodig? Doe een melding. Uw naam, adres en telefoon zijn genoeg."},
        ),
    ],
}

BEGELEIDING = {
    "slug": "begeleiding-en-dagbesteding",
    "title": "Begeleiding en dagbesteding",
    "intro": "Hebt u hulp nodig om uw dag en uw leven op orde te houden? "
    "Of zoekt u een plek om overdag naartoe te gaan? Lees hier wat er is.",
    "body": [
        (
            "text",
            "<h2>Begeleiding</h2>"
            "<p>Een begeleider helpt u om zelf de dingen te doen die nodig zijn. "
            "De begeleider komt bij u thuis. Of u spreekt af op een andere plek.</p>"
            "<p>Een begeleider helpt u bijvoorbeeld met:</p>"
            "<ul><li>de post lezen en rekeningen betalen</li>"
            "<li>een goed ritme voor de dag</li>"
            "<li>afspraken maken en nakomen</li>"
            "<li>contact met mensen om u heen</li></ul>"
            "<p>Begeleiding is er voor mensen met een beperking, met psychische klachten "
            "of met geheugenproblemen.</p>",
        ),
        (
            "text",
            "<h2>Dagbesteding</h2>"
            "<p>Bij dagbesteding gaat u overdag naar een vaste plek. Daar doet u samen met anderen iets. "
            "Bijvoorbeeld koken, tuinieren, muziek maken of klussen. "
            "Zo hebt u een doel voor de dag en ziet u andere mensen.</p>"
            "<p>Dagbesteding geeft ook rust aan uw partner of familie. "
            "Zij hebben dan even tijd voor zichzelf.</p>",
        ),
        (
            "goed_om_te_weten",
            {
                "title": "Eerst naar het wijkteam",
                "text": "<p>Voor veel vragen hebt u geen besluit van de gemeente nodig. "
                "Het wijkteam helpt u snel en gratis. "
                "Er is ook veel hulp in de buurt, zoals een inloop of een koffieochtend.</p>",
            },
        ),
        (
            "vragen",
            {
                "title": "Vragen over begeleiding en dagbesteding",
                "items": [
                    {
                        "question": "Moet ik vervoer naar de dagbesteding zelf regelen?",
                        "answer": "<p>Dat bespreken we in het gesprek. Kunt u er niet zelf komen? "
                        "Dan kijken we samen naar vervoer.</p>",
                    },
                    {
                        "question": "Hoe lang krijg ik begeleiding?",
                        "answer": "<p>Dat staat in de brief met het besluit. "
                        "Na die tijd kijken we samen of u de hulp nog nodig hebt.</p>",
                    },
                ],
            },
        ),
        (
            "kaart_link",
            {
                "text": "Zoek begeleiding, dagbesteding en activiteiten in de buurt",
                "thema": ["begeleiding", "dagbesteding", "ontmoeting"],
                "doelgroep": [],
            },
        ),
        (
            "melding_cta",
            {"text": "Wilt u begeleiding of dagbesteding? Doe een melding. Dan gaan we met u in gesprek."},
        ),
    ],
}

ONTMOETEN = {
    "slug": "mensen-ontmoeten",
    "title": "Mensen ontmoeten",
    "intro": "Voelt u zich vaak alleen? Of wilt u meer mensen zien? In elke wijk is iets te doen. "
    "U hebt er geen besluit van de gemeente voor nodig.",
    "body": [
        (
            "text",
            "<h2>Wat is er in de buurt?</h2>"
            "<p>In elke wijk is een buurthuis. Daar kunt u zonder afspraak binnenlopen. "
            "U drinkt een kopje koffie en praat met anderen.</p>"
            "<p>Er is bijvoorbeeld:</p>"
            "<ul><li>een inloopochtend met koffie en een praatje</li>"
            "<li>samen eten met buren, elke week</li>"
            "<li>een maatje: een vrijwilliger die elke week bij u op bezoek komt</li>"
            "<li>bewegen in een groep</li></ul>",
        ),
        (
            "goed_om_te_weten",
            {
                "title": "U bent niet de enige",
                "text": "<p>Veel mensen voelen zich soms alleen. Praat erover. "
                "Het wijkteam luistert naar u en denkt met u mee. Dat is gratis.</p>",
            },
        ),
        (
            "vragen",
            {
                "title": "Vragen over mensen ontmoeten",
                "items": [
                    {
                        "question": "Ik vind het moeilijk om alleen te gaan. Wat kan ik doen?",
                        "answer": "<p>Vraag een maatje. Dat is een vrijwilliger die bij u op bezoek komt. "
                        "Daarna kunt u samen ergens naartoe gaan. "
                        "Of bel het Wmo-loket. Dan zoeken wij samen met u wat bij u past.</p>",
                    },
                    {
                        "question": "Wat kost het?",
                        "answer": "<p>Een inloop en een maatje zijn gratis. "
                        "Voor samen eten betaalt u een klein bedrag. Dat staat op de sociale kaart.</p>",
                    },
                ],
            },
        ),
        (
            "kaart_link",
            {
                "text": "Zoek een plek om mensen te ontmoeten",
                "thema": ["ontmoeting"],
                "doelgroep": [],
                "vrij": True,
            },
        ),
        (
            "contact",
            {
                "title": "Wilt u praten over wat er is?",
                "text": "<p>Bel het Wmo-loket. Wij zoeken samen met u wat bij u past.</p>",
            },
        ),
    ],
}

# A walk: a widower of 78, whose wife had done the cooking and the shopping, searched the site for "warm eten"
# and "mijn vrouw is overleden": the meals stood in a closed question of the household page, and no page
# spoke of the loss.
ETEN_EN_BOODSCHAPPEN = {
    "slug": "eten-en-boodschappen",
    "title": "Eten en boodschappen",
    "intro": "Lukt koken of boodschappen doen niet meer? Bijvoorbeeld omdat u ziek bent. Of omdat uw partner "
    "dat altijd deed. Hier leest u welke hulp er is.",
    "body": [
        (
            "text",
            "<p>U hebt er geen besluit van de gemeente voor nodig. Vaak betaalt u een klein bedrag.</p>"
            "<h2>Hulp bij eten</h2>"
            "<ul><li>Een maaltijdservice brengt elke dag een warme maaltijd bij u thuis.</li>"
            "<li>In het buurthuis eet u samen met buren. Dat is ook gezellig.</li></ul>",
        ),
        (
            "kaart_link",
            {
                "text": "Zoek hulp bij eten",
                "zoekwoorden": "maaltijd",
                "thema": [],
                "doelgroep": [],
                "vrij": True,
            },
        ),
        # A walk: one link for both, with the word "maaltijd", found no boodschappenbus and no burenhulp.
        (
            "text",
            "<h2>Hulp bij boodschappen</h2>"
            "<ul><li>De boodschappenbus brengt u naar de supermarkt en weer naar huis.</li>"
            "<li>Bij burenhulp doet iemand uit de buurt een boodschap voor u.</li></ul>",
        ),
        (
            "kaart_link",
            {
                "text": "Zoek hulp bij boodschappen",
                "zoekwoorden": "boodschappen",
                "thema": [],
                "doelgroep": [],
                "vrij": True,
            },
        ),
        (
            "goed_om_te_weten",
            {
                "title": "Is uw partner overleden?",
                "text": "<p>Dan verandert er veel. Het verdriet kan lang duren. Praten helpt. "
                "Een vrijwilliger kan bij u thuis komen. Of u praat in een groep met mensen die hetzelfde "
                "meemaakten. "
                'Dat is gratis. <a href="/sociale-kaart/?q=rouw">Zoek steun bij rouw en verlies</a>.</p>',
            },
        ),
        (
            "contact",
            {
                "title": "Wilt u praten over wat u nodig hebt?",
                "text": "<p>Bel het Wmo-loket. Wij zoeken samen met u wat bij u past.</p>",
            },
        ),
    ],
}

HULPMIDDELEN = {
    "slug": "hulpmiddelen-wonen-en-vervoer",
    "title": "Hulpmiddelen, wonen en vervoer",
    "intro": "Kunt u niet goed meer lopen, traplopen of reizen? "
    "Dan zijn er hulpmiddelen en aanpassingen. Zo kunt u thuis blijven wonen en erop uit gaan.",
    "body": [
        (
            "text",
            "<h2>Hulpmiddelen</h2>"
            "<p>Een hulpmiddel maakt het leven thuis en buiten makkelijker. Bijvoorbeeld:</p>"
            "<ul><li>een rolstoel</li><li>een scootmobiel</li>"
            "<li>een douchestoel, een toiletverhoger of een tillift</li></ul>"
            "<p>Vaak krijgt u het hulpmiddel in bruikleen. U mag het gebruiken zolang u het nodig hebt. "
            "Daarna gaat het terug.</p>"
            # A walk: a man whose wife has parkinson found no page for it, and no word for what comes next.
            "<p>Hebt u een ziekte waardoor u steeds minder kunt? Bijvoorbeeld parkinson, MS of reuma? "
            "Dan kijken we in het gesprek ook vooruit: wat hebt u straks nodig?</p>"
            "<p>Sommige hulpmiddelen koopt of huurt u zelf. Bijvoorbeeld een rollator. "
            "Die hebben veel mensen, dus die regelt de gemeente meestal niet.</p>"
            "<p>Hebt u een rollator, krukken, een douchestoel of een toiletverhoger maar even nodig? "
            "Bijvoorbeeld na een operatie? Dan leent u die gratis bij een uitleenpunt. "
            '<a href="/sociale-kaart/?q=uitleenpunt">Kijk op de sociale kaart waar er een is</a>. '
            "Hebt u het blijvend nodig? Doe dan een melding.</p>",
        ),
        (
            "text",
            "<h2>Uw huis aanpassen</h2>"
            "<p>Soms kan uw huis worden aangepast. Bijvoorbeeld met een traplift, een drempel weg "
            "of een douche zonder opstap. "
            "Soms is verhuizen naar een huis zonder trap beter. Ook dat bespreken we samen.</p>"
            "<p>Woont u in een huurhuis? Dan overleggen we ook met de verhuurder.</p>",
        ),
        (
            # A walk: a son whose mother falls searched "valpreventie" and "alarmknop": no page spoke of it.
            "text",
            "<h2>Bang om te vallen?</h2>"
            "<p>In de cursus Minder vallen oefent u evenwicht en kracht.</p>"
            "<p>Woont u alleen? Met een alarmknop om uw pols of nek roept u hulp als u valt. Dat heet "
            "personenalarmering. U regelt en betaalt het zelf.</p>",
        ),
        (
            "kaart_link",
            {
                "text": "Zoek een cursus Minder vallen",
                "zoekwoorden": "vallen",
                "thema": [],
                "doelgroep": [],
                "vrij": True,
            },
        ),
        (
            "kaart_link",
            {
                "text": "Zoek personenalarmering",
                "zoekwoorden": "alarmknop",
                "thema": [],
                "doelgroep": [],
                "vrij": True,
            },
        ),
        (
            "text",
            "<h2>Vervoer</h2>"
            "<p>Kunt u niet met de bus of de fiets? In Lindewaard is er dan Wmo-vervoer met de regiotaxi. "
            "Die haalt u thuis op en brengt u naar de plek waar u heen wilt. "
            "Daarvoor hebt u een pas nodig. Die vraagt u aan bij de gemeente.</p>",
        ),
        (
            "goed_om_te_weten",
            {
                "title": "Geen eigen bijdrage voor een rolstoel",
                "text": "<p>Voor een rolstoel betaalt u geen eigen bijdrage. Dat staat in de wet. "
                "Voor andere hulpmiddelen en aanpassingen betaalt u meestal wel een eigen bijdrage.</p>",
            },
        ),
        (
            "vragen",
            {
                "title": "Vragen over hulpmiddelen",
                "items": [
                    {
                        "question": "Wat doe ik als mijn hulpmiddel kapot is?",
                        "answer": "<p>Bel de leverancier. Het telefoonnummer staat op het hulpmiddel "
                        "of in de brief die u kreeg. Meestal betaalt u niets voor de reparatie.</p>",
                    },
                    {
                        "question": "Mag ik een hulpmiddel meenemen op vakantie?",
                        "answer": "<p>Meestal wel. Vraag het eerst na bij de leverancier.</p>",
                    },
                ],
            },
        ),
        (
            "kaart_link",
            {
                "text": "Zoek hulpmiddelen, vervoer en hulp bij wonen in Lindewaard",
                "thema": ["hulpmiddelen", "wonen", "vervoer"],
                "doelgroep": ["ouderen", "beperking"],
            },
        ),
        (
            "melding_cta",
            {"text": "Hebt u een hulpmiddel, vervoer of een aanpassing in huis nodig? Doe een melding."},
        ),
    ],
}

# Not the gemeente's: wassen, aankleden and verpleging come from the wijkverpleging (Zorgverzekeringswet),
# care day and night from the Wlz. "Thuiszorg" and "hulp bij wassen en aankleden" found no page at all.
VERZORGING = {
    "slug": "wassen-aankleden-en-verpleging",
    "title": "Hulp bij wassen, aankleden of verpleging",
    "intro": "Hebt u hulp nodig bij het wassen of aankleden? Of bij uw medicijnen of een wond? "
    "Die zorg regelt de wijkverpleging, niet de gemeente. Hier leest u hoe u die zorg krijgt.",
    "body": [
        (
            "text",
            "<h2>Wat is wijkverpleging?</h2>"
            "<p>Een verpleegkundige of verzorgende komt bij u thuis. Zij helpt u bijvoorbeeld met:</p>"
            "<ul><li>wassen en douchen</li><li>aankleden en steunkousen aantrekken</li>"
            "<li>uw medicijnen</li><li>een wond verzorgen</li></ul>"
            "<p>Bijvoorbeeld als u ziek bent, of net uit het ziekenhuis komt. "
            "Veel mensen noemen dit thuiszorg.</p>",
        ),
        (
            "goed_om_te_weten",
            {
                "title": "Uw zorgverzekering betaalt",
                "text": "<p>De wijkverpleging wordt betaald uit het basispakket van uw zorgverzekering. "
                "U betaalt er geen eigen risico voor.</p>",
            },
        ),
        (
            "stappen",
            {
                "title": "Zo krijgt u wijkverpleging",
                "steps": [
                    {
                        "title": "Bel een organisatie voor wijkverpleging",
                        "text": "<p>U hebt geen verwijzing nodig. Op de sociale kaart staan organisaties "
                        "die het doen. Of vraag het uw huisarts.</p>",
                    },
                    {
                        "title": "De wijkverpleegkundige komt langs",
                        "text": "<p>Zij kijkt samen met u welke zorg u nodig hebt, en hoe vaak.</p>",
                    },
                    {
                        "title": "De zorg begint",
                        "text": "<p>Iemand komt bij u thuis op de tijden die u samen afspreekt.</p>",
                    },
                ],
            },
        ),
        (
            "text",
            "<h2>Hebt u ook hulp in huis nodig?</h2>"
            "<p>Voor het schoonmaken en de was helpt de gemeente wel. "
            '<a href="/hulp-voor-mezelf/hulp-bij-het-huishouden/">Lees meer over hulp bij het '
            "huishouden</a>.</p>"
            "<p>Wilt u zelf kunnen douchen? Hebt u een douchestoel maar even nodig? Dan leent u die bij een "
            "uitleenpunt. Hebt u hem blijvend nodig? Dan kan de gemeente helpen. "
            '<a href="/hulp-voor-mezelf/hulpmiddelen-wonen-en-vervoer/">Lees meer over hulpmiddelen</a>.</p>',
        ),
        (
            "vragen",
            {
                "title": "Vragen over wijkverpleging",
                "items": [
                    {
                        "question": "Is de wijkverpleging hetzelfde als het wijkteam?",
                        "answer": "<p>Nee. Het wijkteam is van de gemeente. Het helpt u bijvoorbeeld met "
                        "begeleiding of als u voor iemand zorgt. De wijkverpleging zorgt voor uw "
                        "lichaam. Ze werken wel samen.</p>",
                    },
                    {
                        "question": "En als ik dag en nacht zorg nodig heb?",
                        "answer": "<p>Dan past misschien zorg uit de Wet langdurige zorg. "
                        "Bijvoorbeeld in een verpleeghuis, of thuis. Het CIZ beslist daarover. "
                        "Uw huisarts of het Wmo-loket helpt u met de aanvraag.</p>",
                    },
                ],
            },
        ),
        (
            "contact",
            {
                "title": "Weet u niet wie u moet bellen?",
                "text": "<p>Bel het Wmo-loket. Wij zoeken samen met u uit wie u kan helpen.</p>",
            },
        ),
        (
            "kaart_link",
            {
                "text": "Zoek een organisatie voor wijkverpleging",
                "zoekwoorden": "wijkverpleging",
                "thema": [],
                "doelgroep": [],
            },
        ),
    ],
}

SPOED = {
    "slug": "hulp-bij-spoed",
    "title": "Snel hulp nodig",
    "intro": "Soms is er meteen hulp nodig. Dan hoeft u niet te wachten. "
    "Hier leest u wanneer er spoed is en wat er dan gebeurt.",
    "body": [
        (
            "text",
            "<h2>Wanneer is er spoed?</h2>"
            "<p>Er is spoed als u zonder hulp niet veilig thuis kunt zijn. Bijvoorbeeld als:</p>"
            "<ul><li>uw mantelzorger plotseling wegvalt, door ziekte of een ongeluk</li>"
            "<li>u uit het ziekenhuis komt en thuis meteen hulp nodig hebt</li>"
            "<li>iemand thuis gaat sterven en de zorg snel geregeld moet worden</li>"
            "<li>een ouder die alleen voor de kinderen zorgt, plotseling wordt opgenomen</li></ul>",
        ),
        (
            "goed_om_te_weten",
            {
                "title": "Bent u thuis niet veilig?",
                "text": "<p>Wordt u thuis geslagen, bedreigd of vernederd? Of maakt u zich zorgen over "
                "iemand anders? Bel Veilig Thuis: 0800-2000. Dat is gratis, dag en nacht. U hoeft uw naam "
                "niet te zeggen. Is er nu gevaar? Bel dan 112.</p>",
            },
        ),
        (
            "stappen",
            {
                "title": "Wat gebeurt er bij spoed?",
                "steps": [
                    {
                        "title": "Bel ons meteen",
                        "text": "<p>Zeg dat het om spoed gaat. U kunt ook online een melding doen "
                        "en daarin spoed kiezen.</p>",
                    },
                    {
                        "title": "Binnen 2 werkdagen bellen wij",
                        "text": "<p>Bij spoed nemen wij binnen 2 werkdagen contact met u op. "
                        "Dan regelen wij tijdelijke hulp. Dat is een afspraak van onze gemeente. "
                        "De wet zegt: bij spoed regelt de gemeente zo snel mogelijk tijdelijke hulp.</p>",
                    },
                    {
                        "title": "Een week later bellen we weer",
                        "text": "<p>We vragen of de hulp goed genoeg is. "
                        "Daarna doen we het gewone gesprek en kijken we wat u verder nodig hebt.</p>",
                    },
                ],
            },
        ),
        (
            "goed_om_te_weten",
            {
                "title": "Werkt u in een ziekenhuis?",
                "text": "<p>Gaat een patiënt naar huis en is er thuis meteen hulp nodig? "
                "Dan kunt u namens de patiënt een spoedmelding doen. "
                "Vraag eerst of de patiënt dat goed vindt.</p>",
            },
        ),
        (
            "contact",
            {
                "title": "Bel bij spoed",
                "text": "<p>Bel ons op werkdagen van 8.30 tot 17.00 uur. Zeg dat het om spoed gaat. "
                "Zijn wij dicht, 's avonds, in het weekend of op een feestdag? Bel dan de huisartsenpost. "
                "Is er gevaar? Bel 112.</p>",
            },
        ),
        (
            "kaart_link",
            {
                "text": "Zoek hulp die u snel en zonder besluit kunt krijgen",
                "thema": ["huishouden", "maaltijden", "mantelzorg"],
                "doelgroep": [],
                "vrij": True,
            },
        ),
        ("melding_cta", {"text": "Is er spoed? Doe een melding en kies voor spoed. Of bel ons meteen."}),
    ],
}

VERVANGING = {
    "slug": "vervanging-bij-ziekte-en-vakantie",
    "title": "Vervanging bij ziekte en vakantie",
    "intro": "Is uw vaste hulp ziek of op vakantie? Dan regelt de aanbieder iemand anders. Zo gaat dat.",
    "body": [
        (
            "text",
            "<h2>De aanbieder regelt een vervanger</h2>"
            "<p>Uw hulp of begeleider werkt voor een aanbieder. Is uw hulp ziek of op vakantie? "
            "Dan stuurt de aanbieder een andere hulp. "
            "Dat heeft Lindewaard met alle aanbieders afgesproken.</p>"
            "<p>De aanbieder werkt met een vaste groep hulpen. Zo kent u de vervanger vaak al. "
            "De aanbieder laat u vooraf weten wie er komt.</p>",
        ),
        (
            "goed_om_te_weten",
            {
                "title": "Wat u zelf kunt doen",
                "text": "<p>Wilt u liever geen vervanger? Of liever op een andere dag? "
                "Zeg dat tegen de aanbieder. Dan zoekt u samen een oplossing.</p>",
            },
        ),
        (
            "vragen",
            {
                "title": "Vragen over vervanging",
                "items": [
                    {
                        "question": "Er komt geen vervanger. Wat nu?",
                        "answer": "<p>Bel eerst de aanbieder. Lost dat niets op? Bel dan de gemeente. "
                        "Wij spreken de aanbieder erop aan.</p>",
                    },
                    {
                        "question": "Ik heb een pgb. Wie regelt dan de vervanging?",
                        "answer": "<p>Met een pgb regelt u zelf de hulp. "
                        "Dan regelt u ook zelf een vervanger. "
                        "Maak daar vooraf afspraken over met uw hulp.</p>",
                    },
                ],
            },
        ),
        (
            "contact",
            {
                "title": "Klopt er iets niet?",
                # A walk: "vaak" kept a resident whose help did not come twice from calling.
                "text": "<p>Kwam uw hulp niet, en belde niemand u? Bel ons dan. We horen graag wat er mis "
                'gaat. U kunt ook een <a href="/klacht/">klacht doorgeven</a>.</p>',
            },
        ),
        (
            "kaart_link",
            {
                "text": "Zoek aanbieders van hulp in huis op de sociale kaart",
                "thema": ["huishouden", "begeleiding"],
                "doelgroep": [],
            },
        ),
    ],
}

# --- Ik zorg voor iemand -----------------------------------------------------------------------------

# The steunpunt mantelzorg as the demo sociale kaart has it (socialekaart/demo: the organisation
# "Mantelzorg Lindewaard" offers it); tests/portal/test_demo_links.py checks that both still agree.
STEUNPUNT_MANTELZORG_URL = "/sociale-kaart/steunpunt-mantelzorg-mantelzorg-lindewaard/"
STEUNPUNT_MANTELZORG_PHONE = "0599-177784"
STEUNPUNT_MANTELZORG_LINK = f'<a href="{STEUNPUNT_MANTELZORG_URL}">steunpunt mantelzorg</a>'
STEUNPUNT_MANTELZORG_PHONE_LINK = (
    f'<a href="tel:{STEUNPUNT_MANTELZORG_PHONE.replace("-", "")}">{STEUNPUNT_MANTELZORG_PHONE}</a>'
)

MANTELZORG = {
    "slug": "mantelzorg",
    "title": "Hulp voor mantelzorgers",
    "intro": "Zorgt u voor uw partner, moeder, vader, kind of buur? Dan bent u mantelzorger. "
    "Zorgen is mooi, maar ook zwaar. Er is hulp voor u.",
    "body": [
        (
            "text",
            "<h2>Steun voor u</h2>"
            f"<p>Het {STEUNPUNT_MANTELZORG_LINK} helpt u gratis. "
            f"Bel {STEUNPUNT_MANTELZORG_PHONE_LINK} of kom langs. U kunt er terecht voor:</p>"
            "<ul><li>advies en een luisterend oor</li>"
            "<li>hulp bij het regelen van zorg en papieren</li>"
            "<li>contact met andere mantelzorgers</li>"
            "<li>cursussen, bijvoorbeeld over omgaan met dementie</li></ul>",
        ),
        (
            # A walk: a boy of 15 who cares for his mother found one sentence for him, in "u".
            "text",
            "<h2>Ben je jong en zorg je thuis voor iemand?</h2>"
            "<p>Zorg je voor je moeder, vader, opa, oma, broer of zus, en ben je jonger dan 25? "
            "Dan ben je een jonge mantelzorger. Je staat er niet alleen voor.</p>"
            f"<ul><li>Het {STEUNPUNT_MANTELZORG_LINK} helpt ook jou. Je mag zelf bellen: "
            f"{STEUNPUNT_MANTELZORG_PHONE_LINK}. Of kom langs. "
            "Daar praat je met iemand die het snapt.</li>"
            '<li>Een <a href="/sociale-kaart/?q=jongerencoach">jongerencoach</a> helpt je met school '
            "en thuis. Dat is gratis.</li>"
            "<li>Is er hulp nodig voor iemand in je gezin? Doe dan samen met je ouders een melding. "
            f"Of bel het Wmo-loket: {WMO_LOKET_PHONE_LINK}.</li></ul>",
        ),
        (
            "text",
            "<h2>Even vrij: respijtzorg</h2>"
            "<p>Soms hebt u even rust nodig. Dan kan iemand anders de zorg overnemen. Dat heet respijtzorg. "
            "Bijvoorbeeld:</p>"
            "<ul><li>een vrijwilliger die een middag bij uw naaste blijft</li>"
            "<li>dagbesteding voor uw naaste</li>"
            "<li>een logeerhuis voor een paar dagen of een week</li></ul>"
            "<p>Het steunpunt zoekt samen met u wat past.</p>",
        ),
        (
            "text",
            "<h2>Hulp in huis voor u: de HHT</h2>"
            "<p>Ook als mantelzorger kunt u hulp in huis krijgen via de HHT. "
            "Dat is een regeling van Lindewaard. Een hulp maakt dan uw huis schoon. "
            "U betaalt € 7,50 per uur. Zo houdt u meer tijd en energie over.</p>",
        ),
        (
            # A walk: a man caring for his wife looked here for help for her, and found only help for him.
            "text",
            "<h2>Hulp voor uw naaste</h2>"
            "<p>Zoekt u hulp voor degene voor wie u zorgt? Lees dan:</p>"
            '<ul><li><a href="/hulp-voor-mezelf/hulp-bij-het-huishouden/">Hulp bij het huishouden</a></li>'
            '<li><a href="/hulp-voor-mezelf/hulpmiddelen-wonen-en-vervoer/">Hulpmiddelen</a>, zoals een '
            "douchestoel</li>"
            '<li><a href="/hulp-voor-mezelf/begeleiding-en-dagbesteding/">Begeleiding en '
            "dagbesteding</a></li>"
            '<li><a href="/hulp-voor-mezelf/wassen-aankleden-en-verpleging/">Wassen, aankleden en '
            "verpleging</a></li>"
            # A walk: a son whose mother no longer did her shopping did not find it from here.
            '<li><a href="/hulp-voor-mezelf/eten-en-boodschappen/">Eten en boodschappen</a></li></ul>'
            "<p>Is er hulp van de gemeente nodig? Dan mag u de melding doen namens uw naaste. "
            "Voor de wijkverpleging is geen melding nodig.</p>",
        ),
        (
            "goed_om_te_weten",
            {
                "title": "Neem uw eigen zorg mee in het gesprek",
                "text": "<p>Vraagt uw naaste hulp aan bij de gemeente? Dan mag u bij het gesprek zijn. "
                "Vertel dan ook hoe het met u gaat. "
                "De gemeente kijkt niet alleen naar uw naaste, maar ook naar wat u aankunt.</p>",
            },
        ),
        (
            "vragen",
            {
                "title": "Vragen van mantelzorgers",
                "items": [
                    {
                        "question": "Krijg ik iets als dank voor mijn zorg?",
                        "answer": "<p>Ja. Lindewaard geeft mantelzorgers elk jaar iets als dank. "
                        "Dat staat in de wet. Lindewaard kiest zelf de vorm, bijvoorbeeld een cadeaubon. "
                        "U vraagt het aan bij het steunpunt mantelzorg.</p>",
                    },
                    {
                        "question": "Wat als ik zelf plotseling ziek word?",
                        "answer": f"<p>Bel dan meteen het Wmo-loket van de gemeente: {WMO_LOKET_PHONE_LINK}. "
                        "Als uw zorg wegvalt, is er spoed. "
                        "Dan regelt de gemeente snel tijdelijke hulp voor uw naaste.</p>",
                    },
                ],
            },
        ),
        (
            "kaart_link",
            {
                "text": "Zoek steun voor mantelzorgers en respijtzorg",
                "zoekwoorden": "mantelzorg",  # the steunpunt first, not the A to Z order
                "thema": ["mantelzorg"],
                "doelgroep": ["mantelzorgers"],
            },
        ),
        (
            "melding_cta",
            {"text": "Hebt u of uw naaste meer hulp nodig? Doe een melding, ook namens uw naaste."},
        ),
    ],
}

HHT = {
    "slug": "huishoudelijke-hulp-toelage",
    "title": "De Huishoudelijke Hulp Toelage (HHT)",
    "intro": "Met de HHT krijgt u hulp in huis voor een lage prijs. U hebt er geen besluit van de gemeente "
    "voor nodig. Dit is een regeling van Lindewaard.",
    "body": [
        (
            "text",
            "<h2>Wat is de HHT?</h2>"
            "<p>De gemeente betaalt een deel van de kosten van een hulp in huis. U betaalt zelf "
            "€ 7,50 per uur. Dat bedrag heeft Lindewaard zelf gekozen. "
            "Zo is goede hulp in huis voor meer mensen te betalen.</p>"
            "<p>De hulp maakt uw huis schoon. Bijvoorbeeld stofzuigen, dweilen en de badkamer doen.</p>",
        ),
        (
            "text",
            "<h2>Voor wie is de HHT?</h2>"
            "<ul><li>voor mensen die wat hulp in huis nodig hebben, bijvoorbeeld door ouderdom</li>"
            "<li>voor mantelzorgers, zodat zij meer tijd over houden voor hun naaste</li></ul>"
            "<p>U hoeft geen melding te doen. En er is geen gesprek nodig.</p>",
        ),
        (
            "stappen",
            {
                "title": "Zo gebruikt u de HHT",
                "steps": [
                    {
                        "title": "Kies een aanbieder",
                        "text": "<p>Kijk in de sociale kaart welke aanbieders meedoen met de HHT.</p>",
                    },
                    {
                        "title": "Bel de aanbieder",
                        "text": "<p>Zeg dat u de HHT wilt gebruiken. "
                        "U spreekt samen af hoeveel uur en op welke dag.</p>",
                    },
                    {
                        "title": "Betaal de aanbieder",
                        "text": "<p>U krijgt elke maand een rekening van de aanbieder. "
                        "Daarop staat € 7,50 per uur.</p>",
                    },
                ],
            },
        ),
        (
            "goed_om_te_weten",
            {
                "title": "HHT of hulp bij het huishouden?",
                "text": "<p>Hebt u veel hulp nodig? Of kunt u de hulp niet betalen? "
                "Doe dan een melding voor hulp bij het huishouden. Dan kijken we samen wat past.</p>",
            },
        ),
        (
            "kaart_link",
            {
                "text": "Zoek aanbieders die meedoen met de HHT",
                "zoekwoorden": "HHT",
                "thema": ["huishouden"],
                "doelgroep": ["ouderen", "mantelzorgers"],
            },
        ),
    ],
}

# --- Melding, kosten en regels -------------------------------------------------------------------------

MELDING_TOT_BESCHIKKING = {
    "slug": "van-melding-tot-beschikking",
    "title": "Van melding tot besluit",
    "intro": "Hoe vraagt u hulp aan bij de gemeente? En hoe lang duurt het? Hier ziet u alle stappen.",
    "body": [
        (
            "stappen",
            {
                "title": "De stappen",
                "steps": [
                    {
                        "title": "U doet een melding",
                        "text": "<p>U laat weten dat u hulp nodig hebt. Dat heet een melding. "
                        "Het mag kort: uw naam, adres en telefoon zijn genoeg. "
                        "U krijgt meteen een meldingsnummer. Gaf u uw e-mailadres? "
                        "Dan krijgt u ook een bevestiging per e-mail.</p>",
                    },
                    {
                        "title": "U mag een eigen plan sturen",
                        "text": "<p>In uw plan schrijft u hoe het gaat en welke hulp u wilt. "
                        "Dat heet een persoonlijk plan. "
                        "U mag het sturen tot 7 dagen na de melding. Het hoeft niet.</p>",
                    },
                    {
                        "title": "Het gesprek",
                        "text": "<p>Iemand van de gemeente praat met u. Vaak bij u thuis. "
                        "Samen zoekt u uit wat u nodig hebt. Dit heet het onderzoek. "
                        "Binnen 6 weken na de melding moet het onderzoek klaar zijn.</p>",
                    },
                    {
                        "title": "U krijgt het verslag",
                        "text": "<p>In het verslag staat wat we besproken hebben. "
                        "Klopt er iets niet? Dan mag u dat laten weten.</p>",
                    },
                    {
                        "title": "U vraagt de hulp aan",
                        "text": "<p>Dat heet de aanvraag. In Lindewaard tekent u daarvoor het verslag. "
                        "U mag de hulp ook met een eigen brief aanvragen.</p>",
                    },
                    {
                        "title": "U krijgt het besluit",
                        "text": "<p>Binnen 2 weken na de aanvraag krijgt u een brief. "
                        "Dat heet de beschikking. Daarin staat welke hulp u krijgt en voor hoe lang. "
                        "Bent u het er niet mee eens? Maak dan binnen 6 weken "
                        '<a href="/melding-en-regels/klachten-en-bezwaar/">bezwaar</a>.</p>',
                    },
                ],
            },
        ),
        (
            "goed_om_te_weten",
            {
                "title": "Duurt het langer dan 6 weken?",
                "text": "<p>Is het onderzoek na 6 weken nog niet klaar? "
                "Dan mag u de hulp toch al aanvragen. Dat staat in de wet.</p>",
            },
        ),
        (
            "text",
            "<h2>Moeilijke woorden</h2>"
            "<p>De wet gebruikt soms moeilijke woorden. Dit betekenen ze:</p>"
            "<ul><li><strong>Wmo:</strong> de wet voor hulp thuis</li>"
            "<li><strong>melding:</strong> u laat weten dat u hulp nodig hebt</li>"
            "<li><strong>aanvraag:</strong> u vraagt de hulp echt aan</li>"
            "<li><strong>persoonlijk plan:</strong> uw eigen plan met de hulp die u wilt</li>"
            "<li><strong>onderzoek:</strong> het gesprek en wat de gemeente daarna uitzoekt</li>"
            "<li><strong>beschikking:</strong> de brief met het besluit</li>"
            "<li><strong>maatwerkvoorziening:</strong> hulp die bij u past</li></ul>",
        ),
        (
            "vragen",
            {
                "title": "Vragen over de stappen",
                "items": [
                    {
                        "question": "Moet ik het lange formulier invullen?",
                        "answer": "<p>Nee. U mag kiezen. "
                        "Een korte melding met uw naam, adres en telefoonnummer is genoeg. "
                        "Wij bellen u dan en vragen de rest in het gesprek.</p>",
                    },
                    {
                        "question": "Kan iemand anders de melding voor mij doen?",
                        "answer": "<p>Ja. Uw partner, kind, mantelzorger of hulpverlener mag dat doen. "
                        "Wel moet u het goed vinden.</p>",
                    },
                    {
                        # A walk: a son who had sent a melding searched "wat gebeurt er na mijn melding" and
                        # found this page only through "hoe lang duurt het".
                        "question": "Ik heb een melding gedaan. Wat gebeurt er nu?",
                        "answer": "<p>Binnen een paar werkdagen belt iemand van de gemeente u. "
                        "Is het dringend? Dan binnen 2 werkdagen. "
                        "Samen maakt u een afspraak voor het gesprek. Daarna volgen de stappen hierboven. "
                        'Wilt u weten hoe ver wij zijn? Kijk bij <a href="/melding/status/">'
                        "Waar staat mijn melding?</a></p>",
                    },
                ],
            },
        ),
        (
            "kaart_link",
            {
                "text": "Zoek gratis hulp bij het doen van een melding",
                "thema": ["clientondersteuning"],
                "doelgroep": [],
            },
        ),
        (
            "melding_cta",
            {"text": "Klaar om te beginnen? Doe een melding. Kort duurt het ongeveer 5 minuten."},
        ),
    ],
}

GESPREK = {
    "slug": "het-gesprek",
    "title": "Het gesprek",
    "intro": "Na uw melding komt er een gesprek. Vaak bij u thuis, aan de keukentafel. "
    "Hier leest u wat u kunt verwachten.",
    "body": [
        (
            "text",
            "<h2>Waar gaat het gesprek over?</h2>"
            "<p>Dit gesprek heet ook wel het keukentafelgesprek. "
            "Iemand van de gemeente komt bij u. Dat is een consulent. "
            "Samen bespreekt u:</p>"
            "<ul><li>wat goed gaat en wat niet</li>"
            "<li>wat u zelf kunt doen</li>"
            "<li>wie u kan helpen, zoals familie, vrienden of buren</li>"
            "<li>welke hulp er in de buurt is</li>"
            "<li>welke hulp van de gemeente u nodig hebt</li></ul>"
            "<p>Het gesprek duurt ongeveer een uur.</p>",
        ),
        (
            "text",
            "<h2>Wie mag erbij zijn?</h2>"
            "<p>U mag iemand meenemen. Dat is vaak fijn. Bijvoorbeeld:</p>"
            "<ul><li>uw partner of een familielid</li>"
            "<li>uw mantelzorger</li>"
            "<li>een cliëntondersteuner: die helpt u gratis en werkt niet voor de gemeente</li></ul>"
            # A walk: a resident who reads Dutch slowly searched for "tolk" and found no page.
            "<p>Spreekt u liever een andere taal dan Nederlands? Dan zoeken wij een tolk voor het gesprek. "
            "Zeg dit als u de melding doet, of bel het Wmo-loket.</p>",
        ),
        (
            "stappen",
            {
                "title": "Zo bereidt u het gesprek voor",
                "steps": [
                    {
                        "title": "Schrijf uw vragen op",
                        "text": "<p>Wat lukt niet meer? Wat wilt u wel blijven doen?</p>",
                    },
                    {
                        "title": "Leg uw papieren klaar",
                        "text": "<p>Bijvoorbeeld brieven van de dokter of een lijst met uw medicijnen.</p>",
                    },
                    {
                        "title": "Vraag iemand erbij",
                        "text": "<p>Twee mensen horen meer dan een. Zo vergeet u niets.</p>",
                    },
                ],
            },
        ),
        (
            "goed_om_te_weten",
            {
                "title": "Na het gesprek",
                "text": "<p>U krijgt een verslag van het gesprek. Lees het goed. "
                "Staat er iets in dat niet klopt? Laat het ons dan weten.</p>",
            },
        ),
        (
            "kaart_link",
            {
                "text": "Zoek een cliëntondersteuner op de sociale kaart",
                "thema": ["clientondersteuning"],
                "doelgroep": [],
            },
        ),
    ],
}

EIGEN_BIJDRAGE = {
    "slug": "eigen-bijdrage",
    "title": "Eigen bijdrage en een laag inkomen",
    "intro": "Voor de meeste hulp uit de Wmo betaalt u zelf een deel. Dat heet de eigen bijdrage. "
    "Hebt u weinig geld? Dan is er hulp.",
    "body": [
        (
            "text",
            "<h2>Hoeveel betaalt u?</h2>"
            "<p>De eigen bijdrage is een vast bedrag per maand. "
            "Het maakt niet uit hoeveel hulp u krijgt. Ook uw inkomen maakt niet uit.</p>"
            "<p>De regering bepaalt elk jaar hoe hoog het bedrag mag zijn. Lindewaard vraagt dat bedrag. "
            "Kijk voor het bedrag van dit jaar op de website "
            'van het CAK: <a href="https://www.hetcak.nl">www.hetcak.nl</a>. '
            'Of bel het CAK gratis op <a href="tel:08001925">0800 1925</a>. '
            "U betaalt het bedrag een keer per huishouden. "
            "Ook als u meer soorten hulp krijgt.</p>",
        ),
        (
            "text",
            "<h2>Wie stuurt de rekening?</h2>"
            "<p>Het CAK stuurt u de rekening. Het CAK is een bureau van de overheid. "
            "Wij geven het CAK door welke hulp u krijgt. De eerste rekening komt soms pas "
            "na een paar maanden. Zet dus wat geld opzij.</p>",
        ),
        (
            "goed_om_te_weten",
            {
                "title": "Hier betaalt u geen eigen bijdrage voor",
                "text": "<ul><li>een rolstoel</li>"
                "<li>hulp voor kinderen jonger dan 18 jaar</li>"
                "<li>een cliëntondersteuner</li>"
                "<li>hulp van het wijkteam</li></ul>",
            },
        ),
        (
            "text",
            "<h2>Hebt u een laag inkomen?</h2>"
            "<p>Dan kan de gemeente u helpen met de kosten. Bijvoorbeeld:</p>"
            "<ul><li>met bijzondere bijstand voor kosten die u niet kunt betalen</li>"
            "<li>met een zorgverzekering van Lindewaard met een lage premie</li>"
            "<li>met gratis hulp als u schulden hebt</li></ul>"
            "<p>Het wijkteam helpt u bij het aanvragen.</p>",
        ),
        (
            "vragen",
            {
                "title": "Vragen over de eigen bijdrage",
                "items": [
                    {
                        "question": "Betaal ik ook een eigen bijdrage met een pgb?",
                        "answer": "<p>Ja. Met een pgb betaalt u dezelfde eigen bijdrage.</p>",
                    },
                    {
                        "question": "Ik heb een vraag over mijn rekening. Wie bel ik?",
                        "answer": '<p>Bel het CAK gratis op <a href="tel:08001925">0800 1925</a>. '
                        "Zij sturen de rekening en kunnen u het beste helpen.</p>",
                    },
                ],
            },
        ),
        (
            "kaart_link",
            {
                "text": "Zoek hulp bij geld en schulden op de sociale kaart",
                "thema": ["geld"],
                "doelgroep": [],
            },
        ),
    ],
}

PGB = {
    "slug": "pgb-of-zorg-in-natura",
    "title": "Een pgb of zorg in natura",
    "intro": "Krijgt u hulp van de gemeente? Dan kiest u hoe u de hulp krijgt. "
    "De gemeente regelt het voor u. Of u regelt het zelf met een pgb.",
    "body": [
        (
            "text",
            "<h2>Zorg in natura: de gemeente regelt het</h2>"
            "<p>U kiest een aanbieder die afspraken heeft met de gemeente. "
            "De gemeente betaalt de aanbieder. U hoeft zelf niets te regelen. "
            "De meeste mensen kiezen hiervoor.</p>",
        ),
        (
            "text",
            "<h2>Een pgb: u regelt het zelf</h2>"
            "<p>Pgb betekent persoonsgebonden budget. Met een pgb kiest u zelf wie u helpt. "
            "Bijvoorbeeld een hulp die u al kent. "
            "U maakt zelf de afspraken en u houdt de uren bij.</p>"
            "<p>Het geld komt niet op uw eigen rekening. De SVB betaalt uw hulp namens u. "
            "De SVB is een bureau van de overheid.</p>",
        ),
        (
            "goed_om_te_weten",
            {
                "title": "Wanneer kunt u een pgb krijgen?",
                "text": "<ul><li>U kunt uitleggen waarom u een pgb wilt.</li>"
                "<li>U kunt het pgb zelf goed regelen, of iemand doet het voor u.</li>"
                "<li>De hulp die u kiest is goed en veilig.</li></ul>",
            },
        ),
        (
            "vragen",
            {
                "title": "Vragen over het pgb",
                "items": [
                    {
                        "question": "Mag een familielid mij helpen met een pgb?",
                        "answer": "<p>Soms wel. Dat hangt af van de hulp en van uw situatie. "
                        "Bespreek het in het gesprek.</p>",
                    },
                    {
                        "question": "Kan ik later nog wisselen?",
                        "answer": "<p>Ja. Bel ons. Dan kijken we samen of dat kan.</p>",
                    },
                ],
            },
        ),
        (
            "kaart_link",
            {
                "text": "Zoek hulp bij het kiezen en regelen van zorg",
                "thema": ["clientondersteuning"],
                "doelgroep": [],
            },
        ),
        (
            "melding_cta",
            {
                "text": "Wilt u hulp aanvragen? Doe een melding. "
                "In het gesprek kiest u zorg in natura of een pgb."
            },
        ),
    ],
}

CLIENTONDERSTEUNING = {
    "slug": "onafhankelijke-clientondersteuning",
    "title": "Gratis hulp van een cliëntondersteuner",
    "intro": "Een cliëntondersteuner staat naast u. Hij of zij helpt u om de juiste hulp te krijgen. "
    "Dat is gratis.",
    "body": [
        (
            "text",
            "<h2>Wat doet een cliëntondersteuner?</h2>"
            "<p>Een cliëntondersteuner helpt u bij alles met de gemeente. Bijvoorbeeld:</p>"
            "<ul><li>uitzoeken welke hulp u nodig hebt</li>"
            "<li>een melding doen</li><li>een persoonlijk plan schrijven</li>"
            "<li>het gesprek voorbereiden en erbij zijn</li>"
            "<li>bezwaar maken als u het niet eens bent</li></ul>",
        ),
        (
            "text",
            "<h2>Onafhankelijk en gratis</h2>"
            "<p>De cliëntondersteuner werkt niet voor de gemeente. Hij of zij kiest uw kant. "
            "U betaalt er niets voor. Ook geen eigen bijdrage. Dat staat in de wet.</p>"
            "<p>U kunt de hulp vragen in elke stap. Voor de melding, tijdens het gesprek en erna.</p>",
        ),
        (
            "goed_om_te_weten",
            {
                "title": "Iemand die u kent mag ook",
                "text": "<p>Veel mensen vragen een familielid of een vriend om mee te gaan. Dat mag. "
                "Wilt u liever iemand die de regels goed kent? Kies dan een cliëntondersteuner.</p>",
            },
        ),
        (
            "contact",
            {
                "title": "Een cliëntondersteuner vragen",
                "text": "<p>Bel ons of zeg het bij uw melding. Wij brengen u in contact. "
                "U kunt ook zelf een cliëntondersteuner zoeken in de sociale kaart.</p>",
            },
        ),
        (
            "kaart_link",
            {
                "text": "Zoek een cliëntondersteuner in Lindewaard",
                "thema": ["clientondersteuning"],
                "doelgroep": [],
            },
        ),
    ],
}

KLACHTEN = {
    "slug": "klachten-en-bezwaar",
    "title": "Klachten en bezwaar",
    "intro": "Bent u niet tevreden over de hulp? Of bent u het niet eens met een besluit? "
    "Dan kunt u een klacht doorgeven of bezwaar maken.",
    "body": [
        (
            "text",
            "<h2>Een klacht over de hulp</h2>"
            # The form says the same: talking first is advice, not a condition (a walk read "Praat er eerst
            # over" here and "U hoeft dat niet eerst te doen" on the form, and did not know which held).
            "<p>Bent u niet tevreden over uw hulp? Als het kan, praat er dan over met uw hulp "
            "of de aanbieder. "
            "Vaak is het dan snel opgelost. U hoeft dat niet eerst te doen.</p>"
            "<p>U kunt ook meteen een klacht doorgeven aan de gemeente. Dat kan met het "
            '<a href="/klacht/">klachtformulier</a>, of u belt ons. '
            "Een medewerker voor klachten luistert naar u. "
            "Zij praat met de aanbieder en zoekt met u naar een oplossing.</p>",
        ),
        (
            "text",
            "<h2>Bezwaar tegen een besluit</h2>"
            "<p>Bent u het niet eens met de beschikking? Dan kunt u bezwaar maken. "
            "Dat doet u binnen 6 weken nadat wij u de brief stuurden. "
            "Schrijf daarvoor een brief. Hoe dat gaat, leest u hieronder.</p>",
        ),
        (
            "stappen",
            {
                "title": "Zo maakt u bezwaar",
                "steps": [
                    {
                        "title": "Schrijf uw bezwaar",
                        "text": "<p>Zet erin: uw naam en adres, de datum, "
                        "het besluit en waarom u het niet eens bent. "
                        "Zet uw handtekening eronder.</p>",
                    },
                    {
                        "title": "Stuur het binnen 6 weken",
                        # A walk: a resident did not know when the letter was sent.
                        "text": "<p>Bovenaan de brief staat de datum waarop wij hem stuurden. De 6 weken "
                        "beginnen de dag daarna. Een e-mail telt niet als bezwaar. "
                        "Stuur uw bezwaar naar:<br>Gemeente Lindewaard<br>Bezwaarschriften<br>"
                        "Raadhuisplein 1<br>3911 AE Lindewaard</p>"
                        "<p>U mag het ook afgeven bij het Wmo-loket in het gemeentehuis. "
                        "Bewaar een kopie.</p>",
                    },
                    {
                        "title": "We praten met u",
                        "text": "<p>Vaak bellen we u eerst. Soms lost dat het al op. "
                        "Anders vertelt u uw verhaal aan een commissie. "
                        "Die mensen werken niet voor de gemeente. "
                        "Zij geven de gemeente advies over uw bezwaar.</p>",
                    },
                    {
                        "title": "U krijgt een nieuw besluit",
                        "text": "<p>Daarin staat of u gelijk krijgt. Bent u het daar ook niet mee eens? "
                        "Dan kunt u naar de rechter. Dat heet beroep.</p>",
                    },
                ],
            },
        ),
        (
            "goed_om_te_weten",
            {
                "title": "Hulp bij een klacht of bezwaar",
                "text": "<p>Een cliëntondersteuner helpt u gratis. Bezwaar maken kost ook niets. "
                "Hebt u een klacht over de gemeente, en is die na ons antwoord niet opgelost? "
                "Dan kunt u naar de Nationale ombudsman. Die kijkt gratis en onafhankelijk naar uw klacht: "
                '<a href="https://www.nationaleombudsman.nl">www.nationaleombudsman.nl</a> '
                'of bel <a href="tel:08003355555">0800 335 55 55</a>.</p>',
            },
        ),
        (
            "contact",
            {
                "title": "Contact",
                "text": "<p>Bel ons voor een klacht. Of vul het "
                '<a href="/klacht/">klachtformulier</a> in. Vertel wat er gebeurd is.</p>',
            },
        ),
        (
            "kaart_link",
            {
                "text": "Zoek gratis hulp van een cliëntondersteuner",
                "thema": ["clientondersteuning"],
                "doelgroep": [],
            },
        ),
    ],
}

# --- Ik werk met cliënten -----------------------------------------------------------------------------

PROFESSIONALS_MELDEN = {
    "slug": "verwijzen-en-melden",
    "title": "Een cliënt verwijzen of melden",
    "intro": "Werkt u in de zorg of bij een organisatie in Lindewaard? "
    "Zo helpt u een cliënt snel aan de juiste hulp.",
    "body": [
        (
            "text",
            "<h2>Eerst: hulp in de buurt</h2>"
            "<p>Veel hulp is er zonder besluit van de gemeente. Bijvoorbeeld een maaltijdservice, "
            "een buurthuis of hulp bij geld. Zoek die in de sociale kaart. "
            "U kunt uw cliënt dan meteen verwijzen.</p>",
        ),
        (
            "stappen",
            {
                "title": "Een melding doen voor uw cliënt",
                "steps": [
                    {
                        "title": "Vraag toestemming",
                        # A walk: a nurse found nothing on what to tell her client.
                        "text": "<p>Vraag of uw cliënt het goed vindt dat u de melding doet. "
                        "Zonder toestemming mag het niet. Vertel uw cliënt ook wat er daarna gebeurt. Dat "
                        'staat op de pagina <a href="/melding-en-regels/het-gesprek/">Het gesprek</a>.</p>',
                    },
                    {
                        "title": "Doe de melding",
                        "text": "<p>Kies in het formulier 'Voor iemand anders: ik doe dit voor mijn werk'. "
                        "Naam, adres en telefoon van uw cliënt zijn genoeg. "
                        "Schrijf kort op wat er speelt.</p>",
                    },
                    {
                        "title": "Wij nemen contact op",
                        # As the melding's confirmation says: the gemeente calls the one who made it.
                        "text": "<p>Een consulent belt u om een gesprek met uw cliënt te plannen. "
                        "Wilt u erbij zijn? Zet dat in de melding.</p>",
                    },
                ],
            },
        ),
        (
            "goed_om_te_weten",
            {
                "title": "Is er spoed?",
                "text": "<p>Kies in het formulier bij 'Is het dringend?' voor Ja. Of bel ons meteen. "
                "Bij spoed neemt Lindewaard binnen 2 werkdagen contact op en regelt tijdelijke hulp.</p>",
            },
        ),
        (
            "text",
            "<h2>Ziet u dat er meer speelt?</h2>"
            "<p>Komt u bij iemand thuis en ziet u dat het minder goed gaat? "
            "Bespreek het eerst met uw cliënt. Neem daarna contact op met het wijkteam. "
            "Zo krijgt uw cliënt op tijd hulp.</p>"
            "<p>Hebt u een account voor professionals? "
            '<a href="/admin/backoffice/signalen/nieuw/">Log dan in en stuur het wijkteam een signaal</a>. '
            "Geen account? Bel ons en vraag er een aan.</p>",
        ),
        (
            "contact",
            {
                "title": "Vragen over een cliënt",
                "text": "<p>Bel ons en zeg dat u hulpverlener bent. Wij denken met u mee.</p>",
            },
        ),
        (
            "kaart_link",
            {
                "text": "Zoek hulp voor uw cliënt in de sociale kaart",
                "thema": [],
                "doelgroep": [],
            },
        ),
        (
            "melding_cta",
            {"text": "Doe een melding voor uw cliënt. Vraag eerst of hij of zij het goed vindt."},
        ),
    ],
}

PROFESSIONALS_KAART = {
    "slug": "sociale-kaart-voor-professionals",
    "title": "De sociale kaart voor hulpverleners",
    "intro": "In de sociale kaart staat alle hulp in Lindewaard. "
    "Per wijk, per onderwerp en met contactgegevens.",
    "body": [
        (
            "text",
            "<h2>Wat vindt u in de sociale kaart?</h2>"
            "<ul><li>hulp en activiteiten per wijk</li>"
            "<li>wie de hulp geeft en hoe u iemand aanmeldt</li>"
            "<li>of de hulp gratis is of dat er een besluit nodig is</li>"
            "<li>openingstijden en adressen</li></ul>"
            "<p>Gebruik de sociale kaart in elk gesprek met een cliënt. "
            "Zo vindt u samen hulp die dichtbij is.</p>",
        ),
        (
            "text",
            "<h2>Plek per wijk</h2>"
            "<p>Aanbieders zetten elke week in de sociale kaart of zij plek hebben. "
            "Dat doen zij per wijk. Zo ziet u snel welke aanbieder uw cliënt kan helpen.</p>"
            # A walk: a praktijkondersteuner read that "de gemeente" sees the places, never that he could.
            # A walk's wijkverpleegkundige read "van de gemeente", and did not know she could have one too.
            "<p>Werkt u als hulpverlener in Lindewaard? Bij de gemeente, een zorgaanbieder of een huisarts? "
            "Dan kunt u een account voor professionals krijgen. "
            f"Geen account? Bel {WMO_LOKET_PHONE_LINK} en vraag er een aan. "
            'Hebt u een account? <a href="/admin/login/?next=/sociale-kaart/">Log dan in</a>. '
            "Daarna ziet u in de sociale kaart bij de hulp of er plek is en hoe lang de wachttijd is. "
            "U ziet ook de contactpersonen voor hulpverleners. "
            "En u kunt een lijst met hulp maken om aan uw cliënt te geven.</p>"
            "<p>Bent u aanbieder? Houd uw gegevens dan elke week bij. "
            '<a href="/admin/login/">Log in met uw account voor aanbieders</a>.</p>',
        ),
        (
            "vragen",
            {
                "title": "Vragen over de sociale kaart",
                "items": [
                    {
                        "question": "Klopt er iets niet in de sociale kaart?",
                        "answer": "<p>Stuur ons een e-mail. Zet erin welke hulp het is en wat er niet klopt. "
                        "Wij passen het aan.</p>",
                    },
                    {
                        "question": "Mijn organisatie staat er niet in. Hoe kom ik erin?",
                        "answer": "<p>Stuur ons een e-mail met uw gegevens en de hulp die u geeft.</p>",
                    },
                ],
            },
        ),
        (
            "contact",
            {
                "title": "Contact voor hulpverleners",
                "text": "<p>Hebt u een vraag over de sociale kaart? Bel of mail ons.</p>",
            },
        ),
        (
            "kaart_link",
            {
                "text": "Open de sociale kaart",
                "thema": [],
                "doelgroep": [],
            },
        ),
    ],
}

THEMES = [
    {
        "slug": "hulp-voor-mezelf",
        "title": "Ik zoek hulp voor mezelf",
        "intro": "Lukt iets thuis niet meer goed? Hier vindt u de hulp die er is. En hoe u die krijgt.",
        # Urgent help first: the home page shows the first four pages of each theme.
        "pages": [
            SPOED,
            HUISHOUDEN,
            BEGELEIDING,
            ONTMOETEN,
            HULPMIDDELEN,
            VERZORGING,
            VERVANGING,
            ETEN_EN_BOODSCHAPPEN,
        ],
    },
    {
        "slug": "ik-zorg-voor-iemand",
        "title": "Ik zorg voor iemand",
        "intro": "Zorgt u voor iemand die ziek is of een beperking heeft? "
        "Hier leest u welke steun er is voor u, en waar u hulp vindt voor uw naaste.",
        "pages": [MANTELZORG, HHT],
    },
    {
        "slug": "melding-en-regels",
        "title": "Melding, kosten en regels",
        "intro": "Hoe vraagt u hulp aan? Wat kost het? En wat doet u als u het niet eens bent? "
        "Dat leest u hier.",
        # The intro asks "wat doet u als u het niet eens bent?": its page among the four the home page shows.
        "pages": [MELDING_TOT_BESCHIKKING, GESPREK, EIGEN_BIJDRAGE, KLACHTEN, PGB, CLIENTONDERSTEUNING],
    },
    {
        "slug": "voor-professionals",
        "title": "Ik werk met cliënten",
        "intro": "Voor hulpverleners, huisartsen en aanbieders: "
        "zo verwijst u een cliënt en vindt u hulp in de wijk.",
        "pages": [PROFESSIONALS_MELDEN, PROFESSIONALS_KAART],
    },
]

PLAIN_PAGES = [
    {
        "slug": "privacy",
        "title": "Privacy",
        "intro": "Wat wij doen met uw persoonsgegevens, en wie ze mag zien.",
        "body": [
            (
                "text",
                "<h2>Wat doen wij met uw gegevens?</h2>"
                "<p>Doet u een melding? Dan bewaren wij uw gegevens. Wij gebruiken ze alleen om u te helpen. "
                "Alleen de mensen die aan uw melding werken, kunnen ze lezen.</p>"
                "<p>Uw gegevens zijn op een veilige manier opgeslagen. Niemand anders kan ze lezen.</p>",
            ),
            (
                "text",
                "<h2>Hoe lang bewaren wij uw gegevens?</h2>"
                "<p>Wij bewaren uw gegevens zolang dat nodig is voor de hulp. "
                "Daarna wissen wij ze.</p>",
            ),
            (
                "text",
                "<h2>Uw rechten</h2>"
                "<p>U mag vragen welke gegevens wij van u hebben. U mag ook vragen om fouten te verbeteren. "
                "Of om uw gegevens te wissen, als dat mag volgens de wet.</p>"
                "<p>Bent u het niet eens met wat wij doen? Dan kunt u een klacht sturen "
                "naar de Autoriteit Persoonsgegevens.</p>",
            ),
            (
                "text",
                "<h2>Als u de website bezoekt</h2>"
                "<p>Wij volgen niet wat u op de website doet. Wij gebruiken geen cookies om u te volgen.</p>",
            ),
            (
                "contact",
                {
                    "title": "Vragen over privacy",
                    "text": "<p>Bel of mail ons. Vraag naar de functionaris voor privacy.</p>",
                },
            ),
        ],
    },
    {
        "slug": "toegankelijkheid",
        "title": "Toegankelijkheid",
        "body": [
            (
                "text",
                "<h2>Een website voor iedereen</h2>"
                "<p>Iedereen moet deze website goed kunnen gebruiken. "
                "Ook mensen die slecht zien of die geen muis gebruiken.</p>"
                "<p>Daarom doen wij dit:</p>"
                "<ul><li>wij schrijven in eenvoudige taal</li>"
                "<li>u kunt alles doen met alleen het toetsenbord</li>"
                "<li>de website werkt met een voorleesprogramma</li>"
                "<li>u kunt de tekst groter maken</li>"
                "<li>elke pagina met informatie kunt u printen of als PDF bewaren</li></ul>",
            ),
            (
                "text",
                "<h2>Wij testen de website</h2>"
                "<p>Wij testen elke nieuwe versie van de website. "
                "Wij volgen de regels voor websites van de overheid.</p>",
            ),
            (
                "contact",
                {
                    "title": "Werkt iets niet goed?",
                    "text": "<p>Laat het ons weten. Bel of mail ons. "
                    "Dan lossen wij het zo snel mogelijk op.</p>",
                },
            ),
        ],
    },
]
