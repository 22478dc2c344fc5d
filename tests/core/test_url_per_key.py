"""`url_per_key` in the Jinja2 templates: one reverse for a whole list, the same URLs as reversing each."""

import pytest
from django.urls import reverse

from config.jinja2 import url_per_key


@pytest.mark.parametrize("name", ["backoffice:melding", "backoffice:record_nazorg"])
def test_each_key_gets_the_url_reverse_gives(name):
    url_for = url_per_key(name)
    for key in (1, 7, 42, 9081726354, 123456789012):
        assert url_for(key) == reverse(name, args=[key])
