"""Which addresses delivery may send to. Checked when a target is saved and again before every request.

With `DELIVERY_CHECK_ADDRESSES` on (always in production): only https, only hosts on `DELIVERY_ALLOWED_HOSTS`
(an exact host, or `.example.nl` for that domain and its subdomains), and never a loopback, private,
link-local or otherwise special address, unless a host written out in full on that list resolves to it
(an internal Open Zaak, say). The check looks at the addresses the host resolves to at that moment, so a
name that later points somewhere else is caught before the next request.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _


class AddressNotAllowed(Exception):
    """The URL may not receive meldingen; the message is B1 Dutch for the form and the attempt log."""


def _resolve(host: str) -> set[str]:
    try:
        return {info[4][0].split("%", 1)[0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return set()


def _special(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def _listed(host: str, allowed: list[str]) -> bool:
    return any(
        host == entry or (entry.startswith(".") and (host == entry[1:] or host.endswith(entry)))
        for entry in allowed
    )


def check_url(url: str) -> None:
    """Raise AddressNotAllowed when delivery may not send to this URL."""
    if not settings.DELIVERY_CHECK_ADDRESSES:
        return
    parts = urlsplit(url or "")
    if parts.scheme != "https":
        raise AddressNotAllowed(_("Gebruik een adres dat begint met https://."))
    host = (parts.hostname or "").rstrip(".").lower()
    allowed = [
        entry.strip().rstrip(".").lower() for entry in settings.DELIVERY_ALLOWED_HOSTS if entry.strip()
    ]
    if not host or not _listed(host, allowed):
        raise AddressNotAllowed(
            _("Dit adres staat niet op de lijst van toegestane adressen (DELIVERY_ALLOWED_HOSTS).")
        )
    addresses = _resolve(host)
    if not addresses:
        raise AddressNotAllowed(_("We kunnen dit adres niet vinden."))
    special = {address for address in addresses if _special(address)}
    if special:
        exact = [entry for entry in allowed if not entry.startswith(".")]
        internal = set().union(*(_resolve(entry) for entry in exact)) if exact else set()
        if not special <= internal:
            raise AddressNotAllowed(_("Dit adres wijst naar een intern netwerk. Dat is niet toegestaan."))
