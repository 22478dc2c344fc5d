"""The provider's panel on the Wagtail admin home: "Werk uw beschikbaarheid bij", with the date of the
last update. Only a provider's login sees it, at the top of its dashboard."""

from django.urls import NoReverseMatch, reverse
from wagtail.admin.ui.components import Component

from .capacity_reminders import oldest_update
from .models import CAPACITEIT_VEROUDERD_NA, Capaciteit
from .permissions import organisatie_id_of


class CapaciteitPanel(Component):
    name = "socialekaart_capaciteit"
    template_name = "socialekaart/admin/capaciteit_panel.html"
    order = 1  # first: a provider's dashboard opens on it

    def __init__(self, organisatie_id):
        self.organisatie_id = organisatie_id

    def get_context_data(self, parent_context):
        from django.db.models import Max
        from django.utils import timezone

        records = Capaciteit.objects.filter(voorziening__organisatie_id=self.organisatie_id)
        oldest = oldest_update(self.organisatie_id)
        try:
            url = reverse("wagtailsnippets_socialekaart_capaciteit:list")
        except NoReverseMatch:
            url = reverse("wagtailadmin_home")
        return {
            "oldest": oldest,
            "newest": records.aggregate(newest=Max("bijgewerkt_op"))["newest"],
            "stale": oldest is not None and timezone.now() - oldest > CAPACITEIT_VEROUDERD_NA,
            "count": records.count(),
            "url": url,
        }


def add_capaciteit_panel(request, panels):
    organisatie_id = organisatie_id_of(request.user)
    if organisatie_id is not None:
        panels.insert(0, CapaciteitPanel(organisatie_id))
