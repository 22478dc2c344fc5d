import pytest


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits, cached fragments and pages live in the caches; every test starts with empty ones."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()
