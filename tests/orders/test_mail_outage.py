"""SMTP down: the shopper's email waits in the task queue and goes out once the server is back."""

import datetime
import socket

import pytest
from aiosmtpd.controller import Controller
from django_tasks_db.models import DBTaskResult

from orders.fulfilment import mark_shipped
from tests.factories import make_order
from tests.orders.tasks import run_queued_tasks


class Inbox:
    """An aiosmtpd handler that keeps what it is sent."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode()))
        return "250 Message accepted"


class LocalSMTPServer:
    """A real SMTP server on loopback that a test can stop and start on the same port."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.inbox = Inbox()
        self._controller = None

    def start(self):
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp(settings):
    server = LocalSMTPServer()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": server.port, "timeout": 5},
        }
    }
    yield server
    server.stop()


def queued_email_tasks():
    return DBTaskResult.objects.filter(task_path="orders.tasks.email_shopper_about_order")


def test_an_email_sent_while_smtp_is_down_goes_out_once_it_is_back(db, smtp, task_queue):
    order = make_order(status="paid")
    mark_shipped(order=order, tracking_number="RR123456789GB")

    run_queued_tasks()  # the server is down: the attempt fails and a retry is scheduled

    assert smtp.inbox.messages == []
    attempts = queued_email_tasks().order_by("enqueued_at")
    # The failed attempt ends normally: its work is handed to the retry, due in a minute.
    assert [task.status for task in attempts] == ["SUCCESSFUL", "READY"]
    retry = attempts.last()
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after is not None

    run_queued_tasks()  # not due yet: nothing is sent early
    assert smtp.inbox.messages == []

    smtp.start()
    run_queued_tasks(later=datetime.timedelta(minutes=2))

    assert len(smtp.inbox.messages) == 1
    recipients, content = smtp.inbox.messages[0]
    assert recipients == ["olena@example.com"]
    assert order.number in content and "RR123456789GB" in content
    assert not queued_email_tasks().filter(status="READY").exists()


def test_an_email_is_sent_once_when_smtp_is_up(db, smtp, task_queue):
    smtp.start()
    order = make_order(status="paid")
    mark_shipped(order=order, tracking_number="RR987654321GB")

    run_queued_tasks(later=datetime.timedelta(hours=1))

    assert len(smtp.inbox.messages) == 1
    assert queued_email_tasks().count() == 1
