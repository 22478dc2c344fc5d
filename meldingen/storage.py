"""Storing a melding: one transaction, the signal inside it, and at most one melding per submission."""

import hashlib

from django.db import IntegrityError, transaction

from .answers import Answers
from .models import Melding
from .signals import melding_stored


def _submission_key(submission_token: str | None) -> str | None:
    if not submission_token:
        return None
    return hashlib.sha256(f"melding-submission:{submission_token}".encode()).hexdigest()


def _wijk_for(postcode: str):
    from socialekaart import public as kaart

    return kaart.wijk_for_postcode(postcode or "")


def build_melding(answers: Answers | dict) -> Melding:
    """An unsaved Melding with the plain routing fields taken from the answers."""
    answers = Answers.of(answers)
    melding = Melding(
        soort=answers.soort,
        voor_wie=answers.voor_wie,
        spoed=answers.spoed,
        onderwerpen=answers.onderwerpen,
        wijk=_wijk_for(answers.postcode),
    )
    melding.answers = answers
    return melding


def store_melding(answers: Answers | dict, submission_token: str | None = None) -> Melding:
    """Save the melding and tell the receivers, all in one transaction; the same token gives the same melding.

    Raises whatever the database or a receiver raises: then nothing is stored.
    """
    key = _submission_key(submission_token)
    if key:
        existing = Melding.objects.filter(submission_key=key).first()
        if existing:
            return existing
    melding = build_melding(answers)
    melding.submission_key = key
    try:
        with transaction.atomic():
            melding.save()
            melding_stored.send(sender=Melding, melding=melding)
    except IntegrityError:
        # A second request with the same token won the race: return what it stored.
        existing = Melding.objects.filter(submission_key=key).first() if key else None
        if existing is None:
            raise
        return existing
    return melding
