"""A phone number someone gives to be called back on, checked alike on every form that asks for one (the
melding, a signal about a client, a complaint): one digit too many or too few, and nobody can call back."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

MESSAGE = _("Vul een telefoonnummer in van 10 cijfers, zoals 06 12345678.")
_WRITTEN = re.compile(r"^\+?[0-9 ()\-]+$")
NETHERLANDS = "31"


def validate_phone(value: str) -> None:
    """A Dutch number: 0 and 9 digits, or +31 or 0031 and those 9 ("+31 (0)6 ..." too). A number abroad: + or
    00, then 8 to 15 digits with its country code (E.164)."""
    if value and not _callable(value.strip()):
        raise forms.ValidationError(MESSAGE)


def _callable(value: str) -> bool:
    if not _WRITTEN.match(value):
        return False
    digits = "".join(character for character in value if character.isdigit())
    if value.startswith("+"):
        international = digits
    elif digits.startswith("00"):
        international = digits[2:]
    else:
        return len(digits) == 10 and digits.startswith("0")
    if international.startswith(NETHERLANDS):
        national = international.removeprefix(NETHERLANDS).removeprefix("0")  # the "(0)" some write
        return len(national) == 9
    return 8 <= len(international) <= 15
