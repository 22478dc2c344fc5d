"""Storing a melding: one transaction, the signal inside it, and at most one melding per submission."""

import hashlib

from django.db import IntegrityError, transaction

from .answers import Answers
from .drafts import AlreadySent
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


def _refuse_a_second_from_the_draft(draft_key: str | None, submission_key: str | None) -> None:
    sent = Melding.objects.filter(draft_key=draft_key).first() if draft_key else None
    if sent and (submission_key is None or sent.submission_key != submission_key):
        raise AlreadySent(sent)


def store_melding(
    answers: Answers | dict, submission_token: str | None = None, draft_key: str | None = None
) -> tuple[Melding, bool]:
    """Save the melding and tell the receivers, all in one transaction; the same token gives the same melding.
    Returns the melding and whether this call stored it (as Django's get_or_create): False for the melding a
    send of the same token stored before, or at the same moment (a double click).

    A melding from a saved draft (`draft_key`) is stored once: a second one from the same draft, from any
    device, raises AlreadySent with the first. Raises whatever the database or a receiver raises: then
    nothing is stored.
    """
    key = _submission_key(submission_token)
    _refuse_a_second_from_the_draft(draft_key, key)
    melding = build_melding(answers)
    melding.submission_key = key
    melding.draft_key = draft_key or None
    try:
        with transaction.atomic():
            melding.save()
            melding_stored.send(sender=Melding, melding=melding)
    except IntegrityError:
        # The submission key (or the draft's) is unique: the database refuses a second melding.
        _refuse_a_second_from_the_draft(draft_key, key)  # another device sent the same draft
        # This submission was stored already (a double click, or a second request that won the race):
        # return what was stored.
        existing = Melding.objects.filter(submission_key=key).first() if key else None
        if existing is None:
            raise
        return existing, False
    return melding, True
