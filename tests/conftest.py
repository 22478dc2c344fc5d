import pytest


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits and cached fragments live in the cache; every test starts with an empty one."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
