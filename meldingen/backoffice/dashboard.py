"""The dashboard page and its CSV export."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.spreadsheet import Sheet, sheet_download
from meldingen.backoffice import kaart
from meldingen.backoffice.access import meldingen_view
from meldingen.backoffice.charts import bar_chart
from meldingen.backoffice.stats import figures_for


@meldingen_view
def dashboard(request):
    figures = figures_for(request.user, thema_names=kaart.thema_names())
    charts = [
        ("per-week", _("Meldingen per week"), _("Week"), figures.per_week, bar_chart(figures.per_week)),
        ("per-wijk", _("Meldingen per wijk"), _("Wijk"), figures.per_wijk, bar_chart(figures.per_wijk)),
        ("per-soort", _("Kort of uitgebreid"), _("Soort"), figures.per_soort, bar_chart(figures.per_soort)),
        (
            "verwezen",
            _("Verwezen naar voorliggende voorziening, per thema"),
            _("Thema"),
            figures.verwijzingen_per_thema,
            bar_chart(figures.verwijzingen_per_thema),
        ),
    ]
    return TemplateResponse(
        request,
        "backoffice/dashboard.html",
        {
            "figures": figures,
            "charts": charts,
            "kort_share": figures.soort_share("kort"),
            "uitgebreid_share": figures.soort_share("uitgebreid"),
            "page_title": _("Cijfers over de meldingen"),
            "header_icon": "table",
        },
    )


@meldingen_view
def dashboard_csv(request):
    figures = figures_for(request.user, thema_names=kaart.thema_names())
    sheet = Sheet(["onderdeel", "naam", "aantal"])
    for label, count in figures.per_week:
        sheet.row(["per week", label, count])
    for label, count in figures.per_wijk:
        sheet.row(["per wijk", label, count])
    for label, count in figures.per_soort:
        sheet.row(["soort", label, count])
    sheet.row(["onderzoek", "binnen 6 weken", figures.onderzoek_on_time])
    sheet.row(["onderzoek", "later dan 6 weken", figures.onderzoek_late])
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
    return sheet_download(sheet, "overzicht-meldingen.csv")
