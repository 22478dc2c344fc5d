"""Helpers to walk the melding like a resident: post each step as the browser would."""

import re

import pytest

PREFIX = "melding_wizard"
REFERENCE_RE = re.compile(r"M-[2-9A-HJ-NP-RT-Z]{4}-[2-9A-HJ-NP-RT-Z]{4}")

ZELF_KORT = [
    ("voor-wie", {"voor_wie": "zelf"}),
    ("keuze", {"soort": "kort"}),
    ("waarover", {"onderwerpen": ["huishouden"]}),
    (
        "gegevens",
        {
            "naam": "Jan Jansen",
            "postcode": "3911 AB",
            "huisnummer": "12",
            "telefoon": "06 12345678",
            "email": "jan@example.org",
        },
    ),
    ("spoed", {"spoed": "nee"}),
]
ANDER_UITGEBREID = [
    ("voor-wie", {"voor_wie": "mantelzorger"}),
    (
        "melder",
        {
            "naam": "Petra de Vries",
            "telefoon": "0612345678",
            "email": "petra@example.org",
            "bewoner_toestemming": "akkoord",
        },
    ),
    ("keuze", {"soort": "uitgebreid"}),
    (
        "gegevens",
        {
            "naam": "Gerrit de Vries",
            "postcode": "3915AA",
            "huisnummer": "3",
            "toevoeging": "B",
            "geboortedag": "7",
            "geboortemaand": "3",
            "geboortejaar": "1941",
        },
    ),
    ("hulp", {"onderwerpen": ["huishouden", "vervoer"]}),
    ("situatie", {"wat_lukt_niet": "Stofzuigen lukt niet meer door mijn knieën.", "sinds_wanneer": "maart"}),
    ("gesprek", {"plek": "thuis", "wie_erbij": ["mantelzorger"]}),
    ("spoed", {"spoed": "ja", "toelichting": "Mijn mantelzorger valt plotseling weg."}),
]


def step_data(step: str, data: dict) -> dict:
    posted = {f"{step}-{key}": value for key, value in data.items()}
    posted[f"{PREFIX}-current_step"] = step
    return posted


class Walker:
    def __init__(self, client):
        self.client = client

    def start(self):
        return self.client.get("/melding/voor-wie/?reset=1", follow=True)

    def post(self, step: str, data: dict, **extra):
        """Post a page as the browser does: a page with errors redirects to itself, and shows them there."""
        url = f"/melding/{step}/"
        response = self.client.post(url, {**step_data(step, data), **extra})
        if response.status_code == 302 and response["Location"].split("#")[0] == url:
            return self.client.get(url)
        return response

    def walk(self, steps):
        self.start()
        response = None
        for step, data in steps:
            response = self.post(step, data)
            assert response.status_code == 302, (step, response.content.decode()[:2000])
        return response

    def submit(self):
        """Send from the check page, as shown: it carries what it showed (the answers' digest)."""
        return self.post("controleren", {"toestemming": "on"}, **self.seen())

    def seen(self) -> dict:
        page = self.client.get("/melding/controleren/").content.decode()
        found = re.search(r'name="gezien" value="([0-9a-f]+)"', page)
        return {"gezien": found[1]} if found else {}


@pytest.fixture
def walker(client):
    return Walker(client)


@pytest.fixture
def submitted(walker, db):
    """A short melding for oneself, sent; returns the walker after the confirmation redirect."""
    walker.walk(ZELF_KORT)
    response = walker.submit()
    assert response.status_code == 302 and response["Location"] == "/melding/bevestiging/"
    return walker
