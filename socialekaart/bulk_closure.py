"""A closure planned for several voorzieningen at once, as a bulk action on their list: a provider with seven
voorzieningen in one building closes them all for Christmas in one go, instead of seven times the same days
on each voorziening's "Gesloten op vaste dagen" (a walk). Each gets a closure of its own (models.Sluiting),
which closures.py applies on its days as any other."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.log_actions import LogFormatter, log
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .models import Sluiting, Voorziening

# In each voorziening's history, and in the editors' list of what providers changed (admin_home.py).
CLOSURE_PLANNED = "socialekaart.closure_planned"


class ClosureForm(WagtailAdminModelForm):
    class Meta:
        model = Sluiting
        fields = ["van", "tot_en_met", "reden"]
        # The browser's own date boxes, as on the voorziening's page: a walk found text boxes here.
        widgets = {
            name: forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}) for name in ("van", "tot_en_met")
        }


class PlanClosureBulkAction(SnippetBulkAction):
    display_name = _("Sluiting plannen")
    action_type = "sluiting"
    aria_label = _("Plan een sluiting voor de gekozen voorzieningen")
    template_name = "socialekaart/admin/bulk_closure.html"
    action_priority = 20
    form_class = ClosureForm
    models = [Voorziening]

    def check_perm(self, voorziening):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", voorziening
        )

    def get_execution_context(self):
        return {"closure": self.cleaned_form.cleaned_data, "user": self.request.user}

    @classmethod
    def execute_action(cls, voorzieningen, closure=None, user=None, **kwargs):
        days = {"van": closure["van"], "tot_en_met": closure["tot_en_met"]}
        for voorziening in voorzieningen:  # one by one: each save closes it at once when it starts today
            # The same days chosen again (a walk planned Christmas twice) add no second closure.
            sluiting, new = Sluiting.objects.get_or_create(
                voorziening=voorziening, **days, defaults={"reden": closure["reden"]}
            )
            if new:  # an entry of its own: Wagtail's history shows one per request and action (its uuid)
                log(voorziening, CLOSURE_PLANNED, user=user, uuid=uuid.uuid4(), data={"dagen": str(sluiting)})
        return len(voorzieningen), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "De sluiting staat bij %(count)d voorziening.",
            "De sluiting staat bij %(count)d voorzieningen.",
            num_parent_objects,
        ) % {"count": num_parent_objects}

    def get_all_objects_in_listing_query(self, parent_id):
        """ "Alles in de lijst gekozen": the voorzieningen the user may change, as the list shows them (the
        page named every other organisation's too, under those it may not change)."""
        user = self.request.user
        return self.permission_policy.instances_user_has_permission_for(user, "change").values_list(
            "pk", flat=True
        )


class ClosurePlanned(LogFormatter):
    """The history's entry names the days: "Sluiting gepland: 24-12-2026 – 01-01-2027"."""

    label = _("Sluiting gepland")

    def format_message(self, log_entry):
        return _("Sluiting gepland: %(dagen)s") % {"dagen": log_entry.data.get("dagen", "")}
