"""The rate limits count visitors by IP address, also behind reverse proxies (TRUSTED_PROXIES)."""

import pytest
from django.test import RequestFactory

from core.ratelimit import client_ip, within_limit

factory = RequestFactory()


def request_from(remote_addr: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return factory.post("/", **extra)


def test_without_proxies_the_address_is_remote_addr_and_forwarded_for_is_ignored(settings):
    settings.TRUSTED_PROXIES = 0
    assert client_ip(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "198.51.100.1", "198.51.100.1"),
        # The visitor typed a made-up address in front; the proxy appended the real one.
        (1, "10.9.9.9, 198.51.100.1", "198.51.100.1"),
        (2, "10.9.9.9, 198.51.100.1, 192.0.2.10", "198.51.100.1"),
        (1, " 198.51.100.1 ,", "198.51.100.1"),
    ],
)
def test_behind_proxies_the_address_is_counted_from_the_right(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXIES = proxies
    assert client_ip(request_from("192.0.2.1", forwarded)) == expected


def test_too_few_forwarded_entries_fall_back_to_remote_addr(settings):
    settings.TRUSTED_PROXIES = 2
    assert client_ip(request_from("192.0.2.1", "198.51.100.1")) == "192.0.2.1"
    assert client_ip(request_from("192.0.2.1")) == "192.0.2.1"


def test_behind_a_proxy_each_visitor_has_a_limit_of_their_own(settings):
    settings.TRUSTED_PROXIES = 1
    proxy = "192.0.2.1"
    for _ in range(3):
        assert within_limit(request_from(proxy, "198.51.100.1"), "test", limit=3, window_seconds=60)
    assert not within_limit(request_from(proxy, "198.51.100.1"), "test", limit=3, window_seconds=60)
    # Another resident behind the same proxy is not blocked by the first one.
    assert within_limit(request_from(proxy, "198.51.100.2"), "test", limit=3, window_seconds=60)
