"""Audit entries for delivery targets and deliveries with answers; triggers make the audit log append-only in
the database itself (see meldingen/backoffice/audit_lock.py)."""

from django.db import migrations, models

from meldingen.backoffice import audit_lock


def _run(statements):
    def run(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("backoffice", "0004_delivery_to_its_own_app"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditentry",
            name="action",
            field=models.CharField(
                choices=[
                    ("viewed", "Gegevens bekeken"),
                    ("status_changed", "Status gewijzigd"),
                    ("assigned", "Toegewezen"),
                    ("note_added", "Notitie toegevoegd"),
                    ("delivery_retried", "Bezorging opnieuw geprobeerd"),
                    ("exported", "Geëxporteerd"),
                    ("target_created", "Bezorgdoel gemaakt"),
                    ("target_changed", "Bezorgdoel gewijzigd"),
                    ("target_approved", "Bezorgdoel goedgekeurd"),
                    ("target_refused", "Bezorgdoel afgewezen"),
                    ("answers_delivered", "Antwoorden bezorgd"),
                ],
                max_length=30,
            ),
        ),
        migrations.RunPython(_run(audit_lock.CREATE), _run(audit_lock.DROP)),
    ]
