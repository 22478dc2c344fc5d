"""The result list as CSV and as an A4 PDF for a professional to hand to a client.

Only what residents may see goes in: no professionals' contacts and no capacity.
"""

from datetime import date

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from core.context_processors import municipality_contact
from core.pdf import html_to_pdf
from core.spreadsheet import Sheet

from . import closures
from .templatetags.kaart_tags import km, kosten_tekst, wijk_namen

PAGE_SIZE = 100  # the search contract's largest page
LIMIT = 500  # a list to give a client; more is not a list anyone reads


def filename(extension: str, made_on: date) -> str:
    return f"sociale-kaart-{made_on.isoformat()}.{extension}"


def _address(voorziening) -> str:
    return " | ".join(
        op_locatie.locatie.adres for op_locatie in voorziening.op_locaties.all() if op_locatie.locatie.adres
    )


def _closed_for_now(voorziening) -> str:
    """A client sent to help that is closed for now goes in vain: the list says so, as the page does."""
    return _("ja") if voorziening.status == "tijdelijk_gesloten" else _("nee")


def rows_to_csv(rows) -> str:
    """The list for a spreadsheet program set to Dutch (core.spreadsheet)."""
    sheet = Sheet(
        [
            _("Naam"),
            _("Organisatie"),
            _("Wat is het"),
            _("Wijk"),
            _("Afstand"),
            _("Toegang"),
            _("Kosten"),
            _("Tijdelijk gesloten"),
            _("Aanmelden per telefoon"),
            _("Aanmelden per e-mail"),
            _("Aanmelden op internet"),
            _("Adres"),
            _("Meer informatie"),
        ]
    )
    for row in rows:
        voorziening = row.voorziening
        sheet.row(
            [
                voorziening.name,
                voorziening.organisatie.name,
                voorziening.summary,
                wijk_namen(voorziening),
                km(row.distance_km),
                voorziening.get_toegang_display(),
                kosten_tekst(voorziening),
                _closed_for_now(voorziening),
                voorziening.aanmelden_telefoon,
                voorziening.aanmelden_email,
                voorziening.aanmelden_url,
                _address(voorziening),
                settings.SITE_URL + voorziening.get_absolute_url(),
            ]
        )
    return sheet.text()


def describe_search(form) -> list[tuple[str, str]]:
    """What the visitor searched for, in words: [("Zoekwoorden", "maaltijd"), ("Onderwerp", "Maaltijden")]."""
    kwargs = form.search_kwargs()
    lines = []
    if kwargs["text"]:
        lines.append((_("Zoekwoorden"), kwargs["text"]))
    for name in form.filter_names:
        labels = dict(form.fields[name].choices)
        if kwargs[name]:
            lines.append(
                (str(form.fields[name].label), ", ".join(str(labels[code]) for code in kwargs[name]))
            )
    if kwargs["postcode"]:
        lines.append((_("In de buurt van postcode"), kwargs["postcode"]))
    if kwargs["alleen_mijn_wijk"]:
        lines.append((_("Alleen in de eigen wijk"), _("ja")))
    if form.value_for("plek_vrij", False):  # the list then leaves out help without places given this week
        lines.append((str(form.fields["plek_vrij"].label), _("ja")))
    return lines


def pdf_html(rows, *, total: int, description, made_on: date) -> str:
    """The HTML the PDF is printed from: a B1 heading, the date, the search in words, the list, each entry
    with its opening times and its closures as its page gives them (a client holds the paper for weeks)."""
    voorzieningen = [row.voorziening for row in rows]
    prefetch_related_objects(voorzieningen, "sluitingen", "op_locaties__openingstijden")
    return render_to_string(
        "socialekaart/export_pdf.html",
        {
            "entries": [(row, *closures.announced(row.voorziening, made_on)) for row in rows],
            "total": total,
            "shown": len(rows),
            "description": description,
            "made_on": made_on,
            "municipality": municipality_contact(),
            "site_url": settings.SITE_URL,
        },
    )


def rows_to_pdf(rows, *, total: int, description, made_on: date) -> bytes:
    return html_to_pdf(pdf_html(rows, total=total, description=description, made_on=made_on))
