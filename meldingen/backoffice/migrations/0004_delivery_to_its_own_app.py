"""The delivery models move to the delivery app (delivery/migrations/0001_initial.py). Only Django's idea of
the models moves: the tables stay where they are, with every row in them."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("backoffice", "0003_encrypted_delivery_secret"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveConstraint(model_name="deliveryjob", name="one_job_per_melding_target"),
                migrations.DeleteModel(name="DeliveryAttempt"),
                migrations.DeleteModel(name="DeliveryJob"),
                migrations.DeleteModel(name="DeliveryTarget"),
            ],
            database_operations=[],
        ),
    ]
