from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from core.team_members import TeamMembersViewSetMixin

from . import admin_urls
from .access import KLACHTBEHANDELAAR, can_see_klachten, provider_organisatie_id
from .models import Contractteam
from .panels import add_klachten_panel


@hooks.register("register_admin_urls")
def register_klachten_urls():
    return [path("klachten/", include(admin_urls, namespace="klachten_admin"))]


class _CheckedMenuItem(MenuItem):
    def __init__(self, *args, check, **kwargs):
        super().__init__(*args, **kwargs)
        self.check = check

    def is_shown(self, request):
        return self.check(request.user)


@hooks.register("register_admin_menu_item")
def klachten_menu_item():
    return _CheckedMenuItem(
        _("Klachten"), reverse("klachten_admin:lijst"), icon_name="warning", order=160, check=can_see_klachten
    )


@hooks.register("register_admin_menu_item")
def clienten_menu_item():
    return _CheckedMenuItem(
        _("Aantal cliënten"),
        reverse("klachten_admin:clienten"),
        icon_name="group",
        order=161,
        check=lambda user: provider_organisatie_id(user) is not None,
    )


class ContractteamViewSet(TeamMembersViewSetMixin, ModelViewSet):
    """Which team contracts which providers: their complaints go to that team. Kept by the functioneel
    beheerder (model permissions given to that group by migration 0002)."""

    model = Contractteam
    icon = "group"
    menu_label = _("Contractteams")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["name", "mailbox"]
    form_fields = ["name", "organisaties", "mailbox", "members"]
    member_roles = (KLACHTBEHANDELAAR,)


@hooks.register("register_admin_viewset")
def register_contractteams():
    return ContractteamViewSet("contractteams")


hooks.register("construct_homepage_panels", add_klachten_panel)
