from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from meldingen.backoffice.models import Team
from meldingen.backoffice.roles import CONSULENT
from meldingen.backoffice.workflow import Status, allowed_targets
from meldingen.choices import ONDERWERPEN
from socialekaart import public as kaart

YES_NO = [("", _("Alle")), ("ja", _("Ja")), ("nee", _("Nee"))]


class InboxFilterForm(forms.Form):
    """The inbox's GET filters. Invalid values are ignored with a message, never a server error."""

    q = forms.CharField(label=_("Zoek op kenmerk of naam"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle open meldingen")), ("alle", _("Alle meldingen")), *Status.choices],
    )
    team = forms.ModelChoiceField(
        label=_("Wijkteam"), required=False, queryset=Team.objects.all(), empty_label=_("Alle teams")
    )
    wijk = forms.ModelChoiceField(
        label=_("Wijk"),
        required=False,
        queryset=kaart.wijken(),
        to_field_name="slug",
        empty_label=_("Alle wijken"),
    )
    onderwerp = forms.ChoiceField(
        label=_("Onderwerp"), required=False, choices=[("", _("Alle onderwerpen")), *ONDERWERPEN]
    )
    spoed = forms.ChoiceField(label=_("Spoed"), required=False, choices=YES_NO)
    soort = forms.ChoiceField(
        label=_("Soort melding"),
        required=False,
        choices=[
            ("", _("Alle")),
            ("kort", _("Kort (alleen contactgegevens)")),
            ("uitgebreid", _("Uitgebreid")),
        ],
    )
    over_termijn = forms.BooleanField(label=_("Alleen te laat"), required=False)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nieuwe status"))
    toelichting = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        required=False,
        max_length=500,
        help_text=_("Schrijf hier geen medische gegevens."),
    )

    def __init__(self, *args, current: str, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Status.choices)
        # Starts empty, so no status is saved by accident; only the next steps of the workflow are offered.
        self.fields["status"].choices = [
            ("", _("Kies een status")),
            *((value, labels[value]) for value in allowed_targets(current)),
        ]
        self.allowed = bool(allowed_targets(current))
        self.fields["status"].error_messages["invalid_choice"] = _("Kies een status uit de lijst.")
        self.fields["status"].error_messages["required"] = _("Kies een nieuwe status.")


class AssignForm(forms.Form):
    team = forms.ModelChoiceField(
        label=_("Wijkteam"), queryset=Team.objects.all(), required=False, empty_label=_("Geen team")
    )
    consulent = forms.ModelChoiceField(
        label=_("Consulent"), queryset=None, required=False, empty_label=_("Niemand")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(groups__name=CONSULENT, is_active=True).order_by("username")
        self.fields["consulent"].queryset = users
        self.fields["consulent"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _("Kies een waarde uit de lijst.")

    def clean(self):
        data = super().clean()
        team, consulent = data.get("team"), data.get("consulent")
        if team and consulent and not team.members.filter(pk=consulent.pk).exists():
            self.add_error(
                "consulent", _("Deze consulent hoort niet bij dit wijkteam. Kies iemand uit het team.")
            )
        return data


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Notitie"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": _("Schrijf eerst een notitie.")},
        help_text=_("Alleen medewerkers zien deze notitie."),
    )


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code uit uw app"),
        max_length=8,
        min_length=6,
        help_text=_("Zes cijfers. De code verandert elke 30 seconden."),
        error_messages={
            "required": _("Vul de code uit uw app in."),
            "min_length": _("De code heeft 6 cijfers."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
