from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from . import permissions
from .viewsets import SocialeKaartViewSetGroup

for _model in permissions.AANBIEDER_MODELS:
    register_permission_policy(_model, permissions.OrganisatiePermissionPolicy(_model))

register_snippet(SocialeKaartViewSetGroup)
