"""WhiteNoise's storage of static files, with each file's URL worked out once per process.

The manifest of hashed names is read when the storage starts and does not change while the site runs, yet
Django works a URL out anew on every `{% static %}` (about 18 us: splitting, joining and unquoting it). A
kaart page asks for 11 and a backoffice page for 34, so each is remembered after its first use.
"""

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        key = (name, force, settings.DEBUG)  # with DEBUG on, Django gives the name without its hash
        if key not in self._urls:
            self._urls[key] = super().url(name, force)  # a file not in the manifest raises, and is not kept
        return self._urls[key]
