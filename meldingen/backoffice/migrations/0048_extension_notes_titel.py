from datetime import timedelta

from django.db import migrations
from django.db.models import Exists, OuterRef

# What Behandeling.extend_onderzoek writes the audit entry and then the note with, one moment apart.
SAME_STEP = timedelta(seconds=5)


def name_extension_notes(apps, schema_editor):
    """The notes a term extension wrote before notes had a title are named after it, as the later ones are:
    the timeline read them as "Notitie". The extension's audit entry shows which they are: the same melding
    and author, the moment before."""
    Notitie = apps.get_model("backoffice", "Notitie")
    AuditEntry = apps.get_model("backoffice", "AuditEntry")
    extension = AuditEntry.objects.filter(
        action="term_extended",
        melding_id=OuterRef("behandeling__melding_id"),
        user_id=OuterRef("author_id"),
        at__lte=OuterRef("created_at"),
        at__gte=OuterRef("created_at") - SAME_STEP,
    )
    Notitie.objects.filter(Exists(extension), titel="").update(titel="Termijn onderzoek verlengd")


class Migration(migrations.Migration):
    dependencies = [
        ("backoffice", "0047_signaal_contacted_at"),
    ]

    operations = [migrations.RunPython(name_extension_notes, migrations.RunPython.noop)]
