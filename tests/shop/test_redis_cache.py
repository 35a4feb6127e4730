"""The shared cache: Django's Redis backend with one client per connection pool."""

import pytest
from django.core.cache import caches

REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def shared(settings):
    settings.CACHES = {
        "default": settings.CACHES["default"],
        "shared": {"BACKEND": "shop.redis_cache.SharedRedisCache", "LOCATION": REDIS_URL},
    }
    cache = caches.create_connection("shared")
    cache.clear()
    yield cache
    cache.clear()


def test_it_behaves_as_django_s_redis_cache(shared):
    shared.set("greeting", "hello")
    assert shared.get_many(["greeting", "missing"]) == {"greeting": "hello"}
    assert shared.add("counter", 1)
    assert shared.incr("counter") == 2
    shared.delete_many(["greeting", "counter"])
    assert shared.get("greeting") is None


def test_one_client_serves_every_command(shared):
    client = shared._cache.get_client()
    shared.set("greeting", "hello")
    assert shared._cache.get_client(write=True) is client
    assert shared._cache.get_client("greeting") is client
