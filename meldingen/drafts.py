"""Save and continue later: a draft becomes at most one melding, whichever device sends it.

A draft has a `key` that every session holding its answers carries in the wizard's extra data: the tab
that saved it and the browser that used the link. `Melding.draft_key` is unique, so the database refuses
a second melding from the same draft. The link works once: using it marks the draft redeemed. Once the
melding is sent the draft keeps no answers, only its key, so the link can say the melding was sent.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone

from .crypto import InvalidToken
from .models import Melding, MeldingDraft, hash_token

DRAFT_KEY = "draft_key"
# The e-mail address the link went to, in the wizard's extra data: where the confirmation goes, unless the
# writer gives another on the page that asks it (a resident of 78 expected a confirmation at the address she
# had given for the link, and the page asking for it was empty).
SAVED_EMAIL = "saved_email"


def remember_email(wizard_data: dict, email: str) -> None:
    wizard_data.setdefault("extra_data", {})[SAVED_EMAIL] = email


OPEN = "open"  # the link may be used now
SENT = "sent"  # the melding from this draft was sent
USED = "used"  # the link was used already; the answers are in the session that used it
REPLACED = "replaced"  # a newer link replaced this one
GONE = "gone"  # expired, unknown, or saved under a key that was removed


class AlreadySent(Exception):
    """The draft behind these answers was sent already."""

    def __init__(self, melding: Melding):
        super().__init__(melding.reference)
        self.melding = melding


@dataclass
class LinkState:
    status: str
    draft: MeldingDraft | None = None
    melding: Melding | None = None


def sent_melding(draft_key: str | None) -> Melding | None:
    if not draft_key:
        return None
    return Melding.objects.filter(draft_key=draft_key).first()


def save_draft(wizard_data: dict) -> tuple[str, object]:
    """Store the answers so far behind a new link token; returns the token and when it expires.

    Saving again from the same answers replaces the earlier link (same draft, same key). The caller writes
    `wizard_data` back into the session: it now carries the draft's key. Raises AlreadySent when the
    melding from this draft was sent meanwhile.
    """
    extra = wizard_data.setdefault("extra_data", {})
    key = extra.get(DRAFT_KEY) or secrets.token_urlsafe(32)
    melding = sent_melding(key)
    if melding:
        raise AlreadySent(melding)
    extra[DRAFT_KEY] = key
    saved = {**wizard_data, "extra_data": {k: v for k, v in extra.items() if k != "submission_token"}}
    token = secrets.token_urlsafe(32)
    draft = MeldingDraft.objects.filter(key=key).first() or MeldingDraft(key=key)
    draft.replaced_token_hash = draft.token_hash if draft.pk else ""
    draft.token_hash = hash_token(token)
    draft.expires_at = timezone.now() + timedelta(days=settings.MELDINGEN_DRAFT_DAYS)
    draft.redeemed_at = None
    draft.data = {"wizard": saved}
    draft.save()
    return token, draft.expires_at


def link_state(token: str) -> LinkState:
    hashed = hash_token(token)
    draft, replaced = MeldingDraft.objects.filter(token_hash=hashed).first(), False
    if draft is None:
        draft = MeldingDraft.objects.filter(replaced_token_hash=hashed).first()
        replaced = draft is not None
    if draft is None:
        return LinkState(GONE)
    melding = sent_melding(draft.key)
    if melding:
        return LinkState(SENT, draft, melding)
    if draft.expires_at <= timezone.now():
        return LinkState(GONE, draft)
    if replaced:
        return LinkState(REPLACED, draft)
    if draft.redeemed_at:
        return LinkState(USED, draft)
    return LinkState(OPEN, draft)


def redeem(draft: MeldingDraft) -> dict | None:
    """The wizard data of the draft, once: a second call (or a parallel one) gets None."""
    try:
        wizard = draft.data.get("wizard") or {}
    except InvalidToken:  # saved under a key that has since been removed
        return None
    redeemed = MeldingDraft.objects.filter(pk=draft.pk, redeemed_at__isnull=True).update(
        redeemed_at=timezone.now()
    )
    if not redeemed:
        return None
    extra = wizard.setdefault("extra_data", {})
    extra[DRAFT_KEY] = draft.key or secrets.token_urlsafe(32)
    if not draft.key:  # saved before drafts had keys
        MeldingDraft.objects.filter(pk=draft.pk).update(key=extra[DRAFT_KEY])
    return wizard


def saved_email(draft: MeldingDraft) -> str:
    """The address the draft's link went to ("" when unknown, or saved under a key since removed)."""
    try:
        wizard = draft.data.get("wizard") or {}
    except InvalidToken:
        return ""
    return wizard.get("extra_data", {}).get(SAVED_EMAIL, "")


def new_link(draft: MeldingDraft) -> str | None:
    """A new token for a draft whose link was used: it opens the answers as they were saved, once; the used
    link is replaced (see link_state). The expiry stays. None when a parallel request (a double click)
    replaced that link already, or the draft was saved again meanwhile."""
    token = secrets.token_urlsafe(32)
    replaced = MeldingDraft.objects.filter(
        pk=draft.pk, token_hash=draft.token_hash, redeemed_at__isnull=False
    ).update(token_hash=hash_token(token), replaced_token_hash=draft.token_hash, redeemed_at=None)
    return token if replaced else None


def mark_sent(draft_key: str | None) -> None:
    """The answers leave the draft once the melding is stored; the row stays so the link can say so."""
    if draft_key:
        MeldingDraft.objects.filter(key=draft_key).update(encrypted_data="", redeemed_at=timezone.now())


def render_sent(request, melding: Melding, status: int = 200):
    """ "Deze melding is al verstuurd": with the date, the time and the reference, and a new start."""
    return render(
        request,
        "meldingen/al_verstuurd.html",
        {"melding": melding, "sent_at": timezone.localtime(melding.created_at)},
        status=status,
    )
