"""The Klachtbehandelaar role, and what the existing roles may do with complaints (see klachten/access.py)."""

from django.db import migrations

ROLE_PERMISSIONS = {
    "Klachtbehandelaar": [
        ("wagtailadmin", "access_admin"),
        ("klachten", "view_team_klachten"),
        ("klachten", "add_klacht"),
        ("klachten", "change_klacht"),
    ],
    "Teamleider": [("klachten", "view_all_klachten"), ("klachten", "add_klacht"), ("klachten", "change_klacht")],
    "Functioneel beheerder": [
        ("klachten", "add_contractteam"),
        ("klachten", "change_contractteam"),
        ("klachten", "view_contractteam"),
    ],
}


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("klachten")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in permissions:
            permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if permission is not None:
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("klachten", "0001_initial"),
        ("backoffice", "0002_roles"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
