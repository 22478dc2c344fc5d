"""The blind index of postcode and house number for "Waar staat mijn melding?", filled in for the meldingen
that were stored before it existed (their answers are decrypted once, here, and the address never stored)."""

from django.db import migrations, models


def backfill(apps, schema_editor):
    from meldingen.answers import Answers
    from meldingen.backoffice.search_index import address_index
    from meldingen.crypto import InvalidToken, decrypt_json

    Behandeling = apps.get_model("backoffice", "Behandeling")
    cases = Behandeling.objects.select_related("melding").filter(
        melding__personal_data_removed_at__isnull=True, address_index=""
    )
    for behandeling in cases.iterator(chunk_size=200):
        if not behandeling.melding.encrypted_answers:
            continue
        try:
            answers = Answers.from_dict(decrypt_json(behandeling.melding.encrypted_answers))
        except InvalidToken:
            continue  # a key that was removed; rebuild_name_index fills it once the key is back
        token = address_index(answers)
        if token:
            Behandeling.objects.filter(pk=behandeling.pk).update(address_index=token)


class Migration(migrations.Migration):
    dependencies = [("backoffice", "0006_statuswijziging")]

    operations = [
        migrations.AddField(
            model_name="behandeling",
            name="address_index",
            field=models.CharField(blank=True, db_index=True, default="", editable=False, max_length=32),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
