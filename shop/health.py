"""/healthz: whether this process can serve shoppers, for load balancers.

200 {"status": "ok", ...} when the database answers, the cache keeps a value and every
migration is applied; else 503 {"status": "unavailable", "reason": ...}. Cheap enough to
be asked every few seconds: a `SELECT 1` and a cache round trip. The migration check
loads every migration file, so it runs until it first succeeds, then never again in
this process (migrations are applied before new code starts, not while it runs).
"""

import logging
import secrets
import time

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

log = logging.getLogger(__name__)

CACHE_KEY = f"shop:healthz:{secrets.token_hex(8)}"  # one per process: no cross-talk
_state = {"migrations_applied": False}


@never_cache
@require_safe
def healthz(request):
    started = time.perf_counter()
    reason = failed_check()
    duration_ms = round((time.perf_counter() - started) * 1000, 2)
    if reason:
        log.warning("Health check failed: %s", reason)
        body = {"status": "unavailable", "reason": reason, "duration_ms": duration_ms}
        response = JsonResponse(body, status=503)
        response._has_been_logged = True  # a warning above, not a server error
        return response
    return JsonResponse({"status": "ok", "duration_ms": duration_ms})


def failed_check() -> str:
    """The first check that fails, by name, or "" when all pass."""
    for name, check in (
        ("database", database_answers),
        ("cache", cache_keeps_values),
        ("migrations", migrations_applied),
    ):
        try:
            if not check():
                return name
        except DatabaseError:
            return "database"
        except Exception:  # a cache backend raises its own errors (redis.ConnectionError...)
            log.warning("Health check %s raised", name, exc_info=True)
            return name
    return ""


def database_answers() -> bool:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_keeps_values() -> bool:
    token = secrets.token_hex(8)
    cache.set(CACHE_KEY, token, timeout=30)
    return cache.get(CACHE_KEY) == token


def migrations_applied() -> bool:
    if not _state["migrations_applied"]:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        _state["migrations_applied"] = not plan
    return _state["migrations_applied"]
