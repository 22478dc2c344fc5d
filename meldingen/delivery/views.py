"""The second person's step: a teamleider approves or refuses a new or changed delivery target. Until then
the target receives nothing new (or keeps what was approved before)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from core.posted import post_only
from meldingen.backoffice.access import require_role
from meldingen.backoffice.roles import can_approve_targets
from meldingen.delivery.models import DeliveryTarget

approval_view = require_role(can_approve_targets)


def _row(target, user) -> dict:
    kind = target.kind_class
    approved = target.approved_options
    return {
        "target": target,
        "kind": kind.label,
        "addresses": kind.addresses(target.options),
        "approved_addresses": kind.addresses(approved) if approved is not None else None,
        "answers": kind.carries_answers(target.options),
        "own_change": target.changed_by_id == user.pk,
    }


@approval_view
def approvals(request):
    targets = DeliveryTarget.objects.awaiting_approval().select_related("changed_by").order_by("changed_at")
    return TemplateResponse(
        request,
        "delivery/approvals.html",
        {
            "rows": [_row(target, request.user) for target in targets],
            "page_title": _("Bezorgdoelen goedkeuren"),
            "header_icon": "tick",
        },
    )


@post_only(lambda pk: reverse("backoffice:target_approvals"))
@approval_view
def decide(request, pk):
    target = get_object_or_404(DeliveryTarget, pk=pk)
    if not target.may_decide(request.user):
        if target.changed_by_id == request.user.pk:
            messages.error(request, _("U kunt uw eigen wijziging niet goedkeuren. Vraag een collega."))
            return redirect("backoffice:target_approvals")
        raise PermissionDenied
    if request.POST.get("decision") == "approve":
        target.approve(request.user)
        messages.success(
            request, _("Goedgekeurd. Nieuwe meldingen gaan nu naar %(name)s.") % {"name": target.name}
        )
    else:
        target.refuse(request.user)
        messages.success(
            request, _("Afgewezen. De wijziging van %(name)s is niet gebruikt.") % {"name": target.name}
        )
    return redirect("backoffice:target_approvals")
