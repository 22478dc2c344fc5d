"""The inbox: filters, search by reference or name, counts per status, deadline order, pagination."""

import csv
import io
import re
from datetime import date, datetime, time, timedelta
from urllib.parse import parse_qsl

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meldingen.backoffice import roles
from meldingen.backoffice.models import Behandeling
from meldingen.backoffice.templatetags.backoffice_tags import datum, time_left
from meldingen.backoffice.workflow import Status
from meldingen.workdays import add_working_days, working_days_between

from .fixtures import make_user, store


@pytest.fixture
def leider(staff, client):
    client.force_login(staff["teamleider"])
    return client


def _references(client, **params):
    if "q" in params:  # the search is posted, as the form does
        response = client.post(reverse("backoffice:inbox"), params, follow=True)
    else:
        response = client.get(reverse("backoffice:inbox"), params)
    assert response.status_code == 200
    return [item.melding.reference for item in response.context["page_obj"]]


def test_filters(leider, teams):
    now = timezone.now()
    kort = store(soort="kort", postcode="3913 AC")
    spoed = store(spoed=True, onderwerpen=("vervoer",))
    late = store(created_at=now - timedelta(days=30))
    closed = store()
    closed.behandeling.change_status(Status.INGETROKKEN)
    assert set(_references(leider)) == {kort.reference, spoed.reference, late.reference}
    assert _references(leider, soort="kort") == [kort.reference]
    assert _references(leider, spoed="ja") == [spoed.reference]
    assert set(_references(leider, spoed="nee")) == {kort.reference, late.reference}
    assert _references(leider, onderwerp="vervoer") == [spoed.reference]
    assert _references(leider, team=teams["haven"].pk) == [kort.reference]
    assert _references(leider, wijk="oude-haven") == [kort.reference]
    assert _references(leider, over_termijn="on") == [late.reference]
    assert _references(leider, status="ingetrokken") == [closed.reference]
    assert len(_references(leider, status="alle")) == 4


def test_nearly_late_is_a_first_contact_within_two_working_days_or_another_term_within_a_week(
    leider, teams, staff
):
    """A walk: "Alleen bijna te laat" (within 7 days) listed every melding from its second day, as the first
    contact's five working days are a week. The teamleider could list what was late, not what would be late
    next, to act in time."""
    today = timezone.localdate()

    def melding_due(day, status=Status.ONTVANGEN):
        melding = store()
        if status != Status.ONTVANGEN:
            melding.behandeling.change_status(status, staff["consulent"])
        Behandeling.objects.filter(pk=melding.behandeling.pk).update(next_deadline=day)
        return melding.reference

    late = melding_due(today - timedelta(days=1))
    contact = {days: melding_due(add_working_days(today, days)) for days in (0, 2, 3)}
    onderzoek = {days: melding_due(today + timedelta(days), Status.CONTACT_OPGENOMEN) for days in (7, 8)}
    soon = {contact[0], contact[2], onderzoek[7]}
    assert set(_references(leider, bijna_te_laat="on")) == soon
    assert _references(leider, over_termijn="on") == [late]
    # A walk ticked both to see what needs action, and the list was empty: both is either.
    assert set(_references(leider, over_termijn="on", bijna_te_laat="on")) == soon | {late}
    home = " ".join(leider.get("/admin/").content.decode().split())
    assert '<a href="/admin/backoffice/?bijna_te_laat=on">3 meldingen zijn bijna te laat</a>' in home


def test_a_term_that_ends_today_says_it_is_the_last_day(teams):
    """A walk read "Onderzoek af uiterlijk 7 dec. 2026 (6 weken) / vandaag" as when something came in."""
    behandeling = store().behandeling
    today = timezone.localdate()
    Behandeling.objects.filter(pk=behandeling.pk).update(contact_deadline=today, next_deadline=today)
    behandeling.refresh_from_db()
    assert ">vandaag de laatste dag</span>" in time_left(behandeling, "contact", today)


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (Status.ONTVANGEN, "contact"),
        (Status.GESPREK_GEPLAND, "onderzoek"),
        (Status.AANVRAAG_ONTVANGEN, "beschikking"),
    ],
)
def test_the_filter_lists_what_the_page_colours_nearly_late_and_late(teams, status, kind):
    """One measure for both: the page coloured "nog 6 dagen" as time enough while the filter listed it; on a
    Saturday a contact term that ended on Friday read "vandaag" while "Alleen te laat" listed it."""
    behandeling = store().behandeling
    week = [date(2026, 12, 7) + timedelta(days) for days in range(7)]  # Monday to Sunday
    for today in [*week, date(2027, 4, 27)]:  # and Koningsdag, a Tuesday
        for days in range(-3, 14):
            day = today + timedelta(days)
            Behandeling.objects.filter(pk=behandeling.pk).update(
                status=status, next_deadline=day, **{f"{kind}_deadline": day}
            )
            behandeling.refresh_from_db()
            shown = time_left(behandeling, kind, today)
            listed = Behandeling.objects.filter(pk=behandeling.pk)
            assert (today, day, "--soon" in shown) == (today, day, listed.due_soon(today).exists())
            assert (today, day, "--late" in shown) == (today, day, listed.overdue(today).exists())


def test_a_consulent_can_filter_only_on_her_own_teams_and_their_wijken(staff, teams, client):
    """Wijkteam Oude Haven, or the wijk Oude Haven, in the filter of a consulent of Centrum gave "0 meldingen
    gevonden", as if that team or wijk had none."""

    def options(who, name) -> list[str]:
        client.force_login(who)
        page = BeautifulSoup(client.get(reverse("backoffice:inbox")).content, "html.parser")
        return [option.get_text() for option in page.select(f"select[name={name}] option")]

    assert options(staff["consulent"], "team") == ["Alle teams", "Wijkteam Centrum"]
    assert options(staff["teamleider"], "team") == ["Alle teams", "Wijkteam Centrum", "Wijkteam Oude Haven"]
    assert options(staff["consulent"], "wijk") == ["Alle wijken", "Centrum"]
    assert options(staff["teamleider"], "wijk") == ["Alle wijken", "Centrum", "Oude Haven"]


def test_a_consulent_lists_the_meldingen_on_her_name_from_the_home_page(staff, teams, client):
    """ "1 open melding staat op uw naam" was the one line of the home page without a link or a filter."""
    mine, other = store(), store()
    Behandeling.objects.filter(melding=mine).update(consulent=staff["consulent"])
    client.force_login(staff["consulent"])
    home = client.get("/admin/").content.decode()
    assert '<a href="/admin/backoffice/?mijn=on">1 open melding staat op uw naam</a>' in home
    assert _references(client, mijn="on") == [mine.reference]
    assert set(_references(client)) == {mine.reference, other.reference}
    Behandeling.objects.update(consulent=None)
    assert "0 open meldingen staan op uw naam" in client.get("/admin/").content.decode()  # said to her
    client.force_login(staff["teamleider"])  # a walk read it on the teamleider's home
    assert "op uw naam" not in client.get("/admin/").content.decode()


def test_sorted_spoed_first_then_by_deadline(leider, teams):
    now = timezone.now()
    newer = store(created_at=now - timedelta(days=1))
    older = store(created_at=now - timedelta(days=10))
    spoed = store(spoed=True)
    assert _references(leider) == [spoed.reference, older.reference, newer.reference]
    # A walk: a spoed melding with two days left stood above one 24 days late, and nothing said why.
    page = " ".join(leider.get(reverse("backoffice:inbox")).content.decode().split())
    assert "Bovenaan staan spoedmeldingen die nog op het eerste contact wachten." in page


def test_in_all_meldingen_the_open_come_before_the_closed_spoed_ones(leider, teams):
    """A walk: in "Alle meldingen" a withdrawn spoed melding ("Geen termijn meer") stood above one that was
    45 working days late."""
    late = store(created_at=timezone.now() - timedelta(days=90))
    withdrawn = store(spoed=True)
    withdrawn.behandeling.change_status(Status.INGETROKKEN, toelichting="Verhuisd")
    spoed = store(spoed=True)
    assert _references(leider, status="alle") == [spoed.reference, late.reference, withdrawn.reference]


def test_a_spoed_melding_comes_first_until_its_first_contact(leider, teams):
    """A walk: spoed meldingen with weeks left after their contact stood above meldingen weeks late."""
    sooner = store(created_at=timezone.now() - timedelta(days=20))  # its onderzoek is due three weeks earlier
    sooner.behandeling.change_status(Status.CONTACT_OPGENOMEN)
    contacted = store(spoed=True)
    contacted.behandeling.change_status(Status.CONTACT_OPGENOMEN)
    waiting = store(spoed=True)
    assert _references(leider) == [waiting.reference, sooner.reference, contacted.reference]


def test_a_teamleider_sees_what_each_consulent_has(leider, teams, staff):
    """A walk: the teamleider could not see who had too much work; the inbox had no filter per consulent."""
    theirs, other = store(), store()
    theirs.behandeling.consulent = staff["consulent"]
    theirs.behandeling.save()
    page = leider.get(reverse("backoffice:inbox")).content.decode()
    assert '<select name="consulent"' in page and "Alle consulenten" in page
    assert _references(leider, consulent=staff["consulent"].pk) == [theirs.reference]
    assert other.reference in _references(leider)
    # A walk: the five late meldingen had nobody, and the list could not show only those.
    assert '<option value="niemand">Niemand: nog niet toegewezen</option>' in page
    assert _references(leider, consulent="niemand") == [other.reference]


def test_a_teamleider_sees_what_each_consulent_has_open_on_one_page(leider, teams, staff):
    """A walk: the teamleider had to pick each consulent in the inbox's filter, one at a time, to see who had
    too much work. Werkverdeling counts per consulent, each count a link to those meldingen."""
    from meldingen.backoffice.workflow import Status

    today = timezone.localdate()
    late, soon, gesprek, nobodys, closed = store(), store(), store(), store(), store()
    for melding in (late, soon, gesprek, closed):
        melding.behandeling.consulent = staff["consulent"]
        melding.behandeling.save()
    Behandeling.objects.filter(pk=late.behandeling.pk).update(next_deadline=today - timedelta(days=1))
    Behandeling.objects.filter(pk=soon.behandeling.pk).update(next_deadline=add_working_days(today, 2))
    gesprek.behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    # The coming 7 days, not the calendar week: on a Sunday that held only gesprekken already past.
    in_six_days = timezone.now() + timedelta(days=6)
    gesprek.behandeling.change_status(Status.GESPREK_GEPLAND, staff["consulent"], gesprek_op=in_six_days)
    closed.behandeling.change_status(Status.INGETROKKEN, staff["consulent"], toelichting="Niet meer nodig")
    page = BeautifulSoup(leider.get(reverse("backoffice:werkverdeling")).content, "html.parser")
    rows = {
        row.th.get_text(strip=True): [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in page.select("tbody tr")
    }
    assert rows["consulent-centrum"] == ["3", "1", "1", "1"]  # the closed one does not count
    assert rows["consulent-haven"] == ["0", "0", "0", "0"]  # a consulent with nothing open is listed
    assert rows["Niemand: nog niet toegewezen"][0] == "1"
    link = page.find("a", string="3")["href"]
    assert _references(leider, **dict(parse_qsl(link.split("?")[1]))) and link.endswith(
        f"?consulent={staff['consulent'].pk}"
    )
    assert nobodys.reference in _references(leider, consulent="niemand")
    # One who left the teams still holds a melding: counted, without a link the inbox could not follow.
    gone = make_user("vertrokken", roles.CONSULENT, is_active=False)
    Behandeling.objects.filter(pk=nobodys.behandeling.pk).update(consulent=gone)
    page = BeautifulSoup(leider.get(reverse("backoffice:werkverdeling")).content, "html.parser")
    [row] = [row for row in page.select("tbody tr") if row.th.get_text(strip=True) == "vertrokken"]
    assert row.td.get_text(strip=True) == "1" and row.find("a") is None


def test_a_consulent_has_no_filter_per_consulent(staff, client, teams):
    client.force_login(staff["consulent"])
    assert '<select name="consulent"' not in client.get(reverse("backoffice:inbox")).content.decode()


def test_search_by_reference_and_by_name_words(leider, teams):
    anna = store(name="Anna de Vries")
    bert = store(name="Bert Jansen-Öztürk")
    assert _references(leider, q=anna.reference) == [anna.reference]
    assert _references(leider, q=anna.reference.lower()) == [anna.reference]
    assert _references(leider, q="vries") == [anna.reference]
    assert _references(leider, q="ANNA DE VRIES") == [anna.reference]
    assert _references(leider, q="ozturk") == [bert.reference]
    assert _references(leider, q="Anna Jansen") == []  # every word must match
    assert _references(leider, q="Vri") == []  # whole words only: the index holds no prefixes


def test_a_melding_made_for_someone_else_is_found_by_its_makers_name_too(leider, teams):
    """A son who calls about the melding he made for his mother gives his own name; the consulent found
    nothing by it."""
    anna = store(name="Anna de Vries", mantelzorger="Peter Bakker")
    assert _references(leider, q="Peter Bakker") == [anna.reference]
    assert _references(leider, q="Anna de Vries") == [anna.reference]


def test_search_by_postcode_and_house_number(leider, teams):
    anna, bert = (
        store(name="Anna de Vries", postcode="3911 AB"),
        store(name="Bert Jansen", postcode="3913 AC"),
    )
    for typed in ("3911 AB 1", "3911ab 1", "3911 AB, 1", "3911AB1"):
        assert _references(leider, q=typed) == [anna.reference], typed
    assert _references(leider, q="3913 ac 1") == [bert.reference]
    assert _references(leider, q="3911 AB 2") == []  # another house


def test_a_reference_that_looks_like_a_postcode_with_a_house_number_is_found_without_its_m(leider, teams):
    from meldingen.models import Melding

    anna = store(name="Anna de Vries")
    Melding.objects.filter(pk=anna.pk).update(reference="M-6249-TF3P")  # "6249TF 3p" reads as an address
    assert _references(leider, q="6249tf3p") == ["M-6249-TF3P"]


def test_a_reference_read_out_on_the_phone_is_found_without_its_dashes(leider, teams):
    anna, bert = store(name="Anna de Vries"), store(name="Bert Jansen")
    plain = anna.reference.replace("-", "")  # M-7K3Q-XW9P -> M7K3QXW9P
    assert _references(leider, q=plain) == [anna.reference]
    assert _references(leider, q=plain[1:].lower()) == [anna.reference]  # without the M
    assert _references(leider, q=f"{plain[:5]} {plain[5:]}") == [anna.reference]
    assert _references(leider, q=bert.reference.replace("-", " ")) == [bert.reference]


def test_a_reference_whose_code_starts_with_an_m_is_found_with_or_without_the_m_in_front(leider, teams):
    melding = store(name="Mia Mulder")
    melding.reference = "M-MK3Q-XW9P"
    melding.save(update_fields=["reference"])
    assert _references(leider, q="mk3qxw9p") == [melding.reference]
    assert _references(leider, q="M MK3Q XW9P") == [melding.reference]


def test_counts_per_status(leider, teams):
    store()
    store().behandeling.change_status(Status.CONTACT_OPGENOMEN)
    counts = {
        value: count for value, _label, count in leider.get(reverse("backoffice:inbox")).context["counts"]
    }
    assert counts["ontvangen"] == 1 and counts["contact_opgenomen"] == 1 and counts["afgehandeld"] == 0


def test_pagination(leider, teams, monkeypatch):
    monkeypatch.setattr("meldingen.backoffice.views.PER_PAGE", 2)
    for _ in range(5):
        store()
    first = leider.get(reverse("backoffice:inbox"))
    assert len(first.context["page_obj"]) == 2 and "Pagina 1 van 3" in first.content.decode()
    assert len(leider.get(reverse("backoffice:inbox"), {"p": 3}).context["page_obj"]) == 1
    assert leider.get(reverse("backoffice:inbox"), {"p": "999"}).status_code == 200


@pytest.mark.parametrize("asked, shown", [("2", 2), ("3", 3), ("999", 3), ("0", 3), ("-1", 3), ("twee", 1)])
def test_each_page_holds_the_next_meldingen_in_order_and_the_total(leider, teams, monkeypatch, asked, shown):
    """A page and the total come from one walk over the list; a page past the end shows the last page and a
    word shows the first, as before."""
    monkeypatch.setattr("meldingen.backoffice.views.PER_PAGE", 2)
    now = timezone.now()
    in_order = [store(created_at=now - timedelta(days=days)).reference for days in (9, 8, 7, 6, 5)]
    response = leider.get(reverse("backoffice:inbox"), {"p": asked, "status": "alle"})
    page = response.context["page_obj"]
    assert page.number == shown and page.paginator.count == 5
    assert [item.melding.reference for item in page] == in_order[2 * (shown - 1) : 2 * shown]
    assert "5 meldingen gevonden" in response.content.decode()


def test_the_total_counts_only_what_the_filters_let_through(leider, teams):
    store(onderwerpen=("vervoer",))
    store(onderwerpen=("vervoer", "huishouden"))
    store(onderwerpen=("huishouden",))
    store(soort="kort")
    response = leider.get(reverse("backoffice:inbox"), {"onderwerp": "vervoer"})
    assert response.context["page_obj"].paginator.count == 2
    assert "2 meldingen gevonden" in response.content.decode()
    response = leider.get(reverse("backoffice:inbox"), {"onderwerp": "mantelzorg"})
    assert response.context["page_obj"].paginator.count == 0
    assert "Er zijn geen meldingen die passen bij deze filters." in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"status": "bestaat-niet"},
        {"team": "abc"},
        {"wijk": "<script>"},
        {"p": "-1"},
        {"spoed": "misschien"},
        {"onderwerp": "'; drop table"},
    ],
)
def test_bad_filter_values_never_break_the_page(leider, teams, params):
    store()
    response = leider.get(reverse("backoffice:inbox"), params)
    assert response.status_code == 200


def test_a_search_that_finds_nothing_beside_other_filters_offers_it_without_them(leider, teams):
    """A walk: a teamleider searched "de Vries" with "Alleen te laat" still on, and read that a part of a
    name finds nothing; the melding was open, and not late."""
    anna = store(name="Anna de Vries")
    page = leider.post(reverse("backoffice:inbox"), {"q": "de Vries", "over_termijn": "on"}, follow=True)
    html = " ".join(page.content.decode().split())
    assert "Er staan nog filters aan. Zonder die filters vindt u wel meldingen met deze zoekwoorden." in html
    assert "Een deel van een naam vindt niets" not in html
    link = re.search(r'<a href="([^"]*)">Zoek zonder de filters</a>', html).group(1)
    assert "Vries" not in link  # the name stays in the session
    found = leider.get(reverse("backoffice:inbox") + link.split("#")[0])
    assert [item.melding.reference for item in found.context["page_obj"]] == [anna.reference]
    nothing = leider.post(reverse("backoffice:inbox"), {"q": "Jansen", "over_termijn": "on"}, follow=True)
    assert "Zoek zonder de filters" not in nothing.content.decode()  # without them it finds none either


def test_a_searched_name_never_appears_in_a_url(leider, teams):
    """Access logs and the browser history keep URLs; the name goes in the body and stays in the session."""
    anna = store(name="Anna de Vries")
    store(name="Bert Jansen", postcode="3913 AC")
    response = leider.post(reverse("backoffice:inbox"), {"q": "Anna de Vries", "status": "alle"})
    assert (
        response.status_code == 302
        and "Anna" not in response["Location"]
        and "Vries" not in response["Location"]
    )
    page = leider.get(response["Location"])
    assert [item.melding.reference for item in page.context["page_obj"]] == [anna.reference]
    html = page.content.decode()
    assert 'method="post"' in html and "?q=" not in html and "q=Anna" not in html
    assert 'value="Anna de Vries"' in html  # the field still shows what was typed
    csv_link = page.context["query_string"]
    assert "Anna" not in csv_link and "zoek=1" in csv_link
    assert (
        leider.get(reverse("backoffice:inbox"), {"q": "Anna de Vries", "status": "alle"})
        .context["page_obj"]
        .paginator.count
        == 2
    )  # a name in the URL is not searched


def test_a_search_lands_on_the_list_not_on_the_filters(leider, teams):
    """On a phone the list of a search began some 1,400 px down, below the counts and the filters."""
    store(name="Anna de Vries")
    for filters in ({"q": "Anna de Vries"}, {"spoed": "ja"}, {}):
        location = leider.post(reverse("backoffice:inbox"), filters)["Location"]
        assert location.endswith("#results-heading"), location
    page = BeautifulSoup(leider.get(location).content, "html.parser")
    assert page.find(id="results-heading").name == "h2"


def test_the_filters_besides_the_search_fold_away_until_one_is_set(leider, teams):
    """At 390 px the six filters stood before the list: its first melding some 1,400 px down on every visit.
    The search stays in sight; the other filters fold away, on a wide screen too."""
    store()
    page = BeautifulSoup(leider.get(reverse("backoffice:inbox")).content, "html.parser")
    more = page.select_one("details.bo-filters__more")
    assert not more.has_attr("open") and more.summary.get_text(strip=True) == "Meer filters"
    assert page.select_one("#id_q").find_parent("details") is None
    assert {"id_status", "id_team", "id_spoed", "id_mijn"} <= {tag["id"] for tag in more.select("[id^=id_]")}
    filtered = leider.get(reverse("backoffice:inbox"), {"status": "alle", "spoed": "ja"})
    more = BeautifulSoup(filtered.content, "html.parser").select_one("details.bo-filters__more")
    assert more.has_attr("open") and more.summary.get_text(" ", strip=True) == "Meer filters (2 aan)"


def test_an_empty_list_offers_no_csv(leider, teams):
    store()
    assert "Download deze lijst als CSV" in leider.get(reverse("backoffice:inbox")).content.decode()
    empty = leider.get(reverse("backoffice:inbox"), {"status": "ingetrokken"}).content.decode()
    assert "0 meldingen gevonden" in empty and "Download deze lijst als CSV" not in empty


def test_a_meldings_page_leads_back_to_the_inbox_as_it_was_filtered(leider, teams):
    anna = store(name="Anna de Vries", spoed=True)
    filters = {"q": "Anna de Vries", "spoed": "ja", "status": "alle"}
    leider.get(leider.post(reverse("backoffice:inbox"), filters)["Location"])  # the name stays in the session
    page = leider.get(reverse("backoffice:melding", args=[anna.behandeling.pk])).content.decode()
    # Not "Terug naar alle meldingen": a walk came back to the one melding its search had found.
    link = page.split(">Terug naar de lijst<")[0].rsplit('href="', 1)[1].split('"')[0]
    back = link.replace("&amp;", "&")
    assert back.startswith("/admin/backoffice/?") and "Anna" not in back
    assert {"status=alle", "spoed=ja", "zoek=1"} <= set(back.split("?", 1)[1].split("&"))
    followed = leider.get(back)
    assert [item.melding.reference for item in followed.context["page_obj"]] == [anna.reference]


def test_a_very_long_search_is_no_error(leider, teams):
    store()
    response = leider.post(reverse("backoffice:inbox"), {"q": "x" * 500}, follow=True)
    assert response.status_code == 200


def test_remaining_days_and_overdue_are_shown(leider, teams):
    store(created_at=timezone.now() - timedelta(days=30))
    html = leider.get(reverse("backoffice:inbox")).content.decode()
    assert "te laat" in html


def test_a_late_first_contact_says_working_days_as_its_term_counts_them(leider, teams):
    """ "45 dagen te laat" for a first contact was 45 working days: 63 days on the calendar."""
    behandeling = store(created_at=timezone.now() - timedelta(days=30)).behandeling
    today = timezone.localdate()
    working_days = -working_days_between(today, behandeling.contact_deadline)
    calendar_days = (today - behandeling.contact_deadline).days
    html = " ".join(leider.get(reverse("backoffice:inbox")).content.decode().split())
    assert working_days < calendar_days
    assert f"{working_days} werkdagen te laat" in html and f"{calendar_days} dagen te laat" not in html
    # The term's day, not the day it was done: "Onderzoek af: 16 nov." read as finished on that day.
    assert f"Eerste contact uiterlijk: {datum(behandeling.contact_deadline)}" in html


def test_without_contact_after_six_weeks_the_onderzoek_is_said_to_be_late_too(leider, teams):
    """A walk: a melding of 26 September without contact said only "Eerste contact uiterlijk: 2 okt. 2026, 45
    werkdagen te laat"; the onderzoek's legal term (9 November) was over too, and nothing said so."""
    behandeling = store(created_at=timezone.now() - timedelta(days=60)).behandeling
    late = (timezone.localdate() - behandeling.onderzoek_deadline).days
    html = " ".join(leider.get(reverse("backoffice:inbox")).content.decode().split())
    assert f"Eerste contact uiterlijk: {datum(behandeling.contact_deadline)}" in html
    onderzoek = (
        f"Onderzoek af uiterlijk: {datum(behandeling.onderzoek_deadline)}<br><strong>{late} dagen te laat"
    )
    assert onderzoek in html


def test_without_contact_the_onderzoek_term_is_said_when_it_is_near(leider, teams):
    """A walk: a melding without contact showed only its late contact until the onderzoek was late too, two
    days later."""
    behandeling = store(created_at=timezone.now() - timedelta(days=39)).behandeling
    html = " ".join(leider.get(reverse("backoffice:inbox")).content.decode().split())
    assert f"Onderzoek af uiterlijk: {datum(behandeling.onderzoek_deadline)}<br>nog " in html


def test_without_contact_within_six_weeks_only_the_contact_term_is_said(leider, teams):
    behandeling = store(created_at=timezone.now() - timedelta(days=30)).behandeling
    html = " ".join(leider.get(reverse("backoffice:inbox")).content.decode().split())
    assert f"Eerste contact uiterlijk: {datum(behandeling.contact_deadline)}" in html
    assert f"Onderzoek af uiterlijk: {datum(behandeling.onderzoek_deadline)}" not in html


def test_deadline_moves_to_the_onderzoek_after_contact(teams):
    behandeling = store().behandeling
    behandeling.change_status(Status.CONTACT_OPGENOMEN)
    assert Behandeling.objects.get(pk=behandeling.pk).next_deadline == behandeling.onderzoek_deadline


def test_inbox_and_melding_page_use_a_fixed_number_of_queries(leider, teams, django_assert_num_queries):
    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert leider.get(url).status_code == 200
        return len(captured)

    first = store()
    queries(reverse("backoffice:inbox"))  # the admin sidebar is drawn once per login (core/admin_sidebar.py)
    # The kaart's vocabulary, for the melding's words, is read once per change (core/vocabulary.py).
    queries(reverse("backoffice:melding", args=[first.behandeling.pk]))
    small = (
        queries(reverse("backoffice:inbox")),
        queries(reverse("backoffice:melding", args=[first.behandeling.pk])),
    )
    for _ in range(6):
        store(spoed=True, postcode="3913 AC")
    first.behandeling.change_status(Status.CONTACT_OPGENOMEN)
    large = (
        queries(reverse("backoffice:inbox")),
        queries(reverse("backoffice:melding", args=[first.behandeling.pk])),
    )
    assert large == small


def test_the_team_and_wijk_selects_read_their_options_in_one_plain_query(leider, teams):
    """No server-side cursor (on PostgreSQL a DECLARE, a FETCH and a CLOSE) for a list of a few rows."""
    with CaptureQueriesContext(connection) as captured:
        html = leider.get(reverse("backoffice:inbox")).content.decode()
    assert not [query["sql"] for query in captured if "DECLARE" in query["sql"]]
    for team in teams.values():
        assert f">{team.name}</option>" in html


def _finish_onderzoek(behandeling, days_after_term: int):
    for status in (Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND):
        behandeling.change_status(status)
    finished = datetime.combine(behandeling.onderzoek_deadline + timedelta(days=days_after_term), time(12))
    behandeling.change_status(Status.ONDERZOEK_AFGEROND, at=timezone.make_aware(finished))


def test_a_finished_onderzoek_shows_when_it_was_finished_and_whether_on_time(leider, teams):
    on_time, late, withdrawn = store(), store(), store()
    _finish_onderzoek(on_time.behandeling, days_after_term=-3)
    _finish_onderzoek(late.behandeling, days_after_term=4)
    withdrawn.behandeling.change_status(Status.INGETROKKEN)
    html = leider.get(reverse("backoffice:inbox"), {"status": "alle"}).content.decode()
    cells = {
        row.select_one("a").get_text(strip=True): row.select("td")[-1].get_text(" ", strip=True)
        for row in BeautifulSoup(html, "html.parser").select("tbody tr")
    }
    on_time_date = datum(on_time.behandeling.onderzoek_deadline - timedelta(days=3))
    late_date = datum(late.behandeling.onderzoek_deadline + timedelta(days=4))
    assert cells[on_time.reference] == f"Onderzoek afgerond: {on_time_date} op tijd"
    # History, not an alarm: "te laat" in red is for what is late now, as the filter "Alleen te laat" counts.
    assert cells[late.reference] == f"Onderzoek afgerond: {late_date} 4 dagen na de termijn"
    assert "bo-deadline--late" not in html
    assert cells[withdrawn.reference] == "Geen termijn meer"


def test_a_row_says_what_the_melding_is_about(leider, teams):
    """A walk: ten rows of one morning read the same ("Uitgebreid, Ontvangen, Niemand, nog 5 werkdagen"), and
    a consulent opened each to choose whom to call first. The topics are no encrypted answer."""
    store(onderwerpen=("huishouden", "vervoer"))
    store(soort="kort")
    page = BeautifulSoup(leider.get(reverse("backoffice:inbox")).content, "html.parser")
    cells = [cell.get_text(" ", strip=True) for cell in page.select("td[data-label='Soort en onderwerp']")]
    assert sorted(cells) == ["Kort", "Uitgebreid Hulp bij het huishouden, Vervoer"]


def test_a_row_with_a_planned_gesprek_says_when(leider, teams, staff):
    """A walk's consulent could not see her gesprekken of the day in the list: "Gesprek gepland" stood there
    without a date."""
    from core.templatetags.core_tags import datumtijd
    from meldingen.backoffice.workflow import Status

    behandeling = store().behandeling
    moment = timezone.now().replace(hour=10, minute=30) + timedelta(days=2)
    behandeling.change_status(Status.CONTACT_OPGENOMEN, staff["consulent"])
    behandeling.change_status(Status.GESPREK_GEPLAND, staff["consulent"], gesprek_op=moment)
    page = BeautifulSoup(leider.get(reverse("backoffice:inbox")).content, "html.parser")
    [cell] = [cell.get_text(" ", strip=True) for cell in page.select("td[data-label='Status']")]
    assert cell == f"Gesprek gepland {datumtijd(moment)}"
    # A walk: a gesprek weeks past still read "Gesprek gepland 17 nov. 2026, 14:00", nothing to write down.
    past = timezone.now() - timedelta(days=20)
    Behandeling.objects.filter(pk=behandeling.pk).update(gesprek_op=past)
    page = BeautifulSoup(leider.get(reverse("backoffice:inbox")).content, "html.parser")
    [cell] = [cell.get_text(" ", strip=True) for cell in page.select("td[data-label='Status']")]
    assert cell == f"Gesprek gepland {datumtijd(past)} (voorbij)"


def test_no_row_of_the_inbox_reads_the_database_on_its_own(leider, teams, staff):
    """The page reads only the columns its rows show: a row that needed one more (a deferred field) would
    cost a query of its own, so more rows of every kind would mean more queries."""

    def one_row_of_each_kind():
        store(postcode="3913 AC", spoed=True)  # another team and wijk
        _finish_onderzoek(store().behandeling, days_after_term=2)
        store().behandeling.change_status(Status.INGETROKKEN)
        for consulent in (staff["consulent"], staff["consulent_haven"]):  # with a name, and without one
            assigned = store().behandeling
            assigned.consulent = consulent
            assigned.save()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            html = leider.get(reverse("backoffice:inbox"), {"status": "alle"}).content.decode()
        return len(captured), html

    staff["consulent"].first_name, staff["consulent"].last_name = "Sanne", "Bakker"
    staff["consulent"].save()
    one_row_of_each_kind()
    queries()  # the first visit stores the filters in the session
    first, _html = queries()
    one_row_of_each_kind()
    one_row_of_each_kind()
    again, html = queries()
    assert again == first
    rows = html.split("<tbody>", 1)[1]  # not the filter's list of consulenten
    counts = [rows.count(text) for text in ("Sanne Bakker", "consulent-haven", "2 dagen na de termijn")]
    assert counts == [3, 3, 3]


def test_the_csv_says_who_has_each_melding(leider, teams, staff):
    """A walk: the teamleider's export had no consulent: who was behind the late meldingen stayed unknown."""
    theirs, nobodys = store(), store()
    Behandeling.objects.filter(pk=theirs.behandeling.pk).update(consulent=staff["consulent"])
    exported = leider.get(reverse("backoffice:inbox_csv")).content.decode()
    rows = list(csv.DictReader(io.StringIO(exported[1:]), delimiter=";"))
    assert {row["kenmerk"]: row["consulent"] for row in rows} == {
        theirs.reference: "consulent-centrum",
        nobodys.reference: "",
    }


def test_the_csv_gives_the_onderwerpen_as_the_list_does(leider, teams):
    """A walk: the list shows "Soort en onderwerp", the export had no onderwerp."""
    melding = store(onderwerpen=("huishouden", "vervoer"))
    exported = leider.get(reverse("backoffice:inbox_csv")).content.decode()
    row = next(csv.DictReader(io.StringIO(exported[1:]), delimiter=";"))
    assert row["kenmerk"] == melding.reference
    assert row["onderwerpen"] == "Hulp bij het huishouden; Vervoer"


def test_the_csv_gives_the_term_as_the_inbox_does(leider, teams):
    running, late, withdrawn = store(), store(), store()
    _finish_onderzoek(late.behandeling, days_after_term=4)
    withdrawn.behandeling.change_status(Status.INGETROKKEN)
    exported = leider.get(reverse("backoffice:inbox_csv"), {"status": "alle"}).content.decode()
    rows = {row[0]: row[-4:] for row in csv.reader(io.StringIO(exported[1:]), delimiter=";")}
    assert rows["kenmerk"] == ["termijn", "termijn voor", "te laat", "onderzoek afgerond op"]
    contact = running.behandeling.contact_deadline.isoformat()
    assert rows[running.reference] == [contact, "eerste contact", "nee", ""]
    late.behandeling.refresh_from_db()
    assert rows[late.reference] == [
        late.behandeling.onderzoek_deadline.isoformat(),
        "onderzoek (afgerond)",
        "ja",
        (late.behandeling.onderzoek_deadline + timedelta(days=4)).isoformat(),  # as the inbox says
    ]
    assert rows[withdrawn.reference] == ["", "", "nee", ""]


def _closed_melding():
    closed = store()
    for status in (Status.CONTACT_OPGENOMEN, Status.GESPREK_GEPLAND, Status.ONDERZOEK_AFGEROND):
        closed.behandeling.change_status(status)
    closed.behandeling.change_status(Status.AFGEHANDELD, uitkomst="niet_toegekend")
    return closed


def test_a_whole_reference_finds_its_melding_also_when_it_is_closed(leider, teams):
    """A walk: a resident called about her old melding; its reference gave "0 meldingen gevonden"."""
    closed = _closed_melding()
    for typed in (closed.reference, closed.reference.replace("-", "").lower()):
        page = leider.post(reverse("backoffice:inbox"), {"q": typed}, follow=True).content.decode()
        assert closed.reference in page and "1 melding gevonden" in page, typed


def test_a_search_that_finds_an_open_melding_says_the_closed_ones_it_finds_too(leider, teams):
    """A walk: "Hendriks" found her open melding; nothing said that her earlier, closed one stood apart."""
    closed = _closed_melding()
    name = closed.typed_answers.names_to_find_by.split()[0]
    open_one = store()  # the same resident again
    page = leider.post(reverse("backoffice:inbox"), {"q": name}, follow=True).content.decode()
    assert "1 melding gevonden" in page and "Er is 1 afgesloten melding die past." in page
    link = BeautifulSoup(page, "html.parser").find("a", string="Zoek ook in de afgesloten meldingen")
    both = set(_references(leider, **dict(parse_qsl(link["href"][1:]))))
    assert both == {closed.reference, open_one.reference}
    store(name="Bert Jansen")
    page = leider.post(reverse("backoffice:inbox"), {"q": "Bert Jansen"}, follow=True).content.decode()
    assert "1 melding gevonden" in page and "afgesloten" not in page  # none closed: nothing said


def test_an_address_that_finds_nothing_says_to_check_the_address_not_to_type_a_name(leider, teams):
    """A walk: "3911 AB 99" was told "Zocht u op een naam? Typ dan een hele voornaam of achternaam"."""
    store(postcode="3911 AB")
    html = leider.post(reverse("backoffice:inbox"), {"q": "3911 AB 99"}, follow=True).content.decode()
    assert "Er is geen melding voor dit adres. Kijk of de postcode en het huisnummer kloppen." in html
    assert "Zocht u op een naam?" not in html


def test_a_reference_of_another_team_says_so_and_not_to_type_a_name(staff, client, two_meldingen):
    """A walk: a consulent typed the reference of a melding of another wijk and read "Zocht u op een naam?"
    and a link to search the closed ones, which found nothing again."""
    client.force_login(staff["consulent"])
    reference = two_meldingen["haven"].reference
    html = client.post(reverse("backoffice:inbox"), {"q": reference}, follow=True).content.decode()
    assert f"Bij uw meldingen is er geen met het nummer {reference}, ook niet bij de afgesloten." in html
    assert "Zocht u op een naam?" not in html and "Zoek ook in de afgesloten meldingen" not in html


def test_a_name_of_eight_letters_is_no_reference(leider, teams):
    """A review: "Hendriks" (and "3911 AB 12") was read as the reference M-HEND-RIKS."""
    closed = store(name="Piet Hendriks")
    closed.behandeling.change_status(Status.INGETROKKEN, toelichting="Verhuisd")
    html = leider.post(reverse("backoffice:inbox"), {"q": "Hendriks"}, follow=True).content.decode()
    assert "0 meldingen gevonden" in html and "M-HEND-RIKS" not in html
    assert "Zoek ook in de afgesloten meldingen" in html
    html = leider.post(reverse("backoffice:inbox"), {"q": "3911 AB 12"}, follow=True).content.decode()
    assert "Bij uw meldingen is er geen met het nummer" not in html


def test_a_search_that_finds_no_open_melding_offers_the_closed_ones(leider, teams):
    closed = _closed_melding()
    typed = closed.typed_answers.names_to_find_by.split()[0]  # a name: many meldingen may have it
    page = leider.post(reverse("backoffice:inbox"), {"q": typed}, follow=True).content.decode()
    link = BeautifulSoup(page, "html.parser").find("a", string="Zoek ook in de afgesloten meldingen")
    assert link is not None and "0 meldingen gevonden" in page
    assert _references(leider, **dict(parse_qsl(link["href"][1:]))) == [closed.reference]
    open_page = leider.get(reverse("backoffice:inbox"), {"status": "alle"}).content.decode()
    assert "Zoek ook in de afgesloten meldingen" not in open_page  # no search: no offer


def test_a_search_on_part_of_a_name_says_to_type_a_whole_name(leider, teams):
    """A walk: "zoekm" found nothing, with no hint; names are kept as hashes of whole words."""
    melding = store()
    first_name = melding.typed_answers.names_to_find_by.split()[0]
    hint = "Typ dan een hele voornaam of achternaam, zoals Jansen."
    page = leider.post(reverse("backoffice:inbox"), {"q": first_name[:-1]}, follow=True).content.decode()
    assert "0 meldingen gevonden" in page and hint in page
    found = leider.post(reverse("backoffice:inbox"), {"q": first_name}, follow=True).content.decode()
    assert melding.reference in found and hint not in found
    assert hint not in leider.get(reverse("backoffice:inbox"), {"status": "afgehandeld"}).content.decode()
    # A postcode alone finds nothing either: the address is kept with its house number.
    postcode = leider.post(reverse("backoffice:inbox"), {"q": "3911 ab"}, follow=True).content.decode()
    assert "Typ dan de postcode met het huisnummer, zoals 3911 AB 12." in postcode and hint not in postcode


def test_the_home_page_counts_the_open_signals_of_the_consulents_team(staff, teams, client):
    """A walk: a professional's signal stood at the top of the inbox, and the admin's home page said only "0
    open meldingen"."""
    from meldingen.backoffice import signalen

    client.force_login(staff["consulent"])
    assert "open signa" not in client.get("/admin/").content.decode()
    client_data = {"naam": "Carla Smit", "telefoon": "0611111111", "onderwerpen": ["eenzaamheid"]}
    client_data |= {"toelichting": "Mevrouw is veel alleen.", "toestemming_door": "client"}
    signalen.send(staff["teamleider"], {**client_data, "postcode": "3911 AB"})  # Centrum
    signalen.send(staff["teamleider"], {**client_data, "postcode": "3913 AC"})  # Oude Haven: not hers
    home = client.get("/admin/").content.decode()
    assert (
        '<a href="/admin/backoffice/#signalen-heading">1 open signaal van een aanbieder of professional</a>'
        in home
    )


def test_a_name_of_a_closed_melding_says_it_is_there_and_not_to_type_a_whole_name(leider, teams):
    """A walk: "jansen", of a closed melding, read "Zocht u op een naam? Typ dan een hele voornaam of
    achternaam, zoals Jansen": she had typed Jansen."""
    closed = _closed_melding()
    typed = closed.typed_answers.names_to_find_by.split()[0]
    page = " ".join(
        leider.post(reverse("backoffice:inbox"), {"q": typed}, follow=True).content.decode().split()
    )
    assert "Er is 1 afgesloten melding die past. <a" in page and "Zoek ook in de afgesloten meldingen" in page
    assert "Zocht u op een naam?" not in page
    nobody = leider.post(reverse("backoffice:inbox"), {"q": "Zwaluwstaart"}, follow=True).content.decode()
    assert "Ook bij de afgesloten meldingen is er geen. Zocht u op een naam?" in " ".join(nobody.split())
    assert "Zoek ook in de afgesloten meldingen" not in nobody  # it would find nothing either
