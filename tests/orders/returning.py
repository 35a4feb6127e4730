"""Delivered orders, returns in any state, and the shopper's return pages, for the return tests."""

import datetime
from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from orders.models import Order, OrderLine, Return, ReturnLine
from tests.factories import make_order, make_release

# The field that dates each state, and the states a return passes on its way to it.
STAMPS_UP_TO = {
    Return.Status.REQUESTED: (),
    Return.Status.APPROVED: ("approved",),
    Return.Status.REJECTED: ("rejected",),
    Return.Status.RECEIVED: ("approved", "received"),
    Return.Status.REFUNDED: ("approved", "received", "refunded"),
}


def days_ago(days):
    """Noon in the shop's time zone `days` days ago: far from midnight, so the day is clear."""
    day = timezone.localdate() - datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def delivered_order(release=None, *, quantity=2, delivered_days_ago=3, **fields):
    """A paid order for `quantity` copies, delivered `delivered_days_ago` days ago."""
    when = days_ago(delivered_days_ago)
    defaults = {"shipped": when - datetime.timedelta(days=2), "delivered": when}
    return make_order(release, status="delivered", quantity=quantity, **(defaults | fields))


def add_line(order, release=None, quantity=1):
    """Another record in the order; its totals and payment grow with it."""
    release = release or make_release()
    total = release.price * quantity
    line = OrderLine.objects.create(
        order=order,
        release=release,
        title=release.title,
        catalogue_number=release.catalogue_number,
        quantity=quantity,
        unit_price=release.price,
        line_total=total,
    )
    Order.objects.filter(pk=order.pk).update(
        subtotal=F("subtotal") + total,
        total=F("total") + total,
        amount_paid=F("amount_paid") + total,
    )
    order.refresh_from_db()
    return line


def make_return(order, status=Return.Status.REQUESTED, *, copies=None, reason="changed_mind"):
    """A return of `copies` ({order line: copies}; one copy of the first line by default)."""
    copies = copies or {order.lines.order_by("pk").first(): 1}
    now = timezone.now()
    return_request = Return.objects.create(
        order=order,
        status=status,
        reason=reason,
        free=order.customer_id is not None or reason in Return.SHOPS_FAULT,
        **{stamp: now for stamp in STAMPS_UP_TO[status]},
    )
    for line, count in copies.items():
        ReturnLine.objects.create(return_request=return_request, order_line=line, quantity=count)
    return return_request


def ask_url(order, language="en"):
    return f"/{language}/orders/{order.token}/return/"


def return_url(return_request, language="en"):
    return f"/{language}/orders/{return_request.order.token}/returns/{return_request.number}/"


def slip_url(return_request, language="en"):
    return return_url(return_request, language) + "slip/"


def return_form(order, copies=None, *, reason="changed_mind", comment=""):
    """The return form as a shopper sends it: `copies` ({order line: copies}), 0 for the rest."""
    copies = copies if copies is not None else {order.lines.order_by("pk").first(): 1}
    data = {f"copies_{line.pk}": "0" for line in order.lines.all()}
    data |= {f"copies_{line.pk}": str(count) for line, count in copies.items()}
    return data | {"reason": reason, "comment": comment}


def money(amount):
    return f"{Decimal(amount):.2f}"
