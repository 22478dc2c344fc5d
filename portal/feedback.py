""" "Was deze informatie nuttig?": the answer of a reader, stored per page and counted for editors."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.ratelimit import within_limit

HONEYPOT_FIELD = "website"


class Feedback(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="portal_feedback", verbose_name=_("pagina")
    )
    useful = models.BooleanField(_("nuttig"))
    remark = models.TextField(_("opmerking"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("gegeven op"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")

    def __str__(self):
        return f"{self.page_id}: {'ja' if self.useful else 'nee'}"


class FeedbackForm(forms.Form):
    use_required_attribute = False  # the server's B1 messages, not the browser's
    useful = forms.TypedChoiceField(
        label=_("Was deze informatie nuttig?"),
        choices=[("ja", _("Ja")), ("nee", _("Nee"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies ja of nee.")},
    )
    remark = forms.CharField(
        label=_("Wat kunnen we beter maken?"),
        help_text=_("Schrijf hier geen naam, adres of andere gegevens over uzelf."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _("Gebruik hoogstens %(limit_value)d tekens. U gebruikt er nu %(show_value)d.")
        },
    )
    # People do not see this field; programs that fill in every field do.
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "feedback-%s")
        super().__init__(*args, **kwargs)
        # A walk: a resident wrote "Bel mij" with her number, and waited for a call that does not come.
        self.fields["remark"].help_text = _(
            "Wij antwoorden niet op deze reacties. Hebt u een vraag? Bel %(phone)s. Schrijf hier geen naam, "
            "adres of andere gegevens over uzelf."
        ) % {"phone": settings.MUNICIPALITY_PHONE}

    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD))


def rate_limited(request) -> bool:
    """Count this answer against the IP address; True when it has sent too many in the window."""
    limit, window = settings.PORTAL_FEEDBACK_RATE_LIMIT
    return not within_limit(request, "feedback", limit, window)


def store_feedback(page, form: FeedbackForm) -> Feedback:
    return Feedback.objects.create(
        page=page, useful=form.cleaned_data["useful"], remark=form.cleaned_data["remark"].strip()
    )


def counts_for(page) -> dict:
    """Yes and no answers and the latest remarks of one page, for the editor."""
    totals = Feedback.objects.filter(page=page).aggregate(
        ja=models.Count("pk", filter=models.Q(useful=True)),
        nee=models.Count("pk", filter=models.Q(useful=False)),
    )
    remarks = list(Feedback.objects.filter(page=page).exclude(remark="")[:20])
    return {**totals, "remarks": remarks}
