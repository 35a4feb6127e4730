"""Background work for orders: emails in the shopper's language, and refunds, both retried."""

import smtplib

from django.tasks import task
from django.utils import translation
from django.utils.translation import gettext_noop

from shop.emails import send_email
from shop.tasks import retry_later

from . import refunds
from .errors import PaymentProviderError
from .models import Order, Refund

SUBJECTS = {
    "confirmation": gettext_noop("Your order %(number)s is confirmed"),
    "shipped": gettext_noop("Your order %(number)s is on its way"),
    "refunded": gettext_noop("A refund for your order %(number)s"),
}
# SMTP servers that are down or refuse for a while raise these.
MAIL_OUTAGES = (OSError, smtplib.SMTPException)


@task
def email_shopper_about_order(order_id, kind, refund_id=None, attempt=1):
    order = Order.objects.prefetch_related("lines").get(pk=order_id)
    if not order.email:
        return  # anonymised when its customer closed their account
    refund = Refund.objects.get(pk=refund_id) if refund_id else None
    with translation.override(order.language):
        order_path = order.get_absolute_url()
    try:
        send_email(
            subject=SUBJECTS[kind],
            template=f"orders/emails/{kind}",
            context={
                "order": order,
                "refund": refund,
                "number": order.number,
                "order_path": order_path,
            },
            to=[order.email],
            language=order.language,
        )
    except MAIL_OUTAGES as error:
        retry_later(
            email_shopper_about_order,
            order_id,
            kind,
            refund_id=refund_id,
            attempt=attempt,
            error=error,
        )


@task
def carry_out_refund(refund_id, attempt=1):
    if not refunds.carry_out(refund_id, attempt=attempt):
        error = PaymentProviderError(Refund.objects.get(pk=refund_id).last_error)
        retry_later(carry_out_refund, refund_id, attempt=attempt, error=error)
