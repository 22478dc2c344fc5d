"""The melding as an A4 PDF: for the resident to keep and for the backoffice's document upload."""

from django.template.loader import render_to_string
from django.utils import timezone

from core.context_processors import municipality_contact
from core.pdf import html_to_pdf

from .confirmation import what_happens_next


def melding_pdf(melding) -> bytes:
    return html_to_pdf(melding_pdf_html(melding))


def melding_pdf_html(melding) -> str:
    """The PDF's HTML: what the resident reads, also for the taalcheck."""
    return render_to_string(
        "meldingen/pdf.html",
        {
            "melding": melding,
            "sections": melding.summary_sections(),
            "created_at": timezone.localtime(melding.created_at),
            **what_happens_next(melding),  # as the confirmation page (a walk found the tolk only there)
            "writer_email": melding.contact_email,  # who gave one is not asked "Hebt u geen e-mail?"
            "municipality": municipality_contact(),
        },
    )
