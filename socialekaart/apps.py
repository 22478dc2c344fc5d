from django.apps import AppConfig


class SocialeKaartConfig(AppConfig):
    name = "socialekaart"
    verbose_name = "Sociale kaart"

    def ready(self):
        from . import old_links, signals  # noqa: F401  (an old link leads on; the search index stays current)
