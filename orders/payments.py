"""What happens to an order once money moves: payment, late payment, refunds, shipping."""

import logging
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from . import stock, stripe_gateway
from .models import Order, PaymentEvent, StockMovement
from .tasks import email_shopper_about_order

log = logging.getLogger(__name__)
DEMO_PAYMENT_PREFIX = "demo_"


def _email_after_commit(order, kind):
    transaction.on_commit(partial(email_shopper_about_order.enqueue, order.pk, kind))


def record_event(*, event_id, kind, order, amount=None, payload=None) -> bool:
    """Store a payment event once; False means it was seen before (a replay)."""
    _event, created = PaymentEvent.objects.get_or_create(
        event_id=event_id,
        defaults={"kind": kind, "order": order, "amount": amount, "payload": payload or {}},
    )
    return created


def confirm_payment(*, order_id, event_id, payment_intent, amount, currency, payload=None):
    """The payment for an order succeeded. Safe to call again with the same event."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order_id)
        if not record_event(
            event_id=event_id, kind="payment.succeeded", order=order, amount=amount, payload=payload
        ):
            return order
        if order.status not in (Order.Status.PENDING, Order.Status.CANCELLED):
            return order
        order.stripe_payment_intent = payment_intent
        if amount != order.total or currency.upper() != order.currency:
            order.needs_attention = gettext(
                "Paid %(amount)s %(currency)s, but the order total is %(total)s %(order_currency)s."
            ) % {
                "amount": amount,
                "currency": currency.upper(),
                "total": order.total,
                "order_currency": order.currency,
            }
        if not order.stock_held and not _take_stock_again(order):
            return _refund_late_payment(order)
        _mark_paid(order)
    return order


def _take_stock_again(order) -> bool:
    """The reservation had lapsed: take the copies again if they are still there."""
    with transaction.atomic():
        missing = stock.take_for_order(order, reason=StockMovement.Reason.RETAKEN)
        if missing is not None:
            transaction.set_rollback(True)
            return False
    order.stock_held = True
    return True


def _mark_paid(order):
    order.status = Order.Status.PAID
    order.paid = timezone.now()
    order.save()
    if order.cart_id:
        order.cart.lines.all().delete()
    _email_after_commit(order, "confirmation")


def _refund_late_payment(order):
    """The copies were sold while this shopper paid: flag the order and refund in full."""
    order.needs_attention = gettext(
        "The payment arrived after the reservation lapsed and the copies were sold. "
        "It was refunded automatically."
    )
    order.status = Order.Status.CANCELLED
    order.cancelled = order.cancelled or timezone.now()
    order.save()
    transaction.on_commit(partial(_refund_safely, order.pk))
    return order


def _refund_safely(order_id):
    order = Order.objects.get(pk=order_id)
    try:
        refund_order(order=order, amount=order.refundable)
    except stripe_gateway.PaymentProviderError:
        log.error("Automatic refund of order %s failed; staff must refund it.", order.number)


def refund_order(*, order, amount):
    """Refund part or all of a paid order through Stripe, then record it and tell the shopper."""
    if not 0 < amount <= order.refundable:
        raise ValueError(f"Refund must be between 0 and {order.refundable}.")
    refund_id = _send_refund(order, amount)
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if not record_event(event_id=refund_id, kind="refund", order=order, amount=amount):
            return order
        order.refunded += amount
        if order.refunded >= order.total and order.status != Order.Status.CANCELLED:
            order.status = Order.Status.REFUNDED
        order.save()
        _email_after_commit(order, "refunded")
    return order


def _send_refund(order, amount):
    already = order.payment_events.filter(kind="refund").count()
    if order.stripe_payment_intent.startswith(DEMO_PAYMENT_PREFIX):
        return f"{DEMO_PAYMENT_PREFIX}refund-{order.token}-{already}"
    return stripe_gateway.refund(
        payment_intent=order.stripe_payment_intent,
        amount=amount,
        currency=order.currency,
        idempotency_key=f"refund-{order.token}-{already}",
    )


def cancel_order(*, order):
    """Staff cancel an order that has not shipped: copies go back, payment is refunded."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if order.status not in (Order.Status.PENDING, Order.Status.PAID):
            raise ValueError("Only pending or paid orders can be cancelled.")
        was_paid = order.status == Order.Status.PAID
        if order.stock_held:
            reason = StockMovement.Reason.CANCELLED if was_paid else StockMovement.Reason.RELEASED
            stock.put_back_for_order(order, reason=reason)
        order.status = Order.Status.CANCELLED
        order.stock_held = False
        order.cancelled = timezone.now()
        order.save()
    if was_paid and order.refundable > 0:
        refund_order(order=order, amount=order.refundable)
    return order


def mark_shipped(*, order, tracking_number):
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if order.status != Order.Status.PAID:
            raise ValueError("Only paid orders can be shipped.")
        order.status = Order.Status.SHIPPED
        order.shipped = timezone.now()
        order.tracking_number = tracking_number
        order.save()
        _email_after_commit(order, "shipped")
    return order
