"""What staff do with an order: ship it, confirm delivery, take a return, or cancel it."""

from django.db import transaction

from catalog import stock
from catalog.models import StockMovement

from . import lifecycle, reservations
from .errors import RETURN_OPEN, OrderActionError
from .models import Order, Refund, Return
from .notifications import email_shopper
from .refunds import refund_order
from .returns import copies_still_out

Reason = StockMovement.Reason
OPEN_RETURNS = (Return.Status.REQUESTED, Return.Status.APPROVED)


def open_return(order):
    """A return whose copies may still be on their way: a whole parcel is not recorded over it."""
    return order.returns.filter(status__in=OPEN_RETURNS).first()


def _locked(order):
    return Order.objects.select_for_update().get(pk=order.pk)


@transaction.atomic
def cancel_order(*, order):
    """Cancel an order that has not shipped: copies go back, and a payment is refunded."""
    order = _locked(order)
    lifecycle.require(order, lifecycle.Action.CANCEL)
    if order.status == Order.Status.PENDING:
        reservations.let_go(order.pk, lifecycle.Action.CANCEL)
        order.refresh_from_db()
        return order
    stock.restock(order.stock_lines(), reference=order.number, reason=Reason.CANCELLED)
    order.stock_held = False
    lifecycle.advance(order, lifecycle.Action.CANCEL)
    order.save()
    if lifecycle.can(order, lifecycle.Action.REFUND):
        refund_order(order=order, amount=order.refundable(), reason=Refund.Reason.CANCELLED)
    return order


@transaction.atomic
def mark_shipped(*, order, tracking_number):
    order = _locked(order)
    lifecycle.advance(order, lifecycle.Action.SHIP)
    order.tracking_number = tracking_number
    order.save()
    email_shopper(order, "shipped")
    return order


@transaction.atomic
def mark_delivered(*, order):
    order = _locked(order)
    lifecycle.advance(order, lifecycle.Action.DELIVER)
    order.save()
    return order


@transaction.atomic
def record_return(*, order):
    """The parcel came back: its copies are on sale again. Refunding is a separate step.

    Copies already received through a return are back in stock, so they are not counted twice.
    """
    order = _locked(order)
    lifecycle.require(order, lifecycle.Action.RETURN)
    if waiting := open_return(order):
        raise OrderActionError(RETURN_OPEN % {"number": waiting.number})
    lifecycle.advance(order, lifecycle.Action.RETURN)
    stock.restock(copies_still_out(order), reference=order.number, reason=Reason.RETURNED)
    order.save()
    return order
