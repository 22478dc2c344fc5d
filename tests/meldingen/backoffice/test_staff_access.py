"""Staff sessions end after a working day or half an hour idle; the whole admin asks for the second factor
where it applies; the backoffice keeps no copies in the browser."""

import time

import pytest
from django.urls import reverse

from core.staff_sessions import SEEN_KEY, STARTED_KEY


def _shift(client, key, seconds):
    session = client.session
    session[key] -= seconds
    session.save()


@pytest.fixture
def leider(staff, client):
    client.force_login(staff["teamleider"])
    assert client.get(reverse("backoffice:inbox")).status_code == 200
    return client


def test_a_staff_session_ends_after_half_an_hour_without_a_click(leider, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 30
    _shift(leider, SEEN_KEY, 29 * 60)
    assert leider.get(reverse("backoffice:inbox")).status_code == 200
    _shift(leider, SEEN_KEY, 31 * 60)
    response = leider.get(reverse("backoffice:inbox"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_login"))
    assert "_auth_user_id" not in leider.session


def test_a_staff_session_ends_after_a_working_day_however_busy(leider, settings):
    settings.STAFF_SESSION_MAX_HOURS = 9
    _shift(leider, STARTED_KEY, 9 * 3600 + 60)
    response = leider.get(reverse("backoffice:inbox"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_login"))


def test_clicking_keeps_the_session_alive(leider):
    _shift(leider, SEEN_KEY, 20 * 60)
    assert leider.get(reverse("backoffice:inbox")).status_code == 200
    assert time.time() - leider.session[SEEN_KEY] < 60


def test_backoffice_pages_tell_the_browser_to_keep_no_copy(leider, two_meldingen):
    pk = two_meldingen["centrum"].behandeling.pk
    for url in (
        reverse("backoffice:inbox"),
        reverse("backoffice:melding", args=[pk]),
        reverse("backoffice:inbox_csv"),
        reverse("wagtailadmin_home"),
    ):
        assert "no-store" in leider.get(url).get("Cache-Control", ""), url


@pytest.mark.parametrize("who", ["redacteur", "beheerder", "teamleider"])
def test_the_whole_admin_asks_for_the_second_factor_when_required(staff, client, settings, who):
    settings.BACKOFFICE_REQUIRE_2FA = True
    client.force_login(staff[who])
    for url in ("/admin/", "/admin/pages/", "/admin/snippets/", "/admin/images/", "/admin/account/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("backoffice:otp_setup")), url
    assert client.get(reverse("backoffice:otp_setup")).status_code == 200
    # What the two-factor pages load: the admin's icons came back as the code page, drawn twice.
    sprite = client.get(reverse("wagtailadmin_sprite"))
    assert sprite.status_code == 200 and "<svg" in sprite.content.decode()


def test_without_the_requirement_an_editor_without_a_device_just_works(staff, client, settings):
    settings.BACKOFFICE_REQUIRE_2FA = False
    client.force_login(staff["redacteur"])
    assert client.get("/admin/").status_code == 200
