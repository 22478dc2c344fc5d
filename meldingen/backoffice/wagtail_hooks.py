from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from meldingen.backoffice import urls
from meldingen.backoffice.panels import add_meldingen_panel
from meldingen.backoffice.roles import can_manage_delivery, can_read_audit_log, can_see_meldingen
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


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return _RoleMenuItem(
        _("Meldingen"), reverse("backoffice:inbox"), icon_name="mail", order=150, check=can_see_meldingen
    )


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return _RoleMenuItem(
        _("Cijfers meldingen"),
        reverse("backoffice:dashboard"),
        icon_name="table",
        order=151,
        check=can_see_meldingen,
    )


@hooks.register("register_admin_menu_item")
def register_deliveries_menu_item():
    return _RoleMenuItem(
        _("Bezorging"),
        reverse("backoffice:deliveries"),
        icon_name="resubmit",
        order=152,
        check=can_manage_delivery,
    )


@hooks.register("register_admin_menu_item")
def register_audit_menu_item():
    return _RoleMenuItem(
        _("Auditlog meldingen"),
        reverse("backoffice:audit"),
        icon_name="history",
        order=153,
        check=can_read_audit_log,
    )


@hooks.register("register_admin_viewset")
def register_settings_viewsets():
    return BackofficeSettingsGroup()


hooks.register("construct_homepage_panels", add_meldingen_panel)
