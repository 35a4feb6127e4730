"""Refunds that always happen: a row decided in the transaction, a task that retries."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from orders import refunds
from orders.models import Order, Refund
from orders.refunds import refund_order
from tests.factories import make_order
from tests.orders.tasks import run_queued_tasks


@pytest.fixture
def stripe_order(db, fake_stripe):
    """A paid order whose payment is a real (fake) Stripe payment intent."""
    return make_order(status="paid", stripe_payment_intent="pi_test_1", quantity=2)


def refund_in_full(order):
    with transaction.atomic():
        return refund_order(order=order, amount=order.refundable())


def test_a_refund_is_a_row_and_a_queued_task_before_anything_reaches_stripe(
    stripe_order, fake_stripe, task_queue
):
    refund = refund_in_full(stripe_order)

    assert refund.status == Refund.Status.PENDING
    assert DBTaskResult.objects.filter(task_path="orders.tasks.carry_out_refund").count() == 1
    assert fake_stripe.refunds == []
    stripe_order.refresh_from_db()
    assert stripe_order.refunded == 0 and stripe_order.status == "paid"

    run_queued_tasks()

    refund.refresh_from_db()
    stripe_order.refresh_from_db()
    assert refund.status == Refund.Status.DONE
    assert [r["amount"] for r in fake_stripe.refunds] == [4000]
    assert (stripe_order.status, stripe_order.refunded) == ("refunded", Decimal("40.00"))
    assert len(mail.outbox) == 1 and "refund" in mail.outbox[0].subject.lower()


def test_a_rolled_back_decision_leaves_no_refund_and_no_task(stripe_order, task_queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        refund_order(order=stripe_order, amount=Decimal("5.00"))
        raise RuntimeError("crash before commit")

    assert not Refund.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_stripe_down_the_refund_waits_and_retries_until_it_succeeds(
    stripe_order, fake_stripe, task_queue
):
    fake_stripe.fail_with = 500
    refund = refund_in_full(stripe_order)

    run_queued_tasks()

    refund.refresh_from_db()
    assert refund.status == Refund.Status.FAILED and refund.attempts == 1
    retry = (
        DBTaskResult.objects.ready().count()
        + DBTaskResult.objects.filter(status="READY", run_after__gt=timezone.now()).count()
    )
    assert retry == 1  # the next attempt is queued, a minute from now
    stripe_order.refresh_from_db()
    assert stripe_order.refunded == 0 and not mail.outbox
    page = stripe_order.refunds.get()
    assert page.get_status_display() == "Failed, will retry"

    fake_stripe.fail_with = None
    run_queued_tasks(later=datetime.timedelta(minutes=2))

    refund.refresh_from_db()
    stripe_order.refresh_from_db()
    assert refund.status == Refund.Status.DONE
    assert len(fake_stripe.refunds) == 1
    assert stripe_order.refunded == Decimal("40.00")
    assert len(mail.outbox) == 1


def test_killed_after_stripe_answered_the_retry_does_not_pay_twice(
    stripe_order, fake_stripe, task_queue, monkeypatch
):
    refund = refund_in_full(stripe_order)
    real_complete = refunds.complete

    def die(*args, **kwargs):
        raise SystemExit("worker killed between Stripe and the database")

    monkeypatch.setattr(refunds, "complete", die)
    with pytest.raises(SystemExit):
        refunds.carry_out(refund.pk)
    assert len(fake_stripe.refunds) == 1
    refund.refresh_from_db()
    assert refund.status == Refund.Status.PENDING

    monkeypatch.setattr(refunds, "complete", real_complete)
    refunds.carry_out(refund.pk)

    refund.refresh_from_db()
    assert refund.status == Refund.Status.DONE
    assert len(fake_stripe.refunds) == 1  # the same idempotency key: the same refund
    assert refund.stripe_refund == fake_stripe.refunds[0]["id"]


def test_refunds_never_exceed_what_was_paid(stripe_order):
    refund_order(order=stripe_order, amount=Decimal("30.00"))
    stripe_order.refresh_from_db()
    assert stripe_order.refundable() == Decimal("10.00")
    from orders.errors import OrderActionError

    with pytest.raises(OrderActionError, match="between 0.01 and 10.00"):
        refund_order(order=stripe_order, amount=Decimal("10.01"))
    assert Refund.objects.count() == 1


def test_a_worker_killed_mid_task_is_requeued_and_finishes(stripe_order, fake_stripe, task_queue):
    from django.core.management import call_command

    refund_in_full(stripe_order)
    stalled = DBTaskResult.objects.get()
    stalled.claim("worker-that-died")  # claimed, then the process was killed
    DBTaskResult.objects.filter(pk=stalled.pk).update(
        started_at=timezone.now() - datetime.timedelta(minutes=11)
    )
    assert not DBTaskResult.objects.ready().exists()

    call_command("requeue_stalled_tasks", "--older-than", "10")
    run_queued_tasks()

    assert Order.objects.get(pk=stripe_order.pk).status == "refunded"
    assert len(fake_stripe.refunds) == 1
