"""Team becomes Wijkteam, the word consulenten use. The table, its links and the content type follow the
rename; the permissions keep their rows (and so the groups that hold them) under their new codenames."""

from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")


def rename_permissions(apps, old: str, new: str) -> None:
    Permission = apps.get_model("auth", "Permission")
    for action in ACTIONS:
        Permission.objects.filter(content_type__app_label="backoffice", codename=f"{action}_{old}").update(
            codename=f"{action}_{new}", name=f"Can {action} {new}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("backoffice", "0012_uitkomst_in_b1"),
    ]

    operations = [
        migrations.RenameModel("Team", "Wijkteam"),
        migrations.RunPython(
            lambda apps, schema_editor: rename_permissions(apps, "team", "wijkteam"),
            lambda apps, schema_editor: rename_permissions(apps, "wijkteam", "team"),
        ),
    ]
