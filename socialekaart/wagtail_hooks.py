from django.contrib import messages
from django.db import models
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _lazy
from wagtail import hooks
from wagtail.admin.compare import TextFieldComparison, register_comparison_class
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from . import languages, permissions
from .admin_home import STILL_HOLDS, capacity_still_holds, kaart_home
from .bulk_closure import CLOSURE_PLANNED, ClosurePlanned, PlanClosureBulkAction
from .models import Locatie, Voorziening
from .viewsets import SocialeKaartViewSetGroup

for _model in permissions.AANBIEDER_MODELS:
    register_permission_policy(_model, permissions.OrganisatiePermissionPolicy(_model))

register_snippet(SocialeKaartViewSetGroup)
hooks.register("register_bulk_action", PlanClosureBulkAction)


class JSONListComparison(TextFieldComparison):
    """A list kept as JSON (a voorziening's talen) compared as words: an editor checking a provider's change
    read "Talen: ['nl']['nl', 'pl']"; now "Nederlands, Pools" with the new word marked."""

    def __init__(self, field, obj_a, obj_b):
        super().__init__(field, obj_a, obj_b)
        self.val_a, self.val_b = self.as_words(self.val_a), self.as_words(self.val_b)

    def as_words(self, value) -> str:
        if self.field.model is Voorziening and self.field.name == "talen":
            return languages.names(value)
        return ", ".join(map(str, value)) if isinstance(value, list) else str(value or "")


register_comparison_class(models.JSONField, comparison_class=JSONListComparison)

hooks.register("construct_homepage_panels", kaart_home)


@hooks.register("register_log_actions")
def register_capacity_log_actions(actions):
    actions.register_action(STILL_HOLDS, _lazy("Klopt nog"), _lazy("Beschikbaarheid bevestigd: klopt nog"))
    actions.register_action(CLOSURE_PLANNED)(ClosurePlanned)


@hooks.register("register_admin_urls")
def register_capacity_urls():
    return [
        path(
            "beschikbaarheid/<uuid:pk>/klopt-nog/",
            capacity_still_holds,
            name="socialekaart_capacity_still_holds",
        )
    ]


NOT_DELETED = _lazy(
    "%(locatie)s is niet verwijderd. Daar staat nog deze hulp: %(hulp)s. Zet de hulp eerst op een andere "
    "locatie, of verwijder de plek zelf bij Plekken en openingstijden."
)


@hooks.register("before_delete_snippet")
def keep_locations_where_help_stands(request, instances):
    """A location where help still stands (a plek with its hours) is not deleted, alone or in a bulk action:
    the plekken went with it, after Wagtail's usage count (which knows only its reference index, not the
    plekken the import and the demo write in bulk) said "op 1 plek gebruikt" for four."""
    refused = False
    for locatie in instances:
        help_here = _help_at(locatie) if isinstance(locatie, Locatie) else []
        if help_here:
            refused = True
            messages.error(request, NOT_DELETED % {"locatie": locatie.name, "hulp": ", ".join(help_here)})
    return redirect("wagtailsnippets_socialekaart_locatie:list") if refused else None


def _help_at(locatie) -> list[str]:
    return sorted(locatie.voorzieningen_hier.values_list("voorziening__name", flat=True))
