"""The kaart's links are stable (DESIGN.md): when an editor changes a voorziening's link name, its old
address leads to the new one (a permanent redirect of Wagtail's redirects app) instead of a 404. A provider
cannot change it at all; an editor's change broke every link to the page, in letters and on other sites."""

from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect

from .models import Voorziening


def _path(slug: str) -> str:
    return reverse("socialekaart:detail", args=[slug])


@receiver(pre_save, sender=Voorziening, dispatch_uid="socialekaart.keep_the_old_link")
def keep_the_old_link(sender, instance, raw=False, **kwargs):
    if raw or instance._state.adding:
        return
    old = sender.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
    if not old or old == instance.slug:
        return
    Redirect.objects.update_or_create(
        old_path=Redirect.normalise_path(_path(old)),
        site=None,
        defaults={"redirect_link": _path(instance.slug), "is_permanent": True, "automatically_created": True},
    )
