"""Production: refuses to start without a secret key; HTTPS only; passes `manage.py check --deploy`."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
if not SECRET_KEY or len(SECRET_KEY) < 50:  # noqa: F405
    raise ImproperlyConfigured("Set SECRET_KEY to a random value of at least 50 characters.")

# Delivery sends meldingen only over https to the hosts on DELIVERY_ALLOWED_HOSTS (see base.py).
DELIVERY_CHECK_ADDRESSES = True

SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True

# Every staff account, page editors included, logs in with a second factor unless this is turned off.
BACKOFFICE_REQUIRE_2FA = env_bool("BACKOFFICE_REQUIRE_2FA", True)  # noqa: F405

# Draft links, password-reset links and residents' addresses must not be printed to the server log.
if EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend" and not os.environ.get(  # noqa: F405
    "EMAIL_BACKEND"
):
    raise ImproperlyConfigured(
        "Set EMAIL_HOST (SMTP) or EMAIL_BACKEND: production does not print e-mail to the console."
    )
