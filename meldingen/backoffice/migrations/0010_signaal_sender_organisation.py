from django.db import migrations, models


def fill_from_provider_accounts(apps, schema_editor):
    """Signals sent before this field existed: a provider's organisation is known from its kaart login."""
    Signaal = apps.get_model("backoffice", "Signaal")
    AanbiederAccount = apps.get_model("socialekaart", "AanbiederAccount")
    names = dict(AanbiederAccount.objects.values_list("user_id", "organisatie__name"))
    for signaal in Signaal.objects.filter(sender__in=names.keys(), sender_organisation=""):
        signaal.sender_organisation = names[signaal.sender_id][:200]
        signaal.save(update_fields=["sender_organisation"])


class Migration(migrations.Migration):
    dependencies = [
        ("backoffice", "0009_signaal_afzenders"),
        ("socialekaart", "0009_organisatie_capaciteit_herinnerd_op"),
    ]

    operations = [
        migrations.AddField(
            model_name="signaal",
            name="sender_organisation",
            field=models.CharField(blank=True, max_length=200, verbose_name="organisatie van de afzender"),
        ),
        migrations.RunPython(fill_from_provider_accounts, migrations.RunPython.noop),
    ]
