"""A JSON object that the database holds only as a Fernet token: the secrets of a delivery target."""

import json

from meldingen.crypto import EncryptedTextField, fernet


class EncryptedJSONField(EncryptedTextField):
    """A dict in Python, a Fernet token of its JSON in the database; `rotate_melding_keys` re-seals it."""

    def from_db_value(self, value, expression, connection):
        text = super().from_db_value(value, expression, connection)
        return json.loads(text) if text else {}

    def to_python(self, value):
        if isinstance(value, dict):
            return value
        return json.loads(value) if value else {}

    def get_prep_value(self, value):
        if not value:
            return ""
        return fernet().encrypt(json.dumps(value, sort_keys=True).encode()).decode()
