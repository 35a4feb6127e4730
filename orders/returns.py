"""Returns: a shopper asks to send delivered copies back; staff approve, receive and refund.

Each step locks the order first, so two requests for the same copies (two tabs, a
double click) are counted one after the other and no copy is returned twice. A
rejected return gives its copies back to the shopper's allowance.

Every step emails the shopper, queued in the step's own transaction. The refund
is the order's durable refund (orders.refunds), so the shopper hears of it once
Stripe confirms it.
"""

from collections import Counter
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format

from catalog import stock
from catalog.models import StockMovement
from shop.tasks import enqueue_in_transaction

from . import lifecycle
from .errors import (
    RETURN_NOT_DELIVERED,
    RETURN_NOTHING_CHOSEN,
    RETURN_ORDER_SETTLED,
    RETURN_TOO_MANY,
    RETURN_WINDOW_CLOSED,
    ReturnError,
)
from .models import Order, Refund, Return, ReturnLine, ReturnPolicy
from .notifications import email_shopper
from .refunds import check_refund_amount, request_refund

ReturnAction = lifecycle.ReturnAction
Reason = StockMovement.Reason
BACK_AT_THE_SHOP = (Return.Status.RECEIVED, Return.Status.REFUNDED)


def copies_in_returns(order, statuses=None) -> Counter:
    """Copies of each of the order's lines in its returns: all but rejected ones, or `statuses`."""
    returns = (
        Return.objects.counted() if statuses is None else Return.objects.filter(status__in=statuses)
    )
    counted = (
        ReturnLine.objects.filter(return_request__in=returns.filter(order=order))
        .values("order_line")
        .annotate(copies=Sum("quantity"))
        .values_list("order_line", "copies")
    )
    return Counter(dict(counted))


def returnable(order) -> dict:
    """Each order line with the copies that may still be returned: bought less those in returns."""
    taken = copies_in_returns(order)
    return {line: line.quantity - taken[line.pk] for line in order.lines.all()}


def refusal(order, policy, today=None):
    """Why the order's records cannot be returned now, or None if they can."""
    if order.status in (Order.Status.RETURNED, Order.Status.REFUNDED):
        return RETURN_ORDER_SETTLED
    if order.status != Order.Status.DELIVERED:
        return RETURN_NOT_DELIVERED
    closes = policy.closes(order)
    if (today or timezone.localdate()) > closes:
        return RETURN_WINDOW_CLOSED % {"date": date_format(closes, "DATE_FORMAT")}
    return None


def open_until(order):
    """The last day the shopper may ask to return records of `order`, or None if they may not."""
    if order.status != Order.Status.DELIVERED:
        return None  # without a query: most order pages are of other states
    policy = ReturnPolicy.current()
    if refusal(order, policy) or not any(returnable(order).values()):
        return None
    return policy.closes(order)


def is_free(order, reason) -> bool:
    """Members return for free, and nobody pays to send back what we got wrong."""
    return order.customer_id is not None or reason in Return.SHOPS_FAULT


@transaction.atomic
def request_return(*, order, copies, reason, comment=""):
    """Open a return of `copies` ({order line id: copies}) of a delivered order."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if problem := refusal(order, ReturnPolicy.current()):
        raise ReturnError(problem)
    chosen = {line_id: count for line_id, count in copies.items() if count}
    if not chosen:
        raise ReturnError(RETURN_NOTHING_CHOSEN)
    left = {line.pk: (line, count) for line, count in returnable(order).items()}
    if unknown := chosen.keys() - left.keys():
        raise ValueError(f"Lines {sorted(unknown)} are not lines of order {order.number}.")
    for line_id, count in chosen.items():
        line, most = left[line_id]
        if not 0 < count <= most:
            raise ReturnError(RETURN_TOO_MANY % {"count": max(most, 0), "title": line.title})
    return_request = Return.objects.create(
        order=order, reason=reason, comment=comment, free=is_free(order, reason)
    )
    ReturnLine.objects.bulk_create(
        ReturnLine(return_request=return_request, order_line_id=line_id, quantity=count)
        for line_id, count in sorted(chosen.items())
    )
    email_shopper(order, "return_requested", return_id=return_request.pk)
    from .tasks import tell_staff_about_return

    enqueue_in_transaction(tell_staff_about_return, return_request.pk)
    return return_request


def _locked(return_request):
    """The return and its order, both locked, the order first as every other step does."""
    Order.objects.select_for_update().get(pk=return_request.order_id)
    return Return.objects.select_for_update().select_related("order").get(pk=return_request.pk)


@transaction.atomic
def approve(*, return_request):
    return_request = _locked(return_request)
    lifecycle.RETURN.advance(return_request, ReturnAction.APPROVE)
    return_request.save()
    email_shopper(return_request.order, "return_approved", return_id=return_request.pk)
    return return_request


@transaction.atomic
def reject(*, return_request, reason):
    return_request = _locked(return_request)
    lifecycle.RETURN.advance(return_request, ReturnAction.REJECT)
    return_request.rejection_reason = reason
    return_request.save()
    email_shopper(return_request.order, "return_rejected", return_id=return_request.pk)
    return return_request


@transaction.atomic
def receive(*, return_request, restock):
    """The parcel is here. Its copies go back on sale unless staff keep them off (damaged)."""
    return_request = _locked(return_request)
    lifecycle.RETURN.advance(return_request, ReturnAction.RECEIVE)
    order = return_request.order
    # A whole parcel recorded on the order (fulfilment.record_return) put every copy not yet
    # received back in stock, this return's among them: they are not counted twice.
    if restock and order.returned is None:
        lines = list(return_request.lines.values_list("order_line__release_id", "quantity"))
        stock.restock(lines, reference=return_request.number, reason=Reason.RETURNED)
        return_request.restocked = True
    return_request.save()
    if lifecycle.can(order, lifecycle.Action.RETURN) and _all_copies_back(order):
        # Nothing of the order is left with the shopper: the order itself is returned. An
        # order refunded in full before its parcel came keeps that state: it is its last.
        lifecycle.advance(order, lifecycle.Action.RETURN)
        order.save(update_fields=["status", "returned"])
    if order.refundable() <= 0:
        # Every penny already went back on the order: this return has nothing left to wait for.
        return_request.status = Return.Status.REFUNDED
        return_request.refunded = timezone.now()
        return_request.save(update_fields=["status", "refunded"])
    email_shopper(order, "return_received", return_id=return_request.pk)
    return return_request


def _all_copies_back(order) -> bool:
    back = copies_in_returns(order, statuses=BACK_AT_THE_SHOP)
    return all(back[line.pk] >= line.quantity for line in order.lines.all())


def suggested_refund(return_request) -> Decimal:
    """What staff are offered to refund for a received return.

    The returned copies' price, and the shipping too when the whole order came back or
    the fault was ours (damaged, faulty, wrong record), as the returns policy promises:
    once per order, and never more than the order still holds.
    """
    order = return_request.order
    amount = return_request.value()
    whole_order = _all_copies_back(order)
    our_fault = return_request.reason in Return.SHOPS_FAULT
    if (whole_order or our_fault) and not _shipping_refunded(order, besides=return_request):
        amount += order.shipping_price
    return min(amount, order.refundable())


def _shipping_refunded(order, *, besides) -> bool:
    """Whether an earlier return's refund paid back more than its copies: the shipping."""
    earlier = (
        order.returns.exclude(pk=besides.pk)
        .filter(status=Return.Status.REFUNDED)
        .prefetch_related("refunds", "lines__order_line")
    )
    return any(
        sum(refund.amount for refund in other.refunds.all()) > other.value() for other in earlier
    )


@transaction.atomic
def refund(*, return_request, amount):
    """Pay the shopper back for a received return, through the order's durable refund."""
    return_request = _locked(return_request)
    lifecycle.RETURN.advance(return_request, ReturnAction.REFUND)
    check_refund_amount(return_request.order, amount)
    return_request.save()
    return request_refund(
        order=return_request.order,
        payment_intent=return_request.order.stripe_payment_intent,
        amount=amount,
        reason=Refund.Reason.RETURNED,
        return_request=return_request,
    )


def copies_still_out(order) -> list[tuple[int, int]]:
    """The order's (release id, copies) not yet received back through a return."""
    back = copies_in_returns(order, statuses=BACK_AT_THE_SHOP)
    return [
        (line.release_id, line.quantity - back[line.pk])
        for line in order.lines.all()
        if line.quantity > back[line.pk]
    ]
