"""The "Bezorgdoelen" admin: the functioneel beheerder's list and form of delivery targets."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.model import ModelViewSet

from meldingen.backoffice.access import second_factor_required
from meldingen.delivery.forms import edit_handler
from meldingen.delivery.models import DeliveryTarget


class DeliveryTargetViewSet(ModelViewSet):
    model = DeliveryTarget
    icon = "resubmit"
    menu_label = _("Bezorgdoelen")
    list_display = ["name", "kind", BooleanColumn("active", label=_("Actief")), "approval"]
    edit_handler = edit_handler()

    def get_urlpatterns(self):
        # Delivery secrets sit behind the same two-factor check as the meldingen.
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = second_factor_required(pattern.callback)
        return patterns
