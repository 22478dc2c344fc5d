from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from core import admin_widgets  # noqa: F401 (registers the admin's date and time boxes)
        from core.staff_sessions import on_login

        user_logged_in.connect(on_login, dispatch_uid="core.staff_sessions.on_login")
