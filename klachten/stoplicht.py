"""The traffic light per provider and thema: complaints of the last 12 months per 100 clients.

The method (the explanation page at /klacht/stoplicht/ says the same in B1):

1. Count the complaints about the provider for this thema received in the last 12 months
   (`KLACHTEN_STOPLICHT["MAANDEN"]`), leaving out those judged unfounded ("ongegrond") at the end.
2. Take the number of clients the provider reported for this thema in its self-service.
3. No light ("te weinig gegevens") when the provider reported no number, fewer than `MIN_CLIENTEN` clients,
   or first reported less than `MIN_DAGEN` days ago (a new provider): the figure would say little.
4. Green when there are fewer than `MIN_KLACHTEN` complaints: one or two can be chance.
5. Otherwise complaints per 100 clients: from `ROOD` red, from `ORANJE` orange, below that green.

The klachten app computes the lights and writes them onto the kaart through `socialekaart.public`
(`replace_stoplichten`): the kaart shows them without knowing anything of complaints. They are computed
again whenever a complaint or a number of clients changes, and by `manage.py update_stoplichten`, which
should run daily so complaints older than 12 months drop out.
"""

from collections import Counter
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

from socialekaart import public

from .models import Clientaantal, Klacht

GROEN, ORANJE, ROOD, GEEN = "groen", "oranje", "rood", "geen"


def instellingen() -> dict:
    return settings.KLACHTEN_STOPLICHT


def kleur(klachten: int, clienten: int | None, eerst_gemeld_op: date | None, today: date) -> str:
    """The colour for `klachten` complaints among `clienten` clients, by the rules above."""
    rules = instellingen()
    if not clienten or clienten < rules["MIN_CLIENTEN"]:
        return GEEN
    if eerst_gemeld_op is None or (today - eerst_gemeld_op).days < rules["MIN_DAGEN"]:
        return GEEN
    if klachten < rules["MIN_KLACHTEN"]:
        return GROEN
    per_100 = klachten * 100 / clienten
    if per_100 >= rules["ROOD"]:
        return ROOD
    if per_100 >= rules["ORANJE"]:
        return ORANJE
    return GROEN


def window_start(today: date) -> date:
    """The first day that counts: the same day `MAANDEN` months ago (approximated as 365 days per 12)."""
    return today - timedelta(days=round(instellingen()["MAANDEN"] * 365 / 12))


def standen(today: date | None = None) -> list[public.StoplichtStand]:
    """A light for every provider and thema that has a number of clients or a complaint in the window."""
    today = today or timezone.localdate()
    counts = Counter(
        Klacht.objects.counting_for_stoplicht(window_start(today))
        .filter(thema__isnull=False)
        .values_list("organisatie_id", "thema_id")
    )
    reported = {
        (row.organisatie_id, row.thema_id): row
        for row in Clientaantal.objects.only("organisatie_id", "thema_id", "aantal", "eerst_gemeld_op")
    }
    result = []
    for key in sorted(set(counts) | set(reported), key=str):
        row = reported.get(key)
        clienten = row.aantal if row else None
        result.append(
            public.StoplichtStand(
                organisatie_id=key[0],
                thema_id=key[1],
                kleur=kleur(counts[key], clienten, row.eerst_gemeld_op if row else None, today),
                klachten=counts[key],
                clienten=clienten,
            )
        )
    return result


def werk_bij(today: date | None = None) -> int:
    """Compute every light again and put them on the kaart; returns how many there are."""
    today = today or timezone.localdate()
    return public.replace_stoplichten(standen(today), today)
