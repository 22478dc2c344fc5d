"""Every role boundary: who reaches which melding in the list, the page, the dashboard and the exports."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from meldingen.backoffice.models import AuditEntry, Behandeling
from meldingen.backoffice.roles import display_name

from .fixtures import assert_refused


def _urls(behandeling):
    return [
        reverse("backoffice:inbox"),
        reverse("backoffice:inbox_csv"),
        reverse("backoffice:melding", args=[behandeling.pk]),
        reverse("backoffice:dashboard"),
        reverse("backoffice:dashboard_csv"),
    ]


@pytest.mark.parametrize("role", ["anonymous", "redacteur", "beheerder"])
def test_redacteur_beheerder_and_anonymous_never_reach_a_melding(role, staff, two_meldingen, client):
    if role != "anonymous":
        client.force_login(staff[role])
    behandeling = two_meldingen["centrum"].behandeling
    for url in _urls(behandeling):
        response = client.get(url)
        assert_refused(response)
        assert two_meldingen["centrum"].reference not in response.content.decode()
    for action in ("change_status", "assign", "add_note"):
        assert_refused(
            client.post(
                reverse(f"backoffice:{action}", args=[behandeling.pk]), {"status": "ingetrokken", "text": "x"}
            )
        )
    behandeling.refresh_from_db()
    assert behandeling.status == "ontvangen" and not behandeling.notities.exists()
    assert not AuditEntry.objects.filter(action="viewed").exists()


def test_a_consulent_sees_only_the_own_teams_meldingen(staff, two_meldingen, client):
    client.force_login(staff["consulent"])
    own, other = two_meldingen["centrum"], two_meldingen["haven"]
    inbox = client.get(reverse("backoffice:inbox")).content.decode()
    assert own.reference in inbox and other.reference not in inbox
    assert client.get(reverse("backoffice:melding", args=[own.behandeling.pk])).status_code == 200
    assert client.get(reverse("backoffice:melding", args=[other.behandeling.pk])).status_code == 404
    for action in ("change_status", "add_note"):
        response = client.post(
            reverse(f"backoffice:{action}", args=[other.behandeling.pk]),
            {"status": "ingetrokken", "text": "x"},
        )
        assert response.status_code == 404
    exported = client.get(reverse("backoffice:inbox_csv"), {"status": "alle"}).content.decode()
    assert own.reference in exported and other.reference not in exported
    assert exported.startswith("\ufeffkenmerk;ontvangen;soort;")  # for a spreadsheet set to Dutch
    other_link = reverse("backoffice:melding", args=[other.behandeling.pk])
    for query in (other.reference, "Bert Jansen"):
        searched = client.post(
            reverse("backoffice:inbox"), {"q": query, "status": "alle"}, follow=True
        ).content.decode()
        assert other_link not in searched and "Er zijn geen meldingen" in searched


def test_the_consulents_dashboard_counts_only_the_own_team(staff, two_meldingen, client):
    client.force_login(staff["consulent"])
    csv = client.get(reverse("backoffice:dashboard_csv")).content.decode()
    assert "per wijk;Centrum;1" in csv and "Oude Haven" not in csv
    page = client.get(reverse("backoffice:dashboard")).content.decode()
    assert "Oude Haven" not in page
    client.force_login(staff["teamleider"])
    csv = client.get(reverse("backoffice:dashboard_csv")).content.decode()
    assert "per wijk;Centrum;1" in csv and "per wijk;Oude Haven;1" in csv


def test_a_consulent_cannot_assign(staff, two_meldingen, client):
    client.force_login(staff["consulent"])
    behandeling = two_meldingen["centrum"].behandeling
    page = client.get(reverse("backoffice:melding", args=[behandeling.pk])).content.decode()
    assert 'action="/admin/backoffice/meldingen/' + str(behandeling.pk) + '/toewijzen/"' not in page
    response = client.post(
        reverse("backoffice:assign", args=[behandeling.pk]), {"consulent": staff["consulent"].pk}
    )
    assert_refused(response)
    behandeling.refresh_from_db()
    assert behandeling.consulent is None


def test_the_teamleider_sees_all_and_assigns(staff, two_meldingen, client):
    client.force_login(staff["teamleider"])
    inbox = client.get(reverse("backoffice:inbox")).content.decode()
    assert two_meldingen["centrum"].reference in inbox and two_meldingen["haven"].reference in inbox
    behandeling = two_meldingen["haven"].behandeling
    response = client.post(
        reverse("backoffice:assign", args=[behandeling.pk]),
        {"team": behandeling.team.pk, "consulent": staff["consulent_haven"].pk},
    )
    assert response.status_code == 302
    behandeling.refresh_from_db()
    assert behandeling.consulent == staff["consulent_haven"]
    assert AuditEntry.objects.filter(reference=behandeling.melding.reference, action="assigned").exists()


def test_assigning_someone_outside_the_team_gives_a_clear_error(staff, two_meldingen, client):
    client.force_login(staff["teamleider"])
    behandeling = two_meldingen["haven"].behandeling
    response = client.post(
        reverse("backoffice:assign", args=[behandeling.pk]),
        {"team": behandeling.team.pk, "consulent": staff["consulent"].pk},
    )
    assert response.status_code == 400
    html = response.content.decode()
    # A walk's teamleider picked a name from all seven and read only "hoort niet bij dit wijkteam".
    name, team, other = display_name(staff["consulent"]), behandeling.team.name, "Wijkteam Centrum"
    said = f"{name} hoort bij {other}, niet bij {team}. Kies dan dat wijkteam, of iemand uit {team}."
    assert said in html and "<title>Fout: " in html
    assert Behandeling.objects.get(pk=behandeling.pk).consulent is None


def test_the_consulenten_are_listed_by_wijkteam(staff, two_meldingen, client):
    client.force_login(staff["teamleider"])
    behandeling = two_meldingen["haven"].behandeling
    page = BeautifulSoup(
        client.get(reverse("backoffice:melding", args=[behandeling.pk])).content, "html.parser"
    )
    select = page.find("select", {"name": "consulent"})
    groups = {
        group["label"]: [o.get_text() for o in group.find_all("option")] for group in select("optgroup")
    }
    assert groups[behandeling.team.name] == [display_name(staff["consulent_haven"])]
    assert display_name(staff["consulent"]) in groups["Wijkteam Centrum"]


def test_assigning_as_it_stands_changes_and_logs_nothing(staff, two_meldingen, client):
    """A walk: the same consulent chosen again stood twice in the timeline and the audit log."""
    client.force_login(staff["teamleider"])
    behandeling = two_meldingen["haven"].behandeling
    url = reverse("backoffice:assign", args=[behandeling.pk])
    choice = {"team": behandeling.team.pk, "consulent": staff["consulent_haven"].pk}
    assert client.post(url, choice).status_code == 302
    page = client.post(url, choice, follow=True).content.decode()
    assert "Er is niets veranderd: de melding stond al zo." in page
    assert AuditEntry.objects.filter(reference=behandeling.melding.reference, action="assigned").count() == 1


def test_a_melding_keeps_a_wijkteam(staff, two_meldingen, client):
    """A walk chose "Geen team": the melding left every consulent's inbox, 24 working days late."""
    client.force_login(staff["teamleider"])
    behandeling = two_meldingen["haven"].behandeling
    response = client.post(reverse("backoffice:assign", args=[behandeling.pk]), {"team": "", "consulent": ""})
    assert response.status_code == 400
    assert "Kies een wijkteam. Zonder team ziet geen consulent de melding." in response.content.decode()
    behandeling.refresh_from_db()
    assert behandeling.team is not None


def test_the_inactive_user_sees_nothing(staff, two_meldingen, client):
    staff["teamleider"].is_active = False
    staff["teamleider"].save()
    assert not Behandeling.objects.visible_to(staff["teamleider"]).exists()


def test_only_the_beheerder_configures_delivery_targets(staff, client):
    url = "/admin/bezorgdoelen/"
    for role in ("consulent", "teamleider", "redacteur"):
        client.force_login(staff[role])
        assert_refused(client.get(url))
    client.force_login(staff["beheerder"])
    assert client.get(url).status_code == 200
    response = client.post(
        url + "new/",
        {
            "name": "Zaaksysteem",
            "kind": "webhook",
            "active": "on",
            "webhook_url": "https://zaak.example/in",
            "webhook_hmac_key": "s" * 32,
        },
    )
    assert response.status_code == 302
    from meldingen.delivery.models import DeliveryTarget

    assert DeliveryTarget.objects.get().options["url"] == "https://zaak.example/in"
    assert "s" * 32 not in client.get(url).content.decode()  # the list never shows the secret
    incomplete = client.post(url + "new/", {"name": "Open Zaak", "kind": "zgw", "active": "on"})
    assert incomplete.status_code == 200 and "Vul dit in" in incomplete.content.decode()
    assert DeliveryTarget.objects.count() == 1


def test_admin_home_shows_late_meldingen_only_to_those_who_may_see_them(staff, teams, client):
    from datetime import timedelta

    from django.utils import timezone

    from .fixtures import store

    store(created_at=timezone.now() - timedelta(days=30))
    client.force_login(staff["teamleider"])
    assert "1 melding is te laat" in client.get("/admin/").content.decode()
    client.force_login(staff["consulent_haven"])
    assert "0 meldingen zijn te laat" in client.get("/admin/").content.decode()
    client.force_login(staff["redacteur"])
    assert "te laat" not in client.get("/admin/").content.decode()


def test_consulenten_and_teamleiders_see_the_professional_kaart_and_others_do_not(staff, client):
    from django.contrib.auth.models import Group

    professionals = set(Group.objects.get(name="Professionals").user_set.values_list("username", flat=True))
    assert {"consulent-centrum", "consulent-haven", "teamleider"} <= professionals
    assert "beheerder" not in professionals and "redacteur" not in professionals
    client.force_login(staff["consulent"])
    assert client.get("/sociale-kaart/lijst.csv").status_code == 200


def test_every_backoffice_menu_label_fits_the_sidebar():
    """Wagtail's sidebar cuts a longer label off ("Bezorgdoelen goe…")."""
    from meldingen.backoffice.wagtail_hooks import _MENU_ITEMS

    assert [str(label) for label, *_rest in _MENU_ITEMS if len(str(label)) > 18] == []
