"""The admin's own script that replaces Wagtail's inline scripts (the admin's CSP allows none), and the
backoffice's styles, which the admin's home panels use too."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def admin_init_script():
    return format_html('<script src="{}"></script>', static("js/admin_init.js"))


@hooks.register("insert_global_admin_css")
def backoffice_styles():
    return format_html('<link rel="stylesheet" href="{}">', static("css/backoffice.css"))
