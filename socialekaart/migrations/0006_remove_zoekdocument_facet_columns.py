"""The facet columns of the search index, now in `facetten` (see 0005)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("socialekaart", "0005_zoekdocument_facetten")]

    operations = [
        migrations.RemoveField(model_name="zoekdocument", name="wijken"),
        migrations.RemoveField(model_name="zoekdocument", name="themas"),
        migrations.RemoveField(model_name="zoekdocument", name="doelgroepen"),
        migrations.RemoveField(model_name="zoekdocument", name="toegang"),
        migrations.RemoveField(model_name="zoekdocument", name="kosten"),
    ]
