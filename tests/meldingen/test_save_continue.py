"""Save and continue later: an e-mailed link valid for 7 days; the draft is encrypted, the token hashed."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from meldingen.models import Melding, MeldingDraft, hash_token

from .conftest import ANDER_UITGEBREID

pytestmark = pytest.mark.django_db
LINK_RE = re.compile(r"http://[^\s]+/melding/verder/([A-Za-z0-9_\-]+)/")


def save_halfway(walker):
    walker.start()
    for step, data in ANDER_UITGEBREID[:4]:
        walker.post(step, data)
    response = walker.post("hulp", {"onderwerpen": ["vervoer"], "toelichting": "Half getypt"}, opslaan="1")
    assert response["Location"] == "/melding/opslaan/"
    page = walker.client.get("/melding/opslaan/").content.decode()
    assert 'value="petra@example.org"' in page  # the address given earlier is proposed
    response = walker.client.post("/melding/opslaan/", {"email": "petra@example.org"})
    assert response["Location"] == "/melding/bewaard/"
    return LINK_RE.search(mail.outbox[-1].body).group(1)


def test_save_sends_a_link_and_stores_the_draft_encrypted(walker):
    token = save_halfway(walker)
    message = mail.outbox[-1]
    assert message.to == ["petra@example.org"]
    assert message.body.startswith("Beste Petra de Vries,")  # the writer, greeted by her own name
    for private in ("Gerrit", "vervoer", "Half getypt", "3915"):
        assert private not in message.body
    draft = MeldingDraft.objects.get()
    assert draft.token_hash == hash_token(token) and token not in draft.token_hash
    assert "Gerrit" not in draft.encrypted_data and "Half getypt" not in draft.encrypted_data
    assert timedelta(days=6, hours=23) < draft.expires_at - timezone.now() <= timedelta(days=7)


def test_link_restores_every_answer_in_a_new_browser(walker, client_factory):
    token = save_halfway(walker)
    other = client_factory()
    page = other.get(f"/melding/verder/{token}/")
    assert page.status_code == 200 and "Ga verder" in page.content.decode()
    response = other.post(f"/melding/verder/{token}/")
    assert response["Location"] == "/melding/hulp/"
    html = other.get("/melding/hulp/").content.decode()
    assert "Half getypt" in html and 'value="vervoer" ' in html.replace('value="vervoer"', 'value="vervoer" ')
    assert "Gerrit de Vries" in other.get("/melding/gegevens/").content.decode()


def test_a_reload_of_the_saved_page_sends_no_second_e_mail_and_the_link_keeps_working(walker, client_factory):
    """The page was the answer to the POST: a reload sent the form again, a second e-mail with a new link, and
    the first link no longer worked."""
    token = save_halfway(walker)
    for _ in range(2):
        html = walker.client.get("/melding/bewaard/").content.decode()
        assert "Uw antwoorden zijn bewaard" in html and "petra@example.org" in html
        assert 'href="/melding/hulp/">Toch nu verdergaan' in html
    assert len(mail.outbox) == 1
    assert client_factory().post(f"/melding/verder/{token}/")["Location"] == "/melding/hulp/"


def test_the_saved_page_without_a_save_goes_to_the_start(client):
    assert client.get("/melding/bewaard/")["Location"] == "/melding/"


def test_the_used_link_goes_on_in_the_browser_that_opened_it(walker, client_factory):
    """Back after "Ga verder" showed "Deze link is al gebruikt. Ga verder in de browser waar u de link eerder
    opende" in that browser, with no way on."""
    token = save_halfway(walker)
    other = client_factory()
    other.post(f"/melding/verder/{token}/")
    for method in ("get", "post"):
        assert getattr(other, method)(f"/melding/verder/{token}/")["Location"] == "/melding/hulp/"
    assert client_factory().get(f"/melding/verder/{token}/").status_code == 410


def test_a_used_link_in_a_closed_browser_gets_a_new_one_at_the_same_address(walker, client_factory):
    """A walk: the link opened on a phone, whose browser then closed; the link was used, the answers out of
    reach, and the page said they were still in that browser. The e-mail said the link worked all week."""
    token = save_halfway(walker)
    assert "De link werkt één keer, tot en met" in mail.outbox[-1].body
    client_factory().post(f"/melding/verder/{token}/")  # the phone, closed since
    laptop = client_factory()
    page = laptop.get(f"/melding/verder/{token}/")
    assert page.status_code == 410 and "Stuur mij een nieuwe link" in page.content.decode()
    response = laptop.post(f"/melding/verder/{token}/", {"nieuwe_link": "1"})
    assert response["Location"] == "/melding/nieuwe-link/"
    sent = laptop.get("/melding/nieuwe-link/").content.decode()
    assert "Wij hebben een nieuwe link gestuurd" in sent and "petra@example.org" not in sent
    assert len(mail.outbox) == 2 and mail.outbox[-1].to == ["petra@example.org"]
    new_token = LINK_RE.search(mail.outbox[-1].body).group(1)
    assert new_token != token
    replaced = laptop.get(f"/melding/verder/{token}/")  # the used link now points to the newest e-mail
    assert (
        replaced.status_code == 410 and "Gebruik de link in de nieuwste e-mail" in replaced.content.decode()
    )
    assert (
        laptop.post(f"/melding/verder/{token}/", {"nieuwe_link": "1"})["Location"] == "/melding/nieuwe-link/"
    )
    assert len(mail.outbox) == 2  # a second click sends nothing more
    assert laptop.post(f"/melding/verder/{new_token}/")["Location"] == "/melding/hulp/"
    assert "Half getypt" in laptop.get("/melding/hulp/").content.decode()
    assert client_factory().get(f"/melding/verder/{new_token}/").status_code == 410  # once, as the first


def test_the_browser_that_holds_the_answers_keeps_them_whichever_link_it_opens(walker, client_factory):
    """A review: after a new link, the old one said "te oud" in the browser that held the answers (whose
    "Begin opnieuw" wiped them), and the new link wrote the saved answers over what was typed since."""
    token = save_halfway(walker)
    phone = client_factory()
    phone.post(f"/melding/verder/{token}/")
    phone.post(
        "/melding/hulp/",
        {
            "hulp-onderwerpen": ["vervoer"],
            "hulp-toelichting": "Nieuw getypt",
            "melding_wizard-current_step": "hulp",
        },
    )
    client_factory().post(f"/melding/verder/{token}/", {"nieuwe_link": "1"})
    new_token = LINK_RE.search(mail.outbox[-1].body).group(1)
    assert phone.get(f"/melding/verder/{token}/")["Location"] == "/melding/situatie/"
    assert phone.post(f"/melding/verder/{new_token}/")["Location"] == "/melding/situatie/"
    assert "Nieuw getypt" in phone.get("/melding/hulp/").content.decode()
    assert client_factory().get(f"/melding/verder/{new_token}/").status_code == 410  # it was used


def test_a_link_saved_again_says_to_use_the_newest_e_mail(walker, client_factory):
    """A walk: saved again with a corrected address, the first link said "te oud … opnieuw beginnen"."""
    token = save_halfway(walker)
    walker.client.post("/melding/opslaan/", {"email": "petra.devries@example.org"})
    page = client_factory().get(f"/melding/verder/{token}/").content.decode()
    assert "Gebruik de link in de nieuwste e-mail" in page and "opnieuw beginnen" not in page


def test_without_the_address_of_the_link_no_new_one_is_offered(walker, client_factory):
    """A draft saved before the address was kept with it: the button would lead nowhere."""
    token = save_halfway(walker)
    draft = MeldingDraft.objects.get()
    wizard = draft.data["wizard"]
    wizard["extra_data"].pop("saved_email")
    draft.data = {"wizard": wizard}
    draft.save()
    client_factory().post(f"/melding/verder/{token}/")
    page = client_factory().get(f"/melding/verder/{token}/").content.decode()
    assert "Deze link is al gebruikt" in page and "Stuur mij een nieuwe link" not in page


def test_a_get_on_the_link_changes_nothing(walker, client_factory):
    token = save_halfway(walker)
    other = client_factory()
    other.get(f"/melding/verder/{token}/")
    assert other.get("/melding/hulp/").content.decode().count("Half getypt") == 0


def test_expired_link_explains_and_offers_a_new_start(walker, client_factory):
    token = save_halfway(walker)
    MeldingDraft.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client_factory().get(f"/melding/verder/{token}/")
    html = response.content.decode()
    assert response.status_code == 410
    assert "Deze link werkt niet meer" in html and "/melding/voor-wie/?reset=1" in html


@pytest.mark.parametrize("token", ["onzin", "x" * 300, "%00", "..%2F..%2Fetc"])
def test_unknown_link_is_no_crash(client, token):
    response = client.get(f"/melding/verder/{token}/")
    assert response.status_code in (404, 410)


def test_submitting_a_resumed_melding_removes_the_answers_from_the_draft(walker, client_factory):
    token = save_halfway(walker)
    other = client_factory()
    other.post(f"/melding/verder/{token}/")
    from .conftest import Walker

    resumed = Walker(other)
    for step, data in ANDER_UITGEBREID[4:]:
        assert resumed.post(step, data).status_code == 302
    assert resumed.submit()["Location"] == "/melding/bevestiging/"
    assert Melding.objects.count() == 1 and MeldingDraft.objects.get().encrypted_data == ""


def test_save_without_answers_explains_the_session_is_gone(client):
    html = client.get("/melding/opslaan/").content.decode()
    assert "niet meer bewaard" in html


@pytest.mark.parametrize("step", ["gegevens", "situatie", "waarover"])
def test_a_later_page_of_either_route_without_answers_says_they_are_gone(client, step):
    """A walk: "situatie" (a page of the long route) after the browser closed went to step 1 without a word
    of why."""
    assert "niet meer bewaard" in client.get(f"/melding/{step}/").content.decode()
    assert client.get("/melding/bestaat-niet/")["Location"] == "/melding/voor-wie/"


def test_save_needs_a_valid_email(walker):
    walker.start()
    walker.post("voor-wie", {"voor_wie": "zelf"}, opslaan="1")
    response = walker.client.post("/melding/opslaan/", {"email": "geen-adres"})
    html = response.content.decode()
    assert "<title>Fout: " in html and 'value="geen-adres"' in html and MeldingDraft.objects.count() == 0
    assert 'href="#id_email">Dit e-mailadres klopt niet. Schrijf het zo: naam@voorbeeld.nl.</a>' in html


@pytest.fixture
def client_factory():
    from django.test import Client

    return Client


def test_draft_under_a_removed_key_is_a_dead_link_not_a_crash(walker, client_factory, settings):
    from cryptography.fernet import Fernet

    token = save_halfway(walker)
    settings.MELDINGEN_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    response = client_factory().post(f"/melding/verder/{token}/")
    assert response.status_code == 410 and "Deze link werkt niet meer" in response.content.decode()


def test_who_has_no_e_mail_is_told_how_to_go_on(walker, settings):
    """The page offered only "Uw e-mailadres ... Stuur mij de link": who has no e-mail had no way to keep
    the answers, and no word of what to do instead."""
    from core.templatetags.core_tags import tel

    walker.start()
    walker.post("voor-wie", {"voor_wie": "zelf"}, opslaan="1")
    html = " ".join(walker.client.get("/melding/opslaan/").content.decode().split())
    phone = settings.MUNICIPALITY_PHONE
    assert (
        f'Hebt u geen e-mail? Bel dan het Wmo-loket op <a href="tel:{tel(phone)}">{phone}</a>. '
        "Dan doen wij de melding samen met u."
    ) in html


def test_the_address_the_link_went_to_is_where_the_confirmation_goes_unless_changed(walker, client_factory):
    """A walk: a resident of 78 gave her e-mail address for the link, then found the page that asks where the
    confirmation goes empty, and expected a confirmation that never came."""
    walker.start()
    walker.post("voor-wie", {"voor_wie": "zelf"})
    assert walker.post("keuze", {"soort": "kort"}, opslaan="1")["Location"] == "/melding/opslaan/"
    walker.client.post("/melding/opslaan/", {"email": "jansen@example.nl"})
    assert 'value="jansen@example.nl"' in walker.client.get("/melding/gegevens/").content.decode()
    token = LINK_RE.search(mail.outbox[-1].body).group(1)
    other = client_factory()  # the link, in another browser
    other.post(f"/melding/verder/{token}/")
    assert 'value="jansen@example.nl"' in other.get("/melding/gegevens/").content.decode()
    walker.post("gegevens", {"naam": "Anna Jansen", "postcode": "3911 AB", "huisnummer": "12"})
    assert 'value="jansen@example.nl"' not in walker.client.get("/melding/gegevens/").content.decode()
