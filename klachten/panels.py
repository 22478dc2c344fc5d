"""A panel on the Wagtail admin home: the complaints to handle (staff) or to reply to (a provider)."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from .access import can_see_klachten, is_staff_handler, visible_klachten
from .workflow import Status


class KlachtenPanel(Component):
    name = "klachten"
    template_name = "klachten/admin/home_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        open_klachten = visible_klachten(user).exclude(status=Status.AFGEHANDELD)
        if is_staff_handler(user):
            return {
                "staff": True,
                "open_count": open_klachten.count(),
                "overdue_count": open_klachten.filter(antwoord_uiterlijk__lt=timezone.localdate()).count(),
            }
        return {"staff": False, "waiting_count": open_klachten.filter(reactie_aanbieder="").count()}


def add_klachten_panel(request, panels):
    if can_see_klachten(request.user):
        panels.append(KlachtenPanel())
