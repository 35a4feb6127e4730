"""Placing an order: totals recomputed on the server, copies reserved, nothing trusted."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from catalog.models import Release
from shop.models import Currency
from shop.money import current_rate

from . import stock
from .cart import set_quantity, summarize
from .errors import (
    CURRENCY_GONE,
    EMPTY_CART,
    NO_SHIPPING_TO_COUNTRY,
    NO_SUCH_METHOD,
    SOLD_OUT_DURING_CHECKOUT,
    CheckoutError,
)
from .models import Order, OrderLine, StockMovement
from .shipping import shipping_config, shipping_options


@dataclass(frozen=True)
class Address:
    email: str
    name: str
    address_line1: str
    address_line2: str
    city: str
    postcode: str
    region: str
    country: str
    phone: str


class _LineSoldOut(Exception):
    def __init__(self, line):
        self.line = line


def place_order(*, cart, address: Address, method: str, currency: str, language: str, now=None):
    """Create a pending order from the cart and reserve its copies, all or nothing."""
    now = now or timezone.now()
    expire_reservations(now=now)
    try:
        return _place(cart, address, method, currency, language, now)
    except _LineSoldOut as sold_out:
        # Nothing was written; the cart now holds what is really left.
        release = Release.objects.get(pk=sold_out.line.release_id)
        set_quantity(cart=cart, release=release, quantity=sold_out.line.quantity)
        raise CheckoutError(SOLD_OUT_DURING_CHECKOUT % {"title": sold_out.line.title}) from None


@transaction.atomic
def _place(cart, address, method, currency, language, now):
    rate = _rate_for(currency)
    summary = summarize(cart, rate)
    if summary.is_empty:
        raise CheckoutError(EMPTY_CART)
    option = _chosen_option(address.country, method, summary, rate, now)
    _cancel_open_orders_of(cart, now)
    order = Order.objects.create(
        **vars(address),
        language=language,
        cart=cart,
        shipping_method=option.kind,
        delivery_from=option.arrives_from,
        delivery_by=option.arrives_by,
        currency=rate.code,
        rate=rate.rate,
        subtotal=summary.subtotal,
        shipping_price=option.price,
        total=summary.subtotal + option.price,
        reserved_until=now + datetime.timedelta(minutes=settings.RESERVATION_MINUTES),
        stock_held=True,
    )
    OrderLine.objects.bulk_create(_order_line(order, item) for item in summary.items)
    missing = stock.take_for_order(order, reason=StockMovement.Reason.RESERVED)
    if missing is not None:
        raise _LineSoldOut(missing)
    return order


def _rate_for(code):
    try:
        return current_rate(code)
    except Currency.DoesNotExist:
        raise CheckoutError(CURRENCY_GONE) from None


def _chosen_option(country, method, summary, rate, now):
    options = shipping_options(
        config=shipping_config(fresh=True),
        country=country,
        base_subtotal=summary.base_subtotal,
        rate=rate,
        now=now,
    )
    if not options:
        raise CheckoutError(NO_SHIPPING_TO_COUNTRY)
    for option in options:
        if option.kind == method:
            return option
    raise CheckoutError(NO_SUCH_METHOD)


def _order_line(order, item):
    release = item.release
    return OrderLine(
        order=order,
        release=release,
        title=release.full_title,
        catalogue_number=release.catalogue_number,
        quantity=item.quantity,
        unit_price=item.unit_price,
        line_total=item.line_total,
    )


def _cancel_open_orders_of(cart, now):
    """A cart has one open checkout: placing again lets go of the earlier order's copies."""
    for order in Order.objects.select_for_update().filter(cart=cart, status=Order.Status.PENDING):
        _cancel_pending(order, now)


def _cancel_pending(order, now):
    if order.stock_held:
        stock.put_back_for_order(order, reason=StockMovement.Reason.RELEASED)
    order.status = Order.Status.CANCELLED
    order.stock_held = False
    order.cancelled = now
    order.save(update_fields=["status", "stock_held", "cancelled"])


def expire_reservations(*, now=None, limit=200) -> int:
    """Give back the copies of orders whose payment window has closed.

    Runs lazily before every checkout, and from `manage.py expire_reservations`
    on a schedule, so expiry needs no webhook.
    """
    now = now or timezone.now()
    expired = 0
    with transaction.atomic():
        overdue = Order.objects.reservation_expired(now).select_for_update(skip_locked=True)
        for order in overdue[:limit]:
            _cancel_pending(order, now)
            expired += 1
    return expired


@transaction.atomic
def expire_order(order_id, *, now=None) -> bool:
    """Cancel one pending order now (its Stripe session expired). Idempotent."""
    order = Order.objects.select_for_update().get(pk=order_id)
    if order.status != Order.Status.PENDING:
        return False
    _cancel_pending(order, now or timezone.now())
    return True
