from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliveryConfig(AppConfig):
    name = "meldingen.delivery"
    label = "delivery"
    verbose_name = _("Bezorging")
    default_auto_field = "django.db.models.BigAutoField"
