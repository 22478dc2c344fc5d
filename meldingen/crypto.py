"""The melding's encryption at rest. The Fernet helpers live in core/crypto.py, shared with the klachten;
this module keeps the names the melding, its delivery and its migrations have always imported."""

from core.crypto import (
    DEVELOPMENT_KEY,
    EncryptedTextField,
    InvalidToken,
    decrypt_json,
    encrypt_json,
    fernet,
    reencrypt,
)

__all__ = [
    "DEVELOPMENT_KEY",
    "EncryptedTextField",
    "InvalidToken",
    "decrypt_json",
    "encrypt_json",
    "fernet",
    "reencrypt",
]
