"""Who may change what in the sociale kaart.

Editors of the municipality (group "Redacteuren sociale kaart") manage everything. A provider's login
(an `AanbiederAccount`, group "Aanbieders") sees and changes only its own organisation's voorzieningen,
locaties, opening hours, contacts and capacity, and the organisation itself (not adding or deleting
one: its phone, e-mail and website are on each of its pages). The scope is enforced on every admin URL that
names an object, on the listings, in the form choices and in the permission policy.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from wagtail.permission_policies import ModelPermissionPolicy

from . import models

AANBIEDERS_GROUP = models.AANBIEDERS_GROUP
DEFAULT_PROFESSIONALS_GROUP = "Professionals"
REDACTEUREN_GROUP = "Redacteuren sociale kaart"

# How each model reaches the organisation that owns it.
ORGANISATIE_LOOKUP = {
    models.Organisatie: "pk",
    models.Voorziening: "organisatie",
    models.Locatie: "organisatie",
    models.VoorzieningOpLocatie: "voorziening__organisatie",
    models.Capaciteit: "voorziening__organisatie",
}
AANBIEDER_MODELS = list(ORGANISATIE_LOOKUP)
# A walk: a provider put a new phone number in her help, and the page then showed the organisation's old one
# below it, which only the gemeente could change. She changes her organisation; adding or deleting one stays
# the gemeente's.
# Another: a provider deleted her help in two clicks, its plekken and opening hours with it, where the status
# "Gestopt" keeps it out of the kaart and can be undone. Deleting help stays the gemeente's too.
AANBIEDER_ACTIONS = {models.Organisatie: ("change", "view"), models.Voorziening: ("add", "change", "view")}
ALL_ACTIONS = ("add", "change", "delete", "view")
# What anyone in the admin may pick in a chooser without editing it: the public list of wijken (the
# providers' forms ask for one). A chooser of any other model offers only what the user may edit: a provider
# its own organisation's records, a role without rights on the model nothing (so no list of providers'
# user names or organisations).
PUBLIC_CHOICES = [models.Wijk]
# Admin pages that show everybody's edits; a provider's own history is on each of its records.
AANBIEDER_BLOCKED_URL_NAMES = {
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:site_history_results",
}
EDITOR_MODELS = [
    models.Organisatie,
    models.Voorziening,
    models.Locatie,
    models.VoorzieningOpLocatie,
    models.Capaciteit,
    models.Wijk,
    models.Term,
    models.Synoniemgroep,
    models.AanbiederAccount,
]


def organisatie_id_of(user) -> object | None:
    """The organisation a provider's login is limited to; None for everybody else."""
    if user is None or not user.is_authenticated or user.is_superuser:
        return None
    account = getattr(user, "_kaart_aanbieder", False)
    if account is False:
        account = models.AanbiederAccount.objects.filter(user=user).only("organisatie_id").first()
        user._kaart_aanbieder = account  # once per request
    return account.organisatie_id if account else None


def scope(queryset, user):
    """The part of a queryset this user may see and change."""
    organisatie_id = organisatie_id_of(user)
    if organisatie_id is None:
        return queryset
    lookup = ORGANISATIE_LOOKUP.get(queryset.model)
    if lookup is None:
        return queryset.none()
    return queryset.filter(**{lookup: organisatie_id})


def chooser_scope(queryset, user):
    """The part of a queryset a chooser offers this user: what they may edit, and the public wijken."""
    model = queryset.model
    if model in PUBLIC_CHOICES:
        return queryset
    name = f"{model._meta.app_label}.%s_{model._meta.model_name}"
    if not any(user.has_perm(name % action) for action in ("add", "change", "delete", "view")):
        return queryset.none()
    return scope(queryset, user)


def is_aanbieder(user) -> bool:
    return organisatie_id_of(user) is not None


def in_scope(user, model, pk) -> bool:
    if organisatie_id_of(user) is None:
        return True
    try:
        return scope(model._default_manager.filter(pk=pk), user).exists()
    except (ValueError, ValidationError):
        return False


def instance_organisatie_id(instance):
    """The owning organisation's id, read from the instance (no query when relations are loaded)."""
    lookup = ORGANISATIE_LOOKUP.get(type(instance))
    if lookup is None:
        return None
    if lookup == "pk":  # the organisation itself
        return instance.pk
    *path, last = lookup.split("__")
    for name in path:
        instance = getattr(instance, name, None)
        if instance is None:
            return None
    return getattr(instance, f"{last}_id", None)


class OrganisatiePermissionPolicy(ModelPermissionPolicy):
    """Model permissions from the groups, narrowed to the provider's own organisation."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        organisatie_id = organisatie_id_of(user)
        return organisatie_id is None or instance_organisatie_id(instance) == organisatie_id

    def instances_user_has_any_permission_for(self, user, actions):
        return scope(super().instances_user_has_any_permission_for(user, actions), user)


def ensure_groups() -> tuple[Group, Group]:
    """Create (or repair) the editors' and providers' groups with their permissions."""
    admin_access = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    redacteuren, _ = Group.objects.get_or_create(name=REDACTEUREN_GROUP)
    aanbieders, _ = Group.objects.get_or_create(name=AANBIEDERS_GROUP)
    redacteuren.permissions.add(*admin_access, *_model_permissions(EDITOR_MODELS))
    given = _model_permissions(AANBIEDER_MODELS, AANBIEDER_ACTIONS)
    aanbieders.permissions.add(*admin_access, *given)
    # A right taken back is taken from a group made before it was, too.
    aanbieders.permissions.remove(*_model_permissions(AANBIEDER_MODELS).exclude(pk__in=given))
    return redacteuren, aanbieders


def professionals_group_name() -> str:
    return getattr(settings, "SOCIALEKAART_PROFESSIONALS_GROUP", "") or DEFAULT_PROFESSIONALS_GROUP


def ensure_professionals_group() -> Group:
    """The group whose members see the professional kaart (created by migration 0007; this restores it after
    a database flush)."""
    group, _ = Group.objects.get_or_create(name=professionals_group_name())
    return group


def _model_permissions(model_list, actions=None):
    """The permissions on these models; `actions` limits some models to some of them."""
    actions = actions or {}
    codenames = [
        f"{action}_{model._meta.model_name}"
        for model in model_list
        for action in actions.get(model, ALL_ACTIONS)
    ]
    return Permission.objects.filter(content_type__app_label="socialekaart", codename__in=codenames)
