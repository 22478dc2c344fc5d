"""The roles the data migrations make (groups and their permissions), made again when a transactional test's
flush emptied them: with xdist's --dist loadfile such a test may run before any other test on its worker."""

import importlib

from django.contrib.auth.models import Group, Permission


def role(name: str) -> Group:
    """The group `name` with its permissions; the roles are made again first when it has none."""
    if not Group.objects.filter(name=name, permissions__isnull=False).exists():
        restore_roles()
    return Group.objects.get_or_create(name=name)[0]


def restore_roles() -> None:
    from meldingen.backoffice import roles
    from socialekaart.permissions import ensure_groups, ensure_professionals_group

    roles.ensure_roles()
    ensure_groups()
    ensure_professionals_group()
    klachten = importlib.import_module("klachten.migrations.0002_roles")  # its roles are the migration's only
    for name, permissions in klachten.ROLE_PERMISSIONS.items():
        group = Group.objects.get_or_create(name=name)[0]
        for app_label, codename in permissions:
            found = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            group.permissions.add(*found)
