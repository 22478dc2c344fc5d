import gc
import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()

# What a worker loads at its start (settings, models, the URL patterns and the views behind them) lives as
# long as the process, yet Python's collector walks all of it at each full collection. Frozen, it is left
# out of that walk (gc.freeze): a tenth to a sixth less CPU for a page that makes many objects.
import_module(settings.ROOT_URLCONF)  # the views and their modules now, not at the first request
gc.freeze()
