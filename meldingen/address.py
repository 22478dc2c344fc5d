"""Postcode + house number to street and town. Pluggable through MELDINGEN_ADDRESS_LOOKUP.

Every lookup answers with a status; none raises. When the service is down the user types the address.
"""

import hashlib
import http.client
import json
import logging
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.module_loading import import_string

from core.postcode import normalise_postcode

logger = logging.getLogger(__name__)

HOUSE_NUMBER_RE = re.compile(r"^\s*([0-9]{1,5})\s*[-/ ]?\s*([A-Za-z0-9]{0,6})\s*$")
FOUND, OUTSIDE, NOT_FOUND, UNAVAILABLE, INVALID = "found", "outside", "not_found", "unavailable", "invalid"


@dataclass(frozen=True)
class AddressResult:
    status: str
    street: str = ""
    town: str = ""
    wrong: tuple[str, ...] = ()  # INVALID: which of "postcode" and "huisnummer" is not one

    @property
    def found(self) -> bool:
        return self.status == FOUND


def split_house_number(value: str) -> tuple[str | None, str]:
    """'12a', '12 A', '12-2' -> ('12', 'A') / ('12', '2'); (None, '') when it is no house number."""
    match = HOUSE_NUMBER_RE.match(value or "")
    if not match or int(match.group(1)) == 0:
        return None, ""
    return match.group(1), match.group(2).upper()


class DemoAddressLookup:
    """The embedded default: the demo municipality's own table of streets. A postcode it does not have, in
    one of the kaart's wijken, is an address it cannot find (typed by hand); any other lies outside."""

    def lookup(self, postcode: str, huisnummer: str, toevoeging: str = "") -> AddressResult:
        from socialekaart import public as kaart

        found = kaart.demo_address(postcode)
        if found is not None:
            return AddressResult(FOUND, found.street, found.town)
        return AddressResult(NOT_FOUND if kaart.wijk_for_postcode(postcode) else OUTSIDE)


class PdokAddressLookup:
    """The BAG through the PDOK Locatieserver (free search, type adres). Any failure: type it by hand."""

    def lookup(self, postcode: str, huisnummer: str, toevoeging: str = "") -> AddressResult:
        query = f"postcode:{postcode.replace(' ', '')} and huisnummer:{huisnummer}"
        params = urllib.parse.urlencode({"q": query, "fq": "type:adres", "rows": "10"})
        url = f"{settings.MELDINGEN_PDOK_URL}?{params}"
        try:
            timeout = settings.MELDINGEN_PDOK_TIMEOUT_SECONDS
            with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - URL from settings
                payload = json.load(response)
            docs = payload["response"]["docs"]
        except (OSError, http.client.HTTPException, ValueError, KeyError, TypeError) as exc:
            # The URL holds a postcode: log only what went wrong.
            logger.warning("Address lookup unavailable: %s", type(exc).__name__)
            return AddressResult(UNAVAILABLE)
        return self._pick(docs, toevoeging)

    def _pick(self, docs, toevoeging: str) -> AddressResult:
        if not isinstance(docs, list) or not docs:
            return AddressResult(NOT_FOUND)
        wanted = (toevoeging or "").upper()
        doc = next(
            (
                d
                for d in docs
                if isinstance(d, dict)
                and f"{d.get('huisletter', '')}{d.get('huisnummertoevoeging', '')}".upper() == wanted
            ),
            docs[0],
        )
        if not isinstance(doc, dict):
            return AddressResult(NOT_FOUND)
        code = settings.MELDINGEN_GEMEENTE_CODE
        if code and str(doc.get("gemeentecode", "")) != code:
            return AddressResult(OUTSIDE, str(doc.get("straatnaam", "")), str(doc.get("woonplaatsnaam", "")))
        return AddressResult(FOUND, str(doc.get("straatnaam", "")), str(doc.get("woonplaatsnaam", "")))


def get_lookup():
    return import_string(settings.MELDINGEN_ADDRESS_LOOKUP)()


def lookup_address(postcode: str, huisnummer: str, toevoeging: str = "") -> AddressResult:
    """Validated and cached for a day (a step is validated more than once); failures are not cached."""
    normal = normalise_postcode(postcode)
    huisnummer, suffix = split_house_number(huisnummer)
    toevoeging = ((toevoeging or "").strip() or suffix)[:6]
    if normal is None or huisnummer is None:
        wrong = ("postcode",) * (normal is None) + ("huisnummer",) * (huisnummer is None)
        return AddressResult(INVALID, wrong=wrong)
    raw_key = f"{settings.MELDINGEN_ADDRESS_LOOKUP}|{normal}|{huisnummer}|{toevoeging}"
    key = "melding-address:" + hashlib.sha256(raw_key.encode()).hexdigest()
    cached = cache.get(key)
    if cached is not None:
        return AddressResult(*cached)
    result = get_lookup().lookup(normal, huisnummer, toevoeging)
    if result.status != UNAVAILABLE:
        cache.set(key, (result.status, result.street, result.town), 60 * 60 * 24)
    return result
