"""The Stripe webhook: signed events are the source of truth for payments."""

import json
import logging

import stripe
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .checkout import expire_order
from .models import Order
from .payments import confirm_payment
from .stripe_gateway import from_minor_units

log = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def stripe_webhook(request):
    try:
        stripe.Webhook.construct_event(
            request.body,
            request.headers.get("Stripe-Signature", ""),
            settings.STRIPE_WEBHOOK_SECRET,
        )
    except (ValueError, stripe.SignatureVerificationError):
        return HttpResponseBadRequest("Invalid or stale signature.")
    # Verified: the body is Stripe's own JSON, read as plain data.
    event = json.loads(request.body)
    handler = HANDLERS.get(event["type"])
    if handler is not None:
        handler(event)
    return HttpResponse("ok")


def _order_of(session):
    token = (session.get("metadata") or {}).get("token")
    order = Order.objects.filter(token=token).first() if token else None
    if order is None:
        log.warning("Stripe session %s names no known order.", session.get("id"))
    return order


def _payment_completed(event):
    session = event["data"]["object"]
    if session.get("payment_status") != "paid":
        return  # paid later by a delayed method: async_payment_succeeded follows
    order = _order_of(session)
    if order is None:
        return
    currency = session.get("currency", "")
    confirm_payment(
        order_id=order.pk,
        event_id=event["id"],
        payment_intent=session.get("payment_intent") or "",
        amount=from_minor_units(
            session.get("amount_total") or 0, currency.upper() or order.currency
        ),
        currency=currency,
        payload=event,
    )


def _session_expired(event):
    session = event["data"]["object"]
    order = _order_of(session)
    if order is not None and order.stripe_session == session.get("id"):
        expire_order(order.pk)


HANDLERS = {
    "checkout.session.completed": _payment_completed,
    "checkout.session.async_payment_succeeded": _payment_completed,
    "checkout.session.expired": _session_expired,
}
