"""The delivery models, moved from the backoffice app as they were (backoffice/migrations/0004). Only the
state changes: the tables keep their names (db_table), so no row moves. The content types (and with them the
permissions the roles hold) move to this app."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import meldingen.crypto

MODELS = ("deliverytarget", "deliveryjob", "deliveryattempt")


def move_content_types(apps, schema_editor, old="backoffice", new="delivery"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, old="delivery", new="backoffice")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("backoffice", "0004_delivery_to_its_own_app"),
        ("meldingen", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DeliveryTarget",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=100, unique=True, verbose_name="naam")),
                        ("kind", models.CharField(choices=[("email", "E-mail naar de mailbox van het wijkteam"), ("webhook", "Webhook (JSON, ondertekend met HMAC)"), ("zgw", "ZGW API's (Open Zaak)")], max_length=20, verbose_name="soort")),
                        ("active", models.BooleanField(default=True, help_text="Alleen nieuwe meldingen gaan naar actieve doelen.", verbose_name="actief")),
                        ("fallback_email", models.EmailField(blank=True, max_length=254, verbose_name="e-mailadres als het wijkteam geen mailbox heeft")),
                        ("url", models.URLField(blank=True, verbose_name="webhook-adres")),
                        ("include_answers", models.BooleanField(default=False, verbose_name="antwoorden meesturen")),
                        ("secret", meldingen.crypto.EncryptedTextField(blank=True, max_length=200, verbose_name="geheime sleutel")),
                        ("zaken_api_url", models.URLField(blank=True, verbose_name="Zaken API")),
                        ("documenten_api_url", models.URLField(blank=True, verbose_name="Documenten API")),
                        ("client_id", models.CharField(blank=True, max_length=100, verbose_name="client-id")),
                        ("zaaktype", models.URLField(blank=True, verbose_name="zaaktype")),
                        ("informatieobjecttype", models.URLField(blank=True, verbose_name="informatieobjecttype")),
                        ("roltype_initiator", models.URLField(blank=True, verbose_name="roltype initiator")),
                        ("bronorganisatie", models.CharField(blank=True, max_length=9, verbose_name="RSIN van de gemeente")),
                        ("timeout", models.FloatField(blank=True, null=True, verbose_name="wachttijd per verzoek (seconden)")),
                    ],
                    options={
                        "verbose_name": "bezorgdoel",
                        "verbose_name_plural": "bezorgdoelen",
                        "ordering": ["name"],
                        "db_table": "backoffice_deliverytarget",
                    },
                ),
                migrations.CreateModel(
                    name="DeliveryJob",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("state", models.CharField(choices=[("pending", "Wacht op bezorging"), ("delivered", "Bezorgd"), ("failed", "Mislukt")], db_index=True, default="pending", max_length=20)),
                        ("attempts", models.PositiveIntegerField(default=0)),
                        ("next_attempt_at", models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                        ("lease_until", models.DateTimeField(blank=True, null=True)),
                        ("task_id", models.CharField(blank=True, max_length=64)),
                        ("progress", models.JSONField(blank=True, default=dict)),
                        ("last_error", models.CharField(blank=True, max_length=500)),
                        ("delivered_at", models.DateTimeField(blank=True, null=True)),
                        ("failure_reported_at", models.DateTimeField(blank=True, null=True)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("melding", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="delivery_jobs", to="meldingen.melding")),
                        ("target", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="jobs", to="delivery.deliverytarget")),
                    ],
                    options={
                        "verbose_name": "bezorging",
                        "verbose_name_plural": "bezorgingen",
                        "ordering": ["created_at", "pk"],
                        "db_table": "backoffice_deliveryjob",
                        "constraints": [models.UniqueConstraint(fields=("melding", "target"), name="one_job_per_melding_target")],
                    },
                ),
                migrations.CreateModel(
                    name="DeliveryAttempt",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("started_at", models.DateTimeField()),
                        ("finished_at", models.DateTimeField()),
                        ("success", models.BooleanField()),
                        ("result", models.CharField(blank=True, max_length=200)),
                        ("error", models.CharField(blank=True, max_length=500)),
                        ("job", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="attempt_log", to="delivery.deliveryjob")),
                    ],
                    options={
                        "ordering": ["started_at", "pk"],
                        "db_table": "backoffice_deliveryattempt",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
