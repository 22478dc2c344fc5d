"""The melding as stored: a few plain fields for routing and statistics, every personal answer encrypted."""

import hashlib

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import choices
from .answers import Answers
from .crypto import decrypt_json, encrypt_json
from .formatting import format_address
from .reference import new_reference
from .summary import summary_sections


class Melding(models.Model):
    reference = models.CharField(
        _("referentie"), max_length=12, unique=True, default=new_reference, editable=False
    )
    created_at = models.DateTimeField(_("gemaakt op"), default=timezone.now, db_index=True)
    soort = models.CharField(_("soort"), max_length=12, choices=choices.SOORT)
    voor_wie = models.CharField(_("voor wie"), max_length=12, choices=choices.VOOR_WIE)
    spoed = models.BooleanField(_("spoed"), default=False, db_index=True)
    onderwerpen = models.JSONField(_("onderwerpen"), default=list, blank=True)
    wijk = models.ForeignKey(
        "socialekaart.Wijk",
        verbose_name=_("wijk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meldingen",
    )
    encrypted_answers = models.TextField(_("antwoorden (versleuteld)"), blank=True, editable=False)
    # Hash of the submission token in the user's session: a double submit finds the same melding.
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    # The key of the saved draft it was sent from: one draft makes at most one melding, on any device.
    draft_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    personal_data_removed_at = models.DateTimeField(
        _("persoonsgegevens verwijderd op"), null=True, blank=True
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # The plain fields beside the key: the backoffice joins a team's behandelingen to this small
            # index instead of to the table, whose rows carry the encrypted answers. (PostgreSQL: other
            # databases make an index of the key alone.)
            models.Index(
                fields=["id"], include=["wijk", "soort", "spoed", "created_at"], name="melding_plain_fields"
            ),
        ]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")

    def __str__(self):
        return self.reference

    def __repr__(self):  # never the answers: a repr may end up in a log
        return f"<Melding {self.reference}>"

    def __getstate__(self):
        state = super().__getstate__()
        state.pop("_typed_answers", None)  # a pickled melding (a cache, a copy) carries no plain answers
        return state

    @property
    def answers(self) -> dict:
        """All answers as stored, decrypted on each use; empty once the personal data has been removed."""
        if not self.encrypted_answers:
            return {}
        return decrypt_json(self.encrypted_answers)

    @answers.setter
    def answers(self, value: "dict | Answers"):
        typed = Answers.of(value)
        self.encrypted_answers = encrypt_json(typed.to_dict())
        self._typed_answers = (self.encrypted_answers, typed)

    @property
    def typed_answers(self) -> Answers:
        """The answers as the typed object (meldingen/answers.py).

        Decrypted once per stored value: storing a melding asks for its name, address and e-mail address one
        after the other. A new value (new answers, or none once the personal data is removed) is read anew.
        """
        kept = self.__dict__.get("_typed_answers")
        if kept is None or kept[0] != self.encrypted_answers:
            kept = self._typed_answers = (self.encrypted_answers, Answers.from_dict(self.answers))
        return kept[1]

    @property
    def resident_name(self) -> str:
        return self.typed_answers.resident_name

    @property
    def asks_for_clientondersteuner(self) -> bool:
        """Whether the resident asked for a cliëntondersteuner (False once the data is gone)."""
        return bool(self.encrypted_answers) and self.typed_answers.clientondersteuner

    @property
    def resident_address(self) -> str:
        return format_address(self.typed_answers.resident)

    @property
    def contact_email(self) -> str:
        """Where the confirmation goes: the maker's address for someone else, else the resident's."""
        return self.typed_answers.contact_email

    def summary_sections(self, staff: bool = False) -> list[tuple[str, list[tuple[str, str]]]]:
        return summary_sections(self.typed_answers, staff=staff)

    def remove_personal_data(self):
        self.encrypted_answers = ""
        self.personal_data_removed_at = timezone.now()
        self.save(update_fields=["encrypted_answers", "personal_data_removed_at"])


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class MeldingDraftQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(expires_at__gt=timezone.now())

    def expired(self):
        return self.filter(expires_at__lte=timezone.now())

    def for_token(self, token: str):
        """The valid draft behind a link token, or None (unknown and expired look the same)."""
        return self.valid().filter(token_hash=hash_token(token)).first()


class MeldingDraft(models.Model):
    """A melding saved halfway: the wizard's answers, encrypted; only the hash of the link token is kept."""

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # Stays the same when the resident saves again; every session holding these answers carries it too.
    key = models.CharField(max_length=64, unique=True, null=True, editable=False)
    encrypted_data = models.TextField(editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(db_index=True)
    # When the link was used: it works once.
    redeemed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The link a newer one replaced (saved again, or asked for anew): it says to use the newest e-mail, and in
    # the browser that holds the answers it still goes on there.
    replaced_token_hash = models.CharField(
        max_length=64, blank=True, default="", db_index=True, editable=False
    )

    objects = MeldingDraftQuerySet.as_manager()

    class Meta:
        verbose_name = _("opgeslagen melding")
        verbose_name_plural = _("opgeslagen meldingen")

    def __str__(self):
        return f"draft {self.pk}"

    def __repr__(self):
        return f"<MeldingDraft {self.pk}>"

    @property
    def data(self) -> dict:
        return decrypt_json(self.encrypted_data)

    @data.setter
    def data(self, value: dict):
        self.encrypted_data = encrypt_json(value)
