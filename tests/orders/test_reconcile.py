"""Reconciliation and the books, against the fake Stripe: what a lost webhook or a crash missed."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from catalog.models import Release
from orders import refunds
from orders.models import Order, Refund
from orders.payments import PAYMENT_SUCCEEDED
from tests.orders.helpers import add_to_cart, check_out
from tests.orders.tasks import run_queued_tasks


def run(command, *args):
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def refund_by_hand_at_stripe(fake_stripe, order, amount=500):
    """Someone refunded £5 in Stripe's dashboard, not through the shop."""
    fake_stripe.refunds.append(
        {
            "id": "re_by_hand",
            "object": "refund",
            "status": "succeeded",
            "amount": amount,
            "payment_intent": order.stripe_payment_intent,
            "metadata": {},
            "created": int(timezone.now().timestamp()),
        }
    )


@pytest.fixture
def placed(client, seed, fake_stripe):
    """A shopper ordered 2 copies and was sent to Stripe; no webhook will ever arrive."""
    add_to_cart(client, seed, 2)
    check_out(client)
    order = Order.objects.get()
    return order, fake_stripe.sessions[order.stripe_session]


@pytest.fixture
def paid(placed, fake_stripe):
    order, session = placed
    fake_stripe.pay(session["id"])
    run("reconcile_payments")
    order.refresh_from_db()
    return order


def test_a_payment_whose_webhook_was_lost_is_completed_once(
    placed, fake_stripe, seed, django_capture_on_commit_callbacks
):
    order, session = placed
    fake_stripe.pay(session["id"])

    with django_capture_on_commit_callbacks(execute=True):
        first = run("reconcile_payments")
    again = run("reconcile_payments")

    order.refresh_from_db()
    seed.refresh_from_db()
    assert f"Payments completed: 1 {order.number}" in first
    assert "Payments completed: 0" in again
    assert order.status == "paid" and order.amount_paid == Decimal("65.85")
    assert order.payment_events.filter(kind=PAYMENT_SUCCEEDED).count() == 1
    assert (seed.stock, seed.held) == (10, 0)  # 12 in stock, 2 sold
    assert len(mail.outbox) == 1 and order.number in mail.outbox[0].subject


def test_a_session_that_expired_at_stripe_gives_its_copies_back(placed, fake_stripe, seed):
    order, session = placed
    fake_stripe.sessions[session["id"]]["status"] = "expired"

    report = run("reconcile_payments")

    order.refresh_from_db()
    seed.refresh_from_db()
    assert f"Expired sessions released: 1 {order.number}" in report
    assert order.status == "expired"
    assert (seed.stock, seed.held) == (12, 0)  # all 12 back on sale


def test_a_refund_stripe_made_but_the_shop_never_recorded_is_completed(
    paid, fake_stripe, task_queue, monkeypatch
):
    with transaction.atomic():
        refund = refunds.refund_order(order=paid, amount=Decimal("10.00"))
    monkeypatch.setattr(refunds, "complete", lambda *a, **k: (_ for _ in ()).throw(SystemExit))
    with pytest.raises(SystemExit):  # killed between Stripe's answer and our write
        refunds.carry_out(refund.pk)
    monkeypatch.undo()

    report = run("reconcile_payments")

    refund.refresh_from_db()
    paid.refresh_from_db()
    assert f"Refunds completed: 1 {paid.number}" in report
    assert refund.status == Refund.Status.DONE
    assert refund.stripe_refund == fake_stripe.refunds[0]["id"]
    assert paid.refunded == Decimal("10.00")
    assert len(fake_stripe.refunds) == 1


def test_an_overdue_refund_is_queued_again(paid, fake_stripe, task_queue):
    fake_stripe.fail_with = 500
    with transaction.atomic():
        refund = refunds.refund_order(order=paid, amount=paid.refundable())
    run_queued_tasks()  # the first attempt fails and schedules its own retry
    DBTaskResult.objects.all().delete()  # ...which was lost with its worker's database
    Refund.objects.filter(pk=refund.pk).update(
        next_attempt=timezone.now() - datetime.timedelta(hours=1)
    )
    fake_stripe.fail_with = None

    report = run("reconcile_payments")
    run_queued_tasks()

    refund.refresh_from_db()
    paid.refresh_from_db()
    assert f"Refunds retried: 1 {paid.number}" in report
    assert refund.status == Refund.Status.DONE
    assert paid.status == "refunded"


def test_a_refund_made_outside_the_shop_is_flagged_for_staff(paid, fake_stripe):
    refund_by_hand_at_stripe(fake_stripe, paid)

    report = run("reconcile_payments")
    run("reconcile_payments")

    paid.refresh_from_db()
    assert f"Orders flagged: 1 {paid.number}" in report
    assert paid.needs_attention.count("re_by_hand") == 1


def test_stripe_unreachable_is_a_clear_command_error(placed, fake_stripe):
    fake_stripe.fail_with = 500
    with pytest.raises(CommandError, match="Stripe could not be reached"):
        run("reconcile_payments")


def test_the_books_add_up_after_payments_and_refunds(paid, fake_stripe, task_queue):
    with transaction.atomic():
        refunds.refund_order(order=paid, amount=Decimal("20.00"))
    run_queued_tasks()

    assert run("check_books").strip() == "The books add up: stock and money."


def test_the_books_show_money_stripe_returned_that_the_shop_did_not(paid, fake_stripe):
    refund_by_hand_at_stripe(fake_stripe, paid)
    out = StringIO()
    with pytest.raises(CommandError, match="0 stock and 1 money difference"):
        call_command("check_books", stdout=out)
    assert (
        f"Money: order {paid.number} payment {paid.stripe_payment_intent}: "
        "the shop counts 65.85, Stripe holds 60.85"
    ) in out.getvalue()


def test_the_books_show_stock_changed_behind_the_ledger(seed):
    Release.objects.filter(pk=seed.pk).update(stock=7)
    out = StringIO()
    with pytest.raises(CommandError, match="1 stock and 0 money difference"):
        call_command("check_books", stdout=out)
    assert f"Stock: {seed}" in out.getvalue()
