"""The Wagtail admin's home for a provider: what they come to do, first. Update this week's capacity per
wijk (with the date of the oldest update; what still holds in one click), and see their own voorzieningen.
Wagtail's own panels (pages, images, documents) are not theirs. A professional (a huisarts, a consulent)
finds the way to the kaart with places and waiting times there. An editor of the kaart sees what the
providers changed lately, to check it."""

from collections import defaultdict
from datetime import timedelta

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Revision

from core.posted import post_only

from . import models, permissions
from .capacity_reminders import oldest_update
from .views.access import is_professional


class ProviderPanel(Component):
    name = "socialekaart_provider"
    template_name = "socialekaart/admin/provider_home.html"
    order = 10

    def __init__(self, user, organisatie_id):
        self.user = user
        self.organisatie_id = organisatie_id

    def get_context_data(self, parent_context):
        voorzieningen = list(
            permissions.scope(models.Voorziening.objects.all(), self.user)
            .order_by("name")
            .prefetch_related("wijken")
        )
        capaciteit = permissions.scope(models.Capaciteit.objects.all(), self.user)
        # Named one by one: "1 wijk is langer dan een week niet bijgewerkt" stood below "Alle wijken zijn
        # bijgewerkt op ... of later" and said neither which help nor which wijk.
        stale = list(
            capaciteit.filter(bijgewerkt_op__lt=timezone.now() - models.CAPACITEIT_VEROUDERD_NA)
            .select_related("voorziening", "wijk")
            .order_by("bijgewerkt_op")
        )
        organisatie = models.Organisatie.objects.only("name").get(pk=self.organisatie_id)
        return {
            # Wagtail draws a panel without the request: its "Klopt nog" forms had no token, and every click
            # was refused.
            "csrf_token": get_token(parent_context["request"]),
            "organisatie_name": organisatie.name,
            "organisatie_url": reverse(
                "wagtailsnippets_socialekaart_organisatie:edit", args=[organisatie.pk]
            ),
            "voorzieningen": [
                (voorziening, reverse("wagtailsnippets_socialekaart_voorziening:edit", args=[voorziening.pk]))
                for voorziening in voorzieningen
            ],
            # Places are given only for help with a limited number of them: without one, the button led to an
            # empty list whose form offered no voorziening.
            "has_limited_places": any(voorziening.beperkte_plaatsen for voorziening in voorzieningen),
            "capaciteit_url": reverse("wagtailsnippets_socialekaart_capaciteit:list"),
            "stale": stale,
            "missing": (missing := _never_reported(voorzieningen, capaciteit)),
            # Shown only when nothing is stale or missing: then no query for it.
            "oldest": None if stale or missing else oldest_update(self.organisatie_id),
        }


def _never_reported(voorzieningen, capaciteit) -> list[tuple]:
    """(voorziening, wijk) for each wijk a running voorziening with limited places works in and never gave
    places for, (voorziening, None) for one in the whole municipality that never gave any: the panel said
    "Alle wijken zijn bijgewerkt" while one had never been."""
    reported = set(capaciteit.values_list("voorziening_id", "wijk_id"))
    reported_by = {voorziening_id for voorziening_id, _wijk in reported}
    missing = []
    for voorziening in voorzieningen:
        if not voorziening.beperkte_plaatsen or voorziening.status == models.Voorziening.Status.GESTOPT:
            continue
        if voorziening.hele_gemeente:
            missing += [] if voorziening.pk in reported_by else [(voorziening, None)]
        else:
            missing += [
                (voorziening, w) for w in voorziening.wijken.all() if (voorziening.pk, w.pk) not in reported
            ]
    return missing


class ProfessionalPanel(Component):
    name = "socialekaart_professional"
    template_name = "socialekaart/admin/professional_home.html"
    order = 20

    def get_context_data(self, parent_context):
        return {"kaart_url": reverse("socialekaart:search")}


RECENT = timedelta(weeks=2)  # how far back the editor's list of the providers' changes goes


class ProviderChangesPanel(Component):
    """What providers changed in the last weeks, newest first, each linked to the record: an editor found only
    "Gewijzigd – Thuiszorg De Linde" in each record's history, and a site history nothing linked to."""

    name = "socialekaart_provider_changes"
    template_name = "socialekaart/admin/provider_changes.html"
    order = 15
    SHOWN = 10

    def get_context_data(self, parent_context):
        models_of_providers = ContentType.objects.get_for_models(*permissions.AANBIEDER_MODELS).values()
        entries = list(
            ModelLogEntry.objects.filter(
                content_type__in=models_of_providers,
                user__groups__name=permissions.AANBIEDERS_GROUP,
                timestamp__gte=timezone.now() - RECENT,
            )
            .exclude(action=STILL_HOLDS)  # confirmed as it was: nothing to check
            .select_related("user", "content_type")
            .order_by("-timestamp")[: self.SHOWN]
        )
        existing = _still_there(entries)
        previous = _previous_revisions(entries)
        return {
            "changes": [
                (entry, _edit_url(entry), _compare_url(entry, previous.get(entry.revision_id)))
                if (entry.content_type_id, entry.object_id) in existing
                else (entry, None, None)
                for entry in entries
            ],
            "all_url": reverse("wagtailadmin_reports:site_history"),
        }


def _still_there(entries) -> set[tuple[int, str]]:
    """The ids of the entries' records that were not deleted since: "Aangemaakt: Burenhulp Centrum ..." led
    an editor to a plek deleted afterwards, and a page "niet gevonden"."""
    ids_by_type = defaultdict(set)
    for entry in entries:
        ids_by_type[entry.content_type].add(entry.object_id)
    return {
        (content_type.pk, str(pk))
        for content_type, ids in ids_by_type.items()
        if content_type.model_class() is not None  # a model removed since
        for pk in content_type.model_class()._default_manager.filter(pk__in=ids).values_list("pk", flat=True)
    }


def _edit_url(entry) -> str | None:
    """The record as it is now."""
    try:
        url_name = f"wagtailsnippets_socialekaart_{entry.content_type.model}:edit"
        return reverse(url_name, args=[entry.object_id])
    except NoReverseMatch:
        return None


def _previous_revisions(entries) -> dict[int, int]:
    """For each entry's revision the one of its record before it, in one query (a record's first revision
    has none)."""
    revised = [entry for entry in entries if entry.revision_id]
    if not revised:
        return {}
    rows = Revision.objects.filter(
        content_type_id__in={entry.content_type_id for entry in revised},
        object_id__in={entry.object_id for entry in revised},
        pk__lt=max(entry.revision_id for entry in revised),
    ).values_list("pk", "content_type_id", "object_id")
    earlier = defaultdict(list)
    for pk, content_type_id, object_id in rows:
        earlier[content_type_id, object_id].append(pk)
    return {
        entry.revision_id: max(before)
        for entry in revised
        if (
            before := [pk for pk in earlier[entry.content_type_id, entry.object_id] if pk < entry.revision_id]
        )
    }


def _compare_url(entry, previous: int | None) -> str | None:
    """What the change changed: Wagtail's comparison of its revision with `previous`, the one before it."""
    if previous is None:
        return None
    try:
        url_name = f"wagtailsnippets_socialekaart_{entry.content_type.model}:revisions_compare"
        return reverse(url_name, args=[entry.object_id, previous, entry.revision_id])
    except NoReverseMatch:
        return None


def kaart_home(request, panels):
    organisatie_id = permissions.organisatie_id_of(request.user)
    if organisatie_id is not None:
        panels[:] = [ProviderPanel(request.user, organisatie_id)]
        return
    if request.user.has_perm("socialekaart.change_voorziening"):
        panels.append(ProviderChangesPanel())
    if is_professional(request.user):
        panels.append(ProfessionalPanel())


# The log action of a capacity confirmed unchanged: in the row's history, not among the changes to check.
STILL_HOLDS = "socialekaart.capacity_still_holds"


@post_only(lambda pk: reverse("wagtailadmin_home"))  # the list the button is on; a 405 was a blank page
def capacity_still_holds(request, pk):
    """One click for a week in which nothing changed: a walk's provider had to open each row and save it
    unchanged, without anything saying so. Only a row the user may change (the provider's own): else 404."""
    policy = permissions.OrganisatiePermissionPolicy(models.Capaciteit)
    capaciteit = get_object_or_404(policy.instances_user_has_permission_for(request.user, "change"), pk=pk)
    with transaction.atomic():  # the stamp and its line in the history, or neither
        capaciteit.still_holds(request.user)
        log(capaciteit, STILL_HOLDS, user=request.user)
    messages.success(
        request,
        _("Bijgewerkt: %(voorziening)s in %(wijk)s. U gaf door: %(status)s.")
        % {
            "voorziening": capaciteit.voorziening.name,
            "wijk": capaciteit.wijk.name,
            "status": capaciteit.get_status_display(),
        },
    )
    return redirect("wagtailadmin_home")
