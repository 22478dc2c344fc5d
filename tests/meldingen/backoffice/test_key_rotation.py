"""`rotate_melding_keys` re-encrypts everything of the backoffice and the complaints that uses the melding's
keys: after a rotation, data written under the old key opens with the new key alone."""

import pytest
from cryptography.fernet import Fernet
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import models

from meldingen.backoffice import signalen
from meldingen.backoffice.models import Nazorg, Notitie, Signaal
from meldingen.crypto import DEVELOPMENT_KEY, EncryptedTextField
from meldingen.management.commands.rotate_melding_keys import encrypted_fields

pytestmark = pytest.mark.django_db


def _rotate():
    call_command("rotate_melding_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_every_encrypted_token_field_of_the_project_is_rotated():
    """A new `encrypted_*` text field anywhere must be on the list, or the old key could never be dropped."""
    rotated = {(model, field) for model, field in encrypted_fields()}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                field.name.startswith("encrypted_")
                and isinstance(field, models.TextField)
                and not isinstance(field, EncryptedTextField)  # those re-seal on save (delivery secrets)
            ):
                assert (model, field.name) in rotated, f"{model.__name__}.{field.name}"


def test_notes_signals_and_nazorg_notes_open_with_the_new_key_alone_after_rotation(
    settings, staff, two_meldingen
):
    settings.MELDINGEN_ENCRYPTION_KEYS = [DEVELOPMENT_KEY]
    behandeling = two_meldingen["centrum"].behandeling
    note = Notitie.add(behandeling, staff["consulent"], "Mevrouw heeft pijn in haar heup.")
    nazorg = Nazorg.schedule(behandeling, behandeling.melding.created_at.date())
    nazorg.record(staff["consulent"], Nazorg.Uitkomst.TEVREDEN, "Het gaat goed met de hulp.")
    signaal = signalen.send(
        staff["consulent"],
        {
            "naam": "Carla Smit",
            "postcode": "3913 AC",
            "telefoon": "",
            "onderwerpen": ["eenzaamheid"],
            "toelichting": "Mevrouw is veel alleen.",
            "toestemming_door": "client",
        },
    )
    before = {
        "note": note.encrypted_text,
        "nazorg": Nazorg.objects.get(pk=nazorg.pk).encrypted_note,
        "signaal": signaal.encrypted_data,
    }
    updated_at = signaal.updated_at

    new_key = Fernet.generate_key().decode()
    settings.MELDINGEN_ENCRYPTION_KEYS = [new_key, DEVELOPMENT_KEY]
    _rotate()
    settings.MELDINGEN_ENCRYPTION_KEYS = [new_key]  # the old key is gone

    note, nazorg, signaal = (
        model.objects.get(pk=obj.pk) for model, obj in ((Notitie, note), (Nazorg, nazorg), (Signaal, signaal))
    )
    assert note.text == "Mevrouw heeft pijn in haar heup."
    assert nazorg.note == "Het gaat goed met de hulp."
    assert signaal.data["naam"] == "Carla Smit"
    assert note.encrypted_text != before["note"] and signaal.encrypted_data != before["signaal"]
    assert nazorg.encrypted_note != before["nazorg"]
    assert signaal.updated_at == updated_at  # a new key is no change the sender should see


def test_rotation_stops_on_a_signal_no_key_opens(settings, staff, teams):
    signalen.send(
        staff["consulent"],
        {
            "naam": "Carla Smit",
            "postcode": "3913 AC",
            "telefoon": "",
            "onderwerpen": ["eenzaamheid"],
            "toelichting": "Mevrouw is veel alleen.",
            "toestemming_door": "client",
        },
    )
    settings.MELDINGEN_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(CommandError, match="Signaal"):
        _rotate()
