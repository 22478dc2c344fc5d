"""A fixed-window limit per client IP address, counted in the cache (local memory, or Redis)."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    """The visitor's IP address. Behind TRUSTED_PROXIES reverse proxies REMOTE_ADDR is the nearest proxy,
    and each proxy appends the address it saw to X-Forwarded-For: the visitor is the entry that many places
    from the right. Entries further left come from the visitor and may be made up."""
    proxies = settings.TRUSTED_PROXIES
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def within_limit(request, scope: str, limit: int, window_seconds: int) -> bool:
    """Count one attempt in `scope`; False when this IP address made more than `limit` in the window."""
    # The IP address is personal data too: the cache key holds only a hash of it.
    return within_key_limit(scope, client_ip(request), limit, window_seconds)


def within_key_limit(scope: str, value: str, limit: int, window_seconds: int) -> bool:
    """Count one attempt for `value` (an IP address, a reference number...) in `scope`; False when it made
    more than `limit` in the window, from any address. The cache key holds only a hash of the value."""
    return count_attempt(scope, value, window_seconds) <= limit


def count_attempt(scope: str, value: str, window_seconds: int) -> int:
    """Count one attempt for `value` in `scope`; how many it made in the window, this one included."""
    key = _key(scope, value)
    if cache.add(key, 1, timeout=window_seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return 1


def attempts_so_far(scope: str, value: str) -> int:
    """How many attempts `value` made in `scope` in the current window, without counting one."""
    return cache.get(_key(scope, value), 0)


def _key(scope: str, value: str) -> str:
    return f"ratelimit:{scope}:" + hashlib.sha256(value.encode()).hexdigest()
