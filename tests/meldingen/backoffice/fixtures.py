"""Fixtures for the backoffice and delivery tests (imported by conftest.py and the test_delivery files)."""

import itertools
from datetime import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from meldingen.backoffice import roles
from tests.roles import role

_counter = itertools.count(1)
PASSWORD = "correct-horse-battery-9"


def answers(
    name="Anna de Vries",
    postcode="3911 AB",
    soort="uitgebreid",
    spoed=False,
    onderwerpen=("huishouden",),
    mantelzorger="",
):
    """A melding's answers; with `mantelzorger` (a name) made by a mantelzorger for the resident."""
    data = {
        "voor_wie": {"voor_wie": "mantelzorger" if mantelzorger else "zelf"},
        "keuze": {"soort": soort},
        "gegevens": {
            "naam": name,
            "postcode": postcode,
            "straat": "Marktstraat",
            "huisnummer": "1",
            "woonplaats": "Lindewaard",
            "telefoon": "0612345678",
            "email": "anna@example.org",
        },
        "spoed": {"spoed": "ja" if spoed else "nee", "toelichting": "Ik ben gevallen" if spoed else ""},
    }
    if mantelzorger:
        data["melder"] = {"naam": mantelzorger, "telefoon": "0687654321", "email": "zoon@example.org"}
    if soort == "uitgebreid":
        data["hulp"] = {
            "onderwerpen": list(onderwerpen),
            "toelichting": "Ik kan niet meer stofzuigen na mijn heupoperatie.",
        }
    return data


def store(created_at: datetime | None = None, **kwargs):
    """Store a melding the way the wizard does (signal, receiver, jobs), optionally back-dated."""
    from meldingen.models import Melding
    from meldingen.storage import store_melding

    melding, _stored_now = store_melding(answers(**kwargs), submission_token=f"test-{next(_counter)}")
    if created_at is not None:
        from meldingen.backoffice.models import Behandeling

        Melding.objects.filter(pk=melding.pk).update(created_at=created_at)
        melding.refresh_from_db()
        contact, onderzoek = Behandeling.deadlines_for(timezone.localdate(created_at), melding.spoed)
        Behandeling.objects.filter(melding=melding).update(
            contact_deadline=contact, onderzoek_deadline=onderzoek, next_deadline=contact
        )
    return melding


def make_user(username, group=None, **extra):
    user = get_user_model().objects.create_user(username, f"{username}@lindewaard.example", PASSWORD, **extra)
    if group:
        user.groups.add(role(group))
    return user


@pytest.fixture
def wijken(db):
    from socialekaart.models import Wijk, WijkPostcode

    centrum = Wijk.objects.create(name="Centrum", slug="centrum", cbs_code="WK990101")
    haven = Wijk.objects.create(name="Oude Haven", slug="oude-haven", cbs_code="WK990102")
    WijkPostcode.objects.create(wijk=centrum, pc4="3911")
    WijkPostcode.objects.create(wijk=haven, pc4="3913")
    return {"centrum": centrum, "haven": haven}


@pytest.fixture
def teams(wijken):
    from meldingen.backoffice.models import Wijkteam

    centrum = Wijkteam.objects.create(name="Wijkteam Centrum", mailbox="centrum@lindewaard.example")
    centrum.wijken.add(wijken["centrum"])
    haven = Wijkteam.objects.create(name="Wijkteam Oude Haven", mailbox="haven@lindewaard.example")
    haven.wijken.add(wijken["haven"])
    return {"centrum": centrum, "haven": haven}


@pytest.fixture
def staff(teams):
    consulent = make_user("consulent-centrum", roles.CONSULENT)
    teams["centrum"].members.add(consulent)
    other = make_user("consulent-haven", roles.CONSULENT)
    teams["haven"].members.add(other)
    return {
        "consulent": consulent,
        "consulent_haven": other,
        "teamleider": make_user("teamleider", roles.TEAMLEIDER),
        "beheerder": make_user("beheerder", roles.FUNCTIONEEL_BEHEERDER),
        "redacteur": make_user("redacteur", roles.REDACTEUR),
    }


@pytest.fixture
def two_meldingen(teams):
    """One melding in Centrum (name Anna de Vries), one in Oude Haven (name Bert Jansen)."""
    return {
        "centrum": store(name="Anna de Vries", postcode="3911 AB"),
        "haven": store(name="Bert Jansen", postcode="3913 AC", soort="kort"),
    }


def assert_refused(response):
    """Wagtail turns PermissionDenied in admin views into a redirect to the dashboard with a message;
    an anonymous visitor is sent to the login page."""
    assert response.status_code in (302, 403, 404), response.status_code
    if response.status_code == 302:
        location = response["Location"]
        assert location == "/admin/" or location.startswith("/admin/login/"), location


SECRET_NAMES = {"webhook": "hmac_key", "zgw": "client_secret"}


def delivery_target(name, kind, secret="", active=True, **options):
    """A delivery target in service, as if a teamleider approved it (the admin's path has its own tests)."""
    from meldingen.delivery.models import DeliveryTarget

    secrets = {SECRET_NAMES[kind]: secret} if secret else {}
    return DeliveryTarget.objects.create_approved(
        name=name, kind=kind, active=active, options=options, secrets=secrets
    )
