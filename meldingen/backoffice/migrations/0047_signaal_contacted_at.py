from django.db import migrations, models
from django.db.models import Min, OuterRef, Subquery


def contacted_from_history(apps, schema_editor):
    """Signals already contacted take the moment from their history: the first "Contact opgenomen"."""
    Signaal = apps.get_model("backoffice", "Signaal")
    AuditEntry = apps.get_model("backoffice", "AuditEntry")
    first_contact = (
        AuditEntry.objects.filter(
            action="signaal_status", detail="Contact opgenomen", reference=OuterRef("reference")
        )
        .order_by()
        .values("reference")
        .annotate(first=Min("at"))
        .values("first")
    )
    Signaal.objects.exclude(status="nieuw").update(contacted_at=Subquery(first_contact))


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
