"""Login throttling on the Wagtail login, and two-factor authentication for backoffice accounts."""

from bs4 import BeautifulSoup
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from .fixtures import PASSWORD


def _login(client, username, password, ip="10.0.0.1"):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_login_is_throttled_per_username_and_ip(staff, client, settings):
    settings.BACKOFFICE_LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        assert _login(client, "teamleider", "fout").status_code == 200
    response = _login(client, "teamleider", PASSWORD)
    assert response.status_code == 200 and "te vaak een verkeerd wachtwoord" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address, or another username, is not blocked.
    assert _login(client, "teamleider", PASSWORD, ip="10.0.0.2").status_code == 302
    client.logout()
    assert _login(client, "consulent-centrum", PASSWORD).status_code == 302


def test_the_login_speaks_dutch_and_says_u(client, db):
    """Wagtail's form has "Password" in English beside "Gebruikersnaam", "Je gebruikersnaam ..." where the
    site says "u", and "Inloggen in Wagtail", the software's name, where staff and providers log in at the
    gemeente."""
    form = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "Wachtwoord<span" in form and "Password" not in form
    assert "<h1>Inloggen bij Gemeente Lindewaard</h1>" in form  # not "Inloggen in Wagtail"
    # A walk's huisarts found no way back to the site, nor how a professional gets an account.
    assert '<a href="/">Terug naar de website van Gemeente Lindewaard</a>' in form
    assert 'Werkt u met cliënten en hebt u nog geen account? Vraag het de gemeente: bel <a href="tel:' in form
    refused = _login(client, "niemand", "fout").content.decode()
    assert "Uw gebruikersnaam of wachtwoord klopt niet. Probeer het opnieuw." in refused
    assert "Je gebruikersnaam" not in refused


def test_every_admin_page_is_named_after_the_gemeente_in_the_browser_tab(staff, two_meldingen, client):
    """The tab said "Melding M-WPG9-ZRXH - Wagtail" beside Wagtail's bird, the software's name where staff and
    providers work at the gemeente; the sidebar showed the bird too."""
    login = client.get(reverse("wagtailadmin_login")).content.decode()
    client.force_login(staff["consulent"])
    melding = client.get(reverse("backoffice:melding", args=[two_meldingen["centrum"].behandeling.pk]))
    for html in (login, melding.content.decode()):
        title = html.split("<title>", 1)[1].split("</title>", 1)[0]
        assert title.endswith(" - Gemeente Lindewaard") and "Wagtail" not in title, title
        assert 'href="/static/img/favicon.svg"' in html and "wagtailadmin/images/favicon" not in html
    reference = two_meldingen["centrum"].reference
    assert title == f"Melding {reference} - Gemeente Lindewaard"  # the heading's kenmerk is in the tab too
    assert (
        '<template data-wagtail-sidebar-branding-logo><img src="/static/img/logo.svg"'
        in melding.content.decode()
    )


def _code(device, offset=0):
    """The device's code `offset` steps after now, by the device's own clock: django-otp keeps the drift it
    met. Without it a code made just before a 30-second step ended shifted the device's drift, and the next
    code, made from the clock alone, fell outside its window (this test failed now and then)."""
    drift = device.drift + offset
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift):06d}"


def test_two_factor_setup_then_required(staff, two_meldingen, client):
    client.force_login(staff["teamleider"])
    setup = client.get(reverse("backoffice:otp_setup"))
    device = TOTPDevice.objects.get(user=staff["teamleider"])
    assert "otpauth://totp/" in setup.content.decode() and not device.confirmed
    # A walk's consulent at her desk had to type the key's 32 letters into her phone: a QR code of the
    # device's own link, as segno draws it.
    page = BeautifulSoup(setup.content, "html.parser")
    qr = page.find("div", class_="bo-qr", role="img")
    assert qr["aria-label"] == "QR-code om uw account in de app te zetten"
    assert qr.find("svg").find("path") and not qr.get_text(strip=True)  # drawn, the secret in no text of it
    wrong = client.post(reverse("backoffice:otp_setup"), {"token": "000000"})
    assert wrong.status_code == 400 and "Deze code klopt niet" in wrong.content.decode()
    # django-otp slows down guessing after a wrong code; a person would wait a moment.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    assert client.post(reverse("backoffice:otp_setup"), {"token": _code(device)}).status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("backoffice:inbox")).status_code == 200  # verified in this session
    # A new session must pass the second step before it sees any melding.
    client.logout()
    client.force_login(staff["teamleider"])
    response = client.get(reverse("backoffice:inbox"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("backoffice:otp_verify"))
    device.refresh_from_db()  # a code is accepted once only: use the next one
    verified = client.post(
        reverse("backoffice:otp_verify") + "?next=/admin/backoffice/", {"token": _code(device, 1)}
    )
    assert verified.status_code == 302 and verified["Location"] == "/admin/backoffice/"
    assert client.get(reverse("backoffice:inbox")).status_code == 200


def test_after_wrong_codes_the_page_says_to_wait_not_that_the_right_code_is_wrong(staff, client):
    """A walk: after five wrong codes the right one, typed 5 seconds later, was refused as "Deze code klopt
    niet": django-otp makes each next try wait longer."""
    from datetime import timedelta

    from django.utils import timezone

    client.force_login(staff["teamleider"])
    device = TOTPDevice.objects.create(
        user=staff["teamleider"],
        name="backoffice",
        confirmed=True,
        throttling_failure_count=5,
        throttling_failure_timestamp=timezone.now(),
    )
    html = client.post(reverse("backoffice:otp_verify"), {"token": _code(device)}).content.decode()
    assert "Wacht een halve minuut en vul dan de nieuwste code in." in html and "klopt niet" not in html
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(minutes=1)
    )
    device.refresh_from_db()
    assert client.post(reverse("backoffice:otp_verify"), {"token": _code(device)}).status_code == 302


def test_two_factor_can_be_required_for_everyone(staff, client, settings):
    settings.BACKOFFICE_REQUIRE_2FA = True
    client.force_login(staff["consulent"])
    response = client.get(reverse("backoffice:inbox"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("backoffice:otp_setup"))


def test_verify_refuses_a_foreign_next_url(staff, client):
    client.force_login(staff["teamleider"])
    device = TOTPDevice.objects.create(user=staff["teamleider"], name="backoffice", confirmed=True)
    response = client.post(
        reverse("backoffice:otp_verify") + "?next=https://evil.example/", {"token": _code(device)}
    )
    assert response["Location"] == reverse("backoffice:inbox")


def test_with_only_the_password_nobody_can_add_a_second_device(staff, client):
    TOTPDevice.objects.create(user=staff["teamleider"], name="backoffice", confirmed=True)
    client.force_login(staff["teamleider"])
    response = client.get(reverse("backoffice:otp_setup"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("backoffice:otp_verify"))
    assert TOTPDevice.objects.filter(user=staff["teamleider"]).count() == 1


def test_delivery_settings_also_need_the_second_factor(staff, client, settings):
    settings.BACKOFFICE_REQUIRE_2FA = True
    client.force_login(staff["beheerder"])
    for url in ("/admin/bezorgdoelen/", "/admin/wijkteams/", reverse("backoffice:deliveries")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(
            reverse("backoffice:otp_setup")
        )
