"""The Stripe webhook: signed events are the source of truth for payments."""

import json
import logging

import stripe
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .lifecycle import Action
from .payments import is_checkout_session, order_of_session, record_session_payment
from .reservations import let_go

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
    # Verified: the body is Stripe's own JSON, but its shape is still checked before use.
    event = json.loads(request.body)
    kind = event.get("type") if isinstance(event, dict) else None
    handler = HANDLERS.get(kind) if isinstance(kind, str) else None
    if handler is None:
        return HttpResponse("ignored")
    session = _checkout_session(event)
    if session is None:
        return HttpResponseBadRequest("Malformed Checkout Session event.")
    handler(event["id"], session, event)
    return HttpResponse("ok")


def _checkout_session(event):
    """The event's Checkout Session, if it has the fields the shop relies on."""
    data = event.get("data")
    session = data.get("object") if isinstance(data, dict) else None
    if not isinstance(event.get("id"), str) or not is_checkout_session(session):
        return None
    return session


def _payment_completed(event_id, session, event):
    record_session_payment(session, event_id=event_id, payload=event)


def _session_expired(event_id, session, event):
    order = order_of_session(session)
    if order is not None and order.stripe_session == session["id"]:
        let_go(order.pk, Action.EXPIRE)


HANDLERS = {
    "checkout.session.completed": _payment_completed,
    "checkout.session.async_payment_succeeded": _payment_completed,
    "checkout.session.expired": _session_expired,
}
