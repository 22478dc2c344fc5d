"""Login throttling for the Wagtail admin: after too many failed attempts for one username from one IP
address, the login form refuses for a while (counted in the cache, so Redis shares it between servers)."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from core.ratelimit import client_ip


def _key(username: str, ip: str) -> str:
    digest = hashlib.sha256(f"{username.strip().lower()}|{ip}".encode()).hexdigest()[:32]
    return f"backoffice:login-failures:{digest}"


class ThrottledLoginForm(LoginForm):
    error_messages = {
        **LoginForm.error_messages,
        # Wagtail's Dutch says "je"; the site says "u".
        "invalid_login": _("Uw gebruikersnaam of wachtwoord klopt niet. Probeer het opnieuw."),
        "throttled": _(
            "U heeft te vaak een verkeerd wachtwoord ingevuld. "
            "Wacht %(minutes)s minuten en probeer het dan opnieuw."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's form gives the password no label, and Django's from its name is the English "Password".
        self.fields["password"].label = _("Wachtwoord")

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        key = _key(username, client_ip(self.request) if self.request is not None else "")
        if cache.get(key, 0) >= settings.BACKOFFICE_LOGIN_MAX_FAILURES:
            minutes = max(1, settings.BACKOFFICE_LOGIN_LOCKOUT_SECONDS // 60)
            raise ValidationError(
                self.error_messages["throttled"], code="throttled", params={"minutes": minutes}
            )
        try:
            return super().clean()
        except ValidationError:
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, settings.BACKOFFICE_LOGIN_LOCKOUT_SECONDS)
            raise
