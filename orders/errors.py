"""What can go wrong while buying, with the message the shopper sees."""

from django.utils.translation import gettext_lazy as _


class ShopperFacingError(Exception):
    """An expected refusal whose translated `message` is shown as it is."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class CartError(ShopperFacingError):
    """A cart change that cannot be made."""


SOLD_OUT = _("Sorry, this record is sold out.")
BAD_QUANTITY = _("Please enter a quantity between 1 and %(max)s.")
NOT_FOR_SALE = _("This record is not for sale.")
NO_LONGER_FOR_SALE_IN_CART = _(
    "Sorry, %(title)s is no longer for sale, so it was taken out of your cart."
)
LIMIT_PER_ORDER = _("%(title)s is limited to %(count)s per customer, so your cart was updated.")


class CheckoutError(ShopperFacingError):
    """An order that cannot be placed or paid."""


class PaymentProviderError(Exception):
    """Stripe could not be reached or refused the request."""


EMPTY_CART = _("Your cart is empty, so there is nothing to check out.")
SOLD_OUT_DURING_CHECKOUT = _(
    "Sorry, %(title)s sold out while you were checking out. Your cart has been updated."
)
NO_SUCH_METHOD = _("Please choose one of the shipping methods offered for your country.")
NO_SHIPPING_TO_COUNTRY = _("Sorry, we do not ship to this country yet.")
ORDER_TOO_LARGE = _(
    "One order may hold at most %(limit)s records while it waits for payment. Please take some "
    "out of your cart, or write to us about a larger order."
)
HOLDING_TOO_MANY = _(
    "You already have %(held)s records waiting for payment in other orders, and one customer "
    "may hold %(limit)s at a time. Please pay for or cancel an earlier order first."
)
HOLDING_TOO_MANY_OF = _(
    "%(title)s is limited to %(limit)s per customer, and you already hold %(held)s in an "
    "unpaid order. Please pay for that order, or lower the quantity in your cart."
)
CURRENCY_GONE = _("Your currency is no longer offered. Please choose another one.")
PAYMENT_UNAVAILABLE = _(
    "We could not reach our payment provider. Your order is saved and your records are "
    "reserved: please try again in a moment."
)


class OrderActionError(ShopperFacingError):
    """An action the order's state does not allow, told to staff or the shopper."""


ACTION_NOT_ALLOWED = _("Order %(number)s is “%(status)s”, so %(action)s is not allowed.")
RETURN_ACTION_NOT_ALLOWED = _("Return %(number)s is “%(status)s”, so %(action)s is not allowed.")
NOTHING_TO_REFUND = _("Order %(number)s holds no money that could be refunded.")
REFUND_OUT_OF_RANGE = _("Enter an amount between %(lowest)s and %(highest)s.")
NO_LONGER_FOR_SALE = _(
    "Sorry, %(title)s is no longer for sale, so this order was cancelled and its other "
    "records were released."
)
NOT_AWAITING_PAYMENT = _(
    "This order is no longer waiting for a payment. To buy these records, add them to your "
    "cart and check out again."
)
ALREADY_PAYING = _(
    "Your payment is being confirmed. This page will show the order as paid in a moment."
)


class ReturnError(ShopperFacingError):
    """A return the shopper may not ask for."""


RETURN_WINDOW_CLOSED = _(
    "The time to return records from this order ended on %(date)s. Please write to us if "
    "something is wrong with them."
)
RETURN_NOT_DELIVERED = _("Records can be returned once the order has been delivered.")
RETURN_ORDER_SETTLED = _(
    "This order's records have already come back or been refunded, so there is nothing left "
    "to return."
)
RETURN_OPEN = _(
    "Return %(number)s of this order is still open: receive or reject it first, so that no "
    "copy is counted twice."
)
RETURN_AWAITS_REFUND = _(
    "Return %(number)s is waiting for its refund: refund it from the return's page, so that "
    "the shopper is told which records the money is for."
)
RETURN_NOTHING_CHOSEN = _("Choose how many copies of at least one record you are sending back.")
RETURN_TOO_MANY = _(
    "You can send back at most %(count)s of %(title)s: the rest are already in a return."
)
RETURN_ALL_IN_RETURNS = _("Every record of this order is already in a return.")
