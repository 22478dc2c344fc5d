"""The melding's limit per IP address on submitting and on saving to continue later."""

import hashlib

from django.conf import settings
from django.core.cache import cache

from core.ratelimit import within_limit


def hit(request, scope: str) -> bool:
    """Count one attempt; False when this IP went over MELDINGEN_RATE_LIMIT in the current window."""
    return within_limit(
        request,
        f"melding-{scope}",
        settings.MELDINGEN_RATE_LIMIT,
        settings.MELDINGEN_RATE_LIMIT_WINDOW_SECONDS,
    )


def hit_once(request, scope: str, submission_token: str) -> bool:
    """`hit`, counted once per submission: a second "Verstuur" of the same answers at the same moment (a
    double click) is the same melding, not one more, and was told "Te vaak geprobeerd" while the first was
    stored. A refused send is not counted as sent, so sending it again later counts again."""
    counted = "ratelimit-counted:" + hashlib.sha256(f"{scope}:{submission_token}".encode()).hexdigest()
    if not cache.add(counted, True, timeout=settings.MELDINGEN_RATE_LIMIT_WINDOW_SECONDS):
        return True
    if hit(request, scope):
        return True
    cache.delete(counted)
    return False
