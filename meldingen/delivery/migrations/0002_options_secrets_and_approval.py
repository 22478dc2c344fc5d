"""One class per kind: the kind-specific columns become `options` (checked by the kind's class) and the one
`secret` that meant something else per kind becomes named `secrets` (still encrypted). Targets get the
four-eyes step; the targets that exist count as approved, and every job keeps the options it was made with."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import meldingen.delivery.fields
import meldingen.delivery.kinds

OPTION_COLUMNS = {
    "email": ("fallback_email",),
    "webhook": ("url", "include_answers"),
    "zgw": (
        "zaken_api_url",
        "documenten_api_url",
        "client_id",
        "zaaktype",
        "informatieobjecttype",
        "roltype_initiator",
        "bronorganisatie",
    ),
}
SECRET_NAME = {"webhook": "hmac_key", "zgw": "client_secret"}
ALL_COLUMNS = sorted({column for columns in OPTION_COLUMNS.values() for column in columns})


def columns_to_options(apps, schema_editor):
    DeliveryTarget = apps.get_model("delivery", "DeliveryTarget")
    DeliveryJob = apps.get_model("delivery", "DeliveryJob")
    for target in DeliveryTarget.objects.all():
        target.options = {column: getattr(target, column) for column in OPTION_COLUMNS.get(target.kind, ())}
        name = SECRET_NAME.get(target.kind)
        target.secrets = {name: target.secret} if name and target.secret else {}
        target.approved_options = dict(target.options)
        target.approval = "approved"
        target.save()
        DeliveryJob.objects.filter(target=target).update(options=target.options)


def options_to_columns(apps, schema_editor):
    DeliveryTarget = apps.get_model("delivery", "DeliveryTarget")
    for target in DeliveryTarget.objects.all():
        options = target.approved_options or target.options or {}
        for column in OPTION_COLUMNS.get(target.kind, ()):
            if column in options:
                setattr(target, column, options[column] or (False if column == "include_answers" else ""))
        target.secret = (target.secrets or {}).get(SECRET_NAME.get(target.kind, ""), "")
        target.save()


def approval_permission_for_teamleider(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("delivery")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label="delivery", codename="approve_deliverytarget"
    ).first()
    group = Group.objects.filter(name="Teamleider").first()
    if permission is not None and group is not None:
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("delivery", "0001_initial"),
        ("backoffice", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="deliverytarget",
            options={
                "ordering": ["name"],
                "permissions": [("approve_deliverytarget", "Bezorgdoelen goedkeuren of afwijzen")],
                "verbose_name": "bezorgdoel",
                "verbose_name_plural": "bezorgdoelen",
            },
        ),
        migrations.AddField(
            model_name="deliverytarget",
            name="options",
            field=models.JSONField(blank=True, default=dict, verbose_name="instellingen"),
        ),
        migrations.AddField(
            model_name="deliverytarget",
            name="secrets",
            field=meldingen.delivery.fields.EncryptedJSONField(blank=True, default=dict, verbose_name="geheime sleutels"),
        ),
        migrations.AddField(
            model_name="deliverytarget",
            name="approved_options",
            field=models.JSONField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="deliverytarget",
            name="approval",
            field=models.CharField(choices=[("pending", "Wacht op goedkeuring"), ("approved", "Goedgekeurd"), ("refused", "Afgewezen")], default="pending", editable=False, max_length=20, verbose_name="goedkeuring"),
        ),
        migrations.AddField(
            model_name="deliverytarget",
            name="changed_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="deliverytarget",
            name="changed_by",
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name="deliverytarget",
            name="approved_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="deliverytarget",
            name="approved_by",
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name="deliveryjob",
            name="options",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(columns_to_options, options_to_columns),
        *[migrations.RemoveField(model_name="deliverytarget", name=column) for column in ALL_COLUMNS],
        migrations.RemoveField(model_name="deliverytarget", name="secret"),
        migrations.AlterField(
            model_name="deliverytarget",
            name="kind",
            field=models.CharField(choices=meldingen.delivery.kinds.choices, max_length=20, verbose_name="soort"),
        ),
        migrations.RunPython(approval_permission_for_teamleider, migrations.RunPython.noop),
    ]
