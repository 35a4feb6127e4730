"""Background work that survives crashes: queued inside transactions, retried with backoff.

In production the database-backed queue (django-tasks-db) stores each task as a
row, so a task queued inside a transaction commits or vanishes with the work
that caused it. Backends that run tasks at once (development, most tests) run
them after the commit instead, as a worker would.
"""

import datetime
import logging
from functools import partial

from django.db import transaction
from django.tasks.backends.immediate import ImmediateBackend
from django.utils import timezone

log = logging.getLogger(__name__)

FIRST_RETRY = datetime.timedelta(minutes=1)
LONGEST_WAIT = datetime.timedelta(hours=6)


def enqueue_in_transaction(task, *args, **kwargs):
    """Queue `task` as part of the current transaction."""
    if isinstance(task.get_backend(), ImmediateBackend):
        transaction.on_commit(partial(task.enqueue, *args, **kwargs), robust=True)
    else:
        task.enqueue(*args, **kwargs)


def backoff(attempt: int) -> datetime.timedelta:
    """1, 2, 4, 8… minutes after each failed attempt, never more than six hours."""
    return min(FIRST_RETRY * 2 ** max(attempt - 1, 0), LONGEST_WAIT)


def retry_later(task, *args, attempt: int, error: Exception, **kwargs):
    """Queue the next attempt after a pause; re-raise where the backend cannot wait.

    The task receives `attempt=attempt + 1`, so it can tell how often it failed.
    """
    backend = task.get_backend()
    if not backend.supports_defer:
        raise error
    run_after = timezone.now() + backoff(attempt)
    log.warning("%s failed (attempt %d), retrying at %s: %s", task.name, attempt, run_after, error)
    task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1, **kwargs)
