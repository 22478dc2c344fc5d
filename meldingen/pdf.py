"""The melding as an A4 PDF: for the resident to keep and for the backoffice's document upload."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from core.pdf import html_to_pdf

from .dates import next_steps
from .forms import person_words


def melding_pdf(melding) -> bytes:
    return html_to_pdf(melding_pdf_html(melding))


def melding_pdf_html(melding) -> str:
    """The PDF's HTML: what the resident reads, also for the taalcheck."""
    answers = melding.typed_answers
    return render_to_string(
        "meldingen/pdf.html",
        {
            "melding": melding,
            "sections": melding.summary_sections(),
            "created_at": timezone.localtime(melding.created_at),
            # The same dates the confirmation page and the e-mail give; for someone else about the person.
            "next": next_steps(melding),
            "persoon": person_words(answers.voor_wie)["persoon"] if answers.for_someone_else else "",
            "tolk": answers.tolk,  # said on the confirmation page too (a walk found it only there)
            "clientondersteuner": answers.clientondersteuner,
            "writer_comes": answers.writer_comes,
            "writer_email": melding.contact_email,  # who gave one is not asked "Hebt u geen e-mail?"
            "municipality": {
                "name": settings.MUNICIPALITY_NAME,
                "phone": settings.MUNICIPALITY_PHONE,
                "email": settings.MUNICIPALITY_EMAIL,
            },
        },
    )
