"""Keeping the index current: each part is stamped with the versions it was built from.

A request reads the listing versions once (catalog.freshness.listing_versions).
Each part whose stamp differs is replaced, cheapest first:

1. from this process's memory, when it already holds that stamp;
2. from the shared cache (Redis, when REDIS_URL is set), where the first process
   to build a stamp leaves it: one key per part, holding (stamp, part), so an old
   part is overwritten, never left behind;
3. by building it, under a lock taken with cache.add, so that one process builds
   while the others answer from SQL until it is shared. A process that cannot take
   the lock (or whose build finds the records changed under it) answers from SQL
   too: correct, only slower, for the few seconds a build takes.

Builds run in a thread of their own (settings.CATALOG_INDEX_IN_BACKGROUND), so no
shopper's request waits for one: at 1M records a catalogue build takes half a
minute, longer than a web worker may take to answer. The request that starts it,
and any other until it is done, answers from SQL.

With a per-process cache (LocMemCache, the default without Redis) there is
nothing to share: each process builds its own parts, and the lock only keeps two
threads of one process from building at once.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connections

from shop.cache_keys import cache_key, versions

from ..freshness import CATALOGUE, PRICES, STOCK
from .build import Stale, build_catalogue, build_prices, build_stock
from .selection import CatalogIndex

logger = logging.getLogger(__name__)

# (part, the families it is built from, how)
PARTS = {
    "catalogue": ((CATALOGUE,), build_catalogue),
    "prices": ((CATALOGUE, PRICES), build_prices),
    "stock": ((CATALOGUE, STOCK), build_stock),
}
BUILD_LOCK_SECONDS = 120
SHARED_PREFIX = "catalog:index:"

_held = {}  # part -> (stamp, part): this process's copy
_held_index = [None]  # the CatalogIndex made of the held parts
_building = threading.Lock()
build_seconds = {}  # part -> how long its last build in this process took


def current_index(listing_versions) -> CatalogIndex | None:
    """The index at these versions, or None while it cannot be had (answer from SQL).

    None too with a DummyCache, which keeps no versions: every read would be a new
    version, and every request a rebuild."""
    if isinstance(caches[DEFAULT_CACHE_ALIAS], DummyCache):
        return None
    parts = []
    for name in PARTS:
        part = _part(name, listing_versions, *parts[:1])
        if part is None:
            return None
        parts.append(part)
    held = _held_index[0]
    if held is None or any(a is not b for a, b in zip(held.parts, parts, strict=True)):
        held = _held_index[0] = CatalogIndex(*parts)
    return held


def forget():
    """Drop this process's copy (tests, and the benchmark's cold builds)."""
    _held.clear()
    _held_index[0] = None


def _part(name, listing_versions, *sources):
    families, build = PARTS[name]
    stamp = tuple(listing_versions[family] for family in families)
    held = _held.get(name)
    if held is not None and held[0] == stamp:
        return held[1]
    shared = _shared_cache()
    found = shared.get(SHARED_PREFIX + name) if shared is not None else None
    if found is not None and found[0] == stamp:
        _held[name] = found
        return found[1]
    if settings.CATALOG_INDEX_IN_BACKGROUND:
        _build_in_background(name, stamp, families, lambda: build(*sources))
        return None
    return _build(name, stamp, families, lambda: build(*sources))


def _build_in_background(name, stamp, families, build):
    if _building.locked():
        return  # this process is building already; the next request looks again

    def run():
        try:
            _build(name, stamp, families, build)
        except Exception:
            logger.exception("catalogue index: the %s build failed", name)
        finally:
            connections.close_all()  # this thread's own database connection

    threading.Thread(target=run, name=f"catalogue-index-{name}", daemon=True).start()


def _build(name, stamp, families, build):
    if not _building.acquire(blocking=False):
        return None
    lock = cache_key(f"{SHARED_PREFIX}building", part=name, stamp=stamp)
    try:
        if not cache.add(lock, True, BUILD_LOCK_SECONDS):
            return None
        started = time.perf_counter()
        try:
            part = build()
        except Stale:
            # The published records moved under the build: whatever was built on them is
            # suspect, even under an unchanged version. Start again at the next request.
            logger.info("catalogue index: records changed during the %s build", name)
            _forget_shared_catalogue()
            return None
        finally:
            cache.delete(lock)
        build_seconds[name] = time.perf_counter() - started
        logger.info("catalogue index: built %s in %.2f s", name, build_seconds[name])
        _held[name] = (stamp, part)
        _share(name, stamp, families, part)
        return part
    finally:
        _building.release()


def _share(name, stamp, families, part):
    shared = _shared_cache()
    # Only if no family moved during the build: a newer part may be on its way.
    if shared is not None and tuple(versions(*families).values()) == stamp:
        shared.set(SHARED_PREFIX + name, (stamp, part), timeout=None)


def _forget_shared_catalogue():
    _held.pop("catalogue", None)
    shared = _shared_cache()
    if shared is not None:
        shared.delete(SHARED_PREFIX + "catalogue")


def _shared_cache():
    """The cache other processes read too, or None when the cache is this process's own."""
    backend = caches[DEFAULT_CACHE_ALIAS]
    return None if isinstance(backend, (LocMemCache, DummyCache)) else backend
