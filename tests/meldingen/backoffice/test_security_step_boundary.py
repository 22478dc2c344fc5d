"""The two-factor test again, its first code made 0.1 s before a 30-second step ends: it failed now and then,
as its codes followed the clock and not the drift the device met (test_security._code)."""

import time as real_time

import pytest
from django_otp import oath
from django_otp.plugins.otp_totp import models as totp_models

from .test_security import test_two_factor_setup_then_required  # noqa: F401


@pytest.fixture(autouse=True)
def _clock(monkeypatch):
    """The test's first code is made 0.1 s before a 30-second step ends; it is checked, and all after it
    happens, 0.1 s into the next step."""
    now = real_time.time()
    boundary = now - now % 30 + 30
    later = {"now": boundary - 0.1}

    def code_time():
        moment = later["now"]
        later["now"] = boundary + 0.1
        return moment

    class Time:
        @staticmethod
        def time():
            return later["now"]

    monkeypatch.setattr(oath, "time", code_time)
    monkeypatch.setattr(totp_models, "time", Time)
