"""The page editors (Wagtail's Editors) and the eindredactie (Moderators) keep the begrippenlijst: the taalcheck
advises them to explain a word, and no group could open the list."""

from django.db import migrations

GROUPS = ("Editors", "Moderators")
ACTIONS = ("add", "change", "delete", "view")


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions normally appear after migrate; create this app's now so the groups can hold them.
    app_config = apps.get_app_config("portal")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="portal", codename__in=[f"{action}_begrip" for action in ACTIONS]
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_kaart_link_terms_from_the_kaart"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
