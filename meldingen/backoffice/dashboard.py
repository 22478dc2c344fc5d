"""The dashboard page and its CSV export."""

from datetime import timedelta

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.spreadsheet import Sheet, sheet_download
from core.templatetags.core_tags import datum
from meldingen.backoffice import kaart
from meldingen.backoffice.access import meldingen_view
from meldingen.backoffice.charts import bar_chart
from meldingen.backoffice.forms import PeriodForm
from meldingen.backoffice.stats import WEEKS, figures_for
from meldingen.dates import BESCHIKKING_WEEKS, SPOED_WORKING_DAYS


def _figures(request):
    """The period form from the query string, and the figures over its period (over every melding while
    the form has errors, which the page then shows)."""
    form = PeriodForm(request.GET or None)
    van, tot = form.period()
    return form, figures_for(
        request.user, thema_names=kaart.thema_names(), received_from=van, received_until=tot
    )


def _per_week_title(figures, received_from) -> str:
    if received_from:
        return _("Meldingen per week, ontvangen in deze periode")
    if figures.last_day < timezone.localdate():
        return _("Meldingen per week, de %(weeks)s weken tot en met %(day)s") % {
            "weeks": WEEKS,
            "day": datum(figures.last_day),
        }
    return _("Meldingen per week, de laatste %(weeks)s weken") % {"weeks": WEEKS}


@meldingen_view
def dashboard(request):
    form, figures = _figures(request)
    van, tot = form.period()
    period_chosen = bool(van or tot)
    no_meldingen = _("Nog geen meldingen.")
    charts = [
        _chart(
            "per-week",
            _per_week_title(figures, van),
            _("Week"),
            figures.per_week,
            no_meldingen,
            note=_cut_weeks(figures) if period_chosen else "",
            table_rows=[
                (_week_label(label, monday), count) for monday, (label, count) in _with_mondays(figures)
            ],
        ),
        _chart("per-wijk", _("Meldingen per wijk"), _("Wijk"), figures.per_wijk, no_meldingen),
        _chart("per-soort", _("Kort of uitgebreid"), _("Soort"), figures.per_soort, no_meldingen),
        _chart(
            "verwezen",
            _("Verwezen naar voorliggende voorziening, per thema"),
            _("Thema"),
            figures.verwijzingen_per_thema,
            _("Nog geen verwijzingen."),
        ),
    ]
    return TemplateResponse(
        request,
        "backoffice/dashboard.html",
        {
            "figures": figures,
            "period_form": form,
            "period_chosen": period_chosen,
            "query": request.GET.urlencode(),
            "has_errors": bool(form.errors),
            "error_forms": [form] if form.errors else [],
            "charts": charts,
            "kort_share": figures.soort_share("kort"),
            "uitgebreid_share": figures.soort_share("uitgebreid"),
            "contact_days": settings.MELDINGEN_CONTACT_WORKING_DAYS,
            "spoed_contact_days": SPOED_WORKING_DAYS,
            "onderzoek_weeks": settings.MELDINGEN_ONDERZOEK_WEEKS,
            "beschikking_weeks": BESCHIKKING_WEEKS,
            "nazorg_days": settings.BACKOFFICE_NAZORG_WORKING_DAYS,
            "page_title": _("Cijfers over de meldingen"),
            "header_icon": "table",
        },
    )


def _chart(
    slug: str, title: str, column: str, rows: list, empty: str, note: str = "", table_rows=None
) -> dict:
    """A bar chart with its table (`table_rows`: longer labels for the table than the bars have room for);
    when every count is 0 (or there are none), `empty` says so instead."""
    drawn = any(count for _label, count in rows)
    return {
        "slug": slug,
        "title": title,
        "column": column,
        "rows": table_rows or rows,
        "chart": bar_chart(rows) if drawn else None,
        "empty": empty,
        "note": note,
    }


def _with_mondays(figures):
    """Each week with its Monday: "week 38" alone said neither the days nor the year (the chart's weeks are
    consecutive, from `first_week`)."""
    return [(figures.first_week + timedelta(weeks=i), week) for i, week in enumerate(figures.per_week)]


def _week_label(label: str, monday) -> str:
    """ "week 49, vanaf 30 nov. 2026", and for the week still running "(loopt nog)": its count read as low."""
    text = _("%(week)s, vanaf %(monday)s") % {"week": label, "monday": datum(monday)}
    if monday + timedelta(days=6) >= timezone.localdate():
        text += " " + _("(loopt nog)")
    return text


def _cut_weeks(figures) -> str:
    """A period that starts after a Monday or ends before a Sunday has a first or last week of a few days:
    its bar is low because the period cuts it, not because fewer meldingen came in."""
    notes = []
    if figures.first_day and figures.first_week < figures.first_day:
        notes.append(
            _("De eerste week telt alleen de meldingen vanaf %(day)s.") % {"day": datum(figures.first_day)}
        )
    if figures.last_day.weekday() != 6:
        notes.append(
            _("De laatste week telt alleen de meldingen tot en met %(day)s.")
            % {"day": datum(figures.last_day)}
        )
    return " ".join(notes)


@meldingen_view
def dashboard_csv(request):
    form, figures = _figures(request)
    if form.errors:  # never figures over another period than the one asked for
        return dashboard(request)
    sheet = Sheet(["onderdeel", "naam", "aantal"])
    # The period in the column of names: the column of numbers holds numbers only.
    sheet.row(["periode", f"ontvangen van {_iso(figures.first_day)} tot en met {_iso(figures.last_day)}", ""])
    sheet.row(["totaal", "meldingen", figures.total])
    sheet.row(["totaal", "dubbele meldingen, niet meegeteld", figures.doubles])
    sheet.row(["totaal", "nu te laat", figures.overdue])
    for monday, (label, count) in _with_mondays(figures):
        sheet.row(["per week", f"{label} ({_iso(monday)})", count])
    for label, count in figures.per_wijk:
        sheet.row(["per wijk", label, count])
    for label, count in figures.per_soort:
        sheet.row(["soort", label, count])
    sheet.row(["eerste contact", "op tijd", figures.contact_on_time])
    sheet.row(["eerste contact", "te laat of nog niet", figures.contact_late])
    weeks = settings.MELDINGEN_ONDERZOEK_WEEKS
    sheet.row(["onderzoek", f"binnen {weeks} weken", figures.onderzoek_on_time])
    sheet.row(["onderzoek", f"later dan {weeks} weken", figures.onderzoek_late])
    sheet.row(
        ["beschikking", f"binnen {BESCHIKKING_WEEKS} weken na de aanvraag", figures.beschikking_on_time]
    )
    sheet.row(
        ["beschikking", f"later dan {BESCHIKKING_WEEKS} weken na de aanvraag", figures.beschikking_late]
    )
    for thema, wijk, count in figures.verwijzingen:
        sheet.row(["verwezen naar voorliggende voorziening", f"{thema} / {wijk}", count])
    sheet.row(["nazorg", "op tijd gebeld", figures.nazorg_in_time])
    sheet.row(["nazorg", "te laat of niet gebeld", figures.nazorg_late])
    sheet.row(["nazorg", "tevreden", figures.nazorg_tevreden])
    sheet.row(["nazorg", "niet tevreden", figures.nazorg_niet_tevreden])
    sheet.row(
        [
            "doorlooptijd",
            "mediaan in dagen",
            figures.median_lead_days if figures.median_lead_days is not None else "",
        ]
    )
    name = "overzicht-meldingen"
    van, tot = form.period()
    if van or tot:  # each period a name of its own: two downloads of other periods overwrote each other
        first = f"-{_iso(figures.first_day)}" if figures.first_day else ""
        name += f"{first}-tot-{_iso(figures.last_day)}"
    return sheet_download(sheet, f"{name}.csv")


def _iso(day) -> str:
    return day.isoformat() if day else ""
