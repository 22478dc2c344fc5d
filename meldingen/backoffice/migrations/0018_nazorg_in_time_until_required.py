from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("backoffice", "0017_nazorg_in_time_until"),
    ]

    operations = [
        migrations.AlterField(
            model_name="nazorg",
            name="in_time_until",
            field=models.DateField(verbose_name="op tijd gebeld tot en met"),
        ),
    ]
