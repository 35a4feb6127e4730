"""Do the books add up? Each payment, less its refunds, against what Stripe holds for it."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from . import stripe_gateway
from .models import PaymentEvent, Refund
from .payments import PAYMENT_SUCCEEDED
from .refunds import DEMO_PAYMENT_PREFIX


@dataclass(frozen=True)
class MoneyMismatch:
    order: str
    payment_intent: str
    shop_holds: Decimal
    stripe_holds: Decimal


def money_mismatches(payments=None) -> list[MoneyMismatch]:
    """Payments whose amount less done refunds differs from Stripe's received less refunded."""
    payments = payments or PaymentEvent.objects.filter(kind=PAYMENT_SUCCEEDED)
    mismatches = []
    for payment in payments.select_related("order").exclude(payment_intent=""):
        shop_holds = payment.amount - _refunded(payment.payment_intent)
        stripe_holds = _held_at_stripe(payment)
        if shop_holds != stripe_holds:
            mismatches.append(
                MoneyMismatch(
                    payment.order.number, payment.payment_intent, shop_holds, stripe_holds
                )
            )
    return mismatches


def _refunded(payment_intent):
    done = Refund.objects.filter(payment_intent=payment_intent, status=Refund.Status.DONE)
    return done.aggregate(total=Sum("amount"))["total"] or Decimal(0)


def _held_at_stripe(payment):
    if payment.payment_intent.startswith(DEMO_PAYMENT_PREFIX):
        return payment.amount - _refunded(payment.payment_intent)  # no Stripe behind it
    currency = payment.order.currency
    intent = stripe_gateway.retrieve_payment_intent(payment.payment_intent)
    refunded = sum(
        refund["amount"]
        for refund in stripe_gateway.refunds_of(payment.payment_intent)
        if refund.get("status") == "succeeded"
    )
    return stripe_gateway.from_minor_units(intent["amount_received"] - refunded, currency)
