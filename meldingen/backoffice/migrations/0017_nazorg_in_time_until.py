from django.conf import settings
from django.db import migrations, models

from meldingen.workdays import add_working_days


def fill_in_time_until(apps, schema_editor):
    """The calls planned before: the last day in time as the site worked it out until now."""
    Nazorg = apps.get_model("backoffice", "Nazorg")
    calls = list(Nazorg.objects.only("due_date"))
    for call in calls:
        call.in_time_until = add_working_days(call.due_date, settings.BACKOFFICE_NAZORG_WORKING_DAYS)
    Nazorg.objects.bulk_update(calls, ["in_time_until"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("backoffice", "0016_team_status_covers_dashboard"),
    ]

    operations = [
        migrations.AddField(
            model_name="nazorg",
            name="in_time_until",
            field=models.DateField(null=True, verbose_name="op tijd gebeld tot en met"),
        ),
        migrations.RunPython(fill_in_time_until, migrations.RunPython.noop),
    ]
