"""Dashboard figures, charts with tables beside them, and the CSV export."""

import re
from datetime import datetime, time, timedelta

from django.urls import reverse
from django.utils import formats, timezone

from core.templatetags.core_tags import datum
from meldingen.backoffice.charts import CHAR_WIDTH, bar_chart
from meldingen.backoffice.stats import figures_for
from meldingen.backoffice.workflow import Status

from .fixtures import store


def _finish(melding, after_days):
    behandeling = melding.behandeling
    at = melding.created_at + timedelta(days=after_days)
    for status in (
        Status.CONTACT_OPGENOMEN,
        Status.GESPREK_GEPLAND,
        Status.ONDERZOEK_AFGEROND,
        Status.AFGEHANDELD,
    ):
        behandeling.change_status(status, at=at)


def test_figures(staff, teams):
    now = timezone.now()
    _finish(store(created_at=now - timedelta(days=60)), after_days=20)  # on time, lead time 20
    _finish(store(created_at=now - timedelta(days=75), soort="kort"), after_days=50)  # late, lead time 50
    store(created_at=now - timedelta(days=50))  # still open after 6 weeks: late
    store(postcode="3913 AC")  # new: does not count yet
    figures = figures_for(staff["teamleider"])
    assert figures.total == 4 and figures.overdue == 1
    assert (figures.onderzoek_on_time, figures.onderzoek_late, figures.on_time_share) == (1, 2, 33.3)
    assert figures.median_lead_days == 35.0
    assert dict(figures.per_wijk) == {"Centrum": 3, "Oude Haven": 1}
    assert figures.soort_share("kort") == 25.0
    assert sum(count for _week, count in figures.per_week) == 4  # all within the last 12 weeks
    assert len(figures.per_week) == 12


def test_the_wijken_come_by_name_and_meldingen_outside_every_wijk_last(staff, teams):
    from socialekaart.models import Wijk

    Wijk.objects.filter(name="Centrum").update(name="Zuid")  # by name now after Oude Haven, by key before
    store(postcode="3911 AB")
    store(postcode="3913 AC")
    store(postcode="9999 ZZ")  # not in the municipality
    figures = figures_for(staff["teamleider"])
    assert figures.per_wijk == [("Oude Haven", 1), ("Zuid", 1), ("Onbekende wijk", 1)]


def test_a_wijk_without_meldingen_is_listed_with_0_for_who_sees_it(staff, teams):
    """A walk: Cijfers over November left out the two wijken without a melding, in the chart, the table and
    the CSV. A consulent sees only her team's wijken: the others are not hers to count."""
    store(postcode="3911 AB")  # Centrum
    assert figures_for(staff["teamleider"]).per_wijk == [("Centrum", 1), ("Oude Haven", 0)]
    assert figures_for(staff["consulent"]).per_wijk == [("Centrum", 1)]
    assert figures_for(staff["consulent_haven"]).per_wijk == [("Oude Haven", 0)]  # her own wijk, with none


def test_page_has_svg_charts_and_tables(staff, teams, client):
    store()
    client.force_login(staff["teamleider"])
    html = client.get(reverse("backoffice:dashboard")).content.decode()
    # Per week, per wijk, kort or uitgebreid: each a chart with its table; no referrals yet, so no chart.
    assert html.count('<svg class="bo-chart__svg"') == 3
    assert html.count("<caption>") == 3 and "Meldingen per wijk (tabel)" in html
    referrals = html[html.index('id="verwezen-heading"') : html.index('id="verwezen-wijk-heading"')]
    assert (
        "<svg" not in referrals and "<table" not in referrals and "<p>Nog geen verwijzingen.</p>" in referrals
    )
    # Coordinates are never written with a Dutch decimal comma (that would put every bar at 0).
    assert not re.search(r'\b(x|y|width|height)="[0-9]+,[0-9]', html)


def test_chart_labels_that_would_run_into_each_other_are_thinned():
    """With a quarter (14 weeks) chosen, the week labels ran into each other at 1280 px."""

    def labels(rows):
        return [bar.label for bar in bar_chart(rows)["bars"]]

    quarter = [(f"week {number}", 1) for number in range(36, 50)]
    assert labels(quarter) == [f"week {number}" if number % 2 else "" for number in range(36, 50)]  # 49 too
    chart = bar_chart([("week 35", 1), *quarter])  # 15 weeks: the first labelled too
    first = chart["bars"][0]
    assert first.label and first.label_x - len(first.label) * CHAR_WIDTH / 2 >= chart["view_x"]  # was cut
    assert labels(quarter[:10]) == [label for label, _count in quarter[:10]]  # 10 weeks fit
    assert labels(quarter[:12])[-2:] == ["", "week 47"]  # 12 ran together, 2 px apart
    wijken = [("Dorpen Ellekoot en Raveld", 3), *((f"Wijk {n}", 1) for n in range(6))]
    assert labels(wijken) == ["Dorpen Elle…", *(f"Wijk {n}" for n in range(6))]  # cut, as before


def test_without_meldingen_no_chart_is_drawn_and_each_says_so(staff, teams, client):
    client.force_login(staff["teamleider"])
    html = client.get(reverse("backoffice:dashboard")).content.decode()
    assert "bo-chart__svg" not in html and "<caption>" not in html
    assert html.count("<p>Nog geen meldingen.</p>") == 3


def test_meldingen_still_in_onderzoek_are_not_called_no_onderzoeken(staff, teams, client):
    """A walk: a month of eight meldingen in onderzoek said "Onderzoek binnen 6 weken: Nog geen
    onderzoeken"; a later walk read "Nog geen onderzoek afgerond of te laat" as a status, not as nothing yet
    to count."""
    store()
    client.force_login(staff["teamleider"])
    html = client.get(reverse("backoffice:dashboard")).content.decode()
    nothing_yet = "Nog niets te tellen. Er is nog geen onderzoek klaar, en er is nog geen onderzoek te laat."
    assert f"<dd>{nothing_yet}</dd>" in html


def test_csv_export(staff, teams, client):
    store()
    client.force_login(staff["teamleider"])
    response = client.get(reverse("backoffice:dashboard_csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = response.content.decode().splitlines()
    # For a spreadsheet program set to Dutch (core.spreadsheet): a byte order mark and semicolons.
    assert rows[0] == "\ufeffonderdeel;naam;aantal" and "per wijk;Centrum;1" in rows


def test_median_lead_time_is_the_middle_one_or_the_average_of_the_middle_two(staff, teams, client):
    now = timezone.now()
    for days in (30, 10, 20):
        _finish(store(created_at=now - timedelta(days=60)), after_days=days)
    assert figures_for(staff["teamleider"]).median_lead_days == 20.0
    _finish(store(created_at=now - timedelta(days=60)), after_days=25)
    assert figures_for(staff["teamleider"]).median_lead_days == 22.5
    store()  # open: no lead time yet
    assert figures_for(staff["teamleider"]).median_lead_days == 22.5
    # The page as the CSV says it: a walk read "23 dagen" on the page and 22,5 in the CSV.
    client.force_login(staff["teamleider"])
    assert "<dd>22,5 dagen</dd>" in client.get(reverse("backoffice:dashboard")).content.decode()
    assert "mediaan in dagen;22,5" in client.get(reverse("backoffice:dashboard_csv")).content.decode()


def test_each_week_says_from_which_day_in_the_table_and_the_spreadsheet(staff, teams, client):
    """A walk: "week 38 ... week 49" said neither the days nor the year."""
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    store(created_at=timezone.now())
    client.force_login(staff["teamleider"])
    week = f"week {monday.isocalendar()[1]}"
    page = client.get(reverse("backoffice:dashboard")).content.decode()
    assert f'<th scope="row">{week}, vanaf {datum(monday)} (loopt nog)</th><td>1</td>' in page
    earlier = monday - timedelta(weeks=1)
    assert f'<th scope="row">week {earlier.isocalendar()[1]}, vanaf {datum(earlier)}</th>' in page
    sheet = client.get(reverse("backoffice:dashboard_csv")).content.decode()
    assert f"per week;{week} ({monday.isoformat()});1" in sheet


def test_the_chart_per_week_counts_the_last_twelve_weeks_only(staff, teams):
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    # Just after midnight of each local day: "now" 11 weeks back crossed midnight over a change of summer time
    # (on a Sunday evening, into the next week), and the test failed then.
    for weeks in (0, 11, 13):
        store(created_at=timezone.make_aware(datetime.combine(today - timedelta(weeks=weeks), time(0, 30))))
    figures = figures_for(staff["teamleider"])
    assert figures.total == 3
    assert [count for _week, count in figures.per_week] == [1] + [0] * 10 + [1]
    assert figures.per_week[-1][0] == f"week {monday.isocalendar()[1]}"


def test_the_rules_under_the_figures_say_the_terms_that_count(staff, teams, client, settings):
    settings.MELDINGEN_ONDERZOEK_WEEKS = 8
    settings.BACKOFFICE_NAZORG_WORKING_DAYS = 3
    store()
    client.force_login(staff["teamleider"])
    html = " ".join(client.get(reverse("backoffice:dashboard")).content.decode().split())
    assert "Onderzoek binnen 8 weken" in html and "als de 8 weken voorbij zijn" in html
    assert "uiterlijk 3 werkdagen na de geplande dag" in html and "een paar werkdagen" not in html
    assert "onderzoek;binnen 8 weken;" in client.get(reverse("backoffice:dashboard_csv")).content.decode()


def test_the_figures_name_their_period_and_their_unit(staff, teams, client):
    """A teamleider read "Meldingen 32" and "37,0 dagen" without knowing over which time, or what a median
    lead time says."""
    now = timezone.now()
    first = store(created_at=now - timedelta(days=200))
    _finish(first, after_days=20)
    _finish(store(created_at=now - timedelta(days=60)), after_days=50)
    client.force_login(staff["teamleider"])
    html = " ".join(client.get(reverse("backoffice:dashboard")).content.decode().split())
    received = formats.date_format(timezone.localdate(first.created_at), "j F Y")
    assert f"Over alle meldingen die u mag zien: ontvangen van {received} tot en met vandaag." in html
    assert "<dd>35 dagen</dd>" in html and "de helft van de afgehandelde meldingen" in html
    assert "Meldingen per week, de laatste 12 weken" in html
    assert "<dd>-</dd>" not in html


def test_a_period_gives_the_figures_of_the_meldingen_received_in_it(staff, teams, client):
    """A teamleider reports per quarter: the figures counted every melding since the first."""
    today = timezone.localdate()
    now = timezone.now()
    store(created_at=now - timedelta(days=100))
    store(created_at=now - timedelta(days=40), soort="kort")
    store(created_at=now - timedelta(days=35))
    store(created_at=now)
    van, tot = today - timedelta(days=50), today - timedelta(days=30)
    figures = figures_for(staff["teamleider"], received_from=van, received_until=tot)
    assert figures.total == 2 and figures.soort_share("kort") == 50.0
    assert (figures.first_day, figures.last_day) == (van, tot)
    # Every week of the period and no other: weeks before it showed 0 where meldingen came in.
    weeks = {f"week {day.isocalendar()[1]}" for day in (van, tot)}
    assert {figures.per_week[0][0], figures.per_week[-1][0]} == weeks
    assert sum(count for _week, count in figures.per_week) == 2
    since = figures_for(staff["teamleider"], received_from=van)  # until today
    assert since.total == 3 and since.per_week[0][0] == f"week {van.isocalendar()[1]}"

    client.force_login(staff["teamleider"])
    query = {"van": van.strftime("%d-%m-%Y"), "tot": tot.strftime("%d-%m-%Y")}
    html = " ".join(client.get(reverse("backoffice:dashboard"), query).content.decode().split())
    day = formats.date_format(tot, "j F Y")
    assert f"ontvangen van {formats.date_format(van, 'j F Y')} tot en met {day}." in html
    assert "<dt>Meldingen</dt><dd>2</dd>" in html and "Meldingen per week, ontvangen in deze periode" in html
    assert "over_termijn=on" not in html  # the inbox lists the late ones of every period
    rows = client.get(reverse("backoffice:dashboard_csv"), query).content.decode().splitlines()
    assert f"periode;ontvangen van {van.isoformat()} tot en met {tot.isoformat()};" in rows
    assert "totaal;meldingen;2" in rows
    only_until = " ".join(
        client.get(reverse("backoffice:dashboard"), {"tot": query["tot"]}).content.decode().split()
    )
    assert f"de 12 weken tot en met {datum(tot)}" in only_until


def test_a_period_says_when_its_first_or_last_week_is_cut(staff, teams, client):
    """A period from a Thursday counts its first week from Thursday only: its bar read as a quiet week."""
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday() + 28)
    thursday, sunday = monday + timedelta(days=3), monday + timedelta(days=13)
    store(created_at=timezone.now() - timedelta(days=timezone.localdate().weekday() + 20))  # its 2nd Tuesday
    client.force_login(staff["teamleider"])

    def note(van, tot):
        query = {"van": van.strftime("%d-%m-%Y"), "tot": tot.strftime("%d-%m-%Y")}
        html = " ".join(client.get(reverse("backoffice:dashboard"), query).content.decode().split())
        return html.split('id="per-week-heading"', 1)[1].split("</section>", 1)[0]

    assert f"De eerste week telt alleen de meldingen vanaf {datum(thursday)}." in note(thursday, sunday)
    assert "De laatste week" not in note(thursday, sunday)
    cut_at_both_ends = note(thursday, sunday - timedelta(days=1))
    assert "De eerste week" in cut_at_both_ends and "De laatste week telt alleen" in cut_at_both_ends
    assert "telt alleen" not in note(monday, sunday)
    today = timezone.localdate()
    until_later = note(thursday, today + timedelta(days=30))  # the last week counted is this one, until today
    assert f"tot en met {datum(today)}." in until_later or today.weekday() == 6
    assert datum(today + timedelta(days=30)) not in until_later
    # A period longer than the chart (53 weeks): its first bar is a whole week.
    assert "De eerste week" not in note(thursday - timedelta(weeks=60), sunday)


def test_a_period_that_ends_before_it_starts_is_refused_in_plain_words(staff, teams, client):
    store()
    client.force_login(staff["teamleider"])
    query = {"van": "1-10-2026", "tot": "1-7-2026"}
    response = client.get(reverse("backoffice:dashboard"), query)
    html = response.content.decode()
    # The summary names the date it is about: a walk's "Deze datum ligt na vandaag." did not say which.
    assert "Ontvangen tot en met: deze datum ligt voor de datum bij &#x27;Ontvangen vanaf&#x27;." in html
    assert 'value="1-7-2026"' in html  # what was typed stays
    assert "<dt>Meldingen</dt><dd>1</dd>" in html  # the figures of every melding meanwhile, said so at once
    said = "<strong>De periode klopt nog niet. Daarom ziet u hier de cijfers van alle meldingen.</strong>"
    assert said in html
    assert "Download deze cijfers als CSV" not in html
    csv = client.get(reverse("backoffice:dashboard_csv"), query)
    assert not csv["Content-Type"].startswith("text/csv")  # no figures over another period than asked


def test_a_period_that_starts_after_today_is_refused(staff, teams, client):
    """ "Ontvangen vanaf 1-1-2030" gave figures "van 1 januari 2030 tot en met" today."""
    from datetime import timedelta

    from django.utils import timezone

    store()
    client.force_login(staff["teamleider"])
    tomorrow = timezone.localdate() + timedelta(days=1)
    typed = f"{tomorrow.day}-{tomorrow.month}-{tomorrow.year}"
    html = client.get(reverse("backoffice:dashboard"), {"van": typed}).content.decode()
    assert "Deze datum ligt na vandaag. Kies vandaag of een eerdere datum." in html
    assert f'value="{typed}"' in html
    today = timezone.localdate()
    html = client.get(reverse("backoffice:dashboard"), {"van": f"{today.day}-{today.month}-{today.year}"})
    assert "Deze datum ligt na vandaag" not in html.content.decode()
    # With an end before it, both are said at once: a walk's teamleider mended one and then met the other.
    both = client.get(reverse("backoffice:dashboard"), {"van": typed, "tot": "1-1-2026"}).content.decode()
    assert "Ontvangen vanaf: deze datum ligt na vandaag." in both
    assert "Ontvangen tot en met: deze datum ligt voor de datum bij" in both


def test_the_first_contact_counts_once_made_or_once_its_term_is_over(staff, teams, client):
    """A walk: a first contact made 11 working days late left "Nu te laat", and no figure on this page or in
    its CSV counted it: a teamleider could not see that first contacts came late."""
    now = timezone.now()
    on_time = store(created_at=now - timedelta(days=30))
    on_time.behandeling.change_status(Status.CONTACT_OPGENOMEN, at=on_time.created_at + timedelta(days=1))
    late = store(created_at=now - timedelta(days=30))
    late.behandeling.change_status(Status.CONTACT_OPGENOMEN, at=late.created_at + timedelta(days=20))
    store(created_at=now - timedelta(days=30))  # no contact, its term over: late
    store()  # no contact yet, within its term: not counted yet
    withdrawn = store(created_at=now - timedelta(days=30))
    withdrawn.behandeling.change_status(Status.INGETROKKEN, toelichting="Verhuisd.")  # closed: not counted
    figures = figures_for(staff["teamleider"])
    assert (figures.contact_on_time, figures.contact_late, figures.contact_on_time_share) == (1, 2, 33.3)
    client.force_login(staff["teamleider"])
    html = client.get(reverse("backoffice:dashboard")).content.decode()
    assert "<dt>Eerste contact op tijd</dt><dd>33,3% (1 van 3)</dd>" in html
    rows = client.get(reverse("backoffice:dashboard_csv")).content.decode().splitlines()
    assert "eerste contact;op tijd;1" in rows and "eerste contact;te laat of nog niet;2" in rows


def test_a_period_downloads_under_a_name_of_its_own(staff, teams, client):
    """A walk: every period's CSV came as overzicht-meldingen.csv, the next one over the last."""
    client.force_login(staff["teamleider"])
    url = reverse("backoffice:dashboard_csv")
    assert 'filename="overzicht-meldingen.csv"' in client.get(url)["Content-Disposition"]
    period = client.get(url, {"van": "1-11-2026", "tot": "30-11-2026"})["Content-Disposition"]
    assert 'filename="overzicht-meldingen-2026-11-01-tot-2026-11-30.csv"' in period


def test_the_contacts_made_before_the_figure_was_kept_are_counted_too(staff, teams):
    """The migration that keeps whether each first contact came in time fills it in for the contacts made
    before it, on their local date: one written down at 23:30 on its last day was in time."""
    import importlib

    from django.apps import apps

    from meldingen.backoffice.models import Behandeling

    migration = importlib.import_module("meldingen.backoffice.migrations.0045_contact_op_tijd")
    in_time, late = store(), store()
    last_day = in_time.behandeling.contact_deadline
    evening = timezone.make_aware(datetime.combine(last_day, time(23, 30)))
    in_time.behandeling.change_status(Status.CONTACT_OPGENOMEN, at=evening)
    late.behandeling.change_status(Status.CONTACT_OPGENOMEN, at=evening + timedelta(hours=1))
    not_yet = store()
    Behandeling.objects.update(contact_op_tijd=None)  # as before the field
    migration.keep_whether_each_contact_came_in_time(apps, None)
    kept = dict(Behandeling.objects.values_list("melding_id", "contact_op_tijd"))
    assert (kept[in_time.pk], kept[late.pk], kept[not_yet.pk]) == (True, False, None)
