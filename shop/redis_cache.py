"""Django's Redis cache, with one redis-py client per connection pool instead of one per call.

Django builds a `redis.Redis` for every cache operation, and redis-py's constructor
copies its table of reply parsers (some 170 entries) each time: a sixth of the time of
a page served from the cache. A client is only a connection pool and that table, and
redis-py clients are safe to share between threads, so each pool keeps one.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class PooledClients(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SharedRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = PooledClients
