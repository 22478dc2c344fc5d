"""Phone numbers in a provider's text become tel: links: on a phone one tap calls."""

import pytest

from core.templatetags.core_tags import phone_links


@pytest.mark.parametrize(
    ("text", "number", "digits"),
    [
        ("Is er nu gevaar? Bel dan 112.", "112", "112"),
        ("Bel Veilig Thuis: 0800-2000, ook als u twijfelt.", "0800-2000", "08002000"),
        ("Bel het Wmo-loket: 14 0599.", "14 0599", "140599"),
        ("Bel 0599-123456 of 0612345678.", "0599-123456", "0599123456"),
    ],
)
def test_a_phone_number_in_a_text_is_a_link(text, number, digits):
    assert f'<a href="tel:{digits}">{number}</a>' in phone_links(text)


@pytest.mark.parametrize(
    "text",
    ["Een maaltijd kost € 112,50.", "Postcode 3911 AB, huisnummer 1120.", "Sinds 2026-01-12.", "Kamer 1121"],
)
def test_amounts_and_other_numbers_stay_text(text):
    assert "<a" not in phone_links(text)


def test_the_text_is_escaped_around_the_links():
    assert (
        phone_links("<script>x</script> Bel 112")
        == '&lt;script&gt;x&lt;/script&gt; Bel <a href="tel:112">112</a>'
    )


@pytest.mark.parametrize(
    ("number", "href"),
    [
        ("+31 (0)599 42 45 40", "+31599424540"),
        ("+31 6 12345678", "+31612345678"),
        ("0599-424540", "0599424540"),
        ("(0)6 12345678", "0612345678"),  # a review: the 0 goes only after the country's +31
    ],
)
def test_a_tel_link_dials_the_number_as_written_abroad_too(number, href):
    """A walk: "+31 (0)599 42 45 40", a way the form accepts, was linked as tel:+310599424540, which does not
    connect."""
    from core.templatetags.core_tags import tel

    assert tel(number) == href
