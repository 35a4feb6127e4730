"""Emails about orders, sent in the shopper's language through the tasks framework."""

from django.tasks import task
from django.utils import translation
from django.utils.translation import gettext_noop

from shop.emails import send_email

from .models import Order

SUBJECTS = {
    "confirmation": gettext_noop("Your order %(number)s is confirmed"),
    "shipped": gettext_noop("Your order %(number)s is on its way"),
    "refunded": gettext_noop("A refund for your order %(number)s"),
}


@task
def email_shopper_about_order(order_id, kind):
    order = Order.objects.prefetch_related("lines").get(pk=order_id)
    with translation.override(order.language):
        order_path = order.get_absolute_url()
    send_email(
        subject=SUBJECTS[kind],
        template=f"orders/emails/{kind}",
        context={"order": order, "number": order.number, "order_path": order_path},
        to=[order.email],
        language=order.language,
    )
