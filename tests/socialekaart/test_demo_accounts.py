"""The demo kaart without accounts: in a module of its own, apart from test_demo.py's demo that is loaded
once per module with accounts."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from socialekaart.models import AanbiederAccount, Voorziening

pytestmark = pytest.mark.django_db


@pytest.mark.slow  # loads the whole demo again: the engine makes no difference
def test_without_debug_or_accounts_flag_no_account_gets_the_demo_password(db, settings):
    settings.DEBUG = False
    out = io.StringIO()
    call_command("load_demo_kaart", stdout=out)
    assert not AanbiederAccount.objects.exists()
    assert list(get_user_model().objects.values_list("username", flat=True)) == []
    assert settings.SOCIALEKAART_DEMO_PASSWORD not in out.getvalue()
    assert "Geen demo-accounts" in out.getvalue()
    assert Voorziening.objects.count() >= 150  # the kaart itself is there
