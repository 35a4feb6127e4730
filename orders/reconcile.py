"""Reconciliation with Stripe: complete what a lost webhook missed, flag what does not add up.

`manage.py reconcile_payments` runs this on a schedule. Every step is safe to
repeat: payments are recorded once by their payment intent, and refunds once by
their own key.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext

from shop.parsing import is_uuid

from . import lifecycle, refunds, reservations, stripe_gateway
from .models import Order, PaymentEvent, Refund
from .payments import (
    PAYMENT_SUCCEEDED,
    is_checkout_session,
    order_of_session,
    record_session_payment,
)
from .tasks import carry_out_refund

# A failed refund's own retry should have run by then; after it, reconciliation retries.
RETRY_GRACE = datetime.timedelta(minutes=15)


@dataclass
class Reconciliation:
    payments_completed: list[str] = field(default_factory=list)
    sessions_expired: list[str] = field(default_factory=list)
    refunds_completed: list[str] = field(default_factory=list)
    refunds_retried: list[str] = field(default_factory=list)
    flagged: list[str] = field(default_factory=list)


def reconcile_payments(*, since, now=None) -> Reconciliation:
    now = now or timezone.now()
    report = Reconciliation()
    for session in stripe_gateway.recent_checkout_sessions(since=since):
        if is_checkout_session(session):
            _reconcile_session(session, report)
    for stripe_refund in stripe_gateway.recent_refunds(since=since):
        _reconcile_refund(stripe_refund, report)
    for refund in Refund.objects.due(now - RETRY_GRACE).select_related("order"):
        carry_out_refund.enqueue(refund.pk, attempt=refund.attempts + 1)
        report.refunds_retried.append(refund.order.number)
    return report


def _reconcile_session(session, report):
    payment_intent = session.get("payment_intent") or ""
    if session.get("status") == "complete" and session["payment_status"] == "paid":
        recorded = PaymentEvent.objects.filter(
            kind=PAYMENT_SUCCEEDED, payment_intent=payment_intent
        ).exists()
        if not recorded:
            order = record_session_payment(session, event_id=f"reconcile:{session['id']}")
            if order is not None:
                report.payments_completed.append(order.number)
    elif session.get("status") == "expired":
        order = order_of_session(session)
        ours = order is not None and order.stripe_session == session["id"]
        if ours and reservations.let_go(order.pk, lifecycle.Action.EXPIRE):
            report.sessions_expired.append(order.number)


def _reconcile_refund(stripe_refund, report):
    key = (stripe_refund.get("metadata") or {}).get("refund")
    refunds_ = Refund.objects.filter(key=key).select_related("order") if is_uuid(key) else None
    refund = refunds_.first() if refunds_ is not None else None
    if refund is None:
        _flag_unknown_refund(stripe_refund, report)
    elif refund.status != Refund.Status.DONE and stripe_refund.get("status") == "succeeded":
        refunds.complete(refund.pk, stripe_refund=stripe_refund["id"])
        report.refunds_completed.append(refund.order.number)


def _flag_unknown_refund(stripe_refund, report):
    """A refund made at Stripe but not through the shop: staff must account for it."""
    order = Order.objects.filter(stripe_payment_intent=stripe_refund.get("payment_intent")).first()
    if order is None:
        return
    flag = gettext("Stripe shows refund %(refund)s that the shop did not make.") % {
        "refund": stripe_refund.get("id")
    }
    if flag not in order.needs_attention:
        order.needs_attention = "\n".join(filter(None, [order.needs_attention, flag]))
        order.save(update_fields=["needs_attention"])
        report.flagged.append(order.number)
