from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from meldingen.crypto import InvalidToken, reencrypt
from meldingen.delivery.models import DeliveryTarget
from meldingen.models import Melding, MeldingDraft


class Command(BaseCommand):
    help = (
        "Re-encrypt every melding, draft and delivery secret under the first key of "
        "MELDINGEN_ENCRYPTION_KEYS. Put the new key first, run this, then remove the old key."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size, **options):
        total = 0
        for model, field in ((Melding, "encrypted_answers"), (MeldingDraft, "encrypted_data")):
            total += self._rotate(model, field, batch_size)
        total += self._rotate_delivery_secrets()
        self.stdout.write(f"{total} record(s) re-encrypted under the first key.")

    def _rotate(self, model, field, batch_size) -> int:
        count = 0
        pks = list(model.objects.exclude(**{field: ""}).values_list("pk", flat=True))
        for start in range(0, len(pks), batch_size):
            with transaction.atomic():
                rows = model.objects.select_for_update().filter(pk__in=pks[start : start + batch_size])
                for row in rows:
                    try:
                        setattr(row, field, reencrypt(getattr(row, field)))
                    except InvalidToken as exc:
                        raise CommandError(
                            f"{model.__name__} {row.pk} cannot be opened with the configured keys."
                        ) from exc
                    row.save(update_fields=[field])
                    count += 1
        return count

    @transaction.atomic
    def _rotate_delivery_secrets(self) -> int:
        """Loading opens each secret with any key; saving seals it under the first one."""
        try:
            targets = [target for target in DeliveryTarget.objects.select_for_update() if target.secrets]
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        for target in targets:
            target.save(update_fields=["secrets"])
        return len(targets)
