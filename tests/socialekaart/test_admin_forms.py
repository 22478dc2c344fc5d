"""The kaart's edit forms in the admin, as providers and editors fill them in."""

import re
from datetime import date, time, timedelta
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from socialekaart import models
from socialekaart.viewsets import TaalcodesField


def test_languages_are_typed_as_codes_with_commas_and_kept_as_a_list():
    field = TaalcodesField(required=False)
    assert field.clean("nl, EN;ar  tr, nl") == ["nl", "en", "ar", "tr"]
    assert field.clean("") == []
    assert field.prepare_value("nl, Engels") == "nl, Engels"  # as typed, shown again with an error


def test_languages_are_typed_and_shown_by_their_dutch_names():
    """A walk: providers were asked for "Taalcodes ... bijvoorbeeld nl, en, ar, tr"."""
    field = TaalcodesField(required=False)
    assert field.clean("Nederlands, engels; Nederlandse Gebarentaal") == ["nl", "en", "ngt"]
    assert field.clean("Nederlands Arabisch tr") == ["nl", "ar", "tr"]  # without commas too
    # A walk: "Oekraiens" was refused, and the provider had to guess the ï.
    assert field.clean("Oekraiens, Oekraïens") == ["uk"]
    assert field.prepare_value(["nl", "en", "ngt"]) == "Nederlands, Engels, Nederlandse Gebarentaal"
    # A code whose name another code has stays a code, so saving the form again keeps it as it was.
    assert field.prepare_value(["ber", "zgh", "xyz"]) == "Berbers, zgh, xyz"
    assert field.clean(field.prepare_value(["ber", "zgh", "xyz"])) == ["ber", "zgh", "xyz"]


def test_a_language_not_known_gets_a_message_that_says_how():
    with pytest.raises(Exception) as refused:
        TaalcodesField(required=False).clean("nl, Klingon")
    assert refused.value.messages == [
        "Deze taal kennen wij niet: klingon. Schrijf de naam van de taal, zoals Engels, of een code van 2 of "
        "3 letters, zoals en."
    ]


def test_the_voorziening_form_shows_its_languages_as_typed_text(client, kaart, redacteur):
    kaart.cafe.talen = ["nl", "en"]
    kaart.cafe.save()
    form_class = models.Voorziening.snippet_viewset.get_edit_handler().get_form_class()
    assert isinstance(form_class.base_fields["talen"], TaalcodesField)
    client.force_login(redacteur)
    page = client.get(f"/admin/snippets/socialekaart/voorziening/edit/{kaart.cafe.pk}/").content.decode()
    assert 'name="talen" value="Nederlands, Engels"' in page


@pytest.mark.parametrize(
    "record",
    [models.Voorziening, models.VoorzieningOpLocatie, models.Capaciteit, models.Locatie, models.Organisatie],
)
def test_only_opslaan_saves_a_record_of_the_kaart(client, kaart, redacteur, record):
    """A walk: Wagtail's autosave posted a provider's form while he typed. "Tijdelijk gesloten" was on the
    kaart before "Opslaan" (he left the page without saving), the check date became today, and a new
    voorziening was made halfway through."""
    model = record._meta.model_name
    client.force_login(redacteur)
    pages = [f"/admin/snippets/socialekaart/{model}/add/"]
    if (first := record.objects.first()) is not None:
        pages.append(f"/admin/snippets/socialekaart/{model}/edit/{first.pk}/")
    for url in pages:
        page = client.get(url).content.decode()
        assert 'name="csrfmiddlewaretoken"' in page, url
        assert not re.search(r'data-controller="[^"]*\bw-autosave\b', page), url
        assert "data-w-autosave-interval-value" not in page, url


def test_dates_and_times_are_typed_in_the_browsers_own_boxes_not_a_picker_that_writes_today(
    client, kaart, redacteur
):
    """Wagtail's picker put the time of day in place of "12 uur" and today's date in place of "gisteren"
    when the field was left, and the form was saved with it. The browser's own boxes take only a time or a
    date."""
    op_locatie = models.VoorzieningOpLocatie.objects.filter(voorziening=kaart.cafe).first()
    models.Openingstijd.objects.create(
        op_locatie=op_locatie, weekdag=3, open_van=time(9, 30), open_tot=time(12, 0)
    )
    kaart.cafe.laatst_gecontroleerd = date(2026, 11, 2)
    kaart.cafe.save()
    client.force_login(redacteur)
    hours = client.get(f"/admin/snippets/socialekaart/voorzieningoplocatie/edit/{op_locatie.pk}/")
    voorziening = client.get(f"/admin/snippets/socialekaart/voorziening/edit/{kaart.cafe.pk}/")
    for html, kind, name, value in (
        (hours.content.decode(), "time", "openingstijden-0-open_van", "09:30"),
        (hours.content.decode(), "time", "openingstijden-0-open_tot", "12:00"),
        (voorziening.content.decode(), "date", "laatst_gecontroleerd", "2026-11-02"),
    ):
        assert re.search(rf'<input type="{kind}" name="{name}" value="{value}"', html), name
        assert "date-time-chooser.js" not in html


class _FormValues(HTMLParser):
    """What a browser would send back for the page's edit form, unchanged."""

    def __init__(self):
        super().__init__()
        self.values, self._textarea, self._select = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.values.append(
                    (name, attrs.get("value") or ("on" if attrs.get("type") == "checkbox" else ""))
                )
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.values.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea:
            self.values.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select":
            self._select = None


def test_an_editor_saves_languages_typed_as_the_hint_says(client, kaart, redacteur):
    response = _save_cafe(client, kaart, redacteur, talen=["nl, en, ar"])
    assert response.status_code == 302, response.content.decode()[:2000]
    kaart.cafe.refresh_from_db()
    assert kaart.cafe.talen == ["nl", "en", "ar"]


def _save_cafe(client, kaart, user, **changes):
    """Post the café's edit form as the browser shows it, with `changes` (field -> list of values)."""
    client.force_login(user)
    url = f"/admin/snippets/socialekaart/voorziening/edit/{kaart.cafe.pk}/"
    parser = _FormValues()
    parser.feed(client.get(url).content.decode())
    data = {}
    for name, value in parser.values:
        data.setdefault(name, []).append(value)
    return client.post(url, {**data, **changes})


@pytest.mark.parametrize("changed", [{}, {"summary": ["Koffie en een praatje, elke dinsdag."]}])
def test_saving_a_voorziening_makes_it_checked_today(client, kaart, redacteur, changed):
    kaart.cafe.laatst_gecontroleerd = date(2025, 3, 1)
    kaart.cafe.save()
    response = _save_cafe(client, kaart, redacteur, **changed)
    assert response.status_code == 302, response.content.decode()[:2000]
    kaart.cafe.refresh_from_db()
    assert kaart.cafe.laatst_gecontroleerd == timezone.localdate()


def test_a_check_date_typed_by_hand_is_kept(client, kaart, redacteur):
    response = _save_cafe(client, kaart, redacteur, laatst_gecontroleerd=["2026-02-03"])
    assert response.status_code == 302, response.content.decode()[:2000]
    kaart.cafe.refresh_from_db()
    assert kaart.cafe.laatst_gecontroleerd == date(2026, 2, 3)


def test_a_check_date_in_the_future_is_refused_and_the_form_kept(client, kaart, redacteur):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = _save_cafe(client, kaart, redacteur, laatst_gecontroleerd=[tomorrow], summary=["Nieuw."])
    assert response.status_code == 200
    page = response.content.decode()
    assert "Deze datum ligt in de toekomst." in page
    assert re.search(r'<textarea[^>]*name="summary"[^>]*>\s*Nieuw\.</textarea>', page)  # kept
    kaart.cafe.refresh_from_db()
    assert kaart.cafe.laatst_gecontroleerd != timezone.localdate() + timedelta(days=1)


def test_ages_the_wrong_way_round_or_a_cost_without_its_amount_are_refused(kaart):
    """A walk saved "67 tot en met 18" and "U betaalt een bedrag" without one; the public page showed both."""
    from django.core.exceptions import ValidationError

    voorziening = kaart.cafe
    voorziening.leeftijd_min, voorziening.leeftijd_max = 67, 18
    voorziening.kosten, voorziening.kosten_bedrag = models.Voorziening.Kosten.BEDRAG, None
    with pytest.raises(ValidationError) as refused:
        voorziening.clean()
    assert refused.value.message_dict == {
        "leeftijd_max": ["Deze leeftijd is lager dan 'vanaf leeftijd' (67). Kijk ze na."],
        "kosten_bedrag": ["Vul het bedrag in. Of kies bij kosten iets anders."],
    }
    voorziening.leeftijd_min, voorziening.leeftijd_max, voorziening.kosten_bedrag = 18, 67, 2
    voorziening.clean()


@pytest.mark.parametrize(("typed", "stored"), [("2,50", "2.50"), ("2.50", "2.50"), ("12", "12.00")])
def test_an_amount_is_read_as_it_is_written_in_dutch(client, kaart, redacteur, typed, stored):
    """A number field in a browser not set to Dutch turned "2,50" into 250 without a word."""
    bedrag = {"kosten": [models.Voorziening.Kosten.BEDRAG], "kosten_bedrag": [typed]}
    response = _save_cafe(client, kaart, redacteur, **bedrag)
    assert response.status_code == 302
    kaart.cafe.refresh_from_db()
    assert str(kaart.cafe.kosten_bedrag) == stored
    page = client.get(f"/admin/snippets/socialekaart/voorziening/edit/{kaart.cafe.pk}/").content.decode()
    field = re.search(r'<input[^>]*name="kosten_bedrag"[^>]*>', page).group()
    assert 'type="text"' in field and 'inputmode="decimal"' in field
    assert f'value="{stored.replace(".", ",")}"' in field


def test_the_description_says_where_signing_up_and_costs_go(client, kaart, redacteur):
    """A walk: a provider's description said no sign-up was needed, while Aanmelden still asked for a call."""
    client.force_login(redacteur)
    page = client.get(f"/admin/snippets/socialekaart/voorziening/edit/{kaart.cafe.pk}/").content.decode()
    assert "Hoe mensen zich aanmelden en wat het kost, vult u hieronder in bij &#x27;Aanmelden&#x27;" in page


def test_the_summary_of_two_sentences_can_be_read_whole(client, kaart, redacteur):
    """It was a field of one line: at 390 px a provider saw the first words of its two sentences."""
    client.force_login(redacteur)
    page = client.get(f"/admin/snippets/socialekaart/voorziening/edit/{kaart.cafe.pk}/").content.decode()
    assert re.search(
        r'<textarea[^>]*name="summary"[^>]*rows="3"|<textarea[^>]*rows="3"[^>]*name="summary"', page
    )
    assert (
        _save_cafe(client, kaart, redacteur, summary=["Koffie en een praatje. Elke dinsdag."]).status_code
        == 302
    )


def test_an_amount_that_is_no_number_is_refused_and_kept(client, kaart, redacteur):
    response = _save_cafe(client, kaart, redacteur, kosten=["bedrag"], kosten_bedrag=["twee euro"])
    page = response.content.decode()
    assert response.status_code == 200 and 'value="twee euro"' in page


def test_an_amount_with_the_euro_sign_is_refused_with_what_to_type(client, kaart, redacteur):
    page = _save_cafe(client, kaart, redacteur, kosten=["bedrag"], kosten_bedrag=["€ 7,50"]).content.decode()
    assert "Vul alleen het bedrag in, zoals 7,50. Zonder € erbij." in page and 'value="€ 7,50"' in page


def test_a_waiting_time_typed_with_its_unit_is_refused_and_kept_not_saved_as_none(client, kaart, redacteur):
    """A walk: a browser's number field sent "3 weken" as nothing, and the page said the waiting time (6
    weeks before) was saved: professionals then saw none."""
    from .admin_helpers import form_data

    capacity = models.Capaciteit.objects.first()
    capacity.status, capacity.wachttijd_weken = models.Capaciteit.Status.BEPERKT, 6
    capacity.save()
    client.force_login(redacteur)
    edit = f"/admin/snippets/socialekaart/capaciteit/edit/{capacity.pk}/"
    field = re.search(r'<input[^>]*name="wachttijd_weken"[^>]*>', client.get(edit).content.decode()).group()
    assert 'type="text"' in field and 'inputmode="numeric"' in field
    response = client.post(edit, form_data(client, edit, wachttijd_weken="3 weken"))
    page = response.content.decode()
    assert response.status_code == 200 and 'value="3 weken"' in page
    assert "Vul alleen een getal in, zoals 3. Zonder woorden erbij." in page
    capacity.refresh_from_db()
    assert capacity.wachttijd_weken == 6
    assert client.post(edit, form_data(client, edit, wachttijd_weken="3")).status_code == 302
    capacity.refresh_from_db()
    assert capacity.wachttijd_weken == 3


def test_the_menu_the_list_and_its_button_give_places_and_opening_hours_one_name(client, kaart, redacteur):
    """The menu said "Openingstijden", the list it led to "Voorzieningen op locaties" and its button
    "Voorziening op een locatie toevoegen": a provider looking for the opening hours did not know she was
    there."""
    client.force_login(redacteur)
    html = client.get("/admin/snippets/socialekaart/voorzieningoplocatie/").content.decode()
    assert "<title>Plekken en openingstijden" in html
    assert "Plek en openingstijden toevoegen" in html
    assert "Plekken en openingstijden" in client.get("/admin/").content.decode()  # the menu
    assert "op locaties" not in html and "op een locatie" not in html


@pytest.mark.parametrize(
    ("van", "tot", "refused"),
    [
        ("19:00", "17:00", True),
        ("09:00", "09:00", True),
        ("18:00", "00:00", False),
        ("09:00", "12:30", False),
    ],
)
def test_opening_hours_that_end_before_they_start_are_refused_and_kept(
    client, kaart, redacteur, van, tot, refused
):
    """A walk: "19:00 tot 17:00" was saved and the kaart said "Donderdag 19.00 tot 17.00 uur". 00:00 as the
    end is midnight."""
    from .admin_helpers import form_data, url

    op_locatie = models.VoorzieningOpLocatie.objects.filter(voorziening=kaart.cafe).first()
    hours = models.Openingstijd.objects.create(
        op_locatie=op_locatie, weekdag=4, open_van=time(9, 30), open_tot=time(12, 0)
    )
    client.force_login(redacteur)
    edit = url("voorzieningoplocatie", "edit", op_locatie.pk)
    data = form_data(client, edit, **{"openingstijden-0-open_van": van, "openingstijden-0-open_tot": tot})
    response = client.post(edit, data)
    hours.refresh_from_db()
    if refused:
        assert response.status_code == 200
        html = response.content.decode()
        assert "Deze tijd ligt niet na &#x27;open van&#x27;. Kijk de tijden na." in html
        assert f'value="{van}"' in html and f'value="{tot}"' in html  # what was typed stays
        assert (hours.open_van, hours.open_tot) == (time(9, 30), time(12, 0))
    else:
        assert response.status_code == 302
        assert f"{hours.open_van:%H:%M}" == van and f"{hours.open_tot:%H:%M}" == tot


def test_a_phone_number_a_digit_short_is_refused_and_kept(client, kaart, redacteur):
    """A walk: "0599-60077" went public as "Bel: 0599-60077"; nobody can call it."""
    response = _save_cafe(client, kaart, redacteur, aanmelden_telefoon=["0599-60077"])
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vul een telefoonnummer in van 10 cijfers, zoals 0599 123456." in html
    assert 'value="0599-60077"' in html
    kaart.cafe.refresh_from_db()
    assert kaart.cafe.aanmelden_telefoon != "0599-60077"
    assert _save_cafe(client, kaart, redacteur, aanmelden_telefoon=["0800-2000"]).status_code == 302


def test_after_saving_the_provider_can_look_at_the_page_residents_see(client, kaart, redacteur):
    """A walk: "Voorziening 'Samen eten Centrum' bijgewerkt." and nothing more; the capacity form did not say
    who reads it."""
    response = _save_cafe(client, kaart, redacteur)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert f'href="{kaart.cafe.get_absolute_url()}"' in page and "Bekijk op de sociale kaart" in page
    # Another walk's provider expected the gemeente to check a change before it was public.
    assert "bijgewerkt. Inwoners zien dit nu op de sociale kaart." in page
    capacity = client.get("/admin/snippets/socialekaart/capaciteit/add/").content.decode()
    assert (
        "Alleen professionals zien dit, zoals huisartsen en de wijkteams. Inwoners zien het niet." in capacity
    )


def test_after_saving_a_plek_the_provider_can_go_back_to_its_voorziening(client, kaart, redacteur):
    """A walk: after saving opening hours the provider landed on the list of every plek of her organisation,
    with no way back to the voorziening she was working on, nor to its page on the kaart."""
    from .admin_helpers import form_data, url

    client.force_login(redacteur)
    plek = kaart.cafe.op_locaties.first()
    edit = url("voorzieningoplocatie", "edit", plek.pk)
    response = client.post(edit, form_data(client, edit))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert (
        f'href="{url("voorziening", "edit", kaart.cafe.pk)}"' in page and "Terug naar de voorziening" in page
    )
    assert (
        f'href="{kaart.cafe.get_absolute_url()}"' in page
        and "Inwoners zien dit nu op de sociale kaart." in page
    )


def test_a_location_typed_with_its_address_alone_is_on_the_kaart_in_its_wijk(client, kaart, redacteur):
    """A walk: a new location with street, number, postcode and place but no coordinates (two fields nobody
    explained) was "In uw wijk. Deze hulp heeft geen vast adres." in the results, not on the map, and without
    its wijk. "39144 AB" was kept as "39144 A", and a latitude without its longitude was taken."""
    from .admin_helpers import form_data, url

    client.force_login(redacteur)
    add = url("locatie", "add")
    typed = {"organisatie": kaart.cafe.organisatie.pk, "name": "Wijkcentrum De Kaap", "straat": "Havenkade"}
    page = client.get(add).content.decode()
    assert "Leeg: het midden van de postcode." in page and "Leeg: de wijk van de postcode." in page
    wrong = client.post(add, form_data(client, add, **typed, postcode="39144 A", latitude="52,1"))
    html = wrong.content.decode()
    assert "Vul een postcode in met 4 cijfers en 2 letters, bijvoorbeeld 3911 AB." in html
    assert "Vul de breedtegraad en de lengtegraad allebei in, of laat ze allebei leeg." in html
    assert 'value="39144 A"' in html and not models.Locatie.objects.filter(name="Wijkcentrum De Kaap")
    assert client.post(add, form_data(client, add, **typed, postcode="3913ab")).status_code == 302
    locatie = models.Locatie.objects.get(name="Wijkcentrum De Kaap")
    assert locatie.postcode == "3913 AB" and locatie.wijk.slug == "oude-haven"
    assert (locatie.latitude, locatie.longitude) == (52.0981, 5.1327)  # the centre of 3913
    # A review: moved to 3911, it kept the wijk and the point of 3913.
    edit = url("locatie", "edit", locatie.pk)
    assert client.post(edit, form_data(client, edit, postcode="3911 AB")).status_code == 302
    locatie.refresh_from_db()
    assert locatie.wijk.slug == "centrum" and (locatie.latitude, locatie.longitude) == (52.0912, 5.1210)


def test_a_pasted_summary_that_is_too_long_is_kept_and_said_so(client, kaart, redacteur):
    """A walk: a summary of 439 characters pasted into the form stopped at 300 ("... schoon en doet"), without
    a word: the browser's maxlength cut it."""
    from .admin_helpers import form_data, url

    client.force_login(redacteur)
    edit = url("voorziening", "edit", kaart.cafe.pk)
    page = client.get(edit).content.decode()
    assert 'data-max-length="300"' in page and 'maxlength="300"' not in page
    pasted = ("Wij komen bij u thuis en maken schoon. " * 11).strip()
    response = client.post(edit, form_data(client, edit, summary=pasted))
    html = response.content.decode()
    assert f"Deze tekst heeft {len(pasted)} tekens. Dat mag hoogstens 300 zijn. Maak hem wat korter." in html
    assert pasted in html  # every word still there to shorten


def test_a_postcode_outside_the_gemeente_is_asked_about(client, kaart, redacteur):
    """A walk: "1011 AB" for "3911 AB" was saved without a word; the location lost its wijk and its point and
    was "In uw wijk. Deze hulp heeft geen vast adres." A location that is really outside gives its point."""
    from .admin_helpers import form_data, url

    client.force_login(redacteur)
    locatie = models.Locatie.objects.filter(wijk__isnull=False).first()
    edit = url("locatie", "edit", locatie.pk)
    wrong = client.post(edit, form_data(client, edit, postcode="1011 AB"))
    assert wrong.status_code == 200
    assert "Deze postcode ligt niet in onze gemeente. Kijk de postcode na." in wrong.content.decode()
    locatie.refresh_from_db()
    assert locatie.postcode != "1011 AB" and locatie.wijk is not None
    outside = form_data(client, edit, postcode="1011 AB", latitude="52,37", longitude="4,90")
    assert client.post(edit, outside).status_code == 302
    locatie.refresh_from_db()
    assert (locatie.postcode, locatie.latitude, locatie.wijk) == ("1011 AB", 52.37, None)


def test_saving_the_opening_hours_makes_the_voorziening_checked_today(client, kaart, redacteur):
    """A walk: a provider's new Tuesday evening hours showed at once, under "Wij keken deze gegevens na op 5
    april 2026"; only saving the voorziening itself moved that date."""
    from .admin_helpers import form_data, url

    models.Voorziening.objects.filter(pk=kaart.cafe.pk).update(laatst_gecontroleerd=date(2026, 4, 5))
    op_locatie = models.VoorzieningOpLocatie.objects.filter(voorziening=kaart.cafe).first()
    client.force_login(redacteur)
    edit = url("voorzieningoplocatie", "edit", op_locatie.pk)
    hours = {
        "openingstijden-TOTAL_FORMS": "1",
        "openingstijden-0-weekdag": "2",
        "openingstijden-0-open_van": "19:00",
        "openingstijden-0-open_tot": "21:00",
    }
    assert client.post(edit, form_data(client, edit, **hours)).status_code == 302
    kaart.cafe.refresh_from_db()
    assert kaart.cafe.laatst_gecontroleerd == timezone.localdate()


def test_after_adding_a_voorziening_the_message_leads_to_its_place_and_hours(client, kaart, redacteur):
    """A walk: after "Voorziening ... toegevoegd" nothing said that where and when the help is, is a second
    step, in another menu."""
    from .admin_helpers import form_data, url

    client.force_login(redacteur)
    add = url("voorziening", "add")
    typed = {"organisatie": kaart.cafe.organisatie.pk, "name": "Koffieochtend", "summary": "Samen koffie."}
    data = form_data(client, add, **typed)
    response = client.post(add, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = " ".join(client.get(response["Location"]).content.decode().split())
    assert "Zet nu ook waar en wanneer de hulp is, bij Plekken en openingstijden." in page
    new = models.Voorziening.objects.get(name="Koffieochtend")
    assert f'href="{url("voorzieningoplocatie", "add")}?voorziening={new.pk}"' in page  # for this one


def test_the_voorziening_form_leads_to_its_places_and_opening_hours(client, kaart, aanbieder):
    """A walk: a provider looked for the opening hours on her voorziening's form, and did not know "Plekken en
    openingstijden" in the menu was where they were."""
    from .admin_helpers import url

    client.force_login(aanbieder)
    op_locatie = models.VoorzieningOpLocatie.objects.get(voorziening=kaart.huishouding)
    page = client.get(url("voorziening", "edit", kaart.huishouding.pk)).content.decode()
    assert "De openingstijden staan bij de plek." in page
    assert f'href="{url("voorzieningoplocatie", "edit", op_locatie.pk)}"' in page
    add = f"{url('voorzieningoplocatie', 'add')}?voorziening={kaart.huishouding.pk}"
    assert f'href="{add}"' in page
    assert _chosen_voorziening(client, add) == str(kaart.huishouding.pk)  # the voorziening is chosen
    assert _chosen_voorziening(
        client, f"{url('voorzieningoplocatie', 'add')}?voorziening={kaart.cafe.pk}"
    ) in (
        None,
        "",
    )  # not hers: nothing chosen


def _chosen_voorziening(client, add_url: str) -> str | None:
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client.get(add_url).content, "html.parser")
    chosen = page.select_one("select[name=voorziening] option[selected]")
    return chosen["value"] if chosen else None


def test_after_saving_the_taalcheck_says_what_is_not_b1_yet(client, kaart, aanbieder):
    """A walk: "Ter ondersteuning van mantelzorgers in het kader van respijtzorg faciliteren wij periodiek
    lotgenotencontact teneinde overbelasting te voorkomen." was saved without a word, under a hint asking for
    eenvoudige taal. The check advises; the text is saved."""
    from .admin_helpers import form_data, url

    client.force_login(aanbieder)
    edit = url("voorziening", "edit", kaart.dagbesteding.pk)
    officialese = (
        "Ter ondersteuning van mantelzorgers in het kader van respijtzorg faciliteren wij periodiek "
        "lotgenotencontact teneinde overbelasting te voorkomen."
    )
    response = client.post(edit, form_data(client, edit, summary=officialese), follow=True)
    page = " ".join(response.content.decode().split())
    # What to change, in words a volunteer knows: which text, which words; not "Flesch-Douma 60,6" and no
    # "lijst hieronder" where no list stood (a walk).
    assert "Let op: de taalcheck vindt deze tekst nog niet makkelijk genoeg (B1): Samenvatting." in page
    assert "Kies gewone woorden: &#x27;in het kader van&#x27; wordt &#x27;bij, voor&#x27;;" in page
    assert "&#x27;faciliteren&#x27; wordt &#x27;helpen, mogelijk maken&#x27;" in page
    assert "Maak lange zinnen korter." in page and "Flesch" not in page
    kaart.dagbesteding.refresh_from_db()
    assert kaart.dagbesteding.summary == officialese
    plain = client.post(edit, form_data(client, edit, summary="Samen iets doen overdag."), follow=True)
    assert "volgens de taalcheck" not in plain.content.decode()
    # A walk: "Maak lange zinnen korter" did not say which; the description had one sentence of 37 words.
    long = (
        "Wij komen bij u thuis en helpen u met de boodschappen en het huishouden en ook met de post en de "
        "rekeningen als u dat zelf niet meer goed kunt doen omdat u ziek bent of oud."
    )
    text = "Wij helpen u graag. " + long
    page = " ".join(
        client.post(edit, form_data(client, edit, description=text), follow=True).content.decode().split()
    )
    said = "Maak lange zinnen korter. Zoals de zin van 37 woorden die begint met &#x27;Wij komen bij u thuis"
    assert f"{said} en ...&#x27;." in page


def _post_hours(client, kaart, redacteur, rows, **extra):
    """The café's only place saved with these opening hours, (weekdag, van, tot) each, as new rows; returns
    the answer and the place."""
    from .admin_helpers import form_data, url

    op_locatie = models.VoorzieningOpLocatie.objects.filter(voorziening=kaart.cafe).first()
    op_locatie.openingstijden.all().delete()
    client.force_login(redacteur)
    edit = url("voorzieningoplocatie", "edit", op_locatie.pk)
    hours = {"openingstijden-TOTAL_FORMS": str(len(rows)), "openingstijden-INITIAL_FORMS": "0", **extra}
    for row, (dag, van, tot) in enumerate(rows):
        hours |= {
            f"openingstijden-{row}-weekdag": dag,
            f"openingstijden-{row}-open_van": van,
            f"openingstijden-{row}-open_tot": tot,
            f"openingstijden-{row}-ORDER": str(row + 1),
        }
    return client.post(edit, form_data(client, edit, **hours)), op_locatie


@pytest.mark.parametrize(
    ("second", "overlaps"),
    [
        (("1", "10:00", "14:00"), True),
        (("1", "08:00", "09:30"), True),  # the later one of the two is the first row: the error goes there
        (("1", "09:00", "12:00"), True),  # the same hours twice
        (("1", "10:00", "11:00"), True),  # within the other
        (("1", "12:00", "14:00"), False),  # one after the other
        (("2", "10:00", "14:00"), False),  # another day
    ],
)
def test_opening_hours_of_one_day_that_overlap_are_refused_and_kept(
    client, kaart, redacteur, second, overlaps
):
    """A walk's provider saved "09:00 tot 12:00" and "10:00 tot 14:00" on a Monday, and the kaart showed
    both."""
    response, op_locatie = _post_hours(client, kaart, redacteur, [("1", "09:00", "12:00"), second])
    if overlaps:
        assert response.status_code == 200
        html = response.content.decode()
        assert html.count("Deze tijd valt in een andere openingstijd op maandag: van ") == 1
        assert "Maak er één openingstijd van, of verander de tijden." in html
        assert f'value="{second[1]}"' in html and f'value="{second[2]}"' in html  # what was typed stays
        assert not op_locatie.openingstijden.exists()
    else:
        assert response.status_code == 302
        assert op_locatie.openingstijden.count() == 2


def test_three_overlapping_opening_hours_are_each_refused_at_the_later(client, kaart, redacteur):
    """A review: a third hour compared with one that had its error already broke the form."""
    rows = [("1", "09:00", "12:00"), ("1", "10:00", "14:00"), ("1", "13:00", "15:00")]
    response, op_locatie = _post_hours(client, kaart, redacteur, rows)
    assert response.status_code == 200
    html = response.content.decode()
    assert "op maandag: van 09:00 tot 12:00." in html and "op maandag: van 10:00 tot 14:00." in html
    assert not op_locatie.openingstijden.exists()


def test_overlapping_opening_hours_may_be_mended_by_removing_one(client, kaart, redacteur):
    """An hour marked to be removed is no longer compared."""
    rows = [("1", "09:00", "12:00")] * 2
    response, op_locatie = _post_hours(client, kaart, redacteur, rows, **{"openingstijden-1-DELETE": "1"})
    assert response.status_code == 302
    assert op_locatie.openingstijden.count() == 1
