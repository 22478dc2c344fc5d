from django.apps import AppConfig


class KlachtenConfig(AppConfig):
    name = "klachten"
    verbose_name = "Klachten"
    default_auto_field = "django.db.models.BigAutoField"
