"""What orders does when something happens to a customer's account.

The account code lives in shop, which never imports orders; these receivers of
its signals (and of Django's user_logged_in) are connected in OrdersConfig.ready.
"""

from django.db import transaction

from shop.cart_hint import count_changed

from . import cart as carts
from .models import Order, Refund, Return, SavedAddress, WishlistItem

# Orders whose business with the shopper is over: their email is no longer needed.
FINISHED = (
    Order.Status.EXPIRED,
    Order.Status.DELIVERED,
    Order.Status.RETURNED,
    Order.Status.CANCELLED,
    Order.Status.REFUNDED,
)


SETTLED_RETURNS = (Return.Status.REJECTED, Return.Status.REFUNDED)
UNSETTLED_RETURNS = tuple(status for status in Return.Status if status not in SETTLED_RETURNS)


def carry_cart_over(sender, request, user, **kwargs):
    """A guest's cart joins the member's one when they sign in (or confirm a sign-up)."""
    if request is None:
        return
    cart = carts.carry_over(guest=carts.guest_cart(request), member=user)
    count_changed(request, carts.count_copies(cart) if cart else 0)


def attach_guest_orders(sender, user, email, **kwargs):
    """Orders placed as a guest with this address, now proved to be the member's."""
    Order.objects.filter(customer=None, email__iexact=email).update(
        customer=user, forget_email=False
    )


@transaction.atomic
def anonymise_orders(sender, user, **kwargs):
    """Detach the closing account's orders and keep only what the books need:
    number, dates, amounts, lines, and the name and address they were sold to.

    An order still under way keeps its email for the emails to come (shipped,
    refunded...) until it is settled; forget_settled_emails takes it then.
    """
    orders = Order.objects.filter(customer=user)
    # What the shopper wrote about a settled return is theirs; an open one still needs it.
    Return.objects.filter(order__in=orders, status__in=SETTLED_RETURNS).update(comment="")
    closed = list(orders.values_list("pk", flat=True))
    orders.update(customer=None, phone="", client="", forget_email=True)
    forget_settled_emails(Order.objects.filter(pk__in=closed))


def forget_settled_emails(orders=None) -> int:
    """Blank the email of closed accounts' orders that are settled: finished, with no
    refund still to confirm and no return still open. Returns how many."""
    if orders is None:
        orders = Order.objects.filter(forget_email=True)
    settled = (
        orders.filter(forget_email=True, status__in=FINISHED)
        .exclude(refunds__status__in=[Refund.Status.PENDING, Refund.Status.FAILED])
        .exclude(returns__status__in=UNSETTLED_RETURNS)
    )
    return Order.objects.filter(pk__in=settled.values("pk")).update(email="", forget_email=False)


def export_orders(sender, user, **kwargs):
    """The member's addresses and orders with their lines, for "Download my data"."""
    addresses = SavedAddress.objects.of_customer(user)
    orders = Order.objects.of_customer(user).prefetch_related("lines", "returns__lines__order_line")
    return {
        "addresses": [address.as_dict() | {"default": address.is_default} for address in addresses],
        "orders": [_order_data(order) for order in orders],
    }


def export_wishlist(sender, user, **kwargs):
    """The records the member saved for later, for "Download my data"."""
    items = (
        WishlistItem.objects.filter(customer=user)
        .select_related("release")
        .prefetch_related("release__release_artists__artist")
    )
    return {
        "wishlist": [
            {
                "title": item.release.full_title,
                "catalogue_number": item.release.catalogue_number,
                "saved": item.added.isoformat(),
            }
            for item in items.order_by("-added", "-pk")
        ]
    }


def _order_data(order):
    return {
        "number": order.number,
        "placed": order.created.isoformat(),
        "status": order.status,
        "email": order.email,
        "delivery_address": order.address_lines(),
        "phone": order.phone,
        "currency": order.currency,
        "subtotal": str(order.subtotal),
        "shipping": str(order.shipping_price),
        "total": str(order.total),
        "tracking_number": order.tracking_number,
        "refunded": str(order.refunded),
        "returns": [_return_data(return_request) for return_request in order.returns.all()],
        "lines": [
            {
                "title": line.title,
                "catalogue_number": line.catalogue_number,
                "quantity": line.quantity,
                "unit_price": str(line.unit_price),
                "line_total": str(line.line_total),
            }
            for line in order.lines.all()
        ],
    }


def _return_data(return_request):
    return {
        "number": return_request.number,
        "requested": return_request.created.isoformat(),
        "status": return_request.status,
        "reason": return_request.reason,
        "comment": return_request.comment,
        "records": [
            {"title": line.order_line.title, "quantity": line.quantity}
            for line in return_request.lines.all()
        ],
    }


def connect_signals():
    from django.contrib.auth.signals import user_logged_in

    from shop.accounts import signals

    user_logged_in.connect(carry_cart_over, dispatch_uid="orders-carry-cart-over")
    signals.email_verified.connect(attach_guest_orders, dispatch_uid="orders-attach-guest")
    signals.account_closing.connect(anonymise_orders, dispatch_uid="orders-anonymise")
    signals.collecting_data.connect(export_orders, dispatch_uid="orders-export")
    signals.collecting_data.connect(export_wishlist, dispatch_uid="orders-export-wishlist")
