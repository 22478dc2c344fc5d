"""The four roles as groups with their permissions (see meldingen/backoffice/roles.py)."""

from django.db import migrations

ROLE_PERMISSIONS = {
    "Consulent": [("wagtailadmin", "access_admin"), ("backoffice", "view_team_meldingen")],
    "Teamleider": [
        ("wagtailadmin", "access_admin"),
        ("backoffice", "view_all_meldingen"),
        ("backoffice", "assign_meldingen"),
        ("backoffice", "view_auditentry"),
    ],
    "Functioneel beheerder": [
        ("wagtailadmin", "access_admin"),
        ("backoffice", "manage_delivery"),
        ("backoffice", "add_deliverytarget"),
        ("backoffice", "change_deliverytarget"),
        ("backoffice", "delete_deliverytarget"),
        ("backoffice", "view_deliverytarget"),
        ("backoffice", "add_team"),
        ("backoffice", "change_team"),
        ("backoffice", "view_team"),
        ("backoffice", "view_auditentry"),
    ],
    "Redacteur": [("wagtailadmin", "access_admin")],
}


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions normally appear after migrate; create this app's now so the groups can hold them.
    app_config = apps.get_app_config("backoffice")
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
        ("backoffice", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
