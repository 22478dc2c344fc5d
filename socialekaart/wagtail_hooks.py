from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from . import permissions
from .admin_home import kaart_home
from .viewsets import SocialeKaartViewSetGroup

for _model in permissions.AANBIEDER_MODELS:
    register_permission_policy(_model, permissions.OrganisatiePermissionPolicy(_model))

register_snippet(SocialeKaartViewSetGroup)

hooks.register("construct_homepage_panels", kaart_home)
