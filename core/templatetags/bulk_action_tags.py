"""Wagtail's bulk actions on a listing, without "Verwijder" for whoever may delete none of its records: a
provider, who deletes no voorziening, was offered it and led to a page that only said she had no right to."""

from django import template
from django.urls import reverse
from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices
from wagtail.permissions import policy_registry

register = template.Library()


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def permitted_bulk_action_choices(context, app_label, model_name):
    choices = bulk_action_choices(context, app_label, model_name)
    if app_label != "socialekaart":  # the kaart's policy is per model; images and documents go by owner
        return choices
    policy = policy_registry.get_by_type(context["model_opts"].model)
    if not policy.user_has_permission(context["request"].user, "delete"):
        delete = reverse("wagtail_bulk_action", args=[app_label, model_name, "delete"])
        choices["buttons"] = [button for button in choices["buttons"] if getattr(button, "url", "") != delete]
    return choices
