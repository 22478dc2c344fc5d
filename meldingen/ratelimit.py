"""The melding's limit per IP address on submitting and on saving to continue later."""

from django.conf import settings

from core.ratelimit import within_limit


def hit(request, scope: str) -> bool:
    """Count one attempt; False when this IP went over MELDINGEN_RATE_LIMIT in the current window."""
    return within_limit(
        request,
        f"melding-{scope}",
        settings.MELDINGEN_RATE_LIMIT,
        settings.MELDINGEN_RATE_LIMIT_WINDOW_SECONDS,
    )
