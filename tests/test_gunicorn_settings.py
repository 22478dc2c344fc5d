import os
import runpy
import types
from pathlib import Path

from gunicorn.config import Config

SETTINGS_FILE = Path(__file__).resolve().parent.parent / "config" / "gunicorn.py"


def _settings() -> dict:
    loaded = runpy.run_path(str(SETTINGS_FILE))
    return {
        name: value
        for name, value in loaded.items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }


def test_every_name_in_the_file_is_a_setting_gunicorn_knows():
    # gunicorn passes over names it does not know without a word, so a misspelt one would do nothing.
    assert set(_settings()) <= set(Config().settings)


def test_one_worker_per_core_with_two_threads_unless_web_concurrency_says_otherwise(monkeypatch):
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    settings = _settings()
    assert settings["workers"] == len(os.sched_getaffinity(0))
    assert (settings["threads"], settings["worker_class"], settings["reuse_port"]) == (2, "gthread", True)
    monkeypatch.setenv("WEB_CONCURRENCY", "5")
    assert _settings()["workers"] == 5
