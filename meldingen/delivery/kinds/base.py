"""What every delivery kind declares: its label, its settings (form fields, validated here), its secrets,
where it sends to, whether it carries the resident's answers, and how it delivers one melding."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

REQUIRED_MESSAGE = _("Vul dit in. Dit soort doel heeft het nodig.")


class HttpsURLFormField(forms.URLField):
    """A URL field that assumes https:// when the scheme is left out."""

    def __init__(self, **kwargs):
        super().__init__(assume_scheme="https", **kwargs)


class DeliveryKind:
    kind = ""  # set by @register
    label = ""
    order = 100  # place in the list of kinds
    heading = ""  # heading of this kind's settings in the admin form
    option_fields: dict[str, forms.Field] = {}
    secret_fields: dict[str, forms.Field] = {}
    required: tuple[str, ...] = ()  # names of options and secrets that must be filled in
    address_options: tuple[str, ...] = ()  # options that hold the addresses the kind sends data to
    requests_per_attempt = 1  # the most HTTP requests one attempt makes (for the lease)
    takes_additions = False  # whether what the backoffice adds later (verwijzingen) is delivered again

    # --- settings -------------------------------------------------------------------------------------
    def clean_options(self, options: dict) -> dict:
        """Only this kind's options, each through its form field (raises ValidationError)."""
        return {name: field.clean(options.get(name)) for name, field in self.option_fields.items()}

    def missing(self, options: dict, secrets: dict) -> list[str]:
        return [name for name in self.required if not (options.get(name) or secrets.get(name))]

    def addresses(self, options: dict) -> list[str]:
        return [options[name] for name in self.address_options if options.get(name)]

    # --- approval ------------------------------------------------------------------------------------
    def carries_answers(self, options: dict) -> bool:
        """True when a delivery sends the resident's personal data (then it is audited)."""
        return False

    def needs_approval(self, approved: dict | None, proposed: dict) -> bool:
        """A new target, a new address or a change that adds personal data waits for a second person."""
        if approved is None:
            return True
        if any(approved.get(name) != proposed.get(name) for name in self.address_options):
            return True
        return self.carries_answers(proposed) and not self.carries_answers(approved)

    # --- delivery ------------------------------------------------------------------------------------
    def timeout(self, target) -> float:
        return target.timeout or settings.DELIVERY_TIMEOUT_SECONDS

    def deliver(self, job) -> str:
        """Send the job's melding with the job's own (approved) options; return a short result label or
        raise DeliveryFailed."""
        raise NotImplementedError
