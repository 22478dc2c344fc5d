"""A phone number someone gives to be called back on, checked alike on every form that asks for one (the
melding, a signal about a client, a complaint): one digit too many or too few, and nobody can call back. And
the numbers the sociale kaart publishes for residents to call, which may also be a service number."""

import re

from django import forms
from django.conf import settings
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .limited_text import LimitedCharField

MESSAGE = _("Vul een telefoonnummer in van 10 cijfers, zoals 06 12345678.")
# When the loket calls back, said beside every "when can we call you" (a walk's "na 17 uur" asked for a call
# no one makes).
# The loket's hours (a setting), read when a text is shown, not when this module is imported.
PHONE_HOURS = lazy(lambda: settings.MUNICIPALITY_PHONE_HOURS, str)()
CALL_HOURS = format_lazy(_("Wij bellen {hours}."), hours=PHONE_HOURS)
_WRITTEN = re.compile(r"^\+?[0-9 ().\-]+$")  # "0599.55.74.32" too
NETHERLANDS = "31"
PUBLIC_MESSAGE = _(
    "Vul een telefoonnummer in van 10 cijfers, zoals 0599 123456. Een servicenummer kan ook, zoals 0800 2000 "
    "of 14 0599."
)
# "bel 0599 55 74 32" has 10 digits: "van 10 cijfers" sent a provider counting them, not looking for the word.
NOT_ONLY_DIGITS = _("Typ alleen het telefoonnummer, zonder woorden of letters. Bijvoorbeeld %(example)s.")
# 0800 and 090x with 4 or 7 digits; 14 with a region's area code (14 0599): the numbers residents call that
# are no 10 digits.
_SERVICE = re.compile(r"^(?:0800|090[069])(?:[0-9]{4}|[0-9]{7})$|^140[0-9]{2,3}$")


def digits_of(value: str) -> str:
    """A number's digits alone: "06-12 34 56 78" and "0612345678" are one number."""
    return "".join(character for character in value if character.isdigit())


def validate_phone(value: str) -> None:
    """A Dutch number: 0 and 9 digits, or +31 or 0031 and those 9 ("+31 (0)6 ..." too). A number abroad: + or
    00, then 8 to 15 digits with its country code (E.164)."""
    if value and not callable_number(value.strip()):
        raise forms.ValidationError(phone_message(value))


# A number abroad written as at home: "0532 123 45 67" (Turkish, 11 digits) was told it needs 10 (a walk).
ABROAD = _(
    "Is het een nummer in het buitenland? Laat dan de eerste 0 weg en zet + en de landcode ervoor. "
    "Bijvoorbeeld: +90 532 1234567."
)


def phone_message(value: str) -> str:
    """What is wrong with `value` as a number to call back on, also when it is too long for the field:
    "06 1234 5678 bel na 10 uur" was told it needs 10 digits. 11 to 13 digits after a 0, not a Dutch mobile
    number's 06, may be a number abroad without its country code: the message says how to write one."""
    digits = digits_of(value)
    abroad = 11 <= len(digits) <= 13 and digits[0] == "0" and digits[1] not in "06"
    if _WRITTEN.match(value.strip()) and abroad:
        return f"{MESSAGE} {ABROAD}"
    return _message(value, MESSAGE, "06 12345678")


def phone_field(label, *, autocomplete: str = "tel", **kwargs) -> LimitedCharField:
    """A number to call back on: the phone's number keys on a phone, and one message for a number too long for
    the field as for any wrong one (not also Django's "niet meer dan 20 tekens"). `autocomplete="off"` for
    someone else's number."""
    field = LimitedCharField(
        label=label,
        max_length=20,
        validators=[validate_phone],
        widget=forms.TextInput(attrs={"autocomplete": autocomplete, "inputmode": "tel"}),
        **kwargs,
    )
    field.too_long = phone_message
    return field


def validate_public_phone(value: str) -> None:
    """A number the kaart shows to residents: one they can call back on, or a service number. "0599-60077"
    (one digit short) went public."""
    if not value or callable_number(value.strip()):
        return
    digits = digits_of(value)
    if not (_WRITTEN.match(value.strip()) and _SERVICE.match(digits)):
        raise forms.ValidationError(_message(value, PUBLIC_MESSAGE, "0599 123456"))


def _message(value: str, message, example: str):
    """What is wrong: more than the number was typed, or a number no one can call."""
    return NOT_ONLY_DIGITS % {"example": example} if _WRITTEN.match(value.strip()) is None else message


def callable_number(value: str) -> bool:
    """Whether `value` is a whole number to call back on (see validate_phone)."""
    if not _WRITTEN.match(value):
        return False
    digits = digits_of(value)
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
