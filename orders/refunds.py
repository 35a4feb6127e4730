"""Refunds that always happen: decided as a row, carried out by a task until Stripe confirms.

1. `request_refund` writes a `Refund` row and queues `carry_out_refund`, both
   inside the caller's transaction, so a decision to refund is never lost.
2. The task sends it to Stripe with the refund's own idempotency key, so a
   repeated attempt (a retry, a worker killed after Stripe answered) returns
   the same refund instead of paying twice.
3. Only once Stripe confirms is the refund done: the order's refunded amount
   grows, notes may say "refunded", and the shopper is emailed.
"""

import logging
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from shop.tasks import backoff, enqueue_in_transaction

from . import lifecycle, stripe_gateway
from .errors import REFUND_OUT_OF_RANGE, OrderActionError, PaymentProviderError
from .models import Order, Refund
from .notifications import email_shopper

log = logging.getLogger(__name__)
DEMO_PAYMENT_PREFIX = "demo_"
SMALLEST_REFUND = Decimal("0.01")


def check_refund_amount(order, amount):
    """The one refund limit: at least a penny, at most what the order still holds."""
    lifecycle.require(order, lifecycle.Action.REFUND)
    highest = order.refundable()
    if not SMALLEST_REFUND <= amount <= highest:
        raise OrderActionError(
            REFUND_OUT_OF_RANGE % {"lowest": SMALLEST_REFUND, "highest": highest}
        )


def refund_order(*, order, amount, reason=Refund.Reason.STAFF):
    """Refund part or all of what the order's payment brought in. Call in a transaction."""
    check_refund_amount(order, amount)
    return request_refund(
        order=order, payment_intent=order.stripe_payment_intent, amount=amount, reason=reason
    )


def request_refund(*, order, payment_intent, amount, reason, return_request=None):
    """Promise a refund of one payment: the row and its task commit with the caller."""
    refund = Refund.objects.create(
        order=order,
        return_request=return_request,
        payment_intent=payment_intent,
        amount=amount,
        currency=order.currency,
        reason=reason,
    )
    from .tasks import carry_out_refund

    enqueue_in_transaction(carry_out_refund, refund.pk)
    return refund


def carry_out(refund_id, *, attempt=1):
    """Send one refund to Stripe. Returns True when done, False when it must be retried."""
    refund = Refund.objects.get(pk=refund_id)
    if refund.status == Refund.Status.DONE:
        return True
    try:
        stripe_refund = _send(refund)
    except PaymentProviderError as error:
        _record_failure(refund, error, attempt)
        return False
    complete(refund_id, stripe_refund=stripe_refund)
    return True


def _send(refund):
    if refund.payment_intent.startswith(DEMO_PAYMENT_PREFIX):
        return f"{DEMO_PAYMENT_PREFIX}{refund.idempotency_key}"
    return stripe_gateway.refund(
        payment_intent=refund.payment_intent,
        amount=refund.amount,
        currency=refund.currency,
        idempotency_key=refund.idempotency_key,
        metadata={"refund": str(refund.key), "order": refund.order.number},
    )


def _record_failure(refund, error, attempt):
    Refund.objects.filter(pk=refund.pk).exclude(status=Refund.Status.DONE).update(
        status=Refund.Status.FAILED,
        attempts=attempt,
        last_error=str(error)[:1000],
        next_attempt=timezone.now() + backoff(attempt),
    )
    log.warning("Refund %s of order %s failed (attempt %d).", refund.pk, refund.order_id, attempt)


@transaction.atomic
def complete(refund_id, *, stripe_refund):
    """Stripe confirmed the refund: record it once, update the order, tell the shopper."""
    refund = Refund.objects.select_for_update().get(pk=refund_id)
    if refund.status == Refund.Status.DONE:
        return refund
    order = Order.objects.select_for_update().get(pk=refund.order_id)
    refund.status = Refund.Status.DONE
    refund.stripe_refund = stripe_refund
    refund.completed = timezone.now()
    refund.next_attempt = None
    refund.save()
    if refund.payment_intent == order.stripe_payment_intent:
        order.refunded += refund.amount
        if order.refunded >= order.amount_paid:
            lifecycle.mark_fully_refunded(order)
        order.save(update_fields=["refunded", "status"])
    email_shopper(order, "refunded", refund_id=refund.pk)
    return refund
