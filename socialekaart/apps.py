from django.apps import AppConfig


class SocialeKaartConfig(AppConfig):
    name = "socialekaart"
    verbose_name = "Sociale kaart"
