"""Background work for orders: emails in the shopper's language, and refunds, both retried."""

import smtplib

from django.conf import settings
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_noop

from shop.emails import send_email
from shop.tasks import retry_later

from . import refunds
from .errors import PaymentProviderError
from .models import Order, Refund, Return, ReturnPolicy

SUBJECTS = {
    "confirmation": gettext_noop("Your order %(number)s is confirmed"),
    "shipped": gettext_noop("Your order %(number)s is on its way"),
    "refunded": gettext_noop("A refund for your order %(number)s"),
    "return_requested": gettext_noop("We have your return request %(return_number)s"),
    "return_approved": gettext_noop("Return %(return_number)s is approved: your return slip"),
    "return_rejected": gettext_noop("About your return request %(return_number)s"),
    "return_received": gettext_noop("Your return %(return_number)s has arrived"),
}
# SMTP servers that are down or refuse for a while raise these.
MAIL_OUTAGES = (OSError, smtplib.SMTPException)


@task
def email_shopper_about_order(order_id, kind, refund_id=None, return_id=None, attempt=1):
    order = Order.objects.prefetch_related("lines").get(pk=order_id)
    if not order.email:
        return  # anonymised when its customer closed their account
    refund = (
        Refund.objects.select_related("return_request").get(pk=refund_id) if refund_id else None
    )
    return_request = _return_with_lines(return_id) if return_id else None
    with translation.override(order.language):
        order_path = order.get_absolute_url()
        return_path = return_request.get_absolute_url() if return_request else ""
        slip_path = (
            reverse(
                "orders:return_slip",
                kwargs={"token": order.token, "number": return_request.number},
            )
            if return_request
            else ""
        )
    try:
        send_email(
            subject=SUBJECTS[kind],
            template=f"orders/emails/{kind}",
            context={
                "order": order,
                "refund": refund,
                "return_request": return_request,
                "return_number": return_request.number if return_request else "",
                "return_path": return_path,
                "slip_path": slip_path,
                "return_policy": ReturnPolicy.current(),
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
            return_id=return_id,
            attempt=attempt,
            error=error,
        )


def _return_with_lines(return_id):
    return (
        Return.objects.select_related("order")
        .prefetch_related("lines__order_line")
        .get(pk=return_id)
    )


@task
def tell_staff_about_return(return_id):
    """A shopper asked for a return: staff promised an answer within two working days."""
    return_request = _return_with_lines(return_id)
    send_email(
        subject=gettext_noop("Return request %(return_number)s for order %(number)s"),
        template="orders/emails/staff_return",
        context={
            "return_request": return_request,
            "order": return_request.order,
            "return_number": return_request.number,
            "number": return_request.order.number,
            "admin_path": reverse("admin:orders_return_change", args=[return_request.pk]),
        },
        to=settings.STAFF_EMAILS,
        language=settings.LANGUAGE_CODE,
    )


@task
def carry_out_refund(refund_id, attempt=1):
    if not refunds.carry_out(refund_id, attempt=attempt):
        error = PaymentProviderError(Refund.objects.get(pk=refund_id).last_error)
        retry_later(carry_out_refund, refund_id, attempt=attempt, error=error)
