"""The one way delivery code talks HTTP: requests with a timeout, failures turned into DeliveryFailed."""

import json

import requests

from meldingen.delivery.addresses import AddressNotAllowed, check_url
from meldingen.delivery.errors import DeliveryFailed

USER_AGENT = "Wmo-portaal-delivery/1"


def send(
    method: str,
    url: str,
    *,
    timeout: float,
    headers: dict | None = None,
    body: bytes | None = None,
    params: dict | None = None,
) -> requests.Response:
    """One request; raises DeliveryFailed for an address that is not allowed, a refused connection, a timeout
    or a 5xx/4xx answer."""
    try:
        check_url(url)
    except AddressNotAllowed as error:
        raise DeliveryFailed("adres niet toegestaan", str(error)[:200]) from error
    all_headers = {"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})}
    try:
        response = requests.request(
            method, url, data=body, headers=all_headers, params=params, timeout=timeout, allow_redirects=False
        )
    except requests.Timeout as error:
        raise DeliveryFailed(f"geen antwoord binnen {timeout:g} s", type(error).__name__) from error
    except requests.ConnectionError as error:
        raise DeliveryFailed("geen verbinding", _short(error)) from error
    except requests.RequestException as error:
        raise DeliveryFailed("verzoek mislukt", _short(error)) from error
    if response.status_code >= 400:
        raise DeliveryFailed(f"HTTP {response.status_code}", response.text[:200])
    return response


def send_json(method: str, url: str, data, **kwargs) -> requests.Response:
    headers = {"Content-Type": "application/json", **kwargs.pop("headers", {})}
    body = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
    return send(method, url, headers=headers, body=body, **kwargs)


def json_of(response: requests.Response) -> dict:
    try:
        return response.json()
    except ValueError as error:
        raise DeliveryFailed(f"HTTP {response.status_code}", "het antwoord is geen JSON") from error


def _short(error: Exception) -> str:
    text = str(error)
    return text[:200]
