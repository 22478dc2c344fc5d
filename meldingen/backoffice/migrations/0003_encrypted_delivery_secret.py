"""Delivery secrets at rest as Fernet tokens: widen the column, encrypt what is there, then switch the field."""

from django.db import migrations, models

import meldingen.crypto


def encrypt_secrets(apps, schema_editor):
    DeliveryTarget = apps.get_model("backoffice", "DeliveryTarget")
    for target in DeliveryTarget.objects.exclude(secret=""):
        target.secret = meldingen.crypto.fernet().encrypt(target.secret.encode()).decode()
        target.save(update_fields=["secret"])


def decrypt_secrets(apps, schema_editor):
    DeliveryTarget = apps.get_model("backoffice", "DeliveryTarget")
    for target in DeliveryTarget.objects.exclude(secret=""):
        target.secret = meldingen.crypto.fernet().decrypt(target.secret.encode()).decode()
        target.save(update_fields=["secret"])


class Migration(migrations.Migration):
    dependencies = [
        ("backoffice", "0002_roles"),
    ]

    operations = [
        migrations.AlterField(
            model_name="deliverytarget",
            name="secret",
            field=models.TextField(blank=True, max_length=200, verbose_name="geheime sleutel"),
        ),
        migrations.RunPython(encrypt_secrets, decrypt_secrets),
        migrations.AlterField(
            model_name="deliverytarget",
            name="secret",
            field=meldingen.crypto.EncryptedTextField(blank=True, max_length=200, verbose_name="geheime sleutel"),
        ),
    ]
