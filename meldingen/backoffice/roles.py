"""The backoffice roles, as Django groups with their permissions (created by a data migration)."""

CONSULENT = "Consulent"
TEAMLEIDER = "Teamleider"
FUNCTIONEEL_BEHEERDER = "Functioneel beheerder"
REDACTEUR = "Redacteur"

# (app_label, codename) per group; every group can log in to the Wagtail admin.
ADMIN_ACCESS = ("wagtailadmin", "access_admin")
ROLE_PERMISSIONS = {  # keep in step with migrations/0002_roles.py and delivery/migrations/0002
    CONSULENT: [ADMIN_ACCESS, ("backoffice", "view_team_meldingen")],
    TEAMLEIDER: [
        ADMIN_ACCESS,
        ("backoffice", "view_all_meldingen"),
        ("backoffice", "assign_meldingen"),
        ("backoffice", "view_auditentry"),
        ("delivery", "approve_deliverytarget"),
    ],
    FUNCTIONEEL_BEHEERDER: [
        ADMIN_ACCESS,
        ("backoffice", "manage_delivery"),
        ("delivery", "add_deliverytarget"),
        ("delivery", "change_deliverytarget"),
        ("delivery", "delete_deliverytarget"),
        ("delivery", "view_deliverytarget"),
        ("backoffice", "add_wijkteam"),
        ("backoffice", "change_wijkteam"),
        ("backoffice", "view_wijkteam"),
        ("backoffice", "view_auditentry"),
    ],
    REDACTEUR: [ADMIN_ACCESS],
}
# Providers' staff and professionals (groups of the sociale kaart) may send a signal about a client.
SIGNAAL_AFZENDERS = ("Aanbieders", "Professionals")
SEND_SIGNAAL = ("backoffice", "send_signaal")


# Roles whose members are professionals on the sociale kaart: they see capacity, waiting times and the
# professionals' contacts, and may export lists. Giving someone such a role puts them in the kaart's
# Professionals group too (see receivers.py).
KAART_PROFESSIONAL_ROLES = (CONSULENT, TEAMLEIDER)


def is_consulent(user) -> bool:
    return user.groups.filter(name=CONSULENT).exists()


def can_see_meldingen(user) -> bool:
    return user.is_active and (
        user.has_perm("backoffice.view_all_meldingen") or user.has_perm("backoffice.view_team_meldingen")
    )


def can_assign(user) -> bool:
    return user.is_active and user.has_perm("backoffice.assign_meldingen")


def consulenten_seen_by(user):
    """The active consulenten of the teams whose meldingen `user` sees (every consulent, for who sees all)."""
    from django.contrib.auth import get_user_model

    consulenten = get_user_model().objects.filter(groups__name=CONSULENT, is_active=True)
    if not user.has_perm("backoffice.view_all_meldingen"):
        consulenten = consulenten.filter(wijkteams__members=user).distinct()
    return consulenten.order_by("first_name", "last_name", "username")


def wijken_seen_by(user):
    """The wijken whose meldingen `user` sees, by name: every wijk for who sees all, else her teams'."""
    from socialekaart import public as kaart

    wijken = kaart.wijken()
    if not user.has_perm("backoffice.view_all_meldingen"):
        wijken = wijken.filter(wijkteams__members=user).distinct()
    return wijken


def can_read_audit_log(user) -> bool:
    return user.is_active and user.has_perm("backoffice.view_auditentry")


def can_manage_delivery(user) -> bool:
    return user.is_active and user.has_perm("backoffice.manage_delivery")


def can_approve_targets(user) -> bool:
    """The second person for delivery targets: a teamleider (never the one who made the change)."""
    return user.is_active and user.has_perm("delivery.approve_deliverytarget")


def can_send_signaal(user) -> bool:
    """Providers and professionals outside the wijkteams. A consulent or teamleider is a professional on the
    kaart too (see receivers.py), but signals go to the wijkteam: they do not send one to themselves."""
    return user.is_active and user.has_perm("backoffice.send_signaal") and not can_see_meldingen(user)


def ensure_roles() -> None:
    """Create the groups with their permissions if they are missing (the data migration does the same;
    this restores them after a database flush, e.g. in transactional tests)."""
    from django.contrib.auth.models import Group, Permission

    for name, permissions in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in permissions:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)
    send = Permission.objects.filter(
        content_type__app_label=SEND_SIGNAAL[0], codename=SEND_SIGNAAL[1]
    ).first()
    for name in SIGNAAL_AFZENDERS:
        group, _ = Group.objects.get_or_create(name=name)
        if send is not None:
            group.permissions.add(send, *Permission.objects.filter(codename="access_admin"))


def may_take(user, case) -> bool:
    """Whether `user` may take a melding's case or a signal (each with a `team` and a `consulent`) into their
    hands: a consulent of its team, or of any when it has none, who does not have it yet. Whether it is still
    open is for the caller."""
    return (
        case.consulent_id != user.pk
        and is_consulent(user)
        and (case.team_id is None or case.team.members.filter(pk=user.pk).exists())
    )


def display_name(user) -> str:
    """The name colleagues know a staff member by, or the login when no name is given."""
    return user.get_full_name() or user.get_username()
