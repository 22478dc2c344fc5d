"""The admin's own script that replaces Wagtail's inline scripts (the admin's CSP allows none), the count of
the room left in a limited text box (as in the public forms), and the backoffice's styles, which the admin's
home panels use too."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def admin_init_script():
    return format_html(
        '<script src="{}"></script><script src="{}" defer></script>',  # Wagtail puts these above the page
        static("js/admin_init.js"),
        static("js/char_count.js"),
    )


@hooks.register("insert_global_admin_css")
def backoffice_styles():
    return format_html('<link rel="stylesheet" href="{}">', static("css/backoffice.css"))
