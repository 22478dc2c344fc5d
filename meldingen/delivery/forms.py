"""The admin form of a delivery target: the common fields, then each kind's own settings under its heading
(made from the kind classes, see kinds/). Only the chosen kind's settings are checked and kept."""

import copy

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList

from meldingen.delivery import kinds
from meldingen.delivery.addresses import AddressNotAllowed, check_url
from meldingen.delivery.kinds.base import REQUIRED_MESSAGE

KEEP_SECRET_HINT = _("Laat dit leeg om de sleutel te houden die er al is.")


def field_name(kind: str, name: str) -> str:
    return f"{kind}_{name}"


def _kind_fields() -> dict[str, forms.Field]:
    fields = {}
    for kind in kinds.all_kinds():
        for name, field in kind.option_fields.items():
            fields[field_name(kind.kind, name)] = copy.deepcopy(field)
        for name, field in kind.secret_fields.items():
            secret = copy.deepcopy(field)
            secret.widget = forms.PasswordInput(attrs={"autocomplete": "off"})
            fields[field_name(kind.kind, name)] = secret
    return fields


class _DeliveryTargetForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        target = self.instance
        if not target._state.adding:
            self.fields["kind"].disabled = True  # queued jobs keep options of this kind
            for name in target.kind_class.option_fields:
                self.initial[field_name(target.kind, name)] = (target.options or {}).get(name)
            for name in target.kind_class.secret_fields:  # a key is never shown: say that empty keeps it
                if (target.secrets or {}).get(name):
                    self.fields[field_name(target.kind, name)].help_text = KEEP_SECRET_HINT

    def clean(self):
        cleaned = super().clean()
        kind_name = cleaned.get("kind") or self.instance.kind
        if kind_name not in dict(kinds.choices()):
            return cleaned
        kind = kinds.get(kind_name)
        options = {name: cleaned.get(field_name(kind_name, name)) for name in kind.option_fields}
        secrets = dict(self.instance.secrets or {}) if self.instance.kind == kind_name else {}
        for name in kind.secret_fields:
            if cleaned.get(field_name(kind_name, name)):
                secrets[name] = cleaned[field_name(kind_name, name)]
        for name in kind.missing(options, secrets):
            self.add_error(field_name(kind_name, name), REQUIRED_MESSAGE)
        for name in kind.address_options:
            if options.get(name):
                try:
                    check_url(options[name])
                except AddressNotAllowed as error:
                    self.add_error(field_name(kind_name, name), str(error))
        self._kind_settings = (options, secrets)
        return cleaned

    def save(self, commit=True):
        from meldingen.backoffice.models import AuditEntry

        target = super().save(commit=False)
        created = target._state.adding
        target.options, target.secrets = self._kind_settings
        target.propose(self.for_user, created)
        if commit:
            target.save()
            self.save_m2m()
            detail = target.audit_detail()
            if target.waiting_for_approval:
                detail = f"{detail} - wacht op goedkeuring"[:300]
            action = AuditEntry.Action.TARGET_CREATED if created else AuditEntry.Action.TARGET_CHANGED
            AuditEntry.record(self.for_user, None, action, detail)
        return target


DeliveryTargetForm = type("DeliveryTargetForm", (_DeliveryTargetForm,), _kind_fields())


def edit_handler() -> ObjectList:
    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("active")]
    for kind in kinds.all_kinds():
        names = [*kind.option_fields, *kind.secret_fields]
        if names:
            panels.append(
                MultiFieldPanel(
                    [FieldPanel(field_name(kind.kind, name)) for name in names], heading=kind.heading
                )
            )
    panels.append(FieldPanel("timeout"))
    return ObjectList(panels, base_form_class=DeliveryTargetForm)
