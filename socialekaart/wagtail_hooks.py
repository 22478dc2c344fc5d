from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from . import permissions
from .admin_panels import add_capaciteit_panel
from .viewsets import SocialeKaartViewSetGroup

for _model in permissions.AANBIEDER_MODELS:
    register_permission_policy(_model, permissions.OrganisatiePermissionPolicy(_model))

register_snippet(SocialeKaartViewSetGroup)

# A provider's dashboard opens on "Werk uw beschikbaarheid bij" (its own panel: admin_panels.py).
hooks.register("construct_homepage_panels", add_capaciteit_panel)
