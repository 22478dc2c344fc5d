import json

import pytest
from django.contrib.staticfiles.storage import ManifestStaticFilesStorage

from core.static_storage import StaticFilesStorage


@pytest.fixture
def storage(tmp_path, settings):
    settings.DEBUG = False
    manifest = {"version": "1.1", "hash": "", "paths": {"css/site.css": "css/site.0123abcd.css"}}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    return StaticFilesStorage(location=tmp_path, base_url="/static/")


def test_a_static_url_is_the_hashed_name_from_the_manifest_and_worked_out_once(storage, monkeypatch):
    worked_out = []
    original = ManifestStaticFilesStorage.url

    def counted(self, *args):
        worked_out.append(args)
        return original(self, *args)

    monkeypatch.setattr(ManifestStaticFilesStorage, "url", counted)
    assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"
    assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"
    assert len(worked_out) == 1


def test_a_file_missing_from_the_manifest_raises_every_time(storage):
    for _attempt in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")


def test_with_debug_on_the_url_is_the_name_without_its_hash(storage, settings):
    assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"
    settings.DEBUG = True
    assert storage.url("css/site.css") == "/static/css/site.css"
