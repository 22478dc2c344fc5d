"""A fixed-window limit per client IP in the cache (local memory, or Redis in production)."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    # Behind the reverse proxy REMOTE_ADDR is the proxy; it must set X-Forwarded-For or the real address.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def hit(request, scope: str) -> bool:
    """Count one attempt; False when this IP went over MELDINGEN_RATE_LIMIT in the current window."""
    limit = settings.MELDINGEN_RATE_LIMIT
    window = settings.MELDINGEN_RATE_LIMIT_WINDOW_SECONDS
    # The IP is personal data too: the cache key holds only a hash of it.
    key = "melding-rate:" + hashlib.sha256(f"{scope}|{client_ip(request)}".encode()).hexdigest()
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return True
    return count <= limit
