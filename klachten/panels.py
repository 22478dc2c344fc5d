"""A panel on the Wagtail admin home: the complaints to handle (staff) or to reply to (a provider)."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from .access import can_see_klachten, is_staff_handler, routes_klachten, visible_klachten


class KlachtenPanel(Component):
    name = "klachten"
    template_name = "klachten/admin/home_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        visible = visible_klachten(user)
        if is_staff_handler(user):
            return {
                "staff": True,
                "open_count": visible.open().count(),
                "overdue_count": visible.overdue(timezone.localdate()).count(),
                # Seen by teamleiders alone until one of them chooses a team.
                "without_team_count": visible.open().filter(team=None).count()
                if routes_klachten(user)
                else 0,
            }
        return {"staff": False, "waiting_count": visible.waiting_for_reply().count()}


def add_klachten_panel(request, panels):
    if can_see_klachten(request.user):
        panels.append(KlachtenPanel())
