"""When the melding's personal data is removed (retention), the backoffice forgets its copies too: the blind
name and address index and the texts of internal notes. The status history and the audit log stay (no
personal data)."""

from meldingen.backoffice.models import Behandeling, Notitie


def forget_removed_personal_data() -> int:
    """Run by its own recurring task (tasks.py); returns how many cases were cleaned."""
    removed = Behandeling.objects.filter(melding__personal_data_removed_at__isnull=False)
    cleaned = removed.exclude(name_index="").update(name_index="")
    removed.exclude(address_index="").update(address_index="")
    Notitie.objects.filter(behandeling__melding__personal_data_removed_at__isnull=False).exclude(
        encrypted_text=""
    ).update(encrypted_text="")
    return cleaned
