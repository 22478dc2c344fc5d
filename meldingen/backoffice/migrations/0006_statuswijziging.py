"""Domain nouns in Dutch (CONTRIBUTING.md): StatusChange becomes Statuswijziging, beside Notitie."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("backoffice", "0005_audit_log_append_only"),
    ]

    operations = [
        migrations.RenameModel(old_name="StatusChange", new_name="Statuswijziging"),
        migrations.AlterField(
            model_name="statuswijziging",
            name="behandeling",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="statuswijzigingen",
                to="backoffice.behandeling",
            ),
        ),
    ]
