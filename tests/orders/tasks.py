"""Running the database task queue inside a test, as `manage.py db_worker` would."""

import datetime

from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

WORKER = Worker(
    queue_names=["*"],
    interval=0,
    batch=True,
    backend_name="default",
    startup_delay=False,
    max_tasks=None,
    worker_id="test-worker",
    excluded_queue_names=[],
)


def run_queued_tasks(*, later=datetime.timedelta(0), rounds=20):
    """Run every task that is due `later` from now, including the ones those tasks queue."""
    for _ in range(rounds):
        due = (
            DBTaskResult.objects.filter(status="READY", run_after__lte=timezone.now() + later)
            | DBTaskResult.objects.ready()
        )
        result = due.order_by("enqueued_at").first()
        if result is None:
            return
        result.claim(WORKER.worker_id)
        WORKER.run_task(result)
