"""Encryption at rest for answers, drafts, delivery secrets and klachten: Fernet tokens under a MultiFernet
key ring.

Keys come from MELDINGEN_ENCRYPTION_KEYS (comma-separated Fernet keys; the first one encrypts, every
one decrypts). Rotation: put the new key first, run `manage.py rotate_melding_keys`, then drop the old key.
Development and tests fall back to a fixed key; production (secure cookies) refuses to start without keys.
"""

import json
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

# Only used when no keys are configured outside production. Never put real data under this key.
DEVELOPMENT_KEY = "ZGV2ZWxvcG1lbnQtb25seS1tZWxkaW5nZW4ta2V5LTA="

__all__ = ["EncryptedTextField", "InvalidToken", "decrypt_json", "encrypt_json", "fernet", "reencrypt"]


def _configured_keys() -> tuple[str, ...]:
    keys = getattr(settings, "MELDINGEN_ENCRYPTION_KEYS", None) or []
    if isinstance(keys, str):
        keys = [key.strip() for key in keys.split(",") if key.strip()]
    if keys:
        return tuple(keys)
    if getattr(settings, "SESSION_COOKIE_SECURE", False):
        raise ImproperlyConfigured("Set MELDINGEN_ENCRYPTION_KEYS to one or more Fernet keys.")
    return (DEVELOPMENT_KEY,)


@lru_cache(maxsize=4)
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    """The key ring of the current settings (cached per set of keys, so tests may override them)."""
    return _fernet_for(_configured_keys())


def encrypt_json(data) -> str:
    plain = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    return fernet().encrypt(plain).decode()


def decrypt_json(token: str):
    """The data behind a token; raises InvalidToken when no configured key opens it."""
    return json.loads(fernet().decrypt(token.encode()))


def reencrypt(token: str) -> str:
    """The same data under the first (newest) key."""
    return fernet().rotate(token.encode()).decode()


class EncryptedTextField(models.TextField):
    """Text that the database holds only as a Fernet token; Python sees the plain text.

    For secrets nobody searches on (each save makes a new token). Saving a row again puts its value under
    the first key, which is how `rotate_melding_keys` rotates these.
    """

    def from_db_value(self, value, expression, connection):
        if not value:
            return value
        try:
            return fernet().decrypt(value.encode()).decode()
        except InvalidToken as exc:
            raise ImproperlyConfigured(
                f"{self.model.__name__}.{self.name} cannot be opened with MELDINGEN_ENCRYPTION_KEYS: "
                "put the old key back and run rotate_melding_keys."
            ) from exc

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return fernet().encrypt(value.encode()).decode() if value else value
