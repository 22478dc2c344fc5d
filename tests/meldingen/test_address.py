"""Address lookup: the embedded demo table, outside the municipality, and a stand-in PDOK server."""

import contextlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings

from meldingen.address import FOUND, NOT_FOUND, OUTSIDE, UNAVAILABLE, lookup_address
from meldingen.models import Melding
from portal import taalcheck

from .conftest import ZELF_KORT, step_data

pytestmark = pytest.mark.django_db
PDOK = "meldingen.address.PdokAddressLookup"


class StandInPdok(BaseHTTPRequestHandler):
    """Answers like the Locatieserver; `mode` on the server picks success, 500, slow or garbage."""

    def do_GET(self):  # noqa: N802
        mode = self.server.mode
        self.server.requests.append(self.path)
        if mode == "slow":
            time.sleep(1.5)
        if mode == "error":
            self.send_response(500)
            self.end_headers()
            return
        if mode == "garbage":
            body = b"<html>not json"
        else:
            docs = (
                []
                if mode == "empty"
                else [
                    {
                        "straatnaam": "Lange Voorhout",
                        "woonplaatsnaam": "Den Haag",
                        "gemeentecode": "0518",
                        "huisletter": "",
                        "huisnummertoevoeging": "",
                    }
                ]
            )
            body = json.dumps({"response": {"numFound": len(docs), "docs": docs}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            self.wfile.write(body)

    def log_message(self, *args):  # keep postcodes out of the test output
        pass


@pytest.fixture
def pdok(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandInPdok)
    server.mode = "ok"
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    settings.MELDINGEN_ADDRESS_LOOKUP = PDOK
    settings.MELDINGEN_PDOK_URL = f"http://127.0.0.1:{server.server_port}/free"
    settings.MELDINGEN_PDOK_TIMEOUT_SECONDS = 0.5
    settings.MELDINGEN_GEMEENTE_CODE = "0518"
    yield server
    server.shutdown()
    server.server_close()


def test_demo_lookup_finds_street_and_town():
    result = lookup_address("3924aa", "5")
    assert result.status == FOUND and result.street == "Raveldseweg" and result.town == "Raveld"


def test_demo_lookup_knows_other_postcodes_lie_outside():
    assert lookup_address("1012 AB", "1").status == OUTSIDE


def test_demo_lookup_leaves_a_street_it_does_not_know_in_the_municipality_to_be_typed():
    """3911 ZZ is not in the demo's table of streets, but 3911 is Centrum: the address is the user's to
    type, not refused as lying elsewhere."""
    from socialekaart.models import Wijk, WijkPostcode

    WijkPostcode.objects.create(wijk=Wijk.objects.create(name="Centrum", slug="centrum"), pc4="3911")
    assert lookup_address("3911 ZZ", "4").status == NOT_FOUND
    assert lookup_address("1012 AB", "1").status == OUTSIDE


def test_zoek_adres_without_javascript_fills_in_the_fields(walker):
    walker.start()
    walker.post("voor-wie", {"voor_wie": "zelf"})
    walker.post("keuze", {"soort": "kort"})
    typed = {"naam": "Jan", "postcode": "3913 AA", "huisnummer": "8"}
    # The page with the address is the answer to a GET: a walk's Back after it showed the browser's "send
    # the form again?" page. It lands on the address, where the lookup's answer stands (on a phone a screen
    # below the page's top).
    posted = walker.client.post("/melding/gegevens/", {**step_data("gegevens", typed), "zoek_adres": "1"})
    assert (posted.status_code, posted["Location"]) == (302, "/melding/gegevens/#adres")
    html = walker.client.get("/melding/gegevens/").content.decode()
    assert 'id="adres"' in html
    assert 'value="Kadeweg"' in html and 'value="Lindewaard"' in html
    assert 'value="Jan"' in html
    # The street and town in the message, for who hears it (a walk with a screen reader).
    assert "Wij hebben het adres gevonden: Kadeweg in Lindewaard." in html
    assert 'aria-describedby="address-hint"' in html
    assert "error-summary" not in html  # looking up is not submitting
    again = walker.client.get("/melding/gegevens/").content.decode()  # a reload: what was typed, once told
    assert 'value="Kadeweg"' in again and "Wij hebben het adres gevonden" not in again


def test_the_street_and_town_it_fills_in_are_not_asked_for(walker):
    """The page says "Wij vullen de straat en woonplaats in", and an empty page still said "Straat: vul de
    straat in." and "Woonplaats: vul de woonplaats in.": errors for what the writer was told not to type."""
    walker.start()
    walker.post("voor-wie", {"voor_wie": "zelf"})
    walker.post("keuze", {"soort": "kort"})
    empty = walker.post("gegevens", {}).content.decode()
    assert "vul de postcode in" in empty.lower() and "Vul de straat in" not in empty
    assert "Vul de woonplaats in" not in empty
    # Sent without "Zoek adres" (no scripts, or not pressed): the address found is filled in.
    data = {"naam": "Jan", "postcode": "3913 AA", "huisnummer": "8", "telefoon": "0612345678"}
    walker.post("waarover", {})
    assert walker.post("gegevens", data)["Location"] == "/melding/spoed/"
    walker.post("spoed", {"spoed": "nee"})
    check = walker.client.get("/melding/controleren/").content.decode()
    assert "Kadeweg" in check and "Lindewaard" in check


def test_an_address_not_found_asks_for_the_street_and_town(walker):
    """A walk: without "Zoek adres" the page said only "Straat: vul de straat in." and "Woonplaats: vul de
    woonplaats in.", and not that the postcode was not found."""
    from socialekaart.models import Wijk, WijkPostcode

    WijkPostcode.objects.create(wijk=Wijk.objects.create(name="Centrum", slug="centrum"), pc4="3911")
    walker.start()
    walker.post("voor-wie", {"voor_wie": "zelf"})
    walker.post("keuze", {"soort": "kort"})
    data = {"naam": "Jan", "postcode": "3911 ZZ", "huisnummer": "4", "telefoon": "0612345678"}
    html = " ".join(walker.post("gegevens", data).content.decode().split())
    not_found = "e vinden dit adres niet. Kijk of de postcode en het huisnummer kloppen, of vul de straat en"
    assert html.count(not_found) == 2  # in the summary and at the street: one message for one problem
    assert "Vul de woonplaats in." not in html and 'value="3911 ZZ"' in html
    typed_street = walker.post("gegevens", dict(data, straat="Nieuwe Gracht")).content.decode()
    assert "Vul de woonplaats in." in typed_street  # what is still missing, once the street is there


def test_typed_street_is_kept_when_submitting(walker):
    walker.start()
    walker.post("voor-wie", {"voor_wie": "zelf"})
    walker.post("keuze", {"soort": "kort"})
    walker.post("waarover", {})
    # Another street than the postcode's: asked about once, then hers (as the page sends it back).
    data = dict(dict(ZELF_KORT)["gegevens"], straat="Kerkplein-Noord", woonplaats="Lindewaard")
    assert walker.post("gegevens", data).status_code == 200
    assert walker.post("gegevens", dict(data, straat_gezien="Kerkplein")).status_code == 302
    walker.post("spoed", {"spoed": "nee"})
    assert "Kerkplein-Noord" in walker.client.get("/melding/controleren/").content.decode()


def test_a_street_kept_from_an_earlier_postcode_goes_with_it(walker):
    """Changed from the check page without "Zoek adres", the postcode went out with the street of the one
    before: "Kerkplein 12, 3913 AA", an address that does not exist. A street changed too stays as typed."""
    filled_in = dict(dict(ZELF_KORT)["gegevens"], straat="Kerkplein", woonplaats="Lindewaard")
    walker.walk([*ZELF_KORT[:3], ("gegevens", filled_in), *ZELF_KORT[4:]])
    moved = dict(filled_in, postcode="3913aa")
    assert walker.post("gegevens", moved, terug="controleren").status_code == 302
    check = walker.client.get("/melding/controleren/").content.decode()
    assert "Kadeweg 12" in check and "Kerkplein" not in check
    assert (
        walker.post("gegevens", dict(moved, straat="Kadeweg-Oost", straat_gezien="Kadeweg")).status_code
        == 302
    )
    assert "Kadeweg-Oost 12" in walker.client.get("/melding/controleren/").content.decode()
    walker.submit()
    assert Melding.objects.get().answers["gegevens"]["straat"] == "Kadeweg-Oost"


def test_a_street_kept_from_an_earlier_postcode_is_asked_again_when_the_new_one_is_not_found(walker):
    """A walk: 3920 XY, in the municipality but not in the address table, went out as "Kerkplein 12, 3920 XY"
    in another wijk."""
    from socialekaart.models import Wijk, WijkPostcode

    WijkPostcode.objects.create(wijk=Wijk.objects.create(name="Molenwijk", slug="molenwijk"), pc4="3920")
    filled_in = dict(dict(ZELF_KORT)["gegevens"], straat="Kerkplein", woonplaats="Lindewaard")
    walker.walk([*ZELF_KORT[:3], ("gegevens", filled_in), *ZELF_KORT[4:]])
    response = walker.post("gegevens", dict(filled_in, postcode="3920 XY"), terug="controleren")
    html = response.content.decode()
    assert "We vinden dit adres niet." in html and 'value="Kerkplein"' not in html  # asked again
    assert 'value="Lindewaard"' in html and 'value="3920 XY"' in html  # the rest stays as typed


def test_a_street_typed_beside_a_postcode_outside_stays_and_another_street_is_asked_about_once(walker):
    """A walk: "Wiekenstraat 12" with a postcode outside the gemeente, then a second typo in the postcode: the
    check page said the street of that postcode, and the consulent would have gone to another door."""
    typed = dict(dict(ZELF_KORT)["gegevens"], straat="Kerkplein", postcode="1234 AB")
    walker.walk(ZELF_KORT[:3])
    assert "Dit adres ligt niet in onze gemeente." in walker.post("gegevens", typed).content.decode()
    second_typo = dict(typed, postcode="3913 AA")  # Kadeweg
    html = " ".join(walker.post("gegevens", second_typo).content.decode().split())
    assert "Bij postcode 3913 AA en huisnummer 12 hoort de straat Kadeweg. U schreef Kerkplein." in html
    assert 'value="Kerkplein"' in html and 'value="3913 AA"' in html  # nothing typed is changed
    assert 'name="gegevens-straat_gezien" value="Kadeweg"' in html
    assert "Wij hebben een vraag over uw antwoord:" in html and "Fout:" not in html  # no mistake: a question
    assert walker.post("gegevens", second_typo).status_code == 200  # asked until she saw it
    again = dict(second_typo, straat_gezien="Kadeweg")  # as the page sends it
    assert walker.post("gegevens", again).status_code == 302  # sent again: her street is hers
    walker.post("spoed", {"spoed": "nee"})
    check = walker.client.get("/melding/controleren/").content.decode()
    assert "Kerkplein 12" in check and "Kadeweg" not in check
    asked = walker.post("gegevens", dict(again, postcode="3911 AB", straat="Kadeweg"), terug="controleren")
    assert "hoort de straat Kerkplein. U schreef Kadeweg." in " ".join(asked.content.decode().split())
    assert walker.post("gegevens", dict(again, postcode="3911 AB"), terug="controleren").status_code == 302
    walker.submit()
    assert "straat_gezien" not in Melding.objects.get().answers["gegevens"]


def test_a_street_kept_after_the_question_is_read_by_the_consulent_beside_the_postcodes(walker):
    """The last review: the writer kept her street, and the consulent had no word that the postcode's street
    is another: one of the two has a typo."""
    kept = dict(dict(ZELF_KORT)["gegevens"], straat="Kerkplein", postcode="3913 AA", straat_gezien="Kadeweg")
    walker.walk([(step, kept if step == "gegevens" else data) for step, data in ZELF_KORT])
    walker.submit()
    melding = Melding.objects.get()
    staff = {label: value for _title, rows in melding.summary_sections(staff=True) for label, value in rows}
    assert staff["Adres"].endswith("(bij deze postcode en dit huisnummer hoort de straat Kadeweg)")
    assert staff["Adres"].startswith("Kerkplein 12, 3913 AA")
    writer = {label: value for _title, rows in melding.summary_sections() for label, value in rows}
    assert "Kadeweg" not in writer["Adres"]


def test_the_street_of_the_postcode_goes_on_without_a_question(walker):
    walker.walk(ZELF_KORT[:3])
    for street in ("Kerkplein", "kerkplein", "Kerk plein", "Kerkpleni", ""):  # one typo at most
        data = dict(dict(ZELF_KORT)["gegevens"], straat=street)
        assert walker.post("gegevens", data).status_code == 302, street
        walker.client.get("/melding/gegevens/")


@pytest.mark.parametrize("street", ["Kerk", "Kerkstraat", "Oude Kerkplein"])
def test_another_street_of_a_few_letters_more_or_other_is_asked_about(walker, street):
    """The review: "Kade" for "Kadeweg", "Lange" for "Korte Nieuwstraat" went on without a question."""
    walker.walk(ZELF_KORT[:3])
    html = " ".join(
        walker.post("gegevens", dict(dict(ZELF_KORT)["gegevens"], straat=street)).content.decode().split()
    )
    assert f"hoort de straat Kerkplein. U schreef {street}." in html


def test_outside_the_municipality_is_one_error_not_three(walker):
    """Street and town left empty were errors of their own beside the postcode outside the municipality:
    three lines in red for one problem."""
    walker.start()
    walker.post("voor-wie", {"voor_wie": "zelf"})
    walker.post("keuze", {"soort": "kort"})
    html = walker.post("gegevens", dict(dict(ZELF_KORT)["gegevens"], postcode="1234 AB")).content.decode()
    assert "Dit adres ligt niet in onze gemeente." in html
    assert "Vul de straat in." not in html and "Vul de woonplaats in." not in html


def test_outside_the_municipality_says_what_to_do(walker):
    walker.start()
    walker.post("voor-wie", {"voor_wie": "zelf"})
    walker.post("keuze", {"soort": "kort"})
    data = dict(dict(ZELF_KORT)["gegevens"], postcode="1012 AB", straat="Damrak", woonplaats="Amsterdam")
    html = walker.post("gegevens", data).content.decode()
    assert "Dit adres ligt niet in onze gemeente." in html
    assert "Kijk of de postcode goed is." in html  # a typing error in it, first ("9999 ZZ")
    assert "Woont u ergens anders?" in html  # the melding is for herself
    assert "Wmo-loket van die gemeente" in html
    assert "https://www.overheid.nl/wie-is-mijn-gemeente" in html
    assert 'value="Damrak"' in html


def test_the_address_messages_speak_to_whom_the_melding_is_for(walker):
    walker.start()
    walker.post("voor-wie", {"voor_wie": "mantelzorger"})
    outside = walker.client.post("/melding/adres/", {"postcode": "9999ZZ", "huisnummer": "1"}).json()
    assert "Woont de persoon ergens anders?" in outside["message"]
    looked_up = walker.client.post(
        "/melding/gegevens/",
        {
            "melding_wizard-current_step": "gegevens",
            "gegevens-postcode": "9999 ZZ",
            "gegevens-huisnummer": "1",
            "zoek_adres": "1",
        },
        follow=True,
    )
    assert "Woont de persoon ergens anders?" in looked_up.content.decode()


def test_json_endpoint_for_the_enhancement(client):
    found = client.post("/melding/adres/", {"postcode": "3911AB", "huisnummer": "1"}).json()
    assert found["status"] == "found" and found["straat"] == "Kerkplein"
    outside = client.post("/melding/adres/", {"postcode": "9999ZZ", "huisnummer": "1"}).json()
    assert outside["status"] == "outside" and "Wmo-loket" in outside["message"]
    bad = client.post("/melding/adres/", {"postcode": "<script>", "huisnummer": "x" * 500})
    assert bad.status_code == 200 and bad.json()["status"] == "invalid"


@pytest.mark.parametrize(
    ("postcode", "huisnummer", "message"),
    [
        (
            "12",
            "14",
            "Kijk of de postcode goed is. Een postcode heeft 4 cijfers en 2 letters, zoals 3911 AB.",
        ),
        ("3911 AB", "", "Kijk of het huisnummer goed is. Vul een nummer in, zoals 12."),
        ("12", "", "Vul een postcode in zoals 3911 AB en een huisnummer zoals 12."),
    ],
)
def test_a_wrong_postcode_or_house_number_is_named(client, postcode, huisnummer, message):
    """ "Vul een postcode in zoals 3911 AB en een huisnummer zoals 12" for the postcode "12" and the house
    number 14 read as a correction of the house number."""
    answer = client.post("/melding/adres/", {"postcode": postcode, "huisnummer": huisnummer}).json()
    assert answer["status"] == "invalid" and answer["message"] == message
    report = taalcheck.check_text(message)
    assert report.passed, report.problems


def test_the_address_lookup_takes_no_address_in_the_url(client):
    """Access logs keep query strings: a postcode and house number there would end up in them."""
    response = client.get("/melding/adres/", {"postcode": "3911AB", "huisnummer": "1"})
    assert response.status_code == 405 and b"Kerkplein" not in response.content
    script = (settings.BASE_DIR / "static/js/melding.js").read_text()
    assert 'method: "POST"' in script and '"?" + query' not in script


def test_pdok_found(pdok):
    result = lookup_address("2514 EA", "10")
    assert (result.status, result.street, result.town) == (FOUND, "Lange Voorhout", "Den Haag")
    assert "postcode%3A2514EA" in pdok.requests[0] and "huisnummer%3A10" in pdok.requests[0]


def test_pdok_other_municipality_is_outside(pdok, settings):
    settings.MELDINGEN_GEMEENTE_CODE = "0344"
    assert lookup_address("2514 EA", "10").status == OUTSIDE


def test_pdok_unknown_address(pdok):
    pdok.mode = "empty"
    assert lookup_address("2514 EA", "999").status == NOT_FOUND


@pytest.mark.parametrize("mode", ["error", "slow", "garbage"])
def test_pdok_failures_fall_back_to_typing(pdok, mode, caplog):
    pdok.mode = mode
    started = time.monotonic()
    assert lookup_address("2514 EA", "10").status == UNAVAILABLE
    assert time.monotonic() - started < 1.4  # the timeout, not the slow server, decides
    assert "2514" not in caplog.text


def test_pdok_refused_connection(settings):
    settings.MELDINGEN_ADDRESS_LOOKUP = PDOK
    settings.MELDINGEN_PDOK_URL = "http://127.0.0.1:9/free"
    assert lookup_address("2514 EA", "10").status == UNAVAILABLE


def test_pdok_down_the_user_types_the_address_and_goes_on(walker, pdok):
    pdok.mode = "error"
    walker.start()
    walker.post("voor-wie", {"voor_wie": "zelf"})
    walker.post("keuze", {"soort": "kort"})
    data = {"naam": "Jan", "postcode": "2514 EA", "huisnummer": "10", "telefoon": "0612345678"}
    html = walker.post("gegevens", data, zoek_adres="1").content.decode()
    assert "lukt nu niet" in html and "zelf in" in html
    assert (
        len(pdok.requests) == 1
    )  # the page after the redirect says what the lookup found, without asking again
    response = walker.post("gegevens", dict(data, straat="Lange Voorhout", woonplaats="Den Haag"))
    assert response["Location"] == "/melding/spoed/"


def test_the_postcode_gives_the_wijk(walker):
    from socialekaart.models import Wijk, WijkPostcode

    wijk = Wijk.objects.create(name="Centrum", slug="centrum", cbs_code="WK990101")
    WijkPostcode.objects.create(wijk=wijk, pc4="3911")
    walker.walk(ZELF_KORT)
    assert "Centrum" in walker.client.get("/melding/controleren/").content.decode()
    walker.submit()
    from meldingen.models import Melding

    assert Melding.objects.get().wijk == wijk


def test_the_found_message_names_the_street_and_town_only_when_both_came():
    """A lookup may find a postcode without a street or town (PDOK): "gevonden:  in ." said nothing."""
    from meldingen.address import FOUND, AddressResult
    from meldingen.forms import address_message

    named = address_message(AddressResult(FOUND, street="Kadeweg", town="Lindewaard"))
    assert named.startswith("Wij hebben het adres gevonden: Kadeweg in Lindewaard.")
    assert address_message(AddressResult(FOUND, street="", town="Lindewaard")) == (
        "Wij hebben het adres gevonden. Kijk of de straat en woonplaats kloppen."
    )
