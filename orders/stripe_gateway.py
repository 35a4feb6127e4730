"""Talking to Stripe: Checkout Sessions, their expiry, and refunds."""

import logging
from decimal import Decimal

import stripe
from babel.numbers import get_currency_precision
from django.conf import settings

from .errors import PaymentProviderError

log = logging.getLogger(__name__)
TIMEOUT_SECONDS = 10


def client():
    options = {
        "max_network_retries": 1,
        "http_client": stripe.RequestsClient(timeout=TIMEOUT_SECONDS),
    }
    if settings.STRIPE_API_BASE:
        options["base_addresses"] = {"api": settings.STRIPE_API_BASE}
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, **options)


def minor_units(amount: Decimal, currency: str) -> int:
    """23.95 GBP -> 2395: Stripe counts in the currency's smallest unit."""
    return int(amount.scaleb(get_currency_precision(currency)))


def from_minor_units(amount: int, currency: str) -> Decimal:
    return Decimal(amount).scaleb(-get_currency_precision(currency))


def create_checkout_session(order, *, success_url, cancel_url, expires_at):
    """A hosted payment page for the order; returns (session id, page address)."""
    currency = order.currency.lower()
    params = {
        "mode": "payment",
        "customer_email": order.email,
        "client_reference_id": order.number,
        "metadata": {"order": order.number, "token": str(order.token)},
        "payment_intent_data": {"metadata": {"order": order.number}},
        "locale": order.language,
        "line_items": [
            {
                "quantity": line.quantity,
                "price_data": {
                    "currency": currency,
                    "unit_amount": minor_units(line.unit_price, order.currency),
                    "product_data": {"name": line.title},
                },
            }
            for line in order.lines.all()
        ],
        "shipping_options": [
            {
                "shipping_rate_data": {
                    "type": "fixed_amount",
                    "display_name": str(order.get_shipping_method_display()),
                    "fixed_amount": {
                        "amount": minor_units(order.shipping_price, order.currency),
                        "currency": currency,
                    },
                }
            }
        ],
        "success_url": success_url,
        "cancel_url": cancel_url,
        "expires_at": int(expires_at.timestamp()),
    }
    # One session per order and attempt: a retried request gets the same session,
    # and a new attempt (after the previous session was expired) gets a new one.
    idempotency_key = f"checkout-{order.token}-{order.stripe_session or 'first'}"
    session = _call(
        lambda: client().v1.checkout.sessions.create(
            params=params, options={"idempotency_key": idempotency_key}
        )
    )
    return session.id, session.url


def expire_checkout_session(session_id):
    _call(lambda: client().v1.checkout.sessions.expire(session_id))


def retrieve_checkout_session(session_id):
    return _call(lambda: client().v1.checkout.sessions.retrieve(session_id))


def recent_checkout_sessions(*, since):
    """Every Checkout Session created since `since`, newest first, across pages."""
    params = {"created": {"gte": int(since.timestamp())}, "limit": 100}
    pages = lambda: client().v1.checkout.sessions.list(params).auto_paging_iter()  # noqa: E731
    return _call(lambda: [session.to_dict() for session in pages()])


def recent_refunds(*, since):
    params = {"created": {"gte": int(since.timestamp())}, "limit": 100}
    pages = lambda: client().v1.refunds.list(params).auto_paging_iter()  # noqa: E731
    return _call(lambda: [refund.to_dict() for refund in pages()])


def refunds_of(payment_intent):
    params = {"payment_intent": payment_intent, "limit": 100}
    pages = lambda: client().v1.refunds.list(params).auto_paging_iter()  # noqa: E731
    return _call(lambda: [refund.to_dict() for refund in pages()])


def retrieve_payment_intent(payment_intent):
    return _call(lambda: client().v1.payment_intents.retrieve(payment_intent).to_dict())


def refund(
    *, payment_intent, amount: Decimal, currency: str, idempotency_key: str, metadata=None
) -> str:
    refund = _call(
        lambda: client().v1.refunds.create(
            params={
                "payment_intent": payment_intent,
                "amount": minor_units(amount, currency),
                "metadata": metadata or {},
            },
            options={"idempotency_key": idempotency_key},
        )
    )
    return refund.id


def _call(request):
    try:
        return request()
    except stripe.StripeError as error:
        log.warning("Stripe request failed: %s", error, exc_info=True)
        raise PaymentProviderError(str(error)) from error
