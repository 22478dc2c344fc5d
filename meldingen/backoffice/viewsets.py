"""Settings the functioneel beheerder edits without code: delivery targets (delivery/viewsets.py) and
wijkteams."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

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


class WijkteamForm(forms.ModelForm):
    """Members are chosen from the backoffice staff only: the list names no providers or page editors."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("members")
        if field is not None:
            staff = Q(groups__name__in=[roles.CONSULENT, roles.TEAMLEIDER])
            if self.instance.pk:  # who is in the team now stays visible, whatever their role
                staff |= Q(pk__in=self.instance.members.values("pk"))
            field.queryset = field.queryset.filter(staff).distinct()


class WijkteamViewSet(SecondFactorViewSetMixin, ModelViewSet):
    model = Wijkteam
    icon = "group"
    menu_label = _("Wijkteams")
    list_display = ["name", "mailbox"]
    form_fields = ["name", "wijken", "mailbox", "members"]

    def get_form_class(self, for_update=False):
        return forms.modelform_factory(
            self.model,
            form=WijkteamForm,
            formfield_callback=self.formfield_for_dbfield,
            fields=self.form_fields,
        )


class BackofficeSettingsGroup(ModelViewSetGroup):
    menu_label = _("Backoffice-instellingen")
    menu_icon = "cogs"
    menu_order = 310
    items = (DeliveryTargetViewSet("bezorgdoelen"), WijkteamViewSet("wijkteams"))
