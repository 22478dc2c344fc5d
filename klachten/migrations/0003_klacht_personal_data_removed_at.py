from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("klachten", "0002_roles")]

    operations = [
        migrations.AddField(
            model_name="klacht",
            name="personal_data_removed_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
    ]
