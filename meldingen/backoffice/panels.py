"""Panels on the Wagtail admin home: for the wijkteams the user's open meldingen, how many are late, and the
open signals; for providers and professionals the way to send a signal and to those they sent."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from meldingen.backoffice.models import Behandeling, Signaal
from meldingen.backoffice.roles import can_see_meldingen, can_send_signaal, is_consulent


class MeldingenPanel(Component):
    name = "backoffice_meldingen"
    template_name = "backoffice/home_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        open_cases = Behandeling.objects.visible_to(user).open()
        return {
            "open_count": open_cases.count(),
            "overdue_count": open_cases.overdue(timezone.localdate()).count(),
            "due_soon_count": open_cases.due_soon(timezone.localdate()).count(),
            "mine_count": open_cases.filter(consulent=user).count(),
            # A teamleider read "0 open meldingen staan op uw naam": said to whoever handles meldingen.
            "handles_meldingen": is_consulent(user),
            # A walk: a new signal stood in the inbox, and the home page counted only meldingen.
            "signalen_count": Signaal.objects.visible_to(user).open().count(),
        }


class SignalenPanel(Component):
    """A walk at 390 px: a professional's home showed only the kaart; "Signaal sturen" was behind the menu."""

    name = "backoffice_signalen"
    template_name = "backoffice/signalen_home_panel.html"
    order = 30

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        return {"open_count": Signaal.objects.sent_by(user).open().count()}


def add_meldingen_panel(request, panels):
    if can_see_meldingen(request.user):
        panels.append(MeldingenPanel())
    elif can_send_signaal(request.user):
        panels.append(SignalenPanel())
