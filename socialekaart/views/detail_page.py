"""The page of one voorziening."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .access import is_professional
from .results import detail_queryset, related_voorzieningen
from .search_page import kaart_breadcrumbs


@require_GET
def detail(request, slug):
    professional = is_professional(request.user)
    voorziening = get_object_or_404(detail_queryset(professional=professional), slug=slug)
    contacten = list(voorziening.contacten.all())
    context = {
        "voorziening": voorziening,
        "professional": professional,
        "contacten_inwoners": [contact for contact in contacten if not contact.voor_professionals],
        "contacten_professionals": [contact for contact in contacten if contact.voor_professionals]
        if professional
        else [],
        "capaciteit": list(voorziening.capaciteit.all()) if professional else [],
        "related": related_voorzieningen(voorziening),
        # The organisation's traffic lights for this voorziening's themes (written by the klachten app).
        "stoplichten": list(
            voorziening.organisatie.stoplichten.filter(thema__in=voorziening.themas.all()).select_related(
                "thema"
            )
        ),
        "breadcrumbs": kaart_breadcrumbs({"url": voorziening.get_absolute_url(), "title": voorziening.name}),
    }
    return render(request, "socialekaart/detail.html", context)
