"""The fault test, smaller: refused connections, 503s and a SIGKILLed worker lose and duplicate nothing."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests import testdb

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_every_melding_arrives_exactly_once_through_faults(tmp_path):
    result = subprocess.run(  # noqa: S603  (our own script)
        [
            sys.executable,
            "bench/delivery_fault.py",
            "--meldingen",
            "30",
            "--refuse-seconds",
            "2",
            "--error-seconds",
            "2",
            "--timeout",
            "240",
            "--database-url",
            f"sqlite:///{tmp_path}/fault.sqlite3",
            "--sqlite-template",
            str(testdb.sqlite_template()),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=400,
    )
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "worker kills (SIGKILL):            1" in result.stdout
    assert "references received exactly once:  30" in result.stdout
    assert "references missing:                0" in result.stdout
    assert "attempts refused (attempt log):    0" not in result.stdout
    assert "answered 503:                    0" not in result.stdout
