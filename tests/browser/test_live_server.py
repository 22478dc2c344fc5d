"""The live server the browser tests use answers two requests at once as a real server would: the address
lookup a script fetches while a form is sent must not break either (see OneRequestAtATime)."""

from concurrent.futures import ThreadPoolExecutor

import requests

from tests.meldingen.conftest import step_data

ROUNDS = 25


def csrf_token(resident: requests.Session) -> str:
    """The CSRF cookie the first page set: Django takes its value as the form's token."""
    return resident.cookies["csrftoken"]


def test_a_form_and_an_address_lookup_at_the_same_time_both_get_their_answer(live_server):
    problems = []

    def walk_the_first_steps():
        resident = requests.Session()
        for _ in range(ROUNDS):
            resident.get(f"{live_server.url}/melding/voor-wie/?reset=1")
            data = step_data("voor-wie", {"voor_wie": "zelf"}) | {"csrfmiddlewaretoken": csrf_token(resident)}
            answer = resident.post(f"{live_server.url}/melding/voor-wie/", data=data)
            if not answer.url.endswith("/melding/keuze/"):
                problems.append(("step", answer.status_code, answer.url, answer.text[:300]))

    def look_up_addresses():
        resident = requests.Session()
        resident.get(f"{live_server.url}/melding/voor-wie/?reset=1")
        address = {"postcode": "3911AB", "huisnummer": "12", "csrfmiddlewaretoken": csrf_token(resident)}
        for _ in range(2 * ROUNDS):
            answer = resident.post(f"{live_server.url}/melding/adres/", data=address)
            if answer.status_code != 200 or answer.json()["status"] != "found":
                problems.append(("address", answer.status_code, answer.text[:300]))

    with ThreadPoolExecutor(2) as pool:
        residents = [pool.submit(walk_the_first_steps), pool.submit(look_up_addresses)]
    for resident in residents:
        resident.result()  # what went wrong in a thread is raised here
    assert problems == []
