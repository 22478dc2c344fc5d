"""The blind name index of signals, filled in for the signals sent before it existed (the client's data is
decrypted once, here, and the name never stored in plain text)."""

from django.db import migrations, models


def backfill(apps, schema_editor):
    from meldingen.backoffice.search_index import name_index
    from meldingen.crypto import InvalidToken, decrypt_json

    Signaal = apps.get_model("backoffice", "Signaal")
    signalen = Signaal.objects.filter(personal_data_removed_at__isnull=True, name_index="").exclude(
        encrypted_data=""
    )
    for signaal in signalen.iterator(chunk_size=200):
        try:
            name = decrypt_json(signaal.encrypted_data).get("naam", "")
        except InvalidToken:
            continue  # a key that was removed; rebuild_name_index fills it once the key is back
        Signaal.objects.filter(pk=signaal.pk).update(name_index=name_index(name))


class Migration(migrations.Migration):
    dependencies = [("backoffice", "0019_behandeling_gesprek_op")]

    operations = [
        migrations.AddField(
            model_name="signaal",
            name="name_index",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
