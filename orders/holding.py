"""What one customer may hold in unpaid orders, across all of them.

A customer is the order's email (in any case) or its client fingerprint, so
neither a new email nor a new connection starts again from zero. Checked when
an order is placed, after the customer's cart let go of its own earlier order.
"""

from django.db import connection
from django.db.models import Q, Sum

from .errors import HOLDING_TOO_MANY, HOLDING_TOO_MANY_OF, ORDER_TOO_LARGE, CheckoutError
from .models import HoldingLimits, Order, OrderLine


def check_holding(items, *, email, client):
    """Refuse `items` (cart summary items) if the customer would hold too many copies.

    Call it inside the transaction that places the order: it holds the customer's lock
    until the commit, so two checkouts at the same moment are counted one after the other.
    """
    _lock_customer(email=email, client=client)
    held = _held_by(email=email, client=client)
    limit = HoldingLimits.current().copies_per_customer
    total_held = sum(held.values())
    if total_held + sum(item.quantity for item in items) > limit:
        if not total_held:
            raise CheckoutError(ORDER_TOO_LARGE % {"limit": limit})
        raise CheckoutError(HOLDING_TOO_MANY % {"held": total_held, "limit": limit})
    for item in items:
        release = item.release
        already = held.get(release.pk, 0)
        if already and already + item.quantity > release.limit_per_order:
            raise CheckoutError(
                HOLDING_TOO_MANY_OF
                % {"title": release.title, "limit": release.limit_per_order, "held": already}
            )


def _held_by(*, email, client):
    customer = Q(order__email__iexact=email)
    if client:
        customer |= Q(order__client=client)
    lines = OrderLine.objects.filter(
        customer, order__status=Order.Status.PENDING, order__stock_held=True
    )
    rows = lines.values("release").annotate(copies=Sum("quantity")).order_by()
    return {row["release"]: row["copies"] for row in rows}


def _lock_customer(*, email, client):
    """A transaction lock per email and per client, taken in one order (no deadlocks).

    PostgreSQL only: SQLite lets one writer at a time through anyway.
    """
    if connection.vendor != "postgresql":
        return
    keys = sorted({f"email:{email.casefold()}", f"client:{client}" if client else ""} - {""})
    with connection.cursor() as cursor:
        for key in keys:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [key])
