"""Recompute the blind name and address index of every case and the name index of every signal, e.g. after
BACKOFFICE_BLIND_INDEX_KEY changed."""

from django.core.management.base import BaseCommand

from meldingen.backoffice.models import Behandeling, Signaal
from meldingen.backoffice.search_index import address_index, name_index


class Command(BaseCommand):
    help = "Bereken de zoekindex op naam opnieuw (na een nieuwe BACKOFFICE_BLIND_INDEX_KEY)."

    def handle(self, *args, **options):
        count = 0
        cases = Behandeling.objects.select_related("melding").filter(
            melding__personal_data_removed_at__isnull=True
        )
        for behandeling in cases.iterator(chunk_size=200):
            answers = behandeling.melding.typed_answers
            index, address = name_index(answers.names_to_find_by), address_index(answers)
            if (index, address) != (behandeling.name_index, behandeling.address_index):
                Behandeling.objects.filter(pk=behandeling.pk).update(name_index=index, address_index=address)
                count += 1
        signalen = Signaal.objects.filter(personal_data_removed_at__isnull=True).exclude(encrypted_data="")
        for signaal in signalen.iterator(chunk_size=200):
            index = name_index(signaal.data.get("naam", ""))
            if index != signaal.name_index:
                Signaal.objects.filter(pk=signaal.pk).update(name_index=index)
                count += 1
        self.stdout.write(self.style.SUCCESS(f"{count} zoekindexen bijgewerkt."))
