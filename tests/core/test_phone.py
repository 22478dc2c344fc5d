import pytest
from django import forms

from core.phone import ABROAD, validate_phone, validate_public_phone

CALLABLE = [
    "0612345678",
    "06-12345678",
    "06 1234 5678",
    "(010) 123 45 67",
    "+31612345678",
    "+31 6 12345678",
    "+31 (0)6 12345678",
    "0031 6 12345678",
    "+49 151 12345678",  # abroad: the country code and 8 to 15 digits
    "+32 470 12 34 56",
    "0599.55.74.32",  # a walk: refused as if it held words
    "",  # not given: whether it must be is the form's to say
]
NOT_CALLABLE = [
    "06-123456789012",  # a walk: 14 digits went through, and nobody could call back
    "061234567890123",
    "061234567",
    "6123456789",  # no 0 in front
    "+31 6 1234567",
    "+316123456789",
    "0031 6 1234567",
    "12",
    "+1 234",
]
WITH_WORDS = [
    "06 1234567a",
    "bel mij",
    "bel 0599 55 74 32",
    "0612345678 (na 17 uur)",
    "06 12345678 of 06 87654321",
]


@pytest.mark.parametrize("number", CALLABLE)
def test_a_number_that_can_be_called_is_accepted(number):
    validate_phone(number)


@pytest.mark.parametrize("number", NOT_CALLABLE)
def test_a_number_with_a_digit_too_many_or_too_few_is_refused(number):
    with pytest.raises(forms.ValidationError, match="10 cijfers"):
        validate_phone(number)


@pytest.mark.parametrize("number", [*CALLABLE, "0800-2000", "0800 1234567", "0900 1234", "14 0599", "140599"])
def test_a_number_the_kaart_publishes_may_also_be_a_service_number(number):
    validate_public_phone(number)


@pytest.mark.parametrize("number", ["0599-60077", "0800-200", "0900 12345", "14 05999 1"])
def test_a_number_the_kaart_publishes_with_a_digit_too_few_is_refused(number):
    """A walk: a provider typed "0599-60077", one digit short, and the kaart said "Bel: 0599-60077"."""
    with pytest.raises(forms.ValidationError, match="Een servicenummer kan ook"):
        validate_public_phone(number)


@pytest.mark.parametrize("number", WITH_WORDS)
def test_a_number_with_words_is_refused_with_what_to_leave_out(number):
    """A walk: "bel 0599 55 74 32" has 10 digits, and was refused with "Vul een telefoonnummer in van 10
    cijfers": the provider counted the digits and did not see the word was what was wrong."""
    for validate, example in [(validate_phone, "06 12345678"), (validate_public_phone, "0599 123456")]:
        with pytest.raises(forms.ValidationError) as refused:
            validate(number)
        assert refused.value.messages == [
            f"Typ alleen het telefoonnummer, zonder woorden of letters. Bijvoorbeeld {example}."
        ]


@pytest.mark.parametrize(
    ("number", "abroad"),
    [
        ("0532 123 45 67", True),
        ("(0532) 123 45 67", True),
        ("0151 12345678", True),
        ("06123456789", False),  # a Dutch mobile number with a digit too many
        ("0031 6 1234567", False),  # written as Dutch, with the country code
    ],
)
def test_a_number_abroad_without_its_country_code_is_told_how_to_write_it(number, abroad):
    """A walk: a daughter's Turkish mobile number, "0532 123 45 67", was told it needs 10 digits; she counted
    11 and was stuck."""
    with pytest.raises(forms.ValidationError) as refused:
        validate_phone(number)
    assert (str(ABROAD) in refused.value.messages[0]) is abroad
