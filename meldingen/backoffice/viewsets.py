"""Settings the functioneel beheerder edits without code: delivery targets and wijkteams."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from meldingen.backoffice.access import second_factor_required
from meldingen.backoffice.models import DeliveryTarget, Team


class SecondFactorViewSetMixin:
    """Delivery secrets and team membership sit behind the same two-factor check as the meldingen."""

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = second_factor_required(pattern.callback)
        return patterns


class DeliveryTargetViewSet(SecondFactorViewSetMixin, ModelViewSet):
    model = DeliveryTarget
    icon = "resubmit"
    menu_label = _("Bezorgdoelen")
    list_display = ["name", "kind", "active"]
    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("active"),
        MultiFieldPanel([FieldPanel("fallback_email")], heading=_("E-mail")),
        MultiFieldPanel([FieldPanel("url"), FieldPanel("include_answers")], heading=_("Webhook")),
        MultiFieldPanel(
            [
                FieldPanel("zaken_api_url"),
                FieldPanel("documenten_api_url"),
                FieldPanel("client_id"),
                FieldPanel("zaaktype"),
                FieldPanel("informatieobjecttype"),
                FieldPanel("roltype_initiator"),
                FieldPanel("bronorganisatie"),
            ],
            heading=_("ZGW API's"),
        ),
        FieldPanel(
            "secret",
            widget=forms.PasswordInput(render_value=True, attrs={"autocomplete": "off"}),
            help_text=_("Voor de webhook: de sleutel van de HMAC-handtekening. Voor ZGW: het client-secret."),
        ),
        FieldPanel("timeout"),
    ]


class TeamViewSet(SecondFactorViewSetMixin, ModelViewSet):
    model = Team
    icon = "group"
    menu_label = _("Wijkteams")
    list_display = ["name", "mailbox"]
    form_fields = ["name", "wijken", "mailbox", "members"]


class BackofficeSettingsGroup(ModelViewSetGroup):
    menu_label = _("Backoffice-instellingen")
    menu_icon = "cogs"
    menu_order = 310
    items = (DeliveryTargetViewSet("bezorgdoelen"), TeamViewSet("wijkteams"))
