"""Money coming in: starting a payment, and accepting (or refunding) what Stripe reports.

An order takes one payment. A payment that arrives for an order that may not
be paid (cancelled, already paid, its records sold or withdrawn meanwhile) is
recorded, flagged for staff and refunded in full through a durable refund.
"""

import datetime
import logging

from babel.numbers import list_currencies
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from catalog import stock
from shop.parsing import is_uuid

from . import lifecycle, reservations, stripe_gateway
from .errors import ALREADY_PAYING, NO_LONGER_FOR_SALE, NOT_AWAITING_PAYMENT, CheckoutError
from .models import Order, PaymentEvent, Refund
from .notifications import email_shopper
from .refunds import DEMO_PAYMENT_PREFIX, request_refund

log = logging.getLogger(__name__)
# Stripe refuses Checkout Sessions that expire sooner than 30 minutes.
STRIPE_MINIMUM_LIFETIME = datetime.timedelta(minutes=31)
# An open session this close to its end is replaced rather than reused.
REUSE_MARGIN = datetime.timedelta(minutes=2)
PAYMENT_SUCCEEDED = "payment.succeeded"
KNOWN_CURRENCIES = list_currencies()


def start_payment(*, order, success_url, cancel_url, now=None) -> str:
    """The address where the shopper pays for the order: one open Checkout Session at a time.

    Reuses the order's open session; an old one near its end is expired at
    Stripe before a new one is made, so the shopper can never pay twice.
    Raises CheckoutError when the order may not be paid now, and
    PaymentProviderError when Stripe cannot be reached.
    """
    now = now or timezone.now()
    _check_payable(order, now)
    if settings.DEMO_PAYMENTS:
        return reverse("orders:demo_payment", kwargs={"token": order.token})
    if order.stripe_session:
        session = stripe_gateway.retrieve_checkout_session(order.stripe_session)
        if session.status == "complete":
            raise CheckoutError(ALREADY_PAYING)
        if session.status == "open" and session.expires_at > (now + REUSE_MARGIN).timestamp():
            return session.url
        if session.status == "open":
            stripe_gateway.expire_checkout_session(order.stripe_session)
    expires_at = max(order.reserved_until, now + STRIPE_MINIMUM_LIFETIME)
    session_id, url = stripe_gateway.create_checkout_session(
        order, success_url=success_url, cancel_url=cancel_url, expires_at=expires_at
    )
    Order.objects.filter(pk=order.pk).update(stripe_session=session_id)
    order.stripe_session = session_id
    return url


def _check_payable(order, now):
    """Only a pending order holding its copies, all of them still for sale, can be paid."""
    if order.status != Order.Status.PENDING or not order.stock_held:
        raise CheckoutError(NOT_AWAITING_PAYMENT)
    withdrawn = order.lines.filter(release__published=False).first()
    if withdrawn is not None:
        reservations.let_go(order.pk, lifecycle.Action.CANCEL, now=now)
        raise CheckoutError(NO_LONGER_FOR_SALE % {"title": withdrawn.title})


def is_checkout_session(session) -> bool:
    """Whether Stripe data has the shape of a Checkout Session with the fields used here."""
    expected = {"id": str, "payment_status": str, "currency": str, "amount_total": int}
    return (
        isinstance(session, dict)
        and all(isinstance(session.get(key), kind) for key, kind in expected.items())
        and isinstance(session.get("metadata") or {}, dict)
        and isinstance(session.get("payment_intent") or "", str)
        and session["currency"].upper() in KNOWN_CURRENCIES
        and session["amount_total"] >= 0
    )


def order_of_session(session):
    token = (session.get("metadata") or {}).get("token")
    order = Order.objects.filter(token=token).first() if is_uuid(token) else None
    if order is None:
        log.warning("Stripe session %s names no known order.", session["id"])
    return order


def record_session_payment(session, *, event_id, payload=None):
    """A paid Checkout Session, from the webhook or from reconciliation: confirm it."""
    if session["payment_status"] != "paid":
        return None  # paid later by a delayed method: async_payment_succeeded follows
    order = order_of_session(session)
    if order is None:
        return None
    currency = session["currency"].upper()
    return confirm_payment(
        order_id=order.pk,
        event_id=event_id,
        payment_intent=session.get("payment_intent") or "",
        amount=stripe_gateway.from_minor_units(session["amount_total"], currency),
        currency=currency,
        payload=payload,
    )


def confirm_payment(*, order_id, event_id, payment_intent, amount, currency, payload=None):
    """A payment for the order succeeded at Stripe. Safe to call again for the same payment.

    The same payment may be reported by several webhook events and by
    `reconcile_payments`: it is recorded once, by its payment intent.
    """
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order_id)
        if _seen(event_id, payment_intent):
            return order
        PaymentEvent.objects.create(
            event_id=event_id,
            kind=PAYMENT_SUCCEEDED,
            order=order,
            amount=amount,
            payment_intent=payment_intent,
            payload=payload or {},
        )
        if not lifecycle.can(order, lifecycle.Action.PAY):
            _refund_payment(order, payment_intent, amount, _unpayable_reason(order))
        elif order.lines.filter(release__published=False).exists():
            _refund_payment(order, payment_intent, amount, Refund.Reason.NOT_PAYABLE)
            if order.stock_held:
                reservations.release_copies(order)
            lifecycle.advance(order, lifecycle.Action.CANCEL)
            order.save()
        elif order.stock_held:
            stock.settle(order.stock_lines(), reference=order.number)
            _accept(order, payment_intent, amount, currency)
        elif _take_copies_again(order):
            _accept(order, payment_intent, amount, currency)
        else:
            _refund_payment(order, payment_intent, amount, Refund.Reason.LATE_PAYMENT)
    return order


def _seen(event_id, payment_intent) -> bool:
    known = PaymentEvent.objects.filter(event_id=event_id)
    if payment_intent:
        known |= PaymentEvent.objects.filter(kind=PAYMENT_SUCCEEDED, payment_intent=payment_intent)
    return known.exists()


def _unpayable_reason(order):
    if order.paid is not None:
        return Refund.Reason.DUPLICATE_PAYMENT
    return Refund.Reason.NOT_PAYABLE


def _take_copies_again(order) -> bool:
    """The reservation had lapsed: take the copies again if they are all still there."""
    with transaction.atomic():
        if stock.retake(order.stock_lines(), reference=order.number) is not None:
            transaction.set_rollback(True)
            return False
    order.stock_held = True
    return True


def _accept(order, payment_intent, amount, currency):
    lifecycle.advance(order, lifecycle.Action.PAY)
    order.stripe_payment_intent = payment_intent
    order.amount_paid = amount
    if amount != order.total or currency.upper() != order.currency:
        order.needs_attention = gettext(
            "Paid %(amount)s %(currency)s, but the order total is %(total)s %(order_currency)s."
        ) % {
            "amount": amount,
            "currency": currency.upper(),
            "total": order.total,
            "order_currency": order.currency,
        }
    order.save()
    if order.cart_id:
        order.cart.lines.all().delete()
    email_shopper(order, "confirmation")


# Notes for staff, in the shop's language when they are written.
FLAGS = {
    Refund.Reason.LATE_PAYMENT: gettext_noop(
        "A payment of %(amount)s %(currency)s arrived after the reservation lapsed and the "
        "copies were sold. A full refund is under way."
    ),
    Refund.Reason.DUPLICATE_PAYMENT: gettext_noop(
        "A second payment of %(amount)s %(currency)s arrived for this order, which was "
        "already paid. A full refund of it is under way."
    ),
    Refund.Reason.NOT_PAYABLE: gettext_noop(
        "A payment of %(amount)s %(currency)s arrived for this order, which could no longer "
        "be paid. A full refund is under way."
    ),
}


def _refund_payment(order, payment_intent, amount, reason):
    """Give a payment back in full and tell staff why: never keep money for nothing."""
    flag = gettext(FLAGS[reason]) % {"amount": amount, "currency": order.currency}
    order.needs_attention = "\n".join(filter(None, [order.needs_attention, flag]))
    order.save(update_fields=["needs_attention"])
    request_refund(order=order, payment_intent=payment_intent, amount=amount, reason=reason)


def pay_demo(order):
    """The demo payment page's "Pay" button: as if Stripe reported a payment."""
    if not settings.DEMO_PAYMENTS:
        raise CheckoutError(gettext("Demo payments are switched off."))
    return confirm_payment(
        order_id=order.pk,
        event_id=f"{DEMO_PAYMENT_PREFIX}{order.token}",
        payment_intent=f"{DEMO_PAYMENT_PREFIX}{order.token}",
        amount=order.total,
        currency=order.currency,
    )
