from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from meldingen.crypto import InvalidToken, reencrypt
from meldingen.delivery.models import DeliveryTarget

# Every field that holds one Fernet token of the melding and its backoffice, as "app_label.Model.field".
# Other apps that use the same keys name theirs in the setting ENCRYPTED_FIELDS_ELSEWHERE (config wires it:
# the melding does not import them).
MELDING_FIELDS = (
    "meldingen.Melding.encrypted_answers",
    "meldingen.MeldingDraft.encrypted_data",
    "backoffice.Notitie.encrypted_text",
    "backoffice.Verslag.encrypted_text",
    "backoffice.Signaal.encrypted_data",
    "backoffice.SignaalNotitie.encrypted_text",
    "backoffice.Nazorg.encrypted_note",
)


def encrypted_fields() -> list[tuple]:
    """(model, field name) of every token field to rotate."""
    names = [*MELDING_FIELDS, *getattr(settings, "ENCRYPTED_FIELDS_ELSEWHERE", ())]
    fields = []
    for name in names:
        label, _dot, field = name.rpartition(".")
        fields.append((apps.get_model(label), field))
    return fields


class Command(BaseCommand):
    help = (
        "Re-encrypt every melding, draft, note, signal, nazorg note, delivery secret (and the fields of "
        "ENCRYPTED_FIELDS_ELSEWHERE, such as complaints) under the first key of MELDINGEN_ENCRYPTION_KEYS. "
        "Put the new key first, run this, then remove the old key."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size, **options):
        total = 0
        for model, field in encrypted_fields():
            total += self._rotate(model, field, batch_size)
        total += self._rotate_delivery_secrets()
        self.stdout.write(f"{total} record(s) re-encrypted under the first key.")

    def _rotate(self, model, field, batch_size) -> int:
        count = 0
        pks = list(model.objects.exclude(**{field: ""}).values_list("pk", flat=True))
        for start in range(0, len(pks), batch_size):
            with transaction.atomic():
                rows = model.objects.select_for_update().filter(pk__in=pks[start : start + batch_size])
                for pk, token in rows.values_list("pk", field):
                    try:
                        token = reencrypt(token)
                    except InvalidToken as exc:
                        raise CommandError(
                            f"{model.__name__} {pk} cannot be opened with the configured keys."
                        ) from exc
                    # An update, not save(): no auto_now timestamp or save() logic changes with the key.
                    model.objects.filter(pk=pk).update(**{field: token})
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
