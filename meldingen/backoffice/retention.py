"""When the melding's personal data is removed (retention), the backoffice forgets its copies too: the blind
name and address index, the texts of internal notes and verslagen, and the nazorg note. The status history and
the audit log stay (no personal data). Signals have a period of their own: BACKOFFICE_SIGNAAL_RETENTION_DAYS
after they were afgerond, the client's data in them goes, and their name index and the texts of their notes
with it; the row (team, wijk, dates, status) stays for the figures."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from meldingen.backoffice.models import Behandeling, Nazorg, Notitie, Signaal, SignaalNotitie, Verslag


def forget_removed_personal_data() -> int:
    """Run by its own recurring task (tasks.py); returns how many cases were cleaned."""
    removed = Behandeling.objects.filter(melding__personal_data_removed_at__isnull=False)
    cleaned = removed.exclude(name_index="").update(name_index="")
    removed.exclude(address_index="").update(address_index="")
    for notes in (Notitie, Verslag):
        notes.objects.filter(behandeling__melding__personal_data_removed_at__isnull=False).exclude(
            encrypted_text=""
        ).update(encrypted_text="")
    Nazorg.objects.filter(behandeling__melding__personal_data_removed_at__isnull=False).exclude(
        encrypted_note=""
    ).update(encrypted_note="")
    remove_expired_signal_data()
    return cleaned


def remove_expired_signal_data(now=None) -> int:
    """Clear the client's data of signals afgerond more than BACKOFFICE_SIGNAAL_RETENTION_DAYS ago."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.BACKOFFICE_SIGNAAL_RETENTION_DAYS)
    expired = Signaal.objects.filter(
        closed_at__isnull=False, closed_at__lte=cutoff, personal_data_removed_at__isnull=True
    )
    SignaalNotitie.objects.filter(signaal__in=expired).update(encrypted_text="")
    return expired.update(encrypted_data="", name_index="", personal_data_removed_at=now)
