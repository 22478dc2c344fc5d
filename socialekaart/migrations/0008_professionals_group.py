"""The Professionals group (settings.SOCIALEKAART_PROFESSIONALS_GROUP): its members see the professional kaart."""

from django.conf import settings
from django.db import migrations


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name=getattr(settings, "SOCIALEKAART_PROFESSIONALS_GROUP", "") or "Professionals")


class Migration(migrations.Migration):
    dependencies = [
        ("socialekaart", "0007_stoplicht"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
