"""A signal and a melding about the same person point at each other. A walk: a huisarts' signal for Henk de
Vries and his daughter's melding for him stood side by side in Oude Haven's list, and neither page said so."""

import pytest
from django.urls import reverse

from meldingen.backoffice import signalen
from meldingen.backoffice.inbox import open_meldingen_about, open_signalen_about
from meldingen.backoffice.models import Signaal
from meldingen.backoffice.workflow import Status

from .fixtures import store

pytestmark = pytest.mark.django_db

HAVEN = "3913 AC"  # Oude Haven


def _signaal(staff, naam, postcode=HAVEN):
    data = {
        "naam": naam,
        "postcode": postcode,
        "telefoon": "0611111111",
        "onderwerpen": ["eenzaamheid"],
        "toelichting": "Meneer vergeet te eten.",
        "toestemming_door": "client",
    }
    return signalen.send(staff["teamleider"], data)


def test_a_signal_and_a_melding_about_the_same_person_point_at_each_other(staff, teams, client):
    melding = store(name="Henk de Vries", postcode=HAVEN, mantelzorger="Ingrid de Vries")
    signaal = _signaal(staff, "Henk de Vries")
    client.force_login(staff["consulent_haven"])
    melding_url = reverse("backoffice:melding", args=[melding.behandeling.pk])
    page = " ".join(client.get(melding_url).content.decode().split())
    assert "Er is een open signaal over iemand met dezelfde naam in deze wijk." in page
    assert f'href="{reverse("backoffice:signaal", args=[signaal.pk])}">{signaal.reference}</a>' in page
    signaal_url = reverse("backoffice:signaal", args=[signaal.pk])
    page = " ".join(client.get(signaal_url).content.decode().split())
    assert "Er is een open melding over iemand met dezelfde naam in deze wijk." in page
    assert f">{melding.reference}</a>" in page
    # Finished, the signal no longer asks who calls, on either page.
    Signaal.objects.filter(pk=signaal.pk).update(status=Signaal.Status.AFGEROND)
    assert "open signaal over iemand" not in client.get(melding_url).content.decode()
    assert "open melding over iemand" not in client.get(signaal_url).content.decode()


def test_other_people_other_wijken_and_other_teams_are_not_linked(staff, teams):
    melding = store(name="Henk Jansen", postcode=HAVEN, mantelzorger="Piet de Boer")
    consulent = staff["consulent_haven"]
    unlinked = [
        _signaal(staff, "Piet Jansen"),  # another name
        _signaal(staff, "Henk Jansen", postcode="3911 AB"),  # Centrum
        _signaal(staff, "H. Jansen"),  # one word that is no tussenvoegsel: every Jansen in the wijk
        _signaal(staff, "Piet de Boer"),  # the son who made the melding is another person
        _signaal(staff, "Henk de Boer"),  # words of the resident's and the son's names together
    ]
    assert open_signalen_about(consulent, melding.behandeling) == []
    assert all(open_meldingen_about(consulent, signaal) == [] for signaal in unlinked)
    same = _signaal(staff, "henk jansen")
    assert open_signalen_about(consulent, melding.behandeling) == [same]
    assert open_meldingen_about(consulent, same) == [melding.behandeling]
    assert open_signalen_about(staff["consulent"], melding.behandeling) == []  # Centrum's consulent sees none
    # Closed, the melding asks nobody who calls.
    melding.behandeling.change_status(Status.INGETROKKEN, staff["teamleider"], "Dubbel gebeld")
    assert open_signalen_about(consulent, melding.behandeling) == []
    assert open_meldingen_about(consulent, same) == []


def test_the_inbox_filtered_on_a_consulent_shows_that_consulents_signals_only(staff, teams, client):
    """A walk: Werkverdeling's "Bijna te laat" of one consulent opened her list, with "1 signaal van een
    aanbieder of professional ... Nog niemand" above it: a teamleider read two items for her."""
    from meldingen.backoffice.inbox import NOBODY

    nobodys = _signaal(staff, "Henk de Vries")
    hers = _signaal(staff, "Kees Bakker")
    Signaal.objects.filter(pk=hers.pk).update(consulent=staff["consulent_haven"])
    client.force_login(staff["teamleider"])
    inbox = reverse("backoffice:inbox")

    def listed(**filters) -> set[str]:
        page = client.get(inbox, filters).content.decode()
        return {signaal.reference for signaal in (nobodys, hers) if signaal.reference in page}

    assert listed() == {nobodys.reference, hers.reference}
    assert listed(consulent=staff["consulent_haven"].pk) == {hers.reference}
    assert listed(consulent=NOBODY) == {nobodys.reference}
    client.force_login(staff["consulent_haven"])
    assert listed(mijn="on") == {hers.reference}


def test_a_signal_in_the_inbox_says_what_is_left_of_its_term_as_its_page_does(staff, teams, client):
    """A walk: the inbox's signal rows read only "14 dec. 2026", its melding rows "nog 4 werkdagen"."""
    signaal = _signaal(staff, "Henk de Vries")
    client.force_login(staff["teamleider"])
    left = signaal.days_left()
    said = "vandaag de laatste dag" if left == 0 else f"nog {left} werkdag{'en' if left != 1 else ''}"
    inbox = " ".join(client.get(reverse("backoffice:inbox")).content.decode().split())
    page = " ".join(client.get(reverse("backoffice:signaal", args=[signaal.pk])).content.decode().split())
    assert f"<br>{said}</td>" in inbox and f"({said})" in page
    Signaal.objects.filter(pk=signaal.pk).update(
        contact_deadline=signaal.created_at.date().replace(year=2020)
    )
    inbox = " ".join(client.get(reverse("backoffice:inbox")).content.decode().split())
    assert "<br><strong>te laat</strong></td>" in inbox


def test_the_inbox_filtered_on_terms_or_a_wijk_shows_only_such_signals(staff, teams, client):
    """A walk: "Alleen te laat" of Oude Haven listed, above its late meldingen, a signal with four working
    days to go, and one of Centrum."""
    from datetime import timedelta

    from django.utils import timezone

    from meldingen.workdays import add_working_days
    from socialekaart.models import Wijk

    today = timezone.localdate()
    late = _signaal(staff, "Henk de Vries")
    soon = _signaal(staff, "Kees Bakker")
    later = _signaal(staff, "Anna Smit")
    centrum = _signaal(staff, "Piet Jansen", postcode="3911 AB")
    for signaal, deadline in (
        (late, today - timedelta(days=1)),
        (soon, today),
        (later, add_working_days(today, 4)),
        (centrum, today - timedelta(days=1)),
    ):
        Signaal.objects.filter(pk=signaal.pk).update(contact_deadline=deadline)
    # Once the client was called, the term is met: no longer late.
    called = _signaal(staff, "Jan Visser")
    Signaal.objects.filter(pk=called.pk).update(
        contact_deadline=today - timedelta(days=1), status=Signaal.Status.CONTACT_OPGENOMEN
    )
    client.force_login(staff["teamleider"])
    everyone = (late, soon, later, centrum, called)

    def listed(**filters) -> set[str]:
        page = client.get(reverse("backoffice:inbox"), filters).content.decode()
        return {signaal.reference for signaal in everyone if signaal.reference in page}

    assert listed() == {signaal.reference for signaal in everyone}
    assert listed(over_termijn="on") == {late.reference, centrum.reference}
    assert listed(bijna_te_laat="on") == {soon.reference}
    assert listed(over_termijn="on", bijna_te_laat="on") == {
        late.reference,
        centrum.reference,
        soon.reference,
    }
    haven = Wijk.objects.get(pk=late.wijk_id)
    assert listed(wijk=haven.slug) == {late.reference, soon.reference, later.reference, called.reference}
    assert listed(wijk=haven.slug, over_termijn="on") == {late.reference}
    # Sent with "Toon meldingen", the page lands at its list, below the signals: it says they are there.
    page = client.get(reverse("backoffice:inbox"), {"over_termijn": "on"}).content.decode()
    said = "Boven de filters staan ook 2 signalen die bij deze filters passen."
    assert page.index('id="results-heading"') < page.index(f'<a href="#signalen-heading">{said}</a>')
    assert "Boven de filters staa" not in client.get(reverse("backoffice:inbox")).content.decode()
    # A status is about meldingen only: the signals above are all the open ones, not chosen by it (a review).
    by_status = client.get(reverse("backoffice:inbox"), {"status": "contact_opgenomen"}).content.decode()
    assert "Boven de filters staa" not in by_status
