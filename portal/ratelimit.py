"""A fixed-window limit per client IP address, counted in the cache (local memory, or Redis)."""

import hashlib

from django.core.cache import cache


def client_ip(request) -> str:
    # Behind the reverse proxy REMOTE_ADDR is the proxy; it must set X-Forwarded-For or the real address.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def within_limit(request, scope: str, limit: int, window_seconds: int) -> bool:
    """Count one attempt in `scope`; False when this IP address made more than `limit` in the window."""
    # The IP address is personal data too: the cache key holds only a hash of it.
    key = f"ratelimit:{scope}:" + hashlib.sha256(client_ip(request).encode()).hexdigest()
    if cache.add(key, 1, timeout=window_seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return True
    return count <= limit
