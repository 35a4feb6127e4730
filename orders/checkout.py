"""Placing an order: totals recomputed on the server, copies reserved, nothing trusted."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from catalog import stock
from catalog.models import Release
from shop.models import Currency
from shop.money import current_rate

from . import reservations
from .cart import keep_to_what_is_for_sale, set_quantity, summarize
from .errors import (
    CURRENCY_GONE,
    EMPTY_CART,
    NO_SHIPPING_TO_COUNTRY,
    NO_SUCH_METHOD,
    SOLD_OUT_DURING_CHECKOUT,
    CheckoutError,
)
from .holding import check_holding
from .models import Order, OrderLine
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
    def __init__(self, item):
        self.item = item


def place_order(
    *,
    cart,
    address: Address,
    method: str,
    currency: str,
    language: str,
    client="",
    customer=None,
    now=None,
):
    """Create a pending order from the cart and reserve its copies, all or nothing.

    `client` is the shop.client fingerprint of the connection, for the holding limits;
    `customer` the signed-in member placing it, if any.
    """
    now = now or timezone.now()
    reservations.expire_reservations(now=now)
    correction = keep_to_what_is_for_sale(cart)
    if correction:
        raise CheckoutError(correction)
    try:
        return _place(cart, address, method, currency, language, client, customer, now)
    except _LineSoldOut as sold_out:
        # Nothing was written; the cart now holds what is really left.
        item = sold_out.item
        release = Release.objects.get(pk=item.release.pk)
        set_quantity(cart=cart, release=release, quantity=item.quantity)
        raise CheckoutError(SOLD_OUT_DURING_CHECKOUT % {"title": item.release.title}) from None


@transaction.atomic
def _place(cart, address, method, currency, language, client, customer, now):
    rate = _rate_for(currency)
    summary = summarize(cart, rate)
    if summary.is_empty:
        raise CheckoutError(EMPTY_CART)
    option = _chosen_option(address.country, method, summary, rate, now)
    reservations.cancel_open_orders_of(cart, now=now)
    check_holding(summary.items, email=address.email, client=client)
    order = Order.objects.create(
        **vars(address),
        client=client,
        customer=customer,
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
    wanted = [(item.release.pk, item.quantity) for item in summary.items]
    missing = stock.reserve(wanted, reference=order.number)
    if missing is not None:
        raise _LineSoldOut(next(i for i in summary.items if i.release.pk == missing[0]))
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
