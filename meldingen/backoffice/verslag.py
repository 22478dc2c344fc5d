"""The verslag of the onderzoek: what the melding's page shows of it, and the letter the resident gets, as a
PDF (Wmo 2015 art. 2.3.2 lid 8: the resident gets the outcome of the onderzoek in writing)."""

from django.template.loader import render_to_string
from django.utils import timezone

from core.context_processors import municipality_contact
from core.pdf import html_to_pdf
from meldingen.backoffice.forms import VerslagForm
from meldingen.backoffice.models import Verslag
from meldingen.formatting import address_lines


def latest(behandeling) -> Verslag | None:
    return behandeling.verslagen.select_related("author").last()


def sent_before(behandeling, verslag: Verslag) -> Verslag | None:
    """The latest version before `verslag` that went to the resident: a walk's consulent changed a sent
    verslag, and then nothing said the resident had another text. Its letter says which one it replaces."""
    earlier = behandeling.verslagen.filter(pk__lt=verslag.pk, sent_at__isnull=False)
    return earlier.order_by("created_at", "pk").last()


def may_record_sent(behandeling, verslag: Verslag | None) -> bool:
    """Whether "Brief verstuurd" may be recorded for the latest version, `verslag`: not sent yet, with its
    text and the melding's data still there, once the onderzoek is finished (the first letter is usually
    recorded with "Onderzoek afgerond"; written after that, or changed, it is recorded on its own)."""
    return (
        verslag is not None
        and verslag.sent_at is None
        and bool(verslag.encrypted_text and behandeling.melding.encrypted_answers)
        and behandeling.onderzoek_afgerond_at is not None
    )


def verslag_context(behandeling, form=None) -> dict:
    """The form (with the latest text to go on from), the latest verslag, the version sent before it and
    whether this one may be recorded as sent, for the melding's page."""
    verslag = latest(behandeling)
    has_text = verslag is not None and verslag.encrypted_text
    initial = {"verslag": verslag.text} if has_text else {}
    unsent = has_text and verslag.sent_at is None
    return {
        "verslag": verslag,
        "verslag_sent_before": sent_before(behandeling, verslag) if unsent else None,
        "verslag_may_record_sent": may_record_sent(behandeling, verslag),
        "verslag_form": form or VerslagForm(initial=initial),
    }


def letter_html(behandeling, verslag: Verslag) -> str:
    """The letter: the resident's name and address, the gesprek, the verslag's text, the help discussed or
    referred to, and whom to call when something is not right."""
    melding = behandeling.melding
    answers = melding.typed_answers
    return render_to_string(
        "backoffice/verslag_pdf.html",
        {
            "melding": melding,
            "behandeling": behandeling,
            "name": answers.resident_name,
            "address": address_lines(answers.resident),
            # Said only when it was: a verslag may be written before the gesprek.
            "gesprek_was": behandeling.gesprek_op and behandeling.gesprek_op <= timezone.now(),
            "paragraphs": [part.strip() for part in verslag.text.split("\n\n") if part.strip()],
            "verwijzingen": melding.verwijzingen.all(),
            "written_on": timezone.localdate(verslag.created_at),
            "replaces": sent_before(behandeling, verslag),
            "municipality": municipality_contact(),
        },
    )


def letter_pdf(behandeling, verslag: Verslag) -> bytes:
    return html_to_pdf(letter_html(behandeling, verslag))
