"""The blind name index of a melding made for someone else also holds its maker's name: filled in for the
meldingen made before (their answers are decrypted once, here, and no name is stored in plain text)."""

from django.db import migrations


def index_the_makers(apps, schema_editor):
    from meldingen.answers import Answers
    from meldingen.backoffice.search_index import name_index
    from meldingen.crypto import InvalidToken, decrypt_json

    Behandeling = apps.get_model("backoffice", "Behandeling")
    cases = (
        Behandeling.objects.filter(melding__personal_data_removed_at__isnull=True)
        .exclude(melding__encrypted_answers="")
        .select_related("melding")
    )
    for behandeling in cases.iterator(chunk_size=200):
        try:
            answers = Answers.from_dict(decrypt_json(behandeling.melding.encrypted_answers))
        except InvalidToken:
            continue  # a key that was removed; rebuild_name_index fills it once the key is back
        if answers.for_someone_else:
            Behandeling.objects.filter(pk=behandeling.pk).update(name_index=name_index(answers.names_to_find_by))


class Migration(migrations.Migration):
    dependencies = [("backoffice", "0021_statuswijziging_gesprek_op")]

    operations = [migrations.RunPython(index_the_makers, migrations.RunPython.noop)]
