"""What can go wrong while buying, with the message the shopper sees."""

from django.utils.translation import gettext_lazy as _


class CartError(Exception):
    """A cart change that cannot be made. `message` is shown to the shopper."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


SOLD_OUT = _("Sorry, this record is sold out.")
BAD_QUANTITY = _("Please enter a quantity between 1 and %(max)s.")
NOT_FOR_SALE = _("This record is not for sale.")


class CheckoutError(Exception):
    """An order that cannot be placed or paid. `message` is shown to the shopper."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class PaymentProviderError(Exception):
    """Stripe could not be reached or refused the request."""


EMPTY_CART = _("Your cart is empty, so there is nothing to check out.")
SOLD_OUT_DURING_CHECKOUT = _(
    "Sorry, %(title)s sold out while you were checking out. Your cart has been updated."
)
NO_SUCH_METHOD = _("Please choose one of the shipping methods offered for your country.")
NO_SHIPPING_TO_COUNTRY = _("Sorry, we do not ship to this country yet.")
CURRENCY_GONE = _("Your currency is no longer offered. Please choose another one.")
PAYMENT_UNAVAILABLE = _(
    "We could not reach our payment provider. Your order is saved and your records are "
    "reserved: please try again in a moment."
)
