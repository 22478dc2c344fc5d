"""The facet columns of the search index, now in `facetten` (see 0005)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("socialekaart", "0005_zoekdocument_facetten")]

    operations = [
        # A default first, so that going back can add the columns to a filled table (0005 then fills them).
        migrations.AlterField(
            model_name="zoekdocument", name="toegang", field=models.CharField(max_length=20, default="")
        ),
        migrations.AlterField(
            model_name="zoekdocument", name="kosten", field=models.CharField(max_length=20, default="")
        ),
        migrations.RemoveField(model_name="zoekdocument", name="wijken"),
        migrations.RemoveField(model_name="zoekdocument", name="themas"),
        migrations.RemoveField(model_name="zoekdocument", name="doelgroepen"),
        migrations.RemoveField(model_name="zoekdocument", name="toegang"),
        migrations.RemoveField(model_name="zoekdocument", name="kosten"),
    ]
