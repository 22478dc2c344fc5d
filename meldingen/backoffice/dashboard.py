"""The dashboard page and its CSV export."""

import csv

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

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
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="overzicht-meldingen.csv"'
    writer = csv.writer(response)
    writer.writerow(["onderdeel", "naam", "aantal"])
    for label, count in figures.per_week:
        writer.writerow(["per week", label, count])
    for label, count in figures.per_wijk:
        writer.writerow(["per wijk", label, count])
    for label, count in figures.per_soort:
        writer.writerow(["soort", label, count])
    writer.writerow(["onderzoek", "binnen 6 weken", figures.onderzoek_on_time])
    writer.writerow(["onderzoek", "later dan 6 weken", figures.onderzoek_late])
    for thema, wijk, count in figures.verwijzingen:
        writer.writerow(["verwezen naar voorliggende voorziening", f"{thema} / {wijk}", count])
    writer.writerow(["nazorg", "op tijd gebeld", figures.nazorg_in_time])
    writer.writerow(["nazorg", "te laat of niet gebeld", figures.nazorg_late])
    writer.writerow(["nazorg", "tevreden", figures.nazorg_tevreden])
    writer.writerow(["nazorg", "niet tevreden", figures.nazorg_niet_tevreden])
    writer.writerow(
        [
            "doorlooptijd",
            "mediaan in dagen",
            figures.median_lead_days if figures.median_lead_days is not None else "",
        ]
    )
    return response
