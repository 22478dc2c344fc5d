"""Who may open the backoffice views, and the two-factor check in front of them."""

from functools import wraps

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import devices_for_user

from meldingen.backoffice.roles import can_manage_delivery, can_see_meldingen


def needs_second_factor(user) -> bool:
    return settings.BACKOFFICE_REQUIRE_2FA or any(devices_for_user(user, confirmed=True))


def require_role(check):
    """Decorator: the user must pass `check`, and the second factor when it applies."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect(f"{reverse('wagtailadmin_login')}?{urlencode({'next': request.path})}")
            if not check(user):
                raise PermissionDenied
            if needs_second_factor(user) and not user.is_verified():
                has_device = any(devices_for_user(user, confirmed=True))
                target = "backoffice:otp_verify" if has_device else "backoffice:otp_setup"
                return redirect(f"{reverse(target)}?{urlencode({'next': request.path})}")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


meldingen_view = require_role(can_see_meldingen)
delivery_view = require_role(can_manage_delivery)


def _second_factor_redirect(request):
    has_device = any(devices_for_user(request.user, confirmed=True))
    target = "backoffice:otp_verify" if has_device else "backoffice:otp_setup"
    return redirect(f"{reverse(target)}?{urlencode({'next': request.path})}")


class SecondFactorMiddleware:
    """Every page of the Wagtail admin, page editing and snippets included, asks for the second factor where
    it applies; only logging in and out, the password reset, the two-factor pages themselves and what those
    pages load do not (the admin's icons: sent to the code page instead, that page showed its form twice,
    the top one leading to the icons)."""

    OPEN_URL_NAMES = (
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "backoffice:otp_setup",
        "backoffice:otp_verify",
    )

    def __init__(self, get_response):
        self.get_response = get_response
        self._admin_prefix = None
        self._open_paths = None

    def _prepare(self):
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
            self._open_paths = tuple(reverse(name) for name in self.OPEN_URL_NAMES)

    def __call__(self, request):
        self._prepare()
        path = request.path
        if (
            path.startswith(self._admin_prefix)
            and not path.startswith(self._open_paths)
            and request.user.is_authenticated
            and needs_second_factor(request.user)
            and not request.user.is_verified()
        ):
            return _second_factor_redirect(request)
        return self.get_response(request)


def second_factor_required(view):
    """Only the two-factor check, for Wagtail's own views (their permission policy checks the rest)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and needs_second_factor(user) and not user.is_verified():
            has_device = any(devices_for_user(user, confirmed=True))
            target = "backoffice:otp_verify" if has_device else "backoffice:otp_setup"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.path})}")
        return view(request, *args, **kwargs)

    return wrapper
