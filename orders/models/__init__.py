from .addresses import SavedAddress
from .cart import Cart, CartLine
from .limits import HoldingLimits
from .orders import Order, OrderLine, PaymentEvent
from .refunds import Refund
from .returns import Return, ReturnLine, ReturnPolicy
from .shipping import ClosureDay, DispatchSettings, ShippingMethod, ShippingRate, ShippingZone
from .wishlist import WishlistItem

__all__ = [
    "Cart",
    "CartLine",
    "ClosureDay",
    "DispatchSettings",
    "HoldingLimits",
    "Order",
    "OrderLine",
    "PaymentEvent",
    "Refund",
    "Return",
    "ReturnLine",
    "ReturnPolicy",
    "SavedAddress",
    "ShippingMethod",
    "ShippingRate",
    "ShippingZone",
    "WishlistItem",
]
