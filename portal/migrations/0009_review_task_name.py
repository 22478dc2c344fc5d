"""The workflow and its one task were both "de redactie": the publish dialog read "Deze pagina is momenteel op de
redactie in de redactie", the history "'de redactie' gestart. Volgende stap 'de redactie'". The workflow keeps
its name (its button reads "Stuur door naar de redactie"); the task is the eindredactie's review."""

from django.db import migrations

WORKFLOW, OLD, NEW = "de redactie", "de redactie", "de eindredactie"


def rename(apps, old: str, new: str) -> None:
    workflow = apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).first()
    if workflow is not None:
        task_ids = workflow.workflow_tasks.values("task_id")
        apps.get_model("wagtailcore", "Task").objects.filter(pk__in=task_ids, name=old).update(name=new)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0008_begrip_ankernaam_help"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: rename(apps, OLD, NEW),
            lambda apps, schema_editor: rename(apps, NEW, OLD),
        ),
    ]
