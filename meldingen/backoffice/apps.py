from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    name = "meldingen.backoffice"
    label = "backoffice"
    verbose_name = _("Backoffice")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from meldingen.backoffice import receivers  # noqa: F401  (connects melding_stored)
