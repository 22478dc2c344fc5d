"""A small portal in the format of portal/demo/content.py, loaded with the real loader."""

from types import SimpleNamespace

import pytest
from django.db import transaction

SAMPLE_BEGRIPPEN = [
    {
        "term": "Wmo",
        "variants": ["Wmo", "Wmo 2015"],
        "uitleg": "De wet die zegt dat de gemeente u helpt thuis te wonen.",
    },
    {
        "term": "melding",
        "variants": ["melding", "meldingen"],
        "uitleg": "U laat de gemeente weten dat u hulp nodig hebt.",
    },
    {
        "term": "eigen bijdrage",
        "variants": ["eigen bijdrage"],
        "uitleg": "Een vast bedrag dat u per maand betaalt.",
    },
]

HUISHOUDEN = {
    "slug": "hulp-bij-het-huishouden",
    "title": "Hulp bij het huishouden",
    "intro": "Lukt het schoonmaken niet meer? Dan kan een hulp bij u thuis komen.",
    "body": [
        (
            "text",
            "<h2>Wat doet de hulp?</h2><p>De hulp maakt uw huis schoon. Dat regelt de Wmo. "
            'Ook de Wmo betaalt mee.</p><p>Lees meer over de <a href="/melding/">melding</a>.</p>',
        ),
        ("goed_om_te_weten", {"title": "Goed om te weten", "text": "<p>U betaalt een eigen bijdrage.</p>"}),
        (
            "stappen",
            {
                "title": "Zo gaat het",
                "steps": [
                    {"title": "U doet een melding", "text": "<p>Bel of vul het formulier in.</p>"},
                    {"title": "Wij bellen u", "text": "<p>Binnen een week.</p>"},
                ],
            },
        ),
        (
            "vragen",
            {
                "title": "Vragen",
                "items": [
                    {"question": "Wat kost het?", "answer": "<p>U betaalt per maand een vast bedrag.</p>"},
                ],
            },
        ),
        ("contact", {"title": "Vragen over hulp in huis?", "text": "<p>Bel ons gerust.</p>"}),
        (
            "kaart_link",
            {"text": "Zoek schoonmaakhulp in uw buurt", "thema": ["huishouden"], "doelgroep": ["ouderen"]},
        ),
        ("melding_cta", {"text": "Wilt u deze hulp? Doe dan een melding."}),
    ],
}
MANTELZORG = {
    "slug": "mantelzorg",
    "title": "Hulp voor mantelzorgers",
    "intro": "Zorgt u voor iemand? Er is hulp voor u.",
    "body": [("text", "<p>Een mantelzorger zorgt voor iemand die ziek is. Even vrij nemen kan ook.</p>")],
}

SAMPLE_CONTENT = SimpleNamespace(
    HOME={"title": "Hulp en zorg in Lindewaard", "intro": "Hier leest u welke hulp er is."},
    THEMES=[
        {
            "slug": "hulp-voor-mezelf",
            "title": "Ik zoek hulp voor mezelf",
            "intro": "Hulp voor uzelf.",
            "pages": [HUISHOUDEN],
        },
        {
            "slug": "ik-zorg-voor-iemand",
            "title": "Ik zorg voor iemand",
            "intro": "Hulp voor mantelzorgers.",
            "pages": [MANTELZORG],
        },
    ],
    PLAIN_PAGES=[
        {
            "slug": "privacy",
            "title": "Privacy",
            "body": [("text", "<p>Wij gaan zorgvuldig om met uw gegevens.</p>")],
        },
        {
            "slug": "toegankelijkheid",
            "title": "Toegankelijkheid",
            "body": [("text", "<p>Iedereen moet deze website kunnen gebruiken.</p>")],
        },
    ],
)

INFO_URL = "/hulp-voor-mezelf/hulp-bij-het-huishouden/"


def load_sample(content=SAMPLE_CONTENT, begrippen=SAMPLE_BEGRIPPEN):
    from portal.management.commands.load_demo_pages import DemoLoader

    loader = DemoLoader()
    loader.load(content, begrippen)
    return loader


@pytest.fixture(scope="module")
def _sample_site(django_db_setup, django_db_blocker):
    """The sample site, loaded once per module; each test runs in a savepoint inside it, so what a test
    changes is gone before the next one."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_sample()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def portal_site(_sample_site, db):
    """The sample site; returns the information page about hulp bij het huishouden."""
    from portal.models import InformatiePagina

    return InformatiePagina.objects.get(slug="hulp-bij-het-huishouden")


@pytest.fixture
def editor_client(client, django_user_model):
    """A client logged in as an editor with every right."""
    user = django_user_model.objects.create_superuser("redacteur", "r@example.org", "wachtwoord-lang-genoeg")
    client.force_login(user)
    return client
