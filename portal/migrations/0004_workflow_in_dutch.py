"""Wagtail's default workflow and its task are called "Moderators approval": the page editor's button read
"Stuur door naar Moderators approval". In Dutch they are "de redactie": "Stuur door naar de redactie"."""

from django.db import migrations

ENGLISH, DUTCH = "Moderators approval", "de redactie"


def rename(apps, old: str, new: str) -> None:
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old).update(name=new)
    apps.get_model("wagtailcore", "Task").objects.filter(name=old).update(name=new)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_kaart_link_zoekwoorden"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: rename(apps, ENGLISH, DUTCH),
            lambda apps, schema_editor: rename(apps, DUTCH, ENGLISH),
        ),
    ]
