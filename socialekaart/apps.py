from django.apps import AppConfig


class SocialeKaartConfig(AppConfig):
    name = "socialekaart"
    verbose_name = "Sociale kaart"

    def ready(self):
        from . import signals  # noqa: F401  (keeps the search index current)
