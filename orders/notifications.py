"""Emails to shoppers about their orders, queued with the change that causes them."""

from shop.tasks import enqueue_in_transaction


def email_shopper(order, kind, **details):
    """Queue the `kind` email ("confirmation", "shipped", "refunded") in this transaction.

    Call it inside the transaction that changes the order: a crash before the
    commit sends nothing, and once committed the email is sent even if this
    process dies a moment later.
    """
    from .tasks import email_shopper_about_order

    enqueue_in_transaction(email_shopper_about_order, order.pk, kind, **details)
