"""Copies held for unpaid orders: let go when the payment window closes or the order ends."""

from django.db import transaction
from django.utils import timezone

from catalog import stock

from . import lifecycle
from .models import Order


def release_copies(order):
    """Put an unpaid order's held copies back on sale. Call in a transaction."""
    stock.release(order.stock_lines(), reference=order.number)
    order.stock_held = False


def _let_go(order, action, now):
    lifecycle.advance(order, action, now=now)
    if order.stock_held:
        release_copies(order)
    order.save(update_fields=["status", "stock_held", "cancelled"])


@transaction.atomic
def let_go(order_id, action, *, now=None) -> bool:
    """Expire or cancel one pending order and free its copies. False if it was not pending."""
    order = Order.objects.select_for_update().get(pk=order_id)
    if not lifecycle.can(order, action) or order.status != Order.Status.PENDING:
        return False
    _let_go(order, action, now or timezone.now())
    return True


def cancel_open_orders_of(cart, *, now):
    """A cart has one open checkout: placing again lets go of the earlier order's copies."""
    pending = Order.objects.select_for_update().filter(cart=cart, status=Order.Status.PENDING)
    for order in pending:
        _let_go(order, lifecycle.Action.CANCEL, now)


def expire_reservations(*, now=None, limit=200) -> int:
    """Give back the copies of orders whose payment window has closed.

    Runs lazily before every checkout, and from `manage.py expire_reservations`
    on a schedule, so expiry needs no webhook.
    """
    now = now or timezone.now()
    with transaction.atomic():
        overdue = Order.objects.reservation_expired(now).select_for_update(skip_locked=True)
        expired = list(overdue[:limit])
        for order in expired:
            _let_go(order, lifecycle.Action.EXPIRE, now)
    return len(expired)
