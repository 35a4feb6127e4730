from .cart import Cart, CartLine
from .orders import Order, OrderLine, PaymentEvent
from .refunds import Refund
from .shipping import ClosureDay, DispatchSettings, ShippingMethod, ShippingRate, ShippingZone

__all__ = [
    "Cart",
    "CartLine",
    "ClosureDay",
    "DispatchSettings",
    "Order",
    "OrderLine",
    "PaymentEvent",
    "Refund",
    "ShippingMethod",
    "ShippingRate",
    "ShippingZone",
]
