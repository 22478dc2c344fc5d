"""Providers' staff ("Aanbieders") and professionals ("Professionals") may send a signal about a client."""

from django.db import migrations

AFZENDERS = ("Aanbieders", "Professionals")


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("backoffice")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    send = Permission.objects.filter(content_type__app_label="backoffice", codename="send_signaal").first()
    access = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").first()
    for name in AFZENDERS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[permission for permission in (send, access) if permission is not None])


class Migration(migrations.Migration):
    dependencies = [("backoffice", "0008_gesprek_signalen_nazorg")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
