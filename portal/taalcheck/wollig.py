"""Officialese ("wollige" and "ambtelijke" taal) with plain alternatives.

Our own list, written for Wmo texts. Each entry: the forms to find (whole words or phrases, any case;
the first form names the entry) and the plain alternative to suggest. Separable verbs are listed in the
forms a reader meets them ("beschikken over", "beschikt over").
"""

import re
from collections import Counter
from functools import lru_cache

WOLLIG: list[tuple[tuple[str, ...], str]] = [
    (("indien",), "als"),
    (("teneinde",), "om"),
    (("middels",), "met"),
    (("derhalve",), "daarom"),
    (("doch",), "maar"),
    (("echter",), "maar"),
    (("tevens",), "ook"),
    (("alsmede",), "en"),
    (("dan wel",), "of"),
    (("danwel",), "of"),
    (("omtrent",), "over"),
    (("inzake",), "over"),
    (("betreffende",), "over"),
    (("aangaande",), "over"),
    (("ten aanzien van",), "over"),
    (("met betrekking tot",), "over"),
    (("ten behoeve van",), "voor"),
    (("ten einde",), "om"),
    (("ter zake",), "hierover"),
    (("teneinde te",), "om te"),
    (("door middel van",), "met"),
    (("op grond van",), "volgens"),
    (("ingevolge",), "volgens"),
    (("krachtens",), "volgens"),
    (("conform",), "volgens"),
    (("overeenkomstig",), "volgens"),
    (("in het kader van",), "bij, voor"),
    (("ten gevolge van",), "door"),
    (("tengevolge van",), "door"),
    (("als gevolg van",), "door"),
    (("naar aanleiding van",), "na, door"),
    (("in verband met",), "door, voor"),
    (("ten tijde van",), "toen, tijdens"),
    (("gedurende",), "tijdens"),
    (("alvorens",), "voordat"),
    (("nadien",), "daarna"),
    (("voorafgaand aan",), "voor"),
    (("thans",), "nu"),
    (("momenteel",), "nu"),
    (("heden",), "vandaag"),
    (("reeds",), "al"),
    # A verb's plain word in the same form: "dient u" is "moet u", not "moeten u". "In te dienen" is another
    # verb (indienen): a walk was told "in te moeten".
    (("in te dienen",), "te sturen, te geven"),
    (("dienen",), "moeten"),
    (("dient", "dien"), "moet"),
    (("verzoeken",), "vragen"),
    (("verzoekt",), "vraagt"),
    (("verzoek",), "vraag"),
    (("ontvangen",), "krijgen, gekregen"),  # "de hulp ontvangen", "hebt u de brief ontvangen?"
    (("ontvangt",), "krijgt"),
    # A past participle gets one too: "wordt verstrekt" is "wordt gegeven", not "wordt geven".
    (("verstrekken",), "geven"),
    (("verstrekt",), "geeft, gegeven"),
    (("verstrekking",), "het geven"),
    (("verschaffen",), "geven"),
    (("verschaft",), "geeft, gegeven"),
    (("toekennen",), "geven"),
    (("kent toe",), "geeft"),
    (("toegekend",), "gegeven"),
    (("toekenning",), "besluit"),
    (("indienen",), "sturen, geven"),
    (("dient in",), "stuurt, geeft"),
    (("ingediend",), "gestuurd, gegeven"),
    (("retourneren",), "terugsturen"),
    (("retourneert",), "stuurt terug"),
    (("geretourneerd",), "teruggestuurd"),
    (("verzenden",), "sturen"),
    (("verzendt",), "stuurt"),
    (("verzonden",), "gestuurd"),
    (("aanvangen",), "beginnen"),
    (("vangt aan",), "begint"),
    (("aanvang",), "begin"),
    (("beëindigen",), "stoppen"),
    (("beëindigt",), "stopt"),
    (("beëindigd",), "gestopt"),
    (("beëindiging",), "het stoppen"),
    (("trachten",), "proberen"),
    (("tracht",), "probeert"),
    (("wenst", "wenst u"), "wilt"),
    (("behoeven",), "hoeven"),
    (("behoeft",), "hoeft"),
    (("behoefte hebben aan", "behoefte heeft aan"), "nodig hebben"),
    (("beschikken over", "beschikt over", "beschik over"), "hebben"),
    (("woonachtig",), "wonen"),
    (("woonachtig zijn", "woonachtig is"), "wonen"),
    (("zich wenden tot", "wendt u zich tot", "u wenden tot", "kunt u zich wenden tot"), "bellen, gaan naar"),
    (("in aanmerking komen", "komt in aanmerking", "komen in aanmerking"), "krijgen, recht hebben op"),
    (("in behandeling nemen",), "bekijken"),
    (("neemt in behandeling",), "bekijkt"),
    (("in behandeling genomen",), "bekeken"),
    (("in bezit van", "in het bezit van"), "met, die heeft"),
    (("in de gelegenheid stellen", "stellen u in de gelegenheid"), "de kans geven"),
    (("in overleg met",), "samen met"),
    (("kenbaar maken", "maakt kenbaar", "kenbaar gemaakt", "kenbaar te maken"), "laten weten"),
    (("zorg dragen voor", "draagt zorg voor", "dragen zorg voor"), "zorgen voor"),
    # A walk's editor wrote "door de zorgaanbieder zorggedragen", "verricht" and "waarborgen": unflagged.
    (("zorggedragen", "zorg gedragen"), "gezorgd"),
    (("verrichten",), "doen"),
    (("verricht",), "doet, gedaan"),
    (("waarborgen",), "zorgen voor, beschermen"),
    (("waarborgt",), "zorgt voor, beschermt"),
    (("ter beschikking stellen",), "geven, lenen"),
    (("stelt ter beschikking",), "geeft, leent"),
    (("ter beschikking gesteld",), "gegeven, geleend"),
    (("ter hand stellen",), "geven"),
    (("ter hand gesteld",), "gegeven"),
    (("uitsluitend",), "alleen"),
    (("louter",), "alleen"),
    (("dusdanig",), "zo"),
    (("zodanig",), "zo"),
    (("wellicht",), "misschien"),
    (("mogelijkerwijs",), "misschien"),
    (("vanzelfsprekend",), "natuurlijk"),
    (("uiteraard",), "natuurlijk"),
    (("doorgaans",), "meestal"),
    (("veelal",), "vaak"),
    (("frequent",), "vaak"),
    (("dagelijks",), "elke dag"),
    (("wekelijks",), "elke week"),
    (("adequaat", "adequate"), "goed, passend"),
    (("afdoende",), "genoeg"),
    (("voldoende",), "genoeg"),
    (("aanvullend", "aanvullende"), "extra"),
    (("benodigd", "benodigde"), "nodig"),
    (("noodzakelijk", "noodzakelijke"), "nodig"),
    (("desgewenst",), "als u wilt"),
    (("desgevraagd",), "als u het vraagt"),
    (("dientengevolge",), "daardoor"),
    (("hieromtrent",), "hierover"),
    (("dienaangaande",), "hierover"),
    (("hetgeen",), "wat"),
    (("zulks",), "dat"),
    (("onderhavig", "onderhavige"), "deze"),
    (("voornoemd", "voornoemde", "bovengenoemd", "bovengenoemde"), "deze"),
    (("bovenstaand", "bovenstaande"), "deze"),
    (("onderstaand", "onderstaande"), "hieronder"),
    (("c.q.",), "of"),
    (("i.v.m.",), "door, voor"),
    (("m.b.t.",), "over"),
    (("t.a.v.",), "over, voor"),
    (("maatwerkvoorziening", "maatwerkvoorzieningen"), "hulp die bij u past"),
    (("voorliggende voorziening", "voorliggende voorzieningen"), "hulp in de buurt die u zelf kunt regelen"),
    (("zelfredzaamheid",), "dingen zelf kunnen doen"),
    (("zelfredzaam",), "kan het zelf"),
    (("participatie",), "meedoen"),
    (("ondersteuningsbehoefte", "ondersteuningsbehoeften"), "de hulp die u nodig hebt"),
    (("ondersteuningsvraag", "ondersteuningsvragen"), "hulpvraag"),
    (("hulpvrager", "hulpvragers"), "inwoner, u"),
    (("burger", "burgers"), "inwoner, u"),
    (("cliëntervaringsonderzoek",), "vragenlijst over hoe het ging"),
    (("eigen kracht",), "wat u zelf kunt"),
    (("sociaal netwerk", "sociale netwerk"), "familie, vrienden en buren"),
    (("gemeentelijk", "gemeentelijke"), "van de gemeente"),
    (("ambulant", "ambulante"), "bij u thuis"),
    (("integraal", "integrale"), "compleet, samen"),
    (("afstemming", "afstemmen"), "overleg, overleggen"),
    (("faciliteren",), "helpen, mogelijk maken"),
    (("faciliteert",), "helpt, maakt mogelijk"),
    (("implementeren", "implementatie"), "invoeren"),
    (("realiseren",), "maken, doen"),
    (("realiseert",), "maakt, doet"),
    (("gerealiseerd",), "gemaakt, gedaan"),
    (("optimaliseren",), "beter maken"),
    (("prioriteren", "prioriteit geven aan"), "eerst doen"),
    (("evalueren",), "bekijken hoe het gaat"),
    (("evalueert",), "bekijkt hoe het gaat"),
    (("evaluatie",), "gesprek over hoe het gaat"),
    (("monitoren",), "volgen"),
    (("signaleren",), "zien, merken"),
    (("signaleert",), "ziet, merkt"),
    (("verstrekte",), "gegeven"),
    (("onverwijld",), "meteen"),
    (("terstond",), "meteen"),
    (("per omgaande",), "meteen"),
    (("per direct",), "vanaf nu, meteen"),
    (("met ingang van",), "vanaf"),
    (("met inachtneming van",), "met aandacht voor"),
    (("niettegenstaande",), "ondanks"),
    (("desalniettemin",), "toch"),
    (("evenwel",), "maar"),
    (("enerzijds",), "aan de ene kant"),
    (("anderzijds",), "aan de andere kant"),
    # The words of a decision letter's "bezwaar" paragraph, which an editor pasted into a page and the
    # check called almost B1.
    (("dagtekening",), "datum"),
    (("zienswijze", "zienswijzen"), "mening, reactie"),
    (("college van burgemeester en wethouders", "college van b&w", "college van b en w"), "de gemeente"),
    (("belanghebbende", "belanghebbenden"), "u, wie het aangaat"),
    (("bezwaarschrift", "bezwaarschriften"), "brief met uw bezwaar"),
    (("ten spoedigste",), "zo snel mogelijk"),
    # Words a walk found the check silent on.
    (("er sprake is van", "sprake is van", "sprake van"), "er is, het gaat om"),
    (("in staat is om", "in staat bent om", "in staat om", "in staat is te", "in staat te"), "kan, kunt"),
    (("tijdig",), "op tijd"),
    # An editor's walk: "zorg te dragen voor", "voorts" and "de benodigde bescheiden" passed without a word.
    (("zorg te dragen voor", "zorg te dragen"), "te zorgen voor"),
    (("voorts",), "ook, verder"),
    # The documents, not the adjective ("een bescheiden bedrag").
    (("de bescheiden", "uw bescheiden", "alle bescheiden", "benodigde bescheiden"), "de papieren"),
    (("onder vermelding van",), "met"),
    (("ten laste van",), "betaald door"),
    (("behoudens",), "behalve"),
    (("bewerkstelligen",), "zorgen voor"),
    (("aanwenden",), "gebruiken"),
    (("uw schrijven",), "uw brief"),
    (("ter attentie van",), "voor"),
    (("wordt geacht", "worden geacht"), "moet, moeten"),
    (("ingeval",), "als"),
]


def _pattern(form: str) -> str:
    # A phrase may be spread over any white space.
    return r"\s+".join(re.escape(part) for part in form.split())


@lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern, dict[str, str]]:
    alternative_of: dict[str, str] = {}
    for forms, alternative in WOLLIG:
        for form in forms:
            alternative_of.setdefault(form.lower(), alternative)
    # Longest forms first, so "teneinde te" wins over "teneinde" and "woonachtig zijn" over "woonachtig".
    ordered = sorted(alternative_of, key=len, reverse=True)
    # Whole words only; the checks stand outside the alternatives so each position is tested once.
    alternatives = "|".join(_pattern(form) for form in ordered)
    pattern = re.compile(rf"(?<![\w.])(?:{alternatives})(?!\w)", re.IGNORECASE)
    return pattern, alternative_of


def find_wollig(text: str) -> list[tuple[str, str, int]]:
    """(form found, plain alternative, how often), most frequent first, then in reading order."""
    pattern, alternative_of = _matcher()
    found = Counter(" ".join(match.group().lower().split()) for match in pattern.finditer(text))
    return [(form, alternative_of[form], count) for form, count in found.most_common()]


def count_wollig(text: str) -> int:
    pattern, _ = _matcher()
    return sum(1 for _ in pattern.finditer(text))
