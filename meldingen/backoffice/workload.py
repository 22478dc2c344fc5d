"""Werkverdeling: what each consulent has open, for who assigns the meldingen. A walk's teamleider could only
pick the consulenten one by one in the inbox's filter to see who had too much work."""

from datetime import timedelta
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from meldingen.backoffice.access import require_role
from meldingen.backoffice.inbox import NOBODY
from meldingen.backoffice.models import Behandeling
from meldingen.backoffice.roles import can_assign, consulenten_seen_by, display_name
from meldingen.backoffice.stats import start_of_day
from meldingen.backoffice.workflow import CLOSED_STATUSES, Status

NOTHING = (0, 0, 0, 0)


class Work(NamedTuple):
    name: str
    filter_value: str  # the inbox's consulent filter for these meldingen; "" when it has none for them
    open: int
    late: int
    due_soon: int
    gesprekken: int  # gesprekken planned for the coming 7 days


def work_per_consulent(user, today) -> list[Work]:
    """Every consulent of the user's teams (also with nothing open), then whoever else has open meldingen of
    theirs, then the meldingen nobody has yet; counted over the open meldingen the user sees."""
    open_meldingen = Behandeling.objects.visible_to(user).exclude(status__in=CLOSED_STATUSES)
    # The coming week, not the calendar week: on a Sunday that held only gesprekken already past.
    week = (start_of_day(today), start_of_day(today + timedelta(weeks=1)))
    coming_week = Q(status=Status.GESPREK_GEPLAND, gesprek_op__gte=week[0], gesprek_op__lt=week[1])
    counts = {
        consulent: rest
        for consulent, *rest in open_meldingen.values_list("consulent")
        .annotate(
            open=Count("pk"),
            late=Count("pk", filter=open_meldingen.late_q(today)),
            due_soon=Count("pk", filter=open_meldingen.due_soon_q(today)),
            gesprekken=Count("pk", filter=coming_week),
        )
        .order_by()
    }
    team = list(consulenten_seen_by(user))
    others = set(counts) - {person.pk for person in team} - {None}
    people = get_user_model().objects.filter(pk__in=others).order_by("first_name", "last_name", "username")
    # The inbox filters on the consulenten of the user's teams only: the others' counts lead nowhere.
    return [
        *(Work(display_name(person), str(person.pk), *counts.get(person.pk, NOTHING)) for person in team),
        *(Work(display_name(person), "", *counts[person.pk]) for person in people),
        Work(_("Niemand: nog niet toegewezen"), NOBODY, *counts.get(None, NOTHING)),
    ]


@require_safe
@require_role(can_assign)
def workload(request):
    return TemplateResponse(
        request,
        "backoffice/werkverdeling.html",
        {
            "rows": work_per_consulent(request.user, timezone.localdate()),
            "page_title": _("Werkverdeling"),
            "header_icon": "group",
        },
    )
