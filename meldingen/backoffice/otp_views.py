"""Two-factor authentication for backoffice accounts: TOTP set-up (a QR code, the secret, the otpauth link)
and the check."""

import base64

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldingen.backoffice.forms import TokenForm

DEVICE_NAME = "backoffice"


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("backoffice:inbox")


def _render(request, template, form, **extra):
    context = {
        "form": form,
        "next": _next(request),
        "page_title": extra.pop("title"),
        "header_icon": "key",
        **extra,
    }
    return TemplateResponse(request, template, context, status=400 if form.errors else 200)


@login_required
def setup(request):
    """Create (or reuse) an unconfirmed device, show its secret, and confirm it with a first code."""
    if (
        TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
        and not request.user.is_verified()
    ):
        # Someone with only the password must not add a device of their own.
        return redirect(f"{reverse('backoffice:otp_verify')}?{urlencode({'next': request.path})}")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False, name=DEVICE_NAME).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not _waits(form, [device]):
        if device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Inloggen in twee stappen staat nu aan."))
            return redirect(_next(request))
        form.add_error(
            "token",
            _("Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat en probeer het opnieuw."),
        )
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return _render(
        request,
        "backoffice/otp_setup.html",
        form,
        title=_("Inloggen in twee stappen instellen"),
        secret=secret,
        config_url=device.config_url,
        qr_code=_qr_code(device.config_url),
    )


def _qr_code(config_url: str) -> str:
    """The otpauth link as a QR code, an inline SVG of paths (the link is in no text of it): a walk's
    consulent at her desk had to type the 32 letters of the key into her phone."""
    svg = segno.make(config_url, micro=False).svg_inline(scale=4, border=4, dark="#000", light="#fff")
    return mark_safe(svg)  # noqa: S308 (segno's own markup, no text of anyone's)


def _waits(form, devices) -> bool:
    """After wrong codes django-otp makes each next try wait longer (1, 2, 4 ... seconds): a right code typed
    too soon was refused as "Deze code klopt niet". Says to wait instead, and tries no code."""
    if not devices or any(device.verify_is_allowed()[0] for device in devices):
        return False
    form.add_error(
        "token",
        _(
            "U vulde een paar keer een verkeerde code in. "
            "Wacht een halve minuut en vul dan de nieuwste code in."
        ),
    )
    return True


@login_required
def verify(request):
    form = TokenForm(request.POST or None)
    devices = list(TOTPDevice.objects.filter(user=request.user, confirmed=True))
    if request.method == "POST" and form.is_valid() and not _waits(form, devices):
        token = form.cleaned_data["token"].strip()
        for device in devices:
            if device.verify_token(token):
                otp_login(request, device)
                return redirect(_next(request))
        form.add_error("token", _("Deze code klopt niet. Probeer het opnieuw met de nieuwste code."))
    return _render(request, "backoffice/otp_verify.html", form, title=_("Code uit uw app"))
