"""A burgerservicenummer in free text is refused: no form asks for one (core/bsn.py)."""

import pytest
from django import forms

from core.bsn import is_bsn, refuse_bsn

# 123456782 and 111222333 pass the elfproef; 123456789 does not.
WITH_A_BSN = [
    "Haar BSN is 123456782",  # a walk: this went on to the backoffice
    "bsn 1234.56.782 staat op de brief",
    "nummer 111 222 333",
    "123456782",
]
WITHOUT = [
    "Bel mij op 0612345678",  # ten digits: a phone number
    "06 12345678 of 0599 557432",
    "Postcode 3911 AB, huisnummer 12",
    "123456789",  # nine digits that fail the elfproef
    "000000000",
    "Ik ben 83 jaar en woon hier sinds 1962.",
    "",
]


@pytest.mark.parametrize("text", WITH_A_BSN)
def test_a_bsn_in_free_text_is_refused_with_what_to_do(text):
    with pytest.raises(forms.ValidationError) as refused:
        refuse_bsn(text)
    assert refused.value.messages == [
        "Dit lijkt een burgerservicenummer (BSN). Wij hebben dat nummer niet nodig. Haal het weg."
    ]


@pytest.mark.parametrize("text", WITHOUT)
def test_other_numbers_are_no_bsn(text):
    refuse_bsn(text)


def test_the_elfproef():
    assert is_bsn("123456782") and is_bsn("111222333")
    assert not is_bsn("123456789") and not is_bsn("12345678") and not is_bsn("1234567820")
