"""A provider's admin home opens with what they come to do; the readers' feedback is not theirs."""

import pytest

from .admin_helpers import url
from .factories import CapaciteitFactory

pytestmark = pytest.mark.django_db
FEEDBACK_REPORT = "/admin/reports/nuttig/"


def test_a_provider_starts_with_updating_capacity_and_their_voorzieningen(client, aanbieder, kaart):
    client.force_login(aanbieder)
    html = client.get("/admin/").content.decode()
    assert "Werk uw beschikbaarheid bij" in html
    assert f'href="{url("capaciteit", "list")}"' in html
    own = kaart.zorg.voorzieningen.all()
    assert own and all(voorziening.name in html for voorziening in own)
    assert f'href="{url("voorziening", "edit", own[0].pk)}"' in html
    # A walk's provider looked for where to say it closes at Christmas.
    assert "Zet de dagen bij 'Gesloten op vaste dagen'." in html.replace("&#x27;", "'")
    others = kaart.huishouding.__class__.objects.exclude(organisatie=kaart.zorg)
    assert not any(f">{voorziening.name}<" in html for voorziening in others)


def test_a_provider_without_limited_places_is_told_how_to_give_them(client, aanbieder, kaart):
    """ "Werk uw beschikbaarheid bij" led to an empty list whose form offered no voorziening: places are
    given only for help with a limited number of them."""
    kaart.zorg.voorzieningen.update(beperkte_plaatsen=False)
    client.force_login(aanbieder)
    html = client.get("/admin/").content.decode()
    assert "Zet dan bij die voorziening 'Beperkt aantal plaatsen' aan." in html.replace("&#x27;", "'")
    assert f'href="{url("capaciteit", "list")}"' not in html
    kaart.zorg.voorzieningen.filter(pk=kaart.zorg.voorzieningen.first().pk).update(beperkte_plaatsen=True)
    assert f'href="{url("capaciteit", "list")}"' in client.get("/admin/").content.decode()


def test_the_provider_home_says_when_capacity_is_older_than_a_week(client, aanbieder, kaart):
    from datetime import timedelta

    from django.utils import timezone

    from socialekaart.models import Capaciteit

    capaciteit = CapaciteitFactory(voorziening=kaart.zorg.voorzieningen.first())
    Capaciteit.objects.filter(pk=capaciteit.pk).update(bijgewerkt_op=timezone.now() - timedelta(days=9))
    old = Capaciteit.objects.filter(
        voorziening__organisatie=kaart.zorg, bijgewerkt_op__lt=timezone.now() - timedelta(days=7)
    ).count()
    assert old >= 1
    client.force_login(aanbieder)
    html = client.get("/admin/").content.decode()
    # A walk: "2 wijken zijn langer dan een week niet bijgewerkt" over two help in one wijk (a line each).
    assert "<p><strong>Langer dan een week niet bijgewerkt:</strong></p>" in html
    assert "wijken zijn" not in html
    # A walk's provider could not follow "Wijkteams zien daar: niet bijgewerkt.", a second one what "dan" was.
    assert "Werkt u dit niet bij? Dan leest het wijkteam dat uw plaatsen niet zijn bijgewerkt." in html
    # Which help in which wijk, and not "Alle wijken zijn bijgewerkt" above it.
    # A walk: "Begeleiding thuis Waterkant, Dorpen Ellekoot en Raveld" read as one long name.
    assert f"{capaciteit.voorziening.name} – wijk {capaciteit.wijk.name}: bijgewerkt op" in html
    # With what was given then (a walk's provider could not tell whether "vol" still stood).
    assert f"U gaf toen door: {capaciteit.get_status_display()}." in html
    assert "Alle wijken zijn bijgewerkt" not in html
    Capaciteit.objects.update(bijgewerkt_op=timezone.now())
    html = client.get("/admin/").content.decode()
    assert "Alle wijken zijn bijgewerkt op" in html and "niet bijgewerkt" not in html


def test_a_provider_does_not_see_the_readers_feedback(client, aanbieder):
    client.force_login(aanbieder)
    assert "Was deze informatie nuttig?" not in client.get("/admin/").content.decode()
    response = client.get(FEEDBACK_REPORT)
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response["Location"] == "/admin/"


def test_an_editor_of_the_kaart_gets_no_provider_panel(client, redacteur):
    client.force_login(redacteur)
    assert "Werk uw beschikbaarheid bij" not in client.get("/admin/").content.decode()


def test_a_professional_finds_the_way_to_the_kaart_on_the_admin_home(client, kaart, aanbieder):
    from socialekaart.permissions import ensure_professionals_group

    from .factories import UserFactory

    huisarts = UserFactory(username="huisarts")
    huisarts.groups.add(ensure_professionals_group())
    client.force_login(huisarts)
    html = client.get("/admin/").content.decode()
    assert "Sociale kaart voor professionals" in html and 'href="/sociale-kaart/"' in html
    client.force_login(aanbieder)  # a provider sees the kaart as the public does: not this panel
    assert "Sociale kaart voor professionals" not in client.get("/admin/").content.decode()


def test_the_kaart_editor_sees_what_providers_changed(client, aanbieder, redacteur, kaart):
    """A walk: the editor found only "Gewijzigd – Thuiszorg De Linde" in each record's history, and no way to
    the list of everybody's changes."""
    from .admin_helpers import form_data

    voorziening = kaart.zorg.voorzieningen.first()
    client.force_login(aanbieder)
    edit = url("voorziening", "edit", voorziening.pk)
    assert client.post(edit, form_data(client, edit, summary="Nieuwe samenvatting.")).status_code == 302
    assert "Wat aanbieders veranderden" not in client.get("/admin/").content.decode()

    client.force_login(redacteur)
    html = client.get("/admin/").content.decode()
    assert "Wat aanbieders veranderden" in html
    assert f'Gewijzigd: <a href="{edit}">{voorziening.name}</a>' in html
    assert 'href="/admin/reports/site-history/"' in html


def test_the_kaart_editor_sees_what_a_providers_first_change_changed(client, aanbieder, redacteur, kaart):
    """A walk: the editor read "Gewijzigd: Buurthuis ..." and could not see what had changed; a record made by
    an import or the demo loader had no revision to compare its first change with."""
    import re

    from .admin_helpers import form_data

    voorziening = kaart.zorg.voorzieningen.first()
    old_summary = voorziening.summary
    assert voorziening.latest_revision_id is None
    client.force_login(aanbieder)
    edit = url("voorziening", "edit", voorziening.pk)
    assert client.post(edit, form_data(client, edit, summary="Nieuwe samenvatting.")).status_code == 302

    client.force_login(redacteur)
    html = client.get("/admin/").content.decode()
    compare = re.search(r'<a href="([^"]+)">Bekijk wat er veranderde</a>', html).group(1)
    changes = client.get(compare).content.decode()
    assert old_summary in changes and "Nieuwe samenvatting." in changes


def test_the_kaart_editor_gets_no_link_to_a_record_deleted_since(client, aanbieder, redacteur, kaart):
    """A walk: "Aangemaakt: Burenhulp Centrum ..." led the editor to a plek deleted afterwards ("Error
    404")."""
    from wagtail.log_actions import log

    plek = kaart.huishouding.op_locaties.get()
    log(plek, "wagtail.create", user=aanbieder)
    edit = url("voorzieningoplocatie", "edit", plek.pk)
    client.force_login(redacteur)
    assert f'href="{edit}"' in client.get("/admin/").content.decode()
    plek.delete()
    html = client.get("/admin/").content.decode()
    assert f"Aangemaakt: {plek}</li>" in html and f'href="{edit}"' not in html


def test_the_provider_home_names_a_wijk_whose_places_were_never_given(client, aanbieder, kaart):
    """A walk: "Alle wijken zijn bijgewerkt op 5 december 2026 of later" while the Koffieochtend, in two
    wijken, had places for one of them only."""
    from socialekaart.models import Capaciteit, Wijk

    from .factories import VoorzieningFactory

    Capaciteit.objects.all().delete()
    centrum, haven = Wijk.objects.get(slug="centrum"), Wijk.objects.get(slug="oude-haven")
    koffie = VoorzieningFactory(
        organisatie=kaart.zorg, name="Koffieochtend", beperkte_plaatsen=True, wijken=[centrum, haven]
    )
    kaart.zorg.voorzieningen.exclude(pk=koffie.pk).update(beperkte_plaatsen=False)
    CapaciteitFactory(voorziening=koffie, wijk=centrum)
    client.force_login(aanbieder)
    html = client.get("/admin/").content.decode()
    assert "Voor deze wijken gaf u nog nooit door of er plaats is:" in html
    assert "<li>Koffieochtend – wijk Oude Haven</li>" in html and "Koffieochtend – wijk Centrum" not in html
    assert "Alle wijken zijn bijgewerkt" not in html
    CapaciteitFactory(voorziening=koffie, wijk=haven)
    html = client.get("/admin/").content.decode()
    assert "nog nooit" not in html and "Alle wijken zijn bijgewerkt op" in html
    # A review: help that stopped needs no places; help for the whole municipality needs them somewhere.
    VoorzieningFactory(
        organisatie=kaart.zorg, name="Oud", beperkte_plaatsen=True, wijken=[haven], status="gestopt"
    )
    VoorzieningFactory(organisatie=kaart.zorg, name="Overal", beperkte_plaatsen=True, hele_gemeente=True)
    html = client.get("/admin/").content.decode()
    assert "<li>Overal – hele gemeente</li>" in html and "Oud –" not in html


def test_klopt_nog_is_accepted_from_a_browser_that_sends_the_forms_token(aanbieder, kaart):
    """A walk: every click on "Klopt nog" was refused ("Het formulier is niet verstuurd"), as the panel's
    forms had no CSRF token; the test client does not check tokens unless asked."""
    import re
    from datetime import timedelta

    from django.test import Client
    from django.utils import timezone

    from socialekaart.models import Capaciteit

    row = CapaciteitFactory(voorziening=kaart.zorg.voorzieningen.first(), status="nee")
    Capaciteit.objects.update(bijgewerkt_op=timezone.now() - timedelta(days=9))  # on the list to confirm
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(aanbieder)
    form = (
        browser.get("/admin/")
        .content.decode()
        .split(f'action="/admin/beschikbaarheid/{row.pk}/klopt-nog/"')[1]
    )
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.split("</form>")[0])
    assert token, "the form has no token"
    answer = browser.post(f"/admin/beschikbaarheid/{row.pk}/klopt-nog/", {"csrfmiddlewaretoken": token[1]})
    assert answer.status_code == 302 and answer["Location"] == "/admin/"


def test_a_week_in_which_nothing_changed_is_one_click_per_row(client, aanbieder, kaart):
    """A walk: to say nothing had changed, a provider had to open each row and save it unchanged, and nothing
    told them so."""
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.models import ModelLogEntry

    from socialekaart.models import Capaciteit, Voorziening

    mine = CapaciteitFactory(voorziening=kaart.zorg.voorzieningen.first(), status="nee")
    other_help = Voorziening.objects.exclude(organisatie=kaart.zorg).first()
    theirs = CapaciteitFactory(voorziening=other_help)  # another organisation's help
    week_ago = timezone.now() - timedelta(days=9)
    Capaciteit.objects.update(bijgewerkt_op=week_ago)
    client.force_login(aanbieder)
    html = " ".join(client.get("/admin/").content.decode().split())
    assert "Is er niets veranderd? Klik dan op Klopt nog." in html
    still = f"/admin/beschikbaarheid/{mine.pk}/klopt-nog/"
    assert f'action="{still}"' in html and f'href="{url("capaciteit", "edit", mine.pk)}"' in html
    assert client.get(still)["Location"] == "/admin/"  # the list the button is on: a 405 was a blank page
    done = " ".join(client.post(still, follow=True).content.decode().split())
    assert f"Bijgewerkt: {mine.voorziening.name} in {mine.wijk.name}. U gaf door: Nee, geen plaats." in done
    mine.refresh_from_db()
    assert mine.bijgewerkt_op > week_ago and mine.bijgewerkt_door == aanbieder and mine.status == "nee"
    logged = ModelLogEntry.objects.filter(object_id=str(mine.pk), user=aanbieder)
    assert [entry.action for entry in logged] == ["socialekaart.capacity_still_holds"]
    assert f'action="{still}"' not in done  # no longer on the list
    from socialekaart.admin_home import ProviderChangesPanel

    assert ProviderChangesPanel().get_context_data(None)["changes"] == []  # nothing changed for the editor
    # Another organisation's row is none of theirs.
    assert client.post(f"/admin/beschikbaarheid/{theirs.pk}/klopt-nog/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.bijgewerkt_op == week_ago
    # Nor of staff who may not change capacity; and the kaart's editor reads no confirmation as a change.
    from django.contrib.auth.models import Permission

    from tests.socialekaart.factories import UserFactory

    staff = UserFactory(username="professional", is_superuser=False)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))  # in the admin, no provider
    client.force_login(staff)
    assert client.post(still).status_code == 404
    mine.refresh_from_db()
    assert mine.bijgewerkt_door == aanbieder
