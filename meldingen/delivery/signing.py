"""HMAC-SHA256 signatures of webhook bodies.

Headers sent: `X-Wmo-Timestamp: <unix seconds>` and `X-Wmo-Signature: sha256=<hex>`, where the hex digest is
HMAC-SHA256(secret, f"{timestamp}.".encode() + body). The receiver recomputes it, compares in constant time
and refuses timestamps older than a few minutes (replay protection).
"""

import hashlib
import hmac
import time

TIMESTAMP_HEADER = "X-Wmo-Timestamp"
SIGNATURE_HEADER = "X-Wmo-Signature"


def signature(secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def signed_headers(secret: str, body: bytes, now: float | None = None) -> dict[str, str]:
    timestamp = int(now if now is not None else time.time())
    return {TIMESTAMP_HEADER: str(timestamp), SIGNATURE_HEADER: signature(secret, timestamp, body)}


def verify(secret: str, headers, body: bytes, max_age: int = 300, now: float | None = None) -> bool:
    try:
        timestamp = int(headers.get(TIMESTAMP_HEADER, ""))
    except ValueError:
        return False
    if abs((now if now is not None else time.time()) - timestamp) > max_age:
        return False
    return hmac.compare_digest(signature(secret, timestamp, body), headers.get(SIGNATURE_HEADER, ""))
