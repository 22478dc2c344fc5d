from django.db import migrations, models
from django.db.models import F


def close_finished_signals(apps, schema_editor):
    """A signal afgerond before this field existed: its last change is the best date we have."""
    Signaal = apps.get_model("backoffice", "Signaal")
    Signaal.objects.filter(status="afgerond", closed_at__isnull=True).update(closed_at=F("updated_at"))


class Migration(migrations.Migration):
    dependencies = [("backoffice", "0010_signaal_sender_organisation")]

    operations = [
        migrations.AddField(
            model_name="signaal",
            name="closed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="afgerond op"),
        ),
        migrations.AddField(
            model_name="signaal",
            name="personal_data_removed_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(close_finished_signals, migrations.RunPython.noop),
    ]
