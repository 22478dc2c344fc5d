from django.apps import AppConfig


class KlachtenConfig(AppConfig):
    name = "klachten"
    verbose_name = "Klachten over aanbieders"
    default_auto_field = "django.db.models.BigAutoField"
