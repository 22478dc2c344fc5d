"""Reading the audit log: a plain list, filtered by reference or user; nothing here can change it."""

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Q, Value
from django.db.models.functions import Concat
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from meldingen.backoffice.access import require_role
from meldingen.backoffice.models import AuditEntry
from meldingen.backoffice.roles import can_read_audit_log


def _login_names(typed: str) -> list[str]:
    """The log keeps each user's login name; staff know each other by the name the pages show ("Consulent
    centrum"). Both find the entries: the login name as typed, and those of the users whose name holds it."""
    named = (
        get_user_model()
        .objects.annotate(full_name=Concat("first_name", Value(" "), "last_name"))
        .filter(Q(username__iexact=typed) | Q(full_name__icontains=typed))
        .values_list("username", flat=True)
    )
    return [typed, *named]


def _name_the_users(entries) -> None:
    """Each entry's `who`: "Marloes Verbeek (consulent-centrum)", the name colleagues know beside the login
    the log keeps (a walk's teamleider read only logins); the login alone for a user without a name, one
    removed since, or one whose login another user has now."""
    users = get_user_model().objects.in_bulk({entry.user_id for entry in entries if entry.user_id})
    for entry in entries:
        user = users.get(entry.user_id)
        name = user.get_full_name() if user and user.get_username() == entry.username else ""
        entry.who = f"{name} ({entry.username})" if name else entry.username


@require_safe
@require_role(can_read_audit_log)
def audit_log(request):
    reference = request.GET.get("kenmerk", "").strip().upper()[:32]
    username = request.GET.get("gebruiker", "").strip()[:150]
    entries = AuditEntry.objects.all()
    if reference:
        entries = entries.filter(reference=reference)
    if username:
        entries = entries.filter(username__in=_login_names(username))
    page = Paginator(entries, 50).get_page(request.GET.get("p"))
    _name_the_users(page.object_list)
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "backoffice/audit.html",
        {
            "page_obj": page,
            "reference": reference,
            "username": username,
            "query_string": query.urlencode(),
            "page_title": _("Auditlog: wie bekeek of wijzigde een melding"),
            "header_icon": "history",
        },
    )
