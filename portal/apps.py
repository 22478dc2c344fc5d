from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portaal"

    def ready(self):
        from .notifications import send_the_comment_with_the_approval

        send_the_comment_with_the_approval()
