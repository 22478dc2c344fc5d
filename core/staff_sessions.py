"""Logged-in sessions end after STAFF_SESSION_IDLE_MINUTES without a request and after STAFF_SESSION_MAX_HOURS
(a working day) in all: the admin shows every resident's personal data, and computers get left unlocked."""

import time

from django.conf import settings
from django.contrib.auth import logout

STARTED_KEY = "_staff_session_started"
SEEN_KEY = "_staff_session_seen"
# A request within this many seconds of the last one stored changes nothing (no session write per click).
_RESOLUTION_SECONDS = 60


def start_clock(session) -> None:
    session[STARTED_KEY] = session[SEEN_KEY] = time.time()


def on_login(sender, request, user, **kwargs):
    """Connected to user_logged_in (core/apps.py): the working day starts at the login."""
    if request is not None and hasattr(request, "session"):
        start_clock(request.session)


class StaffSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        # Only with a session cookie: reading the session of any other visitor would mark it as used, and
        # the page cache keeps only pages that never looked at the session.
        has_cookie = settings.SESSION_COOKIE_NAME in request.COOKIES
        if session is not None and has_cookie and session.get("_auth_user_id"):
            now = time.time()
            started = session.get(STARTED_KEY)
            seen = session.get(SEEN_KEY)
            idle = settings.STAFF_SESSION_IDLE_MINUTES * 60
            longest = settings.STAFF_SESSION_MAX_HOURS * 3600
            if not isinstance(started, (int, float)) or not isinstance(seen, (int, float)):
                start_clock(session)  # logged in before this policy: the clock starts now
            elif now - seen > idle or now - started > longest:
                logout(request)  # flushes the session; the admin then asks to log in again
            elif now - seen > _RESOLUTION_SECONDS:
                session[SEEN_KEY] = now
        return self.get_response(request)
