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
