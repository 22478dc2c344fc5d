from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from meldingen.backoffice import urls
from meldingen.backoffice.panels import add_meldingen_panel
from meldingen.backoffice.roles import (
    can_approve_targets,
    can_assign,
    can_manage_delivery,
    can_read_audit_log,
    can_see_meldingen,
    can_send_signaal,
)
from meldingen.backoffice.viewsets import BackofficeSettingsGroup


@hooks.register("register_admin_urls")
def register_backoffice_urls():
    return [path("backoffice/", include(urls, namespace="backoffice"))]


class _RoleMenuItem(MenuItem):
    def __init__(self, *args, check, **kwargs):
        super().__init__(*args, **kwargs)
        self.check = check

    def is_shown(self, request):
        return self.check(request.user)


# (label, url name, icon, who may see it), in menu order. A label fits Wagtail's sidebar in 18 characters;
# the page's own title may say more.
_MENU_ITEMS = [
    (_("Meldingen"), "backoffice:inbox", "mail", can_see_meldingen),
    (_("Cijfers meldingen"), "backoffice:dashboard", "table", can_see_meldingen),
    (_("Werkverdeling"), "backoffice:werkverdeling", "group", can_assign),
    (_("Bezorging"), "backoffice:deliveries", "resubmit", can_manage_delivery),
    (_("Doelen goedkeuren"), "backoffice:target_approvals", "check", can_approve_targets),
    (_("Auditlog meldingen"), "backoffice:audit", "history", can_read_audit_log),
    (_("Signaal sturen"), "backoffice:signaal_nieuw", "warning", can_send_signaal),
    (_("Mijn signalen"), "backoffice:signalen_verstuurd", "list-ul", can_send_signaal),
]


def _menu_item_hook(label, url_name, icon_name, order, check):
    def register_menu_item():
        return _RoleMenuItem(label, reverse(url_name), icon_name=icon_name, order=order, check=check)

    return register_menu_item


for _order, (_label, _url_name, _icon_name, _check) in enumerate(_MENU_ITEMS, start=150):
    hooks.register("register_admin_menu_item", _menu_item_hook(_label, _url_name, _icon_name, _order, _check))


@hooks.register("register_admin_viewset")
def register_settings_viewsets():
    return BackofficeSettingsGroup()


hooks.register("construct_homepage_panels", add_meldingen_panel)
