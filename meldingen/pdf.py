"""The melding as an A4 PDF: for the resident to keep and for the backoffice's document upload."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone


def melding_pdf(melding) -> bytes:
    from weasyprint import HTML  # imported on use: loading its fonts is slow

    html = render_to_string(
        "meldingen/pdf.html",
        {
            "melding": melding,
            "sections": melding.summary_sections(),
            "created_at": timezone.localtime(melding.created_at),
            "municipality": {
                "name": settings.MUNICIPALITY_NAME,
                "phone": settings.MUNICIPALITY_PHONE,
                "email": settings.MUNICIPALITY_EMAIL,
            },
        },
    )
    # No base_url: the document needs no outside files, so nothing is fetched while rendering.
    return HTML(string=html).write_pdf()
