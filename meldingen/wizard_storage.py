"""The wizard's answers in the session, encrypted: a session row in the database holds no plain answers."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from formtools.wizard.storage.base import BaseStorage

from .crypto import InvalidToken, decrypt_json, encrypt_json


class EncryptedSessionStorage(BaseStorage):
    """Written back only when the answers changed: an unchanged page view costs no encryption and no
    session UPDATE (the session middleware saves only a modified session)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._data = None
        self._stored = None  # the data as last read from or written to the session, serialised

    def _get_data(self):
        if self._data is None:
            self._data = read_wizard_data(self.request.session, self.prefix)
            if self._data is None:
                self.init_data()
            else:
                self._stored = serialise(self._data)
        return self._data

    def _set_data(self, value):
        self._data = value
        self.save()

    data = property(_get_data, _set_data)

    @property
    def has_answers(self) -> bool:
        return bool(self.data[self.step_data_key])

    def save(self):
        current = serialise(self._data)
        if current == self._stored:
            return
        write_wizard_data(self.request.session, self.prefix, self._data)
        self._stored = current

    def update_response(self, response):
        if self._data is not None:
            self.save()
        super().update_response(response)


def serialise(data) -> str:
    """A stable plain form of the data, only to see whether it changed (never stored)."""
    return json.dumps(data, cls=DjangoJSONEncoder, sort_keys=True)


def read_wizard_data(session, prefix: str) -> dict | None:
    token = session.get(prefix)
    if not token:
        return None
    try:
        data = decrypt_json(token)
    except (InvalidToken, ValueError, TypeError):
        return None  # an old key or a broken value: start afresh rather than crash
    return data if isinstance(data, dict) else None


def write_wizard_data(session, prefix: str, data: dict) -> None:
    session[prefix] = encrypt_json(data)
    session.modified = True
