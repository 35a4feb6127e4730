"""Cache keys, built in one place from everything that changes the cached answer.

A key names its namespace and hashes every part that can change the answer
(language, currency and rate, query, filters, mode, a data version...). Two
answers that differ in any part can never share a key, and text from a query
string never reaches the cache backend's key rules (length, spaces, control
characters).

Versions make freshness precise without deleting keys one by one: bumping a
family's version moves every key that includes it to a new name, and the old
entries simply expire. Families are named by the apps that own the data, e.g.
"catalogue", "catalogue:prices", "release:42", "shipping".

Every bump also moves the EPOCH, a version of everything: a cache that stores
an answer built from several families compares the epoch before and after
building it, and stores nothing if any family moved in between (shop.page_cache).
"""

import contextlib
import hashlib
import json
import time

from django.core.cache import cache

VERSION_PREFIX = "version:"
EPOCH = "epoch"


def cache_key(namespace: str, **parts) -> str:
    """`namespace:<digest>`, where the digest covers every part, by name.

    Parts are serialised canonically (sorted names, lists kept in order, other
    objects by their text), so equal states give equal keys whichever order
    the caller passes them in.
    """
    canonical = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return f"{namespace}:{hashlib.sha256(canonical.encode()).hexdigest()}"


def version(family: str) -> int:
    """The current version of a family of cached data.

    A version starts from the clock, so one that was evicted (or a cache that
    restarted) comes back as a number no earlier entry was stored under.
    """
    return cache.get_or_set(VERSION_PREFIX + family, time.time_ns, timeout=None)


def versions(*families: str) -> dict[str, int]:
    """The current versions of several families, in one round trip to the cache."""
    found = cache.get_many([VERSION_PREFIX + family for family in families])
    return {family: found.get(VERSION_PREFIX + family) or version(family) for family in families}


def bump(*families: str) -> None:
    """Data in these families changed: every key built with their versions is now out of date."""
    for family in (*families, EPOCH):
        # Not cached (ValueError): the next read starts a new version from the clock.
        with contextlib.suppress(ValueError):
            cache.incr(VERSION_PREFIX + family)
