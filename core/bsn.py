"""A burgerservicenummer typed into free text: no form asks for one, and the text goes on to the backoffice
and the case system. Nine digits (also as 1234.56.789) that pass the BSN's own check, the elfproef, are taken
for one; a phone number (ten digits) is not."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

MESSAGE = _("Dit lijkt een burgerservicenummer (BSN). Wij hebben dat nummer niet nodig. Haal het weg.")
_NINE_DIGITS = re.compile(r"(?<!\d)(?:\d[ .]?){8}\d(?!\d)")


def is_bsn(digits: str) -> bool:
    """The elfproef: 9 x the first digit + 8 x the second ... + 2 x the eighth, minus the last, is a multiple
    of 11."""
    if len(digits) != 9 or not digits.isdigit() or int(digits) == 0:
        return False
    weighted = sum(int(digit) * weight for digit, weight in zip(digits[:8], range(9, 1, -1), strict=True))
    return (weighted - int(digits[8])) % 11 == 0


def refuse_bsn(value: str) -> None:
    for found in _NINE_DIGITS.finditer(value or ""):
        if is_bsn(re.sub(r"[ .]", "", found.group())):
            raise forms.ValidationError(MESSAGE)
