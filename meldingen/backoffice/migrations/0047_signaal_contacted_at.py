from django.db import migrations, models


def contacted_from_history(apps, schema_editor):
    """Signals already contacted take the moment from their history, as change_status keeps it: the first
    "Contact opgenomen", forgotten when the status went back to "Nieuw"."""
    Signaal = apps.get_model("backoffice", "Signaal")
    AuditEntry = apps.get_model("backoffice", "AuditEntry")
    for signaal in Signaal.objects.exclude(status="nieuw").only("pk", "reference"):
        steps = AuditEntry.objects.filter(action="signaal_status", reference=signaal.reference)
        contacted = None
        for status, at in steps.order_by("at", "pk").values_list("detail", "at"):
            if status == "Nieuw":
                contacted = None
            elif status == "Contact opgenomen" and contacted is None:
                contacted = at
        if contacted:
            Signaal.objects.filter(pk=signaal.pk).update(contacted_at=contacted)


class Migration(migrations.Migration):
    dependencies = [
        ("backoffice", "0046_notitie_titel"),
    ]

    operations = [
        migrations.AddField(
            model_name="signaal",
            name="contacted_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="contact opgenomen op"),
        ),
        migrations.RunPython(contacted_from_history, migrations.RunPython.noop),
    ]
