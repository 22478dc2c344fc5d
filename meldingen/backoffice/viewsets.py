"""Settings the functioneel beheerder edits without code: delivery targets (delivery/viewsets.py) and
wijkteams."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from core.team_members import TeamMembersViewSetMixin
from meldingen.backoffice import roles
from meldingen.backoffice.access import second_factor_required
from meldingen.backoffice.models import Wijkteam
from meldingen.delivery.viewsets import DeliveryTargetViewSet


class SecondFactorViewSetMixin:
    """Delivery secrets and team membership sit behind the same two-factor check as the meldingen."""

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = second_factor_required(pattern.callback)
        return patterns


class WijkteamViewSet(TeamMembersViewSetMixin, SecondFactorViewSetMixin, ModelViewSet):
    model = Wijkteam
    icon = "group"
    menu_label = _("Wijkteams")
    list_display = ["name", "mailbox"]
    form_fields = ["name", "wijken", "mailbox", "members"]
    member_roles = (roles.CONSULENT, roles.TEAMLEIDER)


class BackofficeSettingsGroup(ModelViewSetGroup):
    menu_label = _("Backoffice-instellingen")
    menu_icon = "cogs"
    menu_order = 310
    items = (DeliveryTargetViewSet("bezorgdoelen"), WijkteamViewSet("wijkteams"))
