""" "Was deze informatie nuttig?": stored per page, guarded against spam, shown to editors."""

import pytest
from django.test import Client, override_settings

from portal.feedback import Feedback

from .conftest import INFO_URL

pytestmark = pytest.mark.django_db


def test_answer_is_stored_and_thanked(client, portal_site):
    response = client.post(INFO_URL, {"useful": "nee", "remark": "Ik mis de prijs."})
    assert response.status_code == 302
    assert response["Location"] == INFO_URL + "?feedback=bedankt"
    feedback = Feedback.objects.get()
    assert (feedback.page_id, feedback.useful, feedback.remark) == (portal_site.pk, False, "Ik mis de prijs.")
    thanked = " ".join(client.get(response["Location"]).content.decode().split())
    # A walk: a resident wrote "Bel mij" with her number, and waited for a call that does not come.
    assert (
        "Bedankt voor uw reactie" in thanked
        and "Wij antwoorden niet op reacties. Hebt u een vraag? Bel" in thanked
    )


def test_the_form_says_remarks_are_not_answered(client, portal_site):
    html = " ".join(client.get(INFO_URL).content.decode().split())
    assert "Wij antwoorden niet op deze reacties. Hebt u een vraag? Bel" in html


def test_missing_answer_shows_an_error_and_keeps_the_remark(client, portal_site):
    response = client.post(INFO_URL, {"remark": "Mijn opmerking"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Fout: Hulp bij het huishouden" in html
    assert (
        '<a href="#feedback-useful_0">Kies ja of nee.</a>' in html and 'id="feedback-useful_0"' in html
    )  # its first radio
    assert "Mijn opmerking</textarea>" in html
    assert not Feedback.objects.exists()


def test_honeypot_stores_nothing(client, portal_site):
    response = client.post(INFO_URL, {"useful": "ja", "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Feedback.objects.exists()


@override_settings(PORTAL_FEEDBACK_RATE_LIMIT=(3, 600))
def test_rate_limit_per_ip(client, portal_site):
    for _ in range(3):
        client.post(INFO_URL, {"useful": "ja"})
    response = client.post(INFO_URL, {"useful": "ja"})
    assert response.status_code == 200
    assert "U hebt net al een paar keer gereageerd" in response.content.decode()
    assert Feedback.objects.count() == 3
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.post(INFO_URL, {"useful": "ja"}).status_code == 302


@override_settings(PORTAL_FEEDBACK_RATE_LIMIT=(2, 600))
def test_a_send_with_errors_does_not_count_and_the_limit_keeps_what_was_typed(client, portal_site):
    """A walk: two sends without a choice used up the limit, and the next one lost the remark typed."""
    for _ in range(2):
        assert "Kies ja of nee." in client.post(INFO_URL, {"remark": "Te lang"}).content.decode()
    assert client.post(INFO_URL, {"useful": "nee", "remark": "Ik mis de prijs."}).status_code == 302
    assert client.post(INFO_URL, {"useful": "ja"}).status_code == 302
    html = client.post(INFO_URL, {"useful": "nee", "remark": "Waar staat het adres?"}).content.decode()
    assert "U hebt net al een paar keer gereageerd" in html and "Waar staat het adres?" in html
    assert Feedback.objects.count() == 2


def test_csrf_is_required(portal_site):
    client = Client(enforce_csrf_checks=True)
    assert client.post(INFO_URL, {"useful": "ja"}).status_code == 403
    assert not Feedback.objects.exists()


def test_form_is_on_every_information_page_and_works_without_javascript(client, portal_site):
    html = client.get(INFO_URL).content.decode()
    assert f'<form method="post" action="{INFO_URL}" novalidate>' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "Was deze informatie nuttig?" in html
    assert " required" not in html.split('id="feedback"', 1)[1]


def test_remark_too_long_is_refused_in_plain_dutch(client, portal_site):
    response = client.post(INFO_URL, {"useful": "ja", "remark": "x" * 1001})
    assert "Gebruik hoogstens 1000 tekens" in response.content.decode()


def test_editors_see_counts_per_page_in_a_report(editor_client, portal_site):
    Feedback.objects.create(page=portal_site, useful=True)
    Feedback.objects.create(page=portal_site, useful=False, remark="Te lang")
    Feedback.objects.create(page=portal_site, useful=False)
    response = editor_client.get("/admin/reports/nuttig/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hulp bij het huishouden" in html
    row = html.split("Hulp bij het huishouden", 1)[1].split("</tr>", 1)[0]
    assert [cell.strip() for cell in __import__("re").findall(r"<td[^>]*>\s*([^<]*?)\s*</td>", row)][:3] == [
        "1",
        "2",
        "1",
    ]


def test_editors_see_remarks_on_the_edit_page(editor_client, portal_site):
    Feedback.objects.create(page=portal_site, useful=False, remark="Ik mis de prijs per uur.")
    html = editor_client.get(f"/admin/pages/{portal_site.pk}/edit/").content.decode()
    assert "Ik mis de prijs per uur." in html
    assert "Ja: 0 · Nee: 1" in html
