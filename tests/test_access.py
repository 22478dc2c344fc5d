"""Who reaches which admin page: every backoffice, delivery-target, snippet and report URL, taken from the
URL resolver, for every role. The expected answer per role is in the table below; a new admin URL in these
areas that is not in the table makes the test fail with its name, so its access is decided on purpose.

Answers: 200 (shown), "login" (302 to the login page), "home" (302 to the admin home: Wagtail's refusal),
403 and 404 (refused), "page" (only a POST does something: the form's address, opened, is sent to the page
the form is on, which then decides; those URLs are posted too, without data, see POSTED), "done" (302
elsewhere after a post).
"""

from __future__ import annotations

import os
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page

from tests.meldingen.backoffice.fixtures import *  # noqa: F403
from tests.meldingen.backoffice.fixtures import delivery_target, make_user  # noqa: F811

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "provider", "redacteur", "consulent", "consulent_haven", "teamleider", "beheerder")


# --- The URLs ---------------------------------------------------------------------------------------------


def _walk(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def in_scope(name: str) -> bool:
    """The backoffice, the delivery targets and wijkteams, every snippet and chooser, every report."""
    return name.split(":")[0] in (
        "backoffice",
        "bezorgdoelen",
        "wijkteams",
        "wagtailadmin_reports",
    ) or name.startswith(("wagtailsnippets", "wagtailsnippetchoosers", "portal_feedback_report"))


def admin_url_names() -> list[str]:
    return sorted({name for name in _walk(get_resolver().url_patterns) if in_scope(name)})


# --- What each role gets ------------------------------------------------------------------------------------

L, H, P = "login", "home", "page"
#                                   anonymous provider redacteur consulent other-wijk teamleider beheerder
BACKOFFICE = {
    "backoffice:inbox": (L, H, H, 200, 200, 200, H),
    "backoffice:inbox_csv": (L, H, H, 200, 200, 200, H),
    "backoffice:melding": (L, H, H, 200, 404, 200, H),  # a Centrum melding: not for the other wijk
    "backoffice:change_status": (L, P, P, P, P, P, P),  # POST only; checked there
    "backoffice:assign": (L, P, P, P, P, P, P),
    "backoffice:add_note": (L, P, P, P, P, P, P),
    "backoffice:not_reached": (L, P, P, P, P, P, P),
    "backoffice:persoonlijk_plan": (L, P, P, P, P, P, P),
    "backoffice:clientondersteuner": (L, P, P, P, P, P, P),
    "backoffice:toestemming_gezondheid": (L, P, P, P, P, P, P),
    "backoffice:tijdelijke_hulp": (L, P, P, P, P, P, P),
    "backoffice:verslag": (L, P, P, P, P, P, P),
    "backoffice:persoonlijk_plan_terug": (L, P, P, P, P, P, P),
    "backoffice:clientondersteuner_terug": (L, P, P, P, P, P, P),
    "backoffice:toestemming_gezondheid_terug": (L, P, P, P, P, P, P),
    "backoffice:tijdelijke_hulp_terug": (L, P, P, P, P, P, P),
    "backoffice:verslag_pdf": (L, H, H, 404, 404, 404, H),  # none written yet; not for the other wijk
    "backoffice:verslag_verstuurd": (L, P, P, P, P, P, P),
    "backoffice:extend_term": (L, P, P, P, P, P, P),
    "backoffice:take": (L, P, P, P, P, P, P),
    "backoffice:add_verwijzing": (L, P, P, P, P, P, P),
    "backoffice:remove_verwijzing": (L, P, P, P, P, P, P),
    "backoffice:record_nazorg": (L, P, P, P, P, P, P),
    "backoffice:correct_nazorg": (L, P, P, P, P, P, P),
    # A signal about a Centrum client, sent by the provider: its page for the wijkteam Centrum and the
    # teamleider; the sender sees only "Mijn signalen". Only providers and professionals outside the
    # wijkteams send one.
    "backoffice:signaal": (L, H, H, 200, 404, 200, H),
    "backoffice:signaal_status": (L, P, P, P, P, P, P),
    "backoffice:signaal_notitie": (L, P, P, P, P, P, P),
    "backoffice:signaal_take": (L, P, P, P, P, P, P),
    "backoffice:signaal_nieuw": (L, 200, H, H, H, H, H),
    "backoffice:signalen_verstuurd": (L, 200, H, H, H, H, H),
    "backoffice:signalen_afgerond": (L, H, H, 200, 200, 200, H),
    "backoffice:dashboard": (L, H, H, 200, 200, 200, H),
    "backoffice:dashboard_csv": (L, H, H, 200, 200, 200, H),
    "backoffice:werkverdeling": (L, H, H, H, H, 200, H),  # who assigns
    "backoffice:audit": (L, H, H, H, H, 200, 200),
    "backoffice:deliveries": (L, H, H, H, H, H, 200),
    "backoffice:retry_delivery": (L, P, P, P, P, P, P),
    "backoffice:target_approvals": (L, H, H, H, H, 200, H),
    "backoffice:target_decide": (L, P, P, P, P, P, P),
    "backoffice:otp_setup": (L, 200, 200, 200, 200, 200, 200),
    "backoffice:otp_verify": (L, 200, 200, 200, 200, 200, 200),
}
# The same URLs posted without data: a role that passes the access check gets the form's 400 or is sent on
# ("done"); the Oude Haven consulent does not find the Centrum melding, its nazorg or the Centrum signal.
POSTED = {
    "backoffice:change_status": (L, H, H, 400, 404, 400, H),
    "backoffice:add_note": (L, H, H, 400, 404, 400, H),
    "backoffice:correct_nazorg": (L, H, H, 400, 404, 400, H),  # the call was recorded (World)
    "backoffice:assign": (L, H, H, H, H, 400, H),
    # Taking, a verwijzing and the nazorg outcome go back to the melding's page with a message.
    "backoffice:take": (L, H, H, "done", 404, "done", H),
    "backoffice:not_reached": (L, H, H, "done", 404, "done", H),
    "backoffice:persoonlijk_plan": (L, H, H, "done", 404, "done", H),
    "backoffice:clientondersteuner": (L, H, H, "done", 404, "done", H),
    "backoffice:toestemming_gezondheid": (L, H, H, "done", 404, "done", H),
    "backoffice:tijdelijke_hulp": (L, H, H, "done", 404, "done", H),
    "backoffice:verslag": (L, H, H, 400, 404, 400, H),
    "backoffice:verslag_verstuurd": (L, H, H, "done", 404, "done", H),  # no version: a message
    "backoffice:persoonlijk_plan_terug": (L, H, H, "done", 404, "done", H),
    "backoffice:clientondersteuner_terug": (L, H, H, "done", 404, "done", H),
    "backoffice:toestemming_gezondheid_terug": (L, H, H, "done", 404, "done", H),
    "backoffice:tijdelijke_hulp_terug": (L, H, H, "done", 404, "done", H),
    "backoffice:extend_term": (L, H, H, "done", 404, "done", H),  # before the first contact: a message
    "backoffice:add_verwijzing": (L, H, H, "done", 404, "done", H),
    "backoffice:remove_verwijzing": (L, H, H, "done", 404, "done", H),  # none there: "al weggehaald"
    "backoffice:record_nazorg": (L, H, H, "done", 404, "done", H),
    "backoffice:signaal_status": (L, H, H, 400, 404, 400, H),
    "backoffice:signaal_notitie": (L, H, H, 400, 404, 400, H),
    "backoffice:signaal_take": (L, H, H, "done", 404, "done", H),
    "backoffice:retry_delivery": (L, H, H, H, H, H, "done"),
    "backoffice:target_decide": (L, H, H, H, H, "done", H),
}
BEHEERDER_ONLY = (L, H, H, H, H, H, 200)
LISTING_VIEWS = ("index", "index_results", "add", "edit", "copy", "history", "history_results", "usage")
DELIVERY_TARGETS = {
    f"bezorgdoelen:{view}": BEHEERDER_ONLY
    for view in (
        "index",
        "index_results",
        "add",
        "edit",
        "delete",
        "copy",
        "history",
        "history_results",
        "usage",
    )
}
WIJKTEAMS = {
    **{f"wijkteams:{view}": BEHEERDER_ONLY for view in LISTING_VIEWS},
    "wijkteams:delete": (L, H, H, H, H, H, H),  # nobody deletes a wijkteam: its meldingen keep it
}
NOBODY = (L, H, H, H, H, H, H)
REPORTS = {
    **{
        f"wagtailadmin_reports:{report}{results}": NOBODY  # page reports: for page editors only
        for report in ("locked_pages", "workflow", "workflow_tasks", "aging_pages", "page_types_usage")
        for results in ("", "_results")
    },
    **{f"portal_feedback_report{results}": NOBODY for results in ("", "_results")},
    # Everybody's edits of what the role may change; never for a provider.
    **{f"wagtailadmin_reports:site_history{r}": (L, 403, 200, 200, 200, 200, 200) for r in ("", "_results")},
}
SNIPPET_VIEWS = (
    "list",
    "list_results",
    "add",
    "edit",
    "delete",
    "copy",
    "usage",
    "history",
    "history_results",
)
REVISION_VIEWS = ("revisions_revert", "revisions_compare")
# Records of a provider's kind (of another organisation here): a provider lists and adds, never opens these.
PROVIDER_MODELS = ("voorziening", "locatie", "voorzieningoplocatie", "capaciteit")
# None of these roles edits the other sociale kaart models or the begrippenlijst; a provider lists its own
# organisation (another's here, which it never opens), and adds none.
OTHER_MODELS = ("organisatie", "wijk", "term", "synoniemgroep")
PROVIDER_LISTS = {model: ("list", "list_results", "add") for model in PROVIDER_MODELS} | {
    "organisatie": ("list", "list_results")
}


def _snippets() -> dict:
    table = {"wagtailsnippets:index": NOBODY}
    models = [*PROVIDER_MODELS, *OTHER_MODELS, "aanbiederaccount", "begrip"]
    for model in models:
        app = "portal" if model == "begrip" else "socialekaart"
        views = SNIPPET_VIEWS + (REVISION_VIEWS if model not in ("aanbiederaccount", "begrip") else ())
        for view in views:
            lists = view in PROVIDER_LISTS.get(model, ())
            table[f"wagtailsnippets_{app}_{model}:{view}"] = (L, 200, H, H, H, H, H) if lists else NOBODY
        chooser = f"wagtailsnippetchoosers_{app}_{model}"
        for view in ("choose", "choose_results", "chosen_multiple"):
            table[f"{chooser}:{view}"] = (L, 200, 200, 200, 200, 200, 200)  # the list: only what one may edit
        # One record: another organisation's, or a model the role has no rights on. The wijken and the
        # begrippen are public.
        public = model in ("wijk", "begrip")
        table[f"{chooser}:chosen"] = (L, 200, 200, 200, 200, 200, 200) if public else (L, *[404] * 6)
        table[f"{chooser}:create"] = NOBODY
    return table


EXPECTED = {**BACKOFFICE, **DELIVERY_TARGETS, **WIJKTEAMS, **REPORTS, **_snippets()}


# --- The people and the records they ask for ---------------------------------------------------------------


class World:
    """One of everything, so every URL that names a record has one to name."""

    def __init__(self, staff, teams, meldingen):
        from meldingen.backoffice import signalen
        from meldingen.backoffice.workflow import Status, Uitkomst
        from meldingen.delivery.models import DeliveryJob
        from portal.begrippen import Begrip
        from socialekaart import models as kaart
        from socialekaart.models import AanbiederAccount
        from socialekaart.permissions import ensure_groups

        _, aanbieders = ensure_groups()
        own = kaart.Organisatie.objects.create(name="Zorg Lindewaard", slug="zorg-lindewaard")
        other = kaart.Organisatie.objects.create(name="Welzijn Lindewaard", slug="welzijn-lindewaard")
        self.users = dict(staff, anonymous=None)
        self.users["provider"] = make_user("aanbieder-zorg", None)
        self.users["provider"].groups.add(aanbieders)
        AanbiederAccount.objects.create(user=self.users["provider"], organisatie=own)
        other_provider = make_user("aanbieder-welzijn", None)
        other_provider.groups.add(aanbieders)
        centrum = teams["centrum"].wijken.get()
        # Records of another organisation: what a provider must not reach.
        voorziening = kaart.Voorziening.objects.create(
            organisatie=other,
            name="Mantelzorgcafé",
            slug="mantelzorgcafe",
            summary="Koffie.",
            beperkte_plaatsen=True,
        )
        locatie = kaart.Locatie.objects.create(organisatie=other, name="Buurthuis", wijk=centrum)
        # The provider's own help, its places not confirmed for a week: its home panel has "Klopt nog" forms.
        own_help = kaart.Voorziening.objects.create(
            organisatie=own,
            name="Begeleiding thuis",
            slug="begeleiding-thuis",
            summary="Hulp.",
            beperkte_plaatsen=True,
        )
        stale = kaart.Capaciteit.objects.create(voorziening=own_help, wijk=centrum, status="nee")
        kaart.Capaciteit.objects.filter(pk=stale.pk).update(bijgewerkt_op=timezone.now() - timedelta(days=9))
        self.objects = {
            "organisatie": other,
            "voorziening": voorziening,
            "locatie": locatie,
            "voorzieningoplocatie": kaart.VoorzieningOpLocatie.objects.create(
                voorziening=voorziening, locatie=locatie
            ),
            "capaciteit": kaart.Capaciteit.objects.create(voorziening=voorziening, wijk=centrum, status="ja"),
            "wijk": centrum,
            "term": kaart.Term.objects.create(vocabulary="thema", code="vervoer", name="Vervoer"),
            "synoniemgroep": kaart.Synoniemgroep.objects.create(termen="rolstoel, scootmobiel"),
            "aanbiederaccount": AanbiederAccount.objects.create(user=other_provider, organisatie=other),
            "begrip": Begrip.objects.create(term="Wmo", slug="wmo", uitleg="Een wet over hulp."),
        }
        self.revisions = {
            model: obj.save_revision(user=staff["beheerder"]).pk
            for model, obj in self.objects.items()
            if hasattr(obj, "save_revision")
        }
        self.behandeling = meldingen["centrum"].behandeling
        self.team = teams["centrum"]
        self.target = delivery_target("Zaaksysteem", "webhook", url="https://zaak.example/in")
        self.target.options = {**self.target.options, "include_answers": True}
        self.target.approval = self.target.Approval.PENDING
        self.target.changed_by = staff["beheerder"]
        self.target.save()
        self.job = DeliveryJob.create_for(meldingen["centrum"], self.target)
        # A signal about a client in Centrum, sent by the provider; and the nazorg of the Centrum melding,
        # afgehandeld with support granted.
        self.signaal = signalen.send(
            self.users["provider"],
            {
                "naam": "Carla Smit",
                "postcode": "3911 AC",
                "telefoon": "0611111111",
                "onderwerpen": ["eenzaamheid"],
                "toelichting": "Mevrouw komt de deur niet meer uit.",
                "toestemming_door": "client",
            },
        )
        for status in (Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND, Status.ONDERZOEK_AFGEROND):
            self.behandeling.change_status(status, staff["consulent"])
        self.behandeling.change_status(Status.AFGEHANDELD, staff["consulent"], uitkomst=Uitkomst.TOEGEKEND)
        self.nazorg = self.behandeling.nazorg
        self.nazorg.record(staff["consulent"], "tevreden")  # a call made, for its correction

    def kwargs_for(self, name: str) -> dict:
        namespace, view = name.split(":", 1)
        if namespace == "backoffice":
            if view == "retry_delivery":
                return {"job_pk": self.job.pk}
            if view == "target_decide":
                return {"pk": self.target.pk}
            if view in ("signaal", "signaal_status", "signaal_notitie", "signaal_take"):
                return {"pk": self.signaal.pk}
            if view == "record_nazorg":
                return {"pk": self.nazorg.pk}
            if view == "remove_verwijzing":
                return {"pk": self.behandeling.pk, "verwijzing_pk": 1}
            return {"pk": self.behandeling.pk}
        if namespace == "bezorgdoelen":
            return {"pk": self.target.pk}
        if namespace == "wijkteams":
            return {"pk": self.team.pk}
        model = namespace.rsplit("_", 1)[-1]
        pk = self.objects[model].pk
        if view == "revisions_revert":
            return {"pk": pk, "revision_id": self.revisions[model]}
        if view == "revisions_compare":
            return {"pk": pk, "revision_id_a": "earliest", "revision_id_b": "live"}
        return {"pk": pk}

    def url(self, name: str) -> str:
        try:
            return reverse(name)
        except Exception:  # noqa: BLE001  (a URL that names a record)
            return reverse(name, kwargs=self.kwargs_for(name))


@pytest.fixture
def world(staff, teams, two_meldingen):
    return World(staff, teams, two_meldingen)


def answer(response) -> object:
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith("/admin/login/"):
            return "login"
        if location == "/admin/":
            return "home"
        return "page" if response.request["REQUEST_METHOD"] == "GET" else "done"
    return response.status_code


def observe(client, world, role: str) -> dict[str, object]:
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    client.raise_request_exception = False
    return {name: answer(client.get(world.url(name))) for name in admin_url_names()}


# What may appear in an answer to whom: a resident's name only to the consulent of the wijk and the
# teamleider; another provider's user name and organisation to none of these roles.
MARKERS = {
    "Anna de Vries": {"consulent", "teamleider"},
    "aanbieder-welzijn": set(),
    "Welzijn Lindewaard": set(),
}


# A script in the page itself (not a file, not JSON data): the browser does not run it, as the admin's
# Content-Security-Policy allows scripts from files only. Wagtail's choosers start with one.
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\b(?:src=|type=\"application/json\"))[^>]*>\s*([^<\s][^<]*)</script>"
)
# A form that posts, and what it holds: without the CSRF token every post is refused (the test client does not
# check tokens; a provider's "Klopt nog", drawn in a Wagtail panel without the request, had none).
POST_FORM = re.compile(r"<form\b[^>]*\bmethod=\"post\"[^>]*>(.*?)</form>", re.IGNORECASE | re.DOTALL)


def test_the_table_names_only_urls_that_exist():
    assert set(EXPECTED) <= set(admin_url_names()), sorted(set(EXPECTED) - set(admin_url_names()))
    assert set(POSTED) == {name for name, row in EXPECTED.items() if P in row}


@pytest.mark.parametrize("role", ROLES)
def test_every_post_only_url_answers_each_role_as_the_table_says(client, world, role):
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    got = {name: answer(client.post(world.url(name), {})) for name in POSTED}
    assert got == {name: row[ROLES.index(role)] for name, row in POSTED.items()}


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_url_answers_each_role_as_the_table_says(client, world, role):
    column = ROLES.index(role)
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    client.raise_request_exception = False
    missing, wrong, leaks, blocked, tokenless = [], [], [], [], []
    for name in admin_url_names():
        if name not in EXPECTED:
            missing.append(name)
            continue
        response = client.get(world.url(name))
        got, expected = answer(response), EXPECTED[name][column]
        if got != expected:
            wrong.append(f"{name}: {got}, expected {expected}")
        body = response.content.decode(errors="replace")
        leaks += [
            f"{name}: {marker!r}" for marker, who in MARKERS.items() if role not in who and marker in body
        ]
        blocked += [f"{name}: {script[:80]}" for script in INLINE_SCRIPT.findall(body)]
        tokenless += [
            f"{name}: {form[:80]}" for form in POST_FORM.findall(body) if "csrfmiddlewaretoken" not in form
        ]
    home = client.get("/admin/").content.decode(errors="replace")  # its panels: out of the table's scope
    tokenless += [
        f"/admin/: {form[:80]}" for form in POST_FORM.findall(home) if "csrfmiddlewaretoken" not in form
    ]
    assert not missing, f"admin URLs not in the access table (decide who may reach them): {missing}"
    assert not wrong, "\n".join(wrong)
    assert not leaks, "\n".join(leaks)
    assert not blocked, "inline scripts, which the admin's CSP (script-src 'self') blocks:\n" + "\n".join(
        blocked
    )
    assert not tokenless, "forms that post without a CSRF token:\n" + "\n".join(tokenless)


@pytest.mark.skipif(not os.environ.get("ACCESS_PROBE"), reason="only to print what each role gets")
def test_print_what_each_role_gets(client, world):
    import json

    seen = {}
    for role in ROLES:
        client.logout()
        seen[role] = observe(client, world, role)
    print(json.dumps(seen))


@pytest.mark.parametrize("role", [role for role in ROLES if role != "anonymous"])
def test_the_dashboards_page_search_is_only_for_those_who_work_on_pages(client, world, role):
    """For anyone else it led to "no access", after putting what they typed (a resident's name, often) in
    the address, and so in the access log."""
    editors = world.users["redacteur"].groups.first()
    change_page = Permission.objects.get(codename="change_page", content_type__app_label="wagtailcore")
    GroupPagePermission.objects.create(group=editors, page=Page.get_first_root_node(), permission=change_page)
    client.force_login(world.users[role])
    page = client.get("/admin/").content.decode()
    assert ('role="search"' in page) is (role == "redacteur"), role
